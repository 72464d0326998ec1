"""The numbers of each network and the graph measures side by side."""

from __future__ import annotations

import networkx as nx
import pandas as pd

from ..metrics import graph_table
from ..model import relation_axis
from .groups import _label
from .values import _is_int, _numeric, _plain

__all__: list[str] = []


def _top_hub(G: nx.DiGraph) -> dict | None:
    """The institution with the most ties as listed (ties broken by id), and its share of all ties."""
    m = G.number_of_edges()
    if not m:
        return None
    hub = min(G, key=lambda n: (-G.degree(n), str(n)))
    return {"id": str(hub), "label": _label(G, hub), "ties": G.degree(hub), "share": round(G.degree(hub) / m, 6)}


def _info(G: nx.DiGraph) -> dict:
    g = G.graph
    m = G.number_of_edges()
    axes = [relation_axis(d.get("relation")) for _, _, d in G.edges(data=True)]
    return {
        "nodes": G.number_of_nodes(),
        "ties": m,
        "top_hub": _top_hub(G),
        "vertical_share": round(axes.count("vertical") / m, 6) if m else None,
        "horizontal_share": round(axes.count("horizontal") / m, 6) if m else None,
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
    listed = pd.Series({"ties": G.number_of_edges()}, dtype=object)
    return pd.concat([table.iloc[:1], listed, table.iloc[1:]])


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
