"""Build the whole site: every network's view, the diffs that matter, the
exports, the shared assets and ``index.html``; written so that a failed or
interrupted build leaves the previous output whole.

:func:`plan_outputs` computes the site as named *outputs*, each the files of
one kind of page for one subject (``network:korea-1961``, ``diff:a--b``,
``index``, ``assets``) with the digest of its inputs. One function per kind
makes the files (:func:`network_files`, :func:`diff_files`,
:func:`index_files`, :func:`asset_files`): picklable arguments in,
``{path: bytes}`` out, so it can run in a worker process. An output whose
digest equals the one in the last build's manifest is not recomputed.

To add a kind of page, see CONTRIBUTING.md (one files function, one planner).

:func:`build_site` then writes them: each file atomically, files whose
content did not change untouched, files of outputs that disappeared removed
(only files a previous build wrote, listed in its manifest), with SIGINT held
back while it writes so Ctrl-C cannot leave a half-updated site.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from .atomic import write_atomic
from .buildcache import MANIFEST
from .comparisons import site_comparisons, site_pairs
from .errors import OutputError
from .site_countries import country_files
from .site_countries import plan_countries as _plan_countries
from .site_inputs import WORKER_MODULES, load_selection, safe_target, selection_digests, sigint_deferred
from .summary import NetworkSummary, summarize
from .workers import Workers

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "KEY_SCORES",
    "SIZE_LABELS",
    "MANIFEST",
    "ASSETS_DIR",
    "asset_files",
    "network_files",
    "network_summary",
    "network_figure",
    "diff_files",
    "index_files",
    "country_files",
    "SitePlan",
    "plan_outputs",
    "PlanContext",
    "PLANNERS",
    "network_page",
    "notebook_view",
    "site_pairs",
    "plan_site",
    "build_site",
    "BuildReport",
]

#: The folder of the files every page of a site shares (vis-network).
ASSETS_DIR = "assets"

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


def network_page(
    G: nx.DiGraph, size_by: str = "degree", *, nodes=None, graph=None, assets: str | None = None, lines=None
) -> str:
    """The HTML view of one network with node size by ``size_by`` and key scores.

    ``nodes`` and ``graph`` are the metric tables when already computed;
    ``assets`` the relative URL of a site's shared ``assets/`` folder (default: a self-contained page);
    ``lines`` the site's line tables the page refers to (see :mod:`instnet.render.shared_lines`).
    """
    from .render import render_html

    return render_html(G, **_view_args(G, size_by, nodes, graph), assets=assets, lines=lines)


def network_figure(G: nx.DiGraph, fmt: str, size_by: str = "degree") -> bytes:
    """The static figure (``svg``, ``png`` or ``pdf``) of one network, node size by ``size_by``, as the view draws it."""
    from .render.figure import render_figure

    args = _view_args(G, size_by)
    return render_figure(G, fmt, args["sizes"], size_label=args["size_label"])


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


def _diff_name(a: str, b: str) -> str:
    return f"diffs/{a}--{b}.html"


# One function per kind of output. Each takes picklable arguments (it may run
# in a worker process), computes its files from them alone and returns
# ``{path relative to the output folder: bytes}``; :func:`_plan_outputs` names
# each output and the inputs whose digest decides whether it is recomputed.


def asset_files() -> dict[str, bytes]:
    """The shared files every drawing page links to: ``assets/...`` (vis-network)."""
    from .render.page import shared_assets

    return {f"{ASSETS_DIR}/{name}": content for name, content in shared_assets().items()}


def network_summary(key: str, G: nx.DiGraph, render: bool = False):
    """What the index and the choice of comparisons read of network ``key``: its graph table and verdicts.

    With ``render``, also its node table, for its pages (returned as ``(summary, node table)``: one
    computation of the centralities serves both tables).
    """
    if not render:
        return summarize(G)
    from .metrics import node_table

    nodes = node_table(G)
    return summarize(G), nodes


def network_files(key: str, G: nx.DiGraph, summary: NetworkSummary | None = None, nodes=None) -> dict[str, bytes]:
    """One network's view, exports and metric tables (``summary``, ``nodes``: its summary and node table, when known)."""
    from .export import export_files, zip_files
    from .metrics import graph_table, node_table
    from .render.shared_lines import DATA_DIR, lines_script, network_lines

    graph = summary.graph_table() if summary is not None else graph_table(G)
    graph.name = G.graph.get("id")
    nodes = node_table(G) if nodes is None else nodes
    lines = network_lines(G)  # its descriptions and quotes, which its page and its diffs' pages refer to
    page = network_page(G, nodes=nodes, graph=graph, assets=f"../{ASSETS_DIR}/", lines={key: lines})
    files = {f"networks/{key}.html": page.encode("utf-8"), f"{DATA_DIR}/{key}.js": lines_script(key, lines).encode()}
    exports = {name: content for fmt in ("graphml", "gexf", "json") for name, content in export_files(G, fmt).items()}
    exports[f"{key}-node-metrics.csv"] = nodes.to_csv(lineterminator="\n").encode("utf-8")
    exports[f"{key}-graph-metrics.csv"] = graph.to_frame("value").to_csv(lineterminator="\n").encode("utf-8")
    # one archive a network: a fifth of the files' size, one download with every format
    files[f"exports/{key}.zip"] = zip_files(exports, key)
    return files


