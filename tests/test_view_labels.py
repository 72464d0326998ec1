"""Readable labels: every label drawn at 10 px or more when the view is fitted, on three laptop/desktop screens.

The drawn size of a label is its font size times vis-network's scale
(``network.getScale()``); vis-network does not draw a label under its
draw threshold, which is how names vanished from the grown networks.
"""

from __future__ import annotations

import networkx as nx
import pytest

from browser import open_page
from instnet.layout.compact import wrap_rows
from instnet.load import bundled_ids, load_network
from instnet.model import NODE_KINDS, RELATIONS
from instnet.render import render_html
from test_country import _apart

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
MIN_PX = 10.0

#: Drawn size of every node's label in px, and whether vis-network draws it (over its draw threshold).
LABEL_PX = """() => {
  const net = window.instnetView.network, s = net.getScale();
  return net.body.nodeIndices.map(id => {
    const n = net.body.nodes[id];
    return [id, n.options.font.size * s, n.options.font.size * s >= n.options.scaling.label.drawThreshold];
  });
}"""


def generated_graph(n: int = 60) -> nx.DiGraph:
    """``n`` institutions of every kind in turn, every relation in turn, one 2,000-character label."""
    kinds, relations = list(NODE_KINDS), list(RELATIONS)
    G = nx.DiGraph(id="generated", title="Generated network", references={})
    for i in range(n):
        label = f"Institution number {i} of the generated network"
        if i == 7:
            label = ("Extremely long institution name " * 70)[:2000]
        G.add_node(f"n{i}", label=label, kind=kinds[i % len(kinds)])
    for i in range(1, n):
        G.add_edge(f"n{(i * 7) % i}", f"n{i}", relation=relations[i % len(relations)])
        if i % 3 == 0:
            G.add_edge(f"n{i}", f"n{(i * 5 + 3) % n}", relation=relations[(i * 3) % len(relations)])
    return G


def _check_sizes(view, name: str) -> list[str]:
    bad = []
    for width, height in SIZES:
        for about in (False, True):
            view.page.set_viewport_size({"width": width, "height": height})
            view.evaluate(
                "(open) => { const d = document.querySelector('header details'); if (d) { d.open = open; } }", about
            )
            view.page.wait_for_timeout(50)
            view.evaluate("() => window.instnetView.refit()")
            for node, px, drawn in view.evaluate(LABEL_PX):
                if px < MIN_PX or not drawn:
                    bad.append(f"{name} {width}x{height} about={about}: node {node} label at {px:.1f} px")
    return bad


@pytest.mark.browser
def test_every_bundled_label_is_readable_at_three_sizes(session_browser, tmp_path):
    bad = []
    for network_id in bundled_ids():
        path = tmp_path / f"{network_id}.html"
        path.write_text(render_html(load_network(network_id)), encoding="utf-8")
        with open_page(session_browser, path, viewport=SIZES[0]) as view:
            assert view.problems() == []
            bad += _check_sizes(view, network_id)
    assert bad == []


@pytest.mark.browser
def test_generated_sixty_node_network_is_readable(session_browser, tmp_path):
    G = generated_graph(60)
    path = tmp_path / "generated.html"
    path.write_text(render_html(G), encoding="utf-8")
    with open_page(session_browser, path, viewport=SIZES[0]) as view:
        assert view.problems() == []
        assert _check_sizes(view, "generated") == []
        long_node = next(n for n in view.nodes() if n["key"] == "n7")
        assert len(long_node["label"]) <= 60 and long_node["label"].endswith("\u2026")
        assert long_node["title"].splitlines()[0] == G.nodes["n7"]["label"]


@pytest.mark.browser
def test_over_sixty_the_hubs_are_readable_and_the_rest_on_zoom(session_browser, tmp_path):
    path = tmp_path / "big.html"
    path.write_text(render_html(generated_graph(120)), encoding="utf-8")
    with open_page(session_browser, path, viewport=SIZES[0]) as view:
        sizes = view.evaluate(LABEL_PX)
        readable = [node for node, px, drawn in sizes if px >= MIN_PX and drawn]
        assert 10 <= len(readable) < len(sizes)
        hub_size = {n["id"]: n["size"] for n in view.nodes()}
        smallest_readable = min(hub_size[n] for n in readable)
        assert all(hub_size[n] <= smallest_readable for n, px, _ in sizes if n not in readable)
        view.evaluate("() => window.instnetView.network.moveTo({scale: 1.2, animation: false})")
        assert all(drawn for _, _, drawn in view.evaluate(LABEL_PX))


def test_a_wide_row_is_wrapped_and_keeps_its_order():
    row = list(range(30))
    rows, fixed, _gap = wrap_rows([row], lambda n: 174.0, lambda r, g: g + 60, 0)
    assert len(rows) >= 3
    assert [n for r in rows for n in r] == row
    assert fixed is None
    narrow, fixed, _ = wrap_rows([[0, 1, 2], [3]], lambda n: 174.0, lambda r, g: g + 60, 1)
    assert narrow == [[0, 1, 2], [3]] and fixed == 1


def test_bundled_layered_drawings_fit_a_laptop_shape():
    from instnet.layout import layout_positions

    for network_id in bundled_ids():
        pos = layout_positions(load_network(network_id))
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        width, height = max(xs) - min(xs), max(ys) - min(ys)
        assert width <= 6 * max(height, 150), f"{network_id}: {width} x {height} px is a strip"


