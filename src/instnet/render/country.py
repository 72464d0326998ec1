"""The country page: every era of one country in order, drawn in one layout.

One layout is computed for the union of the eras
(:func:`instnet.layout.layout_positions`), so an institution (same id) sits
in the same place in every era's drawing. Each era after the first marks
what changed since the one before, as a diff by identity lists it
(:func:`instnet.diff.identity.identity_marks`): institutions
added, institutions removed (drawn faded at their old place) and shared
institutions whose ties were rewired. A small inline SVG chart shows the key
measures over time, with the classified model of each era as text.

The page is built like the diff view (:mod:`instnet.render.diff_view`):
data reach it as JSON through :func:`instnet.render.page.drawing_page`,
with a strict Content-Security-Policy and, in a site, the shared vis-network.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import networkx as nx
from markupsafe import Markup

from .labels import compact_labels
from .page import drawing_page, escape, text
from .styles import FONT, kind_style, relation_style, still_options

__all__ = [
    "MARKS",
    "TIE_MARKS",
    "country_html",
    "country_story_payload",
    "country_links",
    "era_drawings",
    "whole_node",
    "whole_edge",
    "measures_over_time",
    "site_countries",
]

#: Change marks of an era's institutions: (fill colour, meaning); shape still shows the kind.
MARKS = {
    "": ("#c9c9c9", "unchanged (first era: all)"),
    "added": ("#1b9e77", "added since the era before"),
    "removed": ("#d95f02", "removed (faded, at its old place)"),
    "rewired": ("#7570b3", "kept, its ties changed"),
}

#: Change marks of an era's ties: (line colour, dashed, meaning); the relation is in the tie's tooltip.
TIE_MARKS = {
    "": ("#9a9a9a", False, "unchanged"),
    "added": ("#1b9e77", False, "added"),
    "removed": ("#d95f02", True, "removed (dashed)"),
    "rewired": ("#7570b3", False, "same pair, another relation"),
}

#: The measures charted over time: key -> (label, line colour).
CHARTED = {
    "centralization_degree": ("Degree centralization", "#1f77b4"),
    "hierarchy": ("Hierarchy (Krackhardt)", "#d62728"),
    "leader_share": ("Top leader's share of ties", "#2ca02c"),
}


def _leader_share(G: nx.DiGraph) -> float:
    """Share of ties that touch an institution whose role is ``top_leader``."""
    leaders = {n for n, r in G.nodes(data="role") if r == "top_leader"}
    if not G.number_of_edges():
        return 0.0
    return sum(1 for u, v in G.edges if u in leaders or v in leaders) / G.number_of_edges()


def measures_over_time(eras: Sequence[nx.DiGraph], models: Sequence[Sequence[str]] | None = None) -> list[dict]:
    """Per era: its id, start year, charted measures and classified model(s).

    ``models``: each era's top models (:attr:`instnet.classify.Classification.top`), when already known (a site
    build has them in its summaries); otherwise each era is classified here.

    Examples
    --------
    >>> G = nx.DiGraph(id="x-1990", start=1990)
    >>> G.add_node("pm", role="top_leader")
    >>> G.add_edge("pm", "mof", relation="directs")
    >>> measures_over_time([G])[0]["leader_share"]
    1.0
    """
    from ..classify import classify
    from ..metrics import graph_table

    rows = []
    for i, G in enumerate(eras):
        table = graph_table(G, measures=["centralization_degree", "hierarchy"])
        row = {"id": str(G.graph.get("id", "")), "start": G.graph.get("start")}
        for key in ("centralization_degree", "hierarchy"):
            value = float(table[key])
            row[key] = None if math.isnan(value) else round(value, 4)
        row["leader_share"] = round(_leader_share(G), 4)
        row["model"] = ", ".join(classify(G).top if models is None else models[i]) or "none"
        rows.append(row)
    return rows


def _union(eras: Sequence[nx.DiGraph]) -> nx.DiGraph:
    U = nx.DiGraph()
    for G in eras:
        U.add_nodes_from(G.nodes(data=True))
        U.add_edges_from(G.edges(data=True))
    return U


def _label(n, attrs: Mapping) -> str:
    return str(attrs.get("label") or n)


def _node(n, attrs: dict, xy, mark: str | None, short: str) -> dict:
    """An era's institution as the page's JSON holds it; ``static/country.js`` makes the rest (:func:`whole_node`).

    ``short``: its compact name (:func:`~instnet.render.labels.compact_labels`), kept when it differs from the label.
    """
    node = {"id": str(n), "x": xy[0], "y": xy[1], "shape": kind_style(attrs.get("kind"))[0], "mark": mark or ""}
    label = _label(n, attrs)
    if label != node["id"]:
        node["label"] = label
    if short != label:
        node["short"] = short
    return node


def whole_node(node: Mapping) -> dict:
    """The vis-network record ``static/country.js`` makes of a node of :func:`era_drawings`: label, tooltip, look.

    The eras side by side draw each institution's compact name (an acronym, the first words: full names ran
    into each other at the panels' scale); the tooltip gives the full name, and so does the era a story shows
    alone across the page (``static/country.js`` swaps the labels).
    """
    fill, meaning = MARKS[node["mark"]]
    label = node.get("label", node["id"])
    whole = {
        **{k: v for k, v in node.items() if k not in ("label", "short")},
        "label": node.get("short", label),
        "title": f"{label} ({node['id']})" + (f"\n{meaning}" if node["mark"] else ""),
        "color": {"background": fill, "border": "#444444"},
        "borderWidth": 1,
    }
    if node["mark"] == "removed":
        whole.update(opacity=0.35, shapeProperties={"borderDashes": [5, 4]})
    return whole


def _pair(u, v) -> frozenset:
    return frozenset((str(u), str(v)))


def _edge(i: int, u, v, attrs: dict, mark: str, was: str | None = None) -> dict:
    """An era's tie as the page's JSON holds it; ``static/country.js`` makes the rest (:func:`whole_edge`)."""
    edge: dict = {"id": i, "from": str(u), "to": str(v), "mark": mark, "rel": str(attrs.get("relation", ""))}
    if was:
        edge["was"] = was
    if relation_style(attrs.get("relation"))[1]:
        edge["head"] = 1
    return edge


def whole_edge(edge: Mapping) -> dict:
    """The vis-network record ``static/country.js`` makes of an edge of :func:`era_drawings`: tooltip and look."""
    colour, _, meaning = TIE_MARKS[edge["mark"]]
    mark, was = edge["mark"], edge.get("was")
    title = f"{edge['from']} {edge['rel']} {edge['to']}" + (f"\ntie {meaning}" if mark else "")
    whole = {
        **{k: v for k, v in edge.items() if k not in ("rel", "was", "head")},
        "color": {"color": colour},
        "title": title + (f" (was: {was})" if was else ""),
    }
    if edge.get("head"):
        whole["arrows"] = {"to": {"enabled": True, "scaleFactor": 0.6}}
    if mark:
        whole["width"] = 3
    if mark == "removed":
        whole.update(dashes=[6, 5], color={"color": colour, "opacity": 0.5})
    return whole


def _era_edges(before: nx.DiGraph | None, G: nx.DiGraph) -> list[dict]:
    """The edges of ``G`` marked against the era before (none: all unchanged), then that era's removed ties."""
    if before is None:
        return [_edge(i, u, v, a, "") for i, (u, v, a) in enumerate(G.edges(data=True))]
    old = {_pair(u, v): str(a.get("relation", "")) for u, v, a in before.edges(data=True)}
    new = {_pair(u, v) for u, v in G.edges}
    edges: list[dict] = []
    for u, v, a in G.edges(data=True):
        was = old.get(_pair(u, v))
        mark = "added" if was is None else ("" if was == str(a.get("relation", "")) else "rewired")
        edges.append(_edge(len(edges), u, v, a, mark, was if mark == "rewired" else None))
    for u, v, a in before.edges(data=True):
        if _pair(u, v) not in new:
            edges.append(_edge(len(edges), u, v, a, "removed"))
    return edges


