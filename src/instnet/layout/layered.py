"""Layered (Sugiyama-style) positions: authority flows downwards, in rows that fit the labels."""

from __future__ import annotations

import math

import networkx as nx

from ..model import OTHER_AXIS, RELATIONS
from .compact import wrap_rows
from .hierarchy import vertical_edges
from .nodes import CHAR_WIDTH, LABEL_MAX_WIDTH, SIZE_FLAT, label_width

__all__ = ["layered"]


def layered(G, order, sizes_px, labels) -> dict:
    """Layered (Sugiyama-style) positions: authority flows downwards.

    Layers come from the longest path over vertical ties (sources pulled
    down next to their highest child); nodes without vertical ties sit in
    the median layer of their neighbours. Layers are ordered by a few
    barycentre sweeps and placed with minimum gaps that fit the labels.

    Parameters
    ----------
    G : networkx.DiGraph
    order : list
        The nodes of ``G`` in drawing order.
    sizes_px, labels : dict
        Node -> drawn radius in pixels; node -> label text.

    Returns
    -------
    dict
        Node -> ``(x, y)`` in pixels (floats), y growing downwards.
    """
    index = {n: i for i, n in enumerate(order)}
    U = G.to_undirected(as_view=True)
    layer = _vertical_layers(G, order, index)
    pending = _median_layers(G, U, order, layer)
    loose = _loose_row(U, pending, index)
    rows, fixed = _rows(order, layer, loose)
    _sweep(rows, U, _sides(order, U, rows, set(loose)), fixed)

    def width(n):
        return max(2 * sizes_px[n], label_width(labels[n])) + 24

    def pitch(row, gap):
        return _pitch(row, sizes_px, labels, gap)

    rows, fixed, gap = wrap_rows(rows, width, pitch, fixed)
    x = _place_x(rows, U, width, fixed)
    y = _place_y(rows, sizes_px, labels, gap)
    return {n: (x[n], y[n]) for n in order}


def _vertical_layers(G, order, index) -> dict:
    """Layer of every node with vertical ties: the longest path from the top, sources pulled down."""
    V = nx.DiGraph()
    V.add_nodes_from(order)
    V.add_edges_from(vertical_edges(G))
    layer: dict = {}
    in_v = [n for n in order if V.degree(n) > 0]
    for n in nx.lexicographical_topological_sort(V.subgraph(in_v), key=lambda n: index[n]):
        preds = list(V.predecessors(n))
        layer[n] = max((layer[p] + 1 for p in preds), default=0)
    # Pull sources down next to their highest child.
    for n in reversed(list(nx.lexicographical_topological_sort(V.subgraph(in_v), key=lambda n: index[n]))):
        if V.in_degree(n) == 0 and V.out_degree(n) > 0:
            layer[n] = min(layer[s] for s in V.successors(n)) - 1
    return layer


def _median_layers(G, U, order, layer: dict) -> list:
    """Put nodes without vertical ties in the median layer their neighbours want; return those left."""

    def axis(u, v):
        key = (G.get_edge_data(u, v) or {}).get("relation")
        rel = RELATIONS.get(key) if isinstance(key, str) else None
        return rel.axis if rel else None

    def wanted(n, m) -> int:
        # A node that funds or constrains another sits above it, one funded
        # or constrained by another below it; other ties keep it level.
        if G.has_edge(n, m) and axis(n, m) == OTHER_AXIS:
            return layer[m] - 1
        if G.has_edge(m, n) and axis(m, n) == OTHER_AXIS:
            return layer[m] + 1
        return layer[m]

    pending = [n for n in order if n not in layer]
    changed = True
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
    return pending


def _loose_row(U, pending: list, index) -> list:
    """The nodes of the bottom row, in order.

    Isolated nodes, or groups tied only among themselves: one row at the
    bottom, group after group, each in breadth-first order from its
    best-connected member so that its ties stay short.
    """
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
    return loose


def _rows(order, layer: dict, loose: list) -> tuple[list[list], int | None]:
    """Rows top to bottom (empty layers kept) and the index of the loose row, if any."""
    bottom = max(layer.values(), default=-1) + 1
    for n in loose:
        layer[n] = bottom
    top = min(layer.values(), default=0)
    seen = set(loose)
    levels: dict[int, list] = {}
    for n in order:
        if n not in seen:
            levels.setdefault(layer[n] - top, []).append(n)
    fixed = bottom - top if loose else None
    if fixed is not None:
        levels[fixed] = loose
    depth = max(levels, default=-1) + 1
    return [levels.get(i, []) for i in range(depth)], fixed


