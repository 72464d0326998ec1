"""Build the whole site: every network's view, the diffs that matter, the
exports, and ``index.html``; written so that a failed or interrupted build
leaves the previous output whole.

:func:`plan_site` computes every file in memory (pure: graphs in, file name ->
bytes out). :func:`build_site` then writes them: each file atomically, files
whose content did not change untouched, files of networks that disappeared
removed (only files a previous build wrote, listed in its manifest), with
SIGINT held back while it writes so Ctrl-C cannot leave a half-updated site.
"""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from .atomic import write_atomic
from .errors import OutputError

__all__ = [
    "KEY_SCORES",
    "SIZE_LABELS",
    "MANIFEST",
    "network_page",
    "notebook_view",
    "site_pairs",
    "plan_site",
    "build_site",
    "BuildReport",
]

MANIFEST = ".instnet-manifest.json"

#: Graph measures shown in each view's header and in the index, with labels.
KEY_SCORES = {
    "centralization_degree": "Degree centralization",
    "centralization_betweenness_undirected": "Betweenness centralization (undirected)",
    "hierarchy": "Hierarchy (Krackhardt)",
    "top_hub_share": "Top hub's share of ties",
    "vertical_share": "Vertical (authority) ties",
}

SIZE_LABELS = {
    "degree": "degree (number of ties)",
    "in_degree": "in-degree (ties received)",
    "out_degree": "out-degree (ties sent)",
    "betweenness": "betweenness centrality",
    "betweenness_undirected": "betweenness centrality (undirected view)",
    "closeness_in": "closeness (incoming)",
    "closeness_out": "closeness (outgoing)",
    "eigenvector": "eigenvector centrality (undirected view)",
    "pagerank": "PageRank",
    "hub": "HITS hub score",
    "authority": "HITS authority score",
    "effective_size": "Burt's effective size",
    "brokerage": "Gould-Fernandez brokerage (all roles)",
}

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def network_page(G: nx.DiGraph, size_by: str = "degree", *, nodes=None, graph=None) -> str:
    """The HTML view of one network with node size by ``size_by`` and key scores.

    ``nodes`` and ``graph`` are the metric tables when already computed.
    """
    from .render import render_html

    return render_html(G, **_view_args(G, size_by, nodes, graph))


def _view_args(G, size_by, nodes=None, graph=None) -> dict:
    """Node sizes, header scores and size label for a network's view."""
    from .metrics import graph_table, node_table

    nodes = node_table(G) if nodes is None else nodes
    graph = graph_table(G) if graph is None else graph
    return {
        "sizes": {n: float(v) for n, v in nodes[size_by].items()},
        "scores": {label: graph[key] for key, label in KEY_SCORES.items()},
        "size_label": SIZE_LABELS.get(size_by, size_by),
    }


def notebook_view(network, size_by: str = "degree"):
    """Show a network's view inline in Jupyter: the last expression of a cell.

    ``network`` is a loaded graph, a bundled id or a folder path. Returns an
    object whose ``_repr_html_`` is a sandboxed iframe holding the same page
    as ``instnet render`` writes.

    Examples
    --------
    >>> view = notebook_view("korea-1961", size_by="betweenness")
    >>> view._repr_html_().startswith("<iframe")
    True
    """
    from .load import load_network
    from .render import render_notebook

    G = network if isinstance(network, nx.DiGraph) else load_network(network)
    return render_notebook(G, **_view_args(G, size_by))


def site_pairs(graphs: Mapping[str, nx.DiGraph], best: Mapping[str, str]) -> list[tuple[str, str]]:
    """The diffs worth showing: each country's consecutive eras, and each
    country network against the idealized archetype of its best model.

    ``best`` maps network id to its best-scoring model key (``classify``).
    """
    pairs: list[tuple[str, str]] = []
    countries: dict[str, list[str]] = {}
    for key, G in graphs.items():
        if not G.graph.get("idealized"):
            countries.setdefault(str(G.graph.get("country", "")).strip().lower(), []).append(key)
    for ids in countries.values():
        ids.sort(key=lambda k: (graphs[k].graph.get("start") or 0, k))
        pairs += list(zip(ids, ids[1:]))
    for key, G in sorted(graphs.items()):
        archetype = f"model-{best.get(key)}"
        if not G.graph.get("idealized") and archetype in graphs:
            pairs.append((key, archetype))
    return pairs


