"""Structural facts of japan-1955 that its sources state."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("japan-1955")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


def test_miti_is_the_industrial_super_ministry(G):
    assert G.nodes["miti"]["role"] == "industrial_ministry"
    assert "super-ministry" in G.nodes["miti"]["quote"]


def test_miti_has_vertical_and_horizontal_bureaus(G):
    bureaus = {v for _, v, d in G.out_edges("miti", data=True) if d["relation"] == "directs"}
    assert bureaus == {"miti_vertical", "miti_horizontal"}
    assert all(G.nodes[b]["kind"] == "bureau" for b in bureaus)


def test_miti_works_with_the_private_sector_directly_and_through_a_council(G):
    assert relation(G, "miti", "private_sector") == "cooperates_with"
    assert relation(G, "private_sector", "isc") == "member_of"
    assert relation(G, "miti", "isc") == "manages"


def test_plans_made_via_a_deliberation_council(G):
    assert relation(G, "economic_council", "pm") == "advises"
    assert relation(G, "epa", "economic_council") == "secretariat_for"
    assert G.nodes["economic_council"]["kind"] == "council"


def test_no_single_superministry(G):
    # no body plans for or directs the ministries except the Prime Minister
    commanders = {u for u, v, d in G.edges(data=True) if d["relation"] in ("plans_for", "directs") and G.nodes[v]["kind"] == "ministry"}
    assert commanders == {"pm"}
    assert not any(d["role"] == "pilot_agency" for _, d in G.nodes(data=True))


def test_industrial_structure_council_dates_from_1964(G):
    assert G.nodes["isc"]["start"] == 1964
    assert G.nodes["isc"]["external"] is True


def test_kinds_present(G):
    kinds = {d["kind"] for _, d in G.nodes(data=True)}
    assert kinds == {"head_of_government", "planning_agency", "council", "ministry", "bureau", "firm"}
