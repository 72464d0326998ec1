"""Structural facts of the model-strong-leader archetype, from the slides."""

import pytest

from instnet.load import load_network

PARTNERS = ("businesses", "investors", "donors", "experts")


@pytest.fixture(scope="module")
def G():
    return load_network("model-strong-leader")


def test_leader_is_the_top_leader(G):
    assert G.nodes["leader"]["role"] == "top_leader"
    assert G.graph["idealized"] is True


def test_leader_works_bilaterally_with_everyone(G):
    # "works bilaterally with ministries, businesses, investors, donors, experts"
    assert set(G.successors("leader")) == set(G.nodes) - {"leader"}


def test_ministries_take_direction(G):
    for i in (1, 2, 3):
        assert G.edges["leader", f"ministry_{i}"]["relation"] == "directs"


@pytest.mark.parametrize("partner", PARTNERS)
def test_non_government_partners_cooperate(G, partner):
    assert G.edges["leader", partner]["relation"] == "cooperates_with"


def test_no_horizontal_coordination(G):
    # "integrates all policy actions without horizontal coordination"
    assert all(u == "leader" for u, _ in G.edges())
