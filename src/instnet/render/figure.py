"""Static figures for papers: a network, or a diff of two, as SVG, PNG or PDF on a journal page.

The figure draws what the HTML view draws, from the same functions: node
positions from :func:`instnet.layout.layout_positions` with the view's radii,
the node and tie records of :mod:`instnet.render.network` (labels shortened by
:func:`~instnet.render.network.short_label`, source marks, curves), the shapes
and colours of :mod:`instnet.render.styles`, the title and era line of the
view's header and the kinds and relations of its legend. A diff figure draws
the records of :mod:`instnet.render.diff_drawing` (the union coloured by
change, or two networks side by side in role slots) with the diff view's
legend. :mod:`instnet.render.figure_draw` sets them on the page.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

from ..diff import Diff, diff
from ..layout import layout_positions
from ..layout.nodes import sort_key
from ..model import NODE_KINDS, RELATIONS
from . import network as view
from .diff_drawing import STATUS_COLOURS, identity_drawing, kind_text, relation_text, role_drawing
from .figure_draw import FIGURE_FORMATS, WIDTH_CM, crowding, draw_scene
from .styles import AXIS_STYLES, axis_of, kind_style, relation_style, vocabulary_order

__all__ = ["FIGURE_FORMATS", "diff_figure", "render_figure"]


def _network_scene(G: nx.DiGraph, sizes, size_label, layout: str) -> dict:
    """The scene of a network's view: its records as the page's JSON holds them, resolved to drawing values."""
    order = sorted(G.nodes, key=sort_key)
    index = {n: i for i, n in enumerate(order)}
    radii, values = view._sizes_px(G, order, sizes)
    size_name, size_text = view._size_texts(sizes, size_label)
    positions = layout_positions(G, radii, layout=layout)
    flip = view.mostly_external(G)
    records, ties = view.view_records(G, order, index, positions, radii, values, size_name, flip)
    nodes = []
    for n in records:
        shape, fill = kind_style(n["group"] if n["group"] in NODE_KINDS else G.nodes[order[n["id"]]].get("kind"))
        nodes.append(
            {
                "id": n["id"],
                "x": n["x"],
                "y": n["y"],
                "size": n["size"],
                "shape": shape,
                "fill": fill,
                "dashed": bool(n.get("external")),
                "border_width": n.get("borderWidth", 1.5),
                "label": n["label"],
                "short": n.get("short"),  # the view's compact name, set where the whole one has no room
            }
        )
    edges = []
    for e in ties:
        color, head = relation_style(e["rel"])
        _, dashes, _, width = AXIS_STYLES[axis_of(e["rel"])]
        edges.append(
            {
                "from": e["from"],
                "to": e["to"],
                "color": color,
                "dashes": dashes,
                "width": width,
                "head": head,
                "curve": e.get("curve"),
                "label": e.get("mark", ""),
            }
        )
    kinds = vocabulary_order({view._kind(G.nodes[n]): None for n in order}, NODE_KINDS)
    relations = vocabulary_order({e["rel"]: None for e in ties}, RELATIONS)
    any_external = any(n.get("external") for n in records) or any(e.get("ext") for e in ties)
    legend = view._legend(kinds, relations, any_external, flip)
    header = view._header(G, len(order), len(ties), None)
    return {
        "title": header["title"],
        "subtitle": " \u00b7 ".join(header["bits"]),
        "nodes": nodes,
        "edges": edges,
        "legend": _network_legend(legend),
        "notes": [f"Size of a shape: {size_text}.", *_source_note(legend)],
    }


def _network_legend(legend: dict) -> list[dict]:
    """The view's legend as figure sections: kinds (shape and colour), then the relations of each axis."""
    sections = [
        {
            "heading": "Institutions (colour and shape = kind)",
            "items": [{"icon": ("shape", *kind_style(k["key"]), False), "text": k["label"]} for k in legend["kinds"]],
        }
    ]
    for axis in legend["axes"]:
        items = []
        for rel in axis["relations"]:
            color, head = relation_style(rel["key"])
            _, dashes, _, width = AXIS_STYLES[axis_of(rel["key"])]
            items.append({"icon": ("line", color, dashes, head, width), "text": rel["label"]})
        sections.append({"heading": axis["heading"], "items": items})
    if not sections[0]["items"]:
        sections = []
    return sections


