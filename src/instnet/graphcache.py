"""Loaded networks remembered by the digest of their bytes, so a rebuild does not read and validate them again.

Reading a network folder (TOML, CSV, validation, the graph) costs about 5 ms;
a site of 200 networks spends a second on it before it can find that one
changed. :func:`load_cached` keeps each loaded graph as JSON in the user's
cache folder (``$INSTNET_CACHE``, else ``$XDG_CACHE_HOME/instnet``, else
``~/.cache/instnet``; ``INSTNET_CACHE=off`` turns it off), named by the digest
of the folder's bytes, its seeds, its path and instnet's code: a file that
changes, or a new version, simply misses. Only a folder that loaded without
error is kept, so a broken file is always read and reported again.
:func:`remembered` keeps other values the same way, by the digest of their
inputs (the index's clustering order, which needs scipy).

The JSON holds the graph exactly: every attribute of a loaded network is a
string, number, boolean, None, list or dict, and the ties are listed in an
order that gives each node's successors *and* predecessors back in the order
the folder gave them (measures and layouts iterate both). JSON, not pickle: a
cache file is data, never code.
"""

from __future__ import annotations

import heapq
import itertools
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import networkx as nx

__all__ = ["cache_folder", "graph_record", "graph_from_record", "load_cached", "remembered"]

T = TypeVar("T")

#: Cached networks kept at most; the least recently written beyond it are removed.
KEEP = 2000


def cache_folder() -> Path | None:
    """Where loaded networks are cached; None when ``INSTNET_CACHE`` is ``off`` (or empty)."""
    value = os.environ.get("INSTNET_CACHE")
    if value is not None:
        return None if value.strip().lower() in ("", "off", "0", "no") else Path(value)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "instnet"


def _tie_order(G: nx.DiGraph) -> list[tuple]:
    """The ties in an order whose insertion rebuilds both successor and predecessor orders.

    Each node's out-ties must come in its successor order and each node's
    in-ties in its predecessor order: the order the folder listed them meets
    both, so these constraints have a topological order; this one takes the
    earliest tie (in ``G.edges`` order) whenever several are free.
    """
    edges = list(G.edges())
    rank = {e: i for i, e in enumerate(edges)}
    after: dict[tuple, list[tuple]] = {e: [] for e in edges}
    waiting = dict.fromkeys(edges, 0)
    chains = [[(u, v) for u in G.pred[v]] for v in G] + [[(u, v) for v in G.succ[u]] for u in G]
    for chain in chains:
        for a, b in itertools.pairwise(chain):
            after[a].append(b)
            waiting[b] += 1
    free = [rank[e] for e in edges if waiting[e] == 0]
    heapq.heapify(free)
    order = []
    while free:
        e = edges[heapq.heappop(free)]
        order.append(e)
        for nxt in after[e]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                heapq.heappush(free, rank[nxt])
    return order


def graph_record(G: nx.DiGraph) -> dict:
    """``G`` as plain JSON data (:func:`graph_from_record` gives it back, orders included)."""
    return {
        "graph": G.graph,
        "nodes": [[n, d] for n, d in G.nodes(data=True)],
        "edges": [[u, v, G.edges[u, v]] for u, v in _tie_order(G)],
    }


def graph_from_record(data) -> nx.DiGraph | None:
    """The graph of :func:`graph_record`; None when ``data`` is not one."""
    try:
        G = nx.DiGraph()
        G.graph.update(data["graph"])
        G.add_nodes_from((n, d) for n, d in data["nodes"])
        G.add_edges_from((u, v, d) for u, v, d in data["edges"])
    except (KeyError, TypeError, ValueError):
        return None
    return G


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    for path in files[: max(0, len(files) - KEEP)]:
        path.unlink(missing_ok=True)


def load_cached(key: str, load: Callable[[], nx.DiGraph]) -> nx.DiGraph:
    """The graph cached under ``key`` (a digest of everything it was loaded from), else ``load()`` kept under it.

    A cache that cannot be read or written is skipped: the network is loaded.
    """
    folder = cache_folder()
    path = folder / "graphs" / f"{key}.json" if folder is not None else None
    if path is not None:
        record = _read(path)
        try:
            G = graph_from_record(record) if record is not None else None
        except (ValueError, TypeError, KeyError, RecursionError):
            G = None
        if G is not None:
            return G
    G = load()
    if path is not None:
        _write(path, graph_record(G))
    return G


def remembered(kind: str, key: str, compute: Callable[[], T], valid: Callable[[object], bool]) -> T:
    """``compute()``'s JSON value, kept in the cache folder under ``kind/key`` (``key``: a digest of its inputs).

    A kept value is returned only if ``valid`` accepts it; without a cache folder, ``compute()`` runs each time.
    """
    folder = cache_folder()
    path = folder / kind / f"{key}.json" if folder is not None else None
    if path is not None:
        value = _read(path)
        if value is not None and valid(value):
            return value
    value = compute()
    if path is not None:
        _write(path, value)
    return value


def _read(path: Path):
    """The JSON value in ``path``; None when there is none or it cannot be read."""
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return None


def _write(path: Path, value) -> None:
    """``value`` as JSON in ``path``, whole or not at all; a cache that cannot be written is skipped."""
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, path)  # a reader sees the whole file or none
        finally:
            Path(tmp).unlink(missing_ok=True)
        if len(os.listdir(path.parent)) > KEEP:
            _prune(path.parent)
    except (OSError, TypeError, ValueError):
        pass  # a read-only or full disk, or a value JSON cannot hold: the value was computed anyway
