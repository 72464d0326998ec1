"""What every measure reads first: the graph as arcs (loops dropped, symmetric ties both ways) and the exact switch."""

from __future__ import annotations

import networkx as nx
import numpy as np

from instnet import model

__all__ = ["EXACT_LIMIT"]

#: Above this many nodes, betweenness is estimated from sampled sources and the
#: eigenvector and HITS scores come from power iteration instead of a dense
#: eigendecomposition (pass ``exact=True`` to force exact computation).
EXACT_LIMIT = 1000

_NAN = float("nan")


def _prepare(G):
    """Return ``G`` without self-loops; refuse what the measures cannot read."""
    if not isinstance(G, nx.Graph):
        raise TypeError(f"expected a networkx Graph or DiGraph, got {type(G).__name__}")
    if G.is_multigraph():
        raise ValueError("multigraphs are not supported: collapse parallel ties first, e.g. networkx.DiGraph(G)")
    loops = list(nx.selfloop_edges(G))
    missing = []
    if G.is_directed():
        # a symmetric relation (cooperates_with) is listed once but runs both ways
        missing = [
            (v, u, d)
            for u, v, d in G.edges(data=True)
            if u != v and model.is_symmetric(d.get("relation")) and not G.has_edge(v, u)
        ]
    if loops or missing:
        G = G.copy()
        G.remove_edges_from(loops)
        G.add_edges_from((v, u, dict(d)) for v, u, d in missing)
    return G


def _use_exact(n, exact):
    return n <= EXACT_LIMIT if exact is None else bool(exact)


def _edge_index(G, nodes):
    """The arcs of ``G`` as two arrays of positions in ``nodes`` (sources, targets)."""
    index = {v: i for i, v in enumerate(nodes)}
    if G.number_of_edges() == 0:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    src, dst = zip(*((index[u], index[v]) for u, v in G.edges()), strict=False)
    return np.asarray(src, dtype=np.intp), np.asarray(dst, dtype=np.intp)
