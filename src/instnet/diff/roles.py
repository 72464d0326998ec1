"""The role-level reduction: each network as one node per functional role.

Two countries share no institutions, and two coders rarely draw them at the
same grain; what they share is the functional roles of :data:`instnet.model.ROLES`.
Reducing each network to one node per role, with its ties aggregated by
relation axis (vertical, horizontal, other), compares a finely coded map and a
sketch at the same grain: six line ministries each directed by the planning
board and one "Ministries" node directed by it reduce to the same tie
``pilot_agency -> line_ministry (vertical)``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from ..model import NODE_KINDS, ROLES, is_symmetric, relation_axis, vocabulary_order
from .sentences import short_label

__all__ = ["RoleDistance", "role_profile_distance", "reduce_to_roles", "role_distance", "role_key", "role_profile"]

_ORDER = vocabulary_order(ROLES)


def role_key(attrs: dict) -> str:
    """The role a node is reduced to: its ``role``, else ``"kind:<kind>"`` (so unroled nodes still group by kind)."""
    return attrs.get("role") or f"kind:{attrs.get('kind') or 'other'}"


def _key_label(key: str) -> str:
    if key.startswith("kind:"):
        kind = key[5:]
        return f"{NODE_KINDS[kind].label if kind in NODE_KINDS else kind} (no role)"
    return ROLES[key].label if key in ROLES else key


def _sort_key(key: str) -> tuple:
    return (key.startswith("kind:"), _ORDER.get(key, 99), key)


def _role_ties(G: nx.DiGraph) -> Counter:
    """Ties between different roles counted by (source role, target role, axis); a symmetric tie in sorted order."""
    counts: Counter = Counter()
    for u, v, e in G.edges(data=True):
        ru, rv = role_key(G.nodes[u]), role_key(G.nodes[v])
        if ru == rv:
            continue
        rel = e.get("relation", "")
        if is_symmetric(rel) and _sort_key(rv) < _sort_key(ru):
            ru, rv = rv, ru
        counts[(ru, rv, relation_axis(rel))] += 1
    return counts


def reduce_to_roles(G: nx.DiGraph) -> nx.DiGraph:
    """One node per functional role, one tie per pair of roles, with the ties counted by axis.

    Ties inside one role (two line ministries that cooperate) are the detail of
    the coding, not of the machinery, and are left out. The result is a network
    that :func:`instnet.diff.diff` and the measures accept: a node has ``label``
    (its members' short labels, at most three named), ``role``, ``kind`` (the most common kind of its members),
    ``members`` (ids) and ``size``; a tie has ``relation`` (the most frequent
    relation of the ties it stands for), ``count`` and ``axes`` (axis -> count).

    Examples
    --------
    >>> G = nx.DiGraph(id="x-1990")
    >>> G.add_node("plan", label="Plan board", kind="planning_agency", role="pilot_agency")
    >>> for m in ("trade", "labour"):
    ...     G.add_node(m, label=m, kind="ministry", role="line_ministry")
    ...     G.add_edge("plan", m, relation="directs")
    >>> R = reduce_to_roles(G)
    >>> sorted(R.nodes), R.edges["pilot_agency", "line_ministry"]["axes"]
    (['line_ministry', 'pilot_agency'], {'vertical': 2})
    """
    R = nx.DiGraph(**{**G.graph, "level": "role"})
    members: dict[str, list] = {}
    for n, a in G.nodes(data=True):
        members.setdefault(role_key(a), []).append(n)
    for key in sorted(members, key=_sort_key):
        ids = sorted(members[key], key=str)
        kinds = Counter(G.nodes[n].get("kind") or "other" for n in ids)
        kind = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        names = [short_label(str(G.nodes[n].get("label") or n)) for n in ids]
        shown = ", ".join(names[:3]) + (f" +{len(names) - 3}" if len(names) > 3 else "")
        label = shown if key in ROLES else f"{_key_label(key)}: {shown}"
        R.add_node(key, label=label, role=key if key in ROLES else "", kind=kind, members=ids, size=len(ids))
    relations: dict[tuple, Counter] = {}
    for u, v, e in G.edges(data=True):
        ru, rv = role_key(G.nodes[u]), role_key(G.nodes[v])
        if ru != rv:
            rel = e.get("relation", "")
            if is_symmetric(rel) and _sort_key(rv) < _sort_key(ru):
                ru, rv = rv, ru
            relations.setdefault((ru, rv), Counter())[rel] += 1
    for (ru, rv), rels in sorted(relations.items(), key=lambda kv: (_sort_key(kv[0][0]), _sort_key(kv[0][1]))):
        axes: Counter = Counter()
        for rel, c in rels.items():
            axes[relation_axis(rel)] += c
        main = sorted(rels.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        R.add_edge(ru, rv, relation=main, count=sum(rels.values()), axes=dict(sorted(axes.items())))
    return R


def role_profile(G: nx.DiGraph) -> tuple[frozenset, frozenset]:
    """The roles present and the (source role, target role, axis) patterns of ties between roles."""
    return frozenset(role_key(a) for _, a in G.nodes(data=True)), frozenset(_role_ties(G))


@dataclass(frozen=True)
class RoleDistance:
    """The role-level distance of two networks and its reasons.

    ``value`` is the mean of the Jaccard distances of the two role sets and of
    the two sets of tie patterns (source role, target role, axis), in [0, 1]:
    0 = the same roles tied in the same ways, however many institutions each
    role has and however many ties each pattern; 1 = nothing in common.
    """

    value: float
    shared_roles: tuple
    only_a_roles: tuple
    only_b_roles: tuple
    shared_ties: tuple
    only_a_ties: tuple
    only_b_ties: tuple

    def to_dict(self) -> dict:
        return {
            "value": self.value,
            **{
                k: [list(t) if isinstance(t, tuple) else t for t in getattr(self, k)]
                for k in ("shared_roles", "only_a_roles", "only_b_roles", "shared_ties", "only_a_ties", "only_b_ties")
            },
        }


def _jaccard_distance(x: frozenset, y: frozenset) -> float:
    union = x | y
    return 1 - len(x & y) / len(union) if union else 0.0


def role_profile_distance(a: tuple[frozenset, frozenset], b: tuple[frozenset, frozenset]) -> float:
    """The :class:`RoleDistance` value of two :func:`role_profile` results (a matrix of many networks reads each profile once)."""
    return round((_jaccard_distance(a[0], b[0]) + _jaccard_distance(a[1], b[1])) / 2, 6)


def role_distance(A: nx.DiGraph, B: nx.DiGraph) -> RoleDistance:
    """The role-level distance of two networks (see :class:`RoleDistance`).

    Examples
    --------
    >>> A = nx.DiGraph()
    >>> A.add_node("pm", kind="head_of_government", role="top_leader")
    >>> A.add_nodes_from(((m, {"kind": "ministry", "role": "line_ministry"}) for m in "xyz"))
    >>> A.add_edges_from((("pm", m) for m in "xyz"), relation="directs")
    >>> B = nx.DiGraph()
    >>> B.add_node("leader", kind="head_of_government", role="top_leader")
    >>> B.add_node("ministries", kind="ministry", role="line_ministry")
    >>> B.add_edge("leader", "ministries", relation="directs")
    >>> role_distance(A, B).value
    0.0
    """
    roles_a, ties_a = role_profile(A)
    roles_b, ties_b = role_profile(B)
    value = role_profile_distance((roles_a, ties_a), (roles_b, ties_b))

    def ordered(items, key):
        return tuple(sorted(items, key=key))

    tie_key = lambda t: (_sort_key(t[0]), _sort_key(t[1]), t[2])  # noqa: E731
    return RoleDistance(
        value=value,
        shared_roles=ordered(roles_a & roles_b, _sort_key),
        only_a_roles=ordered(roles_a - roles_b, _sort_key),
        only_b_roles=ordered(roles_b - roles_a, _sort_key),
        shared_ties=ordered(ties_a & ties_b, tie_key),
        only_a_ties=ordered(ties_a - ties_b, tie_key),
        only_b_ties=ordered(ties_b - ties_a, tie_key),
    )
