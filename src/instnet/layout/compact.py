"""Compaction of layered rows: a row far wider than a laptop screen is wrapped into several rows.

A layered drawing of a flat network puts twenty or thirty institutions in one
row; fitted to a 1280x720 window its labels shrink to 4-7 px and vis-network
stops drawing them. Wrapping the widest rows into consecutive sub-rows (in
their swept order, so neighbours stay neighbours) trades a little height for
a drawing whose shape matches the screen.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["SCREEN", "fill_screen", "wrap_rows"]

#: Width and height (px) of the drawing area the layout is fitted to: a
#: 1280x720 window less the legend and a header with its "About" panel open.
SCREEN = (960.0, 580.0)
GAP, TIGHT_GAP = 110.0, 48.0  # px: free height between rows; between the rows of a wrapped drawing


def _chunks(row: list, width: Callable, limit: float) -> list[list]:
    """Greedy consecutive chunks of ``row`` no wider than ``limit`` (one node at least each)."""
    out: list[list] = [[]]
    used = 0.0
    for n in row:
        w = width(n)
        if out[-1] and used + w > limit:
            out.append([])
            used = 0.0
        out[-1].append(n)
        used += w
    return out


def _wrapped(rows: list[list], width: Callable, limit: float) -> list[list]:
    return [part for row in rows for part in (_chunks(row, width, limit) if row else [[]])]


def _fit_scale(rows: list[list], width: Callable, pitch: Callable, gap: float) -> float:
    """Scale at which the drawing of ``rows`` fits :data:`SCREEN`."""
    widest = max((sum(width(n) for n in row) for row in rows), default=1.0)
    height = sum(pitch(row, gap) for row in rows[:-1]) + 120.0
    return min(SCREEN[0] / max(widest, 1.0), SCREEN[1] / height)


def wrap_rows(
    rows: list[list], width: Callable, pitch: Callable, fixed: int | None
) -> tuple[list[list], int | None, float]:
    """Wrap rows so that the drawing fits a laptop screen at the largest scale.

    Parameters
    ----------
    rows : list of list
        The layers top to bottom, each in its left-to-right order.
    width : callable
        Node -> room it needs in its row (px).
    pitch : callable
        ``(row, gap)`` -> distance (px) from that row to the next for a free height ``gap``.
    fixed : int or None
        Index of the loose row (nodes placed without neighbours), if any.

    Returns
    -------
    rows, fixed, gap
        The new rows (a wrapped row becomes consecutive rows in order), the
        index of the loose row's first part (None when it was wrapped) and the
        free height to leave between rows (smaller once rows are wrapped).

    Examples
    --------
    >>> rows, fixed, gap = wrap_rows([list(range(30))], lambda n: 150.0, lambda r, g: g + 40, None)
    >>> len(rows) > 1 and sorted(n for r in rows for n in r) == list(range(30)) and gap == TIGHT_GAP
    True
    >>> wrap_rows([[1, 2]], lambda n: 150.0, lambda r, g: g + 40, None)
    ([[1, 2]], None, 110.0)
    """
    widest = max((sum(width(n) for n in row) for row in rows), default=0.0)
    best, best_scale = rows, _fit_scale(rows, width, pitch, GAP)
    for k in range(2, 12):
        candidate = _wrapped(rows, width, widest / k)
        scale = _fit_scale(candidate, width, pitch, TIGHT_GAP)
        if scale > best_scale * 1.05:
            best, best_scale = candidate, scale
    if best is rows:
        return rows, fixed, GAP
    new_fixed = None
    if fixed is not None:
        parts = _chunks(rows[fixed], width, max(sum(width(n) for n in r) for r in best) + 1e-6)
        first = rows[fixed][0] if rows[fixed] else None
        hits = [i for i, r in enumerate(best) if first is not None and r and r[0] == first]
        new_fixed = hits[0] if hits and len(parts) == 1 and len(best[hits[0]]) == len(rows[fixed]) else None
    return best, new_fixed, TIGHT_GAP


def fill_screen(positions: dict, limit: float = 2.0) -> dict:
    """Stretch the short side of a drawing so that its shape matches :data:`SCREEN`.

    A tall force drawing (or a flat layered one) fitted to a laptop screen
    leaves most of the canvas empty; stretching the short side (never
    shrinking, at most ``limit`` times) gives the labels room at the same scale.

    Parameters
    ----------
    positions : dict
        Node -> ``(x, y)`` in pixels.
    limit : float
        The largest stretch factor.

    Returns
    -------
    dict
        Node -> ``(x, y)``, stretched about the drawing's centre.

    Examples
    --------
    >>> fill_screen({"a": (0, 0), "b": (0, 100), "c": (10, 50)})["c"][0] > 10
    True
    """
    if len(positions) < 2:
        return dict(positions)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    aspect = SCREEN[0] / SCREEN[1]
    sx = sy = 1.0
    if width > 0 and height > 0:
        if width / height < aspect:
            sx = min(limit, aspect * height / width)
        else:
            sy = min(limit, width / (aspect * height))
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n: (cx + (x - cx) * sx, cy + (y - cy) * sy) for n, (x, y) in positions.items()}
