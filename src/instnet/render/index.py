"""The site's index page: every network with its key scores, links to its diffs and exports, two charts, the typology."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence

from markupsafe import Markup

from ..classify.scoring import MODELS
from .country import country_links, site_countries
from .heatmap import heatmap_svg
from .page import content_security_policy, render_template, stylesheet

__all__ = ["index_html"]

_TYPOLOGY = {
    "technocrat-group": "An elite technocrat group under the president or prime minister, \u201cwith full planning authority given by top leader\u201d: \u201ca planning body above all ministries; the latter are implementing bodies\u201d. The slides name Korea's Economic Planning Board, Malaysia's Economic Planning Unit and Indonesia's BAPPENAS.",
    "councils": "National councils or committees (\u201calso called as \u2018Deliberation Councils\u2019\u201d): up to several, each for a single, temporary task, where \u201cministers and officials participate in policy making as members\u201d. Thailand's committees under PM Prem and Japan's deliberation councils are the slides' examples.",
    "super-ministry": "A super-ministry for industrial policy: \u201cone ministry with broad authority for industry\u201d that plans, works with businesses, negotiates and drafts laws; \u201cno charismatic leader is needed\u201d. Japan's MITI (late 1950s-70s) and Taiwan's MoEA/IDB.",
    "hub-institution": "A sector hub institution: \u201ca semi-official sector/issue organization set up by government plays policy coordinating role\u201d, a neutral non-profit that \u201corganizes and manages policy drafting\u201d. The Thailand Automotive Institute and its sister institutes (2001-2006).",
    "strong-leader": "A strong leader without institutionalization: the leader \u201cworks bilaterally with ministries, businesses, investors, donors, experts, etc. and integrates all policy actions without horizontal coordination\u201d, fast early on but risky for sustainability.",
    "fragmented": "Fragmented machinery, the slides' contrast with MITI: \u201cDepts. of Commerce, Defense, Energy, State, USTR, Congress, White House\u201d, with no body that pilots industrial policy.",
}


def _num(value) -> str:
    """A score with two decimals; ``n/a`` where it is undefined (NaN, e.g. no ties)."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return "n/a"
    return "n/a" if math.isnan(value) else f"{value:.2f}"


def index_html(
    graphs: Mapping, tables, verdicts: Mapping, diffs: Sequence[tuple[str, str, str]], user: Sequence[str] = ()
) -> str:
    """Return the site's ``index.html``.

    Parameters
    ----------
    graphs : mapping
        Network id -> graph.
    tables : pandas.DataFrame
        The scores table (:func:`instnet.metrics.scores_table`), one row per network, in the order listed.
    verdicts : mapping
        Network id -> its :class:`instnet.summary.NetworkSummary` (top models, and its seed layer's).
    diffs : sequence of (str, str, str)
        ``(a, b, path)`` of every diff page, the path relative to the index.
    user : sequence of str
        Ids of the user's networks (not bundled), marked in the table and the heatmap.

    Returns
    -------
    str
        The page (write it as UTF-8). It runs no script and loads nothing but
        its own style and inline images.
    """
    links: dict[str, list[tuple[str, str]]] = {}
    for a, b, path in diffs:
        links.setdefault(a, []).append((path, b))
        links.setdefault(b, []).append((path, a))
    countries = tables[[not graphs[k].graph.get("idealized") for k in tables.index]]
    charts = [
        _svg_chart(
            countries,
            {"centralization_degree": "degree", "centralization_betweenness_undirected": "betweenness (undirected)"},
            "Freeman centralization (0 = spread out, 1 = star)",
        ),
        _svg_chart(
            countries,
            {"hierarchy": "hierarchy", "vertical_share": "vertical share of ties"},
            "Hierarchy (Krackhardt) and vertical ties",
        ),
    ]
    models = [
        {"label": MODELS[model], "text": text, "examples": [k for k in tables.index if model in verdicts[k].top]}
        for model, text in _TYPOLOGY.items()
    ]
    return render_template(
        "index.html",
        csp=content_security_policy(images=True, locked=False),
        styles=[stylesheet("index.css")],
        count=len(graphs),
        rows=[_row(key, graphs[key], tables.loc[key], verdicts[key], links.get(key, [])) for key in tables.index],
        exports=("zip",),  # the network's GraphML, GEXF, node-link JSON and metric CSVs (site.network_files)
        charts=[Markup(chart) for chart in charts],
        models=models,
        heatmap=heatmap_svg(graphs, frozenset(user)),
        user=frozenset(user),
        countries=country_links(graphs, site_countries(graphs)),
    )


