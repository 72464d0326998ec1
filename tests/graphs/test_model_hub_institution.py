"""Structural facts of the model-hub-institution archetype, from the slides."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("model-hub-institution")


def test_hub_is_a_hub_institution(G):
    assert G.nodes["hub"]["kind"] == "hub_institution"
    assert G.nodes["hub"]["role"] == "sector_hub"


def test_ministry_lets_the_hub_produce_policy(G):
    # "MOI lets hub institution to produce policy"
    assert G.edges["ministry", "hub"]["relation"] == "delegates_to"


def test_hub_links_business_government_and_experts(G):
    linked = {v for _, v, d in G.out_edges("hub", data=True) if d["relation"] == "coordinates"}
    assert linked == {"ministry", "businesses", "experts"}


def test_hub_organizes_policy_drafting(G):
    # "the hub institution organizes and manages policy drafting"
    assert G.edges["hub", "policy"]["relation"] == "establishes"
    assert G.nodes["policy"]["kind"] == "law"


def test_stakeholders_are_not_tied_to_each_other(G):
    assert not G.has_edge("businesses", "experts") and not G.has_edge("experts", "businesses")
    assert G.graph["idealized"] is True
