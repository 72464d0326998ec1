"""The seed layer and the network as it stood in a year."""

import networkx as nx
import pytest

from instnet import load_network
from instnet.errors import InstnetError
from instnet.layers import restrict


def _toy():
    G = nx.DiGraph(id="toy-2000", start=2000, end=2010)
    G.add_node("pm", external=False)
    G.add_node("plan", external=False, start=2003)
    G.add_node("fed", external=True)
    G.add_node("bank", external=False, end=2005)
    G.add_edge("pm", "plan", external=False)
    G.add_edge("fed", "pm", external=True)
    G.add_edge("pm", "bank", external=False, start=2004)
    G.add_edge("bank", "fed", external=False)
    return G


def test_seed_layer_keeps_seed_items_and_ties_with_both_ends():
    H, layer = restrict(_toy(), sources="seeds")
    assert sorted(H) == ["bank", "plan", "pm"]
    assert sorted(H.edges) == [("pm", "bank"), ("pm", "plan")]
    assert (layer.nodes_dropped, layer.edges_dropped) == (1, 2)
    assert layer.note() == "seed layer: 1 institution(s) and 2 tie(s) left out"


def test_external_layer_is_the_complement_of_items():
    H, _ = restrict(_toy(), sources="external")
    assert sorted(H) == ["fed"] and H.number_of_edges() == 0


@pytest.mark.parametrize(
    ("year", "nodes", "edges"),
    [
        (2000, ["bank", "fed", "pm"], [("bank", "fed"), ("fed", "pm")]),
        (2004, ["bank", "fed", "plan", "pm"], [("bank", "fed"), ("fed", "pm"), ("pm", "bank"), ("pm", "plan")]),
        (2006, ["fed", "plan", "pm"], [("fed", "pm"), ("pm", "plan")]),
    ],
)
def test_year_keeps_what_existed_then(year, nodes, edges):
    G = _toy()
    H, layer = restrict(G, year=year)
    assert sorted(H) == nodes
    assert sorted(H.edges) == edges
    assert layer.nodes_dropped == 4 - len(nodes)
    assert G.number_of_nodes() == 4  # the input is not changed


def test_year_outside_the_era_is_an_error():
    with pytest.raises(InstnetError, match="toy-2000 covers 2000-2010: 2011 is outside its era"):
        restrict(_toy(), year=2011)


def test_unknown_sources_is_an_error():
    with pytest.raises(InstnetError, match="unknown sources 'slides'"):
        restrict(_toy(), sources="slides")


def test_seed_layer_of_a_bundled_network_has_no_external_item():
    G = load_network("thailand-1980")
    H, layer = restrict(G, sources="seeds")
    assert not any(d["external"] for _, d in H.nodes(data=True))
    assert not any(d["external"] for _, _, d in H.edges(data=True))
    externals = sum(d["external"] for _, d in G.nodes(data=True))
    assert layer.nodes_dropped == externals