def diff_files(a: str, b: str, A: nx.DiGraph, B: nx.DiGraph) -> dict[str, bytes]:
    """The diff page of networks ``a`` and ``b`` (it refers to their line files, ``data/<a>.js`` and ``data/<b>.js``)."""
    from .diff import diff
    from .render.diff_view import diff_html
    from .render.shared_lines import network_lines

    lines = {a: network_lines(A), b: network_lines(B)}
    page = diff_html(A, B, diff(A, B), assets=f"../{ASSETS_DIR}/", lines=lines)
    return {_diff_name(a, b): page.encode("utf-8")}


def index_files(
    graphs: Mapping[str, nx.DiGraph],
    summaries: Mapping[str, NetworkSummary],
    pairs: list[tuple[str, str]],
    user: list[str] | None = None,
) -> dict[str, bytes]:
    """The site's ``index.html`` (``user``: the ids of the user's networks, marked in the heatmap).

    ``summaries``: network id -> its :class:`~instnet.summary.NetworkSummary` (graph table and verdicts).
    """
    from .metrics import scores_table
    from .render.index import index_html

    if not graphs:
        return {}
    diffs = [(a, b, _diff_name(a, b)) for a, b in pairs]
    scores = scores_table(graphs, tables={k: s.graph_table() for k, s in summaries.items()})
    return {"index.html": index_html(graphs, scores, summaries, diffs, user=user or []).encode("utf-8")}


@dataclass
class SitePlan:
    """The outputs of a build: each one's input digest and files (``None``: kept from the last build)."""

    outputs: dict[str, tuple[str, dict[str, bytes] | None]] = field(default_factory=dict)
    summaries: dict[str, tuple[str, dict]] = field(default_factory=dict)  # network id -> (input digest, summary JSON)

    def files(self) -> dict[str, bytes]:
        """Every file computed by this plan, by path."""
        return {k: v for _, files in self.outputs.values() if files for k, v in files.items()}


@dataclass
class PlanContext:
    """What the planner of each kind of output reads: the graphs, their input digests, the last build's outputs."""

    graphs: Mapping[str, nx.DiGraph]
    inputs: dict[str, str]
    previous: Mapping[str, tuple[str, list[str]]]
    code: str
    jobs: int = 1
    progress: Progress = _quiet
    plan: SitePlan = field(default_factory=SitePlan)
    known: Mapping[str, tuple[str, dict]] = field(default_factory=dict)  # the last build's summaries (JSON)
    summaries: dict[str, NetworkSummary] = field(default_factory=dict)  # network id -> graph table and verdicts
    pairs: list[tuple[str, str]] = field(default_factory=list)
    user: set[str] = field(default_factory=set)
    pending: list[tuple[str, Callable, tuple, str]] = field(default_factory=list)  # (output, func, args, progress)
    workers: Workers = field(default_factory=lambda: Workers(1))  # the build's worker processes
    started: Mapping[str, Callable] = field(default_factory=dict)  # network id -> its summary, begun while loading

    def fresh(self, name: str, inputs: str) -> bool:
        """Whether the last build made output ``name`` from the same inputs (so it is kept, not recomputed)."""
        return _fresh(self.previous, name, inputs)