#: Pairs of drawn labels whose boxes cover more than a third of the smaller one (canvas units).
COVERED = """() => {
  const v = window.instnetView, net = v.network, out = [];
  const boxes = v.nodes.getIds().map(id => {
    const n = net.body.nodes[id], s = n.labelModule.size;
    return n.options.label ? {label: n.options.label, l: s.left, t: s.top, w: s.width, h: s.height} : null;
  }).filter(b => b && b.w > 0);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const ox = Math.min(a.l + a.w, b.l + b.w) - Math.max(a.l, b.l);
      const oy = Math.min(a.t + a.h, b.t + b.h) - Math.max(a.t, b.t);
      if (ox > 0 && oy > 0 && ox * oy > Math.min(a.w * a.h, b.w * b.h) / 3) { out.push([a.label, b.label]); }
    }
  }
  return out;
}"""


@pytest.mark.browser
def test_fitted_labels_do_not_cover_each_other_and_full_names_return_on_zoom(session_browser, tmp_path):
    """Dense networks draw compact labels within the layout's room at the fitted view; full names when zoomed in."""
    covered = []
    for network_id in bundled_ids():
        path = tmp_path / f"{network_id}.html"
        path.write_text(render_html(load_network(network_id)), encoding="utf-8")
        with open_page(session_browser, path, viewport=SIZES[0]) as view:
            for width, height in SIZES[:2]:
                view.page.set_viewport_size({"width": width, "height": height})
                view.evaluate("() => window.instnetView.refit()")
                covered += [f"{network_id} {width}x{height}: {a!r} / {b!r}" for a, b in view.evaluate(COVERED)]
            if network_id == "japan-1955":  # the densest: compact labels at the fitted view, full names on zoom
                drawn = view.evaluate("() => window.instnetView.nodes.map(n => [n.label, n.full])")
                assert sum(label != full for label, full in drawn) >= 10
                view.page.wait_for_function("() => window.instnetView.namesChecked()")
                crowded = "() => Object.keys(window.instnetView.hiddenNames).length + Object.keys(window.instnetView.raised).length"
                assert view.evaluate(crowded) > 0  # names left out or over their shapes
                box = view.page.locator("#network").bounding_box()
                view.page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
                for _ in range(40):  # the user's scroll wheel (vis-network emits "zoom" for it)
                    view.page.mouse.wheel(0, -120)
                    if view.evaluate("() => window.instnetView.network.getScale()") >= 1.0:
                        break
                view.page.wait_for_timeout(100)
                drawn = view.evaluate("() => window.instnetView.nodes.map(n => [n.label, n.full])")
                assert all(label == full for label, full in drawn)
                view.page.wait_for_function("() => window.instnetView.namesChecked()")
                assert view.evaluate(crowded) == 0  # room again: every name under its shape
                assert _crowded(view.evaluate(NAME_BOXES)) == []
    assert covered == []


#: Each node in view's drawn name box (canvas units; vis-network sizes only those it draws), its shape's middle
#: (half its width and height, as static/names.js counts it), whether its name is left out (clear ink), its label,
#: and whether it was checked first (the best-connected in view, named over any shape).
NAME_BOXES = """() => {
  const v = window.instnetView, net = v.network, seen = new Set(window.instnetNames.inView(net, v.nodes.getIds()));
  const first = v.namesOrder()[0];
  return v.nodes.getIds().filter(id => seen.has(id)).map(id => {
    const n = net.body.nodes[id], s = n.labelModule.size, w = n.shape.width / 4, h = n.shape.height / 4;
    const up = n.labelModule.fontOptions.vadjust || 0;  // a name raised over its shape
    return {id: id, box: [s.left, s.left + s.width, s.top + up, s.top + s.height + up], shape: [n.x - w, n.x + w, n.y - h, n.y + h],
            hidden: Boolean(v.hiddenNames[id]), clear: n.options.font.color === "rgba(0,0,0,0)", label: n.options.label,
            first: id === first};
  });
}"""


def _crowded(names: list[dict]) -> list[str]:
    drawn = [n for n in names if not n["hidden"]]
    bad = [
        f"{a['label']!r} / {b['label']!r}"
        for i, a in enumerate(drawn)
        for b in drawn[i + 1 :]
        if not _apart(a["box"], b["box"])
    ]
    bad += [
        f"{a['label']!r} over {b['label']!r}"
        for a in drawn
        for b in names
        if a is not b and not a["first"] and not _apart(a["box"], b["shape"])  # the first is named over any shape
    ]
    return bad


@pytest.mark.browser
@pytest.mark.parametrize("viewport", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_drawn_name_runs_into_another_or_over_a_shape(session_browser, tmp_path, viewport):
    """At the fitted view a name that would run into another, or over another institution's shape, is shortened or
    left out (its ink made clear; the tooltip keeps it): none of the drawn ones meet, and nearly all are drawn."""
    crowded, left_out, total = [], 0, 0
    for network_id in bundled_ids():
        path = tmp_path / f"{network_id}.html"
        path.write_text(render_html(load_network(network_id)), encoding="utf-8")
        with open_page(session_browser, path, viewport=viewport) as view:
            view.page.wait_for_function("() => window.instnetView.namesChecked()")
            assert view.problems() == []
            names = view.evaluate(NAME_BOXES)
        crowded += [f"{network_id}: {line}" for line in _crowded(names)]
        assert all(n["clear"] == n["hidden"] for n in names), network_id
        left_out += sum(n["hidden"] for n in names)
        total += len(names)
        assert sum(n["hidden"] for n in names) <= 0.1 * len(names), network_id
    assert crowded == []
    assert left_out <= 0.02 * total
