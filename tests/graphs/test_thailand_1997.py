"""Structural facts of the thailand-1997 network, each checked against its sources."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("thailand-1997")


def test_committee_is_the_seed_node(G):
    # "Thailand late 1990s: National Industrial Development Committee"
    assert G.nodes["nidc"]["kind"] == "council"
    assert G.nodes["nidc"]["role"] == "consensus_forum"
    assert not G.nodes["nidc"]["external"]


def test_committee_meeting_chaired_from_the_prime_ministers_office(G):
    assert G.edges["deputy_pm", "nidc"]["relation"] == "chairs"
    assert G.nodes["deputy_pm"]["kind"] == "head_of_government"
    assert "pm" not in G  # the formal chair is unknown: no Prime Minister node is invented


def test_subcommittee_proposes_and_committee_approves_the_plan(G):
    assert G.edges["irp_subcommittee", "nidc"]["relation"] == "advises"
    assert G.edges["nidc", "irp"]["relation"] == "establishes"
    assert G.nodes["irp"]["kind"] == "law"


def test_ministry_of_industry_drafts_the_plan(G):
    assert G.edges["moi", "irp"]["relation"] == "establishes"
    assert G.nodes["moi"]["role"] == "industrial_ministry"


def test_network_stays_small_and_external_items_are_marked(G):
    assert G.number_of_nodes() == 5
    assert {n for n, d in G.nodes(data=True) if not d["external"]} == {"nidc", "irp"}
    assert all(d["external"] for _, _, d in G.edges(data=True))