def _sides(order, U, rows, loose: set) -> dict:
    """Offsets of leaves tied only to a node of their own row.

    Such nodes sit beside their neighbour, alternately right and left, so
    that several of them do not pile up on one side.
    """
    row_of = {n: i for i, row in enumerate(rows) for n in row}
    side: dict = {}
    count: dict = {}
    for n in order:
        if n in loose or any(row_of[m] != row_of[n] for m in U.neighbors(n) if m != n):
            continue
        ties = [m for m in U.neighbors(n) if m != n]
        anchor = ties[0] if len(ties) == 1 else None  # leaves only: chains keep their order
        if anchor is not None:
            k = count.get(anchor, 0)
            count[anchor] = k + 1
            side[n] = 0.5 + 0.01 * k if k % 2 == 0 else -0.5 - 0.01 * k
    return side


def _sweep(rows: list[list], U, side: dict, fixed: int | None) -> None:
    """Order the rows in place by barycentre sweeps over ties between different rows."""
    depth = len(rows)
    pos_in_row = {n: i for row in rows for i, n in enumerate(row)}
    row_of = {n: i for i, row in enumerate(rows) for n in row}
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
                    near = [
                        keys.get(m, pos_in_row[m]) + side.get(n, 0.5)
                        for m in U.neighbors(n)
                        if row_of.get(m) == r and m != n
                    ]
                    keys[n] = sum(near) / len(near) if near else pos_in_row[n]
            # Equal keys: nodes with ties inside the row go last, next to the
            # nodes placed just right of them.
            inside = {n: sum(1 for m in U.neighbors(n) if row_of.get(m) == r and m != n) for n in rows[r]}
            order = {n: (keys[n], inside[n], pos_in_row[n]) for n in rows[r]}
            rows[r] = sorted(rows[r], key=order.__getitem__)
            for i, n in enumerate(rows[r]):
                pos_in_row[n] = i


def _place_x(rows: list[list], U, width, fixed: int | None) -> dict:
    """x of every node: compact rows, then passes down, up and down again.

    Each pass pulls each node towards the mean of its neighbours in the
    reference rows while keeping the order and the gaps that fit the
    labels; the loose row is then centred under the drawing.
    """
    row_of = {n: i for i, row in enumerate(rows) for n in row}
    x: dict = {}
    for row in rows:
        cursor = -sum(width(n) for n in row) / 2
        for n in row:
            x[n] = cursor + width(n) / 2
            cursor += width(n)
    depth = len(rows)
    for r in range(1, depth):
        _place_row(rows[r], r, U, row_of, x, width, downwards=True)
    for r in range(depth - 2, -1, -1):
        _place_row(rows[r], r, U, row_of, x, width, downwards=False)
    for r in range(1, depth):
        _place_row(rows[r], r, U, row_of, x, width, downwards=True)
    if fixed is not None and len(rows) > 1:  # centre the loose row under the drawing
        others = [x[n] for i, row in enumerate(rows) if i != fixed for n in row]
        own = [x[n] for n in rows[fixed]]
        shift = (min(others) + max(others)) / 2 - (min(own) + max(own)) / 2
        for n in rows[fixed]:
            x[n] += shift
    return x


def _place_row(row: list, r: int, U, row_of: dict, x: dict, width, downwards: bool) -> None:
    """Move the nodes of row ``r`` towards their neighbours above (or below), in order and apart."""
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
    for n, a, b in zip(row, left, right, strict=False):
        x[n] = (a + b) / 2


def _pitch(row: list, sizes_px: dict, labels: dict, gap: float) -> float:
    """Distance from a row to the next: ``gap`` plus the biggest shape and the tallest wrapped label."""
    tallest = max((math.ceil(len(labels[n]) * CHAR_WIDTH / LABEL_MAX_WIDTH) for n in row), default=1)
    biggest = max((sizes_px[n] for n in row), default=SIZE_FLAT)
    return gap + 2 * biggest + 18 * min(tallest, 4)


def _place_y(rows: list[list], sizes_px: dict, labels: dict, gap: float) -> dict:
    """y of every row: the level separation grows with the tallest wrapped label."""
    y: dict = {}
    cursor = 0.0
    for row in rows:
        for n in row:
            y[n] = cursor
        cursor += _pitch(row, sizes_px, labels, gap)
    return y
