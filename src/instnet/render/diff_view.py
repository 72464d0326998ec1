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

import math

import networkx as nx
from markupsafe import Markup

from ..diff import NO_ROLE, Diff, diff, short_label, summary_sentences
from ..layout import layout_positions, near_curves, slot_grid, slot_positions
from ..layout.nodes import node_label, sort_key
from ..layout.slots import CELL_H, CELL_W, PER_ROW, SIDE_GAP
from ..model import HORIZONTAL, NODE_KINDS, OTHER_AXIS, RELATIONS, ROLES, VERTICAL
from .page import content_security_policy, render_template, static_text, stylesheet, text, vis_assets
from .styles import AXIS_STYLES, FONT, axis_of, kind_style, line_icon, relation_style, shape_icon, vocabulary_order

__all__ = ["ROLE_ROWS", "STATUS_COLOURS", "diff_html", "role_slots"]

#: Status of an element in a same-country diff -> (colour, meaning).
STATUS_COLOURS = {
    "common": ("#8c8c8c", "in both networks"),
    "added": ("#1b9e77", "only in B (added)"),
    "removed": ("#d95f02", "only in A (removed)"),
    "changed": ("#7570b3", "in both, relation or kind/role changed"),
}

#: Rows of role slots in the side-by-side layout, top to bottom: leadership
#: and its documents; central agencies; forums and their helpers; ministries;
#: implementing bodies and hubs; other governments and partners; society and
#: business. Rows are short so that each side stays tall and narrow; only the
#: roles present in either network take room. Institutions without a role sit
#: at the end of the last row.
ROLE_ROWS = (
    ("legislature", "top_leader", "policy_document"),
    ("pilot_agency", "macro_agency"),
    ("consensus_forum", "secretariat", "think_tank"),
    ("industrial_ministry", "line_ministry"),
    ("implementing_unit", "sector_hub"),
    ("local_government", "external_partner"),
    ("private_sector", "civil_society", NO_ROLE),
)

_AXIS_TEXT = {
    VERTICAL: "vertical (authority): solid",
    HORIZONTAL: "horizontal (coordination): dashed",
    OTHER_AXIS: "other (money, stances, constraints): dotted",
}


# ---------------------------------------------------------------- text helpers


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


def _kind_text(kind) -> str:
    return NODE_KINDS[kind].label if kind in NODE_KINDS else text(kind) or "unknown kind"


def _role_text(role) -> str:
    if not role or role == NO_ROLE:
        return "no role"
    return ROLES[role].label if role in ROLES else text(role)


def _relation_text(rel) -> str:
    return RELATIONS[rel].label if rel in RELATIONS else text(rel) or "?"


def _arrows(head) -> dict:
    return {"to": {"enabled": head is not None, "type": head or "arrow", "scaleFactor": 0.7}}


def _tip(*lines) -> str:
    return "\n".join(line for line in lines if line)


def _node_colour(fill: str) -> dict:
    return {"background": fill, "border": "#333333", "highlight": {"background": fill, "border": "#000000"},
            "hover": {"background": fill, "border": "#000000"}}


# ---------------------------------------------------------------- layouts


def role_slots(d: Diff) -> dict[str, tuple[float, float, int]]:
    """Role -> (x, y, columns) of its slot in the side-by-side layout of one side.

    Slots follow :data:`ROLE_ROWS`, keep only the roles present in either
    network, and are wide and tall enough for the larger number of holders of
    the role in A or B (``columns`` per row, at most three), so that both
    sides use the same slots. Coordinates are relative to the side's centre.
    """
    counts = {r: max(int(d.roles.loc[r, "a_nodes"]), int(d.roles.loc[r, "b_nodes"])) for r in d.roles.index}
    return slot_grid(counts, ROLE_ROWS, NO_ROLE)


def _holders(d: Diff, side: str) -> dict:
    return {role: list(ids) for role, ids in d.alignment[f"{side}_ids"].items()}


# ---------------------------------------------------------------- drawings


