"""The HTML diff view: two networks compared on one self-contained page.

Two eras of one country (a diff in ``identity`` mode) are drawn as the union
of both networks, each institution and tie coloured by whether it is common,
added (only in B), removed (only in A) or changed. Two other networks (``role``
mode) are drawn side by side on one canvas with aligned layouts: each
functional role has one slot, at the same place on both sides, so the eye
compares like with like. The summary sentences, the graph measures, the
composition by role and the distances of the diff are shown beside the
drawing.

The page is built like the network view (:mod:`instnet.render.network`):
the template ``diff.html`` extends the same base; no URL is requested; a
Content-Security-Policy allows only vis-network and ``static/diff.js`` (by
hash) and the page's two style sheets (by hash); data reach the page as
escaped HTML text and as JSON in a ``<script type="application/json">``
block; tooltips and canvas captions are plain text. The same networks give
byte-identical pages.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence

import networkx as nx
from markupsafe import Markup

from ..diff import Diff, diff, summary_sentences
from ..diff.values import frame_rows
from ..model import HORIZONTAL, OTHER_AXIS, VERTICAL
from .diff_drawing import (
    ROLE_ROWS,
    STATUS_COLOURS,
    _arrows,
    _node_colour,
    identity_drawing,
    kind_text,
    relation_text,
    role_drawing,
    role_slots,
    role_text,
)
from .page import drawing_page, text
from .styles import (
    AXIS_STYLES,
    FONT,
    axis_of,
    kind_style,
    line_icon,
    relation_style,
    shape_icon,
    still_options,
)
from .tables import diff_tie_rows

__all__ = ["ROLE_ROWS", "STATUS_COLOURS", "diff_html", "role_slots"]

_AXIS_TEXT = {
    VERTICAL: "vertical (authority): solid",
    HORIZONTAL: "horizontal (coordination): dashed",
    OTHER_AXIS: "other (money, stances, constraints): dotted",
}


def _number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return "n/a" if math.isnan(value) else f"{value:.3f}"
    return text(value)


# ---------------------------------------------------------------- page parts


def _legend(drawing: dict, d: Diff) -> dict:
    """What the legend lists: statuses and shapes (union), or kinds, relations and axes (side by side)."""
    if drawing["view"] == "union":
        statuses = []
        for st in drawing["statuses"]:
            colour, meaning = STATUS_COLOURS[st]
            meaning = (
                meaning.replace("A", d.a["id"], 1)
                if st == "removed"
                else meaning.replace("B", d.b["id"], 1)
                if st == "added"
                else meaning
            )
            statuses.append(
                {
                    "key": st,
                    "meaning": meaning,
                    "shape": shape_icon("dot", colour, st == "removed"),
                    "line": _line(colour, "6 4" if st == "removed" else "", 2.0, True),
                }
            )
        shapes: dict = {}
        for kind in drawing["kinds"]:
            shapes.setdefault(kind_style(kind)[0], []).append(kind)
        return {
            "statuses": statuses,
            "shapes": [
                {
                    "data_kind": " ".join(text(k) for k in kinds),
                    "icon": shape_icon(shape, "#ffffff"),
                    "names": "; ".join(kind_text(k) for k in kinds),
                }
                for shape, kinds in shapes.items()
            ],
        }
    kinds = [
        {"key": kind, "label": kind_text(kind), "icon": shape_icon(*kind_style(kind))} for kind in drawing["kinds"]
    ]
    relations = []
    for rel in drawing["relations"]:
        colour, head = relation_style(rel)
        relations.append(
            {
                "key": rel,
                "label": relation_text(rel),
                "icon": _line(colour, AXIS_STYLES[axis_of(rel)][2], 2.0, head is not None),
            }
        )
    axes = [
        {"label": _AXIS_TEXT[axis], "icon": _line("#555555", AXIS_STYLES[axis][2], 1.5, False)}
        for axis in (VERTICAL, HORIZONTAL, OTHER_AXIS)
    ]
    return {
        "shared": any(n.get("shared") for n in drawing["nodes"]),
        "kinds": kinds,
        "relations": relations,
        "axes": axes,
    }


def _line(colour: str, dash: str, width: float, head: bool) -> Markup:
    return line_icon(colour, dash, "arrow" if head else None, width, end=36)


def _measure_rows(d: Diff) -> tuple[list[list], tuple[str, str] | None]:
    """Rows of the graph measures table (label, A, B, B - A), and the top hubs of A and B."""
    from ..metrics import COLUMN_LABELS

    rows = []
    hub = None
    for name, r in zip(d.measures.index, frame_rows(d.measures), strict=False):
        change, va, vb = r["change"], r["a"], r["b"]
        if name == "top_hub":
            hub = (text(va) or "none", text(vb) or "none")
            continue
        if change is None or (isinstance(change, float) and math.isnan(change)):
            shown = ""
        else:
            shown = f"{change:+d}" if isinstance(change, int) else f"{change:+.3f}"
        label = {"ties": "Ties (as listed)", "edges": "Arcs (a symmetric tie counts 2)"}.get(name) or COLUMN_LABELS.get(
            name, name
        )
        if name.endswith("_share"):
            label += " (share of arcs)"
        rows.append([label, _number(va), _number(vb), shown])
    return rows, hub


def _panel(d: Diff, drawing: dict) -> dict:
    """What the panel beside the drawing shows: legend, summary, measures, roles, distances."""
    measures, hub = _measure_rows(d)
    roles = [
        [role_text(role), int(r["a_nodes"]), int(r["b_nodes"]), f"{r['a_tie_share']:.2f}", f"{r['b_tie_share']:.2f}"]
        for role, r in zip(d.roles.index, frame_rows(d.roles), strict=False)
    ]
    distances = [
        (x.name, "n/a" if x.value is None else f"{x.value:.3f}" + ("" if x.exact else " (upper bound)"), x.meaning)
        for x in d.distances
    ]
    return {
        "union": drawing["view"] == "union",
        "a": d.a["id"],
        "b": d.b["id"],
        "sentences": summary_sentences(d),
        "measures": measures,
        "hub": hub,
        "roles": roles,
        "distances": distances,
        "grain": _grain_panel(d),
        "level": d.level,
        **_legend(drawing, d),
    }


def _grain_panel(d: Diff) -> dict | None:
    """The grain table (institutions, roles, institutions per role, collective nodes) and its warning."""
    g = d.grain
    if not g:
        return None
    ga, gb = g["a"], g["b"]
    rows = [
        ["institutions", ga["nodes"], gb["nodes"]],
        ["roles", ga["roles"], gb["roles"]],
        ["institutions per role", _number(ga["per_role"]), _number(gb["per_role"])],
        ["collective nodes", ga["collective"], gb["collective"]],
        ["share collective", _number(ga["collective_share"]), _number(gb["collective_share"])],
    ]
    return {"rows": rows, "warning": g.get("warning", "")}


def _options() -> dict:
    """The vis-network options of every diff page: ``static/diff.js`` holds them (its ``OPTIONS``)."""
    return {
        **still_options(),
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "navigationButtons": False,
            "keyboard": {"enabled": False},
            "multiselect": False,
        },
        "nodes": {
            "font": {"size": 14, "face": FONT, "color": "#222222", "strokeWidth": 4, "strokeColor": "#ffffff"},
            "widthConstraint": {"maximum": 150},
        },
        "edges": {
            "smooth": False,
            "selectionWidth": 1.5,
            "hoverWidth": 0.8,
            "font": {
                "size": 10,
                "face": FONT,
                "color": "#555555",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "horizontal",
            },
        },
    }


def _choose_layout(d: Diff, layout: str) -> str:
    """``union`` or ``side``: check ``layout`` against the diff's mode, decide ``auto``."""
    if layout not in ("auto", "union", "side"):
        raise ValueError(f"layout must be 'auto', 'union' or 'side', not {layout!r}")
    if layout == "union" and d.mode != "identity":
        raise ValueError("a union drawing needs a diff in identity mode (networks of one country)")
    if layout == "auto":
        turnover = d.distance("node_jaccard")
        layout = (
            "union"
            if d.mode == "identity" and turnover is not None and turnover.value is not None and turnover.value <= 0.75
            else "side"
        )
    return layout


