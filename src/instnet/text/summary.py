"""A readable plain-text summary of one network (``instnet show``)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..model import NODE_KINDS, RELATIONS, sort_by_vocabulary

if TYPE_CHECKING:
    import networkx as nx


__all__ = ["describe"]


def describe(G: nx.DiGraph) -> str:
    """Metadata, institutions by kind and ties by relation, as plain text."""
    from ..metrics.ties import tie_count

    g = G.graph
    years = f"{g.get('start') or ''}-{g.get('end') or ''}".strip("-")
    lines = [
        f"{g.get('title', '')} [{g.get('id', '')}]",
        f"country: {g.get('country', '')}   era: {g.get('era', '')}" + (f" ({years})" if years else ""),
    ]
    if g.get("idealized"):
        lines.append("idealized: a model network, not a country")
    if g.get("summary"):
        lines += ["", " ".join(str(g["summary"]).split())]
    external_nodes = sum(1 for _, d in G.nodes(data=True) if d.get("external"))
    external_edges = sum(1 for _, _, d in G.edges(data=True) if d.get("external"))
    lines += [
        "",
        (
            f"{G.number_of_nodes()} institutions ({external_nodes} from external references), "
            f"{tie_count(G)} ties ({external_edges} from external references)"
        ),
        "",
        "Institutions by kind:",
    ]
    by_kind: dict[str, list[str]] = {}
    for node, data in G.nodes(data=True):
        by_kind.setdefault(data.get("kind", "other"), []).append(str(data.get("label") or node))
    for kind in sort_by_vocabulary(by_kind, NODE_KINDS):
        label = NODE_KINDS[kind].label if kind in NODE_KINDS else kind
        lines.append(f"  {label}: " + "; ".join(by_kind[kind]))
    lines += ["", "Ties:"]
    counts = Counter(d.get("relation") for _, _, d in G.edges(data=True))
    for u, v, data in G.edges(data=True):
        rel = data.get("relation")
        verb = RELATIONS[rel].label if rel in RELATIONS else str(rel)
        lines.append(f"  {G.nodes[u].get('label') or u} --{verb}--> {G.nodes[v].get('label') or v}")
    if counts:
        by_count = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
        lines += ["", "Ties by relation: " + ", ".join(f"{k} {n}" for k, n in by_count)]
    refs = g.get("references", {})
    if refs:
        lines += ["", "References:"]
        for key, ref in refs.items():
            tag = "seed " + str(ref.get("seed")) if ref.get("seed") else "external"
            lines.append(f"  [{key}] ({tag}) {ref.get('citation', '')}")
    return "\n".join(lines)
