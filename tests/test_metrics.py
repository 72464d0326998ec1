"""metrics: textbook graphs with published values, edge cases, the public API.

Expected values here come from the literature or from arithmetic written out
in the test, never from instnet itself.
"""

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from instnet import load_network, metrics
from instnet.metrics import graph_table, node_table, scores_table, to_markdown

CENTRALIZATIONS = [
    "centralization_in_degree",
    "centralization_out_degree",
    "centralization_degree",
    "centralization_betweenness",
    "centralization_betweenness_undirected",
    "centralization_closeness_in",
    "centralization_closeness_out",
    "centralization_eigenvector",
]


def both_ways(G):
    """The digraph with every undirected tie as two arcs."""
    return nx.DiGraph(G.to_directed())


# ---------------------------------------------------------------------------
# textbook graphs: star 1, complete and cycle 0 (Freeman 1979)


@pytest.mark.parametrize("n", [4, 5, 8])
def test_undirected_star_is_fully_centralized(n):
    g = graph_table(nx.star_graph(n - 1))
    for col in CENTRALIZATIONS[:-1]:  # degree, betweenness, closeness
        assert g[col] == pytest.approx(1.0), col
    # eigenvector: centre 1, leaves 1/sqrt(n-1) (Perron vector of the star),
    # against igraph's maximum n-2 (reached by one tie plus isolates)
    expected = (n - 1) * (1 - 1 / math.sqrt(n - 1)) / (n - 2)
    assert g["centralization_eigenvector"] == pytest.approx(expected)


@pytest.mark.parametrize("n", [4, 6])
def test_directed_stars(n):
    both = graph_table(both_ways(nx.star_graph(n - 1)))
    # ties both ways: total degree and directed betweenness reach their maxima
    assert both["centralization_degree"] == pytest.approx(1.0)
    assert both["centralization_betweenness"] == pytest.approx(1.0)
    out_star = nx.DiGraph([(0, k) for k in range(1, n)])
    g = graph_table(out_star)
    assert g["centralization_out_degree"] == pytest.approx(1.0)
    assert g["centralization_closeness_out"] == pytest.approx(1.0)
    # nobody is between anybody on directed paths of a one-way star
    assert g["centralization_betweenness"] == 0.0
    assert g["centralization_betweenness_undirected"] == pytest.approx(1.0)
    # in-degrees: centre 0, leaves 1: only the centre deviates, by 1, of (n-1)^2
    assert g["centralization_in_degree"] == pytest.approx(1 / (n - 1) ** 2)
    # total degree: centre n-1, leaves 1 -> (n-1)(n-2) / (2(n-1)(n-2)) = 1/2
    assert g["centralization_degree"] == pytest.approx(0.5)
    in_star = out_star.reverse()
    g = graph_table(in_star)
    assert g["centralization_in_degree"] == pytest.approx(1.0)
    assert g["centralization_closeness_in"] == pytest.approx(1.0)


@pytest.mark.parametrize(
    "G",
    [
        nx.complete_graph(5),
        nx.cycle_graph(6),
        both_ways(nx.complete_graph(5)),
        nx.cycle_graph(7, create_using=nx.DiGraph),
    ],
    ids=["complete", "cycle", "complete-digraph", "directed-cycle"],
)
def test_complete_and_cycle_graphs_are_not_centralized(G):
    g = graph_table(G)
    for col in CENTRALIZATIONS:
        assert g[col] == pytest.approx(0.0, abs=1e-12), col


# ---------------------------------------------------------------------------
# Krackhardt's kite: published node values

# networkx numbers the kite 0..9 = Andre, Beverly, Carol, Diane, Ed, Fernando,
# Garth, Heather, Ike, Jane (Krackhardt 1990, "Assessing the political
# landscape", ASQ 35; values as tabulated in network-analysis textbooks and
# on the "Krackhardt kite graph" Wikipedia page).
KITE_DEGREE = [4, 4, 3, 6, 3, 5, 5, 3, 2, 1]
KITE_BETWEENNESS_RAW = [0.83, 0.83, 0, 3.67, 0, 8.33, 8.33, 14, 8, 0]
KITE_CLOSENESS = [0.53, 0.53, 0.50, 0.60, 0.50, 0.64, 0.64, 0.60, 0.43, 0.31]


