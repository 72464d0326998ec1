"""Computing a diff: both comparisons of two networks gathered into a :class:`Diff`."""

from __future__ import annotations

import networkx as nx

from .ged import kind_aware_ged
from .grain import ADVICE, ROLE_LEVEL_NOTE, compare_grain
from .groups import _alignment, _composition, _matrices, _role_counts, profile_distance
from .identity import _empty_identity, _identity
from .measures import _info, _measures
from .result import DISTANCE_MEANINGS, Diff, Distance
from .roles import reduce_to_roles, role_distance

__all__ = ["diff"]


def diff(
    A: nx.DiGraph, B: nx.DiGraph, match: str = "auto", ged_timeout: float | None = None, level: str = "institution"
) -> Diff:
    """Compare network A (before, or reference) with network B.

    Parameters
    ----------
    A, B : networkx.DiGraph
        Networks as built by ``instnet.load.load_network``.
    match : {"auto", "identity", "role"}
        ``identity`` matches institutions by id (and fills the added / removed
        / changed / rewired tables); ``role`` compares roles and kinds only.
        ``auto`` (default) uses identity when both networks name the same,
        non-empty country, since ids are only kept across eras of one country.
    ged_timeout : float, optional
        If given, also compute :func:`kind_aware_ged` with this time bound (in
        seconds). Off by default: a search cut by the clock is not reproducible.
    level : {"institution", "role"}
        ``role`` first reduces both networks to one node per functional role
        (:func:`instnet.diff.roles.reduce_to_roles`) and compares those, by
        role; the grain (:attr:`Diff.grain`) is always that of the networks as coded.

    Returns
    -------
    Diff

    Raises
    ------
    ValueError
        For an unknown ``match`` or ``level``.

    Examples
    --------
    >>> A = nx.DiGraph(id="x-1990", country="X")
    >>> A.add_node("pm", label="PM", kind="head_of_government", role="top_leader")
    >>> A.add_node("plan", label="Plan board", kind="planning_agency", role="pilot_agency")
    >>> A.add_edge("pm", "plan", relation="directs")
    >>> B = A.copy()
    >>> B.graph["id"] = "x-2000"
    >>> B.add_node("council", label="Council", kind="council", role="consensus_forum")
    >>> B.add_edge("pm", "council", relation="chairs")
    >>> d = diff(A, B)
    >>> d.mode, list(d.nodes_added["id"]), d.rewired.loc[0, "gained"]
    ('identity', ['council'], ['council'])
    >>> int(d.role_matrix["change"].loc["top_leader", "consensus_forum"])
    1
    """
    if match not in ("auto", "identity", "role"):
        raise ValueError(f"match must be 'auto', 'identity' or 'role', not {match!r}")
    if level not in ("institution", "role"):
        raise ValueError(f"level must be 'institution' or 'role', not {level!r}")
    grain = compare_grain(A, B)
    by_role = role_distance(A, B)
    if level == "role":
        A, B, match = reduce_to_roles(A), reduce_to_roles(B), "role"
        grain["warning"] = grain["warning"].replace(ADVICE, ROLE_LEVEL_NOTE)
    info_a, info_b = _info(A), _info(B)
    if match == "auto":
        same = info_a["country"] and info_a["country"].casefold() == info_b["country"].casefold()
        match = "identity" if same else "role"
    ident = _identity(A, B) if match == "identity" else _empty_identity()
    role_matrix, kind_matrix = _matrices(A, B, "role"), _matrices(A, B, "kind")  # once each: the distances read them
    distances = [
        Distance("role_ties", profile_distance(*_pair(role_matrix)), DISTANCE_MEANINGS["role_ties"]),
        Distance("kind_ties", profile_distance(*_pair(kind_matrix)), DISTANCE_MEANINGS["kind_ties"]),
        Distance(
            "role_composition",
            profile_distance(_role_counts(A), _role_counts(B)),
            DISTANCE_MEANINGS["role_composition"],
        ),
        Distance("role_level", by_role.value, DISTANCE_MEANINGS["role_level"]),
        *ident.pop("distances"),
    ]
    if ged_timeout is not None:
        distances.append(kind_aware_ged(A, B, ged_timeout))
    return Diff(
        a=info_a,
        b=info_b,
        mode=match,
        measures=_measures(A, B),
        kinds=_composition(A, B, "kind"),
        roles=_composition(A, B, "role"),
        kind_matrix=kind_matrix,
        role_matrix=role_matrix,
        alignment=_alignment(A, B),
        distances=distances,
        grain=grain,
        level=level,
        **ident,
    )


def _pair(matrices: dict) -> tuple:
    return matrices["a"], matrices["b"]
