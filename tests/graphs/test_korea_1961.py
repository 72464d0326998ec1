"""Structural facts of korea-1961 that its sources state."""

import pytest

from instnet.load import load_network

MINISTRIES = {"mof", "mci", "moc", "mst", "mofa"}


@pytest.fixture(scope="module")
def G():
    return load_network("korea-1961")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


# grips (the Korea slide): "Monthly Export Promotion Meetings headed by President Park"
def test_president_heads_the_monthly_export_promotion_meetings(G):
    assert relation(G, "president", "export_meeting") == "chairs"
    assert G.nodes["export_meeting"]["kind"] == "council"


# grips (slides 'Technocrat Group Approach' and the Korea slide): "EPB as superministry"
def test_epb_is_the_pilot_agency_under_the_president(G):
    assert relation(G, "president", "epb") == "directs"
    assert G.nodes["epb"]["role"] == "pilot_agency"
    assert "superministry" in G.nodes["epb"]["quote"]


# grips (comparison table): "A planning body above all ministries; the latter are implementing
# bodies", carried onto the ministries named by kim-2011 (pp. 207, 227), etnews-most and
# joongang-1968; the collective "Ministries/Agencies" node is gone
def test_epb_plans_above_each_named_ministry(G):
    assert "ministries" not in G
    ministries = {n for n, d in G.nodes(data=True) if d["kind"] == "ministry"}
    assert ministries == MINISTRIES
    for m in ministries:
        edge = G.edges["epb", m]
        assert edge["relation"] == "plans_for"
        assert edge["cite"] == "grips" and edge["basis"] == "inferred"
        assert not G.has_edge(m, "epb")


# grips: "Research institute (KDI, etc.), providing analysis for MLT economic policies"
def test_kdi_provides_analysis(G):
    assert G.nodes["kdi"]["kind"] == "research_institute"
    assert relation(G, "kdi", "epb") == "advises"


# grips: "Performance-based rewards & penalties", drawn from the MoF and the MCI, which
# kim-2011 (p. 207) says dealt with the state banks and the chaebol
def test_rewards_and_penalties_come_from_finance_and_commerce(G):
    givers = {u for u, _, d in G.in_edges("business", data=True) if d["relation"] == "incentivizes"}
    assert givers == {"mof", "mci"}
    assert G.nodes["business"]["role"] == "private_sector"
    assert G.nodes["mci"]["role"] == "industrial_ministry"
    assert G.nodes["mof"]["role"] == "macro_agency"


# han-kang-2014: business took part in the export promotion meetings
def test_business_takes_part_in_the_export_meetings_on_an_external_reference(G):
    edge = G.edges["business", "export_meeting"]
    assert edge["relation"] == "member_of"
    assert edge["external"] is True


# archives-export (National Archives of Korea): the Minister of Commerce and Industry
# prepared and ran the meetings, held monthly from January 1965; heads of economic
# organizations joined from 1969 (KITA and FKI read as such, inferred)
def test_mci_runs_the_export_meetings_from_1965(G):
    assert relation(G, "mci", "export_meeting") == "manages"
    assert G.nodes["export_meeting"]["start"] == 1965
    members = {u for u, _, d in G.in_edges("export_meeting", data=True) if d["relation"] == "member_of"}
    assert members == {"business", "mofa", "kita", "fki"}
    for assoc in ("kita", "fki"):
        edge = G.edges[assoc, "export_meeting"]
        assert edge["basis"] == "inferred" and edge["start"] == 1969
        assert G.nodes[assoc]["kind"] == "business_association"


# chosun-2008: "In 1962, the EPB started the first five-year economic development plan";
# kdi-2014-epb: formulating the plans was a founding objective of the EPB
def test_epb_sets_up_the_five_year_plans(G):
    assert relation(G, "epb", "fyp") == "establishes"
    assert G.nodes["fyp"]["kind"] == "law" and G.nodes["fyp"]["start"] == 1962
    # bok-history: the 1962 revision of the Bank of Korea Act turned the bank towards
    # supporting government-led growth
    assert G.nodes["bok"]["kind"] == "central_bank"
    assert relation(G, "bok", "fyp") == "supports"


# joongang-trend: the President presided in person over the Monthly Economic Trend Report
# Meeting; joongang-trend-epb: the EPB delivered the report
def test_president_chairs_the_monthly_economic_trend_report_meeting(G):
    assert relation(G, "president", "trend_meeting") == "chairs"
    assert relation(G, "epb", "trend_meeting") == "member_of"
    councils = {n for n, d in G.nodes(data=True) if d["kind"] == "council"}
    assert councils == {"export_meeting", "trend_meeting", "cphci", "working_meeting"}


# littlekorea-kotra: KOTRA founded on 21 June 1962 to support industry's entry into
# overseas markets
def test_kotra_serves_exporters_from_1962(G):
    assert G.nodes["kotra"]["start"] == 1962
    assert relation(G, "kotra", "business") == "provides_services_to"


# kim-2011 (pp. 226-227): the cabinet-level CPHCI adjourned after its 18th meeting in
# February 1974; the Planning Corps chief relayed presidential directives; the weekly
# working-level meeting met between 1974 and 1979; kim-hyunga-2004: the HCI policy was
# declared on 12 January 1973
def test_heavy_and_chemical_industry_machinery(G):
    assert G.nodes["cphci"]["end"] == 1974
    assert (G.nodes["working_meeting"]["start"], G.nodes["working_meeting"]["end"]) == (1974, 1979)
    assert relation(G, "president", "hci_corps") == "delegates_to"
    assert relation(G, "hci_corps", "cphci") == "secretariat_for"
    assert relation(G, "hci_corps", "working_meeting") == "advises"
    assert relation(G, "president", "hci_plan") == "establishes"
    assert G.nodes["hci_plan"]["start"] == 1973


# loc-banking and kim-2011 (p. 207): nationalized banks, tied to the MoF; kdevelopedia-finance:
# the KDB gave long-term credit to key industries
def test_money_reaches_business_through_the_state_banks_and_the_kdb(G):
    assert relation(G, "mof", "state_banks") == "directs"
    assert relation(G, "state_banks", "business") == "funds"
    assert relation(G, "kdb", "business") == "funds"


# grips ('Other Examples'): the returning diaspora, without ties
def test_diaspora_has_no_ties(G):
    assert G.degree("diaspora") == 0


def test_seed_layer_and_era(G):
    # the seed rows keep the slides' citation; everything not from the slides is external
    seed_nodes = {n for n, d in G.nodes(data=True) if not d["external"]}
    assert seed_nodes == {"president", "epb", "kdi", "business", "export_meeting", "diaspora"}
    seed_edges = {(u, v) for u, v, d in G.edges(data=True) if not d["external"]}
    assert ("president", "epb") in seed_edges and ("kdi", "epb") in seed_edges
    assert all(d["cite"] == "grips" for u, v, d in G.edges(data=True) if (u, v) in seed_edges)
    assert (G.graph["start"], G.graph["end"]) == (1961, 1979)
    assert 20 <= G.number_of_nodes() <= 40


def test_kinds_present(G):
    kinds = {d["kind"] for _, d in G.nodes(data=True)}
    assert kinds == {
        "head_of_government",
        "planning_agency",
        "ministry",
        "research_institute",
        "firm",
        "council",
        "expert_group",
        "state_enterprise",
        "business_association",
        "central_bank",
        "law",
        "bureau",
    }
