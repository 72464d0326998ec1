"""to_pyvis: a pyvis Network with instnet's positions, shapes, colours and plain-text tooltips; data never becomes markup."""

import json

import networkx as nx
import pytest

from browser import open_page
from instnet import load_network, to_pyvis
from instnet.render import render_html
from instnet.render.pyvis_export import pyvis_title
from instnet.render.styles import KIND_STYLES, relation_style
from test_render import data_block

HOSTILE = '<img src=x onerror="window.__xss=1">'


def _view_data(G) -> dict:
    """The view's records with their whole tooltips, joined as static/network.js joins them."""
    return data_block(render_html(G))


@pytest.fixture(scope="module")
def korea():
    return load_network("korea-1961")


def test_every_node_has_instnet_s_position_style_and_tooltip(korea):
    net = to_pyvis(korea)
    view = {n["id"]: n for n in _view_data(korea)["nodes"]}
    assert len(net.nodes) == korea.number_of_nodes() and not net.options.physics.enabled
    for node in net.nodes:
        shape, fill = KIND_STYLES[korea.nodes[node["key"]]["kind"]]
        drawn = view[node["id"]]
        assert (node["x"], node["y"], node["size"]) == (drawn["x"], drawn["y"], drawn["size"])
        assert node["shape"] == shape and node["color"]["background"] == fill
        assert node["title"] == drawn["title"]  # plain text, as instnet shows it (no "href" in any title)
        assert node["label"] == drawn["label"]


def test_every_tie_has_instnet_s_colour_head_and_tooltip(korea):
    net = to_pyvis(korea)
    view = _view_data(korea)["edges"]
    assert len(net.edges) == len(view) == korea.number_of_edges()
    for edge, drawn in zip(net.edges, view, strict=True):
        colour, head = relation_style(drawn["rel"])
        assert (edge["from"], edge["to"], edge["title"]) == (drawn["from"], drawn["to"], drawn["title"])
        assert edge["color"]["color"] == colour and edge["arrows"]["to"]["enabled"] == (head is not None)


def test_the_graph_is_not_changed(korea):
    G = korea.copy()
    before = (list(G.nodes(data=True)), list(G.edges(data=True)))
    to_pyvis(G)
    assert (list(G.nodes(data=True)), list(G.edges(data=True))) == before


def hostile_graph(with_href: bool) -> nx.DiGraph:
    G = nx.DiGraph(title="Hostile")
    label = HOSTILE + (' <a href="javascript:window.__xss=2">x</a>' if with_href else "")
    G.add_node("a", label=label, kind="ministry", description="Trade & Industry")
    G.add_node("b", label="Plain", kind="council")
    G.add_edge("a", "b", relation="coordinates", description=HOSTILE)
    return G


def test_titles_are_escaped_only_where_pyvis_inserts_them_as_html():
    plain = to_pyvis(hostile_graph(False))
    assert plain.nodes[0]["title"].startswith(HOSTILE)  # vis-network shows it through innerText
    linked = to_pyvis(hostile_graph(True))  # "href" in a title: pyvis's popup uses innerHTML
    title = linked.nodes[0]["title"]
    assert "<img" not in title and "&lt;img src=x onerror=&quot;" in title and "<br>" in title
    assert "Trade &amp; Industry" in title
    assert pyvis_title(title, False) == title


@pytest.mark.browser
@pytest.mark.parametrize("with_href", [False, True], ids=["tooltip", "popup"])
def test_a_hostile_label_is_shown_as_text_in_pyvis_s_page(session_browser, tmp_path, with_href):
    G = hostile_graph(with_href)
    net = to_pyvis(G, cdn_resources="in_line")
    page = net.generate_html()
    assert HOSTILE not in page.replace(json.dumps(HOSTILE)[1:-1], "")  # never raw markup outside the data
    path = tmp_path / "pyvis.html"
    path.write_text(page, encoding="utf-8")
    ready = "() => typeof network !== 'undefined' && network.body !== undefined"
    with open_page(session_browser, path, wait_for=ready, viewport=(1280, 720)) as view:
        p = view.page
        point = p.evaluate(
            """() => { const d = network.canvasToDOM(network.getPositions([0])[0]);
                 const r = document.getElementById('mynetwork').getBoundingClientRect();
                 return [r.left + d.x, r.top + d.y]; }"""
        )
        p.mouse.move(point[0] + 30, point[1] + 30)
        p.mouse.move(point[0], point[1], steps=4)
        box = "div.popup" if with_href else "div.vis-tooltip"
        p.wait_for_selector(box, state="visible", timeout=5000)
        shown = p.inner_text(box)
        assert shown.startswith(HOSTILE) and "Trade & Industry" in shown
        assert p.evaluate("() => window.__xss") is None
        assert p.evaluate(f"() => document.querySelectorAll('{box} img, {box} a').length") == 0
