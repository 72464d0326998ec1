"""metrics: Krackhardt hierarchy, brokerage and structural holes worked out by hand.

Each expected value is derived in the comments from the published definition;
a few brute-force versions written here from the same definitions check the
vectorized code on many small graphs.
"""

import itertools
import math
import random

import networkx as nx
import pytest

from instnet.metrics import BROKERAGE_ROLES, brokerage, graph_table, krackhardt, node_table

# ---------------------------------------------------------------------------
# Krackhardt (1994): connectedness, hierarchy, efficiency, LUBness


def test_out_tree_scores_one_everywhere():
    G = nx.DiGraph([("pm", "plan"), ("pm", "fin"), ("plan", "b1"), ("plan", "b2"), ("fin", "b3")])
    assert krackhardt(G) == {"connectedness": 1.0, "hierarchy": 1.0, "efficiency": 1.0, "lub": 1.0}


def test_in_star_has_no_least_upper_bounds():
    # four ministries report to one council: leaves -> centre, N = 5
    G = nx.DiGraph([(leaf, "council") for leaf in "abcd"])
    k = krackhardt(G)
    assert k["connectedness"] == 1.0  # one weak component
    assert k["hierarchy"] == 1.0  # 4 pairs reach one way (leaf -> centre), none both ways
    assert k["efficiency"] == 1.0  # 4 arcs = N - 1
    # no node reaches two leaves: the C(4, 2) = 6 leaf pairs lack an upper
    # bound; (leaf, centre) has the leaf itself. Max (N-1)(N-2)/2 = 6 -> 0
    assert k["lub"] == 0.0


def test_cycle_with_isolate():
    # a -> b -> c -> a plus an isolated d
    G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    G.add_node("d")
    k = krackhardt(G)
    assert k["connectedness"] == pytest.approx(3 / 6)  # pairs within {a,b,c} of C(4,2)
    assert k["hierarchy"] == 0.0  # all 3 reachable pairs reach both ways
    # arcs 3, needed (3-1)+(1-1) = 2, surplus 1, max (3-1)^2 + 0 = 4
    assert k["efficiency"] == pytest.approx(1 - 1 / 4)
    # all pairs of the cycle have a least upper bound (any of them); max (2)(1)/2 = 1
    assert k["lub"] == 1.0


def test_two_bosses_two_subordinates():
    # s1, s2 both direct t1 and t2 (N = 4)
    G = nx.DiGraph([("s1", "t1"), ("s1", "t2"), ("s2", "t1"), ("s2", "t2")])
    k = krackhardt(G)
    assert k["hierarchy"] == 1.0  # acyclic
    # arcs 4, needed 3, max surplus 3^2 = 9
    assert k["efficiency"] == pytest.approx(1 - 1 / 9)
    # (s1, s2): nobody reaches both -> no upper bound.
    # (t1, t2): upper bounds s1 and s2, neither reaches the other -> none least.
    # (s_i, t_j): s_i is the only node reaching s_i, and it reaches t_j -> LUB s_i.
    # 2 violations of at most (3)(2)/2 = 3
    assert k["lub"] == pytest.approx(1 - 2 / 3)


def test_diamond_under_a_boss_least_not_greatest():
    # r -> a, r -> b; a and b both -> x and y (N = 5)
    G = nx.DiGraph([("r", "a"), ("r", "b"), ("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")])
    k = krackhardt(G)
    # (x, y): upper bounds r, a, b; a and b are not reached by each other and r
    # is reached by neither, so no least upper bound, although r reaches all
    # other upper bounds (the greatest one exists: the reading of sna's C code).
    # Every other pair has one: (a, b) -> r, (a, x) -> a, (r, .) -> r, ...
    # 1 violation of (4)(3)/2 = 6.
    assert k["lub"] == pytest.approx(1 - 1 / 6)
    assert k["efficiency"] == pytest.approx(1 - 2 / 16)  # arcs 6, needed 4, max 4^2
    assert k["hierarchy"] == 1.0


def test_undirected_graph_is_read_as_ties_both_ways():
    # path a - b - c: as a digraph 4 arcs, everything mutually reachable
    k = krackhardt(nx.path_graph(["a", "b", "c"]))
    assert k["connectedness"] == 1.0
    assert k["hierarchy"] == 0.0
    assert k["efficiency"] == pytest.approx(1 - 2 / 4)  # surplus 4 - 2 of max 2^2
    assert k["lub"] == 1.0


