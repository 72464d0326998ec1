"""What a site build reads and how it writes: the selection's networks (through the cache of loaded networks)
with the digests of their inputs, what its workers import, and the guards of the write phase.

Kept beside :mod:`instnet.site`, which plans the outputs, so that module stays small.
"""

from __future__ import annotations

import functools
import signal
import threading
from collections.abc import Callable, Mapping
from contextlib import contextmanager
from pathlib import Path

import networkx as nx

from .errors import OutputError

__all__ = ["WORKER_MODULES", "load_selection", "safe_target", "selection_digests", "sigint_deferred"]

#: What the build's workers need imported before their first call (:class:`instnet.workers.Workers`). Not
#: scipy's clustering (0.2-0.4 s to import), which only the index's call needs: that worker imports it.
WORKER_MODULES = (
    "instnet.summary",
    "instnet.classify",
    "instnet.metrics",
    "instnet.diff",
    "instnet.export",
    "instnet.render.network",
    "instnet.render.diff_view",
    "instnet.render.country",
    "instnet.render.index",
)


@contextmanager
def sigint_deferred():
    """Hold SIGINT back until the block is done, then deliver it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught = []
    previous = signal.signal(signal.SIGINT, lambda *args: caught.append(args))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt


def safe_target(out: Path, relative: str) -> Path:
    """``out / relative``, resolved; refused unless it lies inside ``out`` (a tampered manifest names no other file)."""
    target = (out / relative).resolve()
    if out.resolve() not in target.parents:
        raise OutputError(f"refusing to write {relative}: it lies outside {out}")
    return target


def selection_digests(selection) -> tuple[dict[str, Path], dict[str, str]]:
    """``selection`` (id -> folder, or a folder of networks, or None: the bundled ones) as id -> folder, and each digest.

    A network's digest covers the bytes of its folder and of the ``seeds`` folder beside its folder of networks.
    """
    from .buildcache import folder_digest
    from .load import bundled_graphs_dir, network_ids

    if not isinstance(selection, Mapping):
        root = Path(selection) if selection is not None else bundled_graphs_dir()
        selection = {i: root / i for i in network_ids(root)}
    digests = {}
    for key, folder in selection.items():
        seeds = Path(folder).parent.parent / "seeds"
        digests[key] = folder_digest(folder) + (folder_digest(seeds) if seeds.is_dir() else "")
    return {key: Path(folder) for key, folder in selection.items()}, digests


def load_selection(
    selection: Mapping[str, Path], digests: Mapping[str, str], loaded: Callable[[str, nx.DiGraph], None] | None = None
) -> dict[str, nx.DiGraph]:
    """The graphs of ``selection`` (:func:`selection_digests`), each from the cache of loaded networks when it is there.

    ``loaded(key, graph)`` is called after each one (a build starts measuring it on a worker meanwhile).
    """
    from .buildcache import code_digest, digest
    from .graphcache import load_cached
    from .load import load_network

    graphs = {}
    for key, folder in selection.items():
        cached = digest(code_digest(), digests[key], str(folder), str(Path(folder).resolve()))
        graphs[key] = load_cached(cached, functools.partial(load_network, folder))
        if loaded is not None:
            loaded(key, graphs[key])
    return graphs
