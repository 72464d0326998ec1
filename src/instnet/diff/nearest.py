"""Which networks are alike: rankings and the matrix of role-level distances."""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping

import networkx as nx
import numpy as np
import pandas as pd

from ..model import ARCHETYPE_PREFIX, ROLES
from .roles import _key_label, role_distance, role_profile

__all__ = ["distance_matrix", "nearest", "plan_comparisons", "rank_selection", "cluster_order", "is_archetype"]


def is_archetype(G: nx.DiGraph) -> bool:
    """Whether a network is an idealized archetype (``model-...`` or ``idealized = true``)."""
    return bool(G.graph.get("idealized")) or str(G.graph.get("id", "")).startswith(ARCHETYPE_PREFIX)


def _role_names(keys, limit: int = 4) -> str:
    names = [_key_label(k).lower() if k in ROLES else _key_label(k) for k in keys]
    if not names:
        return "none"
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def _pattern(t: tuple) -> str:
    return f"{_key_label(t[0])} \u2192 {_key_label(t[1])} ({t[2]})"


def nearest(target: nx.DiGraph, others: Mapping[str, nx.DiGraph]) -> pd.DataFrame:
    """The other networks ranked by role-level distance to ``target``, nearest first, with reasons.

    Parameters
    ----------
    target : networkx.DiGraph
    others : mapping of id to networkx.DiGraph
        The candidates; one with the target's id is skipped.

    Returns
    -------
    pandas.DataFrame
        ``rank, id, country, distance, shared_roles, missing_roles, extra_roles,
        shared_patterns, patterns_only_here, patterns_only_there, reasons``:
        ``missing_roles`` are the roles of the candidate the target lacks,
        ``extra_roles`` the target's roles the candidate lacks; the pattern
        counts are tie patterns (source role, target role, axis); ``reasons``
        says it in a sentence. Ties in distance are broken by id.
    """
    me = str(target.graph.get("id", ""))
    rows = []
    for other_id, G in others.items():
        if other_id == me:
            continue
        r = role_distance(target, G)
        reason = (
            f"{len(r.shared_roles)} roles in common ({_role_names(r.shared_roles)}); "
            f"{other_id} has {_role_names(r.only_b_roles)} that {me} lacks, {me} has {_role_names(r.only_a_roles)}; "
            f"{len(r.shared_ties)} tie patterns in common"
            + (f" (e.g. {_pattern(r.shared_ties[0])})" if r.shared_ties else "")
            + f", {len(r.only_a_ties)} only in {me}, {len(r.only_b_ties)} only in {other_id}."
        )
        rows.append(
            {
                "id": other_id,
                "country": G.graph.get("country") or "",
                "distance": r.value,
                "shared_roles": len(r.shared_roles),
                "missing_roles": len(r.only_b_roles),
                "extra_roles": len(r.only_a_roles),
                "shared_patterns": len(r.shared_ties),
                "patterns_only_here": len(r.only_a_ties),
                "patterns_only_there": len(r.only_b_ties),
                "reasons": reason,
            }
        )
    columns = [
        "rank",
        "id",
        "country",
        "distance",
        "shared_roles",
        "missing_roles",
        "extra_roles",
        "shared_patterns",
        "patterns_only_here",
        "patterns_only_there",
        "reasons",
    ]
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows).sort_values(["distance", "id"], kind="stable").reset_index(drop=True)
    frame.insert(0, "rank", range(1, len(frame) + 1))
    return frame[columns]


def distance_matrix(networks: Mapping[str, nx.DiGraph]) -> pd.DataFrame:
    """Pairwise role-level distances (:func:`instnet.diff.roles.role_distance`) of all networks, ids sorted."""
    ids = sorted(networks)
    profiles = [role_profile(networks[k]) for k in ids]  # once each: a matrix of 200 networks has 19,900 pairs
    halves = [_jaccard_matrix([p[part] for p in profiles]) for part in (0, 1)]
    # the same arithmetic as role_profile_distance, pair by pair: (d_roles + d_ties) / 2, rounded by Python's round
    values = np.array([[round(v, 6) for v in row] for row in ((halves[0] + halves[1]) / 2).tolist()])  # diagonal: 0
    return pd.DataFrame(values, index=ids, columns=ids)