def _union_graph(A: nx.DiGraph, B: nx.DiGraph) -> tuple[nx.DiGraph, dict, dict, dict]:
    """The union of A and B: the graph to lay out, node status, node labels, and ties by key.

    A symmetric tie is keyed by its sorted ends, so that ``a - b`` in A and
    ``b - a`` in B are one tie; ``keys`` maps each key to its ``(u, v, relation)``
    per side (``"a"``, ``"b"``).
    """
    U = nx.DiGraph()
    status, labels = {}, {}
    for n in sorted(set(A) | set(B), key=sort_key):
        da, db = (A.nodes[n] if n in A else None), (B.nodes[n] if n in B else None)
        data = db or da
        if da is not None and db is not None:
            changed = da.get("kind") != db.get("kind") or (da.get("role") or None) != (db.get("role") or None)
            status[n] = "changed" if changed else "common"
            la, lb = node_label(A, n), node_label(B, n)
            labels[n] = la if la == lb else f"{short_label(la)} / {short_label(lb)}"
        else:
            status[n] = "added" if db is not None else "removed"
            labels[n] = node_label(B if db is not None else A, n)
        U.add_node(n, label=labels[n], kind=data.get("kind"))
    keys: dict = {}
    for G, side in ((A, "a"), (B, "b")):
        for u, v, data in G.edges(data=True):
            rel = data.get("relation")
            key = tuple(sorted((u, v), key=sort_key)) if RELATIONS.get(rel) and RELATIONS[rel].symmetric else (u, v)
            keys.setdefault(key, {})[side] = (u, v, rel)
    for key, sides in keys.items():
        u, v, rel = sides.get("b") or sides["a"]
        U.add_edge(u, v, relation=rel)
    return U, status, labels, keys


def _union_node_lines(A, B, d: Diff, n, status: str, labels: dict, kind, shared) -> list[str]:
    """Tooltip lines of one institution of the union: kind and role, where it is, its ties gained and lost."""
    ida, idb = d.a["id"], d.b["id"]
    role = (B.nodes[n] if n in B else A.nodes[n]).get("role")
    lines = [labels[n], f"{_kind_text(kind)} \u00b7 {_role_text(role)}"]
    if status == "added":
        lines.append(f"only in {idb} (added)")
    elif status == "removed":
        lines.append(f"only in {ida} (removed)")
    else:
        lines.append(f"in {ida} and {idb}" + (" (kind or role changed)" if status == "changed" else ""))
        if n in A and n in B and node_label(A, n) != node_label(B, n):
            lines.append(f"name: {node_label(A, n)} \u2192 {node_label(B, n)}")
        if shared is not None and n in shared.index:
            r = shared.loc[n]
            lines.append(f"ties: {r['ties_a']} in {ida}, {r['ties_b']} in {idb}; {r['ties_kept']} kept")
            if r["gained"]:
                lines.append("gained ties with: " + ", ".join(labels[m] for m in r["gained"]))
            if r["lost"]:
                lines.append("lost ties with: " + ", ".join(labels[m] for m in r["lost"]))
    return lines


def _union_nodes(A, B, d: Diff, U, status, labels, pos, index) -> list[dict]:
    """The node records of the union drawing, coloured by status."""
    shared = d.shared_nodes.set_index("id") if len(d.shared_nodes) else None
    nodes = []
    for n in index:
        kind = U.nodes[n].get("kind")
        shape, _ = kind_style(kind)
        lines = _union_node_lines(A, B, d, n, status[n], labels, kind, shared)
        node = {
            "id": index[n], "key": text(n), "label": labels[n], "title": _tip(*lines), "shape": shape, "size": 18,
            "x": pos[n][0], "y": pos[n][1], "status": status[n], "color": _node_colour(STATUS_COLOURS[status[n]][0]),
            "borderWidth": 2 if status[n] != "common" else 1,
        }
        if status[n] == "removed":
            node["shapeProperties"] = {"borderDashes": [4, 3]}
        nodes.append(node)
    return nodes


