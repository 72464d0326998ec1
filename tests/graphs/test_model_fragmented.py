"""Structural facts of the model-fragmented archetype, from the slides."""

import pytest

from instnet.load import load_network


@pytest.fixture(scope="module")
def G():
    return load_network("model-fragmented")


def test_is_idealized(G):
    assert G.graph["idealized"] is True


def test_seven_actors_as_the_us_line_lists(G):
    # "Depts. of Commerce, Defense, Energy, State, USTR, Congress, White House"
    assert G.number_of_nodes() == 7
    assert sum(d["kind"] == "ministry" for _, d in G.nodes(data=True)) == 4


def test_no_coordinating_center(G):
    assert G.number_of_edges() == 0


def test_legislature_and_leader_are_present_but_coordinate_nothing(G):
    assert G.nodes["legislature"]["kind"] == "legislature"
    assert G.nodes["leader"]["kind"] == "head_of_government"
    assert G.degree("leader") == 0


def test_every_actor_quotes_the_us_line(G):
    assert {d["quote"] for _, d in G.nodes(data=True)} == {
        "Cf. US (fragmented machinery): Depts. of Commerce, Defense, Energy, State, USTR, Congress, White House"
    }
