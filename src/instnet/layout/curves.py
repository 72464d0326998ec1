"""Which ties to draw curved, and how: reverse twins apart, lines bent around the nodes they would cross."""

from __future__ import annotations

import math

import numpy as np

from .nodes import boxes

__all__ = ["curves", "near_curves"]


def _via(a, b, roundness: float, clockwise: bool) -> tuple[float, float]:
    """Control point of vis-network's ``curvedCW``/``curvedCCW`` edge from ``a`` to ``b``."""
    o, r = b[0] - a[0], a[1] - b[1]
    length = math.hypot(o, r)
    turn = (0.5 * roundness + 0.5) if clockwise else (-0.5 * roundness + 0.5)
    angle = math.atan2(r, o) + turn * math.pi
    reach = (0.5 * roundness + 0.5) * length
    return a[0] + reach * math.sin(angle), a[1] + reach * math.cos(angle)


def curves(positions: list, radii: list, labels: list, pairs: list) -> dict[int, tuple[str, float]]:
    """Edge index -> (curve type, roundness) for ties that should not be straight.

    ``a -> b`` and ``b -> a`` are both curved clockwise, hence on opposite
    sides. A tie whose straight line would run through a third node or its
    label is curved to the side that hits fewest (preferring upwards, away
    from the labels, which sit under the shapes). Checks are skipped above
    400 nodes, where ties are drawn straight for speed.
    """
    chosen: dict[int, tuple[str, float]] = {}
    present = set(pairs)
    for i, (a, b) in enumerate(pairs):
        if a != b and (b, a) in present:
            chosen[i] = ("curvedCW", 0.18)
    if not pairs or len(positions) > 400:
        return chosen
    P = np.asarray(positions, dtype=float)
    R = np.asarray(radii, dtype=float) + 5.0
    half, _, below = boxes(radii, labels)
    label_top = P[:, 1] + np.asarray(radii, dtype=float) + 2
    label_bottom = P[:, 1] + below - 6
    label_half = half - 6
    ts = np.linspace(0.06, 0.94, 30)

    def hits(points: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """Nodes each run of points passes over, not counting its own ends: ``points`` (k, 30, 2), ``ends`` (k, 2)."""
        dx = points[:, :, None, 0] - P[None, None, :, 0]
        dy = points[:, :, None, 1] - P[None, None, :, 1]
        on_node = np.sqrt(dx * dx + dy * dy) < R
        y = points[:, :, None, 1]
        on_label = (np.abs(dx) < label_half) & (y > label_top) & (y < label_bottom)
        blocked = (on_node | on_label).any(axis=1)
        rows = np.arange(len(ends))
        blocked[rows, ends[:, 0]] = False
        blocked[rows, ends[:, 1]] = False
        return blocked.sum(axis=1)

    todo = [i for i, (a, b) in enumerate(pairs) if i not in chosen and a != b]
    options = [(roundness, clockwise) for roundness in (0.3, 0.55) for clockwise in (True, False)]
    step = max(1, 4096 // len(positions))  # ties checked at once: arrays of ties x 30 points x nodes stay small
    for first in range(0, len(todo), step):
        ties = todo[first : first + step]
        ends = np.array([pairs[i] for i in ties], dtype=np.intp)
        A, B = P[ends[:, 0]], P[ends[:, 1]]
        lines = A[:, None, :] + ts[None, :, None] * (B - A)[:, None, :]  # the straight lines, point by point
        crossing = [k for k, count in enumerate(hits(lines, ends)) if count]
        if not crossing:
            continue
        vias = np.array([[_via(A[k], B[k], r, cw) for r, cw in options] for k in crossing])  # (tie, option, 2)
        bends = (
            ((1 - ts) ** 2)[None, None, :, None] * A[crossing][:, None, None, :]
            + (2 * (1 - ts) * ts)[None, None, :, None] * vias[:, :, None, :]
            + (ts**2)[None, None, :, None] * B[crossing][:, None, None, :]
        )
        counts = hits(bends.reshape(-1, len(ts), 2), np.repeat(ends[crossing], len(options), axis=0))
        for row, k in enumerate(crossing):
            a, b = ends[k]
            best = None
            for o, (roundness, clockwise) in enumerate(options):
                vy = vias[row, o, 1]
                score = (int(counts[row * len(options) + o]), roundness, vy - (P[a][1] + P[b][1]) / 2)
                if best is None or score < best[0]:
                    best = (score, ("curvedCW" if clockwise else "curvedCCW", roundness))
            if best is not None:
                chosen[ties[k]] = best[1]
    return chosen


def near_curves(pairs: list, pos: dict) -> dict:
    """Edge index -> roundness, for reverse twins and ties along a row that would cross other nodes."""
    present = set(pairs)
    out = {}
    for i, (u, v) in enumerate(pairs):
        if (v, u) in present:
            out[i] = 0.2
            continue
        (x1, y1), (x2, y2) = pos[u], pos[v]
        length = math.hypot(x2 - x1, y2 - y1)
        if length < 1:
            continue
        for w, (x, y) in pos.items():
            if w in (u, v):
                continue
            t = ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / length**2
            if 0.05 < t < 0.95:
                px, py = x1 + t * (x2 - x1), y1 + t * (y2 - y1)
                if math.hypot(x - px, y - py) < 28:
                    out[i] = 0.25
                    break
    return out