def era_drawings(eras: Sequence[nx.DiGraph]) -> list[dict]:
    """One drawing per era (nodes and edges for vis-network), every institution at its union-layout position.

    Institutions and ties carry a ``mark`` (:data:`MARKS`, :data:`TIE_MARKS`) against the era before:
    a tie is matched by its two institutions, so a tie whose relation changed is ``rewired``.
    Removed institutions and ties are drawn too, faded, at their old place.
    """
    from ..diff.identity import identity_marks
    from ..layout import layout_positions

    union = _union(eras)
    pos = layout_positions(union)
    # one compact name per name over all the eras (two that would read the same are lengthened)
    names = sorted({_label(n, a) for G in eras for n, a in G.nodes(data=True)})
    short = dict(zip(names, compact_labels(names), strict=True))
    drawings = []
    for i, G in enumerate(eras):
        marks: dict = {}
        ghosts: dict = {}
        if i:
            d = identity_marks(eras[i - 1], G)  # eras of one country: by id, even with none shared
            marks.update({n: "added" for n in d["added"]})
            marks.update({n: "rewired" for n in d["rewired"]})
            ghosts = {n: eras[i - 1].nodes[n] for n in d["removed"]}
        nodes = [_node(n, a, pos[n], marks.get(n), short[_label(n, a)]) for n, a in G.nodes(data=True)]
        nodes += [_node(n, a, pos[n], "removed", short[_label(n, a)]) for n, a in ghosts.items()]
        edges = _era_edges(eras[i - 1] if i else None, G)
        drawings.append({"id": str(G.graph.get("id", "")), "nodes": nodes, "edges": edges})
    return drawings


