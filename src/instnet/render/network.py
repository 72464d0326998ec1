"""The network view: a network graph in, one self-contained HTML page out.

The page draws the network with vis-network 9.1.2, the copy that ships inside
the pyvis package, inlined into the page. pyvis's own ``Network`` object and
template are deliberately *not* used:

- its template loads Bootstrap from a CDN in every mode and inserts the
  heading, the ``<option>`` menus and (when any title contains ``href``) the
  tooltips as raw HTML, so data could run script;
- ``add_node``/``add_edge`` scan a list on every call (quadratic: seconds at
  5,000 nodes) and ``from_nx`` mutates the graph it is given;
- it leaves vis-network's physics on, so a large view never settles.

Instead this module builds the node and edge JSON itself, takes every
position from :mod:`instnet.layout` (a layered layout for hierarchies, a
seeded force-directed layout otherwise), switches physics off, and renders
the template ``network.html``, whose only scripts are vis-network and one
constant bootstrap script (``static/network.js``), both allowed by hash in a
Content-Security-Policy (see :mod:`instnet.render.page`). Data reach the page
in two ways only: as escaped HTML text (header, legend) and as JSON inside a
``<script type="application/json">`` block. Tooltips are plain strings, which
vis-network shows through ``innerText``. Nothing in the output depends on
time, randomness or dict order, so the same graph gives a byte-identical page.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import networkx as nx

from ..layout import curves, layout_positions
from ..layout.nodes import (
    SIZE_FLAT,
    SIZE_MAX,
    SIZE_MIN,
    label_room,
    node_label,
    sort_key,
)
from ..model import HORIZONTAL, NODE_KINDS, OTHER_AXIS, RELATIONS, VERTICAL
from .compact import compact_records, page_options, source_lines
from .labels import compact_labels, short_label
from .page import drawing_page, text
from .styles import (
    AXIS_STYLES,
    EXTERNAL_MARK,
    SEED_MARK,
    axis_of,
    kind_style,
    line_icon,
    relation_style,
    shape_icon,
    vocabulary_order,
)
from .tables import network_tables, table_data
from .tooltips import citation, edge_title, is_external, mark, mostly_external, node_title, number, years

__all__ = ["render_html", "short_label"]

_EXTERNAL_DASHES = [4, 3]
#: The outline of an external node (dashed, wider): the page writes it once, not on every such node.
_EXTERNAL_LOOK = {"shapeProperties": {"borderDashes": _EXTERNAL_DASHES}, "borderWidth": 2.5}


def _sizes_px(G, order, sizes) -> tuple[dict, dict]:
    """Map size values to radii (square-root scale); return radii and values."""
    if sizes is None:
        values = {n: float(G.in_degree(n) + G.out_degree(n)) if G.is_directed() else float(G.degree(n)) for n in order}
    else:
        values = {}
        for n in order:
            try:
                value = float(sizes.get(n, math.nan))
            except (TypeError, ValueError):
                value = math.nan
            values[n] = value
    finite = [v for v in values.values() if math.isfinite(v)]
    lo, hi = (min(finite), max(finite)) if finite else (0.0, 0.0)
    radii = {}
    for n in order:
        v = values[n]
        if not math.isfinite(v) or hi <= lo:
            radii[n] = SIZE_FLAT if hi <= lo else SIZE_MIN
        else:
            radii[n] = round(SIZE_MIN + (SIZE_MAX - SIZE_MIN) * math.sqrt((v - lo) / (hi - lo)), 1)
    return radii, values


def _kind(data) -> str:
    kind = data.get("kind")
    return kind if kind in NODE_KINDS else (kind or "other")


def _cite(G, data, record: dict, citations: dict) -> None:
    """Give ``record`` the key (``cite``) of its source line in ``citations``, which keeps each line once."""
    line = citation(G, data)
    if line:
        record["cite"] = citations.setdefault(line, len(citations))


def _nodes(G, order, index, positions, radii, values, size_name, flip, citations) -> list[dict]:
    """The node records of the page's JSON, in ``order``; their source lines go to ``citations``."""
    nodes = []
    size_title = size_name[:1].upper() + size_name[1:]
    compact = dict(zip(order, compact_labels([node_label(G, n) for n in order]), strict=True))
    for n in order:
        data = G.nodes[n]
        external = is_external(G, data)
        x, y = positions[n]
        sign = mark(G, data, flip)
        node = {
            "id": index[n],
            "key": text(n),
            "group": text(_kind(data)),
            "label": short_label(node_label(G, n)) + (" " + sign if sign else ""),
            "room": round(label_room(radii[n], node_label(G, n))),
            "title": node_title(G, n, data, size_title, values[n], cite=False),
            "size": radii[n],
            "x": x,
            "y": y,
        }
        if compact[n] != node_label(G, n):
            node["short"] = compact[n] + (" " + sign if sign else "")
        if external:
            node["shapeProperties"] = {"borderDashes": _EXTERNAL_DASHES}
            node["borderWidth"] = 2.5
            node["external"] = True
        _cite(G, data, node, citations)
        nodes.append(node)
    return nodes


