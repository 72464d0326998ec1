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
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd

from instnet import model

__all__ = [
    "EXACT_LIMIT",
    "BETWEENNESS_SAMPLES",
    "LUB_EXACT_LIMIT",
    "LUB_SAMPLES",
    "BROKERAGE_ROLES",
    "NODE_MEASURES",
    "GRAPH_MEASURES",
    "CENTRALIZATION_MEASURES",
    "COLUMN_LABELS",
    "node_table",
    "graph_table",
    "scores_table",
    "centralizations",
    "brokerage",
    "krackhardt",
    "to_markdown",
]

#: Above this many nodes, betweenness is estimated from sampled sources and the
#: eigenvector and HITS scores come from power iteration instead of a dense
#: eigendecomposition (pass ``exact=True`` to force exact computation).
EXACT_LIMIT = 1000
#: Number of sampled source nodes (seed 0) used for betweenness above the limit.
BETWEENNESS_SAMPLES = 256
#: Above this many strong components in one weak component, LUBness is
#: estimated from sampled pairs of nodes (unless ``exact=True``).
LUB_EXACT_LIMIT = 1500
#: Number of node pairs (seed 0) sampled per weak component for estimated LUBness.
LUB_SAMPLES = 20_000

BROKERAGE_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")

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

#: The Freeman centralizations of :func:`graph_table` (and :func:`centralizations`), in order.
CENTRALIZATION_MEASURES = (
    "centralization_in_degree",
    "centralization_out_degree",
    "centralization_degree",
    "centralization_betweenness",
    "centralization_betweenness_undirected",
    "centralization_closeness_in",
    "centralization_closeness_out",
    "centralization_eigenvector",
)

#: Index of :func:`graph_table`, in order.
GRAPH_MEASURES = (
    "directed",
    "nodes",
    "edges",
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
    "edges": "Ties",
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

_NAN = float("nan")


# ---------------------------------------------------------------------------
# helpers


def _prepare(G):
    """Return ``G`` without self-loops; refuse what the measures cannot read."""
    if not isinstance(G, nx.Graph):
        raise TypeError(f"expected a networkx Graph or DiGraph, got {type(G).__name__}")
    if G.is_multigraph():
        raise ValueError(
            "multigraphs are not supported: collapse parallel ties first, "
            "e.g. networkx.DiGraph(G)"
        )
    loops = list(nx.selfloop_edges(G))
    missing = []
    if G.is_directed():
        # a symmetric relation (cooperates_with) is listed once but runs both ways
        missing = [
            (v, u, d)
            for u, v, d in G.edges(data=True)
            if u != v and _is_symmetric(d.get("relation")) and not G.has_edge(v, u)
        ]
    if loops or missing:
        G = G.copy()
        G.remove_edges_from(loops)
        G.add_edges_from((v, u, dict(d)) for v, u, d in missing)
    return G


def _is_symmetric(relation):
    term = model.RELATIONS.get(relation) if isinstance(relation, str) else None
    return bool(term and term.symmetric)


def _use_exact(n, exact):
    return n <= EXACT_LIMIT if exact is None else bool(exact)


def _freeman(values, tmax):
    """Freeman centralization: sum of (max - value), divided by ``tmax``.

    NaN when there are no nodes or the theoretical maximum is 0 (graphs too
    small for the score to vary).
    """
    v = np.asarray(list(values), dtype=float)
    if v.size == 0 or tmax <= 0:
        return _NAN
    # round away floating-point dust (1e-16) so equal scores give exactly 0
    return float(np.round((v.max() - v).sum() / tmax, 12))


def _tmax(measure, n, directed):
    """Largest possible sum of deviations from the maximum, loops excluded.

    Scores are in the units :func:`node_table` reports (raw degree, normalized
    betweenness, Wasserman-Faust closeness, max-scaled eigenvector).
    """
    if n < 2:
        return 0.0
    if measure in ("in_degree", "out_degree"):
        return float((n - 1) ** 2) if directed else float((n - 1) * (n - 2))
    if measure == "degree":
        return float(2 * (n - 1) * (n - 2)) if directed else float((n - 1) * (n - 2))
    if measure in ("betweenness", "betweenness_undirected"):
        return float(n - 1) if n > 2 else 0.0
    if measure in ("closeness_in", "closeness_out"):
        return float(n - 1) if directed else (n - 1) * (n - 2) / (2 * n - 3)
    if measure == "eigenvector":
        return float(n - 2)
    raise KeyError(measure)  # pragma: no cover - internal misuse


def _dominant_projection(matrix, matvec, n, exact):
    """Limit of power iteration from the all-ones vector, scaled to max 1.

    That limit is the orthogonal projection of the ones vector on the
    eigenspace of the largest eigenvalue of the symmetric positive
    semi-definite operator, so it is defined even when that eigenvalue is
    repeated (for instance two identical components). Dense ``eigh`` when
    ``exact``; otherwise power iteration to a relative change of 1e-12.
    """
    if n == 0:
        return np.zeros(0)
    if exact:
        w, V = np.linalg.eigh(matrix())
        top = w[-1]
        keep = w >= top - 1e-9 * max(1.0, abs(top))
        Vk = V[:, keep]
        x = Vk @ (Vk.T @ np.ones(n))
    else:
        x = np.ones(n) / math.sqrt(n)
        for _ in range(100_000):
            y = matvec(x)
            norm = np.linalg.norm(y)
            if norm == 0:
                return np.zeros(n)
            y /= norm
            done = np.abs(y - x).max() < 1e-12
            x = y
            if done:
                break
    x = np.where(x < 0, 0.0, x)
    top = x.max()
    return x / top if top > 0 else np.zeros(n)


def _edge_index(G, nodes):
    index = {v: i for i, v in enumerate(nodes)}
    if G.number_of_edges() == 0:
        return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.intp)
    src, dst = zip(*((index[u], index[v]) for u, v in G.edges()))
    return np.asarray(src, dtype=np.intp), np.asarray(dst, dtype=np.intp)