def _how(d: Diff, layout: str) -> str:
    if layout == "union":
        return "the same institutions matched by id: the union of both, coloured by change"
    if d.mode == "identity":
        return (
            "institutions matched by id, but few are shared: side by side, each role in the same place, "
            "shared institutions with a thick outline"
        )
    return "compared by functional role: side by side, each role in the same place"


_NODE_LOOK = ("color", "shape", "size", "borderWidth", "shapeProperties")
_EDGE_LOOK = ("color", "arrows", "dashes", "width")


def _short_look(look: dict) -> dict:
    """A look with its colours and arrow head short: a node's fill, a line's colour, a head's type (or None).

    ``static/diff.js`` writes them back whole (as ``diff_drawing`` does),
    when they have the form it knows; other values stay as they are.

    >>> _short_look({"color": {"color": "#111", "highlight": "#111", "hover": "#111"}, "dashes": False})
    {'color': '#111', 'dashes': False}
    """
    out = dict(look)
    colour = look.get("color")
    if isinstance(colour, dict):
        if "background" in colour and colour == _node_colour(colour["background"]):
            out["color"] = colour["background"]
        elif set(colour) == {"color", "highlight", "hover"} and len(set(colour.values())) == 1:
            out["color"] = colour["color"]
    arrows = look.get("arrows")
    if arrows and arrows == _arrows(arrows["to"]["type"] if arrows["to"]["enabled"] else None):
        out["arrows"] = arrows["to"]["type"] if arrows["to"]["enabled"] else None
    return out


