"""Time instnet.metrics on a large synthetic digraph and measure its approximations.

Usage::

    python benchmarks/bench_metrics.py                 # 5,000 nodes, 15,000 ties
    python benchmarks/bench_metrics.py --nodes 2000 --edges 6000 --repeat 1
    python benchmarks/bench_metrics.py --skip-exact    # timings only

Prints the median wall time of ``node_table`` and ``graph_table``, which
measures are exact and which are approximated above the size thresholds, and
the error of each approximation against the exact computation on the same
graph. The exact betweenness of a 5,000-node graph takes minutes.
"""

from __future__ import annotations

import argparse
import statistics
import time

import networkx as nx
import numpy as np

from instnet import metrics


def timed(func, *args, **kwargs):
    from instnet.metrics import tables

    tables._KNOWN.clear()  # graph_table remembers whole tables per process: time the computation, not the lookup
    start = time.perf_counter()
    result = func(*args, **kwargs)
    return time.perf_counter() - start, result


def median_time(func, repeat, *args, **kwargs):
    times = []
    result = None
    for _ in range(repeat):
        seconds, result = timed(func, *args, **kwargs)
        times.append(seconds)
    return statistics.median(times), result


def rank_correlation(a, b):
    ra = np.argsort(np.argsort(a))
    rb = np.argsort(np.argsort(b))
    return float(np.corrcoef(ra, rb)[0, 1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=15000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--skip-exact", action="store_true", help="do not compare with exact computations")
    args = parser.parse_args(argv)

    G = nx.gnm_random_graph(args.nodes, args.edges, seed=args.seed, directed=True)
    n = G.number_of_nodes()
    scc = nx.number_strongly_connected_components(G)
    print(f"random digraph: {n} nodes, {G.number_of_edges()} ties, {scc} strong components, seed {args.seed}")
    print(
        f"thresholds: EXACT_LIMIT = {metrics.EXACT_LIMIT} nodes, "
        f"BETWEENNESS_SAMPLES = {metrics.BETWEENNESS_SAMPLES}, "
        f"LUB_EXACT_LIMIT = {metrics.LUB_EXACT_LIMIT} strong components per weak component, "
        f"LUB_SAMPLES = {metrics.LUB_SAMPLES}"
    )

    t_nodes, table = median_time(metrics.node_table, args.repeat, G, group_by=None)
    t_graph, summary = median_time(metrics.graph_table, args.repeat, G)
    print(f"\nnode_table:  median {t_nodes:.2f} s over {args.repeat} run(s)")
    print(f"graph_table: median {t_graph:.2f} s over {args.repeat} run(s)")

    big = n > metrics.EXACT_LIMIT
    print("\nexact vs approximated at this size:")
    print(f"  betweenness, betweenness_undirected: {'sampled sources' if big else 'exact'}")
    print(f"  eigenvector, hub, authority:         {'power iteration' if big else 'dense eigendecomposition'}")
    weak_sccs = max((len(comp) for comp in nx.weakly_connected_components(nx.condensation(G))), default=0)
    print(
        f"  lub:                                 {'sampled pairs' if weak_sccs > metrics.LUB_EXACT_LIMIT else 'exact'}"
        f" ({weak_sccs} strong components in the largest weak component)"
    )
    print("  everything else (degree, closeness, PageRank, constraint, effective size, brokerage,")
    print("  density, components, hierarchy, efficiency, connectedness): exact")

    if args.skip_exact:
        return
    print("\napproximation error against exact (same graph):")
    seconds, exact_table = timed(metrics.node_table, G, group_by=None, exact=True)
    print(f"  node_table(exact=True) took {seconds:.1f} s")
    for col in ("betweenness", "betweenness_undirected", "eigenvector", "hub", "authority"):
        a, e = table[col].to_numpy(), exact_table[col].to_numpy()
        print(
            f"  {col:<24} max abs error {np.abs(a - e).max():.2e}   "
            f"mean abs error {np.abs(a - e).mean():.2e}   rank correlation {rank_correlation(a, e):.4f}"
        )
    # centralizations of the exact scores, with the same maxima (no second exact run)
    scores = {
        col: exact_table[col].to_numpy()
        for col in (
            "in_degree",
            "out_degree",
            "degree",
            "betweenness",
            "betweenness_undirected",
            "closeness_in",
            "closeness_out",
            "eigenvector",
        )
    }
    exact_c = metrics._centralizations_from(scores, n, G.is_directed())
    for key in ("centralization_betweenness", "centralization_betweenness_undirected", "centralization_eigenvector"):
        print(
            f"  {key:<40} approx {summary[key]:.4f}   exact {exact_c[key]:.4f}   "
            f"error {summary[key] - exact_c[key]:+.4f}"
        )
    seconds_s, sampled = timed(metrics.krackhardt, G, exact=False)
    seconds_e, exact_k = timed(metrics.krackhardt, G, exact=True)
    print(
        f"  lub sampled {sampled['lub']:.4f} ({seconds_s:.2f} s)   exact {exact_k['lub']:.4f} ({seconds_e:.2f} s)   "
        f"error {sampled['lub'] - exact_k['lub']:+.4f}"
    )


if __name__ == "__main__":
    main()
