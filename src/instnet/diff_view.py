"""The HTML diff view: two networks compared on one self-contained page.

Two eras of one country (a diff in ``identity`` mode) are drawn as the union
of both networks, each institution and tie coloured by whether it is common,
added (only in B), removed (only in A) or changed. Two other networks (``role``
mode) are drawn side by side on one canvas with aligned layouts: each
functional role has one slot, at the same place on both sides, so the eye
compares like with like. The summary sentences, the graph measures, the
composition by role and the distances of the diff are shown beside the
drawing.

The page is built like the network views of :mod:`instnet.render`, whose
public helpers it reuses (vis-network from :func:`~instnet.render.vis_assets`,
:func:`~instnet.render.layout_positions`, ``KIND_STYLES``,
``RELATION_STYLES``): no URL is requested; a Content-Security-Policy allows
only vis-network and this module's one constant script (by hash) and the
page's two style sheets (by hash); data reach the page as escaped HTML text
and as JSON in a ``<script type="application/json">`` block; tooltips and
canvas captions are plain text. The same networks give byte-identical pages.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math

import networkx as nx

from .diff import NO_ROLE, Diff, short_label, diff, summary_sentences
from .model import HORIZONTAL, NODE_KINDS, OTHER_AXIS, RELATIONS, ROLES, VERTICAL
from .render import SHAPE_SVG

__all__ = ["STATUS_COLOURS", "ROLE_ROWS", "diff_html", "role_slots"]

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

_AXIS_DASHES = {VERTICAL: (False, ""), HORIZONTAL: ([8, 5], "8 5"), OTHER_AXIS: ([2, 4], "2 4")}
_AXIS_TEXT = {
    VERTICAL: "vertical (authority): solid",
    HORIZONTAL: "horizontal (coordination): dashed",
    OTHER_AXIS: "other (money, stances, constraints): dotted",
}
_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
_CELL_W, _CELL_H, _PER_ROW = 165, 90, 3
_ROW_GAP, _SIDE_GAP = 60, 140


# ---------------------------------------------------------------- text helpers


def _text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).encode("utf-8", "replace").decode("utf-8")


def _esc(value) -> str:
    return html.escape(_text(value), quote=True)


def _script_json(data) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _number(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return "n/a" if math.isnan(value) else f"{value:.3f}"
    return _text(value)


def _kind_text(kind) -> str:
    return NODE_KINDS[kind].label if kind in NODE_KINDS else _text(kind) or "unknown kind"


def _role_text(role) -> str:
    if not role or role == NO_ROLE:
        return "no role"
    return ROLES[role].label if role in ROLES else _text(role)


def _relation_text(rel) -> str:
    return RELATIONS[rel].label if rel in RELATIONS else _text(rel) or "?"


def _axis(rel) -> str:
    return RELATIONS[rel].axis if rel in RELATIONS else OTHER_AXIS


def _label(G, n) -> str:
    return _text(G.nodes[n].get("label")) or _text(n)


def _shape(kind) -> tuple[str, str]:
    from .render import KIND_STYLES

    return KIND_STYLES.get(kind, ("dot", "#ffffff"))


def _head(rel):
    from .render import RELATION_STYLES

    return RELATION_STYLES.get(rel, ("#999999", "arrow"))


def _arrows(head) -> dict:
    return {"to": {"enabled": head is not None, "type": head or "arrow", "scaleFactor": 0.7}}


def _sort_key(n) -> tuple:
    return (0, float(n), "") if isinstance(n, int | float) and not isinstance(n, bool) else (1, 0.0, str(n))


# ---------------------------------------------------------------- layouts


def role_slots(d: Diff) -> dict[str, tuple[float, float, int]]:
    """Role -> (x, y, columns) of its slot in the side-by-side layout of one side.

    Slots follow :data:`ROLE_ROWS`, keep only the roles present in either
    network, and are wide and tall enough for the larger number of holders of
    the role in A or B (``columns`` per row, at most three), so that both
    sides use the same slots. Coordinates are relative to the side's centre.
    """
    counts = {r: max(int(d.roles.loc[r, "a_nodes"]), int(d.roles.loc[r, "b_nodes"])) for r in d.roles.index}
    known = {r for row in ROLE_ROWS for r in row}
    rows = [[r for r in row if counts.get(r)] for row in ROLE_ROWS]
    extra = [r for r in d.roles.index if r not in known and counts.get(r)]
    rows[-1] = rows[-1][:-1] + extra + rows[-1][-1:] if rows[-1] and rows[-1][-1] == NO_ROLE else rows[-1] + extra
    rows = [row for row in rows if row]
    slots = {}
    y = 0.0
    for row in rows:
        cols = {r: min(counts[r], _PER_ROW) for r in row}
        lines = max(math.ceil(counts[r] / _PER_ROW) for r in row)
        widths = [cols[r] * _CELL_W for r in row]
        x = -sum(widths) / 2
        for r, w in zip(row, widths):
            slots[r] = (x + w / 2, y, cols[r])
            x += w + 40
        # centre the row again after the gaps
        shift = 20 * (len(row) - 1)
        slots.update({r: (slots[r][0] - shift, slots[r][1], slots[r][2]) for r in row})
        y += lines * _CELL_H + _ROW_GAP
    return slots


def _slot_positions(G: nx.DiGraph, holders: dict, slots: dict, dx: float) -> dict:
    pos = {}
    for role, ids in holders.items():
        if role not in slots:
            continue
        cx, cy, cols = slots[role]
        for i, n in enumerate(ids):
            row, col = divmod(i, cols)
            in_row = min(cols, len(ids) - row * cols)
            x = cx + (col - (in_row - 1) / 2) * _CELL_W
            pos[n] = (round(x + dx), round(cy + row * _CELL_H))
    return pos


def _holders(d: Diff, side: str) -> dict:
    return {role: list(ids) for role, ids in d.alignment[f"{side}_ids"].items()}


def _curve(pairs: list, pos: dict) -> dict:
    """Edge index -> roundness, for reverse twins and ties along a row that would cross other nodes."""
    present = set(pairs)
    out = {}
    for i, (u, v) in enumerate(pairs):
        if (v, u) in present:
            out[i] = 0.2
            continue
        (x1, y1), (x2, y2) = pos[u], pos[v]
        length = math.hypot(x2 - x1, y2 - y1)
        if length < 1:
            continue
        for w, (x, y) in pos.items():
            if w in (u, v):
                continue
            t = ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / length**2
            if 0.05 < t < 0.95:
                px, py = x1 + t * (x2 - x1), y1 + t * (y2 - y1)
                if math.hypot(x - px, y - py) < 28:
                    out[i] = 0.25
                    break
    return out


# ---------------------------------------------------------------- drawings


def _tip(*lines) -> str:
    return "\n".join(line for line in lines if line)


def _identity_drawing(A: nx.DiGraph, B: nx.DiGraph, d: Diff) -> dict:
    from .render import layout_positions

    ida, idb = d.a["id"], d.b["id"]
    ids = sorted(set(A) | set(B), key=_sort_key)
    shared = d.shared_nodes.set_index("id") if len(d.shared_nodes) else None
    U = nx.DiGraph()
    status, labels = {}, {}
    for n in ids:
        da, db = (A.nodes[n] if n in A else None), (B.nodes[n] if n in B else None)
        data = db or da
        if da is not None and db is not None:
            changed = da.get("kind") != db.get("kind") or (da.get("role") or None) != (db.get("role") or None)
            status[n] = "changed" if changed else "common"
            la, lb = _label(A, n), _label(B, n)
            labels[n] = la if la == lb else f"{short_label(la)} / {short_label(lb)}"
        else:
            status[n] = "added" if db is not None else "removed"
            labels[n] = _label(B if db is not None else A, n)
        U.add_node(n, label=labels[n], kind=data.get("kind"))
    keys: dict = {}
    for G, side in ((A, "a"), (B, "b")):
        for u, v, data in G.edges(data=True):
            rel = data.get("relation")
            key = tuple(sorted((u, v), key=_sort_key)) if RELATIONS.get(rel) and RELATIONS[rel].symmetric else (u, v)
            keys.setdefault(key, {})[side] = (u, v, rel)
    for key, sides in keys.items():
        u, v, rel = sides.get("b") or sides["a"]
        U.add_edge(u, v, relation=rel)
    pos = layout_positions(U, {n: 18 for n in U})
    nodes = []
    index = {n: i for i, n in enumerate(ids)}
    for n in ids:
        kind = U.nodes[n].get("kind")
        shape, _ = _shape(kind)
        colour = STATUS_COLOURS[status[n]][0]
        role = (B.nodes[n] if n in B else A.nodes[n]).get("role")
        lines = [labels[n], f"{_kind_text(kind)} \u00b7 {_role_text(role)}"]
        if status[n] == "added":
            lines.append(f"only in {idb} (added)")
        elif status[n] == "removed":
            lines.append(f"only in {ida} (removed)")
        else:
            lines.append(f"in {ida} and {idb}" + (" (kind or role changed)" if status[n] == "changed" else ""))
            if n in A and n in B and _label(A, n) != _label(B, n):
                lines.append(f"name: {_label(A, n)} \u2192 {_label(B, n)}")
            if shared is not None and n in shared.index:
                r = shared.loc[n]
                lines.append(f"ties: {r['ties_a']} in {ida}, {r['ties_b']} in {idb}; {r['ties_kept']} kept")
                if r["gained"]:
                    lines.append("gained ties with: " + ", ".join(labels[m] for m in r["gained"]))
                if r["lost"]:
                    lines.append("lost ties with: " + ", ".join(labels[m] for m in r["lost"]))
        node = {
            "id": index[n], "key": _text(n), "label": labels[n], "title": _tip(*lines), "shape": shape, "size": 18,
            "x": pos[n][0], "y": pos[n][1], "status": status[n],
            "color": {"background": colour, "border": "#333333",
                      "highlight": {"background": colour, "border": "#000000"}, "hover": {"background": colour, "border": "#000000"}},
            "borderWidth": 2 if status[n] != "common" else 1,
        }
        if status[n] == "removed":
            node["shapeProperties"] = {"borderDashes": [4, 3]}
        nodes.append(node)
    edges = []
    ordered = sorted(keys.items(), key=lambda kv: (index[(kv[1].get("b") or kv[1]["a"])[0]], index[(kv[1].get("b") or kv[1]["a"])[1]]))
    pairs = [(sides.get("b") or sides["a"])[:2] for _, sides in ordered]
    curves = _curve(pairs, pos)
    for i, (key, sides) in enumerate(ordered):
        u, v, rel = sides.get("b") or sides["a"]
        if "a" in sides and "b" in sides:
            st = "changed" if sides["a"][2] != sides["b"][2] else "common"
        else:
            st = "added" if "b" in sides else "removed"
        colour = STATUS_COLOURS[st][0]
        _, head = _head(rel)
        text = f"{labels[u]} \u2192 {labels[v]}"
        if st == "changed":
            rel_line = f"relation: {_relation_text(sides['a'][2])} ({ida}) \u2192 {_relation_text(sides['b'][2])} ({idb})"
            where = f"in {ida} and {idb}, relation changed"
        else:
            rel_line = f"relation: {_relation_text(rel)}"
            where = {"common": f"in {ida} and {idb}", "added": f"only in {idb} (added)", "removed": f"only in {ida} (removed)"}[st]
        edge = {
            "id": i, "from": index[u], "to": index[v], "title": _tip(text, rel_line, where), "status": st,
            "color": {"color": colour, "highlight": colour, "hover": colour},
            "width": 1.5 if st == "common" else 2.5, "dashes": [6, 4] if st == "removed" else False,
            "arrows": _arrows(head),
        }
        if st == "changed":
            edge["label"] = f"{_relation_text(sides['a'][2])} \u2192 {_relation_text(rel)}"
        if i in curves:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": curves[i]}
        edges.append(edge)
    statuses = [s for s in STATUS_COLOURS if s in {n["status"] for n in nodes} | {e["status"] for e in edges}]
    kinds = sorted({U.nodes[n].get("kind") for n in ids}, key=lambda k: (list(NODE_KINDS).index(k) if k in NODE_KINDS else 99, _text(k)))
    return {"view": "union", "nodes": nodes, "edges": edges, "captions": [], "lines": [], "statuses": statuses,
            "kinds": kinds, "relations": []}


def _role_drawing(A: nx.DiGraph, B: nx.DiGraph, d: Diff) -> dict:
    slots = role_slots(d)
    xs = [x for x, _, _ in slots.values()]
    half = (max((x + c * _CELL_W / 2 for x, _, c in slots.values()), default=0)
            - min((x - c * _CELL_W / 2 for x, _, c in slots.values()), default=0)) / 2
    offset = half + _SIDE_GAP / 2
    del xs
    sides = []
    for G, side, dx in ((A, "a", -offset), (B, "b", offset)):
        sides.append((G, side, _slot_positions(G, _holders(d, side), slots, dx)))
    nodes, edges, kinds, relations = [], [], [], []
    next_id = 0
    for G, side, pos in sides:
        gid = d.a["id"] if side == "a" else d.b["id"]
        order = sorted(G, key=_sort_key)
        index = {}
        for n in order:
            index[n] = next_id
            data = G.nodes[n]
            kind = data.get("kind")
            if kind not in kinds:
                kinds.append(kind)
            shape, fill = _shape(kind)
            shared = d.mode == "identity" and n in A and n in B
            other = d.b["id"] if side == "a" else d.a["id"]
            lines = [_label(G, n), f"{gid}", f"{_kind_text(kind)} \u00b7 {_role_text(data.get('role'))}",
                     f"ties: {G.degree(n)}", f"also in {other} (same id)" if shared else "",
                     _text(data.get("description"))]
            nodes.append({
                "id": next_id, "key": _text(n), "side": side, "label": _label(G, n), "title": _tip(*lines),
                "shape": shape, "size": 18, "x": pos[n][0], "y": pos[n][1],
                "color": {"background": fill, "border": "#333333", "highlight": {"background": fill, "border": "#000000"},
                          "hover": {"background": fill, "border": "#000000"}},
                "borderWidth": 4 if shared else 1.5, "shared": shared,
            })
            next_id += 1
        pairs = sorted(G.edges(data=True), key=lambda e: (index[e[0]], index[e[1]]))
        curves = _curve([(u, v) for u, v, _ in pairs], pos)
        for i, (u, v, data) in enumerate(pairs):
            rel = data.get("relation")
            if rel not in relations:
                relations.append(rel)
            colour, head = _head(rel)
            dashes, _ = _AXIS_DASHES[_axis(rel)]
            edge = {
                "id": len(edges), "from": index[u], "to": index[v], "side": side,
                "title": _tip(f"{_label(G, u)} \u2192 {_label(G, v)}", f"relation: {_relation_text(rel)}", gid,
                              _text(data.get("description"))),
                "color": {"color": colour, "highlight": colour, "hover": colour},
                "width": 2 if _axis(rel) == VERTICAL else 1.5, "dashes": dashes, "arrows": _arrows(head),
            }
            if i in curves:
                edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": curves[i]}
            edges.append(edge)
    captions, lines = [], []
    top = -_CELL_H * 0.9
    for side, dx in (("a", -offset), ("b", offset)):
        info = d.a if side == "a" else d.b
        captions.append({"text": info["id"], "x": dx, "y": top - 34, "font": f"bold 22px {_FONT}", "color": "#222222"})
        title = info["title"] if len(info["title"]) <= 70 else info["title"][:69] + "\u2026"
        captions.append({"text": title, "x": dx, "y": top - 8, "font": f"14px {_FONT}", "color": "#555555"})
        for role, (x, y, _) in slots.items():
            present = d.roles.loc[role, f"{side}_nodes"] > 0
            if role == NO_ROLE and not present:
                continue
            text = _role_text(role) + ("" if present else " (none)")
            captions.append({"text": text, "x": x + dx, "y": y - 34, "font": f"italic 12px {_FONT}",
                             "color": "#777777" if present else "#b0b0b0"})
    bottom = max((y + _CELL_H * math.ceil(max(len(v) for v in (d.alignment.loc[r, "a_ids"], d.alignment.loc[r, "b_ids"])) / _PER_ROW)
                  for r, (_, y, _) in slots.items()), default=0)
    lines.append({"x1": 0, "y1": top - 50, "x2": 0, "y2": bottom, "color": "#cccccc"})
    kinds.sort(key=lambda k: (list(NODE_KINDS).index(k) if k in NODE_KINDS else 99, _text(k)))
    relations.sort(key=lambda r: (list(RELATIONS).index(r) if r in RELATIONS else 99, _text(r)))
    return {"view": "side", "nodes": nodes, "edges": edges, "captions": captions, "lines": lines, "statuses": [], "kinds": kinds,
            "relations": relations}


# ---------------------------------------------------------------- page parts


def _shape_svg(shape: str, fill: str, dashed: bool = False) -> str:
    attrs = f' fill="{_esc(fill)}" stroke="#333333" stroke-width="1.2"' + (' stroke-dasharray="2.5 2"' if dashed else "")
    return ('<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">'
            + SHAPE_SVG.get(shape, SHAPE_SVG["dot"]).format(a=attrs) + "</svg>")


def _line_svg(colour: str, dash: str, width: float = 2.0, head: bool = True) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    parts = [f'<line x1="2" y1="7" x2="36" y2="7" stroke="{_esc(colour)}" stroke-width="{width}"{dash_attr}/>']
    if head:
        parts.append(f'<polygon points="35,2.5 45,7 35,11.5" fill="{_esc(colour)}"/>')
    return '<svg width="48" height="14" viewBox="0 0 48 14" aria-hidden="true">' + "".join(parts) + "</svg>"


def _legend(drawing: dict, d: Diff) -> str:
    A, B = _esc(d.a["id"]), _esc(d.b["id"])
    out = ['<section id="legend"><h2>Legend</h2>']
    if drawing["view"] == "union":
        out.append(f'<h3>Colour: where an institution or tie is (A = {A}, B = {B})</h3><ul>')
        for st in drawing["statuses"]:
            colour, meaning = STATUS_COLOURS[st]
            meaning = meaning.replace("A", A, 1) if st == "removed" else meaning.replace("B", B, 1) if st == "added" else meaning
            out.append(f'<li data-status="{st}">{_shape_svg("dot", colour, st == "removed")}'
                       f'{_line_svg(colour, "6 4" if st == "removed" else "")}<span><b>{_esc(st)}</b>: {meaning}</span></li>')
        out.append('</ul><p class="note">Removed institutions have a dashed outline and removed ties a dashed line. '
                   "A tie whose relation changed is labelled old \u2192 new; hover over a tie for its relation.</p>")
        out.append("<h3>Shape: kind of institution</h3><ul>")
        shapes: dict = {}
        for kind in drawing["kinds"]:
            shapes.setdefault(_shape(kind)[0], []).append(kind)
        for shape, kinds in shapes.items():
            names = "; ".join(_kind_text(k) for k in kinds)
            out.append(f'<li data-kind="{_esc(" ".join(_text(k) for k in kinds))}">{_shape_svg(shape, "#ffffff")}'
                       f"<span>{_esc(names)}</span></li>")
        out.append("</ul>")
    else:
        out.append(f'<p class="note">{A} on the left, {B} on the right. Each functional role has one place, the same '
                   "on both sides, named in grey above it; \u201c(none)\u201d marks a role the network lacks.</p>")
        if any(n.get("shared") for n in drawing["nodes"]):
            out.append('<p class="note" id="shared-note">Thick outline: the institution is in both networks '
                       "(same id).</p>")
        out.append("<h3>Institutions (shape and colour = kind)</h3><ul>")
        for kind in drawing["kinds"]:
            shape, fill = _shape(kind)
            out.append(f'<li data-kind="{_esc(kind)}">{_shape_svg(shape, fill)}<span>{_esc(_kind_text(kind))}</span></li>')
        out.append("</ul><h3>Ties (colour = relation, line = axis)</h3><ul>")
        for rel in drawing["relations"]:
            colour, head = _head(rel)
            _, dash = _AXIS_DASHES[_axis(rel)]
            out.append(f'<li data-relation="{_esc(rel)}">{_line_svg(colour, dash, 2.0, head is not None)}'
                       f"<span>{_esc(_relation_text(rel))}</span></li>")
        out.append("</ul><ul class=\"axes\">")
        for axis in (VERTICAL, HORIZONTAL, OTHER_AXIS):
            out.append(f"<li>{_line_svg('#555555', _AXIS_DASHES[axis][1], 1.5, False)}<span>{_esc(_AXIS_TEXT[axis])}</span></li>")
        out.append("</ul>")
    out.append('<p class="note">Hover over a shape or a line for details. Drag to pan, scroll to zoom.</p></section>')
    return "".join(out)


def _table(headers: list[str], rows: list[list], cls: str = "") -> str:
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _panel(d: Diff, drawing: dict) -> str:
    from .metrics import COLUMN_LABELS

    A, B = d.a["id"], d.b["id"]
    out = [_legend(drawing, d), '<section id="summary"><h2>What the numbers say</h2><ul>']
    out += [f"<li>{_esc(s)}</li>" for s in summary_sentences(d)]
    out.append("</ul></section>")
    rows = []
    hub = ""
    for name, r in zip(d.measures.index, d.measures.to_dict(orient="records")):
        change, va, vb = r["change"], r["a"], r["b"]
        if name == "top_hub":
            hub = f'<p class="note" id="top-hub">Top hub (most ties): A: {_esc(va) or "none"}; B: {_esc(vb) or "none"}.</p>'
            continue
        if change is None or (isinstance(change, float) and math.isnan(change)):
            shown = ""
        else:
            shown = f"{change:+d}" if isinstance(change, int) else f"{change:+.3f}"
        label = {"ties": "Ties (as listed)", "edges": "Arcs (a symmetric tie counts 2)"}.get(name) or COLUMN_LABELS.get(name, name)
        if name.endswith("_share"):
            label += " (share of arcs)"
        rows.append([label, _number(va), _number(vb), shown])
    key = f'<p class="note">A = {_esc(A)}, B = {_esc(B)}.</p>'
    out.append(f'<section id="measures"><h2>Graph measures</h2>{key}{_table(["measure", "A", "B", "B - A"], rows, "num")}'
               f"{hub}</section>")
    rows = [[_role_text(role), int(r["a_nodes"]), int(r["b_nodes"]), f"{r['a_tie_share']:.2f}", f"{r['b_tie_share']:.2f}"]
            for role, r in zip(d.roles.index, d.roles.to_dict(orient="records"))]
    out.append('<section id="roles"><h2>Roles: institutions and share of ties</h2>'
               f'{_table(["role", "n A", "n B", "ties A", "ties B"], rows, "num")}'
               '<p class="note">n: institutions in the role; ties: the share of a network\u2019s ties that touch '
               "an institution in the role.</p></section>")
    out.append('<section id="distances"><h2>Distances</h2><dl>')
    for x in d.distances:
        value = "n/a" if x.value is None else f"{x.value:.3f}" + ("" if x.exact else " (upper bound)")
        out.append(f"<dt>{_esc(x.name)}: <b>{_esc(value)}</b></dt><dd>{_esc(x.meaning)}</dd>")
    out.append("</dl></section>")
    return "".join(out)


_CSS = """
html,body{margin:0;height:100%}
body{display:flex;flex-direction:column;font-family:FONT;color:#222;background:#fff}
header{padding:8px 16px;border-bottom:1px solid #ddd}
header h1{font-size:20px;margin:0 0 2px}
header p{margin:0;color:#555;font-size:14px}
main{flex:1;display:flex;min-height:0}
#network{flex:1;min-width:0;position:relative}
#empty{position:absolute;top:40%;width:100%;text-align:center;color:#777}
aside{width:400px;flex:none;overflow:auto;border-left:1px solid #ddd;padding:4px 14px 12px;font-size:13px;background:#fafafa}
aside h2{font-size:15px;margin:10px 0 4px}
aside h3{font-size:13px;margin:10px 0 4px}
aside ul{margin:0;padding:0 0 0 16px}
aside li{margin:3px 0;line-height:1.35}
#legend ul{list-style:none;padding:0}
#legend li{display:flex;align-items:center;gap:6px}
#legend svg{flex:none}
.note{color:#555;margin:6px 0}
table{border-collapse:collapse;width:100%;font-size:12px;table-layout:fixed}
th,td{border-bottom:1px solid #e4e4e4;padding:2px 4px;text-align:left;vertical-align:top;overflow-wrap:break-word}
th:first-child{width:38%}
table.num td+td,table.num th+th{text-align:right}
dl{margin:0}dt{margin-top:6px}dd{margin:2px 0 0 12px;color:#555}
div.vis-tooltip{white-space:pre-wrap;max-width:420px;font-family:FONT;font-size:13px;line-height:1.35}
""".replace("FONT", _FONT)

_BOOT = """(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("instnet-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("network");
  var view = {drawn: false, nodes: nodes, edges: edges, network: null};
  window.instnetView = view;
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  view.network = network;
  network.on("beforeDrawing", function (ctx) {
    data.lines.forEach(function (l) {
      ctx.save(); ctx.strokeStyle = l.color; ctx.lineWidth = 1; ctx.setLineDash([6, 6]);
      ctx.beginPath(); ctx.moveTo(l.x1, l.y1); ctx.lineTo(l.x2, l.y2); ctx.stroke(); ctx.restore();
    });
    data.captions.forEach(function (c) {
      ctx.save(); ctx.font = c.font; ctx.fillStyle = c.color; ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.fillText(c.text, c.x, c.y); ctx.restore();
    });
  });
  network.once("afterDrawing", function () {
    view.drawn = true;
    document.body.setAttribute("data-drawn", "true");
  });
  network.fit({animation: false});
  network.moveTo({scale: network.getScale() * 0.9, animation: false});
})();"""


def _options() -> dict:
    return {
        "autoResize": True,
        "height": "100%",
        "width": "100%",
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1, "hierarchical": {"enabled": False}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                        "keyboard": {"enabled": False}, "multiselect": False},
        "nodes": {"font": {"size": 14, "face": _FONT, "color": "#222222", "strokeWidth": 4, "strokeColor": "#ffffff"},
                  "widthConstraint": {"maximum": 150}},
        "edges": {"smooth": False, "selectionWidth": 1.5, "hoverWidth": 0.8,
                  "font": {"size": 10, "face": _FONT, "color": "#555555", "strokeWidth": 3, "strokeColor": "#ffffff",
                           "align": "horizontal"}},
    }


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
    from .render import vis_assets

    if d is None:
        d = diff(A, B)
    if layout not in ("auto", "union", "side"):
        raise ValueError(f"layout must be 'auto', 'union' or 'side', not {layout!r}")
    if layout == "union" and d.mode != "identity":
        raise ValueError("a union drawing needs a diff in identity mode (networks of one country)")
    if layout == "auto":
        turnover = d.distance("node_jaccard")
        layout = "union" if d.mode == "identity" and turnover is not None and turnover.value <= 0.75 else "side"
    js, vis_css = vis_assets()
    drawing = _identity_drawing(A, B, d) if layout == "union" else _role_drawing(A, B, d)
    payload = {"nodes": drawing["nodes"], "edges": drawing["edges"], "captions": drawing["captions"],
               "lines": drawing["lines"], "options": _options()}
    csp = ("default-src 'none'; "
           f"script-src '{_sha256(js)}' '{_sha256(_BOOT)}'; "
           f"style-src '{_sha256(vis_css)}' '{_sha256(_CSS)}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    ida, idb = d.a["id"], d.b["id"]
    if layout == "union":
        how = "the same institutions matched by id: the union of both, coloured by change"
    elif d.mode == "identity":
        how = ("institutions matched by id, but few are shared: side by side, each role in the same place, "
               "shared institutions with a thick outline")
    else:
        how = "compared by functional role: side by side, each role in the same place"
    title = f"{ida} \u2192 {idb}"
    meta = f"A: {ida} \u2014 {d.a['title']} \u00b7 B: {idb} \u2014 {d.b['title']}"
    empty = '<p id="empty">Both networks are empty.</p>' if not drawing["nodes"] else ""
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n",
        '<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>Diff {_esc(title)}</title>\n",
        f"<style>{vis_css}</style>\n",
        f"<style>{_CSS}</style>\n",
        "</head>\n<body>\n",
        f'<header><h1 id="title">Diff: {_esc(title)}</h1><p id="mode">{_esc(how)}</p><p id="meta">{_esc(meta)}</p></header>\n',
        f'<main><div id="network">{empty}</div>\n<aside id="panel">{_panel(d, drawing)}</aside></main>\n',
        f'<script type="application/json" id="instnet-data">{_script_json(payload)}</script>\n',
        f"<script>{js}</script>\n",
        f"<script>{_BOOT}</script>\n",
        "</body>\n</html>\n",
    ])