def test_krackhardt_kite_published_values():
    t = node_table(nx.krackhardt_kite_graph(), group_by=None)
    assert t["degree"].tolist() == KITE_DEGREE
    assert t["degree_norm"].tolist() == pytest.approx([d / 9 for d in KITE_DEGREE])
    # raw betweenness = normalized * (n-1)(n-2)/2 = * 36
    assert (t["betweenness"] * 36).tolist() == pytest.approx(KITE_BETWEENNESS_RAW, abs=0.005)
    assert t["closeness_in"].tolist() == pytest.approx(KITE_CLOSENESS, abs=0.005)
    assert t["closeness_out"].tolist() == pytest.approx(KITE_CLOSENESS, abs=0.005)
    # the story of the kite: Diane has most ties, Heather brokers, Fernando
    # and Garth are closest
    assert t["degree"].idxmax() == 3
    assert t["betweenness"].idxmax() == 7
    assert set(t.index[t["closeness_in"] == t["closeness_in"].max()]) == {5, 6}


def test_kite_centralizations_from_published_scores():
    g = graph_table(nx.krackhardt_kite_graph())
    n = 10
    # degree: sum(6 - d) = 2+2+3+0+3+1+1+3+4+5 = 24, over (n-1)(n-2) = 72
    assert g["centralization_degree"] == pytest.approx(24 / 72)
    # betweenness: sum(14 - b) over (n-1)^2 (n-2)/2 = 324, from the exact values
    raw = [5 / 6, 5 / 6, 0, 11 / 3, 0, 25 / 3, 25 / 3, 14, 8, 0]
    assert g["centralization_betweenness"] == pytest.approx(sum(14 - b for b in raw) / 324)
    # closeness = 9 / sum of distances; sums of distances 17,17,18,15,18,14,14,15,21,29
    far = [17, 17, 18, 15, 18, 14, 14, 15, 21, 29]
    c = [9 / f for f in far]
    expected = sum(max(c) - x for x in c) / ((n - 1) * (n - 2) / (2 * n - 3))
    assert g["centralization_closeness_in"] == pytest.approx(expected)


# ---------------------------------------------------------------------------
# graph table contents


def test_density_reciprocity_components_counts():
    G = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c"), ("d", "e")])
    G.add_node("f")
    g = graph_table(G)
    assert (g["nodes"], g["ties"], g["arcs"]) == (6, 4, 4)
    assert g["density"] == pytest.approx(4 / 30)
    assert g["reciprocity"] == pytest.approx(2 / 4)  # a->b and b->a are reciprocated
    assert g["weak_components"] == 3  # {a,b,c} {d,e} {f}
    assert g["strong_components"] == 5  # {a,b} c d e f
    assert g["directed"] is True
    u = graph_table(nx.Graph([(1, 2), (2, 3)]))
    assert u["density"] == pytest.approx(2 / 3)
    assert u["reciprocity"] == 1.0
    assert u["directed"] is False


def test_top_hub_and_relation_axes():
    G = nx.DiGraph()
    G.add_edge("pm", "plan", relation="directs")  # vertical
    G.add_edge("pm", "fin", relation="chairs")  # vertical
    G.add_edge("plan", "council", relation="member_of")  # horizontal
    G.add_edge("fed", "council", relation="consults")  # horizontal
    G.add_edge("donor", "plan", relation="funds")  # other
    G.add_edge("pm", "council")  # no relation: other
    g = graph_table(G)
    # pm has 3 ties, plan 3 (pm, council, donor), council 3; pm comes first
    assert g["top_hub"] == "pm"
    assert g["top_hub_share"] == pytest.approx(3 / 6)
    assert g["vertical_share"] == pytest.approx(2 / 6)
    assert g["horizontal_share"] == pytest.approx(2 / 6)
    assert g["other_share"] == pytest.approx(2 / 6)


