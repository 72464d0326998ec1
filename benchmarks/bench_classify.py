"""Time `instnet.classify.robustness` on every bundled network.

    python benchmarks/bench_classify.py [--runs 5] [--robustness-runs 200]

Prints, per network, the median, min and max wall time of one
``robustness(G, runs=200)`` call (200 random removals of 10% of the ties, the
stated-only and seeds-only variants, and the centralization intervals) over
several repetitions, against the target of issue [6/8]: well under 10 s for
one bundled network. Loading is not timed; the first call (imports, warm-up)
is discarded.
"""

from __future__ import annotations

import argparse
import statistics
import time

from instnet.classify import classify, robustness
from instnet.load import bundled_ids, load_network

TARGET = 10.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="repetitions per network (default 5)")
    parser.add_argument("--robustness-runs", type=int, default=200, help="random removals per call (default 200)")
    args = parser.parse_args()

    graphs = {i: load_network(i) for i in bundled_ids()}
    first = next(iter(graphs.values()))
    robustness(first, runs=5)  # warm-up: imports
    classify(first)

    worst = 0.0
    print(f"robustness(G, runs={args.robustness_runs}), {args.runs} repetitions each; target < {TARGET} s")
    for key, G in graphs.items():
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            robustness(G, runs=args.robustness_runs)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        worst = max(worst, median)
        print(
            f"{key:<30} {G.number_of_nodes():>3} nodes {G.number_of_edges():>3} ties  "
            f"median {median:6.3f} s  min {min(times):6.3f}  max {max(times):6.3f}"
        )
    verdict = "meets" if worst < TARGET else "MISSES"
    print(f"slowest median {worst:.3f} s: {verdict} the target ({worst / TARGET:.2f} of it)")


if __name__ == "__main__":
    main()
