"""Which class of actor a node is (leader, planning body, ministry, council...): its kind, else its role."""

from __future__ import annotations

__all__: list[str] = []

_GOVERNMENT_KINDS = {
    "head_of_government",
    "planning_agency",
    "ministry",
    "bureau",
    "secretariat",
    "central_bank",
    "legislature",
    "local_government",
    "state_enterprise",
}
_GOVERNMENT_ROLES = {
    "top_leader",
    "pilot_agency",
    "industrial_ministry",
    "line_ministry",
    "macro_agency",
    "implementing_unit",
    "legislature",
    "local_government",
}
_PRIVATE_KINDS = {"firm", "business_association"}
_KNOWLEDGE_KINDS = {"university", "research_institute", "expert_group"}
_EXTERNAL_KINDS = {"donor", "international_org", "country_group"}


def _kind(G, v):
    return G.nodes[v].get("kind")


def _role(G, v):
    return G.nodes[v].get("role")


def _is(G, v, kinds=(), roles=()):
    return _kind(G, v) in kinds or _role(G, v) in roles


def _leader(G, v):
    return _is(G, v, {"head_of_government"}, {"top_leader"})


def _planning(G, v):
    return _is(G, v, {"planning_agency"}, {"pilot_agency"})


def _ministry(G, v):
    return _kind(G, v) == "ministry" or (
        _kind(G, v) not in {"planning_agency", "bureau", "council", "head_of_government"}
        and _role(G, v) in {"industrial_ministry", "line_ministry"}
    )


def _council(G, v):
    return _is(G, v, {"council"}, {"consensus_forum"})


def _unit(G, v):
    return _is(G, v, {"bureau"}, {"implementing_unit"})


def _hub(G, v):
    return _is(G, v, {"hub_institution"}, {"sector_hub"})


def _document(G, v):
    return _is(G, v, {"law"}, {"policy_document"})


def _sphere(G, v):
    """``government``, ``private``, ``knowledge``, ``external`` or None (councils, documents, others)."""
    kind, role = _kind(G, v), _role(G, v)
    if kind in _PRIVATE_KINDS or role == "private_sector":
        return "private"
    if kind in _KNOWLEDGE_KINDS or role == "think_tank":
        return "knowledge"
    if kind in _EXTERNAL_KINDS or role == "external_partner":
        return "external"
    if kind in _GOVERNMENT_KINDS or role in _GOVERNMENT_ROLES:
        return "government"
    return None


def _relation(G, u, v):
    return G.edges[u, v].get("relation")


def _neighbors(G, v):
    return set(G.successors(v)) | set(G.predecessors(v))


def _ties(G, v):
    """(other, relation, outgoing) for every tie of ``v``."""
    out = [(w, _relation(G, v, w), True) for w in G.successors(v)]
    return out + [(u, _relation(G, u, v), False) for u in G.predecessors(v)]
