"""Run picklable calls serially or over worker processes, results in the order of the calls.

Workers are forked when the caller is single-threaded (they then start with
everything imported), else started afresh; they ignore SIGINT, which is the
parent's to handle, so Ctrl-C cancels the calls that have not begun.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator

__all__ = ["run_calls"]


def _worker_init() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def run_calls(calls: list[tuple[Callable, tuple]], jobs: int) -> Iterator:
    """Results of ``func(*args)`` for each call, in order: serially, or over ``jobs`` processes."""
    if jobs <= 1 or len(calls) <= 1:
        for func, args in calls:
            yield func(*args)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    method = "fork" if threading.active_count() == 1 and "fork" in methods else None
    if method is None and "forkserver" in methods:
        method = "forkserver"  # forking a threaded process can copy a held lock
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(min(jobs, len(calls)), mp_context=context, initializer=_worker_init) as pool:
        futures = [pool.submit(func, *args) for func, args in calls]
        try:
            for future in futures:
                yield future.result()
        except BaseException:
            for future in futures:
                future.cancel()
            raise
