"""Centrality: degree, betweenness, closeness, eigenvector and HITS scores, and Freeman centralization."""

from __future__ import annotations

import functools
import math

import networkx as nx
import numpy as np

from ._prepare import _NAN, _edge_index, _prepare, _use_exact

__all__ = ["BETWEENNESS_SAMPLES", "CENTRALIZATION_MEASURES", "centralizations"]

#: Number of sampled source nodes (seed 0) used for betweenness above the limit.
BETWEENNESS_SAMPLES = 256

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


@functools.cache
def _blas():
    """The BLAS thread pools of this process (found once).

    The dense eigenproblems here are small (at most ``EXACT_LIMIT`` nodes);
    OpenBLAS's threads only contend over them, most of all beside the site
    build's worker processes (a 50x50 ``eigh`` took 10 ms instead of 0.3 ms
    on a busy 2-core machine), so they run on one thread, the same numbers.
    """
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


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
        with _blas().limit(limits=1, user_api="blas"):
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


def _eigenvector_undirected(G, nodes, exact):
    n = len(nodes)
    src, dst = _edge_index(G, nodes)
    if G.is_directed():
        pairs = {(min(a, b), max(a, b)) for a, b in zip(src.tolist(), dst.tolist(), strict=False)}
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


#: Up to this many nodes closeness comes from breadth-first searches in Python, above it from scipy's
#: (the same integer distances, so the same values): importing ``scipy.sparse.csgraph`` costs 0.25 s, more
#: than every search of a network of a few dozen institutions.
CLOSENESS_PYTHON_LIMIT = 150


def _searches(n, src, dst):
    """Reach and distance sums of every node, in and out, by one breadth-first search per source (small graphs)."""
    succ: list[list[int]] = [[] for _ in range(n)]
    for a, b in zip(src.tolist(), dst.tolist(), strict=True):
        succ[a].append(b)
    reach_in, dist_in, reach_out, dist_out = (np.zeros(n) for _ in range(4))
    for s in range(n):
        seen, frontier, d = {s}, [s], 0
        while frontier:
            d += 1
            nxt = []
            for a in frontier:
                for b in succ[a]:
                    if b not in seen:
                        seen.add(b)
                        nxt.append(b)
                        reach_in[b] += 1
                        dist_in[b] += d
                        reach_out[s] += 1
                        dist_out[s] += d
            frontier = nxt
    return reach_in, dist_in, reach_out, dist_out


def _pagerank(G, nodes, alpha=0.85, tol=1e-12, max_iter=10_000):
    """PageRank in node order, by networkx's power iteration (uniform start, teleport and dangling spread).

    The iteration of ``networkx.pagerank`` (its scipy path), ties unweighted,
    written over the arc arrays: networkx imports ``scipy.sparse`` for it
    (0.25 s, more than the iteration on a network of a few dozen nodes).
    Converges when the L1 change is below ``n * tol``.
    """
    n = len(nodes)
    if n == 0:
        return np.zeros(0)
    src, dst = _edge_index(G, nodes)
    if not G.is_directed():
        src, dst = np.concatenate([src, dst]), np.concatenate([dst, src])
    out = np.bincount(src, minlength=n).astype(float)
    share = np.divide(1.0, out, out=np.zeros(n), where=out != 0)[src]  # each arc's share of its source's rank
    dangling = out == 0
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * (np.bincount(dst, x[src] * share, n) + x[dangling].sum() / n) + (1 - alpha) / n
        if np.abs(x - last).sum() < n * tol:
            return x
    raise nx.PowerIterationFailedConvergence(max_iter)


def _closeness(G, nodes, chunk=512):
    """Wasserman-Faust closeness from incoming and from outgoing distances.

    The same values as ``networkx.closeness_centrality(G, wf_improved=True)``
    (incoming) and on ``G.reverse()`` (outgoing), computed with breadth-first
    searches: in Python up to ``CLOSENESS_PYTHON_LIMIT`` nodes, else in
    ``scipy.sparse.csgraph`` over blocks of sources (exact, and about two
    orders of magnitude faster than networkx on 5,000 nodes).
    """
    n = len(nodes)
    if n <= 1:
        return np.zeros(n), np.zeros(n)
    src, dst = _edge_index(G, nodes)
    if not G.is_directed():
        src, dst = np.concatenate([src, dst]), np.concatenate([dst, src])
    if n <= CLOSENESS_PYTHON_LIMIT:
        reach_in, dist_in, reach_out, dist_out = _searches(n, src, dst)
    else:
        reach_in, dist_in, reach_out, dist_out = _scipy_searches(n, src, dst, chunk)

    def wf(reach, total):
        with np.errstate(divide="ignore", invalid="ignore"):
            value = (reach / (n - 1)) * (reach / total)
        return np.where(total > 0, value, 0.0)

    clo_in = wf(reach_in, dist_in)
    return clo_in, (wf(reach_out, dist_out) if G.is_directed() else clo_in)