def _union_edges(d: Diff, keys: dict, labels, pos, index) -> list[dict]:
    """The edge records of the union drawing: by ends, coloured by status, old -> new relation on changed ties."""
    ida, idb = d.a["id"], d.b["id"]
    ordered = sorted(keys.values(), key=lambda sides: tuple(index[n] for n in (sides.get("b") or sides["a"])[:2]))
    curves = near_curves([(sides.get("b") or sides["a"])[:2] for sides in ordered], pos)
    edges = []
    for i, sides in enumerate(ordered):
        u, v, rel = sides.get("b") or sides["a"]
        if "a" in sides and "b" in sides:
            st = "changed" if sides["a"][2] != sides["b"][2] else "common"
        else:
            st = "added" if "b" in sides else "removed"
        colour = STATUS_COLOURS[st][0]
        _, head = relation_style(rel)
        if st == "changed":
            rel_line = f"relation: {_relation_text(sides['a'][2])} ({ida}) \u2192 {_relation_text(sides['b'][2])} ({idb})"
            where = f"in {ida} and {idb}, relation changed"
        else:
            rel_line = f"relation: {_relation_text(rel)}"
            where = {"common": f"in {ida} and {idb}", "added": f"only in {idb} (added)",
                     "removed": f"only in {ida} (removed)"}[st]
        edge = {
            "id": i, "from": index[u], "to": index[v], "title": _tip(f"{labels[u]} \u2192 {labels[v]}", rel_line, where),
            "status": st, "color": {"color": colour, "highlight": colour, "hover": colour},
            "width": 1.5 if st == "common" else 2.5, "dashes": [6, 4] if st == "removed" else False,
            "arrows": _arrows(head),
        }
        if st == "changed":
            edge["label"] = f"{_relation_text(sides['a'][2])} \u2192 {_relation_text(rel)}"
        if i in curves:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": curves[i]}
        edges.append(edge)
    return edges


def _identity_drawing(A: nx.DiGraph, B: nx.DiGraph, d: Diff) -> dict:
    """The union of A and B laid out as one network, every institution and tie coloured by status."""
    U, status, labels, keys = _union_graph(A, B)
    pos = layout_positions(U, {n: 18 for n in U})
    index = {n: i for i, n in enumerate(sorted(U, key=sort_key))}
    nodes = _union_nodes(A, B, d, U, status, labels, pos, index)
    edges = _union_edges(d, keys, labels, pos, index)
    statuses = [s for s in STATUS_COLOURS if s in {n["status"] for n in nodes} | {e["status"] for e in edges}]
    kinds = vocabulary_order({U.nodes[n].get("kind") for n in index}, NODE_KINDS)
    return {"view": "union", "nodes": nodes, "edges": edges, "captions": [], "lines": [], "statuses": statuses,
            "kinds": kinds, "relations": []}


def _role_drawing(A: nx.DiGraph, B: nx.DiGraph, d: Diff) -> dict:
    """A (left) and B (right) on one canvas, each institution in the slot of its role, slots captioned."""
    slots = role_slots(d)
    half = (max((x + c * CELL_W / 2 for x, _, c in slots.values()), default=0)
            - min((x - c * CELL_W / 2 for x, _, c in slots.values()), default=0)) / 2
    offset = half + SIDE_GAP / 2
    sides = []
    for G, side, dx in ((A, "a", -offset), (B, "b", offset)):
        sides.append((G, side, slot_positions(_holders(d, side), slots, dx)))
    nodes, edges, kinds, relations = [], [], [], []
    next_id = 0
    for G, side, pos in sides:
        gid = d.a["id"] if side == "a" else d.b["id"]
        order = sorted(G, key=sort_key)
        index = {}
        for n in order:
            index[n] = next_id
            data = G.nodes[n]
            kind = data.get("kind")
            if kind not in kinds:
                kinds.append(kind)
            shape, fill = kind_style(kind)
            shared = d.mode == "identity" and n in A and n in B
            other = d.b["id"] if side == "a" else d.a["id"]
            lines = [node_label(G, n), f"{gid}", f"{_kind_text(kind)} \u00b7 {_role_text(data.get('role'))}",
                     f"ties: {G.degree(n)}", f"also in {other} (same id)" if shared else "",
                     text(data.get("description"))]
            nodes.append({
                "id": next_id, "key": text(n), "side": side, "label": node_label(G, n), "title": _tip(*lines),
                "shape": shape, "size": 18, "x": pos[n][0], "y": pos[n][1],
                "color": {"background": fill, "border": "#333333", "highlight": {"background": fill, "border": "#000000"},
                          "hover": {"background": fill, "border": "#000000"}},
                "borderWidth": 4 if shared else 1.5, "shared": shared,
            })
            next_id += 1
        pairs = sorted(G.edges(data=True), key=lambda e: (index[e[0]], index[e[1]]))
        curves = near_curves([(u, v) for u, v, _ in pairs], pos)
        for i, (u, v, data) in enumerate(pairs):
            rel = data.get("relation")
            if rel not in relations:
                relations.append(rel)
            colour, head = relation_style(rel)
            dashes, _ = AXIS_STYLES[axis_of(rel)][1:3]
            edge = {
                "id": len(edges), "from": index[u], "to": index[v], "side": side,
                "title": _tip(f"{node_label(G, u)} \u2192 {node_label(G, v)}", f"relation: {_relation_text(rel)}", gid,
                              text(data.get("description"))),
                "color": {"color": colour, "highlight": colour, "hover": colour},
                "width": 2 if axis_of(rel) == VERTICAL else 1.5, "dashes": dashes, "arrows": _arrows(head),
            }
            if i in curves:
                edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": curves[i]}
            edges.append(edge)
    captions, lines = [], []
    top = -CELL_H * 0.9
    for side, dx in (("a", -offset), ("b", offset)):
        info = d.a if side == "a" else d.b
        captions.append({"text": info["id"], "x": dx, "y": top - 34, "font": f"bold 22px {FONT}", "color": "#222222"})
        title = info["title"] if len(info["title"]) <= 70 else info["title"][:69] + "\u2026"
        captions.append({"text": title, "x": dx, "y": top - 8, "font": f"14px {FONT}", "color": "#555555"})
        for role, (x, y, _) in slots.items():
            present = d.roles.loc[role, f"{side}_nodes"] > 0
            if role == NO_ROLE and not present:
                continue
            caption = _role_text(role) + ("" if present else " (none)")
            captions.append({"text": caption, "x": x + dx, "y": y - 34, "font": f"italic 12px {FONT}",
                             "color": "#777777" if present else "#b0b0b0"})
    bottom = max((y + CELL_H * math.ceil(max(len(v) for v in (d.alignment.loc[r, "a_ids"], d.alignment.loc[r, "b_ids"])) / PER_ROW)
                  for r, (_, y, _) in slots.items()), default=0)
    lines.append({"x1": 0, "y1": top - 50, "x2": 0, "y2": bottom, "color": "#cccccc"})
    kinds = vocabulary_order(kinds, NODE_KINDS)
    relations = vocabulary_order(relations, RELATIONS)
    return {"view": "side", "nodes": nodes, "edges": edges, "captions": captions, "lines": lines, "statuses": [], "kinds": kinds,
            "relations": relations}