def _jaccard_matrix(sets: list[frozenset]) -> np.ndarray:
    """Jaccard distances ``1 - |x & y| / |x | y|`` of every pair of ``sets`` (0 where both are empty), as floats.

    The counts are exact integers (a 0/1 membership matrix times its transpose), so each distance is the
    same float as :func:`instnet.diff.roles._jaccard_distance` computes for the pair.
    """
    universe = {item: i for i, item in enumerate(sorted({item for s in sets for item in s}, key=repr))}
    member = np.zeros((len(sets), len(universe)), dtype=np.int64)
    for row, s in enumerate(sets):
        member[row, [universe[item] for item in s]] = 1
    shared = member @ member.T
    sizes = member.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - shared
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(union > 0, 1 - shared / np.where(union > 0, union, 1), 0.0)


def cluster_order(matrix: pd.DataFrame) -> list[str]:
    """The ids in the leaf order of an average-linkage clustering of the distance matrix (alike ones adjacent).

    The order is kept in the cache of loaded networks (:func:`instnet.graphcache.remembered`) under the
    digest of the ids, the distances and scipy's version: a rebuild whose distances did not change (an
    edited label, quote or year leaves every role profile as it was) neither clusters nor imports scipy.
    """
    ids = [str(i) for i in matrix.index]
    if len(ids) < 3:
        return list(matrix.index)
    import hashlib
    from importlib.metadata import version

    from ..graphcache import remembered

    values = np.ascontiguousarray(matrix.to_numpy(), dtype=float)
    key = hashlib.sha256(json.dumps([ids, version("scipy")]).encode() + values.tobytes()).hexdigest()
    order = remembered("clusters", key, lambda: _cluster_order(values, ids), _same_ids(ids))
    labels = dict(zip(ids, matrix.index, strict=True))
    return [labels[i] for i in order]


def _same_ids(ids: list[str]):
    """Whether a kept order is one of ``ids``: each once, nothing else."""
    return lambda kept: isinstance(kept, list) and all(isinstance(k, str) for k in kept) and sorted(kept) == sorted(ids)


def _cluster_order(values: np.ndarray, ids: list[str]) -> list[str]:
    from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
    from scipy.spatial.distance import squareform

    condensed = squareform(values, checks=False)
    Z = optimal_leaf_ordering(linkage(condensed, method="average"), condensed)
    return [ids[i] for i in leaves_list(Z)]


def rank_selection(network: str, refs=()) -> pd.DataFrame:
    """:func:`nearest` for a network reference, among the bundled networks and those of ``refs``.

    Raises
    ------
    instnet.errors.InstnetError
        When a reference cannot be found or loaded, or two networks share an id.
    """
    from .. import load

    target = load.load_network(network)
    chosen = load.select(list(refs), with_bundled=True)
    me = str(target.graph.get("id", ""))
    others = {i: load.load_network(path) for i, path in chosen.items() if i != me}
    return nearest(target, others)


def plan_comparisons(
    graphs: Mapping[str, nx.DiGraph],
    best: Mapping[str, str],
    user: frozenset | set = frozenset(),
    chosen: list[tuple[str, str]] | tuple = (),
    per_user: int = 2,
) -> list[tuple[str, str]]:
    """The diffs a site shows, without repeats, in this order.

    The ``chosen`` pairs; each country's consecutive eras; each country
    network against the archetype of its best model (``model-<best>``); and
    each user network (ids in ``user``) against its ``per_user`` nearest
    bundled country cases by role-level distance (:func:`nearest`).

    Raises
    ------
    KeyError
        When a chosen pair names a network that is not in ``graphs``.
    """
    pairs: list[tuple[str, str]] = []

    def add(a: str, b: str) -> None:
        if a != b and (a, b) not in pairs and (b, a) not in pairs:
            pairs.append((a, b))

    for a, b in chosen:
        for key in (a, b):
            if key not in graphs:
                raise KeyError(key)
        add(a, b)
    countries: dict[str, list[str]] = {}
    for key, G in graphs.items():
        if not is_archetype(G):
            countries.setdefault(str(G.graph.get("country", "")).strip().casefold(), []).append(key)
    for ids in countries.values():
        ids.sort(key=lambda k: (graphs[k].graph.get("start") or 0, k))
        for a, b in itertools.pairwise(ids):
            add(a, b)
    for key, G in sorted(graphs.items()):
        archetype = f"{ARCHETYPE_PREFIX}{best.get(key)}"
        if not is_archetype(G) and archetype in graphs:
            add(key, archetype)
    cases = {k: G for k, G in graphs.items() if k not in user and not is_archetype(G)}
    for key in sorted(user) if cases else ():  # no bundled case built: no ranking to make (200 user networks: 0.2 s)
        if key in graphs and not is_archetype(graphs[key]):
            for other in nearest(graphs[key], cases)["id"].head(per_user):
                add(key, str(other))
    return pairs