def _fresh(previous: Mapping[str, tuple[str, list[str]]], name: str, inputs: str) -> bool:
    return name in previous and previous[name][0] == inputs


def _plan_assets(ctx: PlanContext) -> None:
    ctx.plan.outputs["assets"] = (ctx.code, None if ctx.fresh("assets", ctx.code) else asset_files())


def _known_summary(known, previous, inputs: str, key: str) -> NetworkSummary | None:
    """The last build's summary of network ``key`` when its inputs are the same (and the summary readable)."""
    entry = known.get(key) if previous else None
    return NetworkSummary.from_json(entry[1]) if entry is not None and entry[0] == inputs else None


def _to_measure(known, previous, inputs: Mapping[str, str]) -> tuple[dict[str, NetworkSummary], list[str], set[str]]:
    """The last build's usable summaries, the networks to measure and classify (none usable), those whose pages are drawn."""
    keys = sorted(inputs)
    kept = {key: _known_summary(known, previous, inputs[key], key) for key in keys}
    todo = [key for key in keys if kept[key] is None]
    draw = {key for key in keys if not _fresh(previous, f"network:{key}", inputs[key])}
    return {key: summary for key, summary in kept.items() if summary is not None}, todo, draw


def _plan_networks(ctx: PlanContext) -> None:
    """Each network's summary (measured and classified again only when its inputs changed); its pages queued."""
    keys = sorted(ctx.graphs)
    known, todo, draw = _to_measure(ctx.known, ctx.previous, ctx.inputs)
    ctx.summaries.update(known)  # not measured again
    for key in keys:
        ctx.plan.outputs[f"network:{key}"] = (ctx.inputs[key], None)
    rest = [key for key in todo if key not in ctx.started]
    calls = [(network_summary, (key, ctx.graphs[key], key in draw)) for key in rest]
    # one network (a rebuild): measured here while the workers import what the pages need
    results = ctx.workers.run(calls, here=len(todo) == 1)
    nodes = {}
    for i, key in enumerate(todo, 1):
        result = ctx.started[key]() if key in ctx.started else next(results)
        ctx.progress(f"[{i}/{len(todo)}] {key}: measures and classification")
        ctx.summaries[key], nodes[key] = result if key in draw else (result, None)
    ctx.summaries = {k: ctx.summaries[k] for k in keys}
    ctx.plan.summaries = {k: (ctx.inputs[k], ctx.summaries[k].to_json()) for k in keys}
    for key in sorted(draw):  # made with the diffs, the country pages and the index, over one pool
        args = (key, ctx.graphs[key], ctx.summaries[key], nodes.get(key))
        ctx.pending.append((f"network:{key}", network_files, args, f"{key}: view, exports"))


def _plan_diffs(ctx: PlanContext) -> None:
    from .buildcache import digest

    ctx.pairs, ctx.user = site_comparisons(ctx.graphs, {k: c.best for k, c in ctx.summaries.items()})
    todo = []
    for a, b in ctx.pairs:
        name, inputs = f"diff:{a}--{b}", digest(ctx.inputs[a], ctx.inputs[b])
        ctx.plan.outputs[name] = (inputs, None)
        if not ctx.fresh(name, inputs):
            todo.append((name, (a, b, ctx.graphs[a], ctx.graphs[b])))
    ctx.pending += [(name, diff_files, args, f"diff {args[0]} vs {args[1]}") for name, args in todo]


def _plan_index(ctx: PlanContext) -> None:
    from .buildcache import digest

    keys = sorted(ctx.graphs)
    inputs = digest(
        ctx.code, *(f"{k}={ctx.inputs[k]}" for k in keys), *(f"{a}--{b}" for a, b in ctx.pairs), *sorted(ctx.user)
    )
    ctx.plan.outputs["index"] = (inputs, None)
    if not ctx.fresh("index", inputs):
        ctx.pending.append(("index", index_files, (ctx.graphs, ctx.summaries, ctx.pairs, sorted(ctx.user)), ""))