def test_partial_reciprocity():
    # pm -> plan -> bureau, pm -> fin, bureau -> plan
    G = nx.DiGraph([("pm", "plan"), ("pm", "fin"), ("plan", "bureau"), ("bureau", "plan")])
    # reachable pairs: pm-plan, pm-fin, pm-bureau (one way), plan-bureau (both)
    assert krackhardt(G)["hierarchy"] == pytest.approx(1 - 1 / 4)


def test_krackhardt_undefined_cases_are_nan():
    k = krackhardt(nx.empty_graph(2, create_using=nx.DiGraph))
    assert k["connectedness"] == 0.0
    assert all(math.isnan(k[m]) for m in ("hierarchy", "efficiency", "lub"))
    assert all(math.isnan(v) for v in krackhardt(nx.DiGraph()).values())


def _naive_krackhardt(G):
    """Krackhardt's definitions, pair by pair, with networkx reachability."""
    D = G if G.is_directed() else G.to_directed()
    reach = {v: nx.descendants(D, v) | {v} for v in D}  # a node reaches itself
    weak = list(nx.weakly_connected_components(D))
    pairs = list(itertools.combinations(D, 2))
    out = {}
    out["connectedness"] = sum(any(i in c and j in c for c in weak) for i, j in pairs) / len(pairs)
    one = sum(j in reach[i] or i in reach[j] for i, j in pairs)
    both = sum(j in reach[i] and i in reach[j] for i, j in pairs)
    out["hierarchy"] = 1 - both / one if one else math.nan
    extra_max = sum((len(c) - 1) ** 2 for c in weak)
    extra = D.number_of_edges() - sum(len(c) - 1 for c in weak)
    out["efficiency"] = 1 - extra / extra_max if extra_max else math.nan
    violations = 0
    for c in weak:
        for i, j in itertools.combinations(c, 2):
            upper = [k for k in D if i in reach[k] and j in reach[k]]
            least = [m for m in upper if all(m in reach[k] for k in upper)]
            violations += not least
    lub_max = sum((len(c) - 1) * (len(c) - 2) / 2 for c in weak)
    out["lub"] = 1 - violations / lub_max if lub_max else math.nan
    return out


@pytest.mark.parametrize("seed", range(40))
def test_krackhardt_matches_pair_by_pair_definitions(seed):
    rnd = random.Random(seed)
    n = rnd.randint(3, 9)
    p = rnd.choice([0.1, 0.2, 0.3, 0.5])
    G = nx.gnp_random_graph(n, p, seed=seed, directed=seed % 4 != 0)
    ours = krackhardt(G)
    expected = _naive_krackhardt(G)
    for key, value in expected.items():
        if math.isnan(value):
            assert math.isnan(ours[key]), key
        else:
            assert ours[key] == pytest.approx(value), key
            assert 0 <= ours[key] <= 1, key


def test_lub_between_zero_and_one_on_every_4_node_digraph():
    # Krackhardt's maximum (N-1)(N-2)/2 violations: check it bounds every
    # digraph on 4 nodes (all 4096 arc sets)
    arcs = [(i, j) for i in range(4) for j in range(4) if i != j]
    for mask in range(1 << len(arcs)):
        G = nx.DiGraph([a for k, a in enumerate(arcs) if mask >> k & 1])
        G.add_nodes_from(range(4))
        lub = krackhardt(G)["lub"]
        assert math.isnan(lub) or 0 <= lub <= 1


def test_sampled_lub_is_close_to_exact():
    # a random acyclic digraph: every node is its own strong component
    rnd = random.Random(3)
    G = nx.DiGraph()
    G.add_nodes_from(range(120))
    for i in range(120):
        for j in rnd.sample(range(120), 2):
            if i < j:
                G.add_edge(i, j)
    exact = krackhardt(G, exact=True)["lub"]
    sampled = krackhardt(G, exact=False)["lub"]
    assert 0 < exact < 1
    assert sampled == pytest.approx(exact, abs=0.03)


# ---------------------------------------------------------------------------
# Gould and Fernandez (1989) brokerage