def test_unknown_relation_counts_as_other():
    G = nx.DiGraph([("a", "b", {"relation": "befriends"}), ("b", "c", {"relation": "directs"})])
    g = graph_table(G)
    assert (g["vertical_share"], g["other_share"]) == (0.5, 0.5)


def test_graph_table_is_a_series_named_after_the_network():
    G = nx.DiGraph([("a", "b")], id="x-1990")
    g = graph_table(G)
    assert isinstance(g, pd.Series)
    assert g.name == "x-1990"
    assert list(g.index) == list(metrics.GRAPH_MEASURES)


# ---------------------------------------------------------------------------
# edge cases: defined values, documented NaN only


def _isolates(n, directed=True):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(range(n))
    return G


EDGE_CASES = {
    "empty-digraph": _isolates(0),
    "empty-graph": _isolates(0, directed=False),
    "one-node": _isolates(1),
    "two-isolates": _isolates(2),
    "two-isolates-undirected": _isolates(2, directed=False),
    "disconnected-digraph": nx.DiGraph([(0, 1), (1, 2), (3, 4), (4, 3), (5, 6)]),
    "dag": nx.DiGraph([(0, 1), (0, 2), (1, 3), (2, 3), (3, 4)]),
    "undirected-forest": nx.Graph([(0, 1), (1, 2), (3, 4)]),
}


@pytest.mark.parametrize("name", EDGE_CASES)
def test_edge_cases_never_crash_and_nan_only_where_documented(name):
    G = EDGE_CASES[name]
    n, m = G.number_of_nodes(), G.number_of_edges()
    t = node_table(G, group_by=None)
    assert len(t) == n
    assert list(t.columns) == list(metrics.NODE_MEASURES)
    numeric = t.drop(columns=["label", "kind", "constraint"])
    assert not numeric.isna().any().any()
    isolated = [v for v in G if G.degree(v) == 0]
    assert t["constraint"].isna().tolist() == [v in isolated for v in G]  # documented: isolates only
    assert (t.loc[isolated, "effective_size"] == 0).all()

    g = graph_table(G)
    weak = [len(c) for c in nx.connected_components(G.to_undirected())]
    allowed_nan = set()  # exactly the cases graph_table's docstring lists
    if n < 2:
        allowed_nan |= {"density", "connectedness"}
    if m == 0:
        allowed_nan |= {"reciprocity", "top_hub_share", "vertical_share", "horizontal_share", "other_share"}
        allowed_nan |= {"hierarchy", "efficiency"}
    if not any(size >= 3 for size in weak):
        allowed_nan.add("lub")
    small = 2 if G.is_directed() else 3  # below this, T = 0 for in/out degree and closeness
    in_out = {c for c in CENTRALIZATIONS if "in_degree" in c or "out_degree" in c or "closeness" in c}
    allowed_nan |= {c for c in CENTRALIZATIONS if n < 3 and not (n >= small and c in in_out)}
    for key, value in g.items():
        if isinstance(value, float) and math.isnan(value):
            assert key in allowed_nan, key
            continue
        assert key not in allowed_nan, key
        if key.startswith("centralization_") or key in ("connectedness", "hierarchy", "efficiency", "lub"):
            assert -1e-12 <= value <= 1 + 1e-12, key


def test_single_node_and_empty_graph_values():
    g = graph_table(EDGE_CASES["one-node"])
    assert (g["nodes"], g["ties"], g["weak_components"], g["strong_components"]) == (1, 0, 1, 1)
    assert g["top_hub"] is None
    t = node_table(EDGE_CASES["one-node"], group_by=None)
    assert t.loc[0, ["degree_norm", "betweenness", "closeness_in", "hub"]].tolist() == [0.0, 0.0, 0.0, 0.0]
    assert t.loc[0, "pagerank"] == 1.0
    e = graph_table(EDGE_CASES["empty-digraph"])
    assert (e["nodes"], e["ties"], e["weak_components"]) == (0, 0, 0)
    assert node_table(EDGE_CASES["empty-digraph"]).empty  # group_by "kind": no node to lack it


