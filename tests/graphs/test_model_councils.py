"""Structural facts of the model-councils archetype, from the slides."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("model-councils")


def councils(G):
    return sorted(n for n, d in G.nodes(data=True) if d["kind"] == "council")


def test_is_idealized(G):
    assert G.graph["idealized"] is True


def test_up_to_several_councils(G):
    # "Number: Up to several"
    assert len(councils(G)) >= 2
    assert {G.nodes[c]["role"] for c in councils(G)} == {"consensus_forum"}


def test_ministers_participate_as_members(G):
    # "Ministers and officials participate in policy making as members"
    for c in councils(G):
        members = {u for u, _, d in G.in_edges(c, data=True) if d["relation"] == "member_of"}
        assert members == {"ministry_1", "ministry_2", "ministry_3"}


def test_no_planning_body_above_the_ministries(G):
    assert not any(d["relation"] == "plans_for" for *_, d in G.edges(data=True))
    assert not any(d["kind"] == "planning_agency" for _, d in G.nodes(data=True))


def test_no_chair_is_invented(G):
    assert not any(d["relation"] == "chairs" for *_, d in G.edges(data=True))
    assert not any(d["kind"] == "head_of_government" for _, d in G.nodes(data=True))