# ---------------------------------------------------------------- page parts


def _legend(drawing: dict, d: Diff) -> dict:
    """What the legend lists: statuses and shapes (union), or kinds, relations and axes (side by side)."""
    if drawing["view"] == "union":
        statuses = []
        for st in drawing["statuses"]:
            colour, meaning = STATUS_COLOURS[st]
            meaning = meaning.replace("A", d.a["id"], 1) if st == "removed" else meaning.replace("B", d.b["id"], 1) if st == "added" else meaning
            statuses.append({"key": st, "meaning": meaning, "shape": shape_icon("dot", colour, st == "removed", None),
                             "line": _line(colour, "6 4" if st == "removed" else "", 2.0, True)})
        shapes: dict = {}
        for kind in drawing["kinds"]:
            shapes.setdefault(kind_style(kind)[0], []).append(kind)
        return {"statuses": statuses, "shapes": [
            {"data_kind": " ".join(text(k) for k in kinds), "icon": shape_icon(shape, "#ffffff", css_class=None),
             "names": "; ".join(_kind_text(k) for k in kinds)} for shape, kinds in shapes.items()]}
    kinds = [{"key": kind, "label": _kind_text(kind), "icon": shape_icon(*kind_style(kind), css_class=None)}
             for kind in drawing["kinds"]]
    relations = []
    for rel in drawing["relations"]:
        colour, head = relation_style(rel)
        relations.append({"key": rel, "label": _relation_text(rel),
                          "icon": _line(colour, AXIS_STYLES[axis_of(rel)][2], 2.0, head is not None)})
    axes = [{"label": _AXIS_TEXT[axis], "icon": _line("#555555", AXIS_STYLES[axis][2], 1.5, False)}
            for axis in (VERTICAL, HORIZONTAL, OTHER_AXIS)]
    return {"shared": any(n.get("shared") for n in drawing["nodes"]), "kinds": kinds, "relations": relations, "axes": axes}


def _line(colour: str, dash: str, width: float, head: bool) -> Markup:
    return line_icon(colour, dash, "arrow" if head else None, width, css_class=None, end=36)


