"""A scene (nodes, ties, captions, legend) drawn with matplotlib on a journal page, as SVG, PNG or PDF bytes.

A *scene* is the drawing of a view reduced to plain values: nodes with their
position (the view's pixels, y downwards), radius, shape, fill and outline;
ties with their ends, colour, dashes, width, head and curve (vis-network's
``curvedCW``/``curvedCCW`` with a roundness); canvas captions and lines; a
title, a subtitle and a legend (headed sections of icons and texts). Scenes are
made by :mod:`instnet.render.figure` from the same records the HTML views
draw. This module only draws: the page is ``width_cm`` wide and at most
``MAX_HEIGHT_CM`` tall; text keeps its size in points (labels ``LABEL_PT``,
never below 6 pt) and the drawing's *content* (positions, shapes, lines) is
scaled down until it fits, so a large network gives a denser drawing, not
smaller type. The matplotlib backends are called directly (Agg, SVG, PDF;
no pyplot); SVG text stays text, PDF text is embedded TrueType (selectable),
and no date or random id is written, so the same scene gives the same bytes.
"""

from __future__ import annotations

import io
import json
import re
import textwrap
import warnings
from functools import cache
from typing import Any, NamedTuple

import numpy as np

from ..layout.curves import _via
from ..layout.nodes import LABEL_MAX_WIDTH
from .figure_labels import _overlap, frame_of, place_labels, wrap_variants
from .styles import SHAPE_SVG

__all__ = ["FIGURE_FORMATS", "LABEL_PT", "MAX_HEIGHT_CM", "WIDTH_CM", "crowding", "draw_scene", "label_lines"]

FIGURE_FORMATS = ("svg", "png", "pdf")
WIDTH_CM, MAX_HEIGHT_CM = 17.0, 23.0  # a journal page's text block
LABEL_PT, LEGEND_PT, TITLE_PT, SUB_PT = 6.0, 6.5, 9.5, 7.0
MARGIN_PT = 8.0
_GRAPH_GAP = 4.0  # pt between the drawing and the legend
_FONT = "DejaVu Sans"  # matplotlib's own font: the same metrics (and bytes) on every machine
_WRAP_EM = LABEL_MAX_WIDTH / 14.0  # the view wraps a 14 px label at 150 px: the same width in ems
_DASH_PT = 0.45  # points per pixel of a view's dash pattern: visible at any scale
_HEAD_PX = 14.0  # an arrow head's length in the view (px), before scaling
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_RC: Any = {  # rcParams for the drawing only (typed Any: matplotlib types the keys as literals)
    "svg.fonttype": "none",
    "svg.hashsalt": "instnet",
    "pdf.fonttype": 42,
    "text.parse_math": False,
    "text.usetex": False,
    "font.family": "sans-serif",
    "font.sans-serif": [_FONT],
    "path.simplify": False,
}


def clean(value: str) -> str:
    """Text safe in XML and on one line: control characters and line breaks become spaces."""
    return " ".join(_CONTROL.sub(" ", value).split())


@cache
def _measure():
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    return TextToPath(), FontProperties(family=_FONT)


@cache
def text_width(value: str, size: float) -> float:
    """Width in points of ``value`` set in the figure's font at ``size`` points."""
    if not value:
        return 0.0
    ttp, prop = _measure()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph the font lacks is drawn as a box, not an error
        width, _, _ = ttp.get_text_width_height_descent(value, prop.copy(), ismath=False)
    return float(width) * size / prop.get_size_in_points()


def label_lines(label: str, size: float = LABEL_PT, em: float = _WRAP_EM) -> list[str]:
    """``label`` wrapped at word boundaries to ``em`` ems of ``size`` points, as vis-network wraps a view's label."""
    words = clean(label).split(" ")
    limit = em * size
    lines: list[str] = []
    for word in words:
        if lines and text_width(lines[-1] + " " + word, size) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


# ---------------------------------------------------------------- shapes


def _unit_points(shape: str) -> np.ndarray | None:
    """The outline of a node shape from the legend icons (``styles.SHAPE_SVG``), centred, radius about 1."""
    svg = SHAPE_SVG.get(shape, SHAPE_SVG["dot"])
    found = re.search(r'points="([^"]+)"', svg)
    if found:
        pts = np.array([[float(c) for c in p.split(",")] for p in found.group(1).split()])
        return (pts - 9.0) / 7.5
    if svg.startswith("<rect"):
        return np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]], dtype=float) * (6.5 / 7.5)
    return None  # a circle