def _edges(G, order, index, positions, radii, flip, citations, about) -> list[dict]:
    """The edge records of the page's JSON: by source, target and relation; curved where needed.

    A tooltip's second line says what its relation means: it is kept once per
    relation in ``about`` (and each source line once in ``citations``);
    ``static/network.js`` puts both back.
    """
    edge_list = sorted(G.edges(data=True), key=lambda e: (index[e[0]], index[e[1]], text(e[2].get("relation"))))
    labels = [node_label(G, n) for n in order]
    bent = curves(
        [positions[n] for n in order],
        [radii[n] for n in order],
        labels,
        [(index[u], index[v]) for u, v, _ in edge_list],
    )
    edges = []
    for i, (u, v, data) in enumerate(edge_list):
        rel = data.get("relation")
        edge = {
            "id": i,
            "from": index[u],
            "to": index[v],
            "rel": text(rel) if rel is not None else "?",
        }
        head, _, rest = edge_title(G, u, v, data, cite=False).partition("\n")
        line, _, rest = rest.partition("\n")
        about[edge["rel"]] = line
        edge["title"] = head + ("\n" + rest if rest else "")
        if i in bent:
            edge["curve"] = bent[i]
        if is_external(G, data):
            edge["ext"] = True
        sign = mark(G, data, flip)
        if sign:
            edge["mark"] = sign
        _cite(G, data, edge, citations)
        edges.append(edge)
    return edges


def view_records(G, order, index, positions, radii, values, size_name, flip) -> tuple[list[dict], list[dict]]:
    """The node and edge records of the view with their whole tooltips (what ``static/network.js`` shows).

    The page keeps each source line and each relation's meaning once and the
    browser joins them back; a figure or a pyvis network needs the joined text.
    """
    citations: dict[str, int] = {}
    about: dict[str, str] = {}
    nodes = _nodes(G, order, index, positions, radii, values, size_name, flip, citations)
    edges = _edges(G, order, index, positions, radii, flip, citations, about)
    lines = list(citations)
    for item in nodes + edges:
        if "cite" in item:
            item["title"] = item["title"] + "\n" + lines[item.pop("cite")]
    for e in edges:
        head, _, rest = e["title"].partition("\n")
        e["title"] = head + "\n" + about[e["rel"]] + ("\n" + rest if rest else "")
    return nodes, edges


def _groups(kinds) -> dict:
    """vis-network groups: one per kind, its shape and colours."""
    groups = {}
    for kind in kinds:
        shape, fill = kind_style(kind)
        colour = {
            "background": fill,
            "border": "#333333",
            "highlight": {"background": fill, "border": "#000000"},
            "hover": {"background": fill, "border": "#000000"},
        }
        groups[text(kind)] = {"shape": shape, "color": colour}
    return groups


def _relation_styles(relations) -> dict:
    """Line colour, dashes, head and width per relation, for the page's script."""
    styles = {}
    for rel_key in relations:
        color, head = relation_style(rel_key)
        _, dashes, _, width = AXIS_STYLES[axis_of(rel_key)]
        styles[rel_key] = {"color": color, "dashes": dashes, "head": head, "width": width}
    return styles