def _eigenvector_undirected(G, nodes, exact):
    n = len(nodes)
    src, dst = _edge_index(G, nodes)
    if G.is_directed():
        pairs = {(min(a, b), max(a, b)) for a, b in zip(src.tolist(), dst.tolist())}
        src = np.asarray([a for a, _ in pairs], dtype=np.intp)
        dst = np.asarray([b for _, b in pairs], dtype=np.intp)

    def matrix():
        A = np.zeros((n, n))
        A[src, dst] = 1.0
        A[dst, src] = 1.0
        return A

    def matvec(x):  # (A + I) x: the shift keeps bipartite graphs from oscillating
        return x + np.bincount(src, x[dst], n) + np.bincount(dst, x[src], n)

    return _dominant_projection(matrix, matvec, n, exact)


def _hits(G, nodes, exact):
    n = len(nodes)
    if G.number_of_edges() == 0:
        return np.zeros(n), np.zeros(n)
    src, dst = _edge_index(G, nodes)
    if not G.is_directed():
        src, dst = np.concatenate([src, dst]), np.concatenate([dst, src])

    def matrix():
        A = np.zeros((n, n))
        A[src, dst] = 1.0
        return A @ A.T

    def a_dot(x):
        return np.bincount(src, x[dst], n)

    def at_dot(x):
        return np.bincount(dst, x[src], n)

    hub = _dominant_projection(matrix, lambda x: a_dot(at_dot(x)), n, exact)
    auth = at_dot(hub)
    return hub, auth / auth.max()


def _groups(G, group_by):
    if group_by is None:
        return dict.fromkeys(G, None)
    values = {v: d.get(group_by) for v, d in G.nodes(data=True)}
    missing = [v for v, g in values.items() if g is None or (isinstance(g, float) and math.isnan(g))]
    if missing and len(missing) == len(values):
        known = sorted({k for _, d in G.nodes(data=True) for k in d})
        raise ValueError(
            f"no node has the attribute {group_by!r} used to form brokerage groups; "
            f"node attributes present: {', '.join(map(str, known)) or 'none'}"
        )
    if missing:
        shown = ", ".join(map(str, missing[:5])) + (", ..." if len(missing) > 5 else "")
        raise ValueError(
            f"{len(missing)} node(s) have no value for the brokerage group attribute "
            f"{group_by!r}: {shown}; give every node a value or group by another attribute"
        )
    return values


