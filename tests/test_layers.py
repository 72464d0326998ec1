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


def test_seed_layer_keeps_seed_ties_with_both_ends():
    H, layer = restrict(_toy(), sources="seeds")
    assert sorted(H) == ["bank", "fed", "plan", "pm"]  # fed is external, but a seed tie joins it
    assert sorted(H.edges) == [("bank", "fed"), ("pm", "bank"), ("pm", "plan")]
    assert (layer.nodes_dropped, layer.edges_dropped) == (0, 1)
    assert layer.note() == "seed layer: 0 institution(s) and 1 tie(s) left out"


def test_a_seed_node_without_seed_ties_stays_and_an_external_one_goes():
    G = _toy()
    G.add_node("lone_seed", external=False)
    G.add_node("lone_ext", external=True)
    H, _ = restrict(G, sources="seeds")
    assert "lone_seed" in H and "lone_ext" not in H


def test_external_layer_keeps_external_ties_with_both_ends():
    H, layer = restrict(_toy(), sources="external")
    assert sorted(H) == ["fed", "pm"] and sorted(H.edges) == [("fed", "pm")]
    assert (layer.nodes_dropped, layer.edges_dropped) == (2, 3)


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


@pytest.mark.parametrize("network", ["thailand-1980", "korea-1961", "japan-1955"])
def test_seed_layer_of_a_bundled_network_has_no_external_tie(network):
    G = load_network(network)
    H, layer = restrict(G, sources="seeds")
    assert not any(d["external"] for _, _, d in H.edges(data=True))
    assert all(not d["external"] or H.degree(n) for n, d in H.nodes(data=True))  # external nodes only as tie ends
    assert layer.edges_dropped == sum(d["external"] for _, _, d in G.edges(data=True))


# The seed layer on demand: every command takes --sources.

from click.testing import CliRunner  # noqa: E402

from instnet.cli import cli  # noqa: E402


def _cli(*args):
    return CliRunner().invoke(cli, list(args))


def test_commands_take_the_seed_layer():
    G = load_network("japan-1955")
    H, layer = restrict(G, sources="seeds")
    out = _cli("show", "japan-1955", "--sources", "seeds")
    assert out.exit_code == 0
    assert (
        f"{H.number_of_nodes()} institutions (" in out.stdout
        and f", {H.number_of_edges()} ties (0 from external" in out.stdout
    )
    assert out.stderr == f"japan-1955: {layer.note()}\n"
    rows = _cli("metrics", "japan-1955", "--graph", "--format", "json", "--sources", "seeds")
    assert rows.exit_code == 0
    assert '"ties": ' + str(H.number_of_edges()) in rows.stdout or f'"ties":{H.number_of_edges()}' in rows.stdout


def test_classify_reports_the_full_record_and_the_seed_layer():
    out = _cli("classify", "usa-1989")
    assert out.exit_code == 0
    first, _, seed_line = out.stdout.splitlines()[:3]
    assert first == "usa-1989: councils"
    assert seed_line == "Seed layer (what the source documents say): fragmented (the full record differs)"
    import json

    data = json.loads(_cli("classify", "usa-1989", "--format", "json").stdout)
    assert data["top"] == ["councils"] and data["seed_layer"]["top"] == ["fragmented"]


def test_a_diff_of_two_seed_layers():
    out = _cli("diff", "thailand-1980", "thailand-2001", "--sources", "seeds", "--format", "json")
    assert out.exit_code == 0
    import json

    data = json.loads(out.stdout)
    assert data["a"]["nodes"] == restrict(load_network("thailand-1980"), sources="seeds")[0].number_of_nodes()
