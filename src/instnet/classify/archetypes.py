"""The nearest idealized archetype: role profiles and the distance between two networks."""

from __future__ import annotations

import math
from collections.abc import Mapping

import networkx as nx

from ..load import load_archetypes
from ..model import ARCHETYPE_PREFIX, is_symmetric, relation_axis
from .classes import _kind, _role
from .scoring import MODELS, Classification, classify

__all__ = ["ARCHETYPE_PREFIX", "archetype_distance", "bundled_archetypes", "nearest_archetype", "role_profile"]

#: The role a node plays when it has none, from its kind (for role profiles).
_DEFAULT_ROLE = {
    "head_of_government": "top_leader",
    "planning_agency": "pilot_agency",
    "ministry": "line_ministry",
    "bureau": "implementing_unit",
    "council": "consensus_forum",
    "secretariat": "secretariat",
    "research_institute": "think_tank",
    "hub_institution": "sector_hub",
    "central_bank": "macro_agency",
    "legislature": "legislature",
    "law": "policy_document",
    "firm": "private_sector",
    "business_association": "private_sector",
    "university": "civil_society",
    "donor": "external_partner",
    "ngo": "civil_society",
    "trade_union": "civil_society",
    "international_org": "external_partner",
    "local_government": "local_government",
    "state_enterprise": "implementing_unit",
    "country_group": "external_partner",
    "expert_group": "civil_society",
    "stakeholder_group": "civil_society",
}


def _role_of(G, v) -> str:
    role = _role(G, v)
    if role:
        return role
    return _DEFAULT_ROLE.get(_kind(G, v), "other")


def role_profile(G: nx.DiGraph) -> dict[tuple[str, str, str], float]:
    """The mix of ties between functional roles: share of edges per (source role, target role, axis).

    A node without ``role`` takes the usual role of its kind (a ministry is
    a line ministry, a council a consensus forum, ...). A symmetric relation
    (``cooperates_with``) is counted with its two roles in sorted order, so
    the direction it was written in does not matter.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_node("pm", kind="head_of_government")
    >>> G.add_node("a", kind="ministry")
    >>> G.add_edge("pm", "a", relation="directs")
    >>> role_profile(G)
    {('top_leader', 'line_ministry', 'vertical'): 1.0}
    """
    counts: dict[tuple[str, str, str], int] = {}
    for u, v, rel in G.edges(data="relation"):
        a, b = _role_of(G, u), _role_of(G, v)
        if is_symmetric(rel):
            a, b = sorted((a, b))
        key = (a, b, relation_axis(rel))
        counts[key] = counts.get(key, 0) + 1
    total = sum(counts.values())
    return {k: counts[k] / total for k in sorted(counts)} if total else {}


def _total_variation(p: Mapping, q: Mapping) -> float:
    if not p and not q:
        return 0.0
    if not p or not q:
        return 1.0
    return round(sum(abs(p.get(k, 0.0) - q.get(k, 0.0)) for k in set(p) | set(q)) / 2, 12)


def archetype_distance(
    G: nx.DiGraph, A: nx.DiGraph, *, c: Classification | None = None, ca: Classification | None = None
) -> tuple[float, float, float]:
    """How far network ``G`` is from archetype ``A``: ``(distance, scores part, profile part)``.

    - *scores part*: the root mean square difference of the six model scores
      of :func:`classify` (0: the same scores; 1: every score 0 against 1);
    - *profile part*: the total variation distance between the two
      :func:`role_profile` mixes, i.e. the share of ties that would have to
      change their (source role, target role, axis) to make the mixes equal
      (0: the same mix; 1: no kind of tie in common).

    ``distance`` is the mean of the two, in [0, 1]: 0 means the two networks
    score alike on every model and tie their roles together in the same
    proportions; it ignores size, ids and labels. ``c`` and ``ca`` may pass
    already computed classifications of ``G`` and ``A``.
    """
    c = c or classify(G)
    ca = ca or classify(A)
    scores = math.sqrt(sum((c.score(m) - ca.score(m)) ** 2 for m in MODELS) / len(MODELS))
    profile = _total_variation(role_profile(G), role_profile(A))
    return round((scores + profile) / 2, 6), round(scores, 6), round(profile, 6)


def nearest_archetype(G: nx.DiGraph, archetypes: Mapping[str, nx.DiGraph]) -> list[tuple[str, float]]:
    """The idealized networks ordered from the closest to ``G``, with their distance.

    Parameters
    ----------
    G : networkx.DiGraph
    archetypes : mapping of id to networkx.DiGraph
        Usually :func:`bundled_archetypes`.

    Returns
    -------
    list of (id, distance)
        Sorted by distance (see :func:`archetype_distance`; 0 = alike, 1 =
        as different as can be), then by id.

    Examples
    --------
    >>> import networkx as nx
    >>> star = nx.DiGraph()
    >>> star.add_node("pm", kind="head_of_government")
    >>> star.add_nodes_from((m, {"kind": "ministry"}) for m in "ab")
    >>> star.add_edges_from(("pm", m, {"relation": "directs"}) for m in "ab")
    >>> empty = nx.DiGraph()
    >>> empty.add_nodes_from((m, {"kind": "ministry"}) for m in "ab")
    >>> nearest_archetype(star, {"model-x": star, "model-y": empty})[0]
    ('model-x', 0.0)
    """
    c = classify(G)
    out = [(key, archetype_distance(G, A, c=c)[0]) for key, A in archetypes.items()]
    return sorted(out, key=lambda t: (t[1], t[0]))


def bundled_archetypes() -> dict[str, nx.DiGraph]:
    """The bundled idealized networks (``G.graph["idealized"]`` true), by id.

    Read by :func:`instnet.load.load_archetypes`, the one place that reads them.
    """
    return load_archetypes()
