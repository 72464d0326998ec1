"""Structural facts of taiwan-2010 that its sources state."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("taiwan-2010")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


def test_moea_is_the_one_stop_industrial_ministry_over_idb(G):
    assert G.nodes["moea"]["role"] == "industrial_ministry"
    assert relation(G, "moea", "idb") == "directs"
    assert G.nodes["idb"]["kind"] == "bureau"


def test_idb_gives_industrial_extension_services_to_firms(G):
    assert relation(G, "idb", "firms") == "provides_services_to"
    assert "industrial extension services" in G.edges["idb", "firms"]["quote"]


def test_policymaking_outsourced_to_think_tanks_that_run_committees_and_seminars(G):
    assert relation(G, "moea", "think_tanks") == "delegates_to"
    assert relation(G, "think_tanks", "committees") == "manages"
    assert relation(G, "think_tanks", "seminars") == "manages"


def test_committees_bring_ministries_and_experts_together(G):
    members = {u for u, _, d in G.in_edges("committees", data=True) if d["relation"] == "member_of"}
    assert members == {"ministries", "experts"}


def test_seminars_reach_the_private_sector(G):
    assert relation(G, "firms", "seminars") == "member_of"


def test_legislature_enacts_the_statute_that_guides_moea(G):
    assert relation(G, "legislature", "statute") == "enacts"
    assert relation(G, "statute", "moea") == "guides"
    assert "National Assembly" in G.edges["legislature", "statute"]["quote"]
    assert "Legislative Yuan" in G.nodes["legislature"]["label"]
    assert G.nodes["legislature"]["external"] is True


def test_special_task_forces_beside_idb_staff(G):
    assert relation(G, "idb", "task_forces") == "establishes"
    assert G.edges["idb", "task_forces"]["basis"] == "inferred"


def test_only_the_legislature_is_external(G):
    assert [n for n, d in G.nodes(data=True) if d["external"]] == ["legislature"]
    assert not any(d["external"] for _, _, d in G.edges(data=True))
