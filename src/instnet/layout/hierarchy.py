"""Whether a network reads top-down: its vertical (authority) ties and the test for a hierarchy."""

from __future__ import annotations

import networkx as nx

from ..model import RELATIONS, VERTICAL

__all__ = ["is_hierarchy", "vertical_edges"]


def vertical_edges(G: nx.DiGraph) -> list[tuple]:
    """The ties of ``G`` whose relation is on the vertical (authority) axis, loops left out."""
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
    vertical = vertical_edges(G)
    edges = G.number_of_edges()
    if not vertical or len(vertical) < 0.4 * edges:
        return False
    V = nx.DiGraph(vertical)
    return nx.is_directed_acyclic_graph(V)