def _measure_rows(d: Diff) -> tuple[list[list], tuple[str, str] | None]:
    """Rows of the graph measures table (label, A, B, B - A), and the top hubs of A and B."""
    from ..metrics import COLUMN_LABELS

    rows = []
    hub = None
    for name, r in zip(d.measures.index, d.measures.to_dict(orient="records")):
        change, va, vb = r["change"], r["a"], r["b"]
        if name == "top_hub":
            hub = (text(va) or "none", text(vb) or "none")
            continue
        if change is None or (isinstance(change, float) and math.isnan(change)):
            shown = ""
        else:
            shown = f"{change:+d}" if isinstance(change, int) else f"{change:+.3f}"
        label = {"ties": "Ties (as listed)", "edges": "Arcs (a symmetric tie counts 2)"}.get(name) or COLUMN_LABELS.get(name, name)
        if name.endswith("_share"):
            label += " (share of arcs)"
        rows.append([label, _number(va), _number(vb), shown])
    return rows, hub


def _panel(d: Diff, drawing: dict) -> dict:
    """What the panel beside the drawing shows: legend, summary, measures, roles, distances."""
    measures, hub = _measure_rows(d)
    roles = [[_role_text(role), int(r["a_nodes"]), int(r["b_nodes"]), f"{r['a_tie_share']:.2f}", f"{r['b_tie_share']:.2f}"]
             for role, r in zip(d.roles.index, d.roles.to_dict(orient="records"))]
    distances = [(x.name, "n/a" if x.value is None else f"{x.value:.3f}" + ("" if x.exact else " (upper bound)"), x.meaning)
                 for x in d.distances]
    return {"union": drawing["view"] == "union", "a": d.a["id"], "b": d.b["id"], "sentences": summary_sentences(d),
            "measures": measures, "hub": hub, "roles": roles, "distances": distances, **_legend(drawing, d)}


def _options() -> dict:
    return {
        "autoResize": True,
        "height": "100%",
        "width": "100%",
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1, "hierarchical": {"enabled": False}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "keyboard": {"enabled": False}, "multiselect": False},
        "nodes": {"font": {"size": 14, "face": FONT, "color": "#222222", "strokeWidth": 4, "strokeColor": "#ffffff"},
                  "widthConstraint": {"maximum": 150}},
        "edges": {"smooth": False, "selectionWidth": 1.5, "hoverWidth": 0.8,
                  "font": {"size": 10, "face": FONT, "color": "#555555", "strokeWidth": 3, "strokeColor": "#ffffff",
                           "align": "horizontal"}},
    }


def _choose_layout(d: Diff, layout: str) -> str:
    """``union`` or ``side``: check ``layout`` against the diff's mode, decide ``auto``."""
    if layout not in ("auto", "union", "side"):
        raise ValueError(f"layout must be 'auto', 'union' or 'side', not {layout!r}")
    if layout == "union" and d.mode != "identity":
        raise ValueError("a union drawing needs a diff in identity mode (networks of one country)")
    if layout == "auto":
        turnover = d.distance("node_jaccard")
        layout = "union" if d.mode == "identity" and turnover is not None and turnover.value <= 0.75 else "side"
    return layout


def _how(d: Diff, layout: str) -> str:
    if layout == "union":
        return "the same institutions matched by id: the union of both, coloured by change"
    if d.mode == "identity":
        return ("institutions matched by id, but few are shared: side by side, each role in the same place, "
                "shared institutions with a thick outline")
    return "compared by functional role: side by side, each role in the same place"


def diff_html(A: nx.DiGraph, B: nx.DiGraph, d: Diff | None = None, *, layout: str = "auto") -> str:
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
    js, vis_css = vis_assets()
    drawing = _identity_drawing(A, B, d) if layout == "union" else _role_drawing(A, B, d)
    payload = {"nodes": drawing["nodes"], "edges": drawing["edges"], "captions": drawing["captions"],
               "lines": drawing["lines"], "options": _options()}
    boot, css = static_text("diff.js"), stylesheet("diff.css", font=FONT)
    ida, idb = d.a["id"], d.b["id"]
    return render_template(
        "diff.html",
        csp=content_security_policy([js, boot], [vis_css, css], images=True),
        styles=[Markup(vis_css), css],
        scripts=[Markup(js), boot],
        data=payload,
        title=f"{ida} \u2192 {idb}",
        how=_how(d, layout),
        meta=f"A: {ida} \u2014 {d.a['title']} \u00b7 B: {idb} \u2014 {d.b['title']}",
        empty=not drawing["nodes"],
        **_panel(d, drawing),
    )
