"""Coder agreement: two codings of the same country and era, compared item by item."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import pandas as pd

__all__ = ["Agreement", "agreement", "cohen_kappa", "normalise_label"]

MEASURE_MEANINGS = {
    "institutions": "Jaccard index of the institutions: matched / (in A or in B). 1 = both coders list the same ones.",
    "ties_kappa": "Cohen's kappa over the pairs of matched institutions: is the pair tied (in either direction)? "
    "1 = full agreement, 0 = no better than chance.",
    "ties_agreement": "Share of the pairs of matched institutions on which both coders agree (tied or not).",
    "relation_agreement": "Share of the pairs tied in both codings with the same relation(s) and direction(s).",
    "relation_kappa": "Cohen's kappa over the relation (and direction) of the pairs tied in both codings.",
    "kind_agreement": "Share of matched institutions given the same kind.",
    "kind_kappa": "Cohen's kappa over the kind of the matched institutions.",
    "role_agreement": "Share of matched institutions given the same role (no role counts as a category).",
    "role_kappa": "Cohen's kappa over the role of the matched institutions.",
}


_LETTERS = str.maketrans(
    {"đ": "d", "Đ": "D", "ð": "d", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}
)
"""Letters that Unicode does not decompose into a base letter and a mark."""


def normalise_label(label: str) -> str:
    """A label reduced for matching: accents, case, parenthesised abbreviations, punctuation and spacing go.

    Examples
    --------
    >>> normalise_label("Economic Planning Board (EPB)")
    'economic planning board'
    >>> normalise_label("  Ministry of Trade & Industry ")
    'ministry of trade and industry'
    """
    text = unicodedata.normalize("NFKD", str(label).translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().translate(_LETTERS)
    text = re.sub(r"\([^)]*\)", " ", text).replace("&", " and ")
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    """Cohen's (1960) kappa of two raters' labels of the same items.

    ``(p_o - p_e) / (1 - p_e)``, where ``p_o`` is the share of items given the
    same label and ``p_e`` the agreement expected by chance from each rater's
    label frequencies. NaN when it is undefined: no items, or both raters use
    one and the same label for everything (``p_e = 1``).

    References
    ----------
    .. [1] Cohen, J. (1960). A coefficient of agreement for nominal scales.
       *Educational and Psychological Measurement* 20(1), 37-46.

    Examples
    --------
    >>> round(cohen_kappa(["y", "y", "n", "n"], ["y", "n", "n", "n"]), 6)
    0.5
    """
    if len(a) != len(b):
        raise ValueError("both raters must label the same items")
    n = len(a)
    if not n:
        return math.nan
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    if expected == 1:
        return math.nan
    return (observed - expected) / (1 - expected)


@dataclass
class Agreement:
    """What :func:`agreement` found: matches, measures and every disagreement."""

    a: str
    b: str
    matches: pd.DataFrame
    measures: pd.DataFrame
    disagreements: pd.DataFrame

    def to_dict(self) -> dict:
        """A JSON-ready dict: ``{"a", "b", "measures", "matches", "disagreements"}``, each table a list of records."""

        def records(frame: pd.DataFrame) -> list[dict]:
            return [
                {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
                for row in frame.to_dict(orient="records")
            ]

        return {
            "a": self.a,
            "b": self.b,
            "measures": records(self.measures),
            "matches": records(self.matches),
            "disagreements": records(self.disagreements),
        }


def _match(A: nx.DiGraph, B: nx.DiGraph) -> list[tuple[object, object, str]]:
    """``(a, b, how)`` pairs: same id first, then the same normalised label when it is unique on both sides."""
    pairs = [(n, n, "id") for n in A if n in B]
    rest_a = [n for n in A if n not in B]
    rest_b = [n for n in B if n not in A]

    def by_label(G, nodes):
        found: dict[str, list] = {}
        for n in nodes:
            found.setdefault(normalise_label(G.nodes[n].get("label") or n), []).append(n)
        return {k: v[0] for k, v in found.items() if len(v) == 1 and k}

    la, lb = by_label(A, rest_a), by_label(B, rest_b)
    pairs += [(la[k], lb[k], "label") for k in la if k in lb]
    return pairs


def _tie_label(G: nx.DiGraph, u, v) -> tuple:
    """The ties between ``u`` and ``v`` as a sorted tuple of ``(direction, relation)``; () if untied."""
    out = []
    if G.has_edge(u, v):
        out.append(("->", G.edges[u, v].get("relation")))
    if G.has_edge(v, u):
        out.append(("<-", G.edges[v, u].get("relation")))
    return tuple(sorted(out, key=str))


def _where(lines: Mapping | None, key) -> str:
    return str((lines or {}).get(key, ""))


def _describe_tie(label: tuple) -> str:
    return "; ".join(f"{d} {r}" for d, r in label) or "no tie"


def _node_rows(A, B, pairs, lines_a, lines_b) -> list[dict]:
    rows = []
    matched_a, matched_b = {p[0] for p in pairs}, {p[1] for p in pairs}
    for n in A:
        if n not in matched_a:
            rows.append(
                {
                    "what": "institution only in A",
                    "item": str(n),
                    "a": A.nodes[n].get("label"),
                    "b": None,
                    "where_a": _where(lines_a, n),
                    "where_b": "",
                }
            )
    for n in B:
        if n not in matched_b:
            rows.append(
                {
                    "what": "institution only in B",
                    "item": str(n),
                    "a": None,
                    "b": B.nodes[n].get("label"),
                    "where_a": "",
                    "where_b": _where(lines_b, n),
                }
            )
    for x, y, _ in pairs:
        for attr in ("kind", "role"):
            va, vb = A.nodes[x].get(attr), B.nodes[y].get(attr)
            if va != vb:
                rows.append(
                    {
                        "what": f"{attr} differs",
                        "item": f"{x}" if x == y else f"{x} = {y}",
                        "a": va,
                        "b": vb,
                        "where_a": _where(lines_a, x),
                        "where_b": _where(lines_b, y),
                    }
                )
    return rows


def _dyads(A, B, pairs):
    """``(a-pair, b-pair, tie label in A, tie label in B)`` for every unordered pair of matched institutions."""
    for i, (x1, y1, _) in enumerate(pairs):
        for x2, y2, _ in pairs[i + 1 :]:
            yield (x1, x2), (y1, y2), _tie_label(A, x1, x2), _tie_label(B, y1, y2)


def _edge_where(lines, G, u, v) -> str:
    found = [_where(lines, e) for e in ((u, v), (v, u)) if G.has_edge(*e)]
    return " ".join(w for w in found if w)


def agreement(
    A: nx.DiGraph,
    B: nx.DiGraph,
    lines_a: Mapping | None = None,
    lines_b: Mapping | None = None,
) -> Agreement:
    """How far two codings of the same country and era agree.

    Institutions are matched by id and, failing that, by normalised label
    (:func:`normalise_label`, one-to-one: a label shared by two institutions of
    one coding matches nothing); the ``matches`` table shows how each pair was
    matched. Ties are compared over the unordered pairs of matched
    institutions, so institutions only one coder lists do not count twice.

    Parameters
    ----------
    A, B : networkx.DiGraph
        The two codings, as loaded by :func:`instnet.load.load_network`.
    lines_a, lines_b : mapping, optional
        ``node id -> "path:line"`` and ``(source, target) -> "path:line"``, as
        :func:`instnet.load.row_lines` gives them, to say where each
        disagreement is in the files.

    Returns
    -------
    Agreement
        ``measures`` (``measure, value, n, meaning``: see ``MEASURE_MEANINGS``;
        kappas are NaN where undefined), ``matches`` (``a, b, how, label_a,
        label_b``) and ``disagreements`` (``what, item, a, b, where_a,
        where_b``).
    """
    pairs = _match(A, B)
    matches = pd.DataFrame(
        [
            {
                "a": str(x),
                "b": str(y),
                "how": how,
                "label_a": A.nodes[x].get("label"),
                "label_b": B.nodes[y].get("label"),
            }
            for x, y, how in pairs
        ],
        columns=["a", "b", "how", "label_a", "label_b"],
    )
    rows = _node_rows(A, B, pairs, lines_a, lines_b)
    tied_a, tied_b, both_a, both_b = [], [], [], []
    for (x1, x2), (y1, y2), ta, tb in _dyads(A, B, pairs):
        tied_a.append(bool(ta))
        tied_b.append(bool(tb))
        if ta and tb:
            both_a.append(ta)
            both_b.append(tb)
        if ta != tb:
            what = "tie only in A" if not tb else "tie only in B" if not ta else "relation differs"
            item = f"{x1} - {x2}" if (x1, x2) == (y1, y2) else f"{x1} - {x2} = {y1} - {y2}"
            rows.append(
                {
                    "what": what,
                    "item": item,
                    "a": _describe_tie(ta),
                    "b": _describe_tie(tb),
                    "where_a": _edge_where(lines_a, A, x1, x2),
                    "where_b": _edge_where(lines_b, B, y1, y2),
                }
            )
    kinds = [A.nodes[x].get("kind") for x, _, _ in pairs], [B.nodes[y].get("kind") for _, y, _ in pairs]
    roles = [A.nodes[x].get("role") or "" for x, _, _ in pairs], [B.nodes[y].get("role") or "" for _, y, _ in pairs]
    union = A.number_of_nodes() + B.number_of_nodes() - len(pairs)

    def share(x, y):
        return sum(p == q for p, q in zip(x, y, strict=True)) / len(x) if x else math.nan

    values = {
        "institutions": (len(pairs) / union if union else math.nan, union),
        "ties_kappa": (cohen_kappa(tied_a, tied_b), len(tied_a)),
        "ties_agreement": (share(tied_a, tied_b), len(tied_a)),
        "relation_agreement": (share(both_a, both_b), len(both_a)),
        "relation_kappa": (cohen_kappa(both_a, both_b), len(both_a)),
        "kind_agreement": (share(*kinds), len(pairs)),
        "kind_kappa": (cohen_kappa(*kinds), len(pairs)),
        "role_agreement": (share(*roles), len(pairs)),
        "role_kappa": (cohen_kappa(*roles), len(pairs)),
    }
    measures = pd.DataFrame(
        [{"measure": k, "value": v, "n": n, "meaning": MEASURE_MEANINGS[k]} for k, (v, n) in values.items()],
        columns=["measure", "value", "n", "meaning"],
    )
    disagreements = pd.DataFrame(rows, columns=["what", "item", "a", "b", "where_a", "where_b"])
    return Agreement(str(A.graph.get("id", "A")), str(B.graph.get("id", "B")), matches, measures, disagreements)
