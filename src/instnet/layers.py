"""A network as it stood in one year, or restricted to what the seeds say."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .errors import InstnetError

__all__ = ["SOURCES", "Layer", "restrict"]

SOURCES = ("all", "seeds", "external")
"""``all``: every item; ``seeds``: what the source documents in seeds/ say (the
slides' picture); ``external``: what the references outside the seeds say.

A layer holds the ties citing its sources, the institutions citing them, and
the institutions those ties join: the slides' "a planning body above all
ministries" stays drawn once the collective node is replaced by ministries named
from an external reference."""


@dataclass(frozen=True)
class Layer:
    """What :func:`restrict` left out, for the message a command prints."""

    nodes_dropped: int = 0
    edges_dropped: int = 0
    sources: str = "all"
    year: int | None = None

    def note(self) -> str:
        """One line such as ``seed layer, 1975: 3 institutions and 5 ties left out``; "" if nothing was asked."""
        if self.sources == "all" and self.year is None:
            return ""
        what = [{"seeds": "seed layer", "external": "external layer"}[self.sources]] if self.sources != "all" else []
        what += [str(self.year)] if self.year is not None else []
        return f"{', '.join(what)}: {self.nodes_dropped} institution(s) and {self.edges_dropped} tie(s) left out"


def _in_year(data: dict, year: int | None) -> bool:
    if year is None:
        return True
    start, end = data.get("start"), data.get("end")
    return not (isinstance(start, int) and start > year) and not (isinstance(end, int) and end < year)


def _in_sources(data: dict, sources: str) -> bool:
    if sources == "all":
        return True
    return bool(data.get("external")) == (sources == "external")


def restrict(G: nx.DiGraph, *, sources: str = "all", year: int | None = None) -> tuple[nx.DiGraph, Layer]:
    """The part of ``G`` from some sources, as it stood in one year.

    Parameters
    ----------
    G : networkx.DiGraph
        A network from :func:`instnet.load.load_network`.
    sources : {"all", "seeds", "external"}
        Keep every item, or the layer of the seed documents, or that of the
        external references (see ``SOURCES``: a layer's ties keep both ends).
    year : int or None
        Keep the items whose ``start``/``end`` years include it (an item without
        years lasts the whole era). It must lie inside the network's era.

    Returns
    -------
    (networkx.DiGraph, Layer)
        A new graph (``G`` is not changed) whose ``graph`` attributes record
        ``sources`` and ``year``, and what was left out.

    Raises
    ------
    InstnetError
        For an unknown ``sources`` or a year outside the era.

    Examples
    --------
    >>> from instnet import load_network
    >>> H, layer = restrict(load_network("korea-1961"), sources="seeds")
    >>> all(not d["external"] for _, _, d in H.edges(data=True))
    True
    """
    if sources not in SOURCES:
        raise InstnetError(f"unknown sources {sources!r}: choose one of {', '.join(SOURCES)}")
    if year is not None:
        start, end = G.graph.get("start"), G.graph.get("end")
        if (isinstance(start, int) and year < start) or (isinstance(end, int) and year > end):
            span = f"{start}-{end if end is not None else 'today'}"
            raise InstnetError(f"{G.graph.get('id', 'the network')} covers {span}: {year} is outside its era")
    alive = {n for n, d in G.nodes(data=True) if _in_year(d, year)}
    ties = [
        (u, v)
        for u, v, d in G.edges(data=True)
        if u in alive and v in alive and _in_sources(d, sources) and _in_year(d, year)
    ]
    keep = {n for n in alive if _in_sources(G.nodes[n], sources)} | {n for tie in ties for n in tie}
    kept = set(ties)
    # what G.copy() then removing the rest would leave, made directly (a view's year slider takes one slice a year
    # in which something changes): the same nodes, ties and attributes, in the same orders
    H = G.__class__()
    H.graph.update(G.graph)
    H.graph.update(sources=sources, year=year)
    H.add_nodes_from((n, d.copy()) for n, d in G.nodes(data=True) if n in keep)
    H.add_edges_from((u, v, d.copy()) for u, nbrs in G.adjacency() for v, d in nbrs.items() if (u, v) in kept)
    return H, Layer(G.number_of_nodes() - len(keep), G.number_of_edges() - len(ties), sources, year)
