"""Structural facts of usa-1989 that its sources state."""

import pytest

from instnet.load import load_network
from instnet.model import RELATIONS

SLIDE_ACTORS = {"white_house", "commerce", "defense", "energy", "state", "ustr", "congress"}
DEPARTMENTS = {"commerce", "defense", "energy", "state", "ustr", "treasury"}


@pytest.fixture(scope="module")
def G():
    return load_network("usa-1989")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


# grips: "Cf. US (fragmented machinery): Depts. of Commerce, Defense, Energy, State, USTR, Congress, White House"
def test_the_seven_actors_the_slide_lists_are_the_seed_layer(G):
    assert {n for n, d in G.nodes(data=True) if not d["external"]} == SLIDE_ACTORS
    assert len(G) > len(SLIDE_ACTORS)


# us-constitution (Art. II); lat-1993 (latimes.com 1993-01-19): "Budget Director Richard G. Darman"
def test_president_heads_the_departments_ustr_and_omb(G):
    directed = {v for _, v, d in G.out_edges("white_house", data=True) if d["relation"] == "directs"}
    assert directed == {"commerce", "defense", "energy", "state", "ustr", "treasury", "omb"}


# usc-19-2171 (law.cornell.edu): "There is established within the Executive Office of the President ..."
def test_ustr_is_in_the_executive_office_on_a_statute(G):
    edge = G.edges["white_house", "ustr"]
    assert edge["basis"] == "stated" and edge["external"]
    assert "Executive Office of the President" in edge["quote"]


# us-constitution (Art. I, s. 9, cl. 7): appropriations made by law
def test_congress_funds_every_department_and_office(G):
    funded = {v for _, v, d in G.out_edges("congress", data=True) if d["relation"] == "funds"}
    assert funded == {"commerce", "defense", "energy", "state", "ustr", "treasury", "omb", "cea"}
    assert G.nodes["congress"]["kind"] == "legislature"


# grips: "fragmented machinery"; no source read names a planner or a council chaired by the President
def test_fragmented_no_planner_and_no_council_under_the_president(G):
    relations = {d["relation"] for _, _, d in G.edges(data=True)}
    assert "plans_for" not in relations
    assert not any(d["kind"] == "planning_agency" for _, d in G.nodes(data=True))
    councils = {n for n, d in G.nodes(data=True) if d["kind"] == "council"}
    assert not any(G.has_edge("white_house", c) for c in councils)


def test_departments_hold_no_authority_over_each_other(G):
    for u, v, d in G.edges(data=True):
        if u in DEPARTMENTS and v in DEPARTMENTS:
            assert RELATIONS[d["relation"]].axis != "vertical"


# lat-1993: "so often undermining Brady's initiatives"; lat-1990: "a cat fight with the Federal Reserve"
def test_the_economic_team_at_odds(G):
    assert relation(G, "omb", "treasury") == "opposes"
    assert (G.edges["omb", "treasury"]["start"], G.edges["omb", "treasury"]["end"]) == (1989, 1993)
    assert relation(G, "treasury", "fed") == "opposes"
    assert G.nodes["fed"]["kind"] == "central_bank"


# pl-100-418 (FRASER; s. 5301 via budgetcounsel.com): OMB analysis "after consultation with the chairman
# of the Council of Economic Advisers"; millercenter-boskin: Boskin CEA chairman
def test_1988_act_enacted_and_omb_consults_the_cea(G):
    assert relation(G, "congress", "otca") == "enacts"
    assert G.nodes["otca"]["kind"] == "law"
    edge = G.edges["omb", "cea"]
    assert edge["relation"] == "consults" and (edge["start"], edge["end"]) == (1989, 1992)
    assert relation(G, "cea", "white_house") == "advises"


# pl-100-418, 102 Stat. 1266: committees "meet at the call of the United States Trade Representative and the
# Secretaries of Agriculture, Commerce, Labor, Defense"; gao-02-876: committees "to advise the President"
def test_private_sector_trade_advisory_committees(G):
    callers = {u for u, _, d in G.in_edges("trade_advisory_committees", data=True) if d["relation"] == "consults"}
    assert callers == {"ustr", "commerce", "defense"}
    assert relation(G, "trade_advisory_committees", "white_house") == "advises"
    assert relation(G, "private_advisers", "trade_advisory_committees") == "member_of"


# cfr-15-2001 (40 FR 18419, 1975): "the unit known as the Trade Policy Staff Committee";
# ustr-tpsc: "USTR chairs and administers ... the Trade Policy Staff Committee"
def test_ustr_chairs_the_tpsc_whose_1989_members_are_not_drawn(G):
    assert relation(G, "ustr", "tpsc") == "chairs"
    assert G.edges["ustr", "tpsc"]["basis"] == "inferred"
    assert [u for u, _, d in G.in_edges("tpsc", data=True) if d["relation"] == "member_of"] == []


# gao-rced-90-37 (Nov 1989): DARPA oversight; "a consortium of U.S. semiconductor and computer companies";
# council "not convened until February 1992"; gao-rced-92-283: no matching federal funds after FY 1997
def test_sematech_funded_through_darpa_with_a_late_advisory_council(G):
    assert relation(G, "defense", "darpa") == "directs"
    assert relation(G, "darpa", "sematech") == "funds"
    assert G.edges["darpa", "sematech"]["end"] == 1997
    assert relation(G, "chip_firms", "sematech") == "member_of"
    assert relation(G, "congress", "sematech_council") == "establishes"
    assert G.nodes["sematech_council"]["start"] == 1992


# wartell-nec (docslib, p. 15): "an Economic Policy Committee overseen by the Treasury secretary, but Bush relied on it
# little"; wiki-cpc: "chartered in 1988 to advise the president and the Congress"; began 1991, ceased 1997
def test_advisory_councils_of_the_bush_years(G):
    assert relation(G, "treasury", "epc") == "chairs"
    assert relation(G, "epc", "white_house") == "advises"
    assert relation(G, "omb", "white_house") == "advises"
    assert relation(G, "otca", "cpc") == "establishes"
    assert {v for _, v, d in G.out_edges("cpc", data=True) if d["relation"] == "advises"} == {"white_house", "congress"}
    assert (G.nodes["cpc"]["start"], G.nodes["cpc"]["end"]) == (1991, 1997)
