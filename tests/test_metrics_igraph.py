"""metrics against python-igraph (a test-only dependency), on random graphs.

igraph computes most node scores in its own C core. Where its convention
differs from instnet's documented one, the conversion is written out here
(igraph's raw betweenness, closeness over reachable nodes only). Freeman
centralizations are rebuilt from igraph's node scores with the theoretical
maxima of igraph's ``centr_*_tmax`` (loops excluded), written out below
rather than taken from instnet.
"""

import math
import warnings

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from instnet.metrics import graph_table, node_table


def to_igraph(G):
    nodes = list(G)
    index = {v: i for i, v in enumerate(nodes)}
    return ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges()], directed=G.is_directed())


def quiet(call, *args, **kwargs):
    """Call igraph silencing its advisory warnings (e.g. many zero hub scores)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return np.asarray(call(*args, **kwargs), dtype=float)


def freeman(scores, tmax):
    scores = np.asarray(scores, dtype=float)
    return float((scores.max() - scores).sum() / tmax)


# igraph centr_degree_tmax(loops=FALSE), centr_betw_tmax, centr_clo_tmax (undirected),
# centr_eigen_tmax(scale=TRUE), in raw igraph units
def tmax_degree(n, directed, mode):
    if not directed:
        return (n - 1) * (n - 2)
    return (n - 1) ** 2 if mode in ("in", "out") else 2 * (n - 1) * (n - 2)


def tmax_betweenness(n, directed):
    return (n - 1) ** 2 * (n - 2) / (1 if directed else 2)


def random_graph(seed, directed, n=30, p=None):
    p = p if p is not None else 0.07
    G = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
    # string ids in a shuffled order, like a real network
    rng = np.random.default_rng(seed)
    names = {v: f"n{int(k)}" for v, k in zip(G, rng.permutation(n), strict=True)}
    return nx.relabel_nodes(G, names)


GRAPHS = [(seed, directed) for seed in (1, 2, 3) for directed in (True, False)]


@pytest.fixture(scope="module", params=GRAPHS, ids=[f"{'di' if d else 'un'}-{s}" for s, d in GRAPHS])
def case(request):
    seed, directed = request.param
    G = random_graph(seed, directed)
    return G, to_igraph(G), node_table(G, group_by=None), graph_table(G)


def test_random_graphs_are_not_trivial(case):
    G, g, _, _ = case
    # the checks below must see unreachable pairs: undirected graphs with
    # several components, digraphs that are not strongly connected
    assert G.number_of_edges() > 20
    assert not g.is_connected(mode="strong")


def test_degree(case):
    G, g, t, s = case
    n = G.number_of_nodes()
    for col, mode in (("in_degree", "in"), ("out_degree", "out"), ("degree", "all")):
        expected = np.asarray(g.degree(mode=mode))
        assert t[col].to_numpy().tolist() == expected.tolist()
        tm = tmax_degree(n, G.is_directed(), mode)
        assert s[f"centralization_{col}"] == pytest.approx(freeman(expected, tm), abs=1e-9)


def test_betweenness(case):
    G, g, t, s = case
    n = G.number_of_nodes()
    directed = G.is_directed()
    raw = quiet(g.betweenness, directed=True)
    pairs = (n - 1) * (n - 2) / (1 if directed else 2)
    assert t["betweenness"].to_numpy() == pytest.approx(raw / pairs, abs=1e-12)
    assert s["centralization_betweenness"] == pytest.approx(freeman(raw, tmax_betweenness(n, directed)), abs=1e-9)
    raw_u = quiet(g.as_undirected().betweenness)
    assert t["betweenness_undirected"].to_numpy() == pytest.approx(raw_u / ((n - 1) * (n - 2) / 2), abs=1e-12)
    assert s["centralization_betweenness_undirected"] == pytest.approx(
        freeman(raw_u, tmax_betweenness(n, False)), abs=1e-9
    )


@pytest.mark.parametrize("mode", ["in", "out"])
def test_closeness_is_igraph_closeness_times_reached_share(case, mode):
    G, g, t, s = case
    n = G.number_of_nodes()
    # igraph: 1 / mean distance to the nodes reached, NaN when none is reached;
    # Wasserman-Faust multiplies by the share of the other nodes reached
    ig_clo = quiet(g.closeness, mode=mode, normalized=True)
    reached = np.array([len(g.subcomponent(v, mode=mode)) - 1 for v in range(n)])
    expected = np.where(reached > 0, np.nan_to_num(ig_clo) * reached / (n - 1), 0.0)
    assert t[f"closeness_{mode}"].to_numpy() == pytest.approx(expected, abs=1e-12)
    tmax = n - 1 if G.is_directed() else (n - 1) * (n - 2) / (2 * n - 3)
    assert s[f"centralization_closeness_{mode}"] == pytest.approx(freeman(expected, tmax), abs=1e-9)


def test_pagerank(case):
    _G, g, t, _ = case
    expected = quiet(g.pagerank, damping=0.85, directed=True)
    assert t["pagerank"].to_numpy() == pytest.approx(expected, abs=1e-9)


def test_hub_and_authority(case):
    _G, g, t, _ = case
    assert t["hub"].to_numpy() == pytest.approx(quiet(g.hub_score, scale=True), abs=1e-9)
    assert t["authority"].to_numpy() == pytest.approx(quiet(g.authority_score, scale=True), abs=1e-9)


def test_constraint(case):
    _G, g, t, _ = case
    expected = quiet(g.constraint)
    ours = t["constraint"].to_numpy()
    assert np.array_equal(np.isnan(ours), np.isnan(expected))  # isolates: NaN in both
    assert ours[~np.isnan(ours)] == pytest.approx(expected[~np.isnan(expected)], abs=1e-12)


@pytest.mark.parametrize("seed", [4, 5, 6])
@pytest.mark.parametrize("directed", [True, False])
def test_eigenvector_on_connected_graphs(seed, directed):
    # igraph's eigenvector centrality is only meaningful (and silent) on connected graphs
    G = random_graph(seed, directed, n=25, p=0.25 if directed else 0.3)
    assert nx.is_connected(G.to_undirected())
    t = node_table(G, group_by=None)
    expected = np.asarray(to_igraph(G).as_undirected().eigenvector_centrality(scale=True))
    assert t["eigenvector"].to_numpy() == pytest.approx(expected, abs=1e-9)
    n = G.number_of_nodes()
    assert graph_table(G)["centralization_eigenvector"] == pytest.approx(freeman(expected, n - 2), abs=1e-9)


def test_eigenvector_star_centralization_against_igraph():
    n = 7
    expected = np.asarray(ig.Graph.Star(n).eigenvector_centrality(scale=True))
    assert expected.tolist() == pytest.approx([1] + [1 / math.sqrt(n - 1)] * (n - 1))
    g = graph_table(nx.star_graph(n - 1))
    assert g["centralization_eigenvector"] == pytest.approx(freeman(expected, n - 2))


def test_kite_against_igraph():
    K = nx.krackhardt_kite_graph()
    g = ig.Graph.Famous("Krackhardt_Kite")
    t = node_table(K, group_by=None)
    # igraph's famous kite uses the same numbering as networkx
    assert t["degree"].tolist() == g.degree()
    assert (t["betweenness"] * 36).to_numpy() == pytest.approx(g.betweenness(), abs=1e-12)
    assert t["closeness_in"].to_numpy() == pytest.approx(g.closeness(), abs=1e-12)
    assert t["eigenvector"].to_numpy() == pytest.approx(g.eigenvector_centrality(scale=True), abs=1e-9)


@pytest.mark.parametrize("directed", [True, False])
def test_approximate_paths_match_exact_on_small_graphs(directed):
    # power iteration (used above EXACT_LIMIT nodes) gives the dense solution
    G = random_graph(7, directed, n=40)
    exact = node_table(G, group_by=None, exact=True)
    approx = node_table(G, group_by=None, exact=False)
    for col in ("eigenvector", "hub", "authority"):
        assert approx[col].to_numpy() == pytest.approx(exact[col].to_numpy(), abs=1e-8), col
    # fewer nodes than BETWEENNESS_SAMPLES: every node is a source, so exact
    assert approx["betweenness"].to_numpy() == pytest.approx(exact["betweenness"].to_numpy())
