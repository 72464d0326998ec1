"""Matching by identity: institutions and ties added, removed, changed and rewired between two eras."""

from __future__ import annotations

import functools

import networkx as nx
import pandas as pd

from ..model import is_symmetric
from .groups import _label
from .result import DISTANCE_MEANINGS, Distance
from .values import _plain

__all__ = ["EDGE_ATTRIBUTES", "NODE_ATTRIBUTES", "identity_marks"]

NODE_ATTRIBUTES = ("label", "kind", "role", "start", "end", "description", "cite", "quote", "basis", "external")
EDGE_ATTRIBUTES = ("relation", "start", "end", "description", "cite", "quote", "basis", "external")


def _edge_key(u, v, relation) -> tuple:
    """Canonical key of a tie: (u, v), or the sorted pair for a symmetric relation."""
    if is_symmetric(relation):
        a, b = sorted((u, v), key=str)
        return (a, b)
    return (u, v)


def _edge_keys(G: nx.DiGraph) -> dict[tuple, tuple]:
    """Canonical key -> (u, v) as stored in G."""
    return {_edge_key(u, v, d.get("relation")): (u, v) for u, v, d in G.edges(data=True)}


def _node_rows(G: nx.DiGraph, nodes) -> pd.DataFrame:
    rows = [
        {
            "id": str(n),
            "label": _label(G, n),
            "kind": G.nodes[n].get("kind"),
            "role": G.nodes[n].get("role"),
            "ties": G.degree(n),
        }
        for n in nodes
    ]
    return pd.DataFrame(rows, columns=["id", "label", "kind", "role", "ties"], dtype=object)


def _edge_rows(G: nx.DiGraph, pairs) -> pd.DataFrame:
    rows = [{"source": str(u), "target": str(v), "relation": G.edges[u, v].get("relation")} for u, v in pairs]
    return pd.DataFrame(rows, columns=["source", "target", "relation"], dtype=object)


def _attribute_changes(da: dict, db: dict, first: tuple) -> list[tuple]:
    names = list(first) + sorted((set(da) | set(db)) - set(first))
    return [(k, da.get(k), db.get(k)) for k in names if da.get(k) != db.get(k)]


def _neighbours(G: nx.DiGraph, n) -> set:
    """The institutions ``n`` has a tie with, either way: an institution whose set changed is rewired."""
    return set(G.predecessors(n)) | set(G.successors(n))


def identity_marks(A: nx.DiGraph, B: nx.DiGraph) -> dict[str, list[str]]:
    """The ids a diff by identity lists as ``added``, ``removed`` and ``rewired``, without the rest of it.

    The same lists, in the same order, as ``diff(A, B, match="identity")``'s ``nodes_added["id"]``,
    ``nodes_removed["id"]`` and ``rewired["id"]``, for a page that marks institutions and needs nothing else
    (a country page's eras; the whole diff is fifteen times the work).
    """
    ids_a, ids_b = set(A), set(B)
    return {
        "added": [str(n) for n in sorted(ids_b - ids_a, key=str)],
        "removed": [str(n) for n in sorted(ids_a - ids_b, key=str)],
        "rewired": [str(n) for n in sorted(ids_a & ids_b, key=str) if _neighbours(A, n) != _neighbours(B, n)],
    }


def _identity(A: nx.DiGraph, B: nx.DiGraph) -> dict:
    ids_a, ids_b = set(A), set(B)
    key = str
    added = sorted(ids_b - ids_a, key=key)
    removed = sorted(ids_a - ids_b, key=key)
    shared = sorted(ids_a & ids_b, key=key)
    changed = [
        {"id": str(n), "attribute": k, "a": _plain(va), "b": _plain(vb)}
        for n in shared
        for k, va, vb in _attribute_changes(A.nodes[n], B.nodes[n], NODE_ATTRIBUTES)
    ]
    ka, kb = _edge_keys(A), _edge_keys(B)

    def edge_order(k):
        return (str(k[0]), str(k[1]))

    e_added = [kb[k] for k in sorted(set(kb) - set(ka), key=edge_order)]
    e_removed = [ka[k] for k in sorted(set(ka) - set(kb), key=edge_order)]
    e_changed = []
    for k in sorted(set(ka) & set(kb), key=edge_order):
        (ua, va), (ub, vb) = ka[k], kb[k]
        for attr, x, y in _attribute_changes(A.edges[ua, va], B.edges[ub, vb], EDGE_ATTRIBUTES):
            e_changed.append({"source": str(ub), "target": str(vb), "attribute": attr, "a": _plain(x), "b": _plain(y)})
    rows = []
    for n in shared:
        na, nb = _neighbours(A, n), _neighbours(B, n)
        incident_a = [k for k in ka if n in k]
        rows.append(
            {
                "id": str(n),
                "label_a": _label(A, n),
                "label_b": _label(B, n),
                "ties_a": len(incident_a),
                "ties_b": sum(1 for k in kb if n in k),
                "ties_kept": sum(1 for k in incident_a if k in kb),
                "kept": sorted(str(x) for x in na & nb),
                "gained": sorted(str(x) for x in nb - na),
                "lost": sorted(str(x) for x in na - nb),
            }
        )
    cols = ["id", "label_a", "label_b", "ties_a", "ties_b", "ties_kept", "kept", "gained", "lost"]
    shared_df = pd.DataFrame(rows, columns=cols, dtype=object)
    moved = [bool(g or lo) for g, lo in zip(shared_df["gained"], shared_df["lost"], strict=True)]
    rewired = shared_df.loc[pd.Series(moved, index=shared_df.index, dtype=bool)].reset_index(drop=True)  # columns kept
    union_nodes = len(ids_a | ids_b)
    union_edges = len(set(ka) | set(kb))
    distances = [
        Distance(
            "node_jaccard",
            round(1 - len(shared) / union_nodes, 6) if union_nodes else 0.0,
            DISTANCE_MEANINGS["node_jaccard"],
        ),
        Distance(
            "edge_jaccard",
            round(1 - len(set(ka) & set(kb)) / union_edges, 6) if union_edges else 0.0,
            DISTANCE_MEANINGS["edge_jaccard"],
        ),
    ]
    return {
        "nodes_added": _node_rows(B, added),
        "nodes_removed": _node_rows(A, removed),
        "nodes_changed": pd.DataFrame(changed, columns=["id", "attribute", "a", "b"], dtype=object),
        "edges_added": _edge_rows(B, e_added),
        "edges_removed": _edge_rows(A, e_removed),
        "edges_changed": pd.DataFrame(e_changed, columns=["source", "target", "attribute", "a", "b"], dtype=object),
        "shared_nodes": shared_df,
        "rewired": rewired,
        "distances": distances,
    }


def _empty_identity() -> dict:
    """What :func:`_identity` says of two empty networks, without distances (a diff matched by role, not by id).

    Made once per process and copied for each diff (making its frames costs 3 ms; copying them, a tenth).
    """
    return {k: v.copy() if isinstance(v, pd.DataFrame) else list(v) for k, v in _empty_once().items()}


@functools.cache
def _empty_once() -> dict:
    out = _identity(nx.DiGraph(), nx.DiGraph())
    out["distances"] = []
    return out
