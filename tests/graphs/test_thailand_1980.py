"""Structural facts of the thailand-1980 network, each checked against its sources."""

import itertools

import pytest

from instnet.load import load_network

COMMITTEES = ("esdc", "jpccc", "rdc")
MACRO = ("nesdb", "mof", "bot", "bob")


@pytest.fixture(scope="module")
def G():
    return load_network("thailand-1980")


def test_three_national_committees_are_councils(G):
    councils = {n for n, d in G.nodes(data=True) if d["kind"] == "council"}
    assert councils == set(COMMITTEES)


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
