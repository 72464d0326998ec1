"""Benchmark: instnet's HTML view versus pyvis's default on a 5,000-node network.

Measures, for one synthetic directed graph (5,000 nodes, 15,000 edges, kinds
and relation types assigned round-robin):

- the median time to generate the HTML page (instnet ``render_html``; pyvis
  ``Network.from_nx`` + ``generate_html`` for reference);
- the time from navigation start to the first frame drawn on the canvas, in
  Debian's headless Chromium with all network access blocked (the helper in
  ``tests/browser.py``). "Drawn" means the first ``fill``/``stroke``/
  ``fillText`` call on a 2D canvas, recorded by a script injected before the
  page's own, so both pages are timed the same way.

pyvis's page is built with ``cdn_resources="in_line"``, the only mode that can
draw offline at all (``"local"``, the default, and ``"remote"`` fetch
vis-network from a CDN), with every other setting at its default (physics
on). Its wait is capped by ``--limit`` seconds and reported as "> limit" when
nothing is drawn by then.

Run from the repository root::

    python benchmarks/bench_render.py [--nodes 5000] [--edges 15000] [--repeat 3] [--limit 120]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from browser import chromium, open_page
from instnet.model import NODE_KINDS, RELATIONS
from instnet.render import render_html

FIRST_DRAW_PROBE = """
(() => {
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ["fill", "stroke", "fillText"]) {
    const original = proto[name];
    proto[name] = function (...args) {
      if (window.__firstDraw === undefined) { window.__firstDraw = performance.now(); }
      return original.apply(this, args);
    };
  }
})();
"""


def synthetic(nodes: int, edges: int, seed: int = 1) -> nx.DiGraph:
    """A random directed network with instnet attributes, built deterministically."""
    G = nx.gnm_random_graph(nodes, edges, seed=seed, directed=True)
    H = nx.DiGraph(title=f"Synthetic network ({nodes} nodes, {edges} ties)", era="benchmark", references={})
    kinds, relations = list(NODE_KINDS), list(RELATIONS)
    for n in G.nodes:
        H.add_node(f"n{n}", label=f"Institution {n}", kind=kinds[n % len(kinds)], description=f"Node {n}.")
    for i, (u, v) in enumerate(G.edges):
        H.add_edge(f"n{u}", f"n{v}", relation=relations[i % len(relations)], description=f"Tie {i}.")
    return H


def pyvis_page(G: nx.DiGraph) -> str:
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    plain = nx.DiGraph()
    plain.add_nodes_from((n, {"label": d["label"], "title": d["description"]}) for n, d in G.nodes(data=True))
    plain.add_edges_from((u, v, {"title": d["relation"]}) for u, v, d in G.edges(data=True))
    net.from_nx(plain)
    return net.generate_html()


def first_draw(browser, path: Path, limit_s: float) -> float | None:
    """Seconds from navigation start to the first canvas drawing, or None past the limit."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with open_page(
        browser,
        path,
        wait_for=None,
        timeout_ms=int(limit_s * 1000) + 30_000,
        init_script=FIRST_DRAW_PROBE,
        wait_until="commit",
    ) as view:
        try:
            view.page.wait_for_function("() => window.__firstDraw !== undefined", timeout=int(limit_s * 1000))
        except PlaywrightTimeout:  # nothing drawn within the limit
            return None
        return view.evaluate("() => window.__firstDraw") / 1000


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=15000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=float, default=120.0, help="seconds to wait for pyvis's first frame")
    args = parser.parse_args(argv)

    G = synthetic(args.nodes, args.edges)
    gen = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        page = render_html(G)
        gen.append(time.perf_counter() - start)
    start = time.perf_counter()
    other = pyvis_page(G)
    pyvis_gen = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        ours_path, theirs_path = Path(tmp) / "instnet.html", Path(tmp) / "pyvis.html"
        ours_path.write_text(page, encoding="utf-8")
        theirs_path.write_text(other, encoding="utf-8")
        with chromium() as browser:
            ours = [first_draw(browser, ours_path, 60) for _ in range(args.repeat)]
            with open_page(browser, ours_path) as view:
                counts = view.drawn_counts()
                problems = view.problems()
            theirs = first_draw(browser, theirs_path, args.limit)

    ours_ok = [t for t in ours if t is not None]
    ours_med = statistics.median(ours_ok) if ours_ok else None
    print(f"graph: {args.nodes} nodes, {args.edges} edges")
    print(f"instnet page: {len(page) / 1e6:.1f} MB; pyvis page: {len(other) / 1e6:.1f} MB")
    print(
        f"generate HTML, instnet render_html: median {statistics.median(gen):.2f} s over {args.repeat} "
        f"({', '.join(f'{t:.2f}' for t in gen)})"
    )
    print(f"generate HTML, pyvis from_nx + generate_html: {pyvis_gen:.2f} s")
    print(f"instnet view drawn: {counts[0]} nodes, {counts[1]} edges; problems: {problems or 'none'}")
    print(
        "first frame, instnet: "
        + (f"median {ours_med:.2f} s" if ours_med is not None else "never")
        + f" ({', '.join('never' if t is None else f'{t:.2f}' for t in ours)})"
    )
    print(
        "first frame, pyvis default physics: " + (f"{theirs:.2f} s" if theirs is not None else f"> {args.limit:.0f} s")
    )
    if ours_med:
        if theirs is None:
            print(f"ratio pyvis / instnet: > {args.limit / ours_med:.0f}x")
        else:
            print(f"ratio pyvis / instnet: {theirs / ours_med:.1f}x")


if __name__ == "__main__":
    main()
