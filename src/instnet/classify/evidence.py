"""The words of the evidence: counts, percentages and the kinds of actor among a set of nodes."""

from __future__ import annotations

from .classes import _KNOWLEDGE_KINDS, _PRIVATE_KINDS, _kind

__all__: list[str] = []

_PLURAL = {
    "ministry": "ministries",
    "bureau": "bureaus",
    "council": "councils",
    "firm": "firms",
    "university": "universities",
    "business_association": "business associations",
    "research_institute": "research institutes",
    "planning_agency": "planning agencies",
    "central_bank": "central banks",
    "expert_group": "expert groups",
    "head_of_government": "leaders",
    "secretariat": "secretariats",
    "state_enterprise": "state enterprises",
    "hub_institution": "hub institutions",
}


def _count(n, singular, plural=None):
    plural = plural or _PLURAL.get(singular, singular + "s")
    word = singular if n == 1 else plural
    return f"{n} {word.replace('_', ' ')}"


def _pct(x):
    return f"{round(100 * x)}%"


def _kinds_phrase(G, nodes):
    """'firms, 2 ministries and universities': the kinds among ``nodes``."""
    counts: dict[str, int] = {}
    for v in nodes:
        k = _kind(G, v) or "other"
        counts[k] = counts.get(k, 0) + 1
    parts = []
    for k in sorted(counts, key=lambda k: (-counts[k], k)):
        plural = _PLURAL.get(k, k + "s").replace("_", " ")
        parts.append(plural if counts[k] == 1 and k in _PRIVATE_KINDS | _KNOWLEDGE_KINDS else _count(counts[k], k))
    if not parts:
        return "nobody"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
