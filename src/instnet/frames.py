"""The tidy pandas view of a loaded network: a nodes table and an edges table."""

from __future__ import annotations

import networkx as nx

__all__ = ["tables"]


def tables(G: nx.DiGraph):
    """The tidy pandas view of a loaded network: ``(nodes, edges)`` DataFrames.

    ``nodes`` is indexed by id; ``edges`` has ``source`` and ``target``
    columns first, as ``networkx.from_pandas_edgelist`` expects.
    """
    import pandas as pd

    nodes = pd.DataFrame.from_dict(dict(G.nodes(data=True)), orient="index")
    nodes.index.name = "id"
    edges = pd.DataFrame(
        [{"source": u, "target": v, **d} for u, v, d in G.edges(data=True)],
        columns=None if G.number_of_edges() else ["source", "target"],
    )
    return nodes, edges
