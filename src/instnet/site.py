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

import html
import io
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


def _diff_name(a: str, b: str) -> str:
    return f"diffs/{a}--{b}.html"


def _svg_chart(frame, columns: dict[str, str], title: str) -> str:
    """A horizontal grouped bar chart as inline SVG (matplotlib, deterministic)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    plt.rcParams["svg.hashsalt"] = "instnet"
    plt.rcParams["svg.fonttype"] = "none"
    ids = list(frame.index)[::-1]
    fig, ax = plt.subplots(figsize=(7.5, 0.32 * len(ids) * len(columns) / 1.6 + 1.2))
    height = 0.8 / len(columns)
    colors = ["#1f5f99", "#d9822b", "#4a9c5d", "#8e5ea2"]
    for i, (column, label) in enumerate(columns.items()):
        values = [float(frame.loc[k, column]) if frame.loc[k, column] == frame.loc[k, column] else 0.0 for k in ids]
        positions = [y + (i - (len(columns) - 1) / 2) * height for y in range(len(ids))]
        ax.barh(positions, values, height=height, label=label, color=colors[i % len(colors)])
    ax.set_yticks(range(len(ids)), ids, fontsize=8)
    ax.set_xlim(0, 1)
    ax.set_title(title, fontsize=10, pad=22)
    ax.legend(fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(columns), frameon=False)
    ax.grid(axis="x", color="#ddd")
    ax.set_axisbelow(True)
    fig.tight_layout()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


_TYPOLOGY = {
    "technocrat-group": "An elite technocrat group under the president or prime minister, \u201cwith full planning authority given by top leader\u201d: \u201ca planning body above all ministries; the latter are implementing bodies\u201d. The slides name Korea's Economic Planning Board, Malaysia's Economic Planning Unit and Indonesia's BAPPENAS.",
    "councils": "National councils or committees (\u201calso called as \u2018Deliberation Councils\u2019\u201d): up to several, each for a single, temporary task, where \u201cministers and officials participate in policy making as members\u201d. Thailand's committees under PM Prem and Japan's deliberation councils are the slides' examples.",
    "super-ministry": "A super-ministry for industrial policy: \u201cone ministry with broad authority for industry\u201d that plans, works with businesses, negotiates and drafts laws; \u201cno charismatic leader is needed\u201d. Japan's MITI (late 1950s-70s) and Taiwan's MoEA/IDB.",
    "hub-institution": "A sector hub institution: \u201ca semi-official sector/issue organization set up by government plays policy coordinating role\u201d, a neutral non-profit that \u201corganizes and manages policy drafting\u201d. The Thailand Automotive Institute and its sister institutes (2001-2006).",
    "strong-leader": "A strong leader without institutionalization: the leader \u201cworks bilaterally with ministries, businesses, investors, donors, experts, etc. and integrates all policy actions without horizontal coordination\u201d, fast early on but risky for sustainability.",
    "fragmented": "Fragmented machinery, the slides' contrast with MITI: \u201cDepts. of Commerce, Defense, Energy, State, USTR, Congress, White House\u201d, with no body that pilots industrial policy.",
}

_STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
header{background:#1f3550;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:24px}
header p{margin:0;opacity:.85}main{padding:16px 28px;max-width:1250px}
section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:14px 18px;margin:0 0 18px}
h2{font-size:18px;margin:4px 0 10px}table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #e4e7eb;padding:5px 6px;text-align:left;vertical-align:top}
th{background:#eef1f5}td.num{text-align:right;font-variant-numeric:tabular-nums}
a{color:#1f5f99}.charts{display:flex;flex-wrap:wrap;gap:12px}.charts svg{max-width:100%;height:auto}
.muted{color:#5d6b7a;font-size:12px}dl dt{font-weight:600;margin-top:8px}dl dd{margin:2px 0 0 0}
"""


