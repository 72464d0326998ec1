"""The diff view's drawings: the union of two eras coloured by change, or two networks side by side in role slots.

Each drawing is a dict of vis-network node and edge records plus canvas
captions and lines, ready for the page's JSON (see :mod:`instnet.render.diff_view`).
"""

from __future__ import annotations

import math

import networkx as nx

from ..diff import NO_ROLE, Diff, short_label
from ..layout import layout_positions, near_curves, slot_grid, slot_positions
from ..layout.nodes import node_label, sort_key
from ..layout.slots import CELL_H, CELL_W, PER_ROW, SIDE_GAP, SLOT_GAP
from ..model import NODE_KINDS, RELATIONS, ROLES, VERTICAL
from .labels import compact_labels
from .page import text
from .styles import (
    AXIS_STYLES,
    FONT,
    axis_of,
    kind_style,
    relation_style,
    vocabulary_order,
)

__all__ = [
    "ROLE_ROWS",
    "STATUS_COLOURS",
    "identity_drawing",
    "kind_text",
    "relation_text",
    "role_drawing",
    "role_slots",
    "role_text",
]

#: Status of an element in a same-country diff -> (colour, meaning).
STATUS_COLOURS = {
    "common": ("#b0b0b0", "in both networks"),
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


def kind_text(kind) -> str:
    return NODE_KINDS[kind].label if kind in NODE_KINDS else text(kind) or "unknown kind"


def role_text(role) -> str:
    if not role or role == NO_ROLE:
        return "no role"
    return ROLES[role].label if role in ROLES else text(role)


def relation_text(rel) -> str:
    return RELATIONS[rel].label if rel in RELATIONS else text(rel) or "?"


def _arrows(head) -> dict:
    return {"to": {"enabled": head is not None, "type": head or "arrow", "scaleFactor": 0.7}}


def _tip(*lines) -> str:
    return "\n".join(line for line in lines if line)


def _node_colour(fill: str) -> dict:
    return {
        "background": fill,
        "border": "#333333",
        "highlight": {"background": fill, "border": "#000000"},
        "hover": {"background": fill, "border": "#000000"},
    }


# ---------------------------------------------------------------- layouts


def role_slots(d: Diff) -> dict[str, tuple[float, float, int]]:
    """Role -> (x, y, columns) of its slot in the side-by-side layout of one side.

    Slots follow :data:`ROLE_ROWS`, keep only the roles present in either
    network, and are wide and tall enough for the larger number of holders of
    the role in A or B (``columns`` per row, at most three), so that both
    sides use the same slots. Coordinates are relative to the side's centre.
    """
    a, b = d.roles["a_nodes"].to_dict(), d.roles["b_nodes"].to_dict()  # columns as dicts: one lookup a role
    counts = {r: max(int(a[r]), int(b[r])) for r in d.roles.index}
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
        data = db or da or {}
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
    for sides in keys.values():
        u, v, rel = sides.get("b") or sides["a"]
        U.add_edge(u, v, relation=rel)
    return U, status, labels, keys


def _union_node_lines(A, B, d: Diff, n, status: str, labels: dict, kind, shared) -> list[str]:
    """Tooltip lines of one institution of the union: kind and role, where it is, its ties gained and lost."""
    ida, idb = d.a["id"], d.b["id"]
    role = (B.nodes[n] if n in B else A.nodes[n]).get("role")
    lines = [labels[n], f"{kind_text(kind)} \u00b7 {role_text(role)}"]
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
    # compact names (an acronym, the first words): what static/diff.js draws when the full ones would be too small
    shorts = dict(zip(index, compact_labels([labels[n] for n in index]), strict=True))
    for n in index:
        kind = U.nodes[n].get("kind")
        shape, _ = kind_style(kind)
        lines = _union_node_lines(A, B, d, n, status[n], labels, kind, shared)
        node = {
            "id": index[n],
            "key": text(n),
            "label": labels[n],
            "short": shorts[n],
            "title": _tip(*lines),
            "shape": shape,
            "size": 18,
            "x": pos[n][0],
            "y": pos[n][1],
            "status": status[n],
            "color": _node_colour(STATUS_COLOURS[status[n]][0]),
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
            rel_line = f"relation: {relation_text(sides['a'][2])} ({ida}) \u2192 {relation_text(sides['b'][2])} ({idb})"
            where = f"in {ida} and {idb}, relation changed"
        else:
            rel_line = f"relation: {relation_text(rel)}"
            where = {
                "common": f"in {ida} and {idb}",
                "added": f"only in {idb} (added)",
                "removed": f"only in {ida} (removed)",
            }[st]
        edge = {
            "id": i,
            "from": index[u],
            "to": index[v],
            "title": _tip(f"{labels[u]} \u2192 {labels[v]}", rel_line, where),
            "status": st,
            "color": {"color": colour, "highlight": colour, "hover": colour},
            "width": 1.5 if st == "common" else 2.5,
            "dashes": [6, 4] if st == "removed" else False,
            "arrows": _arrows(head),
        }
        if st == "changed":
            edge["label"] = f"{relation_text(sides['a'][2])} \u2192 {relation_text(rel)}"
        if i in curves:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": curves[i]}
        edges.append(edge)
    return edges


def identity_drawing(A: nx.DiGraph, B: nx.DiGraph, d: Diff) -> dict:
    """The union of A and B laid out as one network, every institution and tie coloured by status."""
    U, status, labels, keys = _union_graph(A, B)
    pos = layout_positions(U, {n: 18 for n in U})
    index = {n: i for i, n in enumerate(sorted(U, key=sort_key))}
    nodes = _union_nodes(A, B, d, U, status, labels, pos, index)
    edges = _union_edges(d, keys, labels, pos, index)
    statuses = [s for s in STATUS_COLOURS if s in {n["status"] for n in nodes} | {e["status"] for e in edges}]
    kinds = vocabulary_order({U.nodes[n].get("kind") for n in index}, NODE_KINDS)
    return {
        "view": "union",
        "nodes": nodes,
        "edges": edges,
        "captions": [],
        "lines": [],
        "statuses": statuses,
        "kinds": kinds,
        "relations": [],
    }


def role_drawing(A: nx.DiGraph, B: nx.DiGraph, d: Diff) -> dict:
    """A (left) and B (right) on one canvas, each institution in the slot of its role, slots captioned."""
    slots = role_slots(d)
    half = (
        max((x + c * CELL_W / 2 for x, _, c in slots.values()), default=0)
        - min((x - c * CELL_W / 2 for x, _, c in slots.values()), default=0)
    ) / 2
    offset = half + SIDE_GAP / 2
    nodes: list[dict] = []
    edges: list[dict] = []
    kinds: dict = {}  # kinds and relations present, as dict keys (in order, once)
    relations: dict = {}
    for G, side, dx in ((A, "a", -offset), (B, "b", offset)):
        pos = slot_positions(_holders(d, side), slots, dx)
        index = {n: len(nodes) + i for i, n in enumerate(sorted(G, key=sort_key))}
        nodes += _side_nodes(G, side, d, A, B, pos, index)
        edges += _side_edges(G, side, d, pos, index, len(edges))
        kinds.update(dict.fromkeys(G.nodes[n].get("kind") for n in index))
        relations.update(dict.fromkeys(data.get("relation") for _, _, data in G.edges(data=True)))
    captions, lines = _side_captions(d, slots, offset)
    return {
        "view": "side",
        "nodes": nodes,
        "edges": edges,
        "captions": captions,
        "lines": lines,
        "statuses": [],
        "kinds": vocabulary_order(kinds, NODE_KINDS),
        "relations": vocabulary_order(relations, RELATIONS),
    }


def _side_nodes(G, side: str, d: Diff, A, B, pos: dict, index: dict) -> list[dict]:
    """The node records of one side, coloured by kind, shared institutions with a thick outline."""
    gid, other = (d.a["id"], d.b["id"]) if side == "a" else (d.b["id"], d.a["id"])
    nodes = []
    labels = {n: node_label(G, n) for n in index}
    # compact names (an acronym, the first words): what static/diff.js draws when the full ones would be too small
    shorts = dict(zip(index, compact_labels(list(labels.values())), strict=True))
    for n, node_id in index.items():
        data = G.nodes[n]
        kind = data.get("kind")
        shape, fill = kind_style(kind)
        shared = d.mode == "identity" and n in A and n in B
        lines = [
            labels[n],
            f"{gid}",
            f"{kind_text(kind)} \u00b7 {role_text(data.get('role'))}",
            f"ties: {G.degree(n)}",
            f"also in {other} (same id)" if shared else "",
            text(data.get("description")),
        ]
        nodes.append(
            {
                "id": node_id,
                "key": text(n),
                "side": side,
                "label": labels[n],
                "short": shorts[n],
                "title": _tip(*lines),
                "shape": shape,
                "size": 18,
                "x": pos[n][0],
                "y": pos[n][1],
                "color": _node_colour(fill),
                "borderWidth": 4 if shared else 1.5,
                "shared": shared,
            }
        )
    return nodes


def _side_edges(G, side: str, d: Diff, pos: dict, index: dict, first: int) -> list[dict]:
    """The edge records of one side, numbered from ``first``: colour by relation, line by axis."""
    gid = d.a["id"] if side == "a" else d.b["id"]
    pairs = sorted(G.edges(data=True), key=lambda e: (index[e[0]], index[e[1]]))
    curves = near_curves([(u, v) for u, v, _ in pairs], pos)
    edges = []
    for i, (u, v, data) in enumerate(pairs):
        rel = data.get("relation")
        colour, head = relation_style(rel)
        dashes = AXIS_STYLES[axis_of(rel)][1]
        edge = {
            "id": first + i,
            "from": index[u],
            "to": index[v],
            "side": side,
            "title": _tip(
                f"{node_label(G, u)} \u2192 {node_label(G, v)}",
                f"relation: {relation_text(rel)}",
                gid,
                text(data.get("description")),
            ),
            "color": {"color": colour, "highlight": colour, "hover": colour},
            "width": 2 if axis_of(rel) == VERTICAL else 1.5,
            "dashes": dashes,
            "arrows": _arrows(head),
        }
        if i in curves:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": curves[i]}
        edges.append(edge)
    return edges


def _side_captions(d: Diff, slots: dict, offset: float) -> tuple[list[dict], list[dict]]:
    """Canvas captions (network id and title over each side, role names over the slots) and the dividing line."""
    captions = []
    top = -CELL_H * 0.9
    nodes = {side: d.roles[f"{side}_nodes"].to_dict() for side in ("a", "b")}  # columns as dicts: one lookup a role
    for side, dx in (("a", -offset), ("b", offset)):
        info = d.a if side == "a" else d.b
        captions.append({"text": info["id"], "x": dx, "y": top - 34, "font": f"bold 22px {FONT}", "color": "#222222"})
        title = info["title"] if len(info["title"]) <= 70 else info["title"][:69] + "\u2026"
        captions.append({"text": title, "x": dx, "y": top - 8, "font": f"14px {FONT}", "color": "#555555"})
        for role, (x, y, columns) in slots.items():
            present = nodes[side][role] > 0
            if role == NO_ROLE and not present:
                continue
            caption = role_text(role) + ("" if present else " (none)")
            captions.append(
                {
                    "text": caption,
                    "x": x + dx,
                    "y": y - 34,
                    "font": f"italic 12px {FONT}",
                    "color": "#777777" if present else "#b0b0b0",
                    # its slot's width and half the gaps beside it: no role's name reaches its neighbour's
                    "room": columns * CELL_W + SLOT_GAP - 8,
                }
            )
    ids_a, ids_b = d.alignment["a_ids"].to_dict(), d.alignment["b_ids"].to_dict()
    holders = {r: max(len(ids_a[r]), len(ids_b[r])) for r in slots}
    bottom = max((y + CELL_H * math.ceil(holders[r] / PER_ROW) for r, (_, y, _) in slots.items()), default=0)
    return captions, [{"x1": 0, "y1": top - 50, "x2": 0, "y2": bottom, "color": "#cccccc"}]
