"""Structural facts of the thailand-1980 network, each checked against its sources."""

import itertools

import pytest

from instnet.load import load_network

COMMITTEES = ("esdc", "jpccc", "rdc")
MACRO = ("nesdb", "mof", "bot", "bob")


@pytest.fixture(scope="module")
def G():
    return load_network("thailand-1980")


def test_three_national_committees_are_the_seed_councils(G):
    # Changed: the three committees were the only councils; the cabinet (sakaeo-jppcc)
    # and the royal development projects committee (rdpb-background) are added, external.
    councils = {n for n, d in G.nodes(data=True) if d["kind"] == "council"}
    assert councils == set(COMMITTEES) | {"cabinet", "rdp_committee"}
    assert {c for c in councils if not G.nodes[c]["external"]} == set(COMMITTEES)


@pytest.mark.parametrize("committee", COMMITTEES)
def test_each_committee_is_chaired_by_prem_and_managed_by_nesdb(G, committee):
    # "These were chaired by PM Prem; managed by the ... (NESDB)"
    assert G.edges["pm", committee]["relation"] == "chairs"
    assert G.edges["nesdb", committee]["relation"] == "manages"


def test_macro_agencies_coordinate_closely(G):
    # "close coordination among macro economic agencies"
    for a, b in itertools.combinations(MACRO, 2):
        relation = (G.edges[a, b] if G.has_edge(a, b) else G.edges[b, a])["relation"]
        assert relation == "cooperates_with"
    assert {G.nodes[n]["role"] for n in MACRO if n != "nesdb"} == {"macro_agency"}


def test_sector_agencies_have_no_tie_to_macro_agencies(G):
    # "coordination between macroeconomic and sector agencies has not been strong"
    assert G.degree("sector_agencies") == 0
    assert G.nodes["sector_agencies"]["quote"].startswith("coordination between macroeconomic")


def test_jpccc_is_the_government_business_forum(G):
    members = {u for u, _, d in G.in_edges("jpccc", data=True) if d["relation"] == "member_of"}
    assert members == {"board_of_trade", "fti", "tba"}
    assert {G.nodes[m]["kind"] for m in members} == {"business_association"}
    assert all(G.edges[m, "jpccc"]["external"] for m in members)


def test_nesdb_is_the_planning_agency(G):
    assert G.nodes["nesdb"]["kind"] == "planning_agency"
    assert G.nodes["nesdb"]["role"] == "pilot_agency"
    assert G.graph["start"] == 1980 and G.graph["end"] == 1988


def test_cabinet_set_up_the_jpccc_in_1981(G):
    # sakaeo-jppcc (http://www.sakaeo.go.th/groo2.htm): cabinet resolution of 30 June 1981
    edge = G.edges["cabinet", "jpccc"]
    assert edge["relation"] == "establishes" and edge["start"] == 1981
    assert G.edges["jsccib", "jpccc"]["basis"] == "inferred"  # laothamatas-1992 abstract


def test_eastern_seaboard_programme(G):
    # thestandard-2017 (began in the Fifth Plan), bangkokpost-2016 (Prem's aspiration),
    # jica-esdp-1999 p. 1 (ODA loans to sixteen projects), jsce-laemchabang (PAT)
    assert G.edges["fifth_plan", "esdp"]["relation"] == "guides"
    assert G.edges["pm", "esdp"]["relation"] == "supports"
    assert G.edges["oecf", "esdp"]["relation"] == "funds"
    assert G.edges["esdp", "pat"]["relation"] == "guides"
    assert G.edges["esdc", "esdp"]["relation"] == "manages"
    assert (G.nodes["fifth_plan"]["start"], G.nodes["fifth_plan"]["end"]) == (1982, 1986)


def test_prem_set_up_the_royal_projects_committee_and_heads_the_boi(G):
    # rdpb-background (regulation effective 9 September 1981); ipa-1977 section 13
    assert G.edges["pm", "rdp_committee"]["relation"] == "establishes"
    assert G.nodes["rdp_committee"]["start"] == 1981
    assert G.edges["pm", "boi"]["relation"] == "directs"
    assert G.edges["ipa_1977", "boi"]["relation"] == "guides"


def test_added_record_is_external(G):
    added = {"cabinet", "jsccib", "fifth_plan", "esdp", "oecf", "pat", "rdp_committee", "boi", "ipa_1977"}
    assert G.number_of_nodes() == 21
    assert all(G.nodes[n]["external"] for n in added)
