"""The view's seed-layer toggle shows what instnet.layers.restrict(G, sources="seeds") keeps."""

import pytest

from browser import open_page
from instnet import load_network
from instnet.layers import restrict
from instnet.site import network_page

pytestmark = pytest.mark.browser

VISIBLE = """() => [window.instnetView.nodes.get().filter(n => !n.hidden).map(n => n.key).sort(),
                  window.instnetView.edges.get().filter(e => !e.hidden).length]"""


@pytest.mark.parametrize("network", ["korea-1961", "japan-1955"])
def test_the_toggle_shows_the_seed_layer_and_back(session_browser, tmp_path, network):
    G = load_network(network)
    page = tmp_path / f"{network}.html"
    page.write_text(network_page(G))
    seeds, _ = restrict(G, sources="seeds")
    with open_page(session_browser, page, viewport=(1280, 720)) as view:
        assert view.evaluate(VISIBLE)[1] == G.number_of_edges()
        view.page.click("#seed-layer")
        keys, ties = view.evaluate(VISIBLE)
        assert (sorted(keys), ties) == (sorted(str(n) for n in seeds), seeds.number_of_edges())
        assert view.page.get_attribute("body", "data-layer") == "seeds"
        view.page.keyboard.press("Space")  # the checkbox keeps the focus: the keyboard turns it off again
        assert view.evaluate(VISIBLE)[1] == G.number_of_edges()
        assert view.problems() == []


def test_no_toggle_when_every_item_is_external(tmp_path):
    import networkx as nx

    G = nx.DiGraph(id="x-2000", title="X")
    G.add_node("a", label="A", kind="ministry", external=True, cite="ext")
    G.add_node("b", label="B", kind="ministry", external=True, cite="ext")
    G.add_edge("a", "b", relation="directs", external=True, cite="ext")
    assert 'id="seed-layer"' not in network_page(G)
    assert 'id="seed-layer"' in network_page(load_network("korea-1961"))
