"""Tie counts, the top hub and the axis shares: the figures every surface prints.

One convention, stated once: **a tie is one row of edges.csv** (one edge of the
loaded graph). A symmetric relation such as ``cooperates_with`` is listed once
and is one tie, and one tie for each of its two ends; self-loops are not ties.
Centralities and Freeman centralizations read a symmetric tie both ways (two
arcs, see :mod:`instnet.metrics.centrality`); the figures here never do.
"""

from __future__ import annotations

import math
from collections import Counter

import networkx as nx

from instnet import model

__all__ = ["tie_count", "ties_per_node", "top_hub", "axis_shares", "tie_figures"]


def _ties(G: nx.Graph):
    return ((u, v, d) for u, v, d in G.edges(data=True) if u != v)


def tie_count(G: nx.Graph) -> int:
    """The number of ties as listed (self-loops excluded).

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b", {"relation": "cooperates_with"}), ("c", "a", {"relation": "directs"})])
    >>> tie_count(G)
    2
    """
    return sum(1 for _ in _ties(G))


def ties_per_node(G: nx.Graph) -> dict:
    """Node -> the number of ties it takes part in, in node order (a symmetric tie counts once per end).

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b", {"relation": "cooperates_with"}), ("c", "a", {"relation": "directs"})])
    >>> ties_per_node(G)
    {'a': 2, 'b': 1, 'c': 1}
    """
    counts: Counter = Counter()
    for u, v, _ in _ties(G):
        counts[u] += 1
        counts[v] += 1
    return {n: counts[n] for n in G}


def top_hub(G: nx.Graph) -> tuple[object, int, float]:
    """``(node, ties, share)``: the node with the most ties and its share of all ties.

    On a tie the first node in node order (file order for a loaded network)
    wins. Without ties: ``(None, 0, nan)``.

    Examples
    --------
    >>> G = nx.DiGraph([("pm", "plan", {}), ("plan", "ind", {}), ("ind", "council", {})])
    >>> top_hub(G)
    ('plan', 2, 0.6666666666666666)
    """
    m = tie_count(G)
    if not m:
        return None, 0, math.nan
    per_node = ties_per_node(G)
    hub = max(per_node, key=per_node.__getitem__)  # max keeps the first of equals
    return hub, per_node[hub], per_node[hub] / m


def axis_shares(G: nx.Graph) -> dict[str, float]:
    """Shares of the ties on the vertical, horizontal and other axes of :data:`instnet.model.RELATIONS`.

    A tie without a known ``relation`` counts as other. Without ties all three are NaN.

    Examples
    --------
    >>> G = nx.DiGraph([("a", "b", {"relation": "directs"}), ("b", "c", {"relation": "cooperates_with"})])
    >>> axis_shares(G)
    {'vertical': 0.5, 'horizontal': 0.5, 'other': 0.0}
    """
    counts = Counter(model.relation_axis(d.get("relation")) for _, _, d in _ties(G))
    m = sum(counts.values())
    axes = (model.VERTICAL, model.HORIZONTAL, model.OTHER_AXIS)
    return {axis: counts[axis] / m if m else math.nan for axis in axes}


def tie_figures(G: nx.Graph) -> dict:
    """Every tie figure a user reads, in one dict.

    Returns
    -------
    dict
        ``ties``, ``top_hub`` (node or None), ``top_hub_ties``,
        ``top_hub_share``, ``vertical_share``, ``horizontal_share``,
        ``other_share`` (NaN shares without ties).
    """
    hub, hub_ties, share = top_hub(G)
    shares = axis_shares(G)
    return {
        "ties": tie_count(G),
        "top_hub": hub,
        "top_hub_ties": hub_ties,
        "top_hub_share": share,
        "vertical_share": shares[model.VERTICAL],
        "horizontal_share": shares[model.HORIZONTAL],
        "other_share": shares[model.OTHER_AXIS],
    }
