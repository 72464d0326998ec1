"""Structural facts of the model-super-ministry archetype, from the slides."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("model-super-ministry")


def test_one_ministry_with_broad_authority(G):
    ministries = [n for n, d in G.nodes(data=True) if d["kind"] == "ministry"]
    assert ministries == ["super_ministry"]
    assert G.nodes["super_ministry"]["role"] == "industrial_ministry"


def test_no_charismatic_leader_needed(G):
    # "No charismatic leader is needed for this approach to work."
    assert not any(d["kind"] == "head_of_government" for _, d in G.nodes(data=True))


def test_works_with_businesses_and_stakeholders(G):
    for partner in ("businesses", "stakeholders"):
        assert G.edges["super_ministry", partner]["relation"] == "cooperates_with"


def test_drafts_laws_and_interfaces_with_politicians(G):
    assert G.edges["super_ministry", "laws"]["relation"] == "establishes"
    assert G.nodes["laws"]["kind"] == "law"
    assert G.edges["super_ministry", "politicians"]["relation"] == "consults"


def test_the_ministry_is_the_only_source_of_ties(G):
    assert {u for u, _ in G.edges()} == {"super_ministry"}
    assert G.graph["idealized"] is True
