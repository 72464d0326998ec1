"""The network view's plain-text tooltips and source marks: what each institution and tie says of itself."""

from __future__ import annotations

import math

import numpy as np

from ..model import NODE_KINDS, RELATIONS, ROLES
from .page import text
from .styles import EXTERNAL_MARK, SEED_MARK

__all__ = [
    "node_title",
    "edge_title",
    "evidence_lines",
    "citation",
    "is_external",
    "mostly_external",
    "mark",
    "number",
    "years",
]


def number(value) -> str:
    """Format a score for the header: integers as is, floats to 3 significant digits."""
    if value is None or isinstance(value, bool):
        return text(value) or "n/a"
    if isinstance(value, int | np.integer):
        return str(int(value))
    try:
        x = float(value)
    except (TypeError, ValueError):
        return text(value)
    if not math.isfinite(x):
        return "n/a"
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    return f"{x:.3g}"


def years(start, end) -> str:
    start, end = text(start), text(end)
    if start and end:
        return f"{start}\u2013{end}"
    if start:
        return f"from {start}"
    if end:
        return f"until {end}"
    return ""


def citation(G, data) -> str:
    """The tooltip's last line: the source an item cites (``""`` when it cites none).

    A page shows it at the end of :func:`node_title` and :func:`edge_title`;
    the network view keeps each distinct line once (see
    :mod:`instnet.render.network`) and its script joins it back.
    """
    cite = text(data.get("cite"))
    if not cite:
        return ""
    ref = (G.graph.get("references") or {}).get(data.get("cite")) or {}
    citation = text(ref.get("citation")) or f"[{cite}]"
    if data.get("external") or ref.get("external"):
        return f"Source (external, not among the bundled source documents): {citation}"
    return f"Source: {citation}"


def evidence_lines(data) -> list[str]:
    """An item's description and quote, as its tooltip shows them (the long text a site's pages share)."""
    lines = []
    if text(data.get("description")):
        lines.append(text(data.get("description")))
    if text(data.get("quote")):
        lines.append(f"\u201c{text(data.get('quote'))}\u201d")
    return lines


def _evidence(G, data, cite: bool = True) -> list[str]:
    lines = evidence_lines(data)
    basis = text(data.get("basis"))
    if basis:
        lines.insert(1 if text(data.get("description")) else 0, f"Basis: {basis}")
    source = citation(G, data) if cite else ""
    if source:
        lines.append(source)
    return lines


def node_title(G, n, data, size_name, value, *, cite: bool = True) -> str:
    """An institution's tooltip: name, kind and role, id, years, size, evidence and (``cite``) its source."""
    kind = data.get("kind")
    term = NODE_KINDS.get(kind)
    kind_text = term.label if term else (f"Unknown kind: {text(kind)}" if kind else "Kind not given")
    role = ROLES.get(data.get("role"))
    lines = [text(data.get("label")) or text(n), kind_text + (f" \u00b7 {role.label}" if role else "")]
    lines.append(f"id: {text(n)}")
    span = years(data.get("start"), data.get("end"))
    if span:
        lines.append(f"Years: {span}")
    if math.isfinite(value):
        lines.append(f"{size_name}: {number(value)}")
    lines.extend(_evidence(G, data, cite))
    return "\n".join(lines)


def edge_title(G, u, v, data, *, cite: bool = True) -> str:
    """A tie's tooltip: its ends and relation, years, evidence and (``cite``) its source."""
    rel_key = data.get("relation")
    rel = RELATIONS.get(rel_key)
    name = rel.label if rel else (text(rel_key) or "tie")
    src = text(G.nodes[u].get("label")) or text(u)
    dst = text(G.nodes[v].get("label")) or text(v)
    lines = [f"{src} \u2192 {name} \u2192 {dst}"]
    if rel:
        lines.append(f"Relation: {rel.label} ({rel.axis} tie): {rel.meaning}")
    else:
        lines.append(f"Relation: {name} (not a known relation type)")
    span = years(data.get("start"), data.get("end"))
    if span:
        lines.append(f"Years: {span}")
    lines.extend(_evidence(G, data, cite))
    return "\n".join(lines)


def is_external(G, data) -> bool:
    if data.get("external"):
        return True
    ref = (G.graph.get("references") or {}).get(data.get("cite")) if data.get("cite") is not None else None
    return bool(ref and ref.get("external"))


def mostly_external(G) -> bool:
    """Whether more than half of the institutions and ties cite an external source."""
    items = [d for _, d in G.nodes(data=True)] + [d for _, _, d in G.edges(data=True)]
    return 2 * sum(is_external(G, d) for d in items) > len(items)


def mark(G, data, flip: bool) -> str:
    """The mark after a label or on a tie: a dagger on external items, or (``flip``) a mark on seed-sourced ones."""
    external = is_external(G, data)
    if flip:
        return SEED_MARK if not external and text(data.get("cite")) else ""
    return EXTERNAL_MARK if external else ""
