"""Interactive HTML views: a network graph in, one self-contained HTML page out.

The page draws the network with vis-network 9.1.2, the copy that ships inside
the pyvis package, inlined into the page. pyvis's own ``Network`` object and
template are deliberately *not* used:

- its template loads Bootstrap from a CDN in every mode and inserts the
  heading, the ``<option>`` menus and (when any title contains ``href``) the
  tooltips as raw HTML, so data could run script;
- ``add_node``/``add_edge`` scan a list on every call (quadratic: seconds at
  5,000 nodes) and ``from_nx`` mutates the graph it is given;
- it leaves vis-network's physics on, so a large view never settles.

Instead this module builds the node and edge JSON itself, computes every
position in Python (a layered layout for hierarchies, a seeded
force-directed layout otherwise), switches physics off, and writes a page
whose only scripts are vis-network and one constant bootstrap script, both
allowed by hash in a Content-Security-Policy. Data reach the page in two
ways only: as escaped HTML text (header, legend) and as JSON inside a
``<script type="application/json">`` block with ``<``, ``>``, ``&``, U+2028
and U+2029 escaped. Tooltips are plain strings, which vis-network shows
through ``innerText``. Nothing in the output depends on time, randomness or
dict order, so the same graph gives a byte-identical page.

This is the only instnet module that touches pyvis, and it only locates the
package's files (``importlib.util.find_spec``) without importing it, which
would import IPython.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import numpy as np

from .model import HORIZONTAL, NODE_KINDS, OTHER_AXIS, RELATIONS, ROLES, VERTICAL

__all__ = [
    "KIND_STYLES",
    "RELATION_STYLES",
    "SHAPE_SVG",
    "NotebookView",
    "is_hierarchy",
    "layout_positions",
    "render_html",
    "render_notebook",
    "vis_assets",
]

VIS_VERSION = "9.1.2"

# ---------------------------------------------------------------------------
# Visual vocabulary
# ---------------------------------------------------------------------------

#: Node kind -> (vis-network shape, fill colour). Every pair is unique; kinds
#: of one family share a shape (star: political authority and its documents,
#: diamond: central economic agencies, square: administration, hexagon:
#: forums, triangle: knowledge, dot: society and business, triangleDown:
#: outside actors).
KIND_STYLES: dict[str, tuple[str, str]] = {
    "head_of_government": ("star", "#d62728"),
    "legislature": ("star", "#8c564b"),
    "law": ("star", "#e7ba52"),
    "planning_agency": ("diamond", "#ff7f0e"),
    "central_bank": ("diamond", "#bcbd22"),
    "ministry": ("square", "#1f77b4"),
    "bureau": ("square", "#9ecae1"),
    "local_government": ("square", "#6b6ecf"),
    "state_enterprise": ("square", "#843c39"),
    "council": ("hexagon", "#9467bd"),
    "secretariat": ("hexagon", "#c5b0d5"),
    "hub_institution": ("hexagon", "#2ca02c"),
    "research_institute": ("triangle", "#17becf"),
    "university": ("triangle", "#9edae5"),
    "expert_group": ("triangle", "#5254a3"),
    "firm": ("dot", "#e377c2"),
    "business_association": ("dot", "#ad494a"),
    "ngo": ("dot", "#98df8a"),
    "trade_union": ("dot", "#637939"),
    "stakeholder_group": ("dot", "#dbdb8d"),
    "donor": ("triangleDown", "#ff9896"),
    "international_org": ("triangleDown", "#393b79"),
    "country_group": ("triangleDown", "#ffbb78"),
    "other": ("dot", "#c7c7c7"),
}

#: Relation type -> (line colour, arrow head). The line style comes from the
#: relation's axis (see ``AXIS_STYLES``); ``None`` means no arrow head (the
#: relation is symmetric).
RELATION_STYLES: dict[str, tuple[str, str | None]] = {
    "directs": ("#b2182b", "arrow"),
    "plans_for": ("#e66101", "arrow"),
    "chairs": ("#7b3294", "arrow"),
    "manages": ("#2166ac", "arrow"),
    "delegates_to": ("#4dac26", "arrow"),
    "incentivizes": ("#d01c8b", "diamond"),
    "establishes": ("#525252", "arrow"),
    "enacts": ("#8c510a", "arrow"),
    "guides": ("#bf812d", "arrow"),
    "coordinates": ("#762a83", "vee"),
    "member_of": ("#35978f", "vee"),
    "secretariat_for": ("#c51b7d", "vee"),
    "advises": ("#4575b4", "vee"),
    "consults": ("#74add1", "vee"),
    "provides_services_to": ("#a6611a", "vee"),
    "cooperates_with": ("#1b7837", None),
    "funds": ("#e08214", "circle"),
    "supports": ("#4d9221", "arrow"),
    "opposes": ("#d73027", "bar"),
    "constrains": ("#636363", "bar"),
}

#: Axis -> (legend heading, line dashes for vis-network, SVG dash array, width).
AXIS_STYLES: dict[str, tuple[str, list[int] | bool, str, float]] = {
    VERTICAL: ("Vertical ties (authority): solid lines", False, "", 2.0),
    HORIZONTAL: ("Horizontal ties (coordination): dashed lines", [8, 5], "8 5", 1.5),
    OTHER_AXIS: ("Other ties: dotted lines", [2, 4], "2 4", 1.5),
}

_UNKNOWN_KIND = ("dot", "#ffffff")
_UNKNOWN_RELATION = ("#999999", "arrow")
EXTERNAL_MARK = "\u2020"  # dagger, appended to labels of external items
_EXTERNAL_DASHES = [4, 3]

_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
_LABEL_MAX_WIDTH = 150  # px: vis-network wraps node labels at this width
_CHAR_WIDTH = 7.2  # px per character at 14 px, for spacing estimates
_SIZE_MIN, _SIZE_MAX, _SIZE_FLAT = 12.0, 32.0, 16.0
_BIG = 1000  # nodes: above this, straight lines and lighter interaction

# ---------------------------------------------------------------------------
# Assets
# ---------------------------------------------------------------------------


def vis_assets() -> tuple[str, str]:
    """Return the text of vis-network's JavaScript and CSS bundled with pyvis.

    The files are read from pyvis's ``templates/lib/vis-9.1.2`` folder,
    located without importing pyvis.

    Returns
    -------
    (js, css) : tuple of str

    Raises
    ------
    RuntimeError
        If pyvis is not installed or its copy of vis-network is missing or
        could not be inlined safely.
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed: `pip install 'pyvis>=0.3.2,<0.4'`")
    base = Path(next(iter(spec.submodule_search_locations)))
    candidates = [base / "templates" / "lib" / f"vis-{VIS_VERSION}", base / "lib" / f"vis-{VIS_VERSION}"]
    for folder in candidates:
        js_path, css_path = folder / "vis-network.min.js", folder / "vis-network.css"
        if js_path.is_file() and css_path.is_file():
            js = js_path.read_text(encoding="utf-8")
            css = css_path.read_text(encoding="utf-8")
            if "</script" in js.lower() or "<!--" in js or "</style" in css.lower():
                raise RuntimeError(f"{folder}: vis-network cannot be inlined safely")
            return js, css
    raise RuntimeError(f"vis-network {VIS_VERSION} not found in the pyvis package at {base}")


# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------


def _text(value) -> str:
    """Data value as display text: None is empty; lone surrogates replaced."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    text = str(value)
    return text.encode("utf-8", "replace").decode("utf-8")


def _esc(value) -> str:
    return html.escape(_text(value), quote=True)


def _script_json(data) -> str:
    """JSON safe to place between ``<script>`` tags (no tag, entity or line break)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _number(value) -> str:
    """Format a score for the header: integers as is, floats to 3 significant digits."""
    if value is None or isinstance(value, bool):
        return _text(value) or "n/a"
    if isinstance(value, int | np.integer):
        return str(int(value))
    try:
        number = float(value)
    except (TypeError, ValueError):
        return _text(value)
    if not math.isfinite(number):
        return "n/a"
    if number == int(number) and abs(number) < 1e15:
        return str(int(number))
    return f"{number:.3g}"


def _years(start, end) -> str:
    start, end = _text(start), _text(end)
    if start and end:
        return f"{start}\u2013{end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return ""


def _sort_key(node) -> tuple:
    if isinstance(node, bool):
        return (1, str(node))
    if isinstance(node, int | float | np.integer | np.floating):
        return (0, float(node), "")
    return (1, str(node))


# ---------------------------------------------------------------------------
# Layout
# ---------------------------------------------------------------------------


def _vertical_edges(G: nx.DiGraph) -> list[tuple]:
    out = []
    for u, v, data in G.edges(data=True):
        rel = RELATIONS.get(data.get("relation"))
        if rel is not None and rel.axis == VERTICAL and u != v:
            out.append((u, v))
    return out


def is_hierarchy(G: nx.DiGraph) -> bool:
    """Whether ``G`` reads best top-down: its authority ties form a hierarchy.

    True when the vertical (authority) ties form a directed acyclic graph
    with at least two levels and make up at least 40 % of all ties.

    Parameters
    ----------
    G : networkx.DiGraph
        A network with a ``relation`` attribute on its edges.

    Returns
    -------
    bool

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("pm", "epb", relation="directs")
    >>> G.add_edge("epb", "mci", relation="plans_for")
    >>> is_hierarchy(G)
    True
    >>> G.add_edge("mci", "pm", relation="directs")
    >>> is_hierarchy(G)
    False
    """
    vertical = _vertical_edges(G)
    edges = G.number_of_edges()
    if not vertical or len(vertical) < 0.4 * edges:
        return False
    V = nx.DiGraph(vertical)
    return nx.is_directed_acyclic_graph(V)


def _label_width(label: str) -> float:
    return min(len(label) * _CHAR_WIDTH, _LABEL_MAX_WIDTH)


