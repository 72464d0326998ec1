"""The structural signatures of the six models: each scores a network from kinds, roles and relations only."""

from __future__ import annotations

import networkx as nx

from .. import model
from ..model import relation_axis
from .classes import (
    _council,
    _document,
    _hub,
    _is,
    _leader,
    _ministry,
    _neighbors,
    _planning,
    _relation,
    _sphere,
    _ties,
    _unit,
)
from .evidence import _count, _kinds_phrase, _pct

__all__: list[str] = []

# vertical axis without the one-off acts of founding and enacting
_STEER = {"directs", "plans_for", "chairs", "manages", "delegates_to", "incentivizes", "guides"}
# relations by which a leader hands authority to a planning body
_MANDATE = {"directs", "delegates_to", "establishes"}
# relations by which a ministry holds its own units
_HOLDS = {"directs", "manages", "establishes", "delegates_to"}
# relations that put a body inside a council as a participant in its decisions
_SITS_ON = {"member_of", "chairs"}


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
        coordinated = {w for w in ministries - steered if (G.has_edge(p, w) and _relation(G, p, w) == "coordinates")}
        if not ministries:
            cover = 0.0
        else:
            cover = (len(steered) + 0.5 * len(coordinated)) / len(ministries)
        mandated = any(G.has_edge(chief, p) and _relation(G, chief, p) in _MANDATE for chief in leaders)
        mandate = 1.0 if mandated else (0.75 if not leaders else 0.5)
        ev = []
        if ministries:
            ev.append(
                f"one planning agency steers (directs or plans for) {len(steered)} of the "
                f"{_count(len(ministries), 'ministry')}"
                + (f" and coordinates {len(coordinated)} more" if coordinated else "")
            )
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
    seated = {m for m in ministries if any(_council(G, c) and _relation(G, m, c) in _SITS_ON for c in G.successors(m))}
    members = len(seated) / len(ministries) if ministries else 0.0
    score = (several + len(national) / len(councils) + members) / 3
    sizes = sorted((G.degree(c) for c in councils), reverse=True)
    ev = [
        f"{_count(len(councils), 'council')} (ties: {', '.join(map(str, sizes))})",
        f"{len(national)} of them tied to the top leader",
    ]
    if ministries:
        ev.append(f"{len(seated)} of the {_count(len(ministries), 'ministry')} sit on them as members")
    else:
        ev.append("there are no ministries to sit on them")
    managed = {
        u
        for c in councils
        for u in G.predecessors(c)
        if _relation(G, u, c) in {"manages", "secretariat_for"} and _planning(G, u)
    }
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
        ev = [
            f"one ministry holds {_count(units, 'bureau or unit', 'bureaus or units')} of its own",
            (
                f"it works with {_kinds_phrase(G, private)}"
                if private
                else "it has no tie to firms or business associations"
            ),
            _count(len(relations), "kind of tie", "kinds of tie"),
            f"it reaches {_pct(reach)} of the other actors",
        ]
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
        ev = [
            f"a hub institution links {_kinds_phrase(G, linked)}",
            f"{sum(1 for s in by.values() if s)} of the 3 spheres (government, business, knowledge)",
            f"it is tied to {_pct(reach)} of the other actors",
        ]
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
    for chief in G:
        if not _leader(G, chief):
            continue
        nbrs = _neighbors(G, chief)
        reach = len(nbrs) / (n - 1) if n > 1 else 0.0
        rest = [(u, v) for u, v in G.edges if chief not in (u, v)]
        horizontal = sum(1 for u, v in rest if relation_axis(_relation(G, u, v)) == model.HORIZONTAL)
        bilateral = 1 - horizontal / len(rest) if rest else 1.0
        spheres = sorted({_sphere(G, w) for w in nbrs} & set(_LEADER_SPHERES))
        breadth = len(spheres) / len(_LEADER_SPHERES)
        ev = [
            f"the leader has direct ties to {_pct(reach)} of the actors",
            f"{horizontal} of the {len(rest)} ties among the others are horizontal",
            "its partners: "
            + (", ".join(_LEADER_SPHERES[s] for s in spheres) or "none")
            + f" ({len(spheres)} of the {len(_LEADER_SPHERES)} the slide lists)",
        ]
        cands.append((reach * bilateral * breadth, ev, chief))
    best = _best(cands)
    if best is None:
        return 0.0, ("no top leader in the network",), ()
    return best


_LEADER_SPHERES = {
    "government": "government",
    "private": "business",
    "external": "donors and other external partners",
    "knowledge": "experts",
}
_PRINCIPAL = {"directs", "plans_for", "manages", "delegates_to", "incentivizes", "funds", "constrains"}


def _coordination_graph(G):
    """Vertical ties in their direction, horizontal ties both ways; the rest left out."""
    D = nx.DiGraph()
    D.add_nodes_from(G)
    for u, v, rel in G.edges(data="relation"):
        axis = relation_axis(rel)
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
    ev = [
        f"no node reaches more than {_pct(max_reach)} of the others through ties of authority or coordination",
        (
            f"{_count(len(comps), 'piece')} (weak components of the coordination ties), the largest with "
            f"{max(comps)} of {n} actors"
        ),
    ]
    ministries = [v for v in G if _ministry(G, v)]
    if ministries:
        apex = {v for v in G if _leader(G, v) or _is(G, v, {"legislature"}, {"legislature"})}
        rest = D.subgraph(v for v in D if v not in apex)
        alone = sum(1 for m in ministries if m in rest and rest.degree(m) == 0)
        V = nx.DiGraph((u, v) for u, v, rel in G.edges(data="relation") if relation_axis(rel) == model.VERTICAL)
        divided = 0
        for m in ministries:
            principals = sorted({u for u in G.predecessors(m) if _relation(G, u, m) in _PRINCIPAL}, key=str)
            if any(
                not (u in V and w in V and (nx.has_path(V, u, w) or nx.has_path(V, w, u)))
                for i, u in enumerate(principals)
                for w in principals[i + 1 :]
            ):
                divided += 1
        parts += [alone / len(ministries), divided / len(ministries)]
        ev += [
            (
                f"with the leader and legislature set aside, {alone} of the "
                f"{_count(len(ministries), 'ministry')} have no coordination tie"
            ),
            f"{divided} of them answer to two or more principals independent of each other",
        ]
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