def site_comparisons(graphs: Mapping[str, nx.DiGraph], best: Mapping[str, str]) -> tuple[list[tuple[str, str]], set[str]]:
    """The diffs to draw (:func:`instnet.diff.nearest.plan_comparisons`) and the ids of the user's networks.

    A user network is one whose folder is not in the bundled folder; each is
    compared with its two nearest bundled country cases and its model's archetype.
    The pairs named in a ``site.toml`` beside the user's networks come first.

    Raises
    ------
    SelectionError
        When ``site.toml`` is invalid or names a network that is not built.
    """
    from .diff.nearest import plan_comparisons
    from .errors import SelectionError
    from .load import SITE_TOML, bundled_graphs_dir, read_site_toml

    bundled = bundled_graphs_dir().resolve()
    user = {k for k, G in graphs.items() if G.graph.get("path") and Path(G.graph["path"]).resolve().parent != bundled}
    folders = sorted({Path(graphs[k].graph["path"]).resolve().parent for k in user})
    chosen = [(folder, pair) for folder in folders for pair in read_site_toml(folder)]
    for folder, pair in chosen:
        for key in pair:
            if key not in graphs:
                raise SelectionError(f"{folder / SITE_TOML}: compare names {key!r}, which is not among the networks built")
    return plan_comparisons(graphs, best, user, [pair for _, pair in chosen]), user


def _diff_name(a: str, b: str) -> str:
    return f"diffs/{a}--{b}.html"


def plan_site(graphs: Mapping[str, nx.DiGraph], progress: Progress = _quiet) -> dict[str, bytes]:
    """Every file of the site, by path relative to the output folder."""
    from .classify import classify
    from .diff import diff
    from .export import export_files
    from .metrics import graph_table, node_table, scores_table
    from .render.diff_view import diff_html
    from .render.index import index_html

    files: dict[str, bytes] = {}
    classes, node_tables, graph_tables = {}, {}, {}
    total = len(graphs)
    for i, (key, G) in enumerate(sorted(graphs.items()), 1):
        progress(f"[{i}/{total}] {key}: metrics, view, exports")
        node_tables[key] = node_table(G)
        graph_tables[key] = graph_table(G)
        classes[key] = classify(G)
        files[f"networks/{key}.html"] = network_page(G, nodes=node_tables[key], graph=graph_tables[key]).encode("utf-8")
        for fmt in ("graphml", "gexf", "json"):
            for name, content in export_files(G, fmt).items():
                files[f"exports/{name}"] = content
        files[f"exports/{key}-node-metrics.csv"] = node_tables[key].to_csv(lineterminator="\n").encode("utf-8")
        files[f"exports/{key}-graph-metrics.csv"] = graph_tables[key].to_frame("value").to_csv(lineterminator="\n").encode("utf-8")
    pairs, user = site_comparisons(graphs, {k: c.best for k, c in classes.items()})
    for i, (a, b) in enumerate(pairs, 1):
        progress(f"[{i}/{len(pairs)}] diff {a} vs {b}")
        d = diff(graphs[a], graphs[b])
        files[_diff_name(a, b)] = diff_html(graphs[a], graphs[b], d).encode("utf-8")
    progress("index.html")
    tables = scores_table(graphs) if graphs else None
    if tables is not None:
        diffs = [(a, b, _diff_name(a, b)) for a, b in pairs]
        files["index.html"] = index_html(graphs, tables, classes, diffs, user=sorted(user)).encode("utf-8")
    return files


@dataclass
class BuildReport:
    """What a build did to the output folder."""

    out: Path
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.out}: {len(self.written)} file(s) written, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed; open {self.out / 'index.html'}"
        )


@contextmanager
def _sigint_deferred():
    """Hold SIGINT back until the block is done, then deliver it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught = []
    previous = signal.signal(signal.SIGINT, lambda *args: caught.append(args))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt


def _safe_target(out: Path, relative: str) -> Path:
    target = (out / relative).resolve()
    if out.resolve() not in target.parents:
        raise OutputError(f"refusing to write {relative}: it lies outside {out}")
    return target


def build_site(graphs_dir: str | Path | None = None, out_dir: str | Path = "output", progress: Progress = _quiet) -> BuildReport:
    """Validate, compute and write the whole site into ``out_dir``.

    Nothing is written unless every network loads and every page is made;
    then each file is replaced atomically (or left alone when unchanged), and
    files a previous build wrote for networks that no longer exist are removed.

    Raises
    ------
    InvalidNetwork
        If any network fails validation (nothing is written).
    OutputError
        If the output folder cannot be used.
    """
    from .load import load_all

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a folder")
    progress("loading and validating networks")
    graphs = load_all(graphs_dir)
    files = plan_site(graphs, progress)
    manifest_path = out / MANIFEST
    try:
        listed = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else []
    except (ValueError, OSError):
        listed = []
    previous = {x for x in listed if isinstance(x, str)} if isinstance(listed, list) else set()
    report = BuildReport(out)
    progress(f"writing {len(files)} files to {out}")
    with _sigint_deferred():
        out.mkdir(parents=True, exist_ok=True)
        for relative in sorted(files):
            target = _safe_target(out, relative)
            (report.written if write_atomic(target, files[relative]) else report.unchanged).append(relative)
        for relative in sorted(previous - set(files)):
            try:
                target = _safe_target(out, relative)
            except OutputError:
                continue
            if target.is_file():
                target.unlink()
                report.removed.append(relative)
        write_atomic(manifest_path, json.dumps(sorted(files), indent=0) + "\n")
    return report