def _source_note(legend: dict) -> list[str]:
    if not legend["external_icon"]:
        return []
    if legend["flip"]:
        return [
            "Dashed outline: cites an external source, not one of the bundled source documents (most items here do). "
            f"{legend['mark']} after a name or on a tie: cites one of the bundled source documents."
        ]
    return [
        f"Dashed outline and {legend['mark']} after a name, or {legend['mark']} on a tie: "
        "cites an external source, not one of the bundled source documents."
    ]


def render_figure(
    G: nx.DiGraph,
    fmt: str = "svg",
    sizes: Mapping | None = None,
    scores: Mapping | None = None,
    size_label: str | None = None,
    *,
    layout: str = "auto",
    width_cm: float = WIDTH_CM,
    dpi: int = 300,
) -> bytes:
    """A static figure of ``G`` for a paper: the view's drawing, title, era and legend on a journal page.

    The page is ``width_cm`` wide (17 cm: a journal's text block) and at most
    23 cm tall. Positions, radii, shapes, colours, ties (colour and dashes per
    relation, arrow heads, curves) and labels (shortened and wrapped) are
    those of :func:`instnet.render.render_html`'s view. Labels stay at 6 pt
    and legend text at 6.5 pt: to fit a large network on the page the
    figure's *content* (distances, shapes, lines) is scaled down, never the
    type. SVG text is ``<text>`` (``svg.fonttype = 'none'``), PDF text is
    embedded TrueType (selectable); the same graph gives the same bytes.

    Parameters
    ----------
    G : networkx.DiGraph
        A network as :func:`instnet.load.load_network` builds it.
    fmt : {"svg", "png", "pdf"}
    sizes, scores, size_label
        As for :func:`instnet.render.render_html` (``scores`` are not drawn).
    layout : {"auto", "hierarchical", "force"}
    width_cm : float
        Page width in centimetres.
    dpi : int
        PNG resolution: the PNG is ``round(width_cm / 2.54 * dpi)`` pixels wide.

    Returns
    -------
    bytes
        The file's content.

    Raises
    ------
    ValueError
        For an unknown ``fmt`` or ``layout``.

    Examples
    --------
    >>> G = nx.DiGraph(title="Example", era="2020s")
    >>> G.add_node("pm", label="Prime Minister", kind="head_of_government")
    >>> G.add_node("plan", label="Planning Ministry", kind="planning_agency")
    >>> G.add_edge("pm", "plan", relation="directs")
    >>> svg = render_figure(G, "svg")
    >>> b"<text" in svg and b"Prime Minister" in svg and svg == render_figure(G, "svg")
    True
    """
    del scores  # the figure's header is the title and era line; scores belong to the text
    scene = _network_scene(G, sizes, size_label, layout)
    return draw_scene(scene, fmt, width_cm=width_cm, dpi=dpi)


def _font(spec: str) -> dict:
    """A canvas caption's font (``"bold 22px ..."``) as figure text: size in points (at least 6), weight, style."""
    words = spec.split()
    px = next((float(w[:-2]) for w in words if w.endswith("px") and w[:-2].replace(".", "").isdigit()), 14.0)
    return {
        "size": max(6.0, round(px * 0.42, 1)),
        "weight": "bold" if "bold" in words else "normal",
        "style": "italic" if "italic" in words else "normal",
    }


