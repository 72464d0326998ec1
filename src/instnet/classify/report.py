"""A classification as text: aligned tables, csv, json or Markdown (``instnet classify --format``)."""

from __future__ import annotations

import json
from collections.abc import Mapping

import networkx as nx
import pandas as pd

from ..text import FORMATS, aligned_table, escape_markdown, number, write_table
from .archetypes import nearest_archetype
from .evidence import _count
from .perturbation import Robustness, robustness
from .scoring import Classification, classify, verdicts

__all__ = ["FORMATS", "classify_text", "format_classification"]


def _interval(pair) -> str:
    return f"{number(pair[0], 2)}-{number(pair[1], 2)}"


def _rows(c: Classification, r: Robustness | None):
    v = verdicts(c)
    headers = ["model", "score", "verdict"]
    if r is not None:
        headers += ["kept", "5-95%", *r.variants]
    headers.append("evidence")
    rows = []
    for s in c.scores:
        row = [s.model, number(s.score), v[s.model]]
        if r is not None:
            row += [f"{round(100 * r.kept[s.model])}%", _interval(r.scores[s.model])]
            row += [number(x.score(s.model)) for x in r.variants.values()]
        row.append("; ".join(s.evidence))
        rows.append(row)
    return headers, rows


def _csv(c: Classification, headers: list[str], rows: list[list[str]]) -> str:
    """One csv row per model: the table's columns with the label after the model and the actors last."""
    frame = pd.DataFrame(
        [
            [s.model, s.label, *row[1:-1], row[-1], " ".join(map(str, s.actors))]
            for s, row in zip(c.scores, rows, strict=True)
        ],
        columns=["model", "label", *headers[1:-1], "evidence", "actors"],
    )
    return write_table(frame, "csv", index=False) + "\n"


def _robustness_lines(r: Robustness, md: bool) -> list[str]:
    """The robustness paragraph and the table of centralization intervals."""
    out = [
        "",
        f"Robustness: {r.runs} runs removing {_count(r.removed, 'random tie')} each (seed {r.seed}); "
        "kept = share of runs with the same verdict; "
        + "; ".join(
            f"{k}: {r.variant_edges[k]} ties kept, top {', '.join(x.top) or 'none'}" for k, x in r.variants.items()
        ),
    ]
    if r.metrics:
        out += [""]
        out += aligned_table(
            ["centralization", "value", "5-95%"],
            [[k.removeprefix("centralization_"), number(v[0]), _interval(v[1:])] for k, v in r.metrics.items()],
            md,
        )
    return out


def format_classification(
    c: Classification,
    fmt: str = "table",
    robustness: Robustness | None = None,
    nearest: list[tuple[str, float]] | None = None,
    seed_layer: Classification | None = None,
) -> str:
    """The classification as text, for ``instnet classify ID --format FMT``.

    Parameters
    ----------
    c : Classification
    fmt : {"table", "csv", "json", "markdown"}
        ``table``: aligned plain text; ``markdown``: a heading and pipe
        tables, cells escaped; ``csv``: one row per model (the robustness
        columns when given; not the centralization intervals or the
        archetypes, which only the other formats show); ``json``:
        ``c.to_dict()`` with ``robustness`` and ``nearest_archetypes`` keys
        when given.
    robustness : Robustness, optional
        Adds, per model, the share of runs keeping its verdict, the 5-95%
        interval of its score and its score in each variant, and the
        centralization intervals.
    nearest : list of (id, distance), optional
        From :func:`nearest_archetype`.
    seed_layer : Classification, optional
        The classification of the network's seed layer (what the source
        documents say, :func:`instnet.layers.restrict`), reported beside the
        full record's (json: a ``seed_layer`` key; csv: not shown).

    Returns
    -------
    str
        Ends with a newline.

    Raises
    ------
    ValueError
        For an unknown ``fmt``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from((m, {"kind": "ministry"}) for m in "ab")
    >>> text = format_classification(classify(G), "csv")
    >>> print(text.splitlines()[0])
    model,label,score,verdict,evidence,actors
    >>> text.splitlines()[-1].split(",")[:4]
    ['fragmented', 'Fragmented machinery', '0.667', 'top']
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "json":
        data = c.to_dict()
        if robustness is not None:
            data["robustness"] = robustness.to_dict()
        if nearest is not None:
            data["nearest_archetypes"] = [{"id": key, "distance": d} for key, d in nearest]
        if seed_layer is not None:
            data["seed_layer"] = seed_layer.to_dict()
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    headers, rows = _rows(c, robustness)
    if fmt == "csv":
        return _csv(c, headers, rows)
    md = fmt == "markdown"
    name = c.network or "network"
    top = ", ".join(c.top) or "none"
    out = [f"# {escape_markdown(name)}: {escape_markdown(top)}" if md else f"{name}: {top}", ""]
    if seed_layer is not None:
        line = f"Seed layer (what the source documents say): {', '.join(seed_layer.top) or 'none'}"
        line += "" if seed_layer.top == c.top else " (the full record differs)"
        out += [escape_markdown(line) if md else line, ""]
    if md:
        out += aligned_table(headers, rows, md)
    else:
        out += aligned_table(headers[:-1], [row[:-1] for row in rows])
        out += ["", "Evidence:"]
        out += [f"  {s.model}: {'; '.join(s.evidence)}" for s in c.scores]
    if robustness is not None:
        out += _robustness_lines(robustness, md)
    if nearest:
        out += ["", "Nearest archetypes (distance 0 = alike, 1 = as different as can be):", ""]
        out += aligned_table(["archetype", "distance"], [[k, number(d)] for k, d in nearest], md)
    return "\n".join(out) + "\n"


def classify_text(
    G: nx.DiGraph,
    fmt: str = "table",
    robust: bool = False,
    archetypes: Mapping[str, nx.DiGraph] | None = None,
    runs: int = 200,
    drop: float = 0.1,
    seed: int = 0,
) -> str:
    """Classify ``G`` and format the result in one call (for the CLI).

    ``robust`` adds :func:`robustness` (``runs``, ``drop``, ``seed``);
    ``archetypes`` (e.g. :func:`bundled_archetypes`) adds the distances from
    :func:`nearest_archetype`. See :func:`format_classification` for ``fmt``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    from ..layers import restrict

    c = classify(G)
    r = robustness(G, runs=runs, drop=drop, seed=seed) if robust else None
    near = nearest_archetype(G, archetypes) if archetypes is not None else None
    layer = classify(restrict(G, sources="seeds")[0]) if G.graph.get("sources", "all") == "all" else None
    return format_classification(c, fmt, robustness=r, nearest=near, seed_layer=layer)
