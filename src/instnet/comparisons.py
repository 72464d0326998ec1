"""Which comparisons the site draws: consecutive eras, each country against its model's archetype, each user network against its nearest cases and the pairs a ``site.toml`` names."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from pathlib import Path

import networkx as nx

__all__ = ["site_pairs", "site_comparisons"]


def site_pairs(graphs: Mapping[str, nx.DiGraph], best: Mapping[str, str]) -> list[tuple[str, str]]:
    """The diffs worth showing: each country's consecutive eras, and each
    country network against the idealized archetype of its best model.

    ``best`` maps network id to its best-scoring model key (``classify``).
    """
    pairs: list[tuple[str, str]] = []
    countries: dict[str, list[str]] = {}
    for key, G in graphs.items():
        if not G.graph.get("idealized"):
            countries.setdefault(str(G.graph.get("country", "")).strip().lower(), []).append(key)
    for ids in countries.values():
        ids.sort(key=lambda k: (graphs[k].graph.get("start") or 0, k))
        pairs += list(itertools.pairwise(ids))
    for key, G in sorted(graphs.items()):
        archetype = f"model-{best.get(key)}"
        if not G.graph.get("idealized") and archetype in graphs:
            pairs.append((key, archetype))
    return pairs


def site_comparisons(
    graphs: Mapping[str, nx.DiGraph], best: Mapping[str, str]
) -> tuple[list[tuple[str, str]], set[str]]:
    """The diffs to draw (:func:`instnet.diff.nearest.plan_comparisons`) and the ids of the user's networks.

    A user network is one whose folder is not in the bundled folder; each is
    compared with its two nearest bundled country cases and its model's archetype.
    The pairs named in a ``site.toml`` beside the user's networks come first.

    Raises
    ------
    SelectionError
        When ``site.toml`` is invalid or names a network that is not built.
    """
    from .diff.nearest import plan_comparisons
    from .errors import SelectionError
    from .load import SITE_TOML, bundled_graphs_dir, read_site_toml

    bundled = bundled_graphs_dir().resolve()
    user = {k for k, G in graphs.items() if G.graph.get("path") and Path(G.graph["path"]).resolve().parent != bundled}
    folders = sorted({Path(graphs[k].graph["path"]).resolve().parent for k in user})
    chosen = [(folder, pair) for folder in folders for pair in read_site_toml(folder)]
    for folder, pair in chosen:
        for key in pair:
            if key not in graphs:
                raise SelectionError(
                    f"{folder / SITE_TOML}: compare names {key!r}, which is not among the networks built"
                )
    return plan_comparisons(graphs, best, user, [pair for _, pair in chosen]), user
