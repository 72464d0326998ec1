"""The summary of a diff in plain-language sentences, generated from its numbers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import NODE_KINDS, RELATIONS, ROLES
from ..text import number
from .groups import _ROLE_ORDER, NO_ROLE
from .values import _numeric, frame_rows

if TYPE_CHECKING:
    from .result import Diff

__all__ = ["short_label", "summary_sentences"]

_KEY_ROLES = ("top_leader", "pilot_agency", "industrial_ministry", "macro_agency", "sector_hub", "consensus_forum")
_PLURALS = {"private_sector": "private-sector actors", "civil_society": "civil-society actors"}


def _role_name(role: str, plural: bool = False) -> str:
    if role == NO_ROLE:
        return "institutions without a role" if plural else "institution without a role"
    if plural and role in _PLURALS:
        return _PLURALS[role]
    name = ROLES[role].label if role in ROLES else str(role)
    name = name[:1].lower() + name[1:]
    if not plural:
        return name
    return name[:-1] + "ies" if name.endswith("y") else name + "s"


def _share(x) -> str:
    """A share or score as the sentences print it: two decimals."""
    return number(float(x), 2)


def _join(items: list[str], limit: int = 5) -> str:
    items = [str(i) for i in items]
    if len(items) > limit:
        items = [*items[:limit], f"{len(items) - limit} more"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _moves(a: float, b: float, unit: str, id_a: str, id_b: str, over_time: bool = True) -> str:
    """'rises from 0.33 in A to 0.36 in B' (eras of one country) or 'is 0.33 in A and 0.36 in B' (on the shown precision)."""
    fa, fb = _share(a), _share(b)
    if fa == fb:
        return f"{'stays at' if over_time else 'is'} {fa}{unit} in {id_a} and {id_b}"
    if not over_time:
        return f"is {fa}{unit} in {id_a} and {fb}{unit} in {id_b}"
    verb = "rises" if fb > fa else "falls"
    return f"{verb} from {fa}{unit} in {id_a} to {fb}{unit} in {id_b}"


def _change(a: float, b: float, pair: tuple[str, str] | None = None) -> str:
    """'rises from 0.26 to 0.31', 'falls from ...' or 'stays at ...'; across countries ('pair' given): 'is 0.26 in A and 0.31 in B'."""
    fa, fb = _share(a), _share(b)
    if pair is not None:
        return f"is {fa} in both" if fa == fb else f"is {fa} in {pair[0]} and {fb} in {pair[1]}"
    if fa == fb:
        return f"stays at {fa}"
    return f"{'rises' if fb > fa else 'falls'} from {fa} to {fb}"


def _holder_labels(d: Diff, role: str, side: str) -> list[str]:
    if role not in d.alignment.index:
        return []
    text = d.alignment.loc[role, side]
    return text.split("; ") if text else []


_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z&.\-]{1,11})\)\s*$")


def short_label(label: str) -> str:
    """The abbreviation a label ends with, else the whole label.

    Used where a renamed institution is shown as "old / new".

    Examples
    --------
    >>> short_label("Ministry of International Trade & Industry (MITI)")
    'MITI'
    >>> short_label("Research institute (KDI, etc.)")
    'Research institute (KDI, etc.)'
    """
    match = _ABBREVIATION.search(label)
    if match and sum(c.isupper() for c in match.group(1)) >= 2:
        return match.group(1)
    return label


def _shared_label(row) -> str:
    """Label of a shared institution: 'old / new' (abbreviated when possible) if it was renamed."""
    a, b = row["label_a"], row["label_b"]
    return a if a == b else f"{short_label(a)} / {short_label(b)}"


def _identity_sentences(d: Diff, A: str, B: str) -> list[str]:
    out = []

    def by_ties(frame):
        rows = sorted(zip(frame["ties"], frame["label"], strict=False), key=lambda t: (-int(t[0]), t[1]))
        return [label for _, label in rows]

    added, removed = by_ties(d.nodes_added), by_ties(d.nodes_removed)
    out.append(
        f"{_count(len(d.shared_nodes), 'institution')} {'appears' if len(d.shared_nodes) == 1 else 'appear'} in both; "
        f"{B} adds {_count(len(added), 'institution')}"
        + (f" ({_join(added)})" if added else "")
        + f" and drops {len(removed)}"
        + (f" ({_join(removed)})" if removed else "")
        + "."
    )
    renamed = d.nodes_changed[d.nodes_changed["attribute"] == "label"]
    if len(renamed):
        out.append(f"Renamed in {B}: " + "; ".join(f"{r['a']} \u2192 {r['b']}" for r in frame_rows(renamed)) + ".")
    shared = d.shared_nodes.set_index("id")
    for attr, fmt in (
        ("kind", lambda k: NODE_KINDS[k].label.lower() if k in NODE_KINDS else str(k)),
        ("role", _role_name),
    ):
        for r in frame_rows(d.nodes_changed[d.nodes_changed["attribute"] == attr]):
            va = fmt(r["a"]) if r["a"] else "none"
            vb = fmt(r["b"]) if r["b"] else "none"
            out.append(f"{_shared_label(shared.loc[r['id']])} changes {attr} from {va} to {vb}.")
    edges_a = int(d.a["ties"])
    common = edges_a - len(d.edges_removed)
    sentence = (
        f"Of the {_count(edges_a, 'tie')} of {A}, {common or 'none'} "
        f"{'remains' if common == 1 else 'remain'} in {B} and {len(d.edges_removed)} "
        f"{'is' if len(d.edges_removed) == 1 else 'are'} dropped; {len(d.edges_added)} "
        f"{'is' if len(d.edges_added) == 1 else 'are'} new"
    )
    rel = d.edges_changed[d.edges_changed["attribute"] == "relation"]
    if len(rel):
        examples = [
            f"{_shared_label(shared.loc[r['source']])} \u2192 {_shared_label(shared.loc[r['target']])}: "
            f"{_relation_label(r['a'])} becomes {_relation_label(r['b'])}"
            for r in frame_rows(rel.head(3))
        ]
        sentence += (
            f"; {len(rel)} remaining {'tie changes' if len(rel) == 1 else 'ties change'} relation "
            f"({'; '.join(examples)})"
        )
    out.append(sentence + ".")
    out += _key_node_sentences(d, A, B)
    return out


def _relation_label(key) -> str:
    return RELATIONS[key].label if key in RELATIONS else str(key)


def _key_node_sentences(d: Diff, A: str, B: str, limit: int = 3) -> list[str]:
    """How the most important shared institutions kept, gained and lost ties."""
    if d.shared_nodes.empty:
        return []
    rank: dict[str, int] = {}
    for role_index, role in enumerate(_KEY_ROLES):
        for side in ("a_ids", "b_ids"):
            if role in d.alignment.index:
                for n in d.alignment.loc[role, side]:
                    rank.setdefault(n, role_index)
    rows = d.shared_nodes.copy()
    rows["rank"] = [rank.get(n, len(_KEY_ROLES)) for n in rows["id"]]
    rows["size"] = rows["ties_a"] + rows["ties_b"]
    rows = rows[(rows["ties_a"] > 0) | (rows["ties_b"] > 0)]
    rows = rows.sort_values(["rank", "size", "id"], ascending=[True, False, True], kind="stable").head(limit)
    labels_a = {r["id"]: r["label"] for r in frame_rows(d.nodes_removed)}
    labels_b = {r["id"]: r["label"] for r in frame_rows(d.nodes_added)}
    for r in frame_rows(d.shared_nodes):
        labels_a[r["id"]] = labels_b[r["id"]] = _shared_label(r)
    out = []
    for r in frame_rows(rows):
        name = _shared_label(r)
        ties_a, ties_b, kept = int(r["ties_a"]), int(r["ties_b"]), int(r["ties_kept"])
        if ties_a == 0:
            text = f"{name} has no tie in {A} and {_count(ties_b, 'tie')} in {B}"
        elif not r["gained"] and not r["lost"] and kept == ties_a == ties_b:
            text = f"{name} keeps all {_count(ties_a, 'tie')}"
        else:
            if kept == 0 and ties_a == 1:
                text = f"{name} does not keep its only tie from {A}"
            elif kept == 0:
                text = f"{name} keeps none of its {ties_a} ties from {A}"
            else:
                text = f"{name} keeps {kept} of its {_count(ties_a, 'tie')} from {A}"
            if r["gained"]:
                text += f", gains ties with {_join([labels_b.get(n, n) for n in r['gained']])}"
            if r["lost"]:
                lost = r["lost"]
                text += (
                    f" and loses {'its tie' if len(lost) == 1 else 'its ties'} "
                    f"with {_join([labels_a.get(n, n) for n in lost])}"
                )
        out.append(text + ".")
    return out


def _role_sentences(d: Diff, A: str, B: str) -> list[str]:
    out = []
    roles = d.roles
    real = [r for r in roles.index if r != NO_ROLE]
    a, b = roles["a_nodes"].to_dict(), roles["b_nodes"].to_dict()  # columns as dicts: one lookup a role
    only_a = [r for r in real if a[r] and not b[r]]
    only_b = [r for r in real if b[r] and not a[r]]
    both = [r for r in real if a[r] and b[r]]
    for side, other, ids, own in (("a", B, only_a, A), ("b", A, only_b, B)):
        if ids:
            parts = [f"{_role_name(r)} ({_join(_holder_labels(d, r, side), 3)})" for r in ids]
            out.append(
                f"Roles found in {own} only: {_join(parts, 8)}; {other} has no institution in "
                f"{'this role' if len(ids) == 1 else 'these roles'}."
            )
    for r in both:
        na, nb = int(roles.loc[r, "a_nodes"]), int(roles.loc[r, "b_nodes"])
        if na != nb:
            out.append(
                f"{B} has {nb} {_role_name(r, nb != 1)} ({_join(_holder_labels(d, r, 'b'), 4)}) "
                f"against {na} in {A} ({_join(_holder_labels(d, r, 'a'), 4)})."
            )
    if d.mode == "role" and both:
        pairs = [
            f"{_role_name(r)}: {_join(_holder_labels(d, r, 'a'), 3)} \u2194 {_join(_holder_labels(d, r, 'b'), 3)}"
            for r in both
        ]
        out.append(f"Matched by role ({A} \u2194 {B}): " + "; ".join(pairs) + ".")
    return out


def over_time(d: Diff) -> bool:
    """Whether the two networks are eras of one country (same non-empty country): then differences read as change over time."""
    ca, cb = str(d.a.get("country") or ""), str(d.b.get("country") or "")
    return bool(ca) and ca.casefold() == cb.casefold()


def _tie_share_sentences(d: Diff, A: str, B: str) -> list[str]:
    out = []
    timed = over_time(d)
    roles = d.roles.to_dict("index")  # role -> its row, read once (a row read from the frame costs 0.1 ms)
    ea, eb = d.a["ties"], d.b["ties"]
    if "top_leader" in roles and roles["top_leader"]["a_nodes"] and roles["top_leader"]["b_nodes"] and ea and eb:
        r = roles["top_leader"]
        la, lb = _join(_holder_labels(d, "top_leader", "a"), 2), _join(_holder_labels(d, "top_leader", "b"), 2)
        fa, fb = _share(r["a_tie_share"]), _share(r["b_tie_share"])
        trend = "rises" if fb > fa else "falls" if fb < fa else "stays the same"
        if not timed and trend != "stays the same":
            out.append(
                f"The top leader's share of ties is {fa} in {A} ({la}: {int(r['a_ties'])} of {ea} ties) "
                f"and {fb} in {B} ({lb}: {int(r['b_ties'])} of {eb})."
            )
        elif trend == "stays the same":
            out.append(
                f"The top leader's share of ties is {fa} in both {A} ({la}: {int(r['a_ties'])} of {ea} ties) "
                f"and {B} ({lb}: {int(r['b_ties'])} of {eb})."
            )
        else:
            out.append(
                f"The top leader's share of ties {trend} from {fa} in {A} ({la}: {int(r['a_ties'])} of {ea} ties) "
                f"to {fb} in {B} ({lb}: {int(r['b_ties'])} of {eb})."
            )
    changes = []
    for role, r in roles.items():
        if role in ("top_leader", NO_ROLE):
            continue
        if r["a_nodes"] and r["b_nodes"]:
            delta = float(r["b_tie_share"]) - float(r["a_tie_share"])
            if abs(delta) >= 0.15:
                changes.append((-abs(delta), role))
    for _, role in sorted(changes)[:2]:
        r = roles[role]
        out.append(
            f"The share of ties touching {_role_name(role, True)} "
            f"{_moves(r['a_tie_share'], r['b_tie_share'], '', A, B, timed)}."
        )
    return out


def _matrix_sentences(d: Diff, A: str, B: str, limit: int = 3) -> list[str]:
    ma, mb = d.role_matrix["a"], d.role_matrix["b"]
    ta, tb = int(ma.to_numpy().sum()), int(mb.to_numpy().sum())
    if not ta or not tb:
        return []
    shift = (mb / tb - ma / ta).stack()
    cells = sorted(
        ((-abs(v), s, t) for (s, t), v in shift.items() if abs(v) >= 0.1 and NO_ROLE not in (s, t)),
        key=lambda c: (round(c[0], 9), _ROLE_ORDER.get(c[1], 99), _ROLE_ORDER.get(c[2], 99)),
    )[:limit]
    if not cells:
        return []
    parts = [
        f"{_role_name(s)} \u2192 {_role_name(t)}: {ma.loc[s, t]} of {ta} ties in {A}, {mb.loc[s, t]} of {tb} in {B}"
        for _, s, t in cells
    ]
    return ["The largest shifts in who ties to whom, at role level: " + "; ".join(parts) + "."]


def _measure_sentences(d: Diff, A: str, B: str) -> list[str]:
    m = d.measures
    out = []
    timed = over_time(d)

    def num(name):
        if name not in m.index:
            return None
        xa, xb = _numeric(m.loc[name, "a"]), _numeric(m.loc[name, "b"])
        return None if xa is None or xb is None else (xa, xb)

    v = (d.a["vertical_share"], d.b["vertical_share"])
    h = (d.a["horizontal_share"], d.b["horizontal_share"])
    if None not in v + h:
        out.append(
            f"Vertical (authority) ties make up {_share(v[0])} of all ties in {A} and {_share(v[1])} in {B}; "
            f"horizontal (coordination) ties {_share(h[0])} and {_share(h[1])}."
        )
    parts = []
    for name, label in (
        ("centralization_degree", "Freeman degree centralization"),
        ("centralization_betweenness_undirected", "betweenness centralization (undirected)"),
        ("hierarchy", "Krackhardt hierarchy"),
    ):
        pair = num(name)
        if pair:
            parts.append(f"{label} {_change(pair[0], pair[1], None if timed else (A, B))}")
    if parts and timed:
        out.append(f"From {A} to {B}, " + "; ".join(parts) + ".")
    elif parts:
        out.append(parts[0][:1].upper() + "; ".join(parts)[1:] + ".")
    ha, hb = d.a.get("top_hub"), d.b.get("top_hub")
    if ha and hb:
        if d.mode == "identity" and ha["id"] == hb["id"]:
            name = (
                ha["label"]
                if ha["label"] == hb["label"]
                else f"{short_label(ha['label'])} / {short_label(hb['label'])}"
            )
            out.append(
                f"{name} has the most ties in both: {ha['ties']} of {d.a['ties']} in {A} "
                f"({_share(ha['share'])}), {hb['ties']} of {d.b['ties']} in {B} ({_share(hb['share'])})."
            )
        else:
            out.append(
                f"The institution with the most ties is {ha['label']} in {A} ({ha['ties']} of {d.a['ties']}, "
                f"{_share(ha['share'])}) and {hb['label']} in {B} ({hb['ties']} of {d.b['ties']}, "
                f"{_share(hb['share'])})."
            )
    return out


def _distance_sentences(d: Diff, A: str, B: str) -> list[str]:
    out = []
    role = d.distance("role_ties")
    if role is not None and role.value is not None:
        pct = round(role.value * 100)
        if role.value == 0:
            out.append(
                "At role level the two networks have the same tie profile (distance 0): the same share of "
                "ties runs between each pair of roles."
            )
        else:
            out.append(
                f"Role-level tie profile distance: {_share(role.value)} (0 = same pattern of who ties to whom, "
                f"1 = nothing in common); {pct}% of ties would have to move to another pair of roles "
                f"to make the two profiles the same."
            )
    level = d.distance("role_level")
    if level is not None and level.value is not None:
        out.append(
            f"Role-level distance, counting which roles and tie patterns are present rather than how many: "
            f"{_share(level.value)} (0 = the same roles tied in the same ways, however finely each is coded; "
            f"1 = nothing in common)."
        )
    turnover = d.distance("edge_jaccard")
    if turnover is not None and turnover.value is not None:
        out.append(
            f"Tie turnover is {_share(turnover.value)}: {round(turnover.value * 100)}% of the ties of the two "
            f"networks together appear in only one of them."
        )
    ged = d.distance("graph_edit")
    if ged is not None and ged.value is not None:
        out.append(
            f"Kind-aware graph edit distance: {_share(ged.value)} ({'exact' if ged.exact else 'an upper bound'}; "
            f"{ged.detail})."
        )
    return out


def summary_sentences(d: Diff) -> list[str]:
    """Plain-language sentences generated from the numbers of a diff.

    The sentences name the networks by id and institutions by their labels
    (``"old / new"`` when a shared institution was renamed). In order: size;
    for shared ids, institutions and ties added, dropped, renamed or
    rewired; the top leader's share of ties and other large changes in the
    share of ties per role; roles found in one network only and differing
    numbers of role holders (and, across countries, who plays each role);
    the largest shifts of the role-level tie matrix; axis shares,
    centralization and hierarchy; and the distances.

    Parameters
    ----------
    d : Diff

    Returns
    -------
    list of str

    Examples
    --------
    >>> import networkx as nx
    >>> from instnet.diff import diff
    >>> A = nx.DiGraph(id="x-1990", country="X")
    >>> A.add_node("pm", label="PM", kind="head_of_government", role="top_leader")
    >>> A.add_node("plan", label="Plan board", kind="planning_agency", role="pilot_agency")
    >>> A.add_node("ind", label="Industry", kind="ministry", role="industrial_ministry")
    >>> A.add_edges_from([("pm", "plan"), ("plan", "ind")], relation="directs")
    >>> B = A.copy()
    >>> B.graph["id"] = "x-2000"
    >>> B.add_edge("pm", "ind", relation="directs")
    >>> summary_sentences(diff(A, B))[0]
    'x-1990 has 3 institutions and 2 ties; x-2000 has 3 and 3.'
    """
    A, B = d.a["id"], d.b["id"]
    if A == B:
        A, B = f"{A} (A)", f"{B} (B)"
    if d.level == "role":
        size = (
            f"At role level (one node per functional role, ties between roles only), {A} has "
            f"{_count(d.a['nodes'], 'role')} and {_count(d.a['ties'], 'tie')}; {B} has {d.b['nodes']} and {d.b['ties']}."
        )
    else:
        size = (
            f"{A} has {_count(d.a['nodes'], 'institution')} and {_count(d.a['ties'], 'tie')}; "
            f"{B} has {d.b['nodes']} and {d.b['ties']}."
        )
    out = [size]
    if d.grain.get("warning"):
        out.append(d.grain["warning"])
    if d.mode == "identity":
        out += _identity_sentences(d, A, B)
    out += _tie_share_sentences(d, A, B)
    out += _role_sentences(d, A, B)
    out += _matrix_sentences(d, A, B)
    out += _measure_sentences(d, A, B)
    out += _distance_sentences(d, A, B)
    return out
