"""Structural facts of indonesia-1967 that its sources state."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("indonesia-1967")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


def test_bappenas_is_the_technocrat_group_under_the_president(G):
    assert G.nodes["bappenas"]["role"] == "pilot_agency"
    assert G.nodes["bappenas"]["kind"] == "planning_agency"
    assert relation(G, "president", "bappenas") == "directs"


def test_bappenas_plans_above_all_ministries(G):
    assert relation(G, "bappenas", "ministries") == "plans_for"
    assert not G.has_edge("ministries", "bappenas")


def test_berkeley_mafia_staff_bappenas_and_advise_suharto(G):
    assert relation(G, "berkeley_mafia", "bappenas") == "member_of"
    assert relation(G, "berkeley_mafia", "president") == "advises"


def test_university_of_indonesia_supplies_the_technocrats(G):
    assert relation(G, "univ_indonesia", "berkeley_mafia") == "provides_services_to"
    assert G.nodes["univ_indonesia"]["kind"] == "university"


def test_garbled_ucla_is_kept_in_the_quote_and_noted(G):
    node = G.nodes["us_university"]
    assert "UCLA" in node["quote"]
    assert "Berkeley" in node["label"] and "garbled" in node["description"]
    assert relation(G, "us_university", "univ_indonesia") == "provides_services_to"


def test_us_support_funds_the_programme(G):
    assert relation(G, "us_support", "univ_indonesia") == "funds"
    assert G.nodes["us_support"]["kind"] == "donor"


def test_suharto_era(G):
    assert (G.graph["start"], G.graph["end"]) == (1967, 1998)
    assert all(not d["external"] for _, d in G.nodes(data=True))