def _layered(G, order, sizes_px, labels) -> dict:
    """Layered (Sugiyama-style) positions: authority flows downwards.

    Layers come from the longest path over vertical ties (sources pulled
    down next to their highest child); nodes without vertical ties sit in
    the median layer of their neighbours. Layers are ordered by a few
    barycentre sweeps and placed with minimum gaps that fit the labels.
    """
    index = {n: i for i, n in enumerate(order)}
    V = nx.DiGraph()
    V.add_nodes_from(order)
    V.add_edges_from(_vertical_edges(G))
    layer: dict = {}
    in_v = [n for n in order if V.degree(n) > 0]
    for n in nx.lexicographical_topological_sort(V.subgraph(in_v), key=lambda n: index[n]):
        preds = list(V.predecessors(n))
        layer[n] = max((layer[p] + 1 for p in preds), default=0)
    # Pull sources down next to their highest child.
    for n in reversed(list(nx.lexicographical_topological_sort(V.subgraph(in_v), key=lambda n: index[n]))):
        if V.in_degree(n) == 0 and V.out_degree(n) > 0:
            layer[n] = min(layer[s] for s in V.successors(n)) - 1
    U = G.to_undirected(as_view=True)
    pending = [n for n in order if n not in layer]
    changed = True

    def axis(u, v):
        rel = RELATIONS.get((G.get_edge_data(u, v) or {}).get("relation"))
        return rel.axis if rel else None

    def wanted(n, m) -> int:
        # A node that funds or constrains another sits above it, one funded
        # or constrained by another below it; other ties keep it level.
        if G.has_edge(n, m) and axis(n, m) == OTHER_AXIS:
            return layer[m] - 1
        if G.has_edge(m, n) and axis(m, n) == OTHER_AXIS:
            return layer[m] + 1
        return layer[m]

    while pending and changed:
        changed = False
        rest = []
        for n in pending:
            known = sorted(wanted(n, m) for m in U.neighbors(n) if m in layer and m != n)
            if known:
                layer[n] = known[(len(known) - 1) // 2]
                changed = True
            else:
                rest.append(n)
        pending = rest
    bottom = max(layer.values(), default=-1) + 1
    # Isolated nodes, or groups tied only among themselves: one row at the
    # bottom, group after group, each in breadth-first order from its
    # best-connected member so that its ties stay short.
    loose: list = []
    P = U.subgraph(pending)
    seen: set = set()
    for n in pending:
        if n in seen:
            continue
        group = nx.node_connected_component(P, n)
        start = min(group, key=lambda m: (-P.degree(m), index[m]))
        walk = [start] + [b for _, b in nx.bfs_edges(P, start, sort_neighbors=lambda ns: sorted(ns, key=index.get))]
        loose.extend(walk)
        seen.update(group)
    for n in loose:
        layer[n] = bottom
    top = min(layer.values(), default=0)
    levels: dict[int, list] = {}
    for n in order:
        if n not in seen:
            levels.setdefault(layer[n] - top, []).append(n)
    fixed = bottom - top if loose else None
    if loose:
        levels[fixed] = loose
    depth = max(levels, default=-1) + 1
    rows = [levels.get(i, []) for i in range(depth)]

    def width(n):
        return max(2 * sizes_px[n], _label_width(labels[n])) + 24

    # Barycentre sweeps over ties between different layers.
    pos_in_row = {n: i for row in rows for i, n in enumerate(row)}
    row_of = {n: i for i, row in enumerate(rows) for n in row}
    # Nodes tied only to nodes of their own row sit beside them, alternately
    # right and left, so that several of them do not pile up on one side.
    side: dict = {}
    count: dict = {}
    for n in order:
        if n in seen or any(row_of[m] != row_of[n] for m in U.neighbors(n) if m != n):
            continue
        ties = [m for m in U.neighbors(n) if m != n]
        anchor = ties[0] if len(ties) == 1 else None  # leaves only: chains keep their order
        if anchor is not None:
            k = count.get(anchor, 0)
            count[anchor] = k + 1
            side[n] = 0.5 + 0.01 * k if k % 2 == 0 else -0.5 - 0.01 * k
    for sweep in range(8):
        seq = range(1, depth) if sweep % 2 == 0 else range(depth - 2, -1, -1)
        for r in seq:
            if r == fixed:
                continue
            ref = r - 1 if sweep % 2 == 0 else r + 1

            keys: dict = {}
            for n in rows[r]:
                near = [pos_in_row[m] for m in U.neighbors(n) if row_of.get(m) == ref]
                if not near:  # no tie to the reference row: follow ties to other rows
                    near = [pos_in_row[m] for m in U.neighbors(n) if m in row_of and row_of[m] != r]
                if near:
                    keys[n] = sum(near) / len(near)
            for n in rows[r]:  # only ties inside the row: beside those neighbours
                if n not in keys:
                    near = [keys.get(m, pos_in_row[m]) + side.get(n, 0.5)
                            for m in U.neighbors(n) if row_of.get(m) == r and m != n]
                    keys[n] = sum(near) / len(near) if near else pos_in_row[n]
            # Equal keys: nodes with ties inside the row go last, next to the
            # nodes placed just right of them.
            inside = {n: sum(1 for m in U.neighbors(n) if row_of.get(m) == r and m != n) for n in rows[r]}
            rows[r] = sorted(rows[r], key=lambda n, keys=keys, inside=inside: (keys[n], inside[n], pos_in_row[n]))
            for i, n in enumerate(rows[r]):
                pos_in_row[n] = i
    # x placement: compact rows, then passes down, up and down again that
    # pull each node towards the mean of its neighbours in the reference rows
    # while keeping the order and the gaps that fit the labels.
    x: dict = {}
    for row in rows:
        cursor = -sum(width(n) for n in row) / 2
        for n in row:
            x[n] = cursor + width(n) / 2
            cursor += width(n)

    def place(r: int, downwards: bool) -> None:
        row = rows[r]
        if not row:
            return
        widths = [width(n) for n in row]
        desired: list = []
        for n in row:
            near = [x[m] for m in U.neighbors(n) if m in row_of and (row_of[m] < r if downwards else row_of[m] > r)]
            if not near:
                near = [x[m] for m in U.neighbors(n) if m in row_of and row_of[m] != r]
            desired.append(sum(near) / len(near) if near else None)
        slot = {n: i for i, n in enumerate(row)}
        for _ in range(2):  # ties only inside the row: follow those neighbours
            for i, n in enumerate(row):
                if desired[i] is None:
                    same = [desired[slot[m]] for m in U.neighbors(n) if m in slot and desired[slot[m]] is not None]
                    if same:
                        desired[i] = sum(same) / len(same)
        if all(d is None for d in desired):
            return
        for i in range(len(row)):  # still unknown: just right of the previous node
            if desired[i] is None and i > 0 and desired[i - 1] is not None:
                desired[i] = desired[i - 1] + (widths[i - 1] + widths[i]) / 2
        for i in range(len(row) - 1, -1, -1):
            if desired[i] is None:
                desired[i] = desired[i + 1] - (widths[i] + widths[i + 1]) / 2
        left = list(desired)
        for i in range(1, len(row)):
            left[i] = max(left[i], left[i - 1] + (widths[i - 1] + widths[i]) / 2)
        right = list(desired)
        for i in range(len(row) - 2, -1, -1):
            right[i] = min(right[i], right[i + 1] - (widths[i] + widths[i + 1]) / 2)
        for n, a, b in zip(row, left, right):
            x[n] = (a + b) / 2

    for r in range(1, depth):
        place(r, downwards=True)
    for r in range(depth - 2, -1, -1):
        place(r, downwards=False)
    for r in range(1, depth):
        place(r, downwards=True)
    if fixed is not None and len(rows) > 1:  # centre the loose row under the drawing
        others = [x[n] for i, row in enumerate(rows) if i != fixed for n in row]
        own = [x[n] for n in rows[fixed]]
        shift = (min(others) + max(others)) / 2 - (min(own) + max(own)) / 2
        for n in rows[fixed]:
            x[n] += shift
    # Level separation grows with the tallest wrapped label.
    y: dict = {}
    cursor = 0.0
    for r, row in enumerate(rows):
        tallest = max((math.ceil(len(labels[n]) * _CHAR_WIDTH / _LABEL_MAX_WIDTH) for n in row), default=1)
        biggest = max((sizes_px[n] for n in row), default=_SIZE_FLAT)
        for n in row:
            y[n] = cursor
        cursor += 110 + 2 * biggest + 18 * min(tallest, 4)
    return {n: (x[n], y[n]) for n in order}


def _force_component(n: int, edges: np.ndarray, seed: int) -> np.ndarray:
    """Fruchterman-Reingold in the unit square, numpy only, seeded.

    Repulsion is exact up to 400 nodes; above, each node feels a seeded
    random sample of 96 others (scaled up), which keeps a 5,000-node graph
    near one second.
    """
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)
    iterations = 200 if n <= 100 else 120 if n <= 400 else 50
    temperature = 0.1
    cool = temperature / (iterations + 1)
    u, v = (edges[:, 0], edges[:, 1]) if len(edges) else (np.zeros(0, int), np.zeros(0, int))
    sample = 96
    rows = np.arange(n)[:, None]
    for _ in range(iterations):
        if n <= 400:
            delta = pos[:, None, :] - pos[None, :, :]
            dist2 = np.einsum("ijk,ijk->ij", delta, delta)
            np.fill_diagonal(dist2, np.inf)
            dist2 = np.maximum(dist2, 1e-6)
            disp = np.einsum("ijk,ij->ik", delta, k * k / dist2)
        else:
            idx = rng.integers(0, n, size=(n, sample))
            dx = pos[:, 0:1] - pos[idx, 0]
            dy = pos[:, 1:2] - pos[idx, 1]
            weight = (k * k * (n - 1) / sample) / np.maximum(dx * dx + dy * dy, 1e-6)
            weight[idx == rows] = 0.0
            disp = np.stack([(dx * weight).sum(axis=1), (dy * weight).sum(axis=1)], axis=1)
        if len(u):
            d = pos[u] - pos[v]
            dist = np.sqrt(np.einsum("ij,ij->i", d, d))
            f = d * (dist / k)[:, None]
            for axis in (0, 1):
                disp[:, axis] -= np.bincount(u, weights=f[:, axis], minlength=n)
                disp[:, axis] += np.bincount(v, weights=f[:, axis], minlength=n)
        length = np.maximum(np.sqrt(np.einsum("ij,ij->i", disp, disp)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cool
    return pos


def _label_lines(label: str) -> int:
    return max(1, min(4, math.ceil(len(label) * _CHAR_WIDTH / _LABEL_MAX_WIDTH)))


def _boxes(radii, labels) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Half-width, extent above and extent below the centre of each node with its label."""
    half = np.array([max(r, _label_width(t) / 2) + 8 for r, t in zip(radii, labels)])
    above = np.array([r + 6 for r in radii])
    below = np.array([r + 10 + 17 * _label_lines(t) for r, t in zip(radii, labels)])
    return half, above, below


def _separate(pts: np.ndarray, half, above, below, rounds: int = 80) -> np.ndarray:
    """Push apart nodes whose boxes (shape plus label) overlap, along the cheaper axis."""
    pts = pts.copy()
    n = len(pts)
    if n < 2 or n > 400:
        return pts
    tie = np.sign(np.arange(n)[:, None] - np.arange(n)[None, :]).astype(float)
    for _ in range(rounds):
        dx = pts[:, 0][:, None] - pts[:, 0][None, :]
        dy = pts[:, 1][:, None] - pts[:, 1][None, :]
        ox = half[:, None] + half[None, :] - np.abs(dx)
        top = np.maximum(pts[:, 1][:, None] - above[:, None], pts[:, 1][None, :] - above[None, :])
        bottom = np.minimum(pts[:, 1][:, None] + below[:, None], pts[:, 1][None, :] + below[None, :])
        oy = bottom - top
        hit = (ox > 0) & (oy > 0)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        sx = np.where(dx != 0, np.sign(dx), tie)
        sy = np.where(dy != 0, np.sign(dy), tie)
        along_x = hit & (ox <= oy)
        along_y = hit & (oy < ox)
        pts[:, 0] += 0.5 * np.where(along_x, sx * (ox / 2 + 1), 0.0).sum(axis=1)
        pts[:, 1] += 0.5 * np.where(along_y, sy * (oy / 2 + 1), 0.0).sum(axis=1)
    return pts


def _orient(pts: np.ndarray, vertical: list) -> np.ndarray:
    """Rotate a component so that its authority ties point down on average.

    A component without authority ties is turned so that its long axis lies
    horizontally, to fit a screen that is wider than tall.
    """
    if not vertical:
        if len(pts) < 3:
            return pts
        centred = pts - pts.mean(axis=0)
        xx, yy = (centred[:, 0] ** 2).sum(), (centred[:, 1] ** 2).sum()
        xy = (centred[:, 0] * centred[:, 1]).sum()
        angle = 0.5 * math.atan2(2 * xy, xx - yy)  # long axis, exact for 2x2
        c, s = math.cos(angle), math.sin(angle)
        return pts @ np.array([[c, -s], [s, c]])
    a = np.array([i for i, _ in vertical])
    b = np.array([j for _, j in vertical])
    d = pts[b] - pts[a]
    lengths = np.maximum(np.sqrt((d**2).sum(axis=1)), 1e-9)
    mean = (d / lengths[:, None]).mean(axis=0)
    if float(np.hypot(*mean)) < 1e-6:
        return pts
    turn = math.atan2(1.0, 0.0) - math.atan2(mean[1], mean[0])
    c, s = math.cos(turn), math.sin(turn)
    return pts @ np.array([[c, s], [-s, c]])


def _force(G, order, sizes_px, labels) -> dict:
    """Force-directed positions per connected component, packed in rows."""
    index = {n: i for i, n in enumerate(order)}
    U = nx.Graph()
    U.add_nodes_from(range(len(order)))
    U.add_edges_from((index[a], index[b]) for a, b in G.edges() if a != b)
    components = sorted((sorted(c) for c in nx.connected_components(U)), key=lambda c: (-len(c), c[0]))
    comp_of = {g: ci for ci, comp in enumerate(components) for g in comp}
    ties: list[list] = [[] for _ in components]
    for a, b in U.edges():
        ties[comp_of[a]].append((a, b))
    authority: list[list] = [[] for _ in components]
    for a, b in _vertical_edges(G):
        authority[comp_of[index[a]]].append((index[a], index[b]))
    boxes = []
    for ci, comp in enumerate(components):
        local = {g: i for i, g in enumerate(comp)}
        sub = np.array([(local[a], local[b]) for a, b in ties[ci]], dtype=int).reshape(-1, 2)
        if len(comp) == 1:
            pts = np.zeros((1, 2))
        elif len(comp) == 2:
            pts = np.array([[-0.5, 0.0], [0.5, 0.0]])
        else:
            pts = _force_component(len(comp), sub, seed=len(comp))
        pts = pts - pts.mean(axis=0)
        pts = _orient(pts, [(local[a], local[b]) for a, b in authority[ci]])
        if len(comp) > 1:
            # Scale to a typical tie length, then push overlapping labels apart.
            lengths = np.sqrt(((pts[sub[:, 0]] - pts[sub[:, 1]]) ** 2).sum(axis=1))
            typical = float(np.median(lengths)) if len(lengths) else 1.0
            target = 160.0 if len(comp) <= 12 else 130.0 if len(comp) <= 60 else 110.0
            scale = target / max(typical, 1e-9)
            # ... but give every node at least a label's room: in a random or
            # dense graph ties are long compared with the gaps between nodes.
            spread = math.sqrt(float((pts**2).sum(axis=1).mean())) or 1.0
            room = 120.0 * math.sqrt(len(comp) / math.pi) / math.sqrt(2)
            pts = pts * max(scale, room / spread)
            half, above, below = _boxes([sizes_px[order[g]] for g in comp], [labels[order[g]] for g in comp])
            pts = _separate(pts, half, above, below)
        boxes.append((comp, pts))
    # Shelf packing: components left to right, wrapping at a target width.
    def extent(comp, pts):
        half, above, below = _boxes([sizes_px[order[g]] for g in comp], [labels[order[g]] for g in comp])
        lo = np.array([(pts[:, 0] - half).min(), (pts[:, 1] - above).min()]) - 24
        hi = np.array([(pts[:, 0] + half).max(), (pts[:, 1] + below).max()]) + 24
        return lo, hi

    extents = [extent(c, p) for c, p in boxes]
    area = sum(float((hi - lo).prod()) for lo, hi in extents)
    widest = max((float(hi[0] - lo[0]) for lo, hi in extents), default=0.0)
    limit = max(widest, math.sqrt(area) * 1.6)
    positions: dict = {}
    cx = cy = shelf = 0.0
    for (comp, pts), (lo, hi) in zip(boxes, extents):
        w, h = float(hi[0] - lo[0]), float(hi[1] - lo[1])
        if cx > 0 and cx + w > limit:
            cx, cy, shelf = 0.0, cy + shelf, 0.0
        offset = np.array([cx, cy]) - lo
        for g, p in zip(comp, pts + offset):
            positions[order[g]] = (float(p[0]), float(p[1]))
        cx += w
        shelf = max(shelf, h)
    return positions


def layout_positions(G: nx.DiGraph, sizes: Mapping | None = None, *, layout: str = "auto") -> dict:
    """Deterministic pixel positions for every node of ``G``.

    Parameters
    ----------
    G : networkx.DiGraph
    sizes : mapping, optional
        Node -> drawn radius in pixels (used for spacing); default 16.
    layout : {"auto", "hierarchical", "force"}
        ``"auto"`` uses the layered layout when :func:`is_hierarchy` holds
        and the force layout otherwise.

    Returns
    -------
    dict
        Node -> ``(x, y)`` in pixels, integers, y growing downwards.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_edge("pm", "epb", relation="directs")
    >>> pos = layout_positions(G)
    >>> pos["pm"][1] < pos["epb"][1]
    True
    >>> layout_positions(G) == pos
    True
    """
    if layout not in ("auto", "hierarchical", "force"):
        raise ValueError(f"layout must be 'auto', 'hierarchical' or 'force', not {layout!r}")
    order = sorted(G.nodes, key=_sort_key)
    if not order:
        return {}
    sizes_px = {n: float((sizes or {}).get(n, _SIZE_FLAT)) for n in order}
    labels = {n: _text(G.nodes[n].get("label")) or _text(n) for n in order}
    hierarchical = layout == "hierarchical" or (layout == "auto" and is_hierarchy(G))
    raw = _layered(G, order, sizes_px, labels) if hierarchical else _force(G, order, sizes_px, labels)
    return {n: (int(round(raw[n][0])), int(round(raw[n][1]))) for n in order}


# ---------------------------------------------------------------------------
# Page parts
# ---------------------------------------------------------------------------


def _sizes_px(G, order, sizes) -> tuple[dict, dict]:
    """Map size values to radii (square-root scale); return radii and values."""
    if sizes is None:
        values = {n: float(G.in_degree(n) + G.out_degree(n)) if G.is_directed() else float(G.degree(n)) for n in order}
    else:
        values = {}
        for n in order:
            try:
                value = float(sizes.get(n, math.nan))
            except (TypeError, ValueError):
                value = math.nan
            values[n] = value
    finite = [v for v in values.values() if math.isfinite(v)]
    lo, hi = (min(finite), max(finite)) if finite else (0.0, 0.0)
    radii = {}
    for n in order:
        v = values[n]
        if not math.isfinite(v) or hi <= lo:
            radii[n] = _SIZE_FLAT if hi <= lo else _SIZE_MIN
        else:
            radii[n] = round(_SIZE_MIN + (_SIZE_MAX - _SIZE_MIN) * math.sqrt((v - lo) / (hi - lo)), 1)
    return radii, values


def _via(a, b, roundness: float, clockwise: bool) -> tuple[float, float]:
    """Control point of vis-network's ``curvedCW``/``curvedCCW`` edge from ``a`` to ``b``."""
    o, r = b[0] - a[0], a[1] - b[1]
    length = math.hypot(o, r)
    turn = (0.5 * roundness + 0.5) if clockwise else (-0.5 * roundness + 0.5)
    angle = math.atan2(r, o) + turn * math.pi
    reach = (0.5 * roundness + 0.5) * length
    return a[0] + reach * math.sin(angle), a[1] + reach * math.cos(angle)


def _curves(positions: list, radii: list, labels: list, pairs: list) -> dict[int, tuple[str, float]]:
    """Edge index -> (curve type, roundness) for ties that should not be straight.

    ``a -> b`` and ``b -> a`` are both curved clockwise, hence on opposite
    sides. A tie whose straight line would run through a third node or its
    label is curved to the side that hits fewest (preferring upwards, away
    from the labels, which sit under the shapes). Checks are skipped above
    400 nodes, where ties are drawn straight for speed.
    """
    curves: dict[int, tuple[str, float]] = {}
    present = set(pairs)
    for i, (a, b) in enumerate(pairs):
        if a != b and (b, a) in present:
            curves[i] = ("curvedCW", 0.18)
    if not pairs or len(positions) > 400:
        return curves
    P = np.asarray(positions, dtype=float)
    R = np.asarray(radii, dtype=float) + 5.0
    half, _, below = _boxes(radii, labels)
    label_top = P[:, 1] + np.asarray(radii, dtype=float) + 2
    label_bottom = P[:, 1] + below - 6
    label_half = half - 6
    ts = np.linspace(0.06, 0.94, 30)

    def hits(points: np.ndarray, a: int, b: int) -> int:
        d = np.sqrt(((points[:, None, :] - P[None, :, :]) ** 2).sum(axis=2))
        on_node = d < R[None, :]
        on_label = (
            (np.abs(points[:, None, 0] - P[None, :, 0]) < label_half[None, :])
            & (points[:, None, 1] > label_top[None, :])
            & (points[:, None, 1] < label_bottom[None, :])
        )
        blocked = on_node | on_label
        blocked[:, [a, b]] = False
        return int(blocked.any(axis=0).sum())

    for i, (a, b) in enumerate(pairs):
        if i in curves or a == b:
            continue
        line = P[a][None, :] + ts[:, None] * (P[b] - P[a])[None, :]
        if hits(line, a, b) == 0:
            continue
        best = None
        for roundness in (0.3, 0.55):
            for clockwise in (True, False):
                vx, vy = _via(P[a], P[b], roundness, clockwise)
                curve = (
                    ((1 - ts) ** 2)[:, None] * P[a][None, :]
                    + (2 * (1 - ts) * ts)[:, None] * np.array([[vx, vy]])
                    + (ts**2)[:, None] * P[b][None, :]
                )
                score = (hits(curve, a, b), roundness, vy - (P[a][1] + P[b][1]) / 2)
                if best is None or score < best[0]:
                    best = (score, ("curvedCW" if clockwise else "curvedCCW", roundness))
        curves[i] = best[1]
    return curves


def _citation(G, data) -> str:
    cite = _text(data.get("cite"))
    if not cite:
        return ""
    ref = (G.graph.get("references") or {}).get(data.get("cite")) or {}
    text = _text(ref.get("citation")) or f"[{cite}]"
    if data.get("external") or ref.get("external"):
        return f"Source (external, not among the bundled source documents): {text}"
    return f"Source: {text}"


def _evidence(G, data) -> list[str]:
    lines = []
    if _text(data.get("description")):
        lines.append(_text(data.get("description")))
    basis = _text(data.get("basis"))
    if basis:
        lines.append(f"Basis: {basis}")
    if _text(data.get("quote")):
        lines.append(f"\u201c{_text(data.get('quote'))}\u201d")
    citation = _citation(G, data)
    if citation:
        lines.append(citation)
    return lines


def _node_title(G, n, data, size_name, value) -> str:
    kind = data.get("kind")
    term = NODE_KINDS.get(kind)
    kind_text = term.label if term else (f"Unknown kind: {_text(kind)}" if kind else "Kind not given")
    role = ROLES.get(data.get("role"))
    lines = [_text(data.get("label")) or _text(n), kind_text + (f" \u00b7 {role.label}" if role else "")]
    lines.append(f"id: {_text(n)}")
    years = _years(data.get("start"), data.get("end"))
    if years:
        lines.append(f"Years: {years}")
    if math.isfinite(value):
        lines.append(f"{size_name}: {_number(value)}")
    lines.extend(_evidence(G, data))
    return "\n".join(lines)


def _edge_title(G, u, v, data) -> str:
    rel_key = data.get("relation")
    rel = RELATIONS.get(rel_key)
    name = rel.label if rel else (_text(rel_key) or "tie")
    src = _text(G.nodes[u].get("label")) or _text(u)
    dst = _text(G.nodes[v].get("label")) or _text(v)
    lines = [f"{src} \u2192 {name} \u2192 {dst}"]
    if rel:
        lines.append(f"Relation: {rel.label} ({rel.axis} tie): {rel.meaning}")
    else:
        lines.append(f"Relation: {name} (not a known relation type)")
    years = _years(data.get("start"), data.get("end"))
    if years:
        lines.append(f"Years: {years}")
    lines.extend(_evidence(G, data))
    return "\n".join(lines)


def _is_external(G, data) -> bool:
    if data.get("external"):
        return True
    ref = (G.graph.get("references") or {}).get(data.get("cite")) if data.get("cite") is not None else None
    return bool(ref and ref.get("external"))


#: Legend icons (18 x 18 SVG) for the vis-network node shapes; {a} takes the attributes.
SHAPE_SVG = {
    "dot": '<circle cx="9" cy="9" r="7"{a}/>',
    "square": '<rect x="2.5" y="2.5" width="13" height="13"{a}/>',
    "diamond": '<polygon points="9,1.5 16.5,9 9,16.5 1.5,9"{a}/>',
    "triangle": '<polygon points="9,1.5 16.5,15.5 1.5,15.5"{a}/>',
    "triangleDown": '<polygon points="1.5,2.5 16.5,2.5 9,16.5"{a}/>',
    "hexagon": '<polygon points="5,2 13,2 17,9 13,16 5,16 1,9"{a}/>',
    "star": '<polygon points="9,1 11.1,6.4 16.8,6.5 12.3,10 13.9,15.6 9,12.4 4.1,15.6 5.7,10 1.2,6.5 6.9,6.4"{a}/>',
}


def _shape_svg(shape: str, fill: str, dashed: bool = False) -> str:
    attrs = f' fill="{fill}" stroke="#333333" stroke-width="1.2"'
    if dashed:
        attrs += ' stroke-dasharray="2.5 2"'
    return (
        '<svg class="sw" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">'
        + SHAPE_SVG.get(shape, SHAPE_SVG["dot"]).format(a=attrs)
        + "</svg>"
    )


def _line_svg(color: str, dash: str, head: str | None, width: float) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    end = 36 if head else 44
    parts = [f'<line x1="2" y1="7" x2="{end}" y2="7" stroke="{color}" stroke-width="{width}"{dash_attr}/>']
    if head in ("arrow", "triangle"):
        parts.append(f'<polygon points="35,2.5 45,7 35,11.5" fill="{color}"/>')
    elif head == "vee":
        parts.append(f'<polyline points="36,2.5 45,7 36,11.5" fill="none" stroke="{color}" stroke-width="1.6"/>')
    elif head == "diamond":
        parts.append(f'<polygon points="35,7 40,3 45,7 40,11" fill="{color}"/>')
    elif head == "circle":
        parts.append(f'<circle cx="40.5" cy="7" r="4" fill="{color}"/>')
    elif head == "bar":
        parts.append(f'<line x1="43" y1="1.5" x2="43" y2="12.5" stroke="{color}" stroke-width="2.4"/>')
        parts.append(f'<line x1="36" y1="7" x2="43" y2="7" stroke="{color}" stroke-width="{width}"/>')
    return '<svg class="ln" width="48" height="14" viewBox="0 0 48 14" aria-hidden="true">' + "".join(parts) + "</svg>"


def _legend(kinds_present, relations_present, any_external, size_text) -> str:
    out = ['<h2>Legend</h2>']
    out.append('<h3>Institutions (colour and shape = kind)</h3><ul class="kinds">')
    if not kinds_present:
        out.append("<li>No institutions in this network.</li>")
    for kind in kinds_present:
        term = NODE_KINDS.get(kind)
        shape, fill = KIND_STYLES.get(kind, _UNKNOWN_KIND)
        label = term.label if term else f"Unknown kind \u201c{_text(kind)}\u201d"
        meaning = term.meaning if term else "Not one of instnet's node kinds."
        out.append(
            f'<li data-kind="{_esc(kind)}" title="{_esc(meaning)}">{_shape_svg(shape, fill)}'
            f"<span>{_esc(label)}</span></li>"
        )
    out.append("</ul>")
    out.append(f'<p class="note">Size of a shape: {_esc(size_text)}.</p>')
    out.append('<h3>Ties (colour = relation, line = axis, head = direction)</h3>')
    if not relations_present:
        out.append('<p class="note">No ties in this network.</p>')
    by_axis: dict[str, list] = {}
    for rel_key in relations_present:
        rel = RELATIONS.get(rel_key)
        by_axis.setdefault(rel.axis if rel else OTHER_AXIS, []).append(rel_key)
    for axis in (VERTICAL, HORIZONTAL, OTHER_AXIS):
        if axis not in by_axis:
            continue
        heading, _, dash, width = AXIS_STYLES[axis]
        out.append(f'<h4>{_esc(heading)}</h4><ul class="relations">')
        for rel_key in by_axis[axis]:
            rel = RELATIONS.get(rel_key)
            color, head = RELATION_STYLES.get(rel_key, _UNKNOWN_RELATION)
            label = rel.label if rel else f"unknown relation \u201c{_text(rel_key)}\u201d"
            if rel and rel.symmetric:
                label += " (no direction)"
            meaning = rel.meaning if rel else "Not one of instnet's relation types."
            out.append(
                f'<li data-relation="{_esc(rel_key)}" title="{_esc(meaning)}">{_line_svg(color, dash, head, width)}'
                f"<span>{_esc(label)}</span></li>"
            )
        out.append("</ul>")
    if any_external:
        out.append(
            '<h3>Sources</h3><ul class="marks"><li>'
            + _shape_svg("dot", "#ffffff", dashed=True)
            + f"<span>Dashed outline and {EXTERNAL_MARK} after a name, or {EXTERNAL_MARK} on a tie: "
            "cites an external source, not one of the bundled source documents.</span></li></ul>"
        )
    out.append('<p class="note">Hover over a shape or a line for its description, evidence and source. '
               "Drag to pan, scroll to zoom.</p>")
    return "".join(out)


def _header(G, n_nodes, n_edges, scores) -> str:
    graph = G.graph
    title = _text(graph.get("title")) or _text(graph.get("id")) or "Untitled network"
    bits = [b for b in (_text(graph.get("country")), _text(graph.get("era"))) if b]
    years = _years(graph.get("start"), graph.get("end"))
    if years and not _text(graph.get("era")):
        bits.append(years)
    if graph.get("idealized") and not any("idealized" in b.lower() for b in bits):
        bits.append("idealized model")
    bits.append(f"{n_nodes} institution{'s' if n_nodes != 1 else ''}, {n_edges} tie{'s' if n_edges != 1 else ''}")
    meta = " \u00b7 ".join(_esc(b) for b in bits)
    out = [f'<h1 id="title">{_esc(title)}</h1>', f'<p class="meta" id="era">{meta}</p>']
    if scores:
        out.append('<dl class="scores" id="scores">')
        for name, value in scores.items():
            out.append(f"<div><dt>{_esc(name)}</dt><dd>{_esc(_number(value))}</dd></div>")
        out.append("</dl>")
    summary = _text(graph.get("summary"))
    if summary:
        out.append(f'<details><summary>About this network</summary><p>{_esc(summary)}</p></details>')
    return "".join(out)


_CSS = """
html,body{margin:0;height:100%}
body{display:flex;flex-direction:column;font-family:FONT;color:#222;background:#fff}
header{padding:8px 16px;border-bottom:1px solid #ddd}
header h1{font-size:20px;margin:0 0 2px}
header .meta{margin:0;color:#555;font-size:14px}
header dl{display:flex;flex-wrap:wrap;gap:4px 18px;margin:6px 0 0;font-size:13px}
header dl div{display:flex;gap:6px}
header dt{color:#555}
header dd{margin:0;font-weight:600}
header details{font-size:13px;margin-top:4px;max-width:70em}
header details p{margin:4px 0}
main{flex:1;display:flex;min-height:0}
#network{flex:1;min-width:0;position:relative}
#empty{position:absolute;top:40%;width:100%;text-align:center;color:#777}
#legend{width:290px;flex:none;overflow:auto;border-left:1px solid #ddd;padding:4px 14px 12px;font-size:13px;background:#fafafa}
#legend h2{font-size:15px;margin:8px 0 4px}
#legend h3{font-size:13px;margin:12px 0 4px}
#legend h4{font-size:12px;margin:8px 0 2px;font-weight:600;color:#444}
#legend ul{list-style:none;margin:0;padding:0}
#legend li{display:flex;align-items:center;gap:6px;margin:2px 0}
#legend svg{flex:none}
#legend .note{color:#555;margin:6px 0}
div.vis-tooltip{white-space:pre-wrap;max-width:420px;font-family:FONT;font-size:13px;line-height:1.35}
""".replace("FONT", _FONT)

# The page's one script of its own. It is constant (data come from the JSON
# block), so its hash in the Content-Security-Policy never changes.
_BOOT = """(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("instnet-data").textContent);
  var styles = data.relationStyles;
  var edges = data.edges.map(function (e) {
    var s = styles[e.rel];
    var edge = {id: e.id, from: e.from, to: e.to, title: e.title, color: {color: s.color, highlight: s.color, hover: s.color},
                dashes: s.dashes, width: s.width,
                arrows: {to: {enabled: s.head !== null, type: s.head || "arrow", scaleFactor: 0.7}}};
    if (e.curve) { edge.smooth = {enabled: true, type: e.curve[0], roundness: e.curve[1]}; }
    if (e.ext) { edge.label = data.externalMark; }
    return edge;
  });
  var nodes = new vis.DataSet(data.nodes);
  var edgeSet = new vis.DataSet(edges);
  var container = document.getElementById("network");
  var view = {drawn: false, nodes: nodes, edges: edgeSet, network: null};
  window.instnetView = view;
  var network = new vis.Network(container, {nodes: nodes, edges: edgeSet}, data.options);
  view.network = network;
  network.once("afterDrawing", function () {
    view.drawn = true;
    document.body.setAttribute("data-drawn", "true");
  });
  network.fit({animation: false});
})();"""


def _options(n_nodes: int, groups: dict) -> dict:
    big = n_nodes > _BIG
    return {
        "autoResize": True,
        "height": "100%",
        "width": "100%",
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1, "hierarchical": {"enabled": False}},
        "interaction": {
            "hover": not big,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": {"enabled": False},
            "multiselect": False,
        },
        "nodes": {
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "font": {"size": 14, "face": _FONT, "color": "#222222", "strokeWidth": 0,
                     "background": "rgba(255,255,255,0.82)"},
            "widthConstraint": {"maximum": _LABEL_MAX_WIDTH},
            # Labels smaller than 7 px on screen are not drawn (zoom in to read).
            "scaling": {"label": {"enabled": False, "drawThreshold": 8}},
        },
        "edges": {
            "smooth": False,
            "selectionWidth": 1.5,
            "hoverWidth": 0.8,
            "font": {"size": 13, "face": _FONT, "color": "#333333", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "groups": groups,
    }


def render_html(
    G: nx.DiGraph,
    sizes: Mapping | None = None,
    scores: Mapping | None = None,
    size_label: str | None = None,
    *,
    layout: str = "auto",
) -> str:
    """Return one self-contained HTML page that draws ``G``.

    The page needs nothing beyond itself: vis-network's script and style are
    inlined, no URL is requested, and a Content-Security-Policy allows only
    the page's own two scripts (by hash) and inline styles. Node colour and
    shape follow the kind, edge colour, dashes and arrow head follow the
    relation type and its axis; items citing an external source get a dashed
    outline and a dagger. A header gives the title, era and ``scores``; a
    legend explains every colour, shape and line on the page; tooltips give
    description, relation, quote and citation as plain text. Positions are
    computed in Python (see :func:`layout_positions`) and physics is off, so
    the drawing is still and the page is byte-identical for the same data.

    Parameters
    ----------
    G : networkx.DiGraph
        A network as built by :func:`instnet.load.load_network` (node ``kind``,
        ``label``, ..., edge ``relation``, ...; graph ``title``, ``era``,
        ``references``). Missing attributes are tolerated.
    sizes : mapping, optional
        Node -> number used for node size (square-root scale between 10 and
        34 px). Default: total degree.
    scores : mapping, optional
        A few key graph scores (name -> number) shown in the header, in the
        order given.
    size_label : str, optional
        What ``sizes`` measures, for the legend and tooltips
        (e.g. ``"betweenness centrality"``). Default: ``"degree (number of
        ties)"`` when ``sizes`` is None, else ``"chosen measure"``.
    layout : {"auto", "hierarchical", "force"}
        Passed to :func:`layout_positions`.

    Returns
    -------
    str
        The HTML page (write it as UTF-8).

    Raises
    ------
    RuntimeError
        If pyvis's bundled vis-network cannot be found.
    ValueError
        If ``layout`` is not one of the choices.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph(title="Example", era="2020s")
    >>> G.add_node("pm", label="Prime Minister", kind="head_of_government")
    >>> G.add_node("plan", label="Planning Ministry", kind="planning_agency")
    >>> G.add_edge("pm", "plan", relation="directs")
    >>> page = render_html(G)
    >>> page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    True
    >>> page == render_html(G)
    True
    """
    js, vis_css = vis_assets()
    order = sorted(G.nodes, key=_sort_key)
    index = {n: i for i, n in enumerate(order)}
    radii, values = _sizes_px(G, order, sizes)
    if size_label:
        size_name = _text(size_label)
    else:
        size_name = "degree (number of ties)" if sizes is None else "chosen measure"
    positions = layout_positions(G, radii, layout=layout)

    kinds_present: list = []
    nodes = []
    any_external = False
    for n in order:
        data = G.nodes[n]
        kind = data.get("kind") if data.get("kind") in NODE_KINDS else (data.get("kind") or "other")
        if kind not in kinds_present:
            kinds_present.append(kind)
        label = _text(data.get("label")) or _text(n)
        external = _is_external(G, data)
        x, y = positions[n]
        node = {
            "id": index[n],
            "key": _text(n),
            "group": _text(kind),
            "label": label + (" " + EXTERNAL_MARK if external else ""),
            "title": _node_title(G, n, data, size_name[:1].upper() + size_name[1:], values[n]),
            "size": radii[n],
            "x": x,
            "y": y,
        }
        if external:
            any_external = True
            node["shapeProperties"] = {"borderDashes": _EXTERNAL_DASHES}
            node["borderWidth"] = 2.5
            node["external"] = True
        nodes.append(node)
    kinds_present.sort(key=lambda k: (list(NODE_KINDS).index(k) if k in NODE_KINDS else len(NODE_KINDS), _text(k)))

    edge_list = sorted(G.edges(data=True), key=lambda e: (index[e[0]], index[e[1]], _text(e[2].get("relation"))))
    labels = [_text(G.nodes[n].get("label")) or _text(n) for n in order]
    curves = _curves([positions[n] for n in order], [radii[n] for n in order], labels,
                     [(index[u], index[v]) for u, v, _ in edge_list])
    relations_present: list = []
    edges = []
    for i, (u, v, data) in enumerate(edge_list):
        rel = data.get("relation")
        rel_key = _text(rel) if rel is not None else "?"
        if rel_key not in relations_present:
            relations_present.append(rel_key)
        edge = {"id": i, "from": index[u], "to": index[v], "rel": rel_key, "title": _edge_title(G, u, v, data)}
        if i in curves:
            edge["curve"] = curves[i]
        if _is_external(G, data):
            edge["ext"] = True
            any_external = True
        edges.append(edge)
    relations_present.sort(key=lambda r: (list(RELATIONS).index(r) if r in RELATIONS else len(RELATIONS), r))

    groups = {}
    for kind in kinds_present:
        shape, fill = KIND_STYLES.get(kind, _UNKNOWN_KIND)
        colour = {"background": fill, "border": "#333333", "highlight": {"background": fill, "border": "#000000"},
                  "hover": {"background": fill, "border": "#000000"}}
        groups[_text(kind)] = {"shape": shape, "color": colour}
    relation_styles = {}
    for rel_key in relations_present:
        rel = RELATIONS.get(rel_key)
        color, head = RELATION_STYLES.get(rel_key, _UNKNOWN_RELATION)
        _, dashes, _, width = AXIS_STYLES[rel.axis if rel else OTHER_AXIS]
        relation_styles[rel_key] = {"color": color, "dashes": dashes, "head": head, "width": width}

    payload = {
        "nodes": nodes,
        "edges": edges,
        "relationStyles": relation_styles,
        "externalMark": EXTERNAL_MARK,
        "options": _options(len(order), groups),
    }
    csp = (
        "default-src 'none'; "
        f"script-src '{_sha256(js)}' '{_sha256(_BOOT)}'; "
        "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    )
    title = _text(G.graph.get("title")) or _text(G.graph.get("id")) or "Untitled network"
    if size_label:
        size_text = f"{size_name}"
    elif sizes is None:
        size_text = "degree, the number of ties (larger = more ties)"
    else:
        size_text = size_name
    empty = '<p id="empty">This network has no institutions yet.</p>' if not order else ""
    return "".join(
        [
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n",
            '<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="referrer" content="no-referrer">\n',
            f"<title>{_esc(title)}</title>\n",
            f"<style>{vis_css}</style>\n",
            f"<style>{_CSS}</style>\n",
            "</head>\n<body>\n",
            f"<header>{_header(G, len(order), len(edges), scores)}</header>\n",
            f'<main><div id="network">{empty}</div>\n<aside id="legend">'
            f"{_legend(kinds_present, relations_present, any_external, size_text)}</aside></main>\n",
            f'<script type="application/json" id="instnet-data">{_script_json(payload)}</script>\n',
            f"<script>{js}</script>\n",
            f"<script>{_BOOT}</script>\n",
            "</body>\n</html>\n",
        ]
    )


@dataclass(frozen=True)
class NotebookView:
    """A rendered page that Jupyter displays inline in a sandboxed iframe."""

    page: str
    height: int = 640

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd" '
            'title="instnet network view"></iframe>'
        )


def render_notebook(
    G: nx.DiGraph,
    sizes: Mapping | None = None,
    scores: Mapping | None = None,
    size_label: str | None = None,
    *,
    layout: str = "auto",
    height: int = 640,
) -> NotebookView:
    """Return ``G``'s view as an object Jupyter displays inline.

    The page from :func:`render_html` goes into an iframe's ``srcdoc``
    (sandboxed: scripts run, but with an opaque origin), so nothing is
    written to disk and the notebook's own page is untouched.

    Parameters
    ----------
    G, sizes, scores, size_label, layout
        As for :func:`render_html`.
    height : int
        Height of the iframe in pixels.

    Returns
    -------
    NotebookView
        Its ``_repr_html_`` gives the iframe; ``page`` the full HTML.

    Examples
    --------
    >>> import networkx as nx
    >>> view = render_notebook(nx.DiGraph(title="Empty"))
    >>> view._repr_html_().startswith("<iframe srcdoc=")
    True
    """
    return NotebookView(render_html(G, sizes, scores, size_label, layout=layout), height=height)
