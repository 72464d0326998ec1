"""What the view's year slider and story step-through read: item years, measures per year, story steps.

The page's scripts ``static/timeline.js`` and ``static/story.js`` read this from
the page's JSON (key ``time``); the story's texts and sources are drawn by the
template ``story.html`` as text, so no script builds markup from data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import networkx as nx

from ..layers import restrict
from .page import text

__all__ = ["script_data", "time_payload"]


def _span(data: Mapping) -> list:
    start, end = data.get("start"), data.get("end")
    return [start if isinstance(start, int) else None, end if isinstance(end, int) else None]


def _change_years(G: nx.DiGraph, first: int, last: int) -> list[int]:
    """The years in which what stands changes: the era's first year, each start and each year after an end."""
    years = {first}
    for data in [d for _, d in G.nodes(data=True)] + [d for _, _, d in G.edges(data=True)]:
        start, end = _span(data)
        years |= {y for y in (start, end + 1 if end is not None else None) if y is not None and first < y <= last}
    return sorted(years)


def _measures(G: nx.DiGraph, years: Sequence[int], labels: Sequence[str]) -> dict[str, list]:
    """The header's measures (``labels``, as the site names them) at each year of ``years``."""
    from ..metrics import graph_table
    from ..site import KEY_SCORES  # the one mapping from measure to header label
    from .tooltips import number as _number

    keys = {label: key for key, label in KEY_SCORES.items()}
    wanted = [keys[label] for label in labels if label in keys]
    out = {}
    for year in years:
        H, _ = restrict(G, year=year)
        table = graph_table(H, measures=wanted)  # these only: a network has a slice for every year something changes
        out[str(year)] = [[label, _number(table[keys[label]])] for label in labels if label in keys]
    return out


def _story(G: nx.DiGraph, order: Sequence, edges: Sequence[Mapping]) -> dict | None:
    story = G.graph.get("story")
    if not story:
        return None
    index = {n: i for i, n in enumerate(order)}
    edge_ids = {(order[e["from"]], order[e["to"]]): e["id"] for e in edges}
    refs = G.graph.get("references", {})
    steps = [
        {
            "title": text(step["title"]),
            "text": text(step["text"]),
            "year": step.get("year"),
            "nodes": [index[n] for n in step["nodes"] if n in index],
            "ties": [edge_ids[tuple(t)] for t in step["ties"] if tuple(t) in edge_ids],
            "sources": [[key, text(refs.get(key, {}).get("citation", ""))] for key in step["cite"]],
        }
        for step in story["steps"]
    ]
    return {"title": text(story["title"]), "summary": text(story.get("summary", "")), "steps": steps}


def script_data(time: Mapping) -> dict:
    """What the page's scripts read of :func:`time_payload`: the story's steps without their text, its sources once.

    The steps' titles and text are in the page's markup (``timeline.html``),
    which names each step's sources by key; ``static/story.js`` needs each
    step's year, institutions and ties, and writes each source's citation
    (``sources``: key -> citation, each once) after its key. A record's span
    without a year, ``[None, None]``, is ``0`` (most are; ``static/timeline.js`` reads it back).
    """
    spans = {key: [span if span != [None, None] else 0 for span in time[key]] for key in ("nodes", "edges")}
    story = time.get("story")
    if not story:
        return {**time, **spans}
    steps = [{key: step[key] for key in ("year", "nodes", "ties")} for step in story["steps"]]
    sources = {key: citation for step in story["steps"] for key, citation in step["sources"]}
    return {**time, **spans, "story": {"steps": steps, "sources": sources}}


def time_payload(G: nx.DiGraph, order: Sequence, edges: Sequence[Mapping], scores: Mapping | None) -> dict | None:
    """The slider's and the story's data for the page of ``G``; None when it has neither dated items nor a story.

    Parameters
    ----------
    G : networkx.DiGraph
        The network drawn.
    order : sequence
        The node ids in the order of the page's node records (record ``i`` is ``order[i]``).
    edges : sequence of mapping
        The page's edge records (``id``, ``from``, ``to``).
    scores : mapping or None
        The header's measures, label -> value; the same labels are given for each year.

    Returns
    -------
    dict or None
        ``first``/``last`` year of the era, ``nodes``/``edges``: ``[start, end]`` per record,
        ``measures``: year (the years where something starts or ends) -> ``[[label, text]]``,
        ``story``: the steps with node and tie record ids and their sources' citations.
    """
    first, last = G.graph.get("start"), G.graph.get("end")
    dated = [_span(G.nodes[n]) for n in order]
    tie_spans = [_span(G.edges[order[e["from"]], order[e["to"]]]) for e in edges]
    any_dated = any(s != [None, None] for s in dated + tie_spans)
    story = _story(G, order, edges)
    if not isinstance(first, int) or not (any_dated or story):
        return None
    if not isinstance(last, int):
        last = max([first] + [y for span in dated + tie_spans for y in span if y is not None])
    years = _change_years(G, first, last) if any_dated else [first]
    return {
        "first": first,
        "last": last,
        "dated": any_dated,
        "nodes": dated,
        "edges": tie_spans,
        "measures": _measures(G, years, list(scores or {})) if any_dated else {},
        "story": story,
    }
