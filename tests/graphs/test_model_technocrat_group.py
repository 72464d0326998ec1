"""Structural facts of the model-technocrat-group archetype, from the slides."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("model-technocrat-group")


def test_is_idealized_without_years(G):
    assert G.graph["idealized"] is True
    assert G.graph["start"] is None


def test_leader_gives_full_planning_authority(G):
    # "Elite technocrat group with full planning authority given by top leader"
    assert G.edges["leader", "technocrats"]["relation"] == "delegates_to"


def test_only_one_planning_body(G):
    # "Number: Only one"
    assert [n for n, d in G.nodes(data=True) if d["role"] == "pilot_agency"] == ["technocrats"]


def test_planning_body_above_all_ministries(G):
    # "A planning body above all ministries; the latter are implementing bodies"
    ministries = {n for n, d in G.nodes(data=True) if d["kind"] == "ministry"}
    assert len(ministries) == 3
    assert {v for _, v, d in G.out_edges("technocrats", data=True) if d["relation"] == "plans_for"} == ministries


def test_ministries_only_implement(G):
    ministries = [n for n, d in G.nodes(data=True) if d["kind"] == "ministry"]
    assert all(G.out_degree(m) == 0 for m in ministries)
    assert all(G.nodes[m]["basis"] == "inferred" and "idealization" in G.nodes[m]["description"] for m in ministries)