def _chart(rows: list[dict], width: int = 700, height: int = 200) -> Markup:
    """An inline SVG line chart of the charted measures (0 to 1) by era, models as labels under the axis."""
    left, right, top, bottom = 110, 90, 12, 62
    n = len(rows)
    xs = [left + (width - left - right) * (i / (n - 1) if n > 1 else 0.5) for i in range(n)]

    def y(v: float) -> float:
        return top + (height - top - bottom) * (1 - v)

    out = [
        f'<svg id="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">'
    ]
    out.append("<title>Key measures over time</title>")
    for t in (0, 0.5, 1):
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y(t):.1f}" y2="{y(t):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y(t) + 4:.1f}" text-anchor="end" font-size="11">{t:g}</text>')
    for key, (label, colour) in CHARTED.items():
        pts = [(x, r[key]) for x, r in zip(xs, rows, strict=True) if r[key] is not None]
        path = " ".join(f"{x:.1f},{y(v):.1f}" for x, v in pts)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2" data-measure="{key}"/>')
        for x, v in pts:
            out.append(
                f'<circle cx="{x:.1f}" cy="{y(v):.1f}" r="3.5" fill="{colour}"><title>{escape(label)}: {v:.3f}</title></circle>'
            )
    for x, r in zip(xs, rows, strict=True):
        out.append(
            f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="12" font-weight="bold">{escape(r["start"] or r["id"])}</text>'
        )
        out.append(
            f'<text x="{x:.1f}" y="{height - bottom + 32}" text-anchor="middle" font-size="11" class="model">{escape(r["model"])}</text>'
        )
    out.append("</svg>")
    return Markup("".join(out))


def country_story_payload(story: Mapping, eras: Sequence[nx.DiGraph], drawings: Sequence[Mapping]) -> dict:
    """What ``static/story.js`` reads of a country story: each step with its era's index, node and edge ids.

    ``story`` is :func:`instnet.country_story.parse_country_story`'s result; ``drawings`` are
    :func:`era_drawings` of ``eras``. A step's ties become the ids of its era's edges.
    """
    index = {str(G.graph.get("id", "")): i for i, G in enumerate(eras)}
    steps = []
    for step in story["steps"]:
        i = index[step["era"]]
        G, drawing = eras[i], drawings[i]
        edge_ids = {(e["from"], e["to"]): e["id"] for e in drawing["edges"] if e["mark"] != "removed"}
        refs = G.graph.get("references", {})
        steps.append(
            {
                "era": i,
                "era_label": f"{G.graph.get('start') or step['era']}",
                "title": text(step["title"]),
                "text": text(step["text"]),
                "year": step.get("year"),
                "nodes": [str(n) for n in step["nodes"]],
                "ties": [edge_ids[(u, v)] for u, v in step["ties"] if (u, v) in edge_ids],
                "sources": [[key, text(refs.get(key, {}).get("citation", ""))] for key in step["cite"]],
            }
        )
    return {"title": text(story["title"]), "summary": text(story.get("summary", "")), "steps": steps}


