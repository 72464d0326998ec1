"""Network measures: who is central, how centralized, who brokers, how hierarchical.

Graph in, pandas out; no I/O. :func:`node_table` scores every node,
:func:`graph_table` summarizes one network, :func:`scores_table` puts several
networks side by side. Every convention that tools disagree on (loops in the
centralization maximum, closeness on graphs that are not strongly connected,
eigenvector scores on acyclic digraphs, ties in the leading eigenvalue) is
fixed here and stated in the docstring of the function that uses it.

Directed graphs (:class:`networkx.DiGraph`) and undirected graphs
(:class:`networkx.Graph`) are accepted; multigraphs are refused and self-loops
are ignored, as in Freeman's definitions. In a digraph, a tie whose
``relation`` is symmetric in :data:`instnet.model.RELATIONS`
(``cooperates_with``) is listed once but runs both ways, so every measure
reads it as a reciprocated pair of arcs; results never depend on which
direction it was written in.

One module per measure family: ``centrality`` (degree, betweenness,
closeness, eigenvector, HITS, Freeman centralization), ``brokers``
(Gould-Fernandez brokerage), ``hierarchy`` (Krackhardt), ``holes`` (Burt's
structural holes), ``ties`` (the tie count, top hub and axis shares every
surface prints, one definition each); ``tables`` assembles them into the tables, ``columns``
names and labels their columns, and ``_prepare`` holds what every measure
reads first (arcs, symmetric relations, the exact/approximate switch).
"""

from ._prepare import EXACT_LIMIT
from .brokers import BROKERAGE_ROLES, brokerage
from .centrality import BETWEENNESS_SAMPLES, CENTRALIZATION_MEASURES, centralizations
from .centrality import _centralizations_from as _centralizations_from  # for benchmarks/bench_metrics.py
from .columns import COLUMN_LABELS, GRAPH_MEASURES, NODE_MEASURES, to_markdown
from .hierarchy import LUB_EXACT_LIMIT, LUB_SAMPLES, krackhardt
from .tables import graph_table, node_table, scores_table
from .ties import axis_shares, tie_count, tie_figures, ties_per_node, top_hub

__all__ = [
    "BETWEENNESS_SAMPLES",
    "BROKERAGE_ROLES",
    "CENTRALIZATION_MEASURES",
    "COLUMN_LABELS",
    "EXACT_LIMIT",
    "GRAPH_MEASURES",
    "LUB_EXACT_LIMIT",
    "LUB_SAMPLES",
    "NODE_MEASURES",
    "brokerage",
    "centralizations",
    "graph_table",
    "krackhardt",
    "node_table",
    "scores_table",
    "to_markdown",
    "tie_count",
    "ties_per_node",
    "top_hub",
    "axis_shares",
    "tie_figures",
]