def _groups_example():
    # groups: A = {a1, a2, a3}, B = {b1, b2}, C = {c1}
    G = nx.DiGraph(
        [
            ("a1", "a2"),
            ("a2", "a3"),  # a2 brokers (a1, a3): A->A->A coordinator
            ("a1", "b1"),
            ("b1", "a3"),  # b1 brokers (a1, a3): A->B->A itinerant
            ("a2", "b1"),  # a2 -> b1 -> a3 is closed by a2 -> a3; a1 -> a2 -> b1 closed by a1 -> b1
            ("b1", "c1"),  # b1 brokers (a1, c1) and (a2, c1): A->B->C liaison x2
            ("b2", "b1"),  # b1 brokers (b2, a3) and (b2, c1): B->B->A, B->B->C representative x2
            ("c1", "b2"),  # b2 brokers (c1, b1): C->B->B gatekeeper; c1 brokers (b1, b2): B->C->B itinerant
        ]
    )
    groups = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C"}
    nx.set_node_attributes(G, groups, "sector")
    return G


def test_brokerage_roles_worked_by_hand():
    b = brokerage(_groups_example(), group_by="sector")
    expected = {
        "a1": {},
        "a2": {"coordinator": 1},
        "a3": {},
        "b1": {"itinerant": 1, "liaison": 2, "representative": 2},
        "b2": {"gatekeeper": 1},
        "c1": {"itinerant": 1},
    }
    for node, roles in expected.items():
        row = {role: int(b.loc[node, role]) for role in BROKERAGE_ROLES}
        assert row == {role: roles.get(role, 0) for role in BROKERAGE_ROLES}, node
        assert b.loc[node, "brokerage"] == sum(roles.values())


def test_brokerage_in_node_table_uses_group_by():
    t = node_table(_groups_example(), group_by="sector")
    assert t.loc["b1", ["representative", "liaison", "brokerage"]].tolist() == [2, 2, 5]
    assert t.loc["b1", "group"] == "B"
    # without groups every open two-path is a coordinator role; totals unchanged
    t0 = node_table(_groups_example(), group_by=None)
    assert t0["coordinator"].tolist() == t["brokerage"].tolist()
    assert t0["brokerage"].tolist() == t["brokerage"].tolist()


def test_reciprocated_tie_is_not_brokered_to_oneself():
    # a <-> b: b sits on a -> b -> a, but i = k is not a pair of two alters
    G = nx.DiGraph([("a", "b"), ("b", "a")])
    assert brokerage(G, group_by=None)["brokerage"].tolist() == [0, 0]


def test_undirected_brokerage_counts_both_orders():
    # x1 - x2 - y: x2 brokers (x1, y) as representative (x2 in x1's group) and
    # (y, x1) as gatekeeper (x2 in x1's group, the receiver)
    G = nx.Graph([("x1", "x2"), ("x2", "y")])
    nx.set_node_attributes(G, {"x1": "X", "x2": "X", "y": "Y"}, "kind")
    b = brokerage(G)
    assert b.loc["x2"].to_dict() == {
        "coordinator": 0,
        "itinerant": 0,
        "representative": 1,
        "gatekeeper": 1,
        "liaison": 0,
        "brokerage": 2,
    }


@pytest.mark.parametrize("seed", range(5))
def test_brokerage_matches_triple_loop(seed):
    G = nx.gnp_random_graph(12, 0.25, seed=seed, directed=True)
    rnd = random.Random(seed)
    groups = {v: rnd.choice("PQR") for v in G}
    nx.set_node_attributes(G, groups, "kind")
    counts = {v: dict.fromkeys(BROKERAGE_ROLES, 0) for v in G}
    for i, j, k in itertools.permutations(G, 3):
        if G.has_edge(i, j) and G.has_edge(j, k) and not G.has_edge(i, k):
            gi, gj, gk = groups[i], groups[j], groups[k]
            role = (
                "coordinator"
                if gi == gj == gk
                else "itinerant"
                if gi == gk
                else "representative"
                if gi == gj
                else "gatekeeper"
                if gj == gk
                else "liaison"
            )
            counts[j][role] += 1
    b = brokerage(G)
    for v in G:
        assert {r: int(b.loc[v, r]) for r in BROKERAGE_ROLES} == counts[v]


# ---------------------------------------------------------------------------
# Burt (1992): constraint and effective size


