"""How finely a network is coded: its grain, and whether two networks share it.

A map of twenty institutions and a sketch of seven can describe the same
machinery; compared node by node they look unlike only because one coder drew
each ministry and the other drew "Ministries/Agencies". The grain of a network
says how finely it was coded, so that a cross-network diff can say when the
two differ too much to be read at face value (and suggest ``--level role``).
"""

from __future__ import annotations

import re
from typing import Any

import networkx as nx

__all__ = ["ADVICE", "GRAIN_LIMITS", "compare_grain", "grain", "is_collective"]

_COLLECTIVE_LABEL = re.compile(
    r"/|\betc\b|\bothers?\b|\bvarious\b|\b(ministries|agencies|firms|bureaus|banks|associations|groups|councils|"
    r"committees|institutes|institutions|universities|governments|enterprises|stakeholders|unions|ngos|donors|"
    r"departments|organizations|organisations|companies|industries)\b",
    re.IGNORECASE,
)

ADVICE = (
    "counts of institutions and ties are not comparable as they stand: compare them at role level "
    "(instnet diff --level role)."
)
"""How the grain warning ends; a role-level diff replaces it (:data:`ROLE_LEVEL_NOTE`)."""
ROLE_LEVEL_NOTE = "this diff compares them at role level, one node per functional role."

GRAIN_LIMITS = {"size_ratio": 2.0, "per_role_ratio": 1.5, "collective_gap": 0.25}
"""When two grains 'differ a lot': the larger network has at least ``size_ratio``
times the institutions of the smaller, or at least ``per_role_ratio`` times as
many institutions per role, or their shares of collective nodes differ by at
least ``collective_gap``."""


def is_collective(attrs: dict) -> bool:
    """Whether a node stands for several institutions ("Ministries/Agencies", "Local firms").

    A node is collective when its label names a plural body or joins several with
    ``/``, "etc." or "others", or when its description calls it collective.

    Examples
    --------
    >>> is_collective({"label": "Ministries/Agencies"}), is_collective({"label": "Ministry of Finance"})
    (True, False)
    >>> is_collective({"label": "Business", "description": "Private business as one collective actor"})
    True
    """
    label = str(attrs.get("label") or "")
    return bool(_COLLECTIVE_LABEL.search(label)) or "collective" in str(attrs.get("description") or "").lower()


def grain(G: nx.DiGraph) -> dict:
    """The grain of one network: how many institutions it draws for each role it covers.

    Returns
    -------
    dict
        ``nodes`` (institutions), ``roles`` (distinct functional roles given),
        ``per_role`` (institutions with a role / distinct roles; None without
        roles), ``collective`` (nodes standing for several institutions, see
        :func:`is_collective`) and ``collective_share`` (of all nodes; None when empty).

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_node("a", label="Ministry of Trade", role="line_ministry")
    >>> G.add_node("b", label="Ministry of Labour", role="line_ministry")
    >>> G.add_node("c", label="Ministries/Agencies", role="implementing_unit")
    >>> grain(G)
    {'nodes': 3, 'roles': 2, 'per_role': 1.5, 'collective': 1, 'collective_share': 0.333333}
    """
    roles = [a.get("role") for _, a in G.nodes(data=True) if a.get("role")]
    n = G.number_of_nodes()
    collective = sum(is_collective(a) for _, a in G.nodes(data=True))
    distinct = len(set(roles))
    return {
        "nodes": n,
        "roles": distinct,
        "per_role": round(len(roles) / distinct, 6) if distinct else None,
        "collective": collective,
        "collective_share": round(collective / n, 6) if n else None,
    }


def _ratio(x: float | None, y: float | None) -> float | None:
    if not x or not y:
        return None
    return round(max(x, y) / min(x, y), 6)


def compare_grain(A: nx.DiGraph, B: nx.DiGraph) -> dict:
    """Both grains, how far apart they are, and a warning when they differ a lot.

    Returns
    -------
    dict
        ``a``, ``b``: :func:`grain` of each; ``size_ratio`` (larger / smaller
        number of institutions), ``per_role_ratio`` (the same for institutions
        per role), ``collective_gap`` (absolute difference of collective
        shares), each None when undefined; ``differs`` (bool, by
        :data:`GRAIN_LIMITS`) and ``warning`` (a sentence, "" when the grains agree).

    Examples
    --------
    >>> A, B = nx.DiGraph(id="fine"), nx.DiGraph(id="sketch")
    >>> A.add_nodes_from((f"m{i}", {"label": f"Ministry {i}", "role": "line_ministry"}) for i in range(6))
    >>> B.add_node("m", label="Ministries", role="line_ministry")
    >>> c = compare_grain(A, B)
    >>> c["size_ratio"], c["differs"]
    (6.0, True)
    """
    ga, gb = grain(A), grain(B)
    out: dict[str, Any] = {
        "a": ga,
        "b": gb,
        "size_ratio": _ratio(ga["nodes"], gb["nodes"]),
        "per_role_ratio": _ratio(ga["per_role"], gb["per_role"]),
        "collective_gap": None
        if ga["collective_share"] is None or gb["collective_share"] is None
        else round(abs(ga["collective_share"] - gb["collective_share"]), 6),
    }
    reasons = []
    if out["size_ratio"] and out["size_ratio"] >= GRAIN_LIMITS["size_ratio"]:
        reasons.append(f"one has {out['size_ratio']:.1f} times the institutions of the other")
    if out["per_role_ratio"] and out["per_role_ratio"] >= GRAIN_LIMITS["per_role_ratio"]:
        reasons.append(f"{out['per_role_ratio']:.1f} times as many institutions per role")
    if out["collective_gap"] is not None and out["collective_gap"] >= GRAIN_LIMITS["collective_gap"]:
        reasons.append(f"shares of collective nodes differ by {out['collective_gap']:.2f}")
    out["differs"] = bool(reasons)
    a, b = A.graph.get("id") or "A", B.graph.get("id") or "B"
    out["warning"] = (
        f"The two networks are coded at different grains ({'; '.join(reasons)}: {a} has {ga['nodes']} institutions "
        f"in {ga['roles']} roles, {b} has {gb['nodes']} in {gb['roles']}); {ADVICE}"
        if reasons
        else ""
    )
    return out
