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

    def hits(points: np.ndarray, a: int, b: int) -> int:
        d = np.sqrt(((points[:, None, :] - P[None, :, :]) ** 2).sum(axis=2))
        on_node = d < R[None, :]
        on_label = (
            (np.abs(points[:, None, 0] - P[None, :, 0]) < label_half[None, :])
            & (points[:, None, 1] > label_top[None, :])
            & (points[:, None, 1] < label_bottom[None, :])
        )
        blocked = on_node | on_label
        blocked[:, [a, b]] = False
        return int(blocked.any(axis=0).sum())

    for i, (a, b) in enumerate(pairs):
        if i in chosen or a == b:
            continue
        line = P[a][None, :] + ts[:, None] * (P[b] - P[a])[None, :]
        if hits(line, a, b) == 0:
            continue
        best = None
        for roundness in (0.3, 0.55):
            for clockwise in (True, False):
                vx, vy = _via(P[a], P[b], roundness, clockwise)
                curve = (
                    ((1 - ts) ** 2)[:, None] * P[a][None, :]
                    + (2 * (1 - ts) * ts)[:, None] * np.array([[vx, vy]])
                    + (ts**2)[:, None] * P[b][None, :]
                )
                score = (hits(curve, a, b), roundness, vy - (P[a][1] + P[b][1]) / 2)
                if best is None or score < best[0]:
                    best = (score, ("curvedCW" if clockwise else "curvedCCW", roundness))
        if best is not None:
            chosen[i] = best[1]
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
