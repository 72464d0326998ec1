"""Krackhardt's graph hierarchy: connectedness, hierarchy, efficiency and least-upper-boundedness."""

from __future__ import annotations

import networkx as nx
import numpy as np

from ._prepare import _NAN, _prepare

__all__ = ["LUB_EXACT_LIMIT", "LUB_SAMPLES", "krackhardt"]

#: Above this many strong components in one weak component, LUBness is
#: estimated from sampled pairs of nodes (unless ``exact=True``).
LUB_EXACT_LIMIT = 1500
#: Number of node pairs (seed 0) sampled per weak component for estimated LUBness.
LUB_SAMPLES = 20_000


def _weak_sizes(G):
    comps = nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)
    return [len(c) for c in comps]


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


def krackhardt(G: nx.Graph, *, exact: bool | None = None, lub: bool = True) -> dict[str, float]:
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
    lub : bool
        ``False`` leaves LUBness out (NaN), the costliest of the four: for a
        caller that reads the other three only.

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
    if lub and lub_max > 0:
        rng = np.random.default_rng(0)
        weak_of = {}
        for w, comp in enumerate(nx.weakly_connected_components(C)):
            for a in comp:
                weak_of[a] = w
        by_weak: dict[int, list[int]] = {}
        for a in range(C.number_of_nodes()):
            by_weak.setdefault(weak_of[a], []).append(a)
        violations = sum(
            _lub_violations(reach, sizes, np.asarray(members), exact, rng)
            for members in by_weak.values()
            if sizes[members].sum() >= 3
        )
        out["lub"] = 1 - violations / lub_max
    return {k: float(v) for k, v in out.items()}