def _looks(records: list[dict], keys: tuple[str, ...]) -> tuple[list[dict], list[dict]]:
    """The drawing's records with their look (the ``keys`` many share) written once: ``look`` indexes the looks.

    ``static/diff.js`` merges each record's look back into it, so vis-network
    receives the records as drawn; each look is short (:func:`_short_look`).
    """
    looks: dict[str, int] = {}
    table: list[dict] = []
    out = []
    for record in records:
        look = {key: record[key] for key in keys if key in record}
        digest = json.dumps(look, sort_keys=True)
        if digest not in looks:
            looks[digest] = len(table)
            table.append(_short_look(look))
        out.append({**{k: v for k, v in record.items() if k not in look}, "look": looks[digest]})
    return out, table


def _caption_records(captions: list[dict]) -> tuple[list[dict], list[dict]]:
    """The canvas captions with each font and colour written once (``look`` indexes the looks), whole coordinates as integers.

    ``static/diff.js`` draws each caption in its look; the numbers are the
    same to it.

    >>> _caption_records([{"text": "A", "x": -420.0, "y": 8.5, "font": "12px x", "color": "#777"}])
    ([{'text': 'A', 'x': -420, 'y': 8.5, 'look': 0}], [{'font': '12px x', 'color': '#777'}])
    """
    records, looks = _looks(captions, ("font", "color"))
    for r in records:
        for k in ("x", "y"):
            if isinstance(r[k], float) and r[k].is_integer():
                r[k] = int(r[k])
    return records, looks


def _compact_tips(nodes: list[dict], edges: list[dict]) -> list[str]:
    """Rewrite the records' tooltips as ``tip``: their lines, each line shared by several written once.

    A tooltip's first line, the institution's name or the tie's
    ``FROM \u2192 TO``, is left out when the record's label (its ends' labels)
    gives it back; otherwise the record is flagged ``whole``. Each later line
    used more than once (a network's id, a relation, a kind and role, ...) is
    an index into the returned list, the others stay text. A curve
    (``smooth``, always clockwise here) is written as its roundness
    (``curve``). ``static/diff.js`` rebuilds ``title`` and ``smooth``.

    Examples
    --------
    >>> nodes = [{"id": 0, "label": "PM", "title": "PM\\nx-1990"}, {"id": 1, "label": "MOF", "title": "MOF\\nx-1990"}]
    >>> edges = [{"id": 0, "from": 0, "to": 1, "title": "PM \u2192 MOF\\nrelation: directs\\nx-1990"}]
    >>> _compact_tips(nodes, edges), nodes[0], edges[0]
    (['x-1990'], {'id': 0, 'label': 'PM', 'tip': [0]}, {'id': 0, 'from': 0, 'to': 1, 'tip': ['relation: directs', 0]})
    """
    labels = {n["id"]: n["label"] for n in nodes}
    heads = [n["label"] for n in nodes] + [f"{labels[e['from']]} \u2192 {labels[e['to']]}" for e in edges]
    split = [r.pop("title").split("\n") for r in nodes + edges]
    counts = Counter(line for parts in split for line in parts[1:])
    shared: dict[str, int] = {}
    for record, head, parts in zip(nodes + edges, heads, split, strict=True):
        if parts[0] == head:
            parts = parts[1:]
        else:
            record["whole"] = True
        record["tip"] = [shared.setdefault(line, len(shared)) if counts[line] > 1 else line for line in parts]
        smooth = record.get("smooth")
        if smooth and smooth.get("enabled") and smooth.get("type") == "curvedCW" and set(smooth) == _SMOOTH_KEYS:
            record["curve"] = record.pop("smooth")["roundness"]
    return list(shared)


