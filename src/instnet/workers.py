"""Run picklable calls serially or over worker processes, results in the order of the calls.

Workers are forked when the caller is single-threaded (they then start with
everything imported), else started afresh; they ignore SIGINT, which is the
parent's to handle, so Ctrl-C cancels the calls that have not begun.

While a pool runs, the parent does not let SIGINT raise inside the pool's own
machinery (a KeyboardInterrupt raised while the executor forks a worker or
moves a result can leave it waiting forever on shutdown): a handler notes the
signal, and the wait for the next result, which looks every 0.1 s, cancels the
calls not yet begun, lets the running ones finish and raises KeyboardInterrupt.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["run_calls"]


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


@contextmanager
def _sigint_noted():
    """Within the block, SIGINT sets the event it yields instead of raising (main thread only)."""
    noted = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield noted
        return
    previous = signal.signal(signal.SIGINT, lambda *_: noted.set())
    try:
        yield noted
    finally:
        signal.signal(signal.SIGINT, previous)


def run_calls(calls: list[tuple[Callable, tuple]], jobs: int) -> Iterator:
    """Results of ``func(*args)`` for each call, in order: serially, or over ``jobs`` processes."""
    if jobs <= 1 or len(calls) <= 1:
        for func, args in calls:
            yield func(*args)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures import TimeoutError as Pending

    methods = multiprocessing.get_all_start_methods()
    method = "fork" if threading.active_count() == 1 and "fork" in methods else None
    if method is None and "forkserver" in methods:
        method = "forkserver"  # forking a threaded process can copy a held lock
    context = multiprocessing.get_context(method)
    with _sigint_noted() as interrupted:
        pool = ProcessPoolExecutor(min(jobs, len(calls)), mp_context=context, initializer=_worker_init)
        finished = False
        try:
            futures = [pool.submit(func, *args) for func, args in calls]
            for future in futures:
                while True:
                    if interrupted.is_set():
                        raise KeyboardInterrupt
                    try:
                        result = future.result(timeout=0.1)
                    except Pending:
                        continue
                    break
                yield result
            finished = True
        finally:
            pool.shutdown(wait=True, cancel_futures=not finished)
        if interrupted.is_set():  # noted while the caller read the last result, or while the pool shut down
            raise KeyboardInterrupt