def _weak_sizes(G):
    comps = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    return [len(c) for c in comps]


def _structural_holes(G):
    """Burt's constraint and effective size of every node, from his formulas.

    Written out rather than taken from networkx 3.6, whose all-nodes
    effective size divides by the wrong node's strongest tie on digraphs and
    whose per-node path treats a node without out-ties as isolated.
    """
    strength = {v: {} for v in G}
    for u, v in G.edges():
        if G.is_directed():
            strength[u][v] = strength[u].get(v, 0) + 1
            strength[v][u] = strength[v].get(u, 0) + 1
        else:
            strength[u][v] = strength[v][u] = 1
    total = {v: sum(w.values()) for v, w in strength.items()}
    top = {v: max(w.values(), default=0) for v, w in strength.items()}
    constraint, effective = {}, {}
    for i, wi in strength.items():
        if not wi:
            constraint[i], effective[i] = _NAN, 0.0
            continue
        p = {j: w / total[i] for j, w in wi.items()}
        c = e = 0.0
        for j in wi:
            wj = strength[j]
            shared = [q for q in wj if q in p and q != j]
            indirect = sum(p[q] * strength[q][j] / total[q] for q in shared)
            c += (p[j] + indirect) ** 2
            e += 1 - sum(p[q] * wj[q] / top[j] for q in shared)
        constraint[i], effective[i] = c, e
    return constraint, effective


# ---------------------------------------------------------------------------
# brokerage


def brokerage(G: nx.Graph, group_by: str | None = "kind") -> pd.DataFrame:
    """Gould-Fernandez brokerage role counts of every node.

    Node ``j`` brokers the ordered pair ``(i, k)`` of distinct nodes when
    ``i -> j -> k`` and there is no tie ``i -> k``. Each such open two-path is
    one role, given the groups of ``i``, ``j`` and ``k``:

    ========================  ===========================================
    coordinator               all three in one group (A -> A -> A)
    itinerant (consultant)    ``i`` and ``k`` in one group, ``j`` in another (A -> B -> A)
    representative            ``j`` in ``i``'s group, ``k`` elsewhere (A -> A -> B)
    gatekeeper                ``j`` in ``k``'s group, ``i`` elsewhere (A -> B -> B)
    liaison                   three different groups (A -> B -> C)
    ========================  ===========================================

    ``brokerage`` is the total of the five. Counts are raw (as R sna's
    ``brokerage()$raw.nli``), not z-scores. In an undirected graph every tie
    runs both ways, so each open two-path ``i - j - k`` is counted for both
    ordered pairs ``(i, k)`` and ``(k, i)`` and the representative and
    gatekeeper counts coincide.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    group_by : str or None, default "kind"
        Node attribute that defines the groups (``kind``, ``role`` or any
        extra column). ``None`` puts every node in one group, so every broker
        is a coordinator and only the total is informative.

    Returns
    -------
    pandas.DataFrame
        Indexed by node, with integer columns ``coordinator``, ``itinerant``,
        ``representative``, ``gatekeeper``, ``liaison`` and ``brokerage``.

    Raises
    ------
    ValueError
        If some node has no value (absent or None) for ``group_by``; the
        message names the attribute and the nodes.

    References
    ----------
    .. [1] Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation:
       a formal approach to brokerage in transaction networks. *Sociological
       Methodology* 19, 89-126.
    .. [2] Butts, C. T. sna: Tools for Social Network Analysis (R package),
       ``brokerage()``.

    Examples
    --------
    A ministry relays the planning agency's instructions to a firm:

    >>> import networkx as nx
    >>> G = nx.DiGraph([("plan", "ind"), ("ind", "firm")])
    >>> nx.set_node_attributes(G, {"plan": "gov", "ind": "gov", "firm": "business"}, "kind")
    >>> brokerage(G).loc["ind"].to_dict()
    {'coordinator': 0, 'itinerant': 0, 'representative': 1, 'gatekeeper': 0, 'liaison': 0, 'brokerage': 1}
    """
    G = _prepare(G)
    groups = _groups(G, group_by)
    counts = {v: dict.fromkeys(BROKERAGE_ROLES, 0) for v in G}
    directed = G.is_directed()
    for j in G:
        preds = G.predecessors(j) if directed else G.neighbors(j)
        succs = list(G.successors(j) if directed else G.neighbors(j))
        gj = groups[j]
        row = counts[j]
        for i in preds:
            gi = groups[i]
            for k in succs:
                if k == i or G.has_edge(i, k):
                    continue
                gk = groups[k]
                if gi == gj == gk:
                    row["coordinator"] += 1
                elif gi == gk:
                    row["itinerant"] += 1
                elif gi == gj:
                    row["representative"] += 1
                elif gj == gk:
                    row["gatekeeper"] += 1
                else:
                    row["liaison"] += 1
    frame = pd.DataFrame.from_dict(counts, orient="index", columns=list(BROKERAGE_ROLES), dtype="int64")
    frame = frame.reindex(list(G))  # keep node order even for an empty graph
    frame["brokerage"] = frame.sum(axis=1).astype("int64")
    frame.index.name = "id"
    return frame.astype("int64")


