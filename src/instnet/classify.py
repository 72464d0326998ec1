"""Which model of policy coordination does a network's structure resemble?

The GRIPS slides "Diverse Models of Policy Coordination and the Role of
Economic Technocrats" name several models: "1. Elite technocrat group under
PM/President to design policies as nation's brain 2. National Councils or
Committees ... 3. Super-ministry (for IP) 4. Sector/issue-specific institute
acting as a hub", add "Strong Leader Without Institutionalization", and
contrast them with the "US (fragmented machinery)". "These approaches are not
mutually exclusive", so :func:`classify` gives each model its own score in
[0, 1], with the structural evidence behind it in words.

Scores read only the structure: node ``kind`` and ``role``, edge
``relation`` (and its axis in :data:`instnet.model.RELATIONS`) and the graph.
They never read the network id, its metadata, node ids, labels or
descriptions, so renaming every node or reordering the rows of the files
cannot change the result (only the ``actors`` lists, which name the nodes
that carry each model, follow the renaming). Every score is a function of
counts, so no iteration order enters it; where a choice between nodes is
made (the best candidate for a model) ties are kept together.

The signatures (each private ``_<model>`` function quotes the slides behind
it and gives the formula):

=================  ============================================================
technocrat-group   one planning body steers the ministries ("A planning body
                   above all ministries; the latter are implementing bodies"),
                   with authority from the top leader
councils           several councils, tied to the top leader, with ministries
                   as members ("Up to several"; "Ministers and officials
                   participate in policy making as members")
super-ministry     one ministry (with bureaus of its own) tied to business and
                   to much of the network through many kinds of tie ("One
                   ministry with broad authority", "multiple tasks")
hub-institution    a hub institution tied to government, business and
                   knowledge ("linking local and FDI firms, MOI ... and
                   universities")
strong-leader      the leader tied directly to most actors of every kind, with
                   no horizontal tie bypassing them ("works bilaterally ...
                   without horizontal coordination")
fragmented         nobody reaches most actors; ministries tied to nothing but
                   their principals, or answering to independent principals
                   ("US (fragmented machinery): Depts. ..., Congress, White
                   House")
=================  ============================================================

A model's *verdict* (:func:`verdicts`) is ``top`` when its score is positive
and within ``TOP_MARGIN`` (0.05) of the highest, ``present`` when it is not
top but reaches ``PRESENT`` (0.5), ``absent`` otherwise.

:func:`robustness` recomputes the scores over random removals of edges and
over stated-only edges; :func:`nearest_archetype` finds the closest of the
idealized networks; :func:`format_classification` prints the result.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import random
from collections.abc import Mapping
from dataclasses import dataclass, field

import networkx as nx

from . import model
from .metrics import CENTRALIZATION_MEASURES

__all__ = [
    "MODELS",
    "ARCHETYPE_PREFIX",
    "TOP_MARGIN",
    "PRESENT",
    "FORMATS",
    "CENTRALIZATIONS",
    "ModelScore",
    "Classification",
    "Robustness",
    "classify",
    "verdicts",
    "robustness",
    "role_profile",
    "archetype_distance",
    "nearest_archetype",
    "bundled_archetypes",
    "format_classification",
    "classify_text",
]

#: The six models of the typology, in the slides' order, with a short label.
MODELS: dict[str, str] = {
    "technocrat-group": "Elite technocrat group under the top leader",
    "councils": "National councils or committees",
    "super-ministry": "Super-ministry for industrial policy",
    "hub-institution": "Sector hub institution",
    "strong-leader": "Strong leader without institutionalization",
    "fragmented": "Fragmented machinery",
}

#: Idealized archetype ``model-<key>`` illustrates model ``<key>`` of MODELS.
ARCHETYPE_PREFIX = "model-"

#: A model is *top* when its score is at least the highest score minus this.
TOP_MARGIN = 0.05
#: A model is *present* when its score reaches this (and it is not top).
PRESENT = 0.5

FORMATS = ("table", "csv", "json", "markdown")

# ---------------------------------------------------------------------------
# node classes: from kind, with role as a second way in

_GOVERNMENT_KINDS = {
    "head_of_government", "planning_agency", "ministry", "bureau", "secretariat",
    "central_bank", "legislature", "local_government", "state_enterprise",
}
_GOVERNMENT_ROLES = {
    "top_leader", "pilot_agency", "industrial_ministry", "line_ministry", "macro_agency",
    "implementing_unit", "legislature", "local_government",
}
_PRIVATE_KINDS = {"firm", "business_association"}
_KNOWLEDGE_KINDS = {"university", "research_institute", "expert_group"}
_EXTERNAL_KINDS = {"donor", "international_org", "country_group"}

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

# relations that carry a body's policy down to another ("steering"): the
# vertical axis without the one-off acts of founding and enacting
_STEER = {"directs", "plans_for", "chairs", "manages", "delegates_to", "incentivizes", "guides"}
# relations by which a leader hands authority to a planning body
_MANDATE = {"directs", "delegates_to", "establishes"}
# relations by which a ministry holds its own units
_HOLDS = {"directs", "manages", "establishes", "delegates_to"}
# relations that put a body inside a council as a participant in its decisions
_SITS_ON = {"member_of", "chairs"}


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


def _axis(relation):
    term = model.RELATIONS.get(relation) if isinstance(relation, str) else None
    return term.axis if term else model.OTHER_AXIS


def _neighbors(G, v):
    return set(G.successors(v)) | set(G.predecessors(v))


def _ties(G, v):
    """(other, relation, outgoing) for every tie of ``v``."""
    out = [(w, _relation(G, v, w), True) for w in G.successors(v)]
    return out + [(u, _relation(G, u, v), False) for u in G.predecessors(v)]


# ---------------------------------------------------------------------------
# words


_PLURAL = {
    "ministry": "ministries", "bureau": "bureaus", "council": "councils", "firm": "firms",
    "university": "universities", "business_association": "business associations",
    "research_institute": "research institutes", "planning_agency": "planning agencies",
    "central_bank": "central banks", "expert_group": "expert groups",
    "head_of_government": "leaders", "secretariat": "secretariats",
    "state_enterprise": "state enterprises", "hub_institution": "hub institutions",
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
        parts.append(plural if counts[k] == 1 and k in _PRIVATE_KINDS | _KNOWLEDGE_KINDS
                     else _count(counts[k], k))
    if not parts:
        return "nobody"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


# ---------------------------------------------------------------------------
# result types


@dataclass(frozen=True)
class ModelScore:
    """One model's score in [0, 1], the evidence for it and the nodes carrying it.

    ``actors`` are the ids of the nodes the score is built around (every one
    of them when several tie); they are the only part of a result that
    depends on node ids.
    """

    model: str
    score: float
    evidence: tuple[str, ...]
    actors: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return MODELS[self.model]


@dataclass(frozen=True)
class Classification:
    """The six model scores of one network.

    ``network`` is the network's id, kept for display only: no score reads it.
    """

    scores: tuple[ModelScore, ...]
    network: str | None = None

    def __getitem__(self, key: str) -> ModelScore:
        for s in self.scores:
            if s.model == key:
                return s
        raise KeyError(key)

    def score(self, key: str) -> float:
        """The score of model ``key``."""
        return self[key].score

    @property
    def top(self) -> list[str]:
        """Models whose score is within ``TOP_MARGIN`` of the highest (empty if all are 0)."""
        return [m for m, v in verdicts(self).items() if v == "top"]

    @property
    def best(self) -> str:
        """The model with the highest score (the first in MODELS order on an exact tie)."""
        return max(self.scores, key=lambda s: s.score).model

    def to_dict(self) -> dict:
        """Plain data: network, top models and, per model, score, verdict, evidence, actors."""
        v = verdicts(self)
        return {
            "network": self.network,
            "top": self.top,
            "models": {
                s.model: {
                    "label": s.label,
                    "score": s.score,
                    "verdict": v[s.model],
                    "evidence": list(s.evidence),
                    "actors": list(s.actors),
                }
                for s in self.scores
            },
        }

    def to_frame(self):
        """A DataFrame indexed by model: label, score, verdict, evidence, actors."""
        import pandas as pd

        v = verdicts(self)
        rows = [
            {"model": s.model, "label": s.label, "score": s.score, "verdict": v[s.model],
             "evidence": "; ".join(s.evidence), "actors": ", ".join(s.actors)}
            for s in self.scores
        ]
        return pd.DataFrame(rows).set_index("model")


def verdicts(c: Classification) -> dict[str, str]:
    """The verdict on each model: ``top``, ``present`` or ``absent``.

    ``top``: the score is positive and within ``TOP_MARGIN`` (0.05) of the
    highest score; ``present``: not top but at least ``PRESENT`` (0.5);
    ``absent``: the rest. :func:`robustness` counts how often each verdict
    survives a perturbation of the network.
    """
    best = max((s.score for s in c.scores), default=0.0)
    out = {}
    for s in c.scores:
        if best > 0 and s.score >= best - TOP_MARGIN - 1e-12:
            out[s.model] = "top"
        elif s.score >= PRESENT:
            out[s.model] = "present"
        else:
            out[s.model] = "absent"
    return out


def _best(candidates):
    """The best (score, evidence, actor) triples: highest score, ties kept.

    Among tied candidates the evidence shown is the first in sorted order of
    its words (never of node ids), so it does not depend on naming.
    """
    if not candidates:
        return None
    top = max(c[0] for c in candidates)
    tied = [c for c in candidates if c[0] == top]
    evidence = min(tuple(c[1]) for c in tied)
    actors = tuple(sorted({c[2] for c in tied if tuple(c[1]) == evidence}, key=str))
    return top, evidence, actors


# ---------------------------------------------------------------------------
# the six signatures


def _technocrat_group(G):
    """Elite technocrat group under the top leader.

    The slides: "Elite technocrat group with full planning authority given by
    top leader"; in the comparison table it is "Only one", and its
    "Relation with ministries" is "A planning body above all ministries; the
    latter are implementing bodies".

    Signature, for each planning body ``p`` (kind ``planning_agency`` or role
    ``pilot_agency``):

    - *cover*: the share of the ministries that ``p`` steers, i.e. reaches by
      a steering tie (``directs``, ``plans_for``, ``manages``,
      ``delegates_to``, ``incentivizes``, ``chairs``, ``guides``), directly
      or through plan documents or its own units (``p`` plans for a
      five-year plan that guides the ministries); a horizontal
      ``coordinates`` tie to a ministry counts half;
    - *mandate*: 1 when a top leader ``directs``, ``delegates_to`` or
      ``establishes`` ``p`` ("authority given by top leader"), 0.75 when the
      network has no leader node at all (the structure is silent), 0.5
      otherwise.

    Score = cover x mandate, for the best planning body; 0 without one or
    without ministries.
    """
    ministries = {v for v in G if _ministry(G, v)}
    cands = []
    leaders = {v for v in G if _leader(G, v)}
    for p in G:
        if not _planning(G, p) or _leader(G, p):
            continue
        # steering reach through documents and units only
        steered, seen, frontier = set(), {p}, [p]
        while frontier:
            nxt = []
            for x in frontier:
                for w in G.successors(x):
                    if w in seen or _relation(G, x, w) not in _STEER:
                        continue
                    seen.add(w)
                    if w in ministries:
                        steered.add(w)
                    elif _document(G, w) or _unit(G, w):
                        nxt.append(w)
            frontier = nxt
        coordinated = {w for w in ministries - steered
                       if (G.has_edge(p, w) and _relation(G, p, w) == "coordinates")}
        if not ministries:
            cover = 0.0
        else:
            cover = (len(steered) + 0.5 * len(coordinated)) / len(ministries)
        mandated = any(G.has_edge(l, p) and _relation(G, l, p) in _MANDATE for l in leaders)
        mandate = 1.0 if mandated else (0.75 if not leaders else 0.5)
        ev = []
        if ministries:
            ev.append(f"one planning agency steers (directs or plans for) {len(steered)} of the "
                      f"{_count(len(ministries), 'ministry')}"
                      + (f" and coordinates {len(coordinated)} more" if coordinated else ""))
        else:
            ev.append("there are no ministries for a planning agency to stand above")
        if mandated:
            ev.append("it takes its authority from the top leader")
        elif leaders:
            ev.append("no authority tie from the top leader to it")
        else:
            ev.append("the network has no top leader")
        cands.append((cover * mandate, ev, p))
    best = _best(cands)
    if best is None:
        return 0.0, ("no planning agency or pilot agency in the network",), ()
    return best


def _councils(G):
    """National councils or committees.

    The slides: "National Councils or Committees (also called as
    'Deliberation Councils')"; in the comparison table their number is "Up to
    several" (against "Only one" technocrat group) and their "Relation with
    ministries" is "Ministers and officials participate in policy making as
    members". The national committees of Thailand in the 1980s "were chaired
    by PM Prem"; Korea's are "Presidential Committees".

    Signature, over the councils (kind ``council`` or role
    ``consensus_forum``) that have at least one tie:

    - *several*: 1 with two or more councils, 0.5 with one;
    - *national*: the share of councils tied to a top leader (chaired by
      them, advising them, set up by them);
    - *members*: the share of ministries that sit on a council as members
      (``member_of``) or chair one.

    Score = the mean of the three; 0 without councils.
    """
    councils = [c for c in G if _council(G, c) and G.degree(c) > 0]
    if not councils:
        return 0.0, ("no council or committee in the network",), ()
    ministries = {v for v in G if _ministry(G, v)}
    several = 1.0 if len(councils) >= 2 else 0.5
    national = [c for c in councils if any(_leader(G, w) for w in _neighbors(G, c))]
    seated = {m for m in ministries
              if any(_council(G, c) and _relation(G, m, c) in _SITS_ON for c in G.successors(m))}
    members = len(seated) / len(ministries) if ministries else 0.0
    score = (several + len(national) / len(councils) + members) / 3
    sizes = sorted((G.degree(c) for c in councils), reverse=True)
    ev = [f"{_count(len(councils), 'council')} (ties: {', '.join(map(str, sizes))})",
          f"{len(national)} of them tied to the top leader"]
    if ministries:
        ev.append(f"{len(seated)} of the {_count(len(ministries), 'ministry')} sit on them as members")
    else:
        ev.append("there are no ministries to sit on them")
    managed = {u for c in councils for u in G.predecessors(c)
               if _relation(G, u, c) in {"manages", "secretariat_for"} and _planning(G, u)}
    if managed:
        ev.append("a planning agency manages or serves them")
    return score, tuple(ev), tuple(sorted(councils, key=str))


def _family(G, m):
    """A ministry and the units it holds (bureaus reached by holding ties through units)."""
    fam, frontier = {m}, [m]
    while frontier:
        nxt = []
        for x in frontier:
            for w in G.successors(x):
                if w not in fam and _unit(G, w) and _relation(G, x, w) in _HOLDS:
                    fam.add(w)
                    nxt.append(w)
        frontier = nxt
    return fam


def _super_ministry(G):
    """Super-ministry for industrial policy.

    The slides: "One ministry with broad authority for industry (sectors,
    trade, technology, training, standards, SMEs, FDI, IPR, regional
    development...)", "Performing multiple tasks—planning, interface with
    politicians, working with businesses and other stakeholders, ...",
    "Organization into vertical (industry-specific) and horizontal
    (functional or cross-industrial) bureaus", "Capacity to work in harmony
    with the private sector (e.g., through Deliberation Councils)"; Taiwan's
    MoEA is "the powerful one-stop ministry", its IDB "embedded with the
    private sector".

    Signature, for each ministry ``m`` with its *family* (``m`` and the
    bureaus or implementing units it directs, manages or set up):

    - *business*: 1 when the family is tied to firms or business
      associations, directly or through a council it manages or chairs
      ("working with businesses", "embedded with the private sector");
    - *tasks*: min(1, distinct relation types on the family's ties / 4)
      ("multiple tasks");
    - *reach*: the share of the actors outside the family (leaders left
      out) that the family is tied to, directly or through the councils it
      manages or chairs ("broad authority", "extensive information
      networks");
    - *bureaus*: min(1, units / 2): the slides' MITI has "vertical
      (industry-specific) and horizontal (functional or cross-industrial)
      bureaus" and Taiwan's MoEA its IDB; the general slide does not name
      them, so a ministry without units keeps half its score.

    Score = mean(business, tasks, reach) x (1 + bureaus) / 2.
    """
    cands = []
    for m in G:
        if not _ministry(G, m):
            continue
        fam = _family(G, m)
        units = len(fam) - 1
        tied, relations = set(), set()
        for x in fam:
            for w, rel, _ in _ties(G, x):
                if w in fam:
                    relations.add(rel)
                    continue
                relations.add(rel)
                tied.add(w)
                if _council(G, w) and G.has_edge(x, w) and _relation(G, x, w) in {"manages", "chairs"}:
                    tied |= {u for u in _neighbors(G, w) if u not in fam}
        others = {v for v in G if v not in fam and not _leader(G, v)}
        reached = tied & others
        private = {w for w in reached if _sphere(G, w) == "private"}
        bureaus = min(1.0, units / 2)
        business = 1.0 if private else 0.0
        tasks = min(1.0, len(relations) / 4)
        reach = len(reached) / len(others) if others else 0.0
        score = (business + tasks + reach) / 3 * (1 + bureaus) / 2
        ev = [f"one ministry holds {_count(units, 'bureau or unit', 'bureaus or units')} of its own",
              (f"it works with {_kinds_phrase(G, private)}" if private
               else "it has no tie to firms or business associations"),
              _count(len(relations), "kind of tie", "kinds of tie"), f"it reaches {_pct(reach)} of the other actors"]
        cands.append((score, ev, m))
    best = _best(cands)
    if best is None:
        return 0.0, ("no ministry in the network",), ()
    return best


def _hub_institution(G):
    """Sector hub institution.

    The slides: "A semi-official sector/issue organization set up by
    government plays policy coordinating role"; Thailand's TAI "is a hub of
    policy design and implementation linking local and FDI firms, MOI (esp.
    BSID) and related ministries, and universities".

    Signature, for each hub (kind ``hub_institution`` or role
    ``sector_hub``):

    - *spheres*: the share of the three spheres it is tied to: government
      (leaders, agencies, ministries, bureaus), business (firms,
      associations) and knowledge (universities, research institutes,
      experts);
    - *reach*: the share of the other actors it is tied to.

    Score = spheres x (1 + reach) / 2; 0 without a hub.
    """
    cands = []
    for h in G:
        if not _hub(G, h):
            continue
        nbrs = _neighbors(G, h)
        by = {s: {w for w in nbrs if _sphere(G, w) == s} for s in ("government", "private", "knowledge")}
        spheres = sum(1 for s in by.values() if s) / 3
        reach = len(nbrs) / (G.number_of_nodes() - 1) if G.number_of_nodes() > 1 else 0.0
        linked = by["private"] | by["government"] | by["knowledge"]
        ev = [f"a hub institution links {_kinds_phrase(G, linked)}",
              f"{sum(1 for s in by.values() if s)} of the 3 spheres (government, business, knowledge)",
              f"it is tied to {_pct(reach)} of the other actors"]
        if any(_sphere(G, u) == "government" and _relation(G, u, h) == "establishes" for u in G.predecessors(h)):
            ev.append("set up by government")
        cands.append((spheres * (1 + reach) / 2, ev, h))
    best = _best(cands)
    if best is None:
        return 0.0, ("no hub institution in the network",), ()
    return best


def _strong_leader(G):
    """Strong leader without institutionalization.

    The slides: "A powerful and enlightened leader plays an instrumental role
    in every policy function"; "The leader works bilaterally with ministries,
    businesses, investors, donors, experts, etc. and integrates all policy
    actions without horizontal coordination".

    Signature, for each top leader ``l`` (kind ``head_of_government`` or role
    ``top_leader``):

    - *reach*: the share of the other actors ``l`` has a direct tie with;
    - *bilateral*: 1 minus the share of horizontal ties among the ties that
      do not involve ``l`` (coordination that bypasses the leader);
    - *breadth*: the share of the four kinds of partner the slide lists that
      ``l`` is tied to: government (ministries), business (businesses,
      investors), external partners (donors) and knowledge (experts).

    Score = reach x bilateral x breadth; 0 without a leader.
    """
    cands = []
    n = G.number_of_nodes()
    for l in G:
        if not _leader(G, l):
            continue
        nbrs = _neighbors(G, l)
        reach = len(nbrs) / (n - 1) if n > 1 else 0.0
        rest = [(u, v) for u, v in G.edges if l not in (u, v)]
        horizontal = sum(1 for u, v in rest if _axis(_relation(G, u, v)) == model.HORIZONTAL)
        bilateral = 1 - horizontal / len(rest) if rest else 1.0
        spheres = sorted({_sphere(G, w) for w in nbrs} & set(_LEADER_SPHERES))
        breadth = len(spheres) / len(_LEADER_SPHERES)
        ev = [f"the leader has direct ties to {_pct(reach)} of the actors",
              f"{horizontal} of the {len(rest)} ties among the others are horizontal",
              "its partners: " + (", ".join(_LEADER_SPHERES[s] for s in spheres) or "none")
              + f" ({len(spheres)} of the {len(_LEADER_SPHERES)} the slide lists)"]
        cands.append((reach * bilateral * breadth, ev, l))
    best = _best(cands)
    if best is None:
        return 0.0, ("no top leader in the network",), ()
    return best


_LEADER_SPHERES = {"government": "government", "private": "business", "external": "donors and other external partners",
                   "knowledge": "experts"}
_PRINCIPAL = {"directs", "plans_for", "manages", "delegates_to", "incentivizes", "funds", "constrains"}


def _coordination_graph(G):
    """Vertical ties in their direction, horizontal ties both ways; the rest left out."""
    D = nx.DiGraph()
    D.add_nodes_from(G)
    for u, v, rel in G.edges(data="relation"):
        axis = _axis(rel)
        if axis == model.VERTICAL:
            D.add_edge(u, v)
        elif axis == model.HORIZONTAL:
            D.add_edge(u, v)
            D.add_edge(v, u)
    return D


def _fragmented(G):
    """Fragmented machinery.

    The slides, on MITI's Japan: "Cf. US (fragmented machinery): Depts. of
    Commerce, Defense, Energy, State, USTR, Congress, White House" -- separate
    departments side by side with two separate centres of power, and nothing
    that plans for them or brings them together (no planning body, council,
    hub or super-ministry: the mechanisms the rest of the slides describe).

    Signature, on the *coordination graph* (vertical ties in their direction,
    horizontal ties both ways; money, support, opposition and constraints
    left out):

    - *unsteered*: 1 minus the largest share of the other actors that any
      one node reaches along coordination paths;
    - *uncoordinated*: the share of ministries that, with the top leaders
      and legislatures set aside, have no coordination tie to anyone (no
      planning body, council, hub, peer, unit or plan links them);
    - *divided*: the share of ministries answering to two or more
      principals (``directs``, ``plans_for``, ``manages``, ``delegates_to``,
      ``incentivizes``, ``funds``, ``constrains``) of which neither has
      authority over the other (say a White House that directs and a
      Congress that funds).

    Score = the mean of the three (of *unsteered* alone without ministries).
    """
    n = G.number_of_nodes()
    if n < 2:
        return 0.0, ("fewer than 2 actors",), ()
    D = _coordination_graph(G)
    reach = {v: len(nx.descendants(D, v)) / (n - 1) for v in D}
    max_reach = max(reach.values())
    comps = [len(c) for c in nx.weakly_connected_components(D)]
    parts = [1 - max_reach]
    ev = [f"no node reaches more than {_pct(max_reach)} of the others through ties of authority or coordination",
          f"{_count(len(comps), 'piece')} (weak components of the coordination ties), the largest with "
          f"{max(comps)} of {n} actors"]
    ministries = [v for v in G if _ministry(G, v)]
    if ministries:
        apex = {v for v in G if _leader(G, v) or _is(G, v, {"legislature"}, {"legislature"})}
        rest = D.subgraph(v for v in D if v not in apex)
        alone = sum(1 for m in ministries if m in rest and rest.degree(m) == 0)
        V = nx.DiGraph((u, v) for u, v, rel in G.edges(data="relation") if _axis(rel) == model.VERTICAL)
        divided = 0
        for m in ministries:
            principals = sorted({u for u in G.predecessors(m) if _relation(G, u, m) in _PRINCIPAL}, key=str)
            if any(not (u in V and w in V and (nx.has_path(V, u, w) or nx.has_path(V, w, u)))
                   for i, u in enumerate(principals) for w in principals[i + 1:]):
                divided += 1
        parts += [alone / len(ministries), divided / len(ministries)]
        ev += [f"with the leader and legislature set aside, {alone} of the "
               f"{_count(len(ministries), 'ministry')} have no coordination tie",
               f"{divided} of them answer to two or more principals independent of each other"]
    score = sum(parts) / len(parts)
    actors = tuple(sorted((v for v in G if reach[v] == max_reach), key=str)) if max_reach < 1 else ()
    return score, tuple(ev), actors


_SIGNATURES = {
    "technocrat-group": _technocrat_group,
    "councils": _councils,
    "super-ministry": _super_ministry,
    "hub-institution": _hub_institution,
    "strong-leader": _strong_leader,
    "fragmented": _fragmented,
}


def classify(G: nx.DiGraph) -> Classification:
    """Score a network against the six models of policy coordination.

    Parameters
    ----------
    G : networkx.DiGraph
        A network as :func:`instnet.load.load_network` returns it. Only node
        ``kind`` and ``role``, edge ``relation`` and the graph are read.

    Returns
    -------
    Classification
        One :class:`ModelScore` per model of :data:`MODELS` (score in
        [0, 1], rounded to 6 decimals; evidence in words; the nodes that
        carry it). The models are not mutually exclusive. See each
        signature's docstring (``_technocrat_group`` ... ``_fragmented``) for
        the structure it looks for and the slide text behind it.

    Examples
    --------
    A leader, a planning body above the two ministries:

    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from([("pm", {"kind": "head_of_government"}),
    ...                   ("plan", {"kind": "planning_agency"}),
    ...                   ("a", {"kind": "ministry"}), ("b", {"kind": "ministry"})])
    >>> G.add_edges_from([("pm", "plan", {"relation": "directs"}),
    ...                   ("plan", "a", {"relation": "plans_for"}),
    ...                   ("plan", "b", {"relation": "plans_for"})])
    >>> c = classify(G)
    >>> c.best, c.score("technocrat-group")
    ('technocrat-group', 1.0)
    >>> c["technocrat-group"].evidence[0]
    'one planning agency steers (directs or plans for) 2 of the 2 ministries'
    """
    scores = []
    for key, fn in _SIGNATURES.items():
        score, evidence, actors = fn(G)
        score = round(min(1.0, max(0.0, float(score))), 6)
        scores.append(ModelScore(key, score, tuple(evidence), tuple(actors)))
    return Classification(tuple(scores), G.graph.get("id"))


# ---------------------------------------------------------------------------
# robustness


def _digest(*parts) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=8).hexdigest()


def _node_colors(G) -> dict:
    """Structural colour of every node: colour refinement (1-WL) on kind, role and relations.

    Two nodes get the same colour only if they look alike from the structure
    (same kind and role, same relations to alike neighbours, to any depth);
    ids and labels play no part.
    """
    colors = {v: _digest(_kind(G, v), _role(G, v)) for v in G}
    for _ in range(G.number_of_nodes()):
        new = {
            v: _digest(colors[v],
                       sorted((_relation(G, v, w), colors[w]) for w in G.successors(v)),
                       sorted((_relation(G, u, v), colors[u]) for u in G.predecessors(v)))
            for v in G
        }
        if len(set(new.values())) == len(set(colors.values())):
            break
        colors = new
    return colors


def _canonical_edges(G) -> list[tuple]:
    """The edges in an order set by their structural signature, not by ids or rows.

    Edges are sorted by (source colour, target colour, relation); edges whose
    signatures tie are structurally alike, and are then ordered by id only
    to make the order total.
    """
    colors = _node_colors(G)
    return sorted(G.edges, key=lambda e: (colors[e[0]], colors[e[1]], str(_relation(G, *e)), str(e[0]), str(e[1])))


def _without(G, edges) -> nx.DiGraph:
    H = G.copy()
    H.remove_edges_from(edges)
    return H


#: The Freeman centralizations of :func:`instnet.metrics.graph_table` that
#: :func:`robustness` gives intervals for: all of them.
CENTRALIZATIONS = CENTRALIZATION_MEASURES


def _centralizations(G, exact: bool = True) -> dict[str, float]:
    """The ``centralization_*`` entries of :func:`instnet.metrics.graph_table`, only.

    Delegates to :func:`instnet.metrics.centralizations`, which skips the
    measures :func:`robustness` does not need (brokerage, constraint,
    PageRank, HITS, Krackhardt). With ``exact=False`` the eigenvector scores
    come from power iteration instead of a dense eigendecomposition (they
    agree to about 1e-12) and no multithreaded BLAS call is made; betweenness
    stays exact below ``metrics.BETWEENNESS_SAMPLES`` nodes.
    """
    from . import metrics

    out = metrics.centralizations(G, exact=None if exact else False)
    return {k: float(out[k]) for k in CENTRALIZATIONS}


def _percentiles(values, low=5, high=95):
    import numpy as np

    arr = np.asarray([v for v in values if v is not None and not math.isnan(v)], dtype=float)
    if arr.size == 0:
        return (math.nan, math.nan)
    return (float(np.percentile(arr, low)), float(np.percentile(arr, high)))


@dataclass(frozen=True)
class Robustness:
    """How far a classification survives perturbations of the network.

    Attributes
    ----------
    baseline : Classification
        The classification of the whole network.
    runs, drop, seed, removed
        The random runs: ``runs`` removals of ``removed`` edges each
        (``drop`` of the edges, rounded, at least 1), drawn with ``seed``.
    kept : dict
        Per model, the share of runs whose verdict (see :func:`verdicts`)
        equals the baseline verdict.
    scores : dict
        Per model, the 5th and 95th percentiles of its score over the runs
        (numpy's linear interpolation).
    metrics : dict
        Per centralization measure of :func:`instnet.metrics.graph_table`:
        ``(baseline, 5th percentile, 95th percentile)`` over the runs (NaN
        runs left out). The baseline is exactly graph_table's; in the runs
        the eigenvector scores come from power iteration (equal to about
        1e-12).
    variants : dict
        ``"stated-only"``: the classification with every edge whose
        ``basis`` is ``inferred`` dropped; ``"seeds-only"``: with every edge
        citing an external reference (``external`` true) dropped. Nodes are
        kept in both. Stated and seeded are separate questions: an external
        tie can be stated, a seeded one inferred.
    variant_edges : dict
        The number of edges each variant keeps.
    """

    baseline: Classification
    runs: int
    drop: float
    seed: int
    removed: int
    kept: dict[str, float]
    scores: dict[str, tuple[float, float]]
    metrics: dict[str, tuple[float, float, float]]
    variants: dict[str, Classification] = field(default_factory=dict)
    variant_edges: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """Plain data (NaN becomes None)."""
        def num(x):
            return None if isinstance(x, float) and math.isnan(x) else x

        base = verdicts(self.baseline)
        return {
            "network": self.baseline.network,
            "runs": self.runs,
            "drop": self.drop,
            "seed": self.seed,
            "removed_per_run": self.removed,
            "models": {
                m: {
                    "score": self.baseline.score(m),
                    "verdict": base[m],
                    "kept": self.kept[m],
                    "interval": [num(x) for x in self.scores[m]],
                    **{f"{name}_score": c.score(m) for name, c in self.variants.items()},
                    **{f"{name}_verdict": verdicts(c)[m] for name, c in self.variants.items()},
                }
                for m in MODELS
            },
            "metrics": {k: {"value": num(v[0]), "interval": [num(v[1]), num(v[2])]} for k, v in self.metrics.items()},
            "variants": {name: {"edges": self.variant_edges[name], "top": c.top} for name, c in self.variants.items()},
        }

    def to_frame(self):
        """A DataFrame indexed by model: score, verdict, kept, low, high and the variants' scores."""
        import pandas as pd

        base = verdicts(self.baseline)
        rows = []
        for m in MODELS:
            row = {"model": m, "score": self.baseline.score(m), "verdict": base[m], "kept": self.kept[m],
                   "low": self.scores[m][0], "high": self.scores[m][1]}
            for name, c in self.variants.items():
                row[name] = c.score(m)
            rows.append(row)
        return pd.DataFrame(rows).set_index("model")


def robustness(G: nx.DiGraph, runs: int = 200, drop: float = 0.1, seed: int = 0,
               metrics: bool = True) -> Robustness:
    """Recompute the classification over random edge removals and stated-only edges.

    Parameters
    ----------
    G : networkx.DiGraph
    runs : int
        Number of random removals.
    drop : float
        Share of the edges removed in each run (rounded, at least one edge
        when the network has any).
    seed : int
        Seed of the random draws. The edges are drawn from a canonical order
        (by structural signature, see ``_canonical_edges``), so the result
        depends on the seed and the structure only, not on row order or ids
        (up to structurally alike edges).
    metrics : bool
        Also give intervals for the centralization measures of
        :func:`instnet.metrics.graph_table` (the slower part).

    Returns
    -------
    Robustness

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from([("pm", {"kind": "head_of_government"}),
    ...                   ("plan", {"kind": "planning_agency"})])
    >>> G.add_nodes_from((m, {"kind": "ministry"}) for m in "abcdefghij")
    >>> G.add_edge("pm", "plan", relation="directs", basis="stated")
    >>> G.add_edges_from(("plan", m, {"relation": "plans_for", "basis": "inferred"}) for m in "abcdefghij")
    >>> r = robustness(G, runs=50, metrics=False)
    >>> r.removed, r.kept["technocrat-group"]
    (1, 1.0)
    >>> r.variants["stated-only"].top
    ['fragmented']
    """
    baseline = classify(G)
    base = verdicts(baseline)
    edges = _canonical_edges(G)
    m = len(edges)
    k = min(m, max(1, round(drop * m))) if m else 0
    rng = random.Random(seed)
    cache: dict[frozenset, tuple[Classification, dict]] = {}
    kept = {key: 0 for key in MODELS}
    samples: dict[str, list[float]] = {key: [] for key in MODELS}
    msamples: dict[str, list[float]] = {}
    for _ in range(runs):
        chosen = frozenset(rng.sample(range(m), k)) if k else frozenset()
        if chosen not in cache:
            H = _without(G, [edges[i] for i in sorted(chosen)])
            cache[chosen] = (classify(H), _centralizations(H, exact=False) if metrics else {})
        c, cent = cache[chosen]
        v = verdicts(c)
        for key in MODELS:
            kept[key] += v[key] == base[key]
            samples[key].append(c.score(key))
        for name, value in cent.items():
            msamples.setdefault(name, []).append(value)
    base_metrics = _centralizations(G) if metrics else {}
    variants, variant_edges = {}, {}
    for name, drop_it in (("stated-only", lambda d: d.get("basis") == "inferred"),
                          ("seeds-only", lambda d: bool(d.get("external")))):
        H = _without(G, [(u, v) for u, v, d in G.edges(data=True) if drop_it(d)])
        variants[name] = classify(H)
        variant_edges[name] = H.number_of_edges()
    return Robustness(
        baseline=baseline, runs=runs, drop=drop, seed=seed, removed=k,
        kept={key: kept[key] / runs if runs else math.nan for key in MODELS},
        scores={key: _percentiles(samples[key]) for key in MODELS},
        metrics={name: (base_metrics[name], *_percentiles(msamples.get(name, []))) for name in base_metrics},
        variants=variants, variant_edges=variant_edges,
    )


# ---------------------------------------------------------------------------
# nearest archetype


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
        term = model.RELATIONS.get(rel) if isinstance(rel, str) else None
        if term is not None and term.symmetric:
            a, b = sorted((a, b))
        key = (a, b, _axis(rel))
        counts[key] = counts.get(key, 0) + 1
    total = sum(counts.values())
    return {k: counts[k] / total for k in sorted(counts)} if total else {}


def _total_variation(p: Mapping, q: Mapping) -> float:
    if not p and not q:
        return 0.0
    if not p or not q:
        return 1.0
    return round(sum(abs(p.get(k, 0.0) - q.get(k, 0.0)) for k in set(p) | set(q)) / 2, 12)


def archetype_distance(G: nx.DiGraph, A: nx.DiGraph, *, c: Classification | None = None,
                       ca: Classification | None = None) -> tuple[float, float, float]:
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

    The one function of this module that reads files (through
    :func:`instnet.load.load_network`).
    """
    from .load import bundled_ids, load_network

    out = {}
    for key in bundled_ids():
        if key.startswith(ARCHETYPE_PREFIX):
            A = load_network(key)
            if A.graph.get("idealized"):
                out[key] = A
    return out


# ---------------------------------------------------------------------------
# text output

_MD_SPECIAL = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>|#"})


def _md(text: str) -> str:
    return str(text).translate(_MD_SPECIAL)


def _num(x, digits=3) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{x:.{digits}f}"


def _interval(pair) -> str:
    return f"{_num(pair[0], 2)}-{_num(pair[1], 2)}"


def _rows(c: Classification, r: Robustness | None):
    v = verdicts(c)
    headers = ["model", "score", "verdict"]
    if r is not None:
        headers += ["kept", "5-95%", *r.variants]
    headers.append("evidence")
    rows = []
    for s in c.scores:
        row = [s.model, _num(s.score), v[s.model]]
        if r is not None:
            row += [f"{round(100 * r.kept[s.model])}%", _interval(r.scores[s.model])]
            row += [_num(x.score(s.model)) for x in r.variants.values()]
        row.append("; ".join(s.evidence))
        rows.append(row)
    return headers, rows


def _text_table(headers, rows, markdown=False) -> list[str]:
    if markdown:
        lines = ["| " + " | ".join(_md(h) for h in headers) + " |", "|" + "---|" * len(headers)]
        return lines + ["| " + " | ".join(_md(x) for x in row) + " |" for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(row):
        return "  " + "  ".join(x.ljust(w) for x, w in zip(row, widths)).rstrip()

    return [line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows]


def format_classification(c: Classification, fmt: str = "table", robustness: Robustness | None = None,
                          nearest: list[tuple[str, float]] | None = None) -> str:
    """The classification as text, for ``instnet classify ID --format FMT``.

    Parameters
    ----------
    c : Classification
    fmt : {"table", "csv", "json", "markdown"}
        ``table``: aligned plain text; ``markdown``: a heading and pipe
        tables, cells escaped; ``csv``: one row per model (the robustness
        columns when given; not the centralization intervals or the
        archetypes, which only the other formats show); ``json``:
        ``c.to_dict()`` with ``robustness`` and ``nearest_archetypes`` keys
        when given.
    robustness : Robustness, optional
        Adds, per model, the share of runs keeping its verdict, the 5-95%
        interval of its score and its score in each variant, and the
        centralization intervals.
    nearest : list of (id, distance), optional
        From :func:`nearest_archetype`.

    Returns
    -------
    str
        Ends with a newline.

    Raises
    ------
    ValueError
        For an unknown ``fmt``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from((m, {"kind": "ministry"}) for m in "ab")
    >>> text = format_classification(classify(G), "csv")
    >>> print(text.splitlines()[0])
    model,label,score,verdict,evidence,actors
    >>> text.splitlines()[-1].split(",")[:4]
    ['fragmented', 'Fragmented machinery', '0.667', 'top']
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "json":
        data = c.to_dict()
        if robustness is not None:
            data["robustness"] = robustness.to_dict()
        if nearest is not None:
            data["nearest_archetypes"] = [{"id": key, "distance": d} for key, d in nearest]
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    headers, rows = _rows(c, robustness)
    if fmt == "csv":
        import csv

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["model", "label", *headers[1:-1], "evidence", "actors"])
        for s, row in zip(c.scores, rows):
            w.writerow([s.model, s.label, *row[1:-1], row[-1], " ".join(map(str, s.actors))])
        return buf.getvalue()
    md = fmt == "markdown"
    name = c.network or "network"
    top = ", ".join(c.top) or "none"
    out = [f"# {_md(name)}: {_md(top)}" if md else f"{name}: {top}", ""]
    if md:
        out += _text_table(headers, rows, md)
    else:
        out += _text_table(headers[:-1], [row[:-1] for row in rows])
        out += ["", "Evidence:"]
        out += [f"  {s.model}: {'; '.join(s.evidence)}" for s in c.scores]
    if robustness is not None:
        r = robustness
        out += ["", f"Robustness: {r.runs} runs removing {_count(r.removed, 'random tie')} each (seed {r.seed}); "
                "kept = share of runs with the same verdict; "
                + "; ".join(f"{k}: {r.variant_edges[k]} ties kept, top {', '.join(x.top) or 'none'}"
                            for k, x in r.variants.items())]
        if r.metrics:
            out += [""]
            out += _text_table(["centralization", "value", "5-95%"],
                               [[k.removeprefix("centralization_"), _num(v[0]), _interval(v[1:])]
                                for k, v in r.metrics.items()], md)
    if nearest:
        out += ["", "Nearest archetypes (distance 0 = alike, 1 = as different as can be):", ""]
        out += _text_table(["archetype", "distance"], [[k, _num(d)] for k, d in nearest], md)
    return "\n".join(out) + "\n"


def classify_text(G: nx.DiGraph, fmt: str = "table", robust: bool = False,
                  archetypes: Mapping[str, nx.DiGraph] | None = None, runs: int = 200,
                  drop: float = 0.1, seed: int = 0) -> str:
    """Classify ``G`` and format the result in one call (for the CLI).

    ``robust`` adds :func:`robustness` (``runs``, ``drop``, ``seed``);
    ``archetypes`` (e.g. :func:`bundled_archetypes`) adds the distances from
    :func:`nearest_archetype`. See :func:`format_classification` for ``fmt``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    c = classify(G)
    r = robustness(G, runs=runs, drop=drop, seed=seed) if robust else None
    near = nearest_archetype(G, archetypes) if archetypes is not None else None
    return format_classification(c, fmt, robustness=r, nearest=near)