def _run_pending(ctx: PlanContext) -> None:
    """Make the pages the planners queued, over one pool of workers (diffs, country pages and the index at once)."""
    # the longest jobs first (the index, then country pages of several eras), so no worker waits on one at the end
    first = {"index": 0, "country": 1, "network": 2}
    ctx.pending.sort(key=lambda job: first.get(job[0].split(":")[0], 2))
    # each call takes the graph tables of the networks it draws (its diffs, its country page and its page's year
    # slider read them): the workers were forked before the networks were measured
    tables = {id(G): (G, ctx.summaries[key].graph_table()) for key, G in ctx.graphs.items() if key in ctx.summaries}
    calls = [
        (_with_tables, ([tables[id(G)] for G in _graphs_in(args) if id(G) in tables], func, args))
        for _, func, args, _ in ctx.pending
    ]
    results = ctx.workers.run(calls)
    counted = sum(1 for *_, line in ctx.pending if line)
    i = 0
    for (name, _, _, line), files in zip(ctx.pending, results, strict=True):
        i += bool(line)
        ctx.progress(f"[{i}/{counted}] {line}" if line else "index.html")
        ctx.plan.outputs[name] = (ctx.plan.outputs[name][0], files)
    ctx.pending = []


def _graphs_in(args: tuple) -> list[nx.Graph]:
    """The graphs among a call's arguments, and in its lists (a country page's eras); not in mappings (the index's)."""
    found = []
    for arg in args:
        for item in arg if isinstance(arg, list) else [arg]:
            if isinstance(item, nx.Graph):
                found.append(item)
    return found


def _with_tables(tables: list[tuple[nx.Graph, pd.Series]], func: Callable, args: tuple):
    """``func(*args)``, with the graph tables already computed for these graphs remembered in this process first."""
    from .metrics.tables import remember_graph_table

    for G, table in tables:
        remember_graph_table(G, table)
    return func(*args)


#: The planners, in order: each adds its outputs to ``ctx.plan`` (a later one may read what an earlier one found),
#: or queues the calls that make them in ``ctx.pending``, which :func:`_run_pending` runs over one pool at the end.
PLANNERS: list[Callable[[PlanContext], None]] = [
    _plan_assets,
    _plan_networks,
    _plan_diffs,
    _plan_countries,
    _plan_index,
    _run_pending,
]


def plan_outputs(
    graphs: Mapping[str, nx.DiGraph],
    digests: Mapping[str, str] | None = None,
    previous: Mapping[str, tuple[str, list[str]]] | None = None,
    *,
    jobs: int = 1,
    progress: Progress = _quiet,
    known: Mapping[str, tuple[str, dict]] | None = None,
    workers: Workers | None = None,
    started: Mapping[str, Callable] | None = None,
) -> SitePlan:
    """Plan every output of the site, recomputing only those whose inputs changed.

    Parameters
    ----------
    graphs : mapping
        Network id -> loaded graph.
    digests : mapping, optional
        Network id -> digest of its inputs (:func:`instnet.buildcache.folder_digest`);
        without them every output is recomputed.
    previous : mapping, optional
        The last build's outputs (:func:`instnet.buildcache.read_manifest`):
        an output whose digest is the same there is not recomputed.
    jobs : int
        Worker processes; the files are the same bytes for any number.
    progress : callable
        Called with one line per step.
    known : mapping, optional
        The last build's network summaries (:func:`instnet.buildcache.read_manifest`): an
        unchanged network with one is not measured or classified again.
    workers : Workers, optional
        An open pool to run the calls in (default: one of ``jobs`` processes, opened here).
    started : mapping, optional
        Network id -> what waits for its summary (:func:`network_summary`), submitted to ``workers``
        while the networks were loading.

    Returns
    -------
    SitePlan
        Each output's input digest and files (``None`` where kept).
    """
    from .buildcache import code_digest, digest

    code = code_digest()
    inputs = {k: digest(code, digests.get(k, "")) for k in graphs} if digests else {k: "" for k in graphs}
    ctx = PlanContext(graphs, inputs, previous if digests and previous else {}, code, jobs, progress, known=known or {})
    ctx.started = started or {}
    if workers is not None:
        ctx.workers = workers
        for planner in PLANNERS:
            planner(ctx)
        return ctx.plan
    with Workers(jobs, WORKER_MODULES) as ctx.workers:
        for planner in PLANNERS:
            planner(ctx)
    return ctx.plan


