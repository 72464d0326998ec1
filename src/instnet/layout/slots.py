"""Role slots: one place per functional role, the same on both sides of a side-by-side drawing."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

__all__ = ["CELL_H", "CELL_W", "PER_ROW", "ROW_GAP", "SIDE_GAP", "SLOT_GAP", "slot_grid", "slot_positions"]

CELL_W, CELL_H, PER_ROW = 165, 90, 3  # px per holder of a role; holders per line of a slot
ROW_GAP, SIDE_GAP, SLOT_GAP = 60, 140, 40  # px between rows of slots; between the two sides; between slots in a row


def slot_grid(
    counts: Mapping[str, int], rows: Sequence[Sequence[str]], last: str
) -> dict[str, tuple[float, float, int]]:
    """Role -> (x, y, columns) of its slot, relative to the side's centre.

    Parameters
    ----------
    counts : mapping
        Role -> the number of holders the slot must fit (roles with none take no room).
    rows : sequence of sequences
        Roles by row, top to bottom. Roles of ``counts`` in no row join the
        last row, before ``last`` when the last row ends with it.
    last : str
        The role that stays at the very end (institutions without a role).

    Returns
    -------
    dict
        Each slot is ``columns`` holders wide (at most :data:`PER_ROW`) and
        as many lines tall as its holders need.
    """
    known = {r for row in rows for r in row}
    grid = [[r for r in row if counts.get(r)] for row in rows]
    extra = [r for r in counts if r not in known and counts.get(r)]
    grid[-1] = grid[-1][:-1] + extra + grid[-1][-1:] if grid[-1] and grid[-1][-1] == last else grid[-1] + extra
    grid = [row for row in grid if row]
    slots = {}
    y = 0.0
    for row in grid:
        cols = {r: min(counts[r], PER_ROW) for r in row}
        lines = max(math.ceil(counts[r] / PER_ROW) for r in row)
        widths = [cols[r] * CELL_W for r in row]
        x = -sum(widths) / 2
        for r, w in zip(row, widths, strict=False):
            slots[r] = (x + w / 2, y, cols[r])
            x += w + SLOT_GAP
        # centre the row again after the gaps
        shift = SLOT_GAP / 2 * (len(row) - 1)
        slots.update({r: (slots[r][0] - shift, slots[r][1], slots[r][2]) for r in row})
        y += lines * CELL_H + ROW_GAP
    return slots


def slot_positions(holders: Mapping[str, list], slots: Mapping, dx: float) -> dict:
    """Node -> (x, y): the holders of each role in rows of its slot, the side shifted by ``dx``."""
    pos = {}
    for role, ids in holders.items():
        if role not in slots:
            continue
        cx, cy, cols = slots[role]
        for i, n in enumerate(ids):
            row, col = divmod(i, cols)
            in_row = min(cols, len(ids) - row * cols)
            x = cx + (col - (in_row - 1) / 2) * CELL_W
            pos[n] = (round(x + dx), round(cy + row * CELL_H))
    return pos