def _legend(kinds, relations, any_external, flip=False) -> dict:
    """What the legend lists: the kinds present, the relations present by axis, the external mark."""
    legend_kinds = []
    for kind in kinds:
        term = NODE_KINDS.get(kind)
        shape, fill = kind_style(kind)
        legend_kinds.append(
            {
                "key": kind,
                "label": term.label if term else f"Unknown kind \u201c{text(kind)}\u201d",
                "meaning": term.meaning if term else "Not one of instnet's node kinds.",
                "icon": shape_icon(shape, fill),
            }
        )
    axes = []
    for axis in (VERTICAL, HORIZONTAL, OTHER_AXIS):
        heading, _, dash, width = AXIS_STYLES[axis]
        items = []
        for rel_key in (r for r in relations if axis_of(r) == axis):
            rel = RELATIONS.get(rel_key)
            color, head = relation_style(rel_key)
            label = rel.label if rel else f"unknown relation \u201c{text(rel_key)}\u201d"
            if rel and rel.symmetric:
                label += " (no direction)"
            meaning = rel.meaning if rel else "Not one of instnet's relation types."
            items.append(
                {"key": rel_key, "label": label, "meaning": meaning, "icon": line_icon(color, dash, head, width)}
            )
        if items:
            axes.append({"heading": heading, "relations": items})
    external_icon = shape_icon("dot", "#ffffff", dashed=True) if any_external else None
    return {
        "kinds": legend_kinds,
        "axes": axes,
        "external_icon": external_icon,
        "mark": SEED_MARK if flip else EXTERNAL_MARK,
        "flip": flip,
    }


def _header(G, n_nodes, n_edges, scores) -> dict:
    """What the header shows: title, era and size, key scores, the summary."""
    graph = G.graph
    bits = [b for b in (text(graph.get("country")), text(graph.get("era"))) if b]
    span = years(graph.get("start"), graph.get("end"))
    if span and not text(graph.get("era")):
        bits.append(span)
    if graph.get("idealized") and not any("idealized" in b.lower() for b in bits):
        bits.append("idealized model")
    bits.append(f"{n_nodes} institution{'s' if n_nodes != 1 else ''}, {n_edges} tie{'s' if n_edges != 1 else ''}")
    return {
        "title": _title(G),
        "bits": bits,
        "scores": [(name, number(value)) for name, value in (scores or {}).items()],
        "summary": text(graph.get("summary")),
    }


def _title(G) -> str:
    return text(G.graph.get("title")) or text(G.graph.get("id")) or "Untitled network"


def _size_texts(sizes, size_label) -> tuple[str, str]:
    """What node size measures: for tooltips, and for the legend."""
    if size_label:
        return text(size_label), text(size_label)
    if sizes is None:
        return "degree (number of ties)", "degree, the number of ties (larger = more ties)"
    return "chosen measure", "chosen measure"


