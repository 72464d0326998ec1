"""The sources a network's view cites: the list its print layout puts under the drawing."""

from __future__ import annotations

import networkx as nx

from .page import text

__all__ = ["cited_sources"]


def cited_sources(G: nx.DiGraph) -> list[dict]:
    """Every reference cited by an institution or a tie of ``G``, in the order of the network's references.

    Returns
    -------
    list of dict
        ``key``, ``citation`` (the key in brackets when the reference has
        none) and ``external`` (not one of the bundled source documents).

    Examples
    --------
    >>> G = nx.DiGraph(references={"a": {"citation": "Amsden 1989", "external": True}, "b": {"citation": "B"}})
    >>> G.add_node("pm", cite="a")
    >>> cited_sources(G)
    [{'key': 'a', 'citation': 'Amsden 1989', 'external': True}]
    """
    cited = {text(d.get("cite")) for _, d in G.nodes(data=True)} | {text(d.get("cite")) for *_, d in G.edges(data=True)}
    cited.discard("")
    references = G.graph.get("references") or {}
    keys = [text(k) for k in references if text(k) in cited] + sorted(cited - {text(k) for k in references})
    out = []
    for key in keys:
        ref = references.get(key) or {}
        out.append(
            {"key": key, "citation": text(ref.get("citation")) or f"[{key}]", "external": bool(ref.get("external"))}
        )
    return out
