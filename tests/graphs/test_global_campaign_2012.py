"""Structural facts of the global-campaign-2012 network, each checked against the blog post."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("global-campaign-2012")


def stance(G, actor):
    data = G.get_edge_data(actor, "industrial_policy")
    return data["relation"] if data else None


def test_agenda_is_one_documented_node_of_kind_other(G):
    assert G.nodes["industrial_policy"]["kind"] == "other"
    assert "Not an actor" in G.nodes["industrial_policy"]["description"]
    assert G.out_degree("industrial_policy") == 0


@pytest.mark.parametrize("actor", ["chang", "ngos", "heterodox_economists", "national_governments", "unido"])
def test_stated_supporters(G, actor):
    assert stance(G, actor) == "supports"
    assert G.edges[actor, "industrial_policy"]["basis"] == "stated"


def test_aid_donors_still_largely_oppose(G):
    # "the aid donors (who still largely oppose industrial policy ...)"
    assert stance(G, "aid_donors") == "opposes"
    assert G.nodes["aid_donors"]["kind"] == "donor"


def test_multilaterals_get_no_invented_stance(G):
    # "not the multilaterals": neglect, neither support nor opposition
    assert stance(G, "multilaterals") is None
    assert G.degree("multilaterals") == 0


def test_powerful_countries_constrain_the_less_powerful(G):
    assert G.edges["powerful_countries", "less_powerful_countries"]["relation"] == "constrains"
    for regime in ("wto", "rtas"):
        assert G.edges[regime, "less_powerful_countries"]["relation"] == "constrains"
        assert G.nodes[regime]["kind"] == "international_org"


def test_union_and_ngo_views_are_both_recorded_without_a_tie(G):
    assert not G.has_edge("trade_unions", "ngos") and not G.has_edge("ngos", "trade_unions")
    description = G.nodes["trade_unions"]["description"]
    assert "competitors" in description and "welcome" in description


def test_tuc_and_oxfam_in_the_eti(G):
    assert G.edges["tuc", "oxfam"]["relation"] == "cooperates_with"
    assert {u for u, _ in G.in_edges("eti")} == {"tuc", "oxfam"}


def test_every_item_cites_the_blog_and_the_year_is_2012(G):
    assert {d["cite"] for _, d in G.nodes(data=True)} == {"blog"}
    assert {d["cite"] for *_, d in G.edges(data=True)} == {"blog"}
    assert G.graph["start"] == 2012
    assert "dsa-2012" in G.graph["references"]