def render_html(
    G: nx.DiGraph,
    sizes: Mapping | None = None,
    scores: Mapping | None = None,
    size_label: str | None = None,
    *,
    layout: str = "auto",
    assets: str | None = None,
    lines: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Return one self-contained HTML page that draws ``G``.

    The page needs nothing beyond itself: vis-network's script and style are
    inlined, no URL is requested, and a Content-Security-Policy allows only
    the page's own two scripts (by hash) and inline styles. Node colour and
    shape follow the kind, edge colour, dashes and arrow head follow the
    relation type and its axis; items citing an external source get a dashed
    outline and a dagger. A header gives the title, era and ``scores``; a
    legend explains every colour, shape and line on the page; tooltips give
    description, relation, quote and citation as plain text. Positions are
    computed in Python (see :func:`layout_positions`) and physics is off, so
    the drawing is still and the page is byte-identical for the same data.

    Parameters
    ----------
    G : networkx.DiGraph
        A network as built by :func:`instnet.load.load_network` (node ``kind``,
        ``label``, ..., edge ``relation``, ...; graph ``title``, ``era``,
        ``references``). Missing attributes are tolerated.
    sizes : mapping, optional
        Node -> number used for node size (square-root scale between 10 and
        34 px). Default: total degree.
    scores : mapping, optional
        A few key graph scores (name -> number) shown in the header, in the
        order given.
    size_label : str, optional
        What ``sizes`` measures, for the legend and tooltips
        (e.g. ``"betweenness centrality"``). Default: ``"degree (number of
        ties)"`` when ``sizes`` is None, else ``"chosen measure"``.
    layout : {"auto", "hierarchical", "force"}
        Passed to :func:`layout_positions`.
    assets : str, optional
        For a page of a site: the relative URL of its ``assets/`` folder,
        whose vis-network the page links to (see
        :func:`instnet.render.page.drawing_page`).
    lines : mapping, optional
        With ``assets``: the site's line tables the page refers to (see
        :mod:`instnet.render.shared_lines`).

    Returns
    -------
    str
        The HTML page (write it as UTF-8).

    Raises
    ------
    RuntimeError
        If pyvis's bundled vis-network cannot be found.
    ValueError
        If ``layout`` is not one of the choices.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph(title="Example", era="2020s")
    >>> G.add_node("pm", label="Prime Minister", kind="head_of_government")
    >>> G.add_node("plan", label="Planning Ministry", kind="planning_agency")
    >>> G.add_edge("pm", "plan", relation="directs")
    >>> page = render_html(G)
    >>> page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    True
    >>> page == render_html(G)
    True
    """
    order = sorted(G.nodes, key=sort_key)
    index = {n: i for i, n in enumerate(order)}
    radii, values = _sizes_px(G, order, sizes)
    size_name, size_text = _size_texts(sizes, size_label)
    positions = layout_positions(G, radii, layout=layout)
    flip = mostly_external(G)
    citations: dict[str, int] = {}  # each source line once; static/network.js joins it back to the tooltips
    nodes = _nodes(G, order, index, positions, radii, values, size_name, flip, citations)
    about: dict[str, str] = {}  # relation -> the tooltip line saying what it means
    edges = _edges(G, order, index, positions, radii, flip, citations, about)
    kinds = vocabulary_order({_kind(G.nodes[n]): None for n in order}, NODE_KINDS)
    relations = vocabulary_order({e["rel"]: None for e in edges}, RELATIONS)
    payload: dict = {
        # an external node's dashed outline is written once (externalLook); static/network.js gives it back
        "nodes": [{k: v for k, v in n.items() if not (n.get("external") and k in _EXTERNAL_LOOK)} for n in nodes],
        "externalLook": _EXTERNAL_LOOK,
        "edges": edges,
        "citations": list(citations),
        "relationLines": about,
        "relationStyles": _relation_styles(relations),
        "externalMark": EXTERNAL_MARK,
        "options": page_options(len(order), kinds),  # static/network.js adds the options every page shares
    }
    any_external = any(n.get("external") for n in nodes) or any(e.get("ext") for e in edges)
    # the seed-layer toggle (static/layer.js), when the network has items of both kinds of source
    layer_toggle = any_external and not all(n.get("external") for n in nodes)
    # the year slider and the story (static/timeline.js, static/story.js)
    from .timeline import script_data, time_payload

    time = time_payload(G, order, edges, scores)
    if time:
        payload["time"] = script_data(time)
    from .find import find_filters, find_payload  # the find-and-filter panel (static/find.js, filter.js)

    payload["find"] = find_payload(G, order, nodes, edges)
    filters = find_filters(nodes, edges, kinds, relations)
    if filters:  # static/filter.js writes the fieldsets: [name, legend, noun, [[value, label, count], ...]]
        payload["find"]["filters"] = [
            [g["name"], g["legend"], g["noun"], [[o["value"], o["label"], o["count"]] for o in g["options"]]]
            for g in filters
        ]
    # the tooltips' first lines and labels equal to the names: static/network.js rebuilds them (see compact.py)
    payload.update(compact_records(payload["nodes"], edges, payload["find"]["names"]))
    alt = network_tables(G, order, index)
    # a source line whose citation the list of sources shows: static/network.js reads it from there
    payload["citations"], payload["citationPrefixes"] = source_lines(payload["citations"], alt["references"])
    rows = table_data(alt)  # the tables' rows, which static/tables.js writes
    if rows:
        payload["tables"] = rows
    return drawing_page(
        "network.html",
        "network.js",
        "network.css",
        payload,
        helpers=("names.js",),
        extra_scripts=("visibility.js",)
        + (("timeline.js", "story.js") if time else ())
        + (("layer.js",) if layer_toggle else ())
        + (("highlight.js", "find.js", "filter.js", "download.js") if order else ())  # download: figures, print
        + ("tables.js",),
        filters=bool(filters),
        time=time,
        alt=alt,
        layer_toggle=layer_toggle,
        assets=assets,
        lines=lines,
        empty=not order,
        size_text=size_text,
        network_id=str(G.graph.get("id") or "NETWORK"),  # the legend's command for a figure with every name
        **_header(G, len(order), len(edges), scores),
        **_legend(kinds, relations, any_external, flip),
    )
