"""What the network view's find-and-filter panel reads: search names, filter options, each option's count.

The page's script ``static/find.js`` reads :func:`find_payload` from the page's
JSON (key ``find``); the filter check boxes are written by ``static/filter.js``
from :func:`find_filters` (the page's ``find.filters``) with ``createElement``
and ``textContent`` only, so no markup is built from data. A node record's ``group`` is its kind, an edge record's
``rel`` its relation; ``external`` / ``ext`` mark items citing an external
source (see :mod:`instnet.render.network`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import networkx as nx

from ..layout.nodes import node_label
from ..model import HORIZONTAL, NODE_KINDS, OTHER_AXIS, RELATIONS, VERTICAL
from .styles import axis_of

__all__ = ["AXIS_LABELS", "SOURCE_LABELS", "find_filters", "find_payload"]

#: Axis -> the filter's label for it.
AXIS_LABELS = {
    VERTICAL: "Vertical (authority)",
    HORIZONTAL: "Horizontal (coordination)",
    OTHER_AXIS: "Other",
}

#: Source filter value -> its label; "seeds" are items citing a bundled source document.
SOURCE_LABELS = {"seeds": "Seed documents", "external": "External sources"}


def _kind_label(kind: str) -> str:
    term = NODE_KINDS.get(kind)
    return term.label if term else f"Unknown kind \u201c{kind}\u201d"


def _relation_label(rel: str) -> str:
    term = RELATIONS.get(rel)
    return term.label if term else f"unknown relation \u201c{rel}\u201d"


def find_payload(G: nx.DiGraph, order: Sequence, nodes: Sequence[Mapping], edges: Sequence[Mapping]) -> dict:
    """The ``find`` key of the view's JSON: full names, kind labels and each relation's axis.

    Parameters
    ----------
    G : networkx.DiGraph
        The network drawn.
    order : sequence
        Its nodes in the order of the page's node records (record ``id`` = position).
    nodes, edges : sequence of mapping
        The page's node and edge records (``group`` is the kind, ``rel`` the relation).

    Returns
    -------
    dict
        ``names``: the full label of each node (its id when it has none), by record id;
        ``kinds``: kind -> label; ``axes``: relation -> ``"vertical"``, ``"horizontal"`` or ``"other"``.

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_node("mof", label="Ministry of Finance", kind="ministry")
    >>> G.add_node("pm", kind="head_of_government")
    >>> p = find_payload(G, ["mof", "pm"], [{"group": "ministry"}, {"group": "head_of_government"}], [{"rel": "directs"}])
    >>> p["names"], p["axes"]
    (['Ministry of Finance', 'pm'], {'directs': 'vertical'})
    """
    return {
        "names": [node_label(G, n) for n in order],
        "kinds": {n["group"]: _kind_label(n["group"]) for n in nodes},
        "axes": {e["rel"]: axis_of(e["rel"]) for e in edges},
    }


_NOUNS = {"kind": "kinds", "relation": "relations", "axis": "axes", "source": "sources"}


def _group(name: str, legend: str, options: list[dict]) -> dict:
    return {"name": name, "legend": legend, "noun": _NOUNS[name], "options": options}


def find_filters(
    nodes: Sequence[Mapping], edges: Sequence[Mapping], kinds: Sequence[str], relations: Sequence[str]
) -> list[dict]:
    """The filter fieldsets of the panel: kind, relation, axis and source, each option with its count.

    A fieldset with fewer than two options is left out (nothing to choose); the
    source fieldset appears only when the network has items of both sources.

    Parameters
    ----------
    nodes, edges : sequence of mapping
        The page's node and edge records.
    kinds, relations : sequence of str
        The kinds and relations present, in legend order.

    Returns
    -------
    list of dict
        One dict per fieldset: ``name`` (the ``data-filter`` of its check boxes:
        ``kind``, ``relation``, ``axis``, ``source``), ``legend``, ``noun`` (its plural), and ``options``,
        each with ``value``, ``label`` and ``count`` (a short text).

    Examples
    --------
    >>> nodes = [{"group": "ministry"}, {"group": "council", "external": True}]
    >>> edges = [{"rel": "directs"}, {"rel": "consults", "ext": True}]
    >>> [g["name"] for g in find_filters(nodes, edges, ["ministry", "council"], ["directs", "consults"])]
    ['kind', 'relation', 'axis', 'source']
    """
    by_kind = Counter(n["group"] for n in nodes)
    by_rel = Counter(e["rel"] for e in edges)
    by_axis = Counter(axis_of(e["rel"]) for e in edges)
    groups = [
        _group("kind", "Kind", [{"value": k, "label": _kind_label(k), "count": str(by_kind[k])} for k in kinds]),
        _group(
            "relation",
            "Relation",
            [{"value": r, "label": _relation_label(r), "count": str(by_rel[r])} for r in relations],
        ),
        _group(
            "axis",
            "Axis of the tie",
            [{"value": a, "label": AXIS_LABELS[a], "count": str(by_axis[a])} for a in AXIS_LABELS if by_axis[a]],
        ),
    ]
    ext_nodes = sum(1 for n in nodes if n.get("external"))
    ext_edges = sum(1 for e in edges if e.get("ext"))
    counts = {"seeds": (len(nodes) - ext_nodes, len(edges) - ext_edges), "external": (ext_nodes, ext_edges)}
    if all(sum(c) for c in counts.values()):
        options = [
            {"value": key, "label": label, "count": f"{counts[key][0]} + {counts[key][1]}"}
            for key, label in SOURCE_LABELS.items()
        ]
        groups.append(_group("source", "Source (institutions + ties)", options))
    return [g for g in groups if len(g["options"]) > 1]