def test_two_isolated_nodes():
    G = EDGE_CASES["two-isolates"]
    g = graph_table(G)
    assert g["density"] == 0.0
    assert g["connectedness"] == 0.0  # the one pair is not connected
    # in-degree: the maximum (n-1)^2 = 1 exists and nobody deviates
    assert g["centralization_in_degree"] == 0.0
    t = node_table(G, group_by=None)
    assert t["eigenvector"].tolist() == [1.0, 1.0]  # no ties: every node equal
    assert t["pagerank"].tolist() == pytest.approx([0.5, 0.5])


def test_disconnected_digraph_closeness_uses_reachable_share():
    # 0 -> 1 -> 2 and 3 -> 4 among 6 nodes (5 isolated)
    G = nx.DiGraph([(0, 1), (1, 2), (3, 4)])
    G.add_node(5)
    t = node_table(G, group_by=None)
    # node 0 reaches 2 nodes at distances 1 and 2: (2/5) * (2/3)
    assert t.loc[0, "closeness_out"] == pytest.approx(2 / 5 * 2 / 3)
    # node 3 reaches 1 node at distance 1: (1/5) * 1
    assert t.loc[3, "closeness_out"] == pytest.approx(1 / 5)
    # sinks and the isolate reach nobody
    assert t.loc[[2, 4, 5], "closeness_out"].tolist() == [0.0, 0.0, 0.0]
    # node 2 is reached by 0 (distance 2) and 1 (distance 1): (2/5) * (2/3)
    assert t.loc[2, "closeness_in"] == pytest.approx(2 / 5 * 2 / 3)


def test_dag_prestige_scores_are_defined():
    # networkx's directed eigenvector centrality fails on acyclic digraphs
    G = nx.DiGraph([(0, 1), (0, 2), (1, 3), (2, 3)])
    with pytest.raises(nx.NetworkXException):
        nx.eigenvector_centrality(G, max_iter=200)
    t = node_table(G, group_by=None)
    # undirected view: a 4-cycle, every node equal
    assert t["eigenvector"].tolist() == pytest.approx([1, 1, 1, 1])
    assert t["pagerank"].sum() == pytest.approx(1.0)
    assert t["pagerank"].idxmax() == 3  # everything flows to the sink
    # HITS: 0, 1, 2 send ties (hubs), 3 receives the most (authority)
    assert t["hub"].tolist() == pytest.approx([1, 1, 1, 0])
    assert t["authority"].idxmax() == 3


def test_repeated_leading_eigenvalue_is_resolved_by_symmetry():
    # two identical disjoint paths: the leading eigenvalue is repeated, and
    # the projection of equal scores treats both paths alike
    G = nx.disjoint_union(nx.path_graph(3), nx.path_graph(3))
    t = node_table(G, group_by=None)
    # path a-b-c: Perron vector (1, sqrt 2, 1) -> scaled (1/sqrt 2, 1, 1/sqrt 2)
    r = 1 / math.sqrt(2)
    assert t["eigenvector"].tolist() == pytest.approx([r, 1, r, r, 1, r])


def test_undirected_scores_equal_in_and_out():
    t = node_table(nx.krackhardt_kite_graph(), group_by=None)
    assert (t["in_degree"] == t["out_degree"]).all()
    assert (t["degree"] == t["in_degree"]).all()
    assert (t["closeness_in"] == t["closeness_out"]).all()
    assert (t["hub"] == t["authority"]).all() or np.allclose(t["hub"], t["authority"])


def test_self_loops_are_ignored():
    G = nx.DiGraph([(0, 1), (1, 2), (1, 1)])
    H = nx.DiGraph([(0, 1), (1, 2)])
    pd.testing.assert_frame_equal(node_table(G, group_by=None), node_table(H, group_by=None))