def _num(value) -> str:
    """A score with two decimals; ``n/a`` where it is undefined (NaN, e.g. no ties)."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return "n/a"
    return "n/a" if value != value else f"{value:.2f}"


def _index(graphs, tables, classes, pairs) -> str:
    e = html.escape
    links: dict[str, list[str]] = {}
    for a, b in pairs:
        links.setdefault(a, []).append(f'<a href="{e(_diff_name(a, b))}">vs {e(b)}</a>')
        links.setdefault(b, []).append(f'<a href="{e(_diff_name(a, b))}">vs {e(a)}</a>')
    rows = []
    for key in tables.index:
        G = graphs[key]
        t = tables.loc[key]
        c = classes[key]
        best = ", ".join(c.top) if c.top else "none"
        cells = [
            f'<td><a href="networks/{e(key)}.html">{e(key)}</a></td>',
            f"<td>{e(str(G.graph.get('title', '')))}</td>",
            f"<td>{e(str(G.graph.get('era', '')))}</td>",
            f'<td class="num">{int(t["nodes"])}</td><td class="num">{int(t["edges"])}</td>',
            *(f'<td class="num">{_num(t[k])}</td>' for k in ("centralization_degree", "centralization_betweenness_undirected", "hierarchy")),
            f"<td>{e(str(G.nodes[t['top_hub']].get('label', t['top_hub']))) + ' (' + _num(t['top_hub_share']) + ')' if t['top_hub'] in G else 'n/a (no ties)'}</td>",
            f"<td>{e(best)}</td>",
            f"<td>{' '.join(links.get(key, [])) or '&ndash;'}<br><span class=muted>"
            + " ".join(f'<a href="exports/{e(key)}.{x}">{x}</a>' for x in ("graphml", "gexf", "json"))
            + "</span></td>",
        ]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(
        f"<th>{h}</th>"
        for h in ("Network", "Title", "Era", "Nodes", "Ties", "Degree centr.", "Betweenness centr. (undir.)", "Hierarchy", "Top hub (share of ties)", "Classified model", "Diffs and exports")
    )
    countries = tables[[not graphs[k].graph.get("idealized") for k in tables.index]]
    charts = [
        _svg_chart(countries, {"centralization_degree": "degree", "centralization_betweenness_undirected": "betweenness (undirected)"}, "Freeman centralization (0 = spread out, 1 = star)"),
        _svg_chart(countries, {"hierarchy": "hierarchy", "vertical_share": "vertical share of ties"}, "Hierarchy (Krackhardt) and vertical ties"),
    ]
    typology = []
    for model, text in _TYPOLOGY.items():
        examples = [k for k in tables.index if model in classes[k].top]
        ex = ", ".join(f'<a href="networks/{e(k)}.html">{e(k)}</a>' for k in examples) or "none among these networks"
        typology.append(f"<dt>{e(classes[next(iter(classes))][model].label)}</dt><dd>{e(text)}<br><span class=muted>Classified here: {ex}</span></dd>")
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>instnet: who coordinates economic policy</title><style>{_STYLE}</style></head>
<body><header><h1>instnet: who coordinates economic policy</h1>
<p>{len(graphs)} networks of policy-coordination machinery, hand-coded from cited sources, measured and compared.</p></header>
<main>
<section><h2>Networks</h2><table><thead><tr>{head}</tr></thead><tbody>
{''.join(rows)}
</tbody></table>
<p class=muted>Centralization: Freeman's, normalized by the maximum for a graph of the same size (1 = a star). Hierarchy: Krackhardt (1994), share of reachable pairs not reachable both ways. Model: the highest structural score(s) of <code>instnet classify</code>.</p></section>
<section><h2>Centralization and hierarchy compared</h2><div class="charts">{''.join(charts)}</div></section>
<section><h2>The models of policy coordination</h2><p>From the GRIPS Development Forum slides &ldquo;Diverse Models of Policy Coordination and the Role of Economic Technocrats&rdquo; (seeds/grips-policy-coordination-slides.txt). &ldquo;These approaches are not mutually exclusive.&rdquo;</p><dl>{''.join(typology)}</dl></section>
</main></body></html>
"""


def plan_site(graphs: Mapping[str, nx.DiGraph], progress: Progress = _quiet) -> dict[str, bytes]:
    """Every file of the site, by path relative to the output folder."""
    from .classify import classify
    from .diff import diff
    from .render.diff_view import diff_html
    from .export import export_files
    from .metrics import graph_table, node_table, scores_table

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
    pairs = site_pairs(graphs, {k: c.best for k, c in classes.items()})
    for i, (a, b) in enumerate(pairs, 1):
        progress(f"[{i}/{len(pairs)}] diff {a} vs {b}")
        d = diff(graphs[a], graphs[b])
        files[_diff_name(a, b)] = diff_html(graphs[a], graphs[b], d).encode("utf-8")
    progress("index.html")
    tables = scores_table(graphs) if graphs else None
    if tables is not None:
        files["index.html"] = _index(graphs, tables, classes, pairs).encode("utf-8")
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
