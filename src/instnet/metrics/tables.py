"""The metric tables: every node's scores, one network's measures, several networks side by side."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ._prepare import _NAN, _prepare, _use_exact
from .brokers import brokerage
from .centrality import SCORES, _centrality_scores, _centralizations_from, _hits, _pagerank
from .columns import GRAPH_MEASURES
from .hierarchy import krackhardt
from .holes import _structural_holes
from .ties import tie_figures

__all__ = ["graph_table", "node_table", "scores_table"]


def node_table(G: nx.Graph, group_by: str | None = "kind", *, exact: bool | None = None) -> pd.DataFrame:
    """Centrality, structural-hole and brokerage scores of every node.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        A network as :func:`instnet.load.load_network` returns it (node
        attributes ``label`` and ``kind`` are used when present), or any
        networkx graph. Self-loops are ignored; multigraphs are refused; a
        symmetric relation (``cooperates_with``) is read both ways.
    group_by : str or None, default "kind"
        Node attribute that defines the groups of the Gould-Fernandez
        brokerage roles (see :func:`brokerage`).
    exact : bool or None
        ``None`` (default): exact up to ``EXACT_LIMIT`` nodes, approximate
        above (see Notes). ``True`` / ``False`` force one or the other.

    Returns
    -------
    pandas.DataFrame
        One row per node, indexed by node id (index name ``id``), in the
        graph's node order, with the columns of ``NODE_MEASURES``:

        ``label``, ``kind``
            Node attributes (``label`` falls back to the id, ``kind`` to None).
            A ``group`` column follows when ``group_by`` is another attribute.
        ``in_degree``, ``out_degree``, ``degree``
            Ties received, sent, and their sum. In an undirected graph all
            three are the degree.
        ``in_degree_norm``, ``out_degree_norm``, ``degree_norm``
            Divided by their maximum without loops: n - 1 for in- and
            out-degree, 2(n - 1) for total degree in a digraph, n - 1 in an
            undirected graph. 0 for a graph of one node.
        ``betweenness``
            Share of the shortest paths between other pairs that pass through
            the node (Freeman 1977, Brandes 2001), on directed paths, divided
            by (n - 1)(n - 2), the number of ordered pairs of other nodes
            ((n - 1)(n - 2)/2 unordered pairs in an undirected graph).
        ``betweenness_undirected``
            The same on the undirected view (a tie in either direction, or
            both, is one undirected tie): in top-down hierarchies few directed
            paths run through a node while the undirected view still shows
            the go-between.
        ``closeness_in``, ``closeness_out``
            Closeness from distances to the node (in) and from the node (out),
            with the Wasserman-Faust scaling for nodes that do not reach
            everybody: ``(r / (n - 1)) * (r / sum of distances to the r nodes
            reached)``, 0 for a node that reaches (or is reached by) nobody.
            Chosen over harmonic closeness because on a (strongly) connected
            graph it equals Freeman's classic closeness, so the published
            values and centralizations stay comparable, while every value is
            defined on any graph. Equal in an undirected graph.
        ``eigenvector``
            Eigenvector centrality (Bonacich 1972) of the undirected view,
            scaled so the maximum is 1. Chosen because networkx's directed
            eigenvector centrality is undefined on acyclic digraphs, which
            many coordination networks nearly are, while the undirected
            score is defined on every graph and has a standard Freeman
            centralization (igraph ``centr_eigen``). When the leading
            eigenvalue is repeated (identical components) the score is the
            limit of power iteration from equal scores, i.e. the projection of
            the ones vector on the leading eigenspace; nodes outside the
            leading component(s) score 0; a graph without ties scores 1
            everywhere.
        ``pagerank``
            PageRank (Brin and Page 1998), damping 0.85, dangling nodes
            spread uniformly, ties unweighted (as networkx and igraph): a directed prestige
            score, defined on acyclic digraphs too, high for nodes that many
            well-placed nodes send ties to. Sums to 1.
        ``hub``, ``authority``
            HITS scores (Kleinberg 1999) scaled to maximum 1: hubs send ties
            to good authorities, authorities receive ties from good hubs.
            ``hub`` is the limit of Kleinberg's iteration from equal scores
            (defined when the leading singular value is repeated) and
            ``authority`` is proportional to the sum of the hub scores of the
            senders. Both are 0 everywhere in a graph without ties (no node
            sends or receives one).
        ``constraint``
            Burt's (1992) constraint, sum over contacts j of
            ``(p_ij + sum_q p_iq p_qj)^2`` with tie strength ``a_ij + a_ji``
            (a reciprocated tie weighs 2), as igraph's ``constraint``. NaN for an
            isolated node, for which Burt's measure is undefined (no
            contacts to divide attention among).
        ``effective_size``
            Burt's (1992) general formula, sum over contacts j of
            ``1 - sum_q p_iq m_jq`` (``m_jq`` = tie strength divided by j's
            strongest tie), with the same tie strength ``a_ij + a_ji``. On an
            undirected graph it equals Borgatti's (1997) shortcut
            ``n_i - 2 t_i / n_i`` (contacts minus their mean degree among
            themselves); on a digraph with reciprocated ties it differs from
            that shortcut applied to the undirected view, because a mutual tie
            is a stronger tie. 0 for an isolated node. (Both are computed
            here: networkx 3.6's ``effective_size`` divides by the wrong
            node's strongest tie on digraphs, and its per-node path treats a
            node that only receives ties as isolated.)
        ``coordinator``, ``itinerant``, ``representative``, ``gatekeeper``, ``liaison``, ``brokerage``
            Gould-Fernandez brokerage role counts and their total, groups
            from ``group_by`` (see :func:`brokerage`).

    Raises
    ------
    ValueError
        If a node has no value for ``group_by``, or ``G`` is a multigraph.

    Notes
    -----
    Above ``EXACT_LIMIT`` nodes (unless ``exact=True``) both betweenness
    columns are estimated from ``BETWEENNESS_SAMPLES`` source nodes drawn with
    seed 0 (Brandes and Pich 2007, networkx's ``k`` argument), and the
    eigenvector and HITS scores come from power iteration (to a change below
    1e-12) instead of a dense eigendecomposition. Everything else is exact.

    References
    ----------
    .. [1] Freeman, L. C. (1979). Centrality in social networks: conceptual
       clarification. *Social Networks* 1(3), 215-239.
    .. [2] Wasserman, S. and Faust, K. (1994). *Social Network Analysis:
       Methods and Applications*. Cambridge University Press, pp. 200-201.
    .. [3] Brandes, U. (2001). A faster algorithm for betweenness centrality.
       *Journal of Mathematical Sociology* 25(2), 163-177.
    .. [4] Brandes, U. and Pich, C. (2007). Centrality estimation in large
       networks. *International Journal of Bifurcation and Chaos* 17(7),
       2303-2318.
    .. [5] Bonacich, P. (1972). Factoring and weighting approaches to status
       scores and clique identification. *Journal of Mathematical Sociology*
       2(1), 113-120.
    .. [6] Brin, S. and Page, L. (1998). The anatomy of a large-scale
       hypertextual web search engine. *Computer Networks and ISDN Systems*
       30, 107-117.
    .. [7] Kleinberg, J. M. (1999). Authoritative sources in a hyperlinked
       environment. *Journal of the ACM* 46(5), 604-632.
    .. [8] Burt, R. S. (1992). *Structural Holes: The Social Structure of
       Competition*. Harvard University Press.
    .. [9] Borgatti, S. P. (1997). Structural holes: unpacking Burt's
       redundancy measures. *Connections* 20(1), 35-38.
    .. [10] Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation.
       *Sociological Methodology* 19, 89-126.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph([("pm", "plan"), ("pm", "council"), ("plan", "ind"),
    ...                 ("ind", "council"), ("fed", "council")])
    >>> kinds = {"pm": "head_of_government", "plan": "planning_agency",
    ...          "ind": "ministry", "council": "council", "fed": "business_association"}
    >>> nx.set_node_attributes(G, kinds, "kind")
    >>> table = node_table(G)
    >>> int(table.loc["council", "in_degree"]), float(table.loc["council", "in_degree_norm"])
    (3, 0.75)
    >>> table["betweenness_undirected"].idxmax()
    'council'
    >>> int(table.loc["plan", "brokerage"])
    1
    """
    G = _prepare(G)
    nodes = list(G)
    n = len(nodes)
    directed = G.is_directed()
    exact_now = _use_exact(n, exact)
    groups = brokerage(G, group_by)  # validates group_by first

    index = pd.Index(nodes, name="id")
    # the columns in order, made into one frame at the end (setting 25 columns one by one on a frame took a
    # fifth of a network's summary)
    data: dict[str, Any] = {"label": [str(G.nodes[v].get("label", v)) for v in nodes]}
    data["kind"] = pd.Series([G.nodes[v].get("kind") for v in nodes], index=index, dtype=object)
    if group_by not in (None, "kind"):
        data["group"] = pd.Series([G.nodes[v].get(group_by) for v in nodes], index=index, dtype=object)

    scores = _shared_scores(G, nodes, exact_now)
    total_max = 2 * (n - 1) if directed else n - 1
    for col in ("in_degree", "out_degree", "degree"):
        data[col] = scores[col]
    data["in_degree_norm"] = scores["in_degree"] / (n - 1) if n > 1 else 0.0
    data["out_degree_norm"] = scores["out_degree"] / (n - 1) if n > 1 else 0.0
    data["degree_norm"] = scores["degree"] / total_max if n > 1 else 0.0
    for col in ("betweenness", "betweenness_undirected", "closeness_in", "closeness_out", "eigenvector"):
        data[col] = scores[col]
    data["pagerank"] = _pagerank(G, nodes)
    hub, auth = _hits(G, nodes, exact_now)
    data["hub"] = hub
    data["authority"] = auth

    cons, eff = _structural_holes(G)
    data["constraint"] = [cons[v] for v in nodes]
    data["effective_size"] = [eff[v] for v in nodes]

    for col in groups.columns:
        data[col] = groups[col].to_numpy()
    return pd.DataFrame(data, index=index)


def graph_table(G: nx.Graph, *, exact: bool | None = None, measures: Sequence[str] | None = None) -> pd.Series:
    """Whole-network measures of one network.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Self-loops are ignored; multigraphs are refused; a symmetric
        relation (``cooperates_with``) is read both ways.
    exact : bool or None
        Passed to :func:`node_table` and :func:`krackhardt` (exact up to
        ``EXACT_LIMIT`` nodes by default).
    measures : sequence of str, optional
        Only these of ``GRAPH_MEASURES``, in this order (the same values,
        without computing the others: a view's year slider reads five
        measures of every year).

    Returns
    -------
    pandas.Series
        Indexed by ``GRAPH_MEASURES`` (or ``measures``), dtype object (it mixes a bool, counts,
        shares and a node id), named after ``G.graph["id"]`` when present:

        ``directed``, ``nodes``
        ``ties``
            Ties as listed (:func:`instnet.metrics.ties.tie_count`): a
            symmetric ``cooperates_with`` tie is one tie.
        ``arcs``
            Ordered pairs joined, as the centralities read them: a symmetric
            relation (listed once, read both ways) counts 2.
        ``density``
            ``arcs / (n (n - 1))``, halved denominator when undirected.
        ``reciprocity``
            Share of ties whose reverse tie also exists (igraph's default);
            1 for an undirected graph with ties.
        ``weak_components``, ``strong_components``
            Counts (equal in an undirected graph; 0 for the empty graph).
        ``centralization_*``
            Freeman (1979) centralization ``sum_v (max_u c(u) - c(v)) / T``,
            where T is the largest value of the numerator over all graphs
            with the same number of nodes and directedness, loops excluded
            (the convention of igraph's ``centr_*`` functions with
            ``loops=FALSE`` and of R sna's ``centralization``). In raw units:

            ==========================  ====================  ==================
            score                       digraph               undirected graph
            ==========================  ====================  ==================
            in- or out-degree           (n-1)^2               (n-1)(n-2)
            total degree                2(n-1)(n-2)           (n-1)(n-2)
            betweenness                 (n-1)^2 (n-2)         (n-1)^2 (n-2)/2
            betweenness, undirected     (n-1)^2 (n-2)/2       (n-1)^2 (n-2)/2
            closeness (Wasserman-Faust) n-1                   (n-1)(n-2)/(2n-3)
            eigenvector (undirected)    n-2                   n-2
            ==========================  ====================  ==================

            Betweenness is normalized in :func:`node_table`, so its T there is
            n - 1. A star has degree, betweenness and closeness centralization
            1 (in a digraph: ties both ways for total degree and directed
            betweenness, a one-way out-star for out-degree and out-closeness);
            complete graphs and cycles 0. Beware: only a star with ties both
            ways reaches T for directed betweenness, so a one-way star or a
            top-down hierarchy scores 0 or low there; see the undirected
            variant. For closeness the digraph T is n - 1, not igraph's
            (n-1)(1-1/n): with Wasserman-Faust scaling a node reaching nobody
            scores 0 and a one-way out-star reaches n - 1 (igraph's bound
            assumes unreachable distances of n and would give more than 1).
            The undirected closeness T is reached by the star (checked over
            all graphs up to 7 nodes, disconnected ones included). The
            eigenvector T is reached by one tie plus isolated nodes, so a star
            scores (n - 1 - sqrt(n - 1)) / (n - 2), not 1.
        ``connectedness``, ``hierarchy``, ``efficiency``, ``lub``
            Krackhardt's (1994) hierarchy measures, see :func:`krackhardt`.
        ``top_hub``, ``top_hub_share``
            The node with the most ties as listed and the share of all ties it
            takes part in (:func:`instnet.metrics.ties.top_hub`: the first in
            node order on a tie).
        ``vertical_share``, ``horizontal_share``, ``other_share``
            Shares of the ties as listed (:func:`instnet.metrics.ties.axis_shares`) whose ``relation`` attribute is on the vertical
            (authority), horizontal (coordination, consultation, membership)
            or other axis of :data:`instnet.model.RELATIONS`; ties without a
            known relation count as other. They sum to 1.

        Undefined values are NaN, never 0, so they cannot be read as "not
        centralized": density and connectedness with fewer than 2 nodes
        (no pair exists); reciprocity, the three axis shares and
        ``top_hub_share`` without ties (``top_hub`` is then None); a
        centralization whose T is 0 or on the empty graph (T is 0 with fewer
        than 2 nodes for directed in- and out-degree and closeness, with fewer
        than 3 nodes for all the others); the
        Krackhardt measures as :func:`krackhardt` says.

    Notes
    -----
    Above ``EXACT_LIMIT`` nodes the betweenness centralizations use sampled
    betweenness (see :func:`node_table`), and LUBness may be estimated (see
    :func:`krackhardt`).

    References
    ----------
    .. [1] Freeman, L. C. (1979). Centrality in social networks: conceptual
       clarification. *Social Networks* 1(3), 215-239.
    .. [2] Wasserman, S. and Faust, K. (1994). *Social Network Analysis*.
       Cambridge University Press, ch. 5.
    .. [3] Krackhardt, D. (1994). Graph theoretical dimensions of informal
       organizations. In *Computational Organization Theory*, 89-111.
    .. [4] Csardi, G. and Nepusz, T. (2006). The igraph software package for
       complex network research. *InterJournal Complex Systems* 1695
       (``centr_degree_tmax``, ``centr_betw_tmax``, ``centr_eigen_tmax``).
    .. [5] Butts, C. T. (2008). Social network analysis with sna. *Journal of
       Statistical Software* 24(6).

    Examples
    --------
    A star is as centralized as a graph can be:

    >>> import networkx as nx
    >>> s = graph_table(nx.star_graph(4))
    >>> s[["centralization_degree", "centralization_betweenness",
    ...    "centralization_closeness_in"]].astype(float).round(6).tolist()
    [1.0, 1.0, 1.0]
    >>> graph_table(nx.cycle_graph(5))["centralization_degree"]
    0.0
    >>> G = nx.DiGraph([("pm", "plan", {"relation": "directs"}),
    ...                 ("plan", "ind", {"relation": "plans_for"}),
    ...                 ("ind", "council", {"relation": "member_of"})])
    >>> g = graph_table(G)
    >>> g["top_hub"], g["top_hub_share"], g["vertical_share"]
    ('plan', 0.6666666666666666, 0.6666666666666666)
    """
    wanted = tuple(GRAPH_MEASURES) if measures is None else tuple(measures)
    unknown = [k for k in wanted if k not in GRAPH_MEASURES]
    if unknown:
        raise KeyError(f"no such graph measure: {', '.join(map(str, unknown))}")
    key = (_fingerprint(G), exact)
    if key in _KNOWN:  # the whole table, or these measures of it (a year slice that is the whole network)
        name, values = _KNOWN[key]
        return pd.Series([values[k] for k in wanted], index=list(wanted), dtype=object, name=name)
    table = _graph_table(G, exact, wanted)
    if wanted == tuple(GRAPH_MEASURES):
        _remember(key, table.name, table)
    return table


#: Whole graph tables already computed in this process, by the graph's fingerprint (a site build measures each
#: network once and its diffs and country page read the same table); the most recent ``_KNOWN_SIZE`` are kept,
#: each as its name and its values by measure (a Series is made for each caller, of the measures it asks for).
_KNOWN: dict = {}
_KNOWN_SIZE = 256


def _fingerprint(G: nx.Graph) -> tuple:
    """Everything :func:`graph_table` reads of ``G``: id, direction, node order, ties with their relation, in order.

    Predecessor order is included: a digraph's neighbour order changes the order in which floating-point sums are
    taken. A measure that comes to read another attribute must add it here.
    """
    return (
        G.graph.get("id"),
        G.is_directed(),
        tuple(G),
        tuple((u, v, d.get("relation")) for u, v, d in G.edges(data=True)),
        tuple(tuple(G.pred[v]) for v in G) if G.is_directed() else (),
    )


def _remember(key: tuple, name, table: pd.Series) -> None:
    """Keep ``table`` (every measure of :data:`GRAPH_MEASURES`; one it lacks is NaN) under ``key``, named ``name``."""
    values = dict(zip(table.index, table.tolist(), strict=True))
    _KNOWN.pop(key, None)
    _KNOWN[key] = (name, {k: values.get(k, _NAN) for k in GRAPH_MEASURES})
    while len(_KNOWN) > _KNOWN_SIZE:
        del _KNOWN[next(iter(_KNOWN))]


def remember_graph_table(G: nx.Graph, table: pd.Series) -> None:
    """Record ``table`` as the :func:`graph_table` of ``G`` in this process (a site build hands on what its workers computed)."""
    _remember((_fingerprint(G), None), G.graph.get("id"), table)


#: The node scores of the last graph measured (:func:`node_table` and :func:`graph_table` of one network
#: compute the same betweenness, closeness and eigenvector scores; a site build asks for both).
_LAST_SCORES: dict = {}


def _shared_scores(G: nx.Graph, nodes: list, exact: bool) -> dict:
    """:func:`_centrality_scores` of ``G`` (prepared), all of them, computed once for consecutive calls on one graph."""
    key = (_fingerprint(G), exact)
    if key not in _LAST_SCORES:
        _LAST_SCORES.clear()
        _LAST_SCORES[key] = _centrality_scores(G, nodes, exact)
    return {k: v.copy() for k, v in _LAST_SCORES[key].items()}


def _graph_table(G: nx.Graph, exact, wanted: tuple) -> pd.Series:
    figures = tie_figures(G)
    G = _prepare(G)
    n = G.number_of_nodes()
    m = G.number_of_edges()
    directed = G.is_directed()
    node_ids = list(G)
    which = {k.removeprefix("centralization_") for k in wanted if k.startswith("centralization_")}
    exact_now = _use_exact(n, exact)
    scores = (
        _shared_scores(G, node_ids, exact_now)
        if which == set(SCORES)
        else _centrality_scores(G, node_ids, exact_now, which)
    )

    out = {"directed": directed, "nodes": n, "ties": figures["ties"], "arcs": m}
    pairs = n * (n - 1) if directed else n * (n - 1) / 2
    out["density"] = m / pairs if n > 1 else _NAN
    if m == 0:
        out["reciprocity"] = _NAN
    elif directed:
        out["reciprocity"] = sum(1 for u, v in G.edges() if G.has_edge(v, u)) / m
    else:
        out["reciprocity"] = 1.0
    if {"weak_components", "strong_components"} & set(wanted):
        if directed:
            out["weak_components"] = nx.number_weakly_connected_components(G)
            out["strong_components"] = nx.number_strongly_connected_components(G)
        else:
            out["weak_components"] = out["strong_components"] = nx.number_connected_components(G)

    out.update(_centralizations_from(scores, n, directed))

    if {"connectedness", "hierarchy", "efficiency", "lub"} & set(wanted):
        out.update(krackhardt(G, exact=exact, lub="lub" in wanted))  # LUBness, the costliest, only when asked

    out.update(
        {key: figures[key] for key in ("top_hub", "top_hub_share", "vertical_share", "horizontal_share", "other_share")}
    )
    return pd.Series([out[k] for k in wanted], index=list(wanted), dtype=object, name=G.graph.get("id"))


def scores_table(
    graphs: Mapping[str, nx.Graph], *, exact: bool | None = None, tables: Mapping[str, pd.Series] | None = None
) -> pd.DataFrame:
    """The whole-network measures of several networks, one row each.

    Parameters
    ----------
    graphs : Mapping[str, networkx.DiGraph]
        Network id to graph (as :func:`instnet.load.load_network` returns).
    exact : bool or None
        Passed to :func:`graph_table`.
    tables : Mapping[str, pandas.Series], optional
        Network id -> its :func:`graph_table`, already computed (a site build
        computes them in its worker processes); the others are computed here.

    Returns
    -------
    pandas.DataFrame
        Indexed by network id (index name ``network``), with ``country`` and
        ``start`` (from ``G.graph``, None when absent) followed by the
        columns of ``GRAPH_MEASURES``, each with its own dtype. Rows are
        sorted with country networks first and idealized models last, then by
        country, start year and id, so eras of one country sit together in
        time order. Use :data:`COLUMN_LABELS` for headings and
        :func:`to_markdown` for a table to paste into a paper.

    Examples
    --------
    >>> import networkx as nx
    >>> star = nx.DiGraph([("hub", x) for x in "abcd"] + [(x, "hub") for x in "abcd"])
    >>> chain = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> star.graph.update(country="Starland", start=1970)
    >>> chain.graph.update(country="Chainland", start=1990)
    >>> t = scores_table({"star-1970": star, "chain-1990": chain})
    >>> t.index.tolist()
    ['chain-1990', 'star-1970']
    >>> t["centralization_betweenness"].round(3).tolist()
    [0.222, 1.0]
    """
    rows = []
    for key, G in graphs.items():
        meta = G.graph
        row = {"network": key, "country": meta.get("country"), "start": meta.get("start")}
        table = (tables or {}).get(key)
        row.update((graph_table(G, exact=exact) if table is None else table).to_dict())
        start = meta.get("start")
        order = (
            bool(meta.get("idealized", False)),
            str(meta.get("country") or ""),
            start if isinstance(start, (int, float)) and not math.isnan(start) else math.inf,
            str(key),
        )
        rows.append((order, row))
    rows.sort(key=lambda item: item[0])
    columns = ["network", "country", "start", *GRAPH_MEASURES]
    frame = pd.DataFrame.from_records([row for _, row in rows], columns=columns)
    frame = frame.set_index("network").infer_objects()
    starts = frame["start"]
    if all(
        pd.isna(v) or (isinstance(v, (int, float, np.integer, np.floating)) and float(v).is_integer()) for v in starts
    ):
        frame["start"] = pd.array([None if pd.isna(v) else int(v) for v in starts], dtype="Int64")
    return frame