def country_html(
    country: str,
    eras: Sequence[nx.DiGraph],
    *,
    assets: str | None = None,
    story: Mapping | None = None,
    models: Sequence[Sequence[str]] | None = None,
) -> str:
    """Return the page of one country's eras (``eras`` in time order).

    Parameters
    ----------
    country : str
        The country's name, as in ``G.graph["country"]``.
    eras : sequence of networkx.DiGraph
        Its networks, ordered by ``G.graph["start"]``.
    assets : str, optional
        For a page of a site: the relative URL of its ``assets/`` folder.
    story : mapping, optional
        The page's story (:func:`instnet.country_story.parse_country_story`), shown as a step-through.
    models : sequence, optional
        Each era's top models, when already known (:func:`measures_over_time`).

    Returns
    -------
    str
        The page (write it as UTF-8); the same eras give the same bytes.
    """
    rows = measures_over_time(eras, models)
    options = {
        **still_options(),
        "interaction": {"hover": True, "tooltipDelay": 150, "keyboard": {"enabled": False}},
        "nodes": {
            "font": {"size": 38, "face": FONT, "strokeWidth": 5, "strokeColor": "#ffffff"},
            "size": 26,
            "widthConstraint": {"maximum": 340},
        },
        "edges": {"smooth": False, "width": 2},
    }
    drawings = era_drawings(eras)
    payload: dict = {
        "eras": drawings,
        "options": options,
        "marks": {k: list(v) for k, v in MARKS.items()},  # what static/country.js makes the records whole with
        "tieMarks": {k: list(v) for k, v in TIE_MARKS.items()},
    }
    time = {"dated": False, "story": country_story_payload(story, eras, drawings)} if story else None
    if time:
        payload["time"] = time
    legend = [{"key": k, "colour": c, "meaning": m} for k, (c, m) in MARKS.items()]
    tie_legend = [{"key": k, "colour": c, "dashed": d, "meaning": m} for k, (c, d, m) in TIE_MARKS.items()]
    titles = [
        {"id": r["id"], "start": r["start"], "title": str(G.graph.get("title", "")), "model": r["model"]}
        for r, G in zip(rows, eras, strict=True)
    ]
    return drawing_page(
        "country.html",
        "country.js",
        "country.css",
        payload,
        hash_styles=True,
        helpers=("names.js",),
        extra_scripts=("story.js",) if time else (),
        assets=assets,
        country=country,
        eras=titles,
        legend=legend,
        tie_legend=tie_legend,
        time=time,
        charted=[{"label": lab, "colour": c} for lab, c in CHARTED.values()],
        chart=_chart(rows),
    )


def site_countries(graphs: Mapping[str, nx.DiGraph]) -> dict[str, list[str]]:
    """Each country with more than one era: its page's file name stem -> its network ids ordered by start year."""
    import re

    groups: dict[str, list[str]] = {}
    for key, G in graphs.items():
        if not G.graph.get("idealized") and str(G.graph.get("country", "")).strip():
            groups.setdefault(str(G.graph["country"]).strip(), []).append(key)
    out = {}
    for country, ids in sorted(groups.items()):
        if len(ids) > 1:
            ids.sort(key=lambda k: (graphs[k].graph.get("start") or 0, k))
            out[re.sub(r"[^a-z0-9]+", "-", country.lower()).strip("-") or "country"] = ids
    return out


def country_links(graphs: Mapping[str, nx.DiGraph], countries: Mapping[str, list[str]]) -> list[tuple[str, str, str]]:
    """(country name, page path, era years) of each country page, for the index."""
    out = []
    for stem, ids in countries.items():
        name = str(graphs[ids[0]].graph.get("country", stem)).strip()
        years = ", ".join(str(graphs[k].graph.get("start") or k) for k in ids)
        out.append((name, f"countries/{stem}.html", years))
    return out