def _record_scene(drawing: dict) -> tuple[list[dict], list[dict], list[dict]]:
    """The nodes, ties and captions of a diff drawing's vis-network records, as figure values."""
    from .labels import compact_labels

    # compact names distinct over the whole figure (a view makes each side's distinct: its tooltips tell them apart),
    # since the figure's key gives each one back in whole
    names = sorted({n["label"] for n in drawing["nodes"]})
    short = dict(zip(names, compact_labels(names), strict=True))
    nodes = [
        {
            "id": n["id"],
            "x": n["x"],
            "y": n["y"],
            "size": n["size"],
            "shape": n["shape"],
            "fill": n["color"]["background"],
            "border": n["color"]["border"],
            "border_width": n.get("borderWidth", 1.5),
            "dashed": bool(n.get("shapeProperties", {}).get("borderDashes")),
            "label": n["label"],
            "short": short[n["label"]],  # set instead where the whole name has no room
        }
        for n in drawing["nodes"]
    ]
    edges = []
    for e in drawing["edges"]:
        arrow = e["arrows"]["to"]
        smooth = e.get("smooth")
        edges.append(
            {
                "from": e["from"],
                "to": e["to"],
                "color": e["color"]["color"],
                "dashes": e["dashes"],
                "width": e["width"],
                "head": arrow["type"] if arrow["enabled"] else None,
                "curve": (smooth["type"], smooth["roundness"]) if smooth else None,
                "label": e.get("label", ""),
            }
        )
    # a side's title (the plain caption under its id) is in the figure's subtitle: on paper it would run into the id
    captions = [
        {"text": c["text"], "x": c["x"], "y": c["y"], "color": c["color"], **_font(c["font"])}
        | ({"room": c["room"]} if "room" in c else {})
        for c in drawing["captions"]
        if "room" in c or "bold" in c["font"].split()
    ]
    return nodes, edges, captions


def _diff_legend(drawing: dict, d: Diff) -> tuple[list[dict], list[str]]:
    """The diff view's legend as figure sections and notes: change colours and shapes, or kinds, relations, axes."""
    from .diff_view import _AXIS_TEXT, _legend

    legend = _legend(drawing, d)
    if drawing["view"] == "union":
        statuses = [(st["key"], STATUS_COLOURS[st["key"]][0], st["meaning"]) for st in legend["statuses"]]
        shapes: dict[str, list[str]] = {}
        for kind in drawing["kinds"]:
            shapes.setdefault(kind_style(kind)[0], []).append(kind_text(kind))
        sections = [
            {
                "heading": f"Colour: where an institution is (A = {d.a['id']}, B = {d.b['id']})",
                "items": [{"icon": ("shape", "dot", c, k == "removed"), "text": f"{k}: {m}"} for k, c, m in statuses],
            },
            {
                "heading": "Colour: where a tie is",
                "items": [
                    {"icon": ("line", c, [6, 4] if k == "removed" else False, "arrow", 2.0), "text": f"{k}: {m}"}
                    for k, c, m in statuses
                ],
            },
            {
                "heading": "Shape: kind of institution",
                "items": [{"icon": ("shape", s, "#ffffff", False), "text": "; ".join(n)} for s, n in shapes.items()],
            },
        ]
        notes = [
            "Removed institutions have a dashed outline and removed ties a dashed line. "
            "A tie whose relation changed is labelled old \u2192 new."
        ]
        return sections, notes
    relations = []
    for rel in drawing["relations"]:
        colour, head = relation_style(rel)
        relations.append(
            {"icon": ("line", colour, AXIS_STYLES[axis_of(rel)][1], head, 2.0), "text": relation_text(rel)}
        )
    sections = [
        {
            "heading": "Institutions (shape and colour = kind)",
            "items": [{"icon": ("shape", *kind_style(k), False), "text": kind_text(k)} for k in drawing["kinds"]],
        },
        {"heading": "Ties (colour = relation, line = axis)", "items": relations},
        {
            "heading": "Axes",
            "items": [
                {"icon": ("line", "#555555", AXIS_STYLES[axis][1], None, 1.5), "text": label}
                for axis, label in _AXIS_TEXT.items()
            ],
        },
    ]
    notes = [
        f"{d.a['id']} on the left, {d.b['id']} on the right. Each functional role has one place, the same on both "
        "sides, named in grey above it; \u201c(none)\u201d marks a role the network lacks."
    ]
    if legend["shared"]:
        notes.append("Thick outline: the institution is in both networks (same id).")
    return sections, notes