def _scipy_searches(n, src, dst, chunk):
    """:func:`_searches` by ``scipy.sparse.csgraph`` over blocks of ``chunk`` sources (large graphs)."""
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import shortest_path

    A = csr_matrix((np.ones(len(src)), (src, dst)), shape=(n, n))
    reach_in = np.zeros(n)  # number of other nodes that reach v
    dist_in = np.zeros(n)  # sum of their distances to v
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
    return reach_in, dist_in, reach_out, dist_out


#: The node scores that have a Freeman centralization (``centralization_<score>``), in order.
SCORES = tuple(m.removeprefix("centralization_") for m in CENTRALIZATION_MEASURES)


def _betweenness(G, nodes) -> np.ndarray:
    """Exact normalized betweenness (Brandes 2001) in ``nodes`` order: networkx's values, bit for bit.

    The steps of :func:`networkx.betweenness_centrality` (``k=None``,
    ``normalized=True``, endpoints excluded) in the same order, on lists
    indexed by position rather than dicts keyed by node, so every sum is the
    same: sources in ``G``'s order, neighbours in its adjacency order.
    """
    index = {v: i for i, v in enumerate(G)}
    order = list(G)
    adjacency = [[index[w] for w in G[v]] for v in order]
    n = len(order)
    scores = [0.0] * n
    for s in range(n):
        stack: list[int] = []
        preds: list[list[int]] = [[] for _ in range(n)]
        sigma, depth = [0.0] * n, [-1] * n
        sigma[s], depth[s] = 1.0, 0
        queue, head = [s], 0
        while head < len(queue):  # breadth-first: shortest paths and their counts
            v = queue[head]
            head += 1
            stack.append(v)
            dv, sv = depth[v] + 1, sigma[v]
            for w in adjacency[v]:
                if depth[w] < 0:
                    queue.append(w)
                    depth[w] = dv
                if depth[w] == dv:
                    sigma[w] += sv
                    preds[w].append(v)
        delta: list[float] = [0] * n  # networkx starts from the int 0: the same sums
        while stack:  # dependencies, farthest first
            w = stack.pop()
            coeff = (1 + delta[w]) / sigma[w]
            for v in preds[w]:
                delta[v] += sigma[v] * coeff
            if w != s:
                scores[w] += delta[w]
    pairs = n - 1
    if pairs >= 2:
        scale = 1 / (pairs * (pairs - 1))
        scores = [b * scale for b in scores]
    return np.array([scores[index[v]] for v in nodes], dtype=float)


def _betweenness_scores(G, nodes, k) -> np.ndarray:
    """Normalized betweenness in ``nodes`` order: exact (:func:`_betweenness`) or sampled from ``k`` sources (seed 0)."""
    if k is None:
        return _betweenness(G, nodes)
    btw = nx.betweenness_centrality(G, k=k, normalized=True, seed=0)
    return np.array([btw[v] for v in nodes], dtype=float)


def _centrality_scores(G, nodes, exact, which=SCORES):
    """The node scores that have a Freeman centralization, as arrays in node order (those of ``which``; degrees always)."""
    n = len(nodes)
    if G.is_directed():
        indeg = np.array([G.in_degree(v) for v in nodes], dtype=np.int64)
        outdeg = np.array([G.out_degree(v) for v in nodes], dtype=np.int64)
        total = indeg + outdeg
    else:
        indeg = outdeg = total = np.array([G.degree(v) for v in nodes], dtype=np.int64)
    out: dict[str, np.ndarray] = {"in_degree": indeg, "out_degree": outdeg, "degree": total}
    k = None if exact or n <= BETWEENNESS_SAMPLES else BETWEENNESS_SAMPLES
    if "betweenness" in which or ("betweenness_undirected" in which and not G.is_directed()):
        out["betweenness"] = _betweenness_scores(G, nodes, k)
    if "betweenness_undirected" in which:
        if G.is_directed():
            # a copy, not a view (a view iterates neighbours from a set, in an order that varies by process), and
            # without the attributes, which G.to_undirected() deep-copies (the graph's references and story)
            U = nx.Graph()
            U.add_nodes_from(G)
            U.add_edges_from(G.edges())  # the order to_undirected() adds them in
            out["betweenness_undirected"] = _betweenness_scores(U, nodes, k)
        else:
            out["betweenness_undirected"] = out["betweenness"]
    if "closeness_in" in which or "closeness_out" in which:
        out["closeness_in"], out["closeness_out"] = _closeness(G, nodes)
    if "eigenvector" in which:
        out["eigenvector"] = _eigenvector_undirected(G, nodes, exact)
    return {score: out[score] for score in SCORES if score in which}


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