def shape_patch(shape: str, x: float, y: float, r: float, **style):
    """A matplotlib patch of ``shape`` (a vis-network shape name) centred on (x, y), radius ``r``, y downwards."""
    from matplotlib.patches import Circle, Polygon

    pts = _unit_points(shape)
    if pts is None:
        return Circle((x, y), r * 0.93, **style)
    return Polygon(pts * r + np.array([x, y]), closed=True, **style)


# ---------------------------------------------------------------- ties


def _tie_points(a: np.ndarray, b: np.ndarray, curve) -> np.ndarray:
    """Points along the tie from a to b: straight, or vis-network's quadratic curve."""
    ts = np.linspace(0.0, 1.0, 48 if curve else 2)[:, None]
    if not curve:
        return a + ts * (b - a)
    kind, roundness = curve
    via = np.array(_via(a, b, float(roundness), kind == "curvedCW"))
    return (1 - ts) ** 2 * a + 2 * (1 - ts) * ts * via + ts**2 * b


def _trim(points: np.ndarray, centre: np.ndarray, radius: float, from_end: bool) -> np.ndarray:
    """``points`` without the part inside the circle of ``radius`` around ``centre`` (at the start or the end)."""
    seq = points[::-1] if from_end else points
    dist = np.hypot(*(seq - centre).T)
    outside = np.nonzero(dist >= radius)[0]
    if not len(outside) or outside[0] == 0:
        return points
    i = outside[0]
    p, q = seq[i - 1], seq[i]
    dp, dq = dist[i - 1], dist[i]
    cut = p + (q - p) * ((radius - dp) / (dq - dp) if dq != dp else 0.0)
    kept = np.vstack([cut, seq[i:]])
    return kept[::-1] if from_end else kept


def _head_patches(head: str, tip: np.ndarray, direction: np.ndarray, length: float, color: str, lw: float):
    """The arrow head of a tie at ``tip`` pointing along ``direction`` (unit), ``length`` long, in data units."""
    from matplotlib.patches import Circle, Polygon

    d, n = direction, np.array([-direction[1], direction[0]])
    w = length * 0.45
    if head == "vee":
        pts = [tip, tip - d * length + n * w, tip - d * length * 0.65, tip - d * length - n * w]
        return [Polygon(pts, closed=True, facecolor=color, edgecolor=color, linewidth=lw * 0.5)]
    if head == "diamond":
        pts = [tip, tip - d * length / 2 + n * w, tip - d * length, tip - d * length / 2 - n * w]
        return [Polygon(pts, closed=True, facecolor=color, edgecolor="none")]
    if head == "circle":
        return [Circle(tuple(tip - d * length * 0.4), length * 0.4, facecolor=color, edgecolor="none")]
    if head == "bar":
        pts = [tip + n * w * 1.2, tip - n * w * 1.2]
        return [Polygon(pts, closed=False, fill=False, edgecolor=color, linewidth=lw * 1.6)]
    pts = [tip, tip - d * length + n * w, tip - d * length - n * w]  # arrow
    return [Polygon(pts, closed=True, facecolor=color, edgecolor="none")]


def _dashes(dashes, lw: float):
    """A matplotlib line style from a view's dash pattern (pixels), in points at any scale."""
    if not dashes:
        return "solid"
    return (0, tuple(max(0.3, d * _DASH_PT) / max(lw, 0.1) for d in dashes))


