"""The numbers of each network and the graph measures side by side."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from ..metrics import graph_table, tie_figures
from .groups import _label
from .values import _is_int, _numeric, _plain

__all__: list[str] = []


def _top_hub(G: nx.DiGraph, figures: dict) -> dict | None:
    """The top hub of :func:`instnet.metrics.tie_figures` with its label, ties and share (None without ties)."""
    hub = figures["top_hub"]
    if hub is None:
        return None
    return {
        "id": str(hub),
        "label": _label(G, hub),
        "ties": figures["top_hub_ties"],
        "share": round(figures["top_hub_share"], 6),
    }


def _info(G: nx.DiGraph) -> dict:
    g = G.graph
    f = tie_figures(G)
    return {
        "nodes": G.number_of_nodes(),
        "ties": f["ties"],
        "top_hub": _top_hub(G, f),
        "vertical_share": round(f["vertical_share"], 6) if f["ties"] else None,
        "horizontal_share": round(f["horizontal_share"], 6) if f["ties"] else None,
        "id": str(g.get("id") or "A"),
        "title": g.get("title") or "",
        "country": g.get("country") or "",
        "era": g.get("era") or "",
        "start": g.get("start"),
        "end": g.get("end"),
    }


def _graph_measures(G: nx.DiGraph) -> pd.Series:
    table = graph_table(G).drop(labels=["directed"], errors="ignore")
    hub = table.get("top_hub")
    if hub is not None and hub in G:
        table["top_hub"] = _label(G, hub)
    return table


def _measures(A: nx.DiGraph, B: nx.DiGraph) -> pd.DataFrame:
    sa, sb = _graph_measures(A), _graph_measures(B)
    names = list(sa.index) + [k for k in sb.index if k not in sa.index]
    rows = []
    for name in names:
        va, vb = sa.get(name), sb.get(name)
        xa, xb = _numeric(va), _numeric(vb)
        change = round(xb - xa, 6) if xa is not None and xb is not None else None
        if change is not None and _is_int(va) and _is_int(vb):
            change = int(change)
        rows.append({"measure": name, "a": _plain(va), "b": _plain(vb), "change": change})
    return pd.DataFrame(rows, columns=["measure", "a", "b", "change"], dtype=object).set_index("measure")