def plan_site(graphs: Mapping[str, nx.DiGraph], progress: Progress = _quiet, *, jobs: int = 1) -> dict[str, bytes]:
    """Every file of the site, by path relative to the output folder (all recomputed)."""
    return plan_outputs(graphs, jobs=jobs, progress=progress).files()


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


def build_site(
    selection: Mapping[str, str | Path] | str | Path | None = None,
    out_dir: str | Path = "output",
    progress: Progress = _quiet,
    *,
    jobs: int = 1,
) -> BuildReport:
    """Validate, compute and write the whole site into ``out_dir``.

    Nothing is written unless every network loads and every page is made;
    then each file is replaced atomically (or left alone when unchanged), and
    files a previous build wrote for networks that no longer exist are removed.
    Outputs whose inputs did not change since the last build (the digests in
    its manifest) are not recomputed.

    Parameters
    ----------
    selection : mapping or path, optional
        Network id -> folder (as :func:`instnet.load.select` returns), or a
        folder of networks; default: the bundled networks.
    out_dir : path
        The site's folder.
    progress : callable
        Called with one line per step.
    jobs : int
        Worker processes for the networks and diffs (the site is the same bytes for any number).

    Raises
    ------
    InvalidNetwork
        If any network fails validation (nothing is written).
    OutputError
        If the output folder cannot be used.
    """
    from .buildcache import code_digest, digest, manifest_text, read_manifest

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a folder")
    previous, outputs, known = read_manifest(out)
    selection, digests = selection_digests(selection)
    inputs = {k: digest(code_digest(), d) for k, d in digests.items()}
    kept = {name: entry for name, entry in outputs.items() if all((out / f).is_file() for f in entry[1])}
    _, todo, draw = _to_measure(known, kept, inputs)
    measure = set(todo) if len(todo) > 1 else set()  # one network alone is measured in this process (see below)
    # the workers start (and import what the pages need) while the networks are read, when a network changed
    warm = any(known.get(k, ("",))[0] != d for k, d in inputs.items())
    started: dict[str, Callable] = {}

    def loaded(key: str, G: nx.DiGraph) -> None:  # measured on a worker while the next networks are read
        if key in measure:
            wait = workers.submit(network_summary, (key, G, key in draw))
            if wait is not None:
                started[key] = wait

    with Workers(jobs, WORKER_MODULES, warm=warm) as workers:
        progress("loading and validating networks")
        graphs = load_selection(selection, digests, loaded)
        plan = plan_outputs(
            graphs, digests, kept, jobs=jobs, progress=progress, known=known, workers=workers, started=started
        )
    files = plan.files()
    listed = {name: (d, sorted(f) if f is not None else kept[name][1]) for name, (d, f) in plan.outputs.items()}
    report = BuildReport(out)
    progress(f"writing {len(files)} files to {out}")
    with sigint_deferred():
        out.mkdir(parents=True, exist_ok=True)
        names = sorted(files)
        targets = [safe_target(out, relative) for relative in names]  # every path checked before anything is written
        # four threads: each write waits on its fsync (0.6 ms here), which lets the others run
        with ThreadPoolExecutor(4) as pool:
            changed = list(pool.map(write_atomic, targets, [files[relative] for relative in names]))
        for relative, wrote in zip(names, changed, strict=True):
            (report.written if wrote else report.unchanged).append(relative)
        now = {f for _, names in listed.values() for f in names}
        report.unchanged += sorted(now - set(files))
        for relative in sorted(previous - now):
            try:
                target = safe_target(out, relative)
            except OutputError:
                continue
            if target.is_file():
                target.unlink()
                report.removed.append(relative)
        write_atomic(out / MANIFEST, manifest_text(listed, plan.summaries))
    return report
