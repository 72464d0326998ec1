"""The network view's text alternative: the network as two tables, its sources once, its structure in words.

Each row of the institutions table (label, kind, role, ties, source) and of
the ties table (source, relation, target, years, citation) carries the id
the drawing gives its node or tie, so ``static/tables.js`` can select and
focus it ("Show in graph"). Citations are short keys linking to the one list
of sources at the end of the page, never the citation text in every row.
The structure sentences are made from the figures of
:mod:`instnet.metrics.ties` (one definition per number); the drawing's
container names them with ``aria-describedby``.
"""

from __future__ import annotations

import math
import re

import networkx as nx

from ..diff.values import frame_rows
from ..layout.nodes import node_label
from ..metrics.ties import tie_figures, ties_per_node
from ..model import NODE_KINDS, RELATIONS, ROLES
from .page import text
from .tooltips import is_external, years

__all__ = ["network_tables", "table_data", "reference_anchor", "structure_sentences", "diff_tie_rows"]

_SAFE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")


def reference_anchor(key, position: int) -> str:
    """The element id of a reference in the page's list of sources: ``ref-KEY``.

    A key that is not safe in a URL fragment (spaces, markup, ...) gets
    ``ref-N`` from its ``position`` in the list instead.

    Examples
    --------
    >>> reference_anchor("kim-2011", 0)
    'ref-kim-2011'
    >>> reference_anchor('"><b>', 3)
    'ref-3'
    """
    key = text(key)
    return f"ref-{key}" if _SAFE_KEY.fullmatch(key) else f"ref-{position}"


def _share(value: float) -> str:
    return f"{round(100 * value)}%"


def structure_sentences(G: nx.DiGraph) -> list[str]:
    """The network's structure in a few plain sentences, for screen readers and the tables' heading.

    Parameters
    ----------
    G : networkx.DiGraph
        A loaded network.

    Returns
    -------
    list of str
        Size, institutions by kind, the top hub and the axis shares
        (figures from :func:`instnet.metrics.ties.tie_figures`).

    Examples
    --------
    >>> G = nx.DiGraph()
    >>> G.add_node("pm", label="Prime Minister", kind="head_of_government")
    >>> G.add_node("mof", label="Ministry of Finance", kind="ministry")
    >>> G.add_edge("pm", "mof", relation="directs")
    >>> structure_sentences(G)[0]
    'A network of 2 institutions and 1 tie.'
    """
    figures = tie_figures(G)
    n, m = G.number_of_nodes(), figures["ties"]
    out = [f"A network of {n} institution{'s' * (n != 1)} and {m} tie{'s' * (m != 1)}."]
    counts: dict[str, int] = {}
    for _, data in G.nodes(data=True):
        kind = NODE_KINDS.get(data.get("kind"))
        name = kind.label.lower() if kind else "other"
        counts[name] = counts.get(name, 0) + 1
    if counts:
        parts = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        out.append("By kind: " + ", ".join(f"{c} {name}" for name, c in parts) + ".")
    hub = figures["top_hub"]
    if hub is not None:
        out.append(
            f"The most connected is {node_label(G, hub)}, with {figures['top_hub_ties']} "
            f"of the {m} ties ({_share(figures['top_hub_share'])})."
        )
    if m and math.isfinite(figures["vertical_share"]):
        out.append(
            f"{_share(figures['vertical_share'])} of the ties are vertical (authority), "
            f"{_share(figures['horizontal_share'])} horizontal (coordination) "
            f"and {_share(figures['other_share'])} other."
        )
    return out


def _references(G) -> tuple[list[dict], dict]:
    """The list of sources (key, anchor, citation, external) and key -> anchor."""
    refs = G.graph.get("references") or {}
    listed, anchors = [], {}
    for i, (key, ref) in enumerate(refs.items()):
        ref = ref if isinstance(ref, dict) else {}
        anchor = reference_anchor(key, i)
        anchors[key] = anchor
        listed.append(
            {
                "key": text(key),
                "anchor": anchor,
                "citation": text(ref.get("citation")) or text(key),
                "external": bool(ref.get("external")),
            }
        )
    return listed, anchors


def _cite(G, data, anchors) -> dict:
    """A row's citation cell: the short key, the link to the list of sources (or None), external or not."""
    key = data.get("cite")
    return {"key": text(key), "href": "#" + anchors[key] if key in anchors else None, "external": is_external(G, data)}


#: Institutions above which the page carries no tables (thousands of rows help no reader and
#: weigh megabytes); the page says how to get them as CSV instead.
TABLE_LIMIT = 1000