def test_symmetric_relation_runs_both_ways_whichever_way_it_is_listed():
    one = nx.DiGraph([("pm", "plan", {"relation": "directs"}), ("plan", "fin", {"relation": "cooperates_with"})])
    other = nx.DiGraph([("pm", "plan", {"relation": "directs"}), ("fin", "plan", {"relation": "cooperates_with"})])
    pd.testing.assert_frame_equal(node_table(one, group_by=None), node_table(other, group_by=None))
    g = graph_table(one)
    pd.testing.assert_series_equal(g, graph_table(other))
    # 3 arcs: pm -> plan, plan <-> fin; the cooperation is a reciprocated pair
    assert g["arcs"] == 3
    assert g["reciprocity"] == pytest.approx(2 / 3)
    # but 2 ties as listed, one of them horizontal (one definition: instnet.metrics.ties)
    assert g["ties"] == 2
    assert g["horizontal_share"] == pytest.approx(1 / 2)
    t = node_table(one, group_by=None)
    assert t.loc["fin", ["in_degree", "out_degree"]].tolist() == [1, 1]
    # the caller's graph is left alone
    assert one.number_of_edges() == 2


def test_multigraph_is_refused():
    with pytest.raises(ValueError, match="multigraph"):
        graph_table(nx.MultiDiGraph([(0, 1), (0, 1)]))
    with pytest.raises(TypeError):
        node_table("korea-1961")


# ---------------------------------------------------------------------------
# node table columns and group attribute


def test_node_table_labels_kinds_and_group_column():
    G = nx.DiGraph()
    G.add_node("epb", label="Economic Planning Board", kind="planning_agency", role="pilot_agency")
    G.add_node("mci", label="Ministry of Commerce and Industry", kind="ministry", role="industrial_ministry")
    G.add_edge("epb", "mci")
    t = node_table(G)
    assert t.index.name == "id"
    assert t.loc["epb", "label"] == "Economic Planning Board"
    assert t.loc["mci", "kind"] == "ministry"
    assert "group" not in t.columns
    r = node_table(G, group_by="role")
    assert r.loc["mci", "group"] == "industrial_ministry"


def test_missing_group_attribute_is_a_clear_error():
    G = nx.DiGraph([("a", "b")])
    nx.set_node_attributes(G, {"a": "ministry", "b": "council"}, "kind")
    with pytest.raises(ValueError, match=r"no node has the attribute 'sector'.*kind"):
        node_table(G, group_by="sector")
    G.nodes["b"]["role"] = "consensus_forum"
    with pytest.raises(ValueError, match=r"1 node\(s\) have no value .*'role': a"):
        node_table(G, group_by="role")


# ---------------------------------------------------------------------------
# several networks and formatting


def _network(edges, **meta):
    G = nx.DiGraph(edges)
    G.graph.update(meta)
    return G


def test_scores_table_rows_columns_and_order():
    graphs = {
        "model-hub": _network([("h", "a"), ("h", "b")], country="Model", start=None, idealized=True),
        "korea-1980": _network([("a", "b"), ("b", "c")], country="Korea", start=1980),
        "korea-1961": _network([("a", "b")], country="Korea", start=1961),
        "japan-1950": _network([("a", "b"), ("b", "a")], country="Japan", start=1950),
    }
    t = scores_table(graphs)
    assert t.index.name == "network"
    assert t.index.tolist() == ["japan-1950", "korea-1961", "korea-1980", "model-hub"]
    assert list(t.columns) == ["country", "start", *metrics.GRAPH_MEASURES]
    assert t.loc["korea-1980", "ties"] == 2
    assert t.loc["japan-1950", "reciprocity"] == 1.0
    assert pd.api.types.is_float_dtype(t["density"])
    assert pd.api.types.is_integer_dtype(t["nodes"])
    assert t.loc["korea-1980", "centralization_betweenness"] == pytest.approx(
        graph_table(graphs["korea-1980"])["centralization_betweenness"]
    )


