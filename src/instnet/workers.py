"""Run picklable calls serially or over worker processes, results in the order of the calls.

A :class:`Workers` pool serves a whole build: its processes start when it is
opened, before the parent loads the networks, and every stage of the build
sends its calls to them. Workers are forked when the caller is
single-threaded: the parent imports what the build's pages need first, and
every worker starts with it (one import, its memory shared until written;
importing in each worker while the parent loads took a quarter more CPU
time and was slower on two cores). Otherwise they are started afresh and
each imports it. They ignore SIGINT, which is the parent's to handle, so
Ctrl-C cancels the calls that have not begun.

While the pool is open the parent does not let SIGINT raise inside the
pool's own machinery (a KeyboardInterrupt raised while the executor forks a
worker or moves a result can leave it waiting forever on shutdown): a handler
notes the signal, and the wait for the next result, which looks every 0.1 s,
raises KeyboardInterrupt; closing the pool cancels the calls not yet begun
and lets the running ones finish.

The cyclic garbage collector does not interrupt a worker's calls: its
automatic passes are off in the workers, which collect between two calls
when what the last calls left (net new objects) passes :data:`WORKER_COLLECT`.
A call's own objects are freed by reference counting as it returns; a pass
in the middle of one walked them all, over and over, for the few cycles
among them (4-6% of a worker's time on 200 networks).
"""

from __future__ import annotations

import gc
import importlib
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

__all__ = ["Workers", "WORKER_COLLECT"]

#: A worker collects cyclic garbage between two calls once the objects the collector tracks have grown by this
#: many since its last collection (``gc.get_count()[0]``; freed objects count down): what cycles the calls left
#: is then freed, so a worker's memory stays bounded however many calls it makes. Its automatic passes are off:
#: at CPython's thresholds (or 10,000 objects, as before) they walked each call's live records and tables many
#: times over (0.3-0.6 s of each worker's 13 s on 200 networks, 4 December), finding next to nothing.
WORKER_COLLECT = 200_000


def _worker_init(modules: Sequence[str] = ()) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    gc.disable()  # collected between calls (_between), not during them
    for name in modules:  # imported as the worker starts, not when the first call needs them
        importlib.import_module(name)


def _between(func: Callable, args: tuple):
    """``func(*args)`` in a worker, then a collection when the calls so far left enough behind (``WORKER_COLLECT``)."""
    try:
        return func(*args)
    finally:
        if gc.get_count()[0] > WORKER_COLLECT:
            gc.collect()


def _ready() -> None:
    pass


class Workers:
    """``jobs`` worker processes for the calls of :meth:`run` (none for ``jobs`` <= 1: calls run here).

    Use as a context manager. With ``warm`` the workers start when it is
    entered, with ``modules`` imported (by this process before it forks them,
    or by each); otherwise they start with the first calls (a build with
    nothing to make starts none).
    """

    def __init__(self, jobs: int, modules: Sequence[str] = (), *, warm: bool = True):
        self.jobs, self.modules, self.warm = jobs, tuple(modules), warm
        self._pool: ProcessPoolExecutor | None = None
        self._interrupted = threading.Event()
        self._previous: Any = None
        self._open = False
        self._frozen = False

    def __enter__(self) -> Workers:
        self._open = True
        if self.jobs > 1 and threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, lambda *_: self._interrupted.set())
        if self.jobs <= 1:  # no pool: the build's imports come as its calls need them, collected as usual
            gc.enable()
        if self.warm:
            self._start()
        return self

    def _start(self) -> None:
        if self.jobs <= 1 or self._pool is not None or not self._open:
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        method = "fork" if threading.active_count() == 1 and "fork" in methods else None
        if method is None and "forkserver" in methods:
            method = "forkserver"  # forking a threaded process can copy a held lock
        modules = self.modules
        if method == "fork":  # imported once, here: every forked worker starts with them
            for name in modules:
                importlib.import_module(name)
            modules = ()
            # what this process holds now is out of the collector's sight until the pool closes: the workers'
            # collections neither walk it nor write its pages, which stay shared (the gc module's advice for fork)
            gc.freeze()
            self._frozen = True
        pool = ProcessPoolExecutor(
            self.jobs,
            mp_context=multiprocessing.get_context(method),
            initializer=_worker_init,
            initargs=(modules,),
        )
        for _ in range(self.jobs):  # each submit starts a worker: they warm up now
            pool.submit(_ready)
        self._pool = pool
        gc.enable()  # the program starts with the passes off (instnet.cli.main): what the build needs is imported

    def __exit__(self, kind, *_) -> None:
        self._open = False
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=kind is not None)
            self._pool = None
        if self._frozen:  # a long-lived caller (serve) collects what it held before, as it did without a pool
            gc.unfreeze()
            self._frozen = False
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None
        if kind is None and self._interrupted.is_set():  # noted after the last result was read
            raise KeyboardInterrupt

    def run(self, calls: list[tuple[Callable, tuple]], *, here: bool = False) -> Iterator:
        """Results of ``func(*args)`` for each call, in order (``here``: in this process, while the workers warm up)."""
        if calls and not here:
            self._start()
        if self._pool is None or here:
            for func, args in calls:
                yield func(*args)
            return
        futures = [self._pool.submit(_between, func, args) for func, args in calls]
        try:
            for future in futures:
                yield self._wait(future)
        except BaseException:
            for future in futures:
                future.cancel()
            raise

    def submit(self, func: Callable, args: tuple) -> Callable[[], Any] | None:
        """Start ``func(*args)`` on a worker now; what it returns waits for the result.

        None without worker processes (``jobs`` <= 1): the caller makes the call itself, when it needs the result.
        """
        if self.jobs <= 1 or not self._open:
            return None
        self._start()
        if self._pool is None:
            return None
        future = self._pool.submit(_between, func, args)
        return lambda: self._wait(future)

    def _wait(self, future):
        """The future's result, looking every 0.1 s whether SIGINT came (then KeyboardInterrupt)."""
        from concurrent.futures import TimeoutError as Pending

        while True:
            if self._interrupted.is_set():
                raise KeyboardInterrupt
            try:
                return future.result(timeout=0.1)
            except Pending:
                continue