def _row(key: str, G, t, c, diffs: list) -> dict:
    """One network's row of the index table."""
    hub = t["top_hub"]
    return {
        "key": key,
        "title": str(G.graph.get("title", "")),
        "era": str(G.graph.get("era", "")),
        "nodes": int(t["nodes"]),
        "edges": int(t["ties"]),
        "scores": [_num(t[k]) for k in ("centralization_degree", "centralization_betweenness_undirected", "hierarchy")],
        "hub": str(G.nodes[hub].get("label", hub)) + " (" + _num(t["top_hub_share"]) + ")"
        if hub in G
        else "n/a (no ties)",
        "best": _verdict(G, c),
        "diffs": diffs,
    }


def _verdict(G, c) -> str:
    """The classified model; for a country, also its seed layer's when that differs (the grown record moved it)."""
    best = ", ".join(c.top) if c.top else "none"
    if G.graph.get("idealized") or c.seed_top is None:
        return best
    seed_best = ", ".join(c.seed_top) if c.seed_top else "none"
    return best if seed_best == best else f"{best} (seed layer: {seed_best})"


def _svg_chart(frame, columns: dict[str, str], title: str) -> str:
    """A horizontal grouped bar chart (values 0 to 1) as inline SVG, written directly.

    Drawn without matplotlib: importing it and laying out two figures cost
    more than the rest of a build of the bundled site; the chart needs only
    rectangles, a grid and text. The same frame gives the same bytes.
    """
    ids = list(frame.index)
    colors = ["#1f5f99", "#d9822b", "#4a9c5d", "#8e5ea2"]
    left, right, top, bar, gap = 190, 24, 64, 9, 8
    width = 720
    row = bar * len(columns) + gap
    plot = width - left - right
    height = top + row * len(ids) + 34
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{html.escape(title)}" font-family="sans-serif">',
        f'<text x="{left + plot / 2:g}" y="18" font-size="14" text-anchor="middle">{html.escape(title)}</text>',
    ]
    x = left
    for i, label in enumerate(columns.values()):
        out.append(f'<rect x="{x}" y="30" width="12" height="12" fill="{colors[i % len(colors)]}"/>')
        out.append(f'<text x="{x + 17}" y="40" font-size="12">{html.escape(label)}</text>')
        x += 30 + 7 * len(label)
    bottom = top + row * len(ids)
    for tick in range(6):
        tx = left + plot * tick / 5
        out.append(f'<line x1="{tx:g}" y1="{top - 4}" x2="{tx:g}" y2="{bottom}" stroke="#ddd"/>')
        out.append(f'<text x="{tx:g}" y="{bottom + 16}" font-size="11" text-anchor="middle">{tick / 5:.1f}</text>')
    for r, key in enumerate(ids):
        y0 = top + r * row
        out.append(
            f'<text x="{left - 6}" y="{y0 + row / 2 + 1:g}" font-size="11" text-anchor="end" '
            f'dominant-baseline="middle">{html.escape(str(key))}</text>'
        )
        for i, column in enumerate(columns):
            raw = frame.loc[key, column]
            value = min(max(float(raw), 0.0), 1.0) if raw == raw else 0.0
            out.append(
                f'<rect x="{left}" y="{y0 + i * bar}" width="{plot * value:.1f}" height="{bar - 1}" '
                f'fill="{colors[i % len(colors)]}"><title>{html.escape(f"{key}: {_num(raw)}")}</title></rect>'
            )
    out.append(f'<line x1="{left}" y1="{top - 4}" x2="{left}" y2="{bottom}" stroke="#444"/>')
    out.append("</svg>")
    return "\n".join(out)