def test_scores_table_start_years_stay_integers():
    t = scores_table({"a-1961": _network([(1, 2)], start=1961), "model-x": _network([(1, 2)], idealized=True)})
    assert t["start"].tolist()[0] == 1961
    assert str(t["start"].dtype) == "Int64"
    odd = scores_table({"a": _network([(1, 2)], start="1960s")})
    assert odd["start"].tolist() == ["1960s"]


def test_centralizations_are_the_graph_table_entries():
    G = nx.gnp_random_graph(20, 0.15, seed=4, directed=True)
    c = metrics.centralizations(G)
    g = graph_table(G)
    assert list(c) == CENTRALIZATIONS
    for key, value in c.items():
        assert value == g[key] or (math.isnan(value) and math.isnan(g[key]))


def test_scores_table_of_nothing():
    t = scores_table({})
    assert t.empty
    assert list(t.columns) == ["country", "start", *metrics.GRAPH_MEASURES]


def test_every_column_has_a_label():
    for col in (*metrics.NODE_MEASURES, *metrics.GRAPH_MEASURES, "id", "group", "country", "start", "network"):
        assert col in metrics.COLUMN_LABELS


def test_to_markdown_frame():
    frame = pd.DataFrame(
        {"nodes": [3, 10], "density": [0.5, float("nan")], "directed": [True, False], "top_hub": ["a|b", None]},
        index=pd.Index(["x", "y"], name="network"),
    )
    assert to_markdown(frame, digits=2).splitlines() == [
        "| Network | Nodes | Density | Directed | Top hub |",
        "|---|---|---|---|---|",
        "| x | 3 | 0.50 | yes | a\\|b |",
        "| y | 10 | n/a | no | n/a |",
    ]
    assert to_markdown(frame, labels=False).splitlines()[0] == "| network | nodes | density | directed | top_hub |"


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("directed", [True, False])
def test_fast_closeness_equals_networkx(seed, directed):
    """The scipy BFS closeness gives networkx's Wasserman-Faust values exactly."""
    from instnet.metrics.centrality import _closeness

    G = nx.gnm_random_graph(40, 55 + seed * 7, seed=seed, directed=directed)
    G.add_nodes_from([100, 101])  # isolated nodes: closeness 0
    nodes = list(G)
    clo_in, clo_out = _closeness(G, nodes, chunk=7)
    ref_in = nx.closeness_centrality(G, wf_improved=True)
    ref_out = nx.closeness_centrality(G.reverse(copy=False), wf_improved=True) if directed else ref_in
    assert clo_in == pytest.approx([ref_in[v] for v in nodes], abs=1e-12)
    assert clo_out == pytest.approx([ref_out[v] for v in nodes], abs=1e-12)


@pytest.mark.parametrize("key", ["korea-1961", "japan-1955", "usa-1989", "model-councils"])
def test_a_chosen_few_graph_measures_are_the_full_tables_values(key, monkeypatch):
    """Computed alone (nothing known of the graph) and read from the whole table this process already computed."""
    from instnet.metrics import tables

    monkeypatch.setattr(tables, "_KNOWN", {})
    G = load_network(key)
    subsets = (["hierarchy"], ["lub", "strong_components"], ["centralization_betweenness_undirected", "top_hub_share"])
    alone = [graph_table(G, measures=chosen) for chosen in subsets]
    assert tables._KNOWN == {}  # a part is not remembered as the whole
    full = graph_table(G)
    for chosen, first in zip((*subsets, list(full.index)[::-1]), [*alone, None], strict=True):
        for part in (first, graph_table(G, measures=chosen)):
            if part is None:
                continue
            assert list(part.index) == chosen
            for name in chosen:
                a, b = full[name], part[name]
                assert a == b or (a != a and b != b), name  # NaN in both


def test_an_unknown_graph_measure_is_refused():
    with pytest.raises(KeyError, match="no such graph measure: nonsense"):
        graph_table(nx.DiGraph([("a", "b")]), measures=["density", "nonsense"])


