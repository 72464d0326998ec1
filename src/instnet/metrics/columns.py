"""The columns of the metric tables: their names in order, their headings, and the tables as Markdown."""

from __future__ import annotations

import pandas as pd

from ..text import markdown_table
from .brokers import BROKERAGE_ROLES
from .centrality import CENTRALIZATION_MEASURES

__all__ = ["COLUMN_LABELS", "GRAPH_MEASURES", "NODE_MEASURES", "to_markdown"]

#: Columns of :func:`node_table`, in order (``group`` is added when the
#: brokerage groups come from an attribute other than ``kind``).
NODE_MEASURES = (
    "label",
    "kind",
    "in_degree",
    "out_degree",
    "degree",
    "in_degree_norm",
    "out_degree_norm",
    "degree_norm",
    "betweenness",
    "betweenness_undirected",
    "closeness_in",
    "closeness_out",
    "eigenvector",
    "pagerank",
    "hub",
    "authority",
    "constraint",
    "effective_size",
    *BROKERAGE_ROLES,
    "brokerage",
)


#: Index of :func:`graph_table`, in order.
GRAPH_MEASURES = (
    "directed",
    "nodes",
    "ties",
    "arcs",
    "density",
    "reciprocity",
    "weak_components",
    "strong_components",
    *CENTRALIZATION_MEASURES,
    "connectedness",
    "hierarchy",
    "efficiency",
    "lub",
    "top_hub",
    "top_hub_share",
    "vertical_share",
    "horizontal_share",
    "other_share",
)

#: Human-readable column headings, for tables meant for a paper.
COLUMN_LABELS = {
    "id": "Id",
    "label": "Label",
    "kind": "Kind",
    "group": "Group",
    "in_degree": "In-degree",
    "out_degree": "Out-degree",
    "degree": "Degree",
    "in_degree_norm": "In-degree (norm.)",
    "out_degree_norm": "Out-degree (norm.)",
    "degree_norm": "Degree (norm.)",
    "betweenness": "Betweenness",
    "betweenness_undirected": "Betweenness (undirected)",
    "closeness_in": "Closeness (in)",
    "closeness_out": "Closeness (out)",
    "eigenvector": "Eigenvector (undirected)",
    "pagerank": "PageRank",
    "hub": "Hub",
    "authority": "Authority",
    "constraint": "Constraint",
    "effective_size": "Effective size",
    "coordinator": "Coordinator",
    "itinerant": "Itinerant",
    "representative": "Representative",
    "gatekeeper": "Gatekeeper",
    "liaison": "Liaison",
    "brokerage": "Brokerage (total)",
    "network": "Network",
    "country": "Country",
    "start": "Start",
    "directed": "Directed",
    "nodes": "Nodes",
    "ties": "Ties",
    "arcs": "Arcs",
    "density": "Density",
    "reciprocity": "Reciprocity",
    "weak_components": "Weak comp.",
    "strong_components": "Strong comp.",
    "centralization_in_degree": "Cent. in-degree",
    "centralization_out_degree": "Cent. out-degree",
    "centralization_degree": "Cent. degree",
    "centralization_betweenness": "Cent. betweenness",
    "centralization_betweenness_undirected": "Cent. betweenness (undir.)",
    "centralization_closeness_in": "Cent. closeness (in)",
    "centralization_closeness_out": "Cent. closeness (out)",
    "centralization_eigenvector": "Cent. eigenvector",
    "connectedness": "Connectedness",
    "hierarchy": "Hierarchy",
    "efficiency": "Efficiency",
    "lub": "LUBness",
    "top_hub": "Top hub",
    "top_hub_share": "Top hub share",
    "vertical_share": "Vertical ties",
    "horizontal_share": "Horizontal ties",
    "other_share": "Other ties",
}


def to_markdown(frame: pd.DataFrame | pd.Series, digits: int = 3, labels: bool = True) -> str:
    """Render a table from this package as a GitHub-flavoured Markdown table.

    Pure Python (no ``tabulate``). Floats are rounded to ``digits`` decimals,
    NaN and None (an undefined value, see :func:`graph_table`) are printed
    as ``n/a``,
    booleans as ``yes``/``no``, and ``|`` in text is escaped.

    Parameters
    ----------
    frame : pandas.DataFrame or pandas.Series
        A Series (such as :func:`graph_table`'s) becomes a two-column table.
    digits : int, default 3
    labels : bool, default True
        Use :data:`COLUMN_LABELS` for the headings (and the measure names of
        a Series).

    Returns
    -------
    str

    Examples
    --------
    >>> import networkx as nx
    >>> from instnet.metrics import graph_table
    >>> print(to_markdown(graph_table(nx.path_graph(3))[["nodes", "density", "reciprocity"]]))
    | Measure | Value |
    |---|---|
    | Nodes | 3 |
    | Density | 0.667 |
    | Reciprocity | 1.000 |
    """
    return markdown_table(frame, digits=digits, labels=COLUMN_LABELS if labels else None)