def test_structural_holes_of_an_undirected_star():
    # centre with 3 unconnected contacts: p = 1/3 each, no indirect paths
    t = node_table(nx.star_graph(3), group_by=None)
    assert t.loc[0, "constraint"] == pytest.approx(3 * (1 / 3) ** 2)
    assert t.loc[0, "effective_size"] == pytest.approx(3.0)
    # a leaf has one contact: fully constrained, effective size 1
    assert t.loc[1, "constraint"] == pytest.approx(1.0)
    assert t.loc[1, "effective_size"] == pytest.approx(1.0)


def test_structural_holes_triangle_with_pendant():
    # a, b, c a triangle; d hangs on a. Ego a has contacts b, c, d.
    G = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("a", "d")])
    t = node_table(G, group_by=None)
    # Borgatti: n - 2t/n with n = 3 contacts, t = 1 tie among them (b-c)
    assert t.loc["a", "effective_size"] == pytest.approx(3 - 2 * 1 / 3)
    # constraint: p_a. = 1/3; c_ab = (1/3 + p_ac p_cb)^2 = (1/3 + 1/3 * 1/2)^2 = 1/4,
    # c_ac = 1/4 likewise, c_ad = (1/3)^2 (d knows nobody else)
    assert t.loc["a", "constraint"] == pytest.approx(1 / 4 + 1 / 4 + 1 / 9)


def test_effective_size_on_a_digraph_uses_burts_general_formula():
    # e <-> a (mutual: strength 2), e -> b, a -> b (strength 1 each)
    G = nx.DiGraph([("e", "a"), ("a", "e"), ("e", "b"), ("a", "b")])
    t = node_table(G, group_by=None)
    # p_ea = 2/3, p_eb = 1/3. m_ab = 1/2 (a's strongest tie is to e, 2);
    # m_ba = 1 (b's ties to e and a both weigh 1).
    # ES(e) = (1 - p_eb m_ab) + (1 - p_ea m_ba) = (1 - 1/6) + (1 - 2/3) = 7/6
    assert t.loc["e", "effective_size"] == pytest.approx(7 / 6)
    # Borgatti's shortcut on the undirected view would give 2 - 2*1/2 = 1
    assert t.loc["e", "effective_size"] != pytest.approx(1.0)
    # constraint: p_ba = 1/2, p_ab = 1/3;
    # (2/3 + 1/3 * 1/2)^2 + (1/3 + 2/3 * 1/3)^2 = 25/36 + 25/81
    assert t.loc["e", "constraint"] == pytest.approx(25 / 36 + 25 / 81)
    # b only receives ties but has two contacts, e and a (p = 1/2 each).
    # ES(b): for e, q = a: p_ba m_ea = 1/2 * 2/2; for a, q = e: 1/2 * 2/2 -> 1/2 + 1/2
    assert t.loc["b", "effective_size"] == pytest.approx(1.0)
    # constraint(b): (1/2 + 1/2 * p_ae)^2 + (1/2 + 1/2 * p_ea)^2, p_ae = p_ea = 2/3
    assert t.loc["b", "constraint"] == pytest.approx(2 * (5 / 6) ** 2)


@pytest.mark.parametrize("seed", range(3))
def test_effective_size_equals_borgatti_shortcut_on_undirected_graphs(seed):
    G = nx.gnp_random_graph(15, 0.3, seed=seed)
    t = node_table(G, group_by=None)
    for v in G:
        contacts = set(G[v])
        if not contacts:
            continue
        ties = G.subgraph(contacts).number_of_edges()
        assert t.loc[v, "effective_size"] == pytest.approx(len(contacts) - 2 * ties / len(contacts))


# ---------------------------------------------------------------------------
# the closeness maximum holds over every small undirected graph


def test_closeness_centralization_never_exceeds_one_on_small_graphs():
    # every graph on 3 to 6 nodes (the networkx atlas), connected or not:
    # the star's sum of deviations (n-1)(n-2)/(2n-3) is the largest
    for G in nx.graph_atlas_g():
        n = G.number_of_nodes()
        if not 3 <= n <= 6:
            continue
        c = nx.closeness_centrality(G)
        worst = sum(max(c.values()) - x for x in c.values())
        assert worst <= (n - 1) * (n - 2) / (2 * n - 3) + 1e-12
    star = graph_table(nx.star_graph(5))
    assert star["centralization_closeness_in"] == pytest.approx(1.0)