def test_a_changed_graph_is_measured_again():
    G = nx.DiGraph([("a", "b", {"relation": "directs"}), ("b", "c", {"relation": "directs"})])
    assert graph_table(G)["vertical_share"] == 1.0
    G.edges["b", "c"]["relation"] = "consults"
    assert graph_table(G)["vertical_share"] == 0.5
    G.add_edge("c", "a", relation="directs")
    assert graph_table(G)["ties"] == 3
    table = graph_table(G)
    table["ties"] = 99  # the caller's copy: the next call is not changed
    assert graph_table(G)["ties"] == 3


@pytest.mark.parametrize("seed", range(6))
def test_closeness_by_python_searches_equals_scipys_exactly(seed, monkeypatch):
    from instnet.metrics import centrality

    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 40))
    G = nx.gnp_random_graph(n, float(rng.uniform(0.02, 0.3)), seed=seed, directed=bool(seed % 2))
    nodes = list(G)
    small = centrality._closeness(G, nodes)
    monkeypatch.setattr(centrality, "CLOSENESS_PYTHON_LIMIT", 0)
    large = centrality._closeness(G, nodes)
    for a, b in zip(small, large, strict=True):
        assert a.tolist() == b.tolist()  # the same integer distances: the same floats
    expected = nx.closeness_centrality(G, wf_improved=True)
    assert np.allclose(small[0], [expected[v] for v in nodes])


@pytest.mark.parametrize("seed", range(12))
def test_betweenness_is_networkxs_bit_for_bit(seed):
    """Directed and undirected, disconnected, isolated nodes, 0 to 3 nodes, node order unlike the adjacency's."""
    from instnet.metrics.centrality import _betweenness

    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 4)) if seed < 4 else int(rng.integers(4, 60))
    G = nx.gnp_random_graph(n, float(rng.uniform(0.0, 0.25)), seed=seed, directed=bool(seed % 2))
    G = nx.relabel_nodes(G, {v: f"n{(7 * v) % 61}" for v in G})  # labels whose sorted order differs
    nodes = sorted(G)
    expected = nx.betweenness_centrality(G, normalized=True)
    assert _betweenness(G, nodes).tolist() == [expected[v] for v in nodes]


@pytest.mark.parametrize("network_id", ["japan-1955", "usa-1989", "thailand-2001"])
def test_betweenness_of_bundled_networks_is_networkxs(network_id):
    from instnet.metrics._prepare import _prepare
    from instnet.metrics.centrality import _betweenness

    G = _prepare(load_network(network_id))
    U = nx.Graph()
    U.add_nodes_from(G)
    U.add_edges_from(G.edges())
    for H in (G, U):
        expected = nx.betweenness_centrality(H, normalized=True)
        assert _betweenness(H, list(G)).tolist() == [expected[v] for v in G]


@pytest.mark.parametrize("seed", range(6))
def test_pagerank_is_networkxs(seed):
    from instnet.metrics.centrality import _pagerank

    rng = np.random.default_rng(seed)
    G = nx.gnp_random_graph(int(rng.integers(1, 40)), float(rng.uniform(0.0, 0.3)), seed=seed, directed=seed % 3 != 0)
    nodes = list(G)
    expected = nx.pagerank(G, alpha=0.85, tol=1e-12, max_iter=10_000, weight=None)
    assert np.allclose(_pagerank(G, nodes), [expected[v] for v in nodes], rtol=0, atol=1e-12)


def test_a_network_page_is_made_without_importing_scipy():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from instnet.load import load_network\n"
        "from instnet.site import diff_files, network_files\n"
        "G, H = load_network('korea-1961'), load_network('korea-2008')\n"
        "network_files('korea-1961', G); diff_files('korea-1961', 'korea-2008', G, H)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('scipy', 'matplotlib')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"  # 0.25 s of imports a worker would pay for nothing (only the index clusters with scipy)