def diff_figure(
    A: nx.DiGraph,
    B: nx.DiGraph,
    d: Diff | None = None,
    fmt: str = "svg",
    *,
    layout: str = "auto",
    width_cm: float = WIDTH_CM,
    dpi: int = 300,
) -> bytes:
    """A static figure of the diff of A and B: the diff view's drawing and legend on a journal page.

    The drawing is the one :func:`instnet.render.diff_view.diff_html` shows
    (the union of two eras coloured added / removed / changed / common, or
    the two networks side by side in role slots), with the same positions,
    colours and legend, set on the page as :func:`render_figure` sets a
    network: 6 pt labels, the content scaled to fit. A name with no room is
    drawn short (its acronym, or cut with an ellipsis) and given whole in the
    key below; where more than a tenth of the labels (``CROWDED_SHARE``) would
    still run into others, the crowded names are drawn as numbers instead
    (acronyms stay), numbered 1, 2, ... in alphabetical order in the key.

    Parameters
    ----------
    A, B : networkx.DiGraph
    d : Diff, optional
        Their diff (computed with default options when omitted).
    fmt : {"svg", "png", "pdf"}
    layout : {"auto", "union", "side"}
        As for :func:`instnet.render.diff_view.diff_html`.
    width_cm, dpi
        As for :func:`render_figure`.

    Returns
    -------
    bytes

    Raises
    ------
    ValueError
        For an unknown ``fmt`` or ``layout``, or ``union`` for a diff in role mode.

    Examples
    --------
    >>> A = nx.DiGraph(id="x-1990", country="X", title="Before")
    >>> A.add_node("pm", label="PM", kind="head_of_government", role="top_leader")
    >>> B = A.copy()
    >>> B.graph.update(id="x-2000", title="After")
    >>> B.add_node("council", label="Council", kind="council", role="consensus_forum")
    >>> B.add_edge("pm", "council", relation="chairs")
    >>> b"Council" in diff_figure(A, B, fmt="svg")
    True
    """
    from .diff_view import _choose_layout, _how

    if d is None:
        d = diff(A, B)
    layout = _choose_layout(d, layout)
    drawing = identity_drawing(A, B, d) if layout == "union" else role_drawing(A, B, d)
    nodes, edges, captions = _record_scene(drawing)
    legend, notes = _diff_legend(drawing, d)
    scene = {
        "title": f"Diff: {d.a['id']} \u2192 {d.b['id']}",
        "subtitle": f"A: {d.a['id']} \u2014 {d.a['title']} \u00b7 B: {d.b['id']} \u2014 {d.b['title']} ({_how(d, layout)})",
        "nodes": nodes,
        "edges": edges,
        "captions": captions,
        "lines": drawing["lines"],
        "legend": legend,
        "notes": notes,
    }
    return draw_scene(_numbered_where_crowded(scene, width_cm), fmt, width_cm=width_cm, dpi=dpi)


#: A figure whose labels still run into each other in more than this share of its institutions, with crowded
#: names shortened, numbers its crowded names instead (acronyms stay), the key giving each number's name.
CROWDED_SHARE = 0.1


def _acronym(short: str) -> bool:
    """Whether a compact name is an acronym (MITI, NESDB), which stays where crowded names become numbers."""
    return "\u2026" not in short and " " not in short and len(short) <= 6


def _numbered_where_crowded(scene: dict, width_cm: float) -> dict:
    """The scene, or, where shortened names still crowd each other, the scene with crowded names as numbers.

    Two rounds: every name that is not an acronym may become a number; the names the drawing then sets short
    are numbered 1, 2, ... in alphabetical order (so the key's numbers run on) and the drawing is set again.
    The numbered scene is taken when fewer of its labels run into others.
    """
    crowded, _ = crowding(scene, width_cm=width_cm)
    if crowded <= max(2, CROWDED_SHARE * len(scene["nodes"])):
        return scene
    compact = {n["label"]: n["short"] for n in scene["nodes"]}

    def numbers(names: set[str]) -> dict:
        number = {name: str(i) for i, name in enumerate(sorted(names), 1)}
        nodes = [{**n, "short": number.get(n["label"], n["short"])} for n in scene["nodes"]]
        return {**scene, "nodes": nodes}

    _, short = crowding(numbers({name for name, c in compact.items() if not _acronym(c)}), width_cm=width_cm)
    numbered = numbers({name for name in short if not _acronym(compact[name])})
    return numbered if crowding(numbered, width_cm=width_cm)[0] < crowded else scene
