"""Structural facts of the malaysia-2004 network, each checked against its sources."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("malaysia-2004")


def test_council_is_a_consensus_forum_for_the_whole_era(G):
    # "Malaysia Now: National SME Dev. Council"
    assert G.nodes["nsdc"]["kind"] == "council"
    assert G.nodes["nsdc"]["role"] == "consensus_forum"
    assert G.graph["start"] == 2004 and G.graph["end"] is None


def test_central_bank_was_secretariat_until_2009(G):
    # "Bank Negara Malaysia (central bank) served as a secretariat ... until ... 2009."
    edge = G.edges["bnm", "nsdc"]
    assert edge["relation"] == "secretariat_for"
    assert edge["end"] == 2009 and edge["start"] is None
    assert G.nodes["bnm"]["kind"] == "central_bank"


def test_sme_corp_takes_over_the_secretariat_from_2009(G):
    edge = G.edges["sme_corp", "nsdc"]
    assert edge["relation"] == "secretariat_for"
    assert edge["start"] == 2009
    assert G.nodes["sme_corp"]["start"] == 2009


def test_secretariats_never_overlap(G):
    secretariats = [(u, d) for u, v, d in G.in_edges("nsdc", data=True) if d["relation"] == "secretariat_for"]
    assert len(secretariats) == 2
    (_, a), (_, b) = sorted(secretariats, key=lambda item: item[1]["start"] or 0)
    assert a["end"] <= b["start"]


def test_prime_minister_chairs_and_ministries_sit_on_the_council(G):
    assert G.edges["pm", "nsdc"]["relation"] == "chairs"
    members = {u for u, _, d in G.in_edges("nsdc", data=True) if d["relation"] == "member_of"}
    assert members == {"miti", "ministries"}


def test_only_the_seed_items_are_not_external(G):
    seeded = {n for n, d in G.nodes(data=True) if not d["external"]}
    assert seeded == {"nsdc", "bnm", "sme_corp"}
    assert G.edges["pm", "nsdc"]["external"]