_SMOOTH_KEYS = {"enabled", "type", "roundness"}
_CHANGE_CELLS = ("change", "source", "relation", "target")  # a row of the table of ties added and removed


def diff_html(
    A: nx.DiGraph,
    B: nx.DiGraph,
    d: Diff | None = None,
    *,
    layout: str = "auto",
    assets: str | None = None,
    lines: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """Return one self-contained HTML page that shows the diff of A and B.

    Parameters
    ----------
    A, B : networkx.DiGraph
        The two networks, as given to :func:`instnet.diff.diff`.
    d : Diff, optional
        Their diff (computed with default options when omitted). Its mode
        picks the drawing: ``identity`` draws the union of A and B with each
        institution and tie coloured by status (see :data:`STATUS_COLOURS`);
        ``role`` draws A (left) and B (right) on one canvas, every
        institution in the slot of its role (see :func:`role_slots`).
    layout : {"auto", "union", "side"}
        ``union`` draws the union (identity mode only), ``side`` the two
        networks side by side. ``auto`` draws the union when the diff is in
        identity mode and at least a quarter of all institutions are shared
        (``node_jaccard <= 0.75``); with fewer, a union is mostly two
        disjoint drawings, so the networks are set side by side, shared
        institutions marked by a thick outline.
    assets : str, optional
        For a page of a site: the relative URL of its ``assets/`` folder
        (see :func:`instnet.render.page.drawing_page`).
    lines : mapping, optional
        With ``assets``: the site's line tables of A and B the page refers to
        (see :mod:`instnet.render.shared_lines`).

    Returns
    -------
    str
        The page (write it as UTF-8). It requests no URL; its
        Content-Security-Policy admits only its own scripts and styles.

    Raises
    ------
    RuntimeError
        If pyvis's copy of vis-network cannot be found.
    ValueError
        For an unknown ``layout``, or ``union`` for a diff in role mode.

    Examples
    --------
    >>> A = nx.DiGraph(id="x-1990", country="X", title="Before")
    >>> A.add_node("pm", label="PM", kind="head_of_government", role="top_leader")
    >>> B = A.copy()
    >>> B.graph.update(id="x-2000", title="After")
    >>> B.add_node("council", label="Council", kind="council", role="consensus_forum")
    >>> B.add_edge("pm", "council", relation="chairs")
    >>> page = diff_html(A, B)
    >>> page.startswith("<!DOCTYPE html>") and page == diff_html(A, B)
    True
    """
    if d is None:
        d = diff(A, B)
    layout = _choose_layout(d, layout)
    drawing = identity_drawing(A, B, d) if layout == "union" else role_drawing(A, B, d)
    nodes, node_looks = _looks(drawing["nodes"], _NODE_LOOK)
    edges, edge_looks = _looks(drawing["edges"], _EDGE_LOOK)
    tip_lines = _compact_tips(nodes, edges)
    captions, caption_looks = _caption_records(drawing["captions"])
    changes = diff_tie_rows(A, B, d.edges_added, d.edges_removed)
    payload: dict = {
        "nodes": nodes,
        "edges": edges,
        "tipLines": tip_lines,
        "looks": {"nodes": node_looks, "edges": edge_looks},
        "captions": captions,
        "captionLooks": caption_looks,
        "lines": drawing["lines"],
    }
    if changes:  # the table's rows, which static/diff.js writes: each text once in words, a row its indexes
        words: dict[str, int] = {}
        payload["changes"] = {
            "rows": [[words.setdefault(r[k], len(words)) for k in _CHANGE_CELLS] for r in changes],
            "words": list(words),
        }
    ida, idb = d.a["id"], d.b["id"]
    return drawing_page(
        "diff.html",
        "diff.js",
        "diff.css",
        payload,
        hash_styles=True,
        helpers=("names.js",),
        assets=assets,
        lines=lines,
        title=f"{ida} \u2192 {idb}",
        how=_how(d, layout),
        meta=f"A: {ida} \u2014 {d.a['title']} \u00b7 B: {idb} \u2014 {d.b['title']}",
        empty=not drawing["nodes"],
        changes=changes,
        **_panel(d, drawing),
    )
