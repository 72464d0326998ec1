"""What a site build remembers of each network between runs: its graph table and classification verdicts.

The index and the choice of comparisons read, of every network, its graph
measures (:func:`instnet.metrics.graph_table`), its best and top models and,
for a country, its seed layer's top models. A build stores them in its
manifest beside the network's input digest, as plain JSON (never a pickle: a
site folder may come from elsewhere), so a network whose inputs did not change
is neither measured nor classified again. A fresh build goes through the same
plain values, so the index is the same bytes either way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

__all__ = ["NetworkSummary", "summarize"]


def _plain(value):
    """A JSON value for a graph-table cell (numpy scalars as Python numbers)."""
    if hasattr(value, "item"):
        value = value.item()
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)  # pragma: no cover - every GRAPH_MEASURES value is one of the above


@dataclass(frozen=True)
class NetworkSummary:
    """One network's graph table and classification verdicts, as the index and the comparisons read them."""

    table: dict
    best: str
    top: tuple[str, ...]
    seed_top: tuple[str, ...] | None = None  # the seed layer's top models; None for an idealized model

    def graph_table(self):
        """The graph table as :func:`instnet.metrics.graph_table` returns it (a Series of plain values)."""
        import pandas as pd

        from .metrics import GRAPH_MEASURES

        return pd.Series([self.table.get(k) for k in GRAPH_MEASURES], index=list(GRAPH_MEASURES), dtype=object)

    def to_json(self) -> dict:
        return {
            "table": self.table,
            "best": self.best,
            "top": list(self.top),
            "seed_top": None if self.seed_top is None else list(self.seed_top),
        }

    @classmethod
    def from_json(cls, data) -> NetworkSummary | None:
        """The summary a manifest holds; None when it is not one (an older or damaged manifest: recomputed)."""
        from .classify import MODELS
        from .metrics import GRAPH_MEASURES

        if not isinstance(data, Mapping) or not isinstance(data.get("table"), Mapping):
            return None
        table, best, top, seed = data["table"], data.get("best"), data.get("top"), data.get("seed_top")
        models = lambda xs: isinstance(xs, list) and all(x in MODELS for x in xs)  # noqa: E731
        if set(table) != set(GRAPH_MEASURES) or not isinstance(best, str) or best not in MODELS:
            return None
        if not isinstance(top, list) or not models(top):
            return None
        if seed is not None and not models(seed):
            return None
        if any(isinstance(v, float) and math.isinf(v) for v in table.values()):
            return None
        return cls(dict(table), best, tuple(top), None if seed is None else tuple(seed))


def summarize(G: nx.DiGraph, table=None) -> NetworkSummary:
    """The summary of ``G`` (``table``: its graph table when already computed)."""
    from .classify import classify
    from .layers import restrict
    from .metrics import graph_table

    table = graph_table(G) if table is None else table
    c = classify(G)
    seed_top = None if G.graph.get("idealized") else tuple(classify(restrict(G, sources="seeds")[0]).top)
    return NetworkSummary({k: _plain(v) for k, v in table.items()}, c.best, tuple(c.top), seed_top)
