"""Structural facts of usa-1989 that its sources state."""

import pytest

from instnet.load import load_network
from instnet.model import RELATIONS


@pytest.fixture(scope="module")
def G():
    return load_network("usa-1989")


def test_the_seven_actors_the_slide_lists(G):
    assert set(G) == {"white_house", "commerce", "defense", "energy", "state", "ustr", "congress"}
    assert all(not d["external"] for _, d in G.nodes(data=True))


def test_president_heads_the_departments_and_ustr(G):
    directed = {v for _, v, d in G.out_edges("white_house", data=True) if d["relation"] == "directs"}
    assert directed == {"commerce", "defense", "energy", "state", "ustr"}


def test_ustr_is_in_the_executive_office_on_a_statute(G):
    edge = G.edges["white_house", "ustr"]
    assert edge["basis"] == "stated" and edge["external"]


def test_congress_funds_every_department(G):
    funded = {v for _, v, d in G.out_edges("congress", data=True) if d["relation"] == "funds"}
    assert funded == {"commerce", "defense", "energy", "state", "ustr"}
    assert G.nodes["congress"]["kind"] == "legislature"


def test_fragmented_no_planner_and_no_horizontal_ties(G):
    relations = {d["relation"] for _, _, d in G.edges(data=True)}
    assert "plans_for" not in relations
    assert all(RELATIONS[r].axis != "horizontal" for r in relations)
    assert not any(d["kind"] in ("council", "planning_agency") for _, d in G.nodes(data=True))


def test_departments_do_not_act_on_each_other(G):
    departments = {"commerce", "defense", "energy", "state", "ustr"}
    assert all(G.out_degree(n) == 0 for n in departments)
    assert all(d["external"] for _, _, d in G.edges(data=True))