# ---------------------------------------------------------------------------
# Krackhardt


def _condensation_reach(D):
    """Strong components of ``D`` and their reflexive reachability matrix."""
    C = nx.condensation(D)
    order = list(nx.topological_sort(C))
    c = len(order)
    reach = np.zeros((c, c), dtype=bool)
    for a in reversed(order):
        reach[a, a] = True
        for b in C.successors(a):
            reach[a] |= reach[b]
    sizes = np.array([len(C.nodes[a]["members"]) for a in range(c)], dtype=np.int64)
    return C, reach, sizes


def _lub_violations(reach, sizes, members, exact, rng):
    """Pairs of nodes of one weak component without a least upper bound.

    ``members`` are the strong components (indices into ``reach``) of the weak
    component. Pairs inside one strong component always have one.
    """
    Q = reach[np.ix_(members, members)]
    s = sizes[members]
    c = len(members)
    nanc = Q.sum(axis=0)  # strong components that reach each one, itself included
    if (c <= LUB_EXACT_LIMIT) if exact is None else exact:
        violations = 0
        for a in range(c - 1):
            U = Q[:, a : a + 1] & Q[:, a + 1 :]  # upper bounds of (a, b) for b > a
            count = U.sum(axis=0)
            best = np.where(U, nanc[:, None], 0).max(axis=0)
            # an upper bound l is least when every upper bound reaches it, i.e.
            # when its ancestors (a subset of the upper bounds) are all of them
            bad = (count == 0) | (best != count)
            violations += int(s[a] * s[a + 1 :][bad].sum())
        return float(violations)
    # estimate: sample node pairs uniformly (node -> strong component by size)
    weights = s / s.sum()
    a = rng.choice(c, size=LUB_SAMPLES, p=weights)
    b = rng.choice(c, size=LUB_SAMPLES, p=weights)
    U = Q[:, a] & Q[:, b]
    count = U.sum(axis=0)
    best = np.where(U, nanc[:, None], 0).max(axis=0)
    bad = (a != b) & ((count == 0) | (best != count))
    # ordered samples with replacement include i == j; rescale to distinct pairs
    n = int(s.sum())
    rate = bad.mean() * n * n / (n * (n - 1))
    return rate * n * (n - 1) / 2


