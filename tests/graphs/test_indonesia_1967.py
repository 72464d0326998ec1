"""Structural facts of indonesia-1967 that its sources state."""

import pytest

from instnet.load import load_network

NAMED_MINISTRIES = {"mof", "industry", "trade", "mining", "transport"}


@pytest.fixture(scope="module")
def G():
    return load_network("indonesia-1967")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


# grips: "Indonesia – BAPPENAS (Suharto)"; technocrat group "under PM/President"
def test_bappenas_is_the_technocrat_group_under_the_president(G):
    assert G.nodes["bappenas"]["role"] == "pilot_agency"
    assert G.nodes["bappenas"]["kind"] == "planning_agency"
    assert relation(G, "president", "bappenas") == "directs"


# grips: "A planning body above all ministries; the latter are implementing bodies";
# the ministries named by ford-2003 (web.archive.org copy of fordfound.org ... /057.cfm)
def test_bappenas_plans_above_the_named_ministries(G):
    assert "ministries" not in G  # the collective node is replaced by the named ones
    planned = {v for _, v, d in G.out_edges("bappenas", data=True) if d["relation"] == "plans_for"}
    assert planned == NAMED_MINISTRIES
    for m in NAMED_MINISTRIES:
        assert G.edges["bappenas", m]["cite"] == "grips"
        assert G.edges["bappenas", m]["basis"] == "inferred"
        assert not G.has_edge(m, "bappenas")


# ford-2003: "occupied key positions in the planning agency, in the finance industry,
# trade, mining, and transportation departments"; "assisting President Suharto"
def test_berkeley_mafia_staff_bappenas_and_the_ministries_and_advise_suharto(G):
    assert relation(G, "berkeley_mafia", "bappenas") == "member_of"
    assert relation(G, "berkeley_mafia", "president") == "advises"
    for m in NAMED_MINISTRIES:
        assert relation(G, "berkeley_mafia", m) == "member_of"
    assert G.nodes["mof"]["role"] == "macro_agency"


# grips: "Role of (top) universities in supplying elite technocrats"
def test_university_of_indonesia_supplies_the_technocrats(G):
    assert relation(G, "univ_indonesia", "berkeley_mafia") == "provides_services_to"
    assert G.nodes["univ_indonesia"]["kind"] == "university"


# grips: "UCLA University of Indonesia"; ford-2003: "cooperative program between FEUI and UC Berkeley"
def test_garbled_ucla_is_kept_in_the_quote_and_noted(G):
    node = G.nodes["us_university"]
    assert "UCLA" in node["quote"]
    assert "Berkeley" in node["label"] and "garbled" in node["description"]
    assert relation(G, "us_university", "univ_indonesia") == "provides_services_to"


# grips: "(with US support)"; ford-2003: "supported by the Ford Foundation";
# jp-berkeley (jawawa.id archive): "the Ford Foundation and the United States Agency for International Development"
def test_us_support_is_the_ford_foundation_and_usaid(G):
    assert "us_support" not in G
    assert relation(G, "ford_foundation", "univ_indonesia") == "funds"
    assert G.edges["ford_foundation", "univ_indonesia"]["quote"] == "(with US support)"
    assert relation(G, "usaid", "univ_indonesia") == "funds"
    assert G.nodes["ford_foundation"]["kind"] == G.nodes["usaid"]["kind"] == "donor"


# lpem-widjojo (lpem.org personnel page): Coordinating Minister ... (1973-1978 and 1978-1983);
# wiki-widjojo: "Coordinating Minister for Economy, Finance and Industry (1973–1983)"
def test_coordinating_minister_held_by_the_technocrats_1973_83(G):
    edge = G.edges["berkeley_mafia", "ekuin"]
    assert edge["relation"] == "member_of" and (edge["start"], edge["end"]) == (1973, 1983)
    coordinated = {v for _, v, d in G.out_edges("ekuin", data=True) if d["relation"] == "coordinates"}
    assert coordinated == {"mof", "industry", "trade"}


# kemdikbud-repelita (kebudayaan.kemdikbud.go.id/dpk/850/): "Soeharto menugasi Bappenas ...
# (Repelita)"; "Repelita I (1969–1974)"
def test_bappenas_drafts_the_first_five_year_plan(G):
    assert relation(G, "bappenas", "repelita1") == "establishes"
    plan = G.nodes["repelita1"]
    assert plan["kind"] == "law" and (plan["start"], plan["end"]) == (1969, 1974)


# law-13-1968 (JDIH Kemenkeu, Art. 1 and 49); bi-history (bi.go.id history part 1);
# fitri-otoritas: members "Menteri Keuangan, seorang menteri bidang ekonomi, dan Gubernur BI"
def test_central_bank_and_monetary_board_under_the_1968_act(G):
    assert G.nodes["bank_indonesia"]["kind"] == "central_bank"
    assert relation(G, "monetary_board", "bank_indonesia") == "advises"
    members = {u for u, _, d in G.in_edges("monetary_board", data=True) if d["relation"] == "member_of"}
    assert members == {"mof", "bank_indonesia"}
    assert relation(G, "president", "bank_indonesia") == "directs"


# shiraishi-2006 (RIETI DP 06-E-008, abstract p. 2): engineers in "the Ministry of Industry,
# the Investment Coordination Agency and the BPPT" challenged the technocrats;
# jp-2001-bppt: "The BPPT was established in 1978"
def test_engineers_rival_centres_oppose_the_technocrats(G):
    opponents = {u for u, _, d in G.in_edges("berkeley_mafia", data=True) if d["relation"] == "opposes"}
    assert {"industry", "bkpm", "bppt", "pertamina"} <= opponents
    assert G.nodes["bppt"]["start"] == 1978
    assert G.nodes["pertamina"]["kind"] == "state_enterprise"


# shiraishi-2006: "in alliance with the IMF ... found themselves shut out by Soeharto"
def test_in_the_asian_crisis_imf_allies_and_suharto_shuts_them_out(G):
    assert relation(G, "imf", "berkeley_mafia") == "cooperates_with"
    assert relation(G, "president", "berkeley_mafia") == "opposes"
    assert G.edges["president", "berkeley_mafia"]["start"] == 1997


# nrc-1992 (NRC Handelsblad, 10 April 1992): IGGI "door Nederland geleid"; World Bank member,
# then leading the new group; frus-1969-76-xx-319: IGGI approval of the aid projection
def test_aid_consortium_iggi_then_the_world_bank_group(G):
    assert relation(G, "netherlands", "iggi") == "chairs"
    assert relation(G, "world_bank", "iggi") == "member_of"
    assert relation(G, "world_bank", "cgi") == "chairs"
    assert G.nodes["iggi"]["end"] == 1992 and G.nodes["cgi"]["start"] == 1992
    assert relation(G, "iggi", "mof") == "funds"


def test_suharto_era_and_the_seed_layer(G):
    assert (G.graph["start"], G.graph["end"]) == (1967, 1998)
    seeded = {n for n, d in G.nodes(data=True) if not d["external"]}
    assert seeded == {"president", "bappenas", "berkeley_mafia", "univ_indonesia", "us_university"}
    assert len(G) >= 20