def network_tables(G: nx.DiGraph, order: list, index: dict) -> dict:
    """The tables of the network view's text alternative, in drawing order.

    Parameters
    ----------
    G : networkx.DiGraph
        The drawn network.
    order : list
        The nodes in the drawing's order.
    index : dict
        Node -> its id in the drawing (as :func:`instnet.render.render_html`
        numbers them); tie ids follow the drawing's edge order (by source,
        target and relation).

    Returns
    -------
    dict
        ``institutions`` and ``ties`` (rows for ``tables.html``),
        ``references`` (the list of sources) and ``structure`` (sentences);
        above :data:`TABLE_LIMIT` institutions the two tables are empty and
        ``big`` is true.
    """
    references, anchors = _references(G)
    if len(order) > TABLE_LIMIT:
        return {
            "institutions": [],
            "ties": [],
            "references": references,
            "structure": structure_sentences(G),
            "big": True,
        }
    per_node = ties_per_node(G)
    institutions = []
    for n in order:
        data = G.nodes[n]
        kind, role = NODE_KINDS.get(data.get("kind")), ROLES.get(data.get("role"))
        institutions.append(
            {
                "id": index[n],
                "label": node_label(G, n),
                "kind": kind.label if kind else text(data.get("kind")) or "other",
                "role": role.label if role else text(data.get("role")),
                "degree": per_node[n],
                "cite": _cite(G, data, anchors),
            }
        )
    edge_list = sorted(G.edges(data=True), key=lambda e: (index[e[0]], index[e[1]], text(e[2].get("relation"))))
    ties = []
    for i, (u, v, data) in enumerate(edge_list):
        rel = RELATIONS.get(data.get("relation"))
        ties.append(
            {
                "id": i,
                "source": node_label(G, u),
                "relation": rel.label if rel else text(data.get("relation")) or "?",
                "target": node_label(G, v),
                "years": years(data.get("start"), data.get("end")),
                "cite": _cite(G, data, anchors),
            }
        )
    return {
        "institutions": institutions,
        "ties": ties,
        "references": references,
        "structure": structure_sentences(G),
        "big": False,
    }


def table_data(alt: dict) -> dict | None:
    """The rows of :func:`network_tables` as the page's JSON carries them (key ``tables``), for ``static/tables.js``.

    The script writes the rows in the browser; the names come from the page's
    ``find.names`` (the same full labels) and the external marks from the
    node and edge records (``external`` / ``ext``, the same test). Each other
    text is kept once in ``words`` and a row gives its index there.

    Returns
    -------
    dict or None
        ``words``; ``nodes``: ``[kind, role, ties, source key, source link]``
        per institution in drawing order (``ties`` the number itself);
        ``edges``: ``[relation, years, source key, source link]`` per tie.
        None when the page has no tables (``big``).

    Examples
    --------
    >>> cite = {"key": "k", "href": "#ref-k", "external": False}
    >>> alt = {"big": False, "institutions": [{"kind": "Ministry", "role": "", "degree": 1, "cite": cite}],
    ...        "ties": [{"relation": "directs", "years": "", "cite": cite}]}
    >>> table_data(alt)
    {'words': ['', 'Ministry', 'k', '#ref-k', 'directs'], 'nodes': [[1, 0, 1, 2, 3]], 'edges': [[4, 0, 2, 3]]}
    """
    if alt["big"]:
        return None
    words: dict[str, int] = {"": 0}

    def word(value) -> int:
        return words.setdefault(value or "", len(words))

    nodes = [
        [word(r["kind"]), word(r["role"]), r["degree"], word(r["cite"]["key"]), word(r["cite"]["href"])]
        for r in alt["institutions"]
    ]
    edges = [
        [word(r["relation"]), word(r["years"]), word(r["cite"]["key"]), word(r["cite"]["href"])] for r in alt["ties"]
    ]
    return {"words": list(words), "nodes": nodes, "edges": edges}


def diff_tie_rows(A: nx.DiGraph, B: nx.DiGraph, added, removed) -> list[dict]:
    """The diff view's table of the ties only in B (added) and only in A (removed), by label.

    Parameters
    ----------
    A, B : networkx.DiGraph
        The two networks compared.
    added, removed : DataFrame
        ``Diff.edges_added`` and ``Diff.edges_removed`` (``source, target, relation``).

    Returns
    -------
    list of dict
        ``change`` ("added" or "removed"), ``source``, ``relation``, ``target``:
        the added ties first, each part in its table's order.
    """
    rows = []
    for change, G, frame in (("added", B, added), ("removed", A, removed)):
        for tie in frame_rows(frame):
            rel = RELATIONS.get(tie["relation"])
            rows.append(
                {
                    "change": change,
                    "source": node_label(G, tie["source"]) if tie["source"] in G else text(tie["source"]),
                    "relation": rel.label if rel else text(tie["relation"]),
                    "target": node_label(G, tie["target"]) if tie["target"] in G else text(tie["target"]),
                }
            )
    return rows
