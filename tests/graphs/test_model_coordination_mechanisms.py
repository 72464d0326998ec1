"""Structural facts of the model-coordination-mechanisms archetype, from the slides' diagram."""

import pytest

from instnet.load import load_network

IMPLEMENTERS = ("ministries", "local_govt", "other_state_organs")


@pytest.fixture(scope="module")
def G():
    return load_network("model-coordination-mechanisms")


def test_diagram_actors(G):
    assert set(G.nodes) == {"leader", "technocrats", *IMPLEMENTERS, "donors", "private_stakeholders"}
    assert G.graph["idealized"] is True


def test_leader_supplies_political_will_to_the_technocrats(G):
    assert G.edges["leader", "technocrats"]["relation"] == "directs"
    assert G.nodes["leader"]["quote"] == "Political will"


@pytest.mark.parametrize("implementer", IMPLEMENTERS)
def test_technocrats_plan_for_the_implementers(G, implementer):
    assert G.edges["technocrats", implementer]["relation"] == "plans_for"


def test_technocrats_align_aid_and_stakeholders(G):
    assert G.edges["technocrats", "donors"]["relation"] == "coordinates"
    assert G.edges["technocrats", "private_stakeholders"]["relation"] == "coordinates"


def test_lost_arrows_make_every_edge_inferred(G):
    assert {d["basis"] for *_, d in G.edges(data=True)} == {"inferred"}
    assert G.nodes["technocrats"]["role"] == "pilot_agency"