def krackhardt(G: nx.Graph, *, exact: bool | None = None) -> dict[str, float]:
    """Krackhardt's four graph hierarchy measures.

    Each is in [0, 1] and equals 1 for an out-tree (one boss at the top,
    authority flowing down, no redundant ties); deviations say which of the
    out-tree conditions fails. Reachability follows directed paths; an
    undirected graph is read as the digraph with each tie in both directions
    (as R sna reads a symmetric matrix).

    - ``connectedness``: share of unordered pairs of nodes joined by a semipath
      (same weak component).
    - ``hierarchy``: 1 - (unordered pairs that reach each other) / (unordered
      pairs with reachability in at least one direction).
    - ``efficiency``: 1 - (arcs beyond the N_i - 1 needed to connect each weak
      component) / (the most there can be, sum of (N_i - 1)^2); arcs are
      counted as in a digraph, so an undirected tie counts twice.
    - ``lub`` (least-upper-boundedness): 1 - (pairs in a weak component without
      a least upper bound) / (sum over weak components of (N_i - 1)(N_i - 2)/2).
      An upper bound of ``i`` and ``j`` is a node that reaches both, a node
      reaching itself; it is least when every other upper bound reaches it.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    exact : bool or None
        LUBness is exact unless a weak component has more than
        ``LUB_EXACT_LIMIT`` strong components; then it is estimated from
        ``LUB_SAMPLES`` random node pairs (seed 0, standard error below
        0.004 of the violation rate). ``True`` forces the exact count,
        ``False`` forces the estimate.

    Returns
    -------
    dict
        ``connectedness``, ``hierarchy``, ``efficiency``, ``lub`` as floats.
        A measure is NaN when its denominator is 0: connectedness with fewer
        than 2 nodes, hierarchy when no node reaches another (no ties),
        efficiency when every weak component is a single node, LUBness when
        no weak component has 3 nodes or more (as in R sna).

    References
    ----------
    .. [1] Krackhardt, D. (1994). Graph theoretical dimensions of informal
       organizations. In K. M. Carley and M. J. Prietula (eds.),
       *Computational Organization Theory*, 89-111. Hillsdale, NJ: Lawrence
       Erlbaum.
    .. [2] Butts, C. T. sna: Tools for Social Network Analysis (R package),
       ``connectedness``, ``hierarchy(measure="krackhardt")``,
       ``efficiency``, ``lubness``. (sna's LUBness code divides by
       N_i (N_i - 1)/2 and accepts a pair when some upper bound reaches all
       others, which departs from Krackhardt; this function follows
       Krackhardt and sna's documentation.)

    Examples
    --------
    An out-tree scores 1 on all four; adding a tie back up breaks hierarchy:

    >>> import networkx as nx
    >>> tree = nx.DiGraph([("pm", "plan"), ("pm", "fin"), ("plan", "bureau")])
    >>> krackhardt(tree)
    {'connectedness': 1.0, 'hierarchy': 1.0, 'efficiency': 1.0, 'lub': 1.0}
    >>> tree.add_edge("bureau", "plan")
    >>> krackhardt(tree)["hierarchy"]  # 1 - 1 mutual pair / 4 pairs with reach
    0.75
    """
    G = _prepare(G)
    D = G if G.is_directed() else G.to_directed()
    n = D.number_of_nodes()
    out = dict.fromkeys(("connectedness", "hierarchy", "efficiency", "lub"), _NAN)
    if n == 0:
        return out
    weak = _weak_sizes(D)
    if n >= 2:
        out["connectedness"] = sum(s * (s - 1) / 2 for s in weak) / (n * (n - 1) / 2)
    max_extra = sum((s - 1) ** 2 for s in weak)
    if max_extra > 0:
        extra = D.number_of_edges() - sum(s - 1 for s in weak)
        out["efficiency"] = 1 - extra / max_extra

    C, reach, sizes = _condensation_reach(D)
    mutual = float((sizes * (sizes - 1) // 2).sum())
    off = reach.copy()
    np.fill_diagonal(off, False)
    any_pairs = mutual + float(sizes @ off.astype(np.float64) @ sizes)
    if any_pairs > 0:
        out["hierarchy"] = 1 - mutual / any_pairs

    lub_max = sum((s - 1) * (s - 2) / 2 for s in weak)
    if lub_max > 0:
        rng = np.random.default_rng(0)
        weak_of = {}
        for w, comp in enumerate(nx.weakly_connected_components(C)):
            for a in comp:
                weak_of[a] = w
        by_weak = {}
        for a in range(C.number_of_nodes()):
            by_weak.setdefault(weak_of[a], []).append(a)
        violations = sum(
            _lub_violations(reach, sizes, np.asarray(members), exact, rng)
            for members in by_weak.values()
            if sizes[members].sum() >= 3
        )
        out["lub"] = 1 - violations / lub_max
    return {k: float(v) for k, v in out.items()}


def _closeness(G, nodes, chunk=512):
    """Wasserman-Faust closeness from incoming and from outgoing distances.

    The same values as ``networkx.closeness_centrality(G, wf_improved=True)``
    (incoming) and on ``G.reverse()`` (outgoing), computed with breadth-first
    searches in ``scipy.sparse.csgraph`` over blocks of sources: exact, and
    about two orders of magnitude faster than networkx on 5,000 nodes.
    """
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import shortest_path

    n = len(nodes)
    if n <= 1:
        return np.zeros(n), np.zeros(n)
    src, dst = _edge_index(G, nodes)
    if not G.is_directed():
        src, dst = np.concatenate([src, dst]), np.concatenate([dst, src])
    A = csr_matrix((np.ones(len(src)), (src, dst)), shape=(n, n))
    reach_in = np.zeros(n)  # number of other nodes that reach v
    dist_in = np.zeros(n)   # sum of their distances to v
    reach_out = np.zeros(n)
    dist_out = np.zeros(n)
    for start in range(0, n, chunk):
        rows = np.arange(start, min(start + chunk, n))
        D = shortest_path(A, method="D", directed=True, unweighted=True, indices=rows)
        finite = np.isfinite(D)
        finite[np.arange(len(rows)), rows] = False
        Dz = np.where(finite, D, 0.0)
        reach_in += finite.sum(axis=0)
        dist_in += Dz.sum(axis=0)
        reach_out[rows] = finite.sum(axis=1)
        dist_out[rows] = Dz.sum(axis=1)

    def wf(reach, total):
        with np.errstate(divide="ignore", invalid="ignore"):
            value = (reach / (n - 1)) * (reach / total)
        return np.where(total > 0, value, 0.0)

    clo_in = wf(reach_in, dist_in)
    return clo_in, (wf(reach_out, dist_out) if G.is_directed() else clo_in)


def _centrality_scores(G, nodes, exact):
    """The node scores that have a Freeman centralization, as arrays in node order."""
    n = len(nodes)
    if G.is_directed():
        indeg = np.array([G.in_degree(v) for v in nodes], dtype=np.int64)
        outdeg = np.array([G.out_degree(v) for v in nodes], dtype=np.int64)
        total = indeg + outdeg
    else:
        indeg = outdeg = total = np.array([G.degree(v) for v in nodes], dtype=np.int64)
    k = None if exact or n <= BETWEENNESS_SAMPLES else BETWEENNESS_SAMPLES
    btw = nx.betweenness_centrality(G, k=k, normalized=True, seed=0 if k else None)
    if G.is_directed():
        U = G.to_undirected(as_view=True)
        btw_u = nx.betweenness_centrality(U, k=k, normalized=True, seed=0 if k else None)
    else:
        btw_u = btw
    clo_in, clo_out = _closeness(G, nodes)
    return {
        "in_degree": indeg,
        "out_degree": outdeg,
        "degree": total,
        "betweenness": np.array([btw[v] for v in nodes], dtype=float),
        "betweenness_undirected": np.array([btw_u[v] for v in nodes], dtype=float),
        "closeness_in": clo_in,
        "closeness_out": clo_out,
        "eigenvector": _eigenvector_undirected(G, nodes, exact),
    }


def _centralizations_from(scores, n, directed):
    out = {}
    for score, values in scores.items():
        as_directed = directed and score not in ("betweenness_undirected", "eigenvector")
        out[f"centralization_{score}"] = _freeman(values, _tmax(score, n, as_directed))
    return out


def centralizations(G: nx.Graph, *, exact: bool | None = None) -> dict[str, float]:
    """Freeman centralizations only: the ``centralization_*`` entries of :func:`graph_table`.

    Faster than :func:`graph_table` when nothing else is needed (no
    brokerage, structural holes, PageRank, HITS or Krackhardt measures); the
    conventions and theoretical maxima are those documented there.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
    exact : bool or None
        As in :func:`node_table`.

    Returns
    -------
    dict
        ``centralization_in_degree``, ``centralization_out_degree``,
        ``centralization_degree``, ``centralization_betweenness``,
        ``centralization_betweenness_undirected``,
        ``centralization_closeness_in``, ``centralization_closeness_out``,
        ``centralization_eigenvector``: floats, NaN where :func:`graph_table`
        says so.

    References
    ----------
    .. [1] Freeman, L. C. (1979). Centrality in social networks: conceptual
       clarification. *Social Networks* 1(3), 215-239.

    Examples
    --------
    >>> import networkx as nx
    >>> c = centralizations(nx.star_graph(5))
    >>> c["centralization_degree"], c["centralization_betweenness"]
    (1.0, 1.0)
    """
    G = _prepare(G)
    nodes = list(G)
    scores = _centrality_scores(G, nodes, _use_exact(len(nodes), exact))
    return _centralizations_from(scores, len(nodes), G.is_directed())


# ---------------------------------------------------------------------------
# node table


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
            spread uniformly (as networkx and igraph): a directed prestige
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

    data = pd.DataFrame(index=pd.Index(nodes, name="id"))
    data["label"] = [str(G.nodes[v].get("label", v)) for v in nodes]
    data["kind"] = pd.Series([G.nodes[v].get("kind") for v in nodes], index=data.index, dtype=object)
    if group_by not in (None, "kind"):
        data["group"] = pd.Series([G.nodes[v].get(group_by) for v in nodes], index=data.index, dtype=object)

    scores = _centrality_scores(G, nodes, exact_now)
    total_max = 2 * (n - 1) if directed else n - 1
    for col in ("in_degree", "out_degree", "degree"):
        data[col] = scores[col]
    data["in_degree_norm"] = scores["in_degree"] / (n - 1) if n > 1 else 0.0
    data["out_degree_norm"] = scores["out_degree"] / (n - 1) if n > 1 else 0.0
    data["degree_norm"] = scores["degree"] / total_max if n > 1 else 0.0
    for col in ("betweenness", "betweenness_undirected", "closeness_in", "closeness_out", "eigenvector"):
        data[col] = scores[col]
    pr = nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10_000) if n else {}
    data["pagerank"] = [float(pr[v]) for v in nodes]
    hub, auth = _hits(G, nodes, exact_now)
    data["hub"] = hub
    data["authority"] = auth

    cons, eff = _structural_holes(G)
    data["constraint"] = [cons[v] for v in nodes]
    data["effective_size"] = [eff[v] for v in nodes]

    for col in groups.columns:
        data[col] = groups[col].to_numpy()
    return data


# ---------------------------------------------------------------------------
# graph table


def graph_table(G: nx.Graph, *, exact: bool | None = None) -> pd.Series:
    """Whole-network measures of one network.

    Parameters
    ----------
    G : networkx.DiGraph or networkx.Graph
        Self-loops are ignored; multigraphs are refused; a symmetric
        relation (``cooperates_with``) is read both ways.
    exact : bool or None
        Passed to :func:`node_table` and :func:`krackhardt` (exact up to
        ``EXACT_LIMIT`` nodes by default).

    Returns
    -------
    pandas.Series
        Indexed by ``GRAPH_MEASURES``, dtype object (it mixes a bool, counts,
        shares and a node id), named after ``G.graph["id"]`` when present:

        ``directed``, ``nodes``, ``edges``
            Ties as arcs: one per ordered pair in a digraph, so a
            reciprocated pair, and a symmetric relation such as
            ``cooperates_with`` (listed once, read both ways), count 2.
        ``density``
            ``edges / (n (n - 1))``, halved denominator when undirected.
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
            The node with the most ties (total degree; the first in node order
            on a tie) and the share of all ties it takes part in.
        ``vertical_share``, ``horizontal_share``, ``other_share``
            Shares of ties whose ``relation`` attribute is on the vertical
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
    G = _prepare(G)
    n = G.number_of_nodes()
    m = G.number_of_edges()
    directed = G.is_directed()
    node_ids = list(G)
    scores = _centrality_scores(G, node_ids, _use_exact(n, exact))

    out = {"directed": directed, "nodes": n, "edges": m}
    pairs = n * (n - 1) if directed else n * (n - 1) / 2
    out["density"] = m / pairs if n > 1 else _NAN
    if m == 0:
        out["reciprocity"] = _NAN
    elif directed:
        out["reciprocity"] = sum(1 for u, v in G.edges() if G.has_edge(v, u)) / m
    else:
        out["reciprocity"] = 1.0
    if directed:
        out["weak_components"] = nx.number_weakly_connected_components(G)
        out["strong_components"] = nx.number_strongly_connected_components(G)
    else:
        out["weak_components"] = out["strong_components"] = nx.number_connected_components(G)

    out.update(_centralizations_from(scores, n, directed))

    out.update(krackhardt(G, exact=exact))

    if m:
        top = int(np.argmax(scores["degree"]))  # the first on a tie
        out["top_hub"] = node_ids[top]
        out["top_hub_share"] = float(scores["degree"][top]) / m
    else:
        out["top_hub"] = None
        out["top_hub_share"] = _NAN

    axes = {model.VERTICAL: 0, model.HORIZONTAL: 0, model.OTHER_AXIS: 0}
    for _, _, rel in G.edges(data="relation"):
        term = model.RELATIONS.get(rel) if isinstance(rel, str) else None
        axes[term.axis if term else model.OTHER_AXIS] += 1
    out["vertical_share"] = axes[model.VERTICAL] / m if m else _NAN
    out["horizontal_share"] = axes[model.HORIZONTAL] / m if m else _NAN
    out["other_share"] = axes[model.OTHER_AXIS] / m if m else _NAN

    return pd.Series([out[k] for k in GRAPH_MEASURES], index=list(GRAPH_MEASURES),
                     dtype=object, name=G.graph.get("id"))


# ---------------------------------------------------------------------------
# several networks


def scores_table(graphs: Mapping[str, nx.Graph], *, exact: bool | None = None) -> pd.DataFrame:
    """The whole-network measures of several networks, one row each.

    Parameters
    ----------
    graphs : Mapping[str, networkx.DiGraph]
        Network id to graph (as :func:`instnet.load.load_network` returns).
    exact : bool or None
        Passed to :func:`graph_table`.

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
        row.update(graph_table(G, exact=exact).to_dict())
        start = meta.get("start")
        order = (
            bool(meta.get("idealized", False)),
            str(meta.get("country") or ""),
            start if isinstance(start, (int, float)) and start == start else math.inf,
            str(key),
        )
        rows.append((order, row))
    rows.sort(key=lambda item: item[0])
    columns = ["network", "country", "start", *GRAPH_MEASURES]
    frame = pd.DataFrame.from_records([row for _, row in rows], columns=columns)
    frame = frame.set_index("network").infer_objects()
    starts = frame["start"]
    if all(pd.isna(v) or (isinstance(v, (int, float, np.integer, np.floating)) and float(v).is_integer())
           for v in starts):
        frame["start"] = pd.array([None if pd.isna(v) else int(v) for v in starts], dtype="Int64")
    return frame


# ---------------------------------------------------------------------------
# formatting


def to_markdown(frame: pd.DataFrame | pd.Series, digits: int = 3, labels: bool = True) -> str:
    """Render a table from this module as a GitHub-flavoured Markdown table.

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
    >>> print(to_markdown(graph_table(nx.path_graph(3))[["nodes", "density", "reciprocity"]]))
    | Measure | Value |
    |---|---|
    | Nodes | 3 |
    | Density | 0.667 |
    | Reciprocity | 1.000 |
    """

    def cell(value):
        if value is None or value is pd.NA:
            return "n/a"
        if isinstance(value, (bool, np.bool_)):
            return "yes" if value else "no"
        if isinstance(value, (int, np.integer)):
            return str(int(value))
        if isinstance(value, (float, np.floating)):
            return "n/a" if math.isnan(value) else f"{value:.{digits}f}"
        return str(value).replace("|", "\\|").replace("\n", " ")

    def head(name):
        return COLUMN_LABELS.get(name, str(name)) if labels else str(name)

    if isinstance(frame, pd.Series):
        header = ["Measure", "Value"] if labels else [str(frame.index.name or "measure"), str(frame.name or "value")]
        body = [[head(k), cell(v)] for k, v in frame.items()]
    else:
        header = [head(frame.index.name or "")] + [head(c) for c in frame.columns]
        body = [[cell(idx)] + [cell(v) for v in row] for idx, row in zip(frame.index, frame.itertuples(index=False))]
    lines = ["| " + " | ".join(h.replace("|", "\\|") for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines)
