"""Structural facts of japan-2012 that its sources state."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("japan-2012")


def relation(G, source, target):
    return G.edges[source, target]["relation"]


def test_prime_minister_chairs_the_economic_councils(G):
    chaired = {v for _, v, d in G.out_edges("pm", data=True) if d["relation"] == "chairs"}
    assert chaired == {"cefp", "hq", "icc"}


def test_prime_minister_leads_strongly(G):
    assert G.nodes["pm"]["role"] == "top_leader"
    assert "strong leadership" in G.nodes["pm"]["quote"]
    assert relation(G, "pm", "miti") == "directs"


def test_meti_keeps_mitis_id_and_sits_on_the_councils(G):
    assert "METI" in G.nodes["miti"]["label"]
    assert relation(G, "miti", "hq") == "member_of"
    assert relation(G, "miti", "icc") == "member_of"


def test_deliberation_council_kept_for_consensus_building(G):
    assert relation(G, "miti", "isc") == "manages"
    assert "consensus-building" in G.edges["miti", "isc"]["quote"]
    assert G.nodes["isc"]["role"] == "consensus_forum"


def test_meti_supports_business(G):
    assert relation(G, "miti", "private_sector") == "provides_services_to"


def test_headquarters_set_up_the_competitiveness_council_and_works_with_cefp(G):
    assert relation(G, "hq", "icc") == "establishes"
    assert relation(G, "hq", "cefp") == "cooperates_with"
    assert G.nodes["icc"]["start"] == 2013


def test_named_councils_are_external(G):
    councils = {n for n, d in G.nodes(data=True) if d["kind"] == "council"}
    assert councils == {"cefp", "hq", "icc", "isc"}
    assert all(G.nodes[c]["external"] for c in councils)
