"""Burt's structural holes: the constraint and effective size of every node."""

from __future__ import annotations

from ._prepare import _NAN

__all__: list[str] = []


def _structural_holes(G):
    """Burt's constraint and effective size of every node, from his formulas.

    Written out rather than taken from networkx 3.6, whose all-nodes
    effective size divides by the wrong node's strongest tie on digraphs and
    whose per-node path treats a node without out-ties as isolated.
    """
    strength: dict = {v: {} for v in G}
    for u, v in G.edges():
        if G.is_directed():
            strength[u][v] = strength[u].get(v, 0) + 1
            strength[v][u] = strength[v].get(u, 0) + 1
        else:
            strength[u][v] = strength[v][u] = 1
    total = {v: sum(w.values()) for v, w in strength.items()}
    top = {v: max(w.values(), default=0) for v, w in strength.items()}
    constraint, effective = {}, {}
    for i, wi in strength.items():
        if not wi:
            constraint[i], effective[i] = _NAN, 0.0
            continue
        p = {j: w / total[i] for j, w in wi.items()}
        c = e = 0.0
        for j in wi:
            wj = strength[j]
            shared = [q for q in wj if q in p and q != j]
            indirect = sum(p[q] * strength[q][j] / total[q] for q in shared)
            c += (p[j] + indirect) ** 2
            e += 1 - sum(p[q] * wj[q] / top[j] for q in shared)
        constraint[i], effective[i] = c, e
    return constraint, effective
