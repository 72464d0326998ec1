"""Deterministic pixel positions for a network: the layered layout for hierarchies, the force layout otherwise."""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

from .compact import fill_screen
from .force import force
from .hierarchy import is_hierarchy
from .layered import layered
from .nodes import SIZE_FLAT, node_label, sort_key

__all__ = ["LAYOUTS", "layout_positions"]

LAYOUTS = ("auto", "hierarchical", "force")


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

    Raises
    ------
    ValueError
        If ``layout`` is not one of the choices.

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
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be 'auto', 'hierarchical' or 'force', not {layout!r}")
    order = sorted(G.nodes, key=sort_key)
    if not order:
        return {}
    sizes_px = {n: float((sizes or {}).get(n, SIZE_FLAT)) for n in order}
    labels = {n: node_label(G, n) for n in order}
    hierarchical = layout == "hierarchical" or (layout == "auto" and is_hierarchy(G))
    raw = layered(G, order, sizes_px, labels) if hierarchical else force(G, order, sizes_px, labels)
    raw = fill_screen(raw)  # a drawing much taller or flatter than a laptop screen is stretched to fill it
    return {n: (round(raw[n][0]), round(raw[n][1])) for n in order}
