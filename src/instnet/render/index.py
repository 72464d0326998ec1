"""The site's index page: every network with its key scores, links to its diffs and exports, two charts, the typology."""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence

from markupsafe import Markup

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
    graphs: Mapping, tables, classes: Mapping, diffs: Sequence[tuple[str, str, str]], user: Sequence[str] = ()
) -> str:
    """Return the site's ``index.html``.

    Parameters
    ----------
    graphs : mapping
        Network id -> graph.
    tables : pandas.DataFrame
        The scores table (:func:`instnet.metrics.scores_table`), one row per network, in the order listed.
    classes : mapping
        Network id -> its classification (:func:`instnet.classify.classify`).
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
    any_class = classes[next(iter(classes))]
    models = [
        {
            "label": any_class[model].label,
            "text": text,
            "examples": [k for k in tables.index if model in classes[k].top],
        }
        for model, text in _TYPOLOGY.items()
    ]
    return render_template(
        "index.html",
        csp=content_security_policy(images=True, locked=False),
        styles=[stylesheet("index.css")],
        count=len(graphs),
        rows=[_row(key, graphs[key], tables.loc[key], classes[key], links.get(key, [])) for key in tables.index],
        exports=("graphml", "gexf", "json"),
        charts=[Markup(chart) for chart in charts],
        models=models,
        heatmap=heatmap_svg(graphs, frozenset(user)),
        user=frozenset(user),
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
        "best": ", ".join(c.top) if c.top else "none",
        "diffs": diffs,
    }


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
    return svg[svg.index("<svg") :]