def _draw_tie(ax, edge: dict, a: dict, b: dict, scale: float, unit: float | None = None) -> None:
    """One tie from node ``a`` to ``b``: content drawn at ``scale`` points per view pixel, ``unit`` points per data unit."""
    from matplotlib.lines import Line2D

    unit = scale if unit is None else unit
    pa, pb = np.array([a["x"], a["y"]], float), np.array([b["x"], b["y"]], float)
    if np.allclose(pa, pb):
        return
    lw = max(0.45, edge["width"] * scale)
    points = _trim(_tie_points(pa, pb, edge.get("curve")), pa, a["size"] * 0.95, False)
    points = _trim(points, pb, b["size"] * 0.95, True)
    head = edge.get("head")
    length = max(3.2, _HEAD_PX * scale) / unit if head else 0.0
    tip = points[-1]
    if head and len(points) >= 2:
        back = _trim(points, tip, length * (0.75 if head != "bar" else 0.0) + 1e-9, True)
        direction = tip - back[-1] if len(back) else tip - points[0]
        norm = float(np.hypot(*direction)) or 1.0
        direction = direction / norm
        line = back if head != "bar" else points
        for patch in _head_patches(head, tip, direction, length, edge["color"], lw):
            patch.set_zorder(2)
            ax.add_patch(patch)
    else:
        line = points
    ax.add_line(
        Line2D(line[:, 0], line[:, 1], color=edge["color"], linewidth=lw, linestyle=_dashes(edge.get("dashes"), lw))
    )
    if edge.get("label"):
        mid = points[len(points) // 2]
        ax.text(
            mid[0], mid[1], clean(edge["label"]), fontsize=LABEL_PT, ha="center", va="center", color="#333333",
            zorder=4, bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
        )  # fmt: skip


# ---------------------------------------------------------------- page geometry


def _label_width(n: dict, scale: float) -> float:
    """A label's width in points: a caption with room (a role's name over its slot) is cut to it."""
    return min(n["_label_w"], n["_room"] * scale) if n.get("_room") else n["_label_w"]


def cut_to(value: str, size: float, room: float) -> str:
    """``value`` cut short with an ellipsis to ``room`` points at ``size`` points, a closing "(none)" kept whole."""
    value = clean(value)
    if text_width(value, size) <= room:
        return value
    name, mark = (value[: -len(" (none)")], " (none)") if value.endswith(" (none)") else (value, "")
    while len(name) > 1:
        name = name[:-1].rstrip()
        if text_width(name + "\u2026" + mark, size) <= room:
            break
    return name + "\u2026" + mark


def _extent(nodes: list[dict], scale: float) -> tuple[float, float, float, float]:
    """Left, right, top, bottom of the drawing in points at ``scale`` (points per view pixel), labels included."""
    left = right = top = bottom = None
    for n in nodes:
        x, y, r = n["x"] * scale, n["y"] * scale, n["size"] * scale
        half = max(r, _label_width(n, scale) / 2)
        below = y + r + 1.5 + n["_label_h"]
        left = x - half if left is None else min(left, x - half)
        right = x + half if right is None else max(right, x + half)
        up = y - max(r, n.get("_above", 0.0))
        top = up if top is None else min(top, up)
        bottom = below if bottom is None else max(bottom, below)
    return left or 0.0, right or 0.0, top or 0.0, bottom or 0.0


def _fit_scale(nodes: list[dict], width: float, height: float) -> float:
    """The largest scale (points per view pixel) at which the drawing fits ``width`` x ``height`` points.

    At most ``LABEL_PT / 14``: the view's proportions (14 px labels), so a small network is not blown up.
    """
    lo, hi = 1e-4, LABEL_PT / 14.0
    for _ in range(40):
        mid = (lo + hi) / 2
        left, right, top, bottom = _extent(nodes, mid)
        if right - left <= width and bottom - top <= height:
            lo = mid
        else:
            hi = mid
    return lo


def _wrapped(value: str, size: float, width_pt: float) -> list[str]:
    chars = max(12, int(width_pt / (size * 0.56)))
    return textwrap.wrap(clean(value), chars, break_on_hyphens=False) or [""]  # "Auto-Parts" stays one word


def _legend_layout(legend: list[dict], notes: list[str], width: float) -> tuple[list, float]:
    """Rows of the legend (heading, items in columns, notes) with their heights; the total height in points."""
    line = LEGEND_PT * 1.3
    cols = 3
    col_w = (width - 2 * MARGIN_PT) / cols
    rows: list = []
    total = 4.0
    for section in legend:
        rows.append(("gap", None, 3.0 if rows else 0.0))
        rows.append(("heading", clean(section["heading"]), line * 1.2))
        items = section["items"]
        for i in range(0, len(items), cols):
            chunk = [(item["icon"], _wrapped(item["text"], LEGEND_PT, col_w - 30)) for item in items[i : i + cols]]
            rows.append(("items", chunk, line * max(len(t) for _, t in chunk) + 1.5))
    if notes:
        rows.append(("gap", None, 3.0))
    for note in notes:
        lines = _wrapped(note, LEGEND_PT, width - 2 * MARGIN_PT)
        rows.append(("note", lines, line * len(lines)))
    total += sum(r[2] for r in rows) + 2.0
    return rows, total


def _legend_icon(ax, icon: tuple, x: float, y: float) -> None:
    """A legend icon at (x, y) in the legend's point coordinates (y downwards): a shape or a tie."""

    if icon[0] == "shape":
        _, shape, fill, dashed = icon
        ax.add_patch(
            shape_patch(
                shape, x + 5, y, 4.2, facecolor=fill, edgecolor="#333333", linewidth=0.6,
                linestyle=_dashes([2.5, 2] if dashed else False, 0.6),
            )
        )  # fmt: skip
        return
    _, color, dashes, head, width = icon
    edge = {"color": color, "dashes": dashes, "width": width, "head": head}
    _draw_tie(ax, edge, {"x": x - 2, "y": y, "size": 0.0}, {"x": x + 20, "y": y, "size": 0.0}, 0.35, 1.0)


def _draw_legend(ax, rows: list, width: float) -> None:
    line = LEGEND_PT * 1.3
    col_w = (width - 2 * MARGIN_PT) / 3
    y = 4.0
    for kind, content, height in rows:
        if kind == "heading":
            ax.text(MARGIN_PT, y, content, fontsize=LEGEND_PT, fontweight="bold", va="top", ha="left")
        elif kind == "gap":
            pass
        elif kind == "note":
            ax.text(MARGIN_PT, y, "\n".join(content), fontsize=LEGEND_PT, va="top", ha="left", color="#444444")
        else:
            for i, (icon, lines) in enumerate(content):
                x = MARGIN_PT + i * col_w
                _legend_icon(ax, icon, x + 2, y + line / 2)
                ax.text(x + 30, y, "\n".join(lines), fontsize=LEGEND_PT, va="top", ha="left", linespacing=1.15)
        y += height


def _draw_graph(ax, scene: dict, scale: float, placed: list) -> None:
    """Ties, shapes, labels, captions and lines of ``scene`` on ``ax`` (data units: the view's pixels)."""
    from matplotlib.lines import Line2D

    for line in scene.get("lines", []):
        ax.add_line(
            Line2D([line["x1"], line["x2"]], [line["y1"], line["y2"]], color=line["color"], linewidth=0.6,
                   linestyle=(0, (3, 3)), zorder=0)
        )  # fmt: skip
    by_id = {n["id"]: n for n in scene["nodes"]}
    for edge in scene["edges"]:
        if edge["from"] in by_id and edge["to"] in by_id:
            _draw_tie(ax, edge, by_id[edge["from"]], by_id[edge["to"]], scale)
    for n in scene["nodes"]:
        lw = max(0.4, n.get("border_width", 1.5) * scale)
        patch = shape_patch(
            n["shape"], n["x"], n["y"], n["size"], facecolor=n["fill"], edgecolor=n.get("border", "#333333"),
            linewidth=lw, linestyle=_dashes([4, 3] if n.get("dashed") else False, lw), zorder=3,
        )  # fmt: skip
        ax.add_patch(patch)
    for lines, box, _ in placed:
        if lines != [""]:
            ax.text(
                (box[0] + box[2]) / 2 / scale, (box[1] + box[3]) / 2 / scale, "\n".join(lines), ha="center",
                va="center", fontsize=LABEL_PT, color="#222222", linespacing=1.1, zorder=5,
                bbox={"boxstyle": "square,pad=0.08", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
            )  # fmt: skip
    for c in scene.get("captions", []):
        size = c.get("size", LABEL_PT)
        caption = cut_to(c["text"], size, c["room"] * scale) if c.get("room") else clean(c["text"])
        ax.text(
            c["x"], c["y"], caption, fontsize=size, fontweight=c.get("weight", "normal"),
            fontstyle=c.get("style", "normal"), color=c.get("color", "#222222"), ha="center", va="center", zorder=1,
        )  # fmt: skip


def _prepare_nodes(scene: dict) -> list[dict]:
    """The scene's nodes with their label variants and the view's label size in points (the geometry needs them)."""
    nodes = []

    def wrapped(label: str) -> list:
        return wrap_variants(label, lambda t, em: label_lines(t, LABEL_PT, em), _measure_lines)

    for n in scene["nodes"]:
        variants = wrapped(n.get("label", ""))
        _, width, height = variants[0]
        # a node with a shorter name ("short") may take it where no way of wrapping its whole name has room
        whole = {tuple(lines) for lines, *_ in variants}
        shorter = [v for v in wrapped(n["short"]) if tuple(v[0]) not in whole] if n.get("short") else []
        nodes.append(
            {
                **n,
                "_variants": variants + shorter,
                "_shorter": {tuple(lines) for lines, *_ in shorter},
                "_label_w": width,
                "_label_h": height,
            }
        )
    for c in scene.get("captions", []):  # captions take room as zero-size nodes with one label line
        w = text_width(clean(c["text"]), c.get("size", LABEL_PT))
        size = c.get("size", LABEL_PT)
        nodes.append(
            {
                "x": c["x"], "y": c["y"], "size": 0.0, "_label_w": w, "_label_h": size * 1.2, "_above": size,
                "_room": c.get("room", 0.0),
            }
        )  # fmt: skip
    return nodes


def _key(nodes: list[dict], placed: list) -> list[str]:
    """The note that gives each name the drawing shortened in whole (none when it shortened none)."""
    drawn = [n for n in nodes if "id" in n]
    if not placed:  # not yet placed
        return []
    pairs = sorted(
        {
            (n["short"], n["label"])
            for n, (lines, _, _) in zip(drawn, placed, strict=True)
            if tuple(lines) in n["_shorter"]
        },
        key=lambda pair: (pair[0].isdigit(), int(pair[0]) if pair[0].isdigit() else 0, pair),  # numbers in order
    )
    if not pairs:
        return []
    return ["Names shortened in the drawing: " + "; ".join(f"{clean(a)} = {clean(b)}" for a, b in pairs) + "."]


def _measure_lines(lines: list[str]) -> tuple[float, float]:
    """Width and height in points of label ``lines`` at ``LABEL_PT``."""
    if lines == [""]:
        return 0.0, 0.0
    return max(text_width(line, LABEL_PT) for line in lines) + 1.0, LABEL_PT * 1.25 * len(lines)


def _geometry(nodes: list[dict], room_w: float, room_h: float) -> tuple[float, tuple, list]:
    """Scale (points per view pixel), the drawing's box in points and each labelled node's label placement."""
    scale = _fit_scale(nodes, room_w, room_h)
    drawn = [n for n in nodes if "id" in n]
    for _ in range(12):
        left, right, top, bottom = _extent(nodes, scale)
        spare = max(0.0, room_h - (bottom - top)) / 2
        centres = [(n["x"] * scale, n["y"] * scale) for n in drawn]
        radii = [n["size"] * scale for n in drawn]
        frame = (left, top - spare, right, bottom + spare)
        captions = [
            (n["x"] * scale - _label_width(n, scale) / 2, n["y"] * scale - n["_label_h"] / 2)
            for n in nodes
            if "id" not in n
        ]
        taken = [
            (x, y, x + _label_width(n, scale), y + n["_label_h"])
            for (x, y), n in zip(captions, [n for n in nodes if "id" not in n], strict=True)
        ]
        variants = [n["_variants"] for n in drawn]
        whole = [len(v) - len(n["_shorter"]) for v, n in zip(variants, drawn, strict=True)]
        placed = place_labels(centres, radii, variants, frame, radii, taken, whole)
        boxes = [b for (_, b, _) in placed if b[2] > b[0]] + [
            (x - r, y - r, x + r, y + r) for (x, y), r in zip(centres, radii, strict=True)
        ]
        box = frame_of([*boxes, (left, top, right, bottom)]) if boxes else (left, top, right, bottom)
        if box[2] - box[0] <= room_w + 0.01 and box[3] - box[1] <= room_h + 0.01:
            return scale, box, placed
        scale *= 0.95
    return scale, box, placed


class Fitted(NamedTuple):
    """A scene set on a page: title and subtitle lines, the head's height in points, the nodes (with their label
    variants), the legend's rows and height, the drawing's scale (points per view pixel) and box in points, and
    each drawn node's label placement."""

    title: list[str]
    sub: list[str]
    head_h: float
    nodes: list[dict]
    rows: list
    legend_h: float
    scale: float
    box: tuple[float, float, float, float]
    placed: list


#: The last scene set on a page (its JSON and the page's width) -> :func:`_fit`'s result: :func:`crowding` and
#: :func:`draw_scene` of the same scene set it once.
_FITTED: dict[tuple[str, float], Fitted] = {}


def _fit(scene: dict, page_w: float) -> Fitted:
    """The scene set on a page ``page_w`` points wide (:class:`Fitted`)."""
    key = (json.dumps(scene, sort_keys=True, default=str), page_w)
    if key not in _FITTED:
        _FITTED.clear()
        _FITTED[key] = _set(scene, page_w)
    return _FITTED[key]


def _set(scene: dict, page_w: float) -> Fitted:
    """:func:`_fit`, worked out."""
    title = _wrapped(scene.get("title", ""), TITLE_PT, page_w - 2 * MARGIN_PT)
    sub = _wrapped(scene.get("subtitle", ""), SUB_PT, page_w - 2 * MARGIN_PT) if scene.get("subtitle") else []
    head_h = MARGIN_PT + TITLE_PT * 1.3 * len(title) + SUB_PT * 1.3 * len(sub) + 6.0
    nodes = _prepare_nodes(scene)
    room_w = page_w - 2 * MARGIN_PT
    notes = scene.get("notes", [])
    placed: list = []
    scale, box = 1.0, (0.0, 0.0, 1.0, 1.0)
    # a key of the shortened names joins the notes, which leaves the drawing less room, where more names may be
    # shortened: the room is worked out again, with the longer key, until the key fits the legend's room
    reserved: list[str] = []
    for _ in range(8):
        _, reserved_h = _legend_layout(scene.get("legend", []), [*notes, *reserved], page_w)
        room_h = MAX_HEIGHT_CM / 2.54 * 72.0 - head_h - reserved_h - MARGIN_PT - _GRAPH_GAP
        if not nodes:
            break
        scale, box, placed = _geometry(nodes, room_w, room_h)
        key = _key(nodes, placed)
        if _legend_layout(scene.get("legend", []), [*notes, *key], page_w)[1] <= reserved_h:
            break
        reserved = key
    rows, legend_h = _legend_layout(scene.get("legend", []), [*notes, *_key(nodes, placed)], page_w)
    return Fitted(title, sub, head_h, nodes, rows, legend_h, scale, box, placed)


def crowding(scene: dict, *, width_cm: float = WIDTH_CM) -> tuple[int, set[str]]:
    """The scene's labels as :func:`draw_scene` sets them: how many run into another label or shape, and the
    names drawn short (their ``short`` form, given back in the key)."""
    fitted = _fit(scene, round(width_cm / 2.54 * 300) / 300 * 72.0)
    scale, placed = fitted.scale, fitted.placed
    drawn = [n for n in fitted.nodes if "id" in n]
    shapes = [
        (n["x"] * scale - n["size"] * scale, n["y"] * scale - n["size"] * scale,
         n["x"] * scale + n["size"] * scale, n["y"] * scale + n["size"] * scale)
        for n in drawn
    ]  # fmt: skip
    boxes = [box for _, box, _ in placed]
    labelled = [i for i, (lines, _, _) in enumerate(placed) if lines != [""]]
    crowded = sum(
        any(_overlap(boxes[i], boxes[j]) > 1.0 for j in labelled if j != i)
        or any(_overlap(boxes[i], shape) > 1.0 for j, shape in enumerate(shapes) if j != i)
        for i in labelled
    )
    short = {n["label"] for n, (lines, _, _) in zip(drawn, placed, strict=True) if tuple(lines) in n["_shorter"]}
    return crowded, short


def draw_scene(scene: dict, fmt: str, *, width_cm: float = WIDTH_CM, dpi: int = 300) -> bytes:
    """Draw ``scene`` on a page ``width_cm`` wide and at most ``MAX_HEIGHT_CM`` tall; return the file's bytes.

    The title and subtitle sit at the top, the legend below the drawing, in
    three columns. Labels are set at ``LABEL_PT`` points, wrapped as the view
    wraps them; the drawing's content is scaled (at most as the view scales
    it against its 14 px labels) until it and its labels fit the width and
    the height left, so
    type never shrinks below 6 pt: a big network gets a denser drawing.

    Parameters
    ----------
    scene : dict
        ``title``, ``subtitle``, ``nodes``, ``edges``, ``captions``, ``lines``,
        ``legend``, ``notes`` (see the module docstring).
    fmt : {"svg", "png", "pdf"}
    width_cm : float
        The page width; the PNG is ``round(width_cm / 2.54 * dpi)`` pixels wide.
    dpi : int
        Resolution of the PNG.

    Returns
    -------
    bytes

    Raises
    ------
    ValueError
        If ``fmt`` is not one of ``FIGURE_FORMATS``.
    """
    if fmt not in FIGURE_FORMATS:
        raise ValueError(f"figure format must be one of {', '.join(FIGURE_FORMATS)}, not {fmt!r}")
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_RC), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # glyphs the font lacks: boxes in PNG, text in SVG
        px_w = round(width_cm / 2.54 * dpi)
        page_w = px_w / dpi * 72.0
        title, sub, head_h, nodes, rows, legend_h, scale, (left, top, right, bottom), placed = _fit(scene, page_w)
        graph_w, graph_h = max(right - left, 1.0), max(bottom - top, 1.0)
        page_h = head_h + graph_h + _GRAPH_GAP + legend_h + MARGIN_PT
        px_h = round(page_h / 72.0 * dpi)
        page_h = px_h / dpi * 72.0
        fig = Figure(figsize=(px_w / dpi, px_h / dpi), dpi=dpi, facecolor="white")
        _draw_head(fig, title, sub, page_w, page_h)
        x0 = (page_w - graph_w) / 2
        ax = fig.add_axes((x0 / page_w, 1 - (head_h + graph_h) / page_h, graph_w / page_w, graph_h / page_h))
        ax.set_axis_off()
        ax.set_xlim(left / scale, right / scale)
        ax.set_ylim(bottom / scale, top / scale)  # y downwards, as in the view
        ax.set_autoscale_on(False)
        _draw_graph(ax, {**scene, "nodes": [n for n in nodes if "id" in n]}, scale, placed)
        leg = fig.add_axes((0, 0, 1, (legend_h + MARGIN_PT) / page_h))
        leg.set_axis_off()
        leg.set_xlim(0, page_w)
        leg.set_ylim(legend_h + MARGIN_PT, 0)
        leg.set_autoscale_on(False)
        _draw_legend(leg, rows, page_w)
        return _save(fig, fmt, dpi)


def _draw_head(fig, title: list[str], sub: list[str], page_w: float, page_h: float) -> None:
    y = MARGIN_PT
    fig.text(MARGIN_PT / page_w, 1 - y / page_h, "\n".join(title), fontsize=TITLE_PT, fontweight="bold", va="top")
    y += TITLE_PT * 1.3 * len(title)
    if sub:
        fig.text(MARGIN_PT / page_w, 1 - y / page_h, "\n".join(sub), fontsize=SUB_PT, color="#444444", va="top")


def _save(fig, fmt: str, dpi: int) -> bytes:
    """The figure's bytes from the backend of ``fmt``: no date, version or random id, ``instnet`` as the creator."""
    buffer = io.BytesIO()
    if fmt == "png":
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(fig).print_png(buffer, metadata={"Software": "instnet"})
    elif fmt == "svg":
        from matplotlib.backends.backend_svg import FigureCanvasSVG

        FigureCanvasSVG(fig).print_svg(
            buffer, metadata={"Date": None, "Creator": "instnet", "Format": None, "Type": None}
        )
    else:
        from matplotlib.backends.backend_pdf import FigureCanvasPdf

        FigureCanvasPdf(fig).print_pdf(
            buffer, metadata={"CreationDate": None, "Creator": "instnet", "Producer": "instnet"}
        )
    return buffer.getvalue()
