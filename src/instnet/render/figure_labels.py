"""Where a figure's labels go: under their shape as in the view, or beside it when that spot is taken.

On a printed page the type keeps its size while the drawing shrinks, so
labels that sit side by side under a row of shapes in the view can collide.
Nodes never move; each label, hubs first, takes the first free spot among
under its shape (the view's place), over it, right and left of it, each
wrapped as the view wraps it or narrower, and, when none is free, the spot
that overlaps least. Everything here is in points with y downwards.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["Box", "frame_of", "place_labels", "wrap_variants"]

Box = tuple[float, float, float, float]  # left, top, right, bottom

_GAP = 1.5  # pt between a shape and its label
_CROWD = 150  # nodes: above this, labels stay under their shapes
_SHORTER = 3.0  # the cost of a shorter name against a free whole one: as much as 150 pt2 of the spots others wait for
_PENALTY = {
    "below": 0.0,
    "above": 0.6,
    "right": 1.0,
    "left": 1.2,
    "below right": 1.4,
    "below left": 1.5,
    "above right": 1.6,
    "above left": 1.7,
}  # prefer the view's place


def _overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _candidates(x: float, y: float, r: float, w: float, h: float) -> list[tuple[str, Box]]:
    return [
        ("below", (x - w / 2, y + r + _GAP, x + w / 2, y + r + _GAP + h)),
        ("above", (x - w / 2, y - r - _GAP - h, x + w / 2, y - r - _GAP)),
        ("right", (x + r + _GAP, y - h / 2, x + r + _GAP + w, y + h / 2)),
        ("left", (x - r - _GAP - w, y - h / 2, x - r - _GAP, y + h / 2)),
        ("below right", (x - r, y + r + _GAP, x - r + w, y + r + _GAP + h)),
        ("below left", (x + r - w, y + r + _GAP, x + r, y + r + _GAP + h)),
        ("above right", (x - r, y - r - _GAP - h, x - r + w, y - r - _GAP)),
        ("above left", (x + r - w, y - r - _GAP - h, x + r, y - r - _GAP)),
    ]


def place_labels(
    centres: list[tuple[float, float]],
    radii: list[float],
    variants: list[list[tuple[list[str], float, float]]],
    frame: Box,
    priority: list[float],
    taken: list[Box] = (),  # type: ignore[assignment]
    whole: list[int] | None = None,
) -> list[tuple[list[str], Box, str]]:
    """Each node's label lines, box and side (``below``, ``above``, ``right``, ``left``, ...), chosen greedily.

    Parameters
    ----------
    centres, radii : lists
        Each node's centre and radius in points.
    variants : list of lists
        For each node, its label wrapped in a few ways: ``(lines, width, height)``, the view's wrap first.
    frame : Box
        The drawing's room: a label outside it counts as an overlap.
    priority : list of float
        Larger places first (the hubs).
    taken : list of Box
        Room already used (captions).
    whole : list of int, optional
        For each node, how many of its variants wrap its whole name; the later ones are a shorter name,
        taken only where no way of wrapping the whole one is free (default: all are the whole name).

    Returns
    -------
    list
        ``(lines, box, side)`` per node, in the order given.

    Examples
    --------
    >>> two = place_labels([(0, 0), (10, 0)], [2, 2], [[(["a"], 12, 6)], [(["b"], 12, 6)]], (-50, -50, 50, 50), [1, 0])
    >>> [side for _, _, side in two]
    ['below', 'above']
    """
    shapes: list[Box] = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(centres, radii, strict=True)]
    placed: list[Box] = list(taken)
    out: list[tuple[list[str], Box, str] | None] = [None] * len(centres)

    def outside(b: Box) -> float:
        inner = _overlap(b, frame)
        return (b[2] - b[0]) * (b[3] - b[1]) - inner

    if len(centres) > _CROWD:  # past this, the search costs seconds: every label in the view's place
        return [
            (v[0][0], _candidates(x, y, r, *v[0][1:])[0][1], "below")
            for (x, y), r, v in zip(centres, radii, variants, strict=True)
        ]
    order = sorted(range(len(centres)), key=lambda i: (-priority[i], i))
    waiting = {i: _candidates(*centres[i], radii[i], *variants[i][0][1:])[0][1] for i in order}  # the view's spots
    for i in order:
        waiting.pop(i)
        (x, y), r = centres[i], radii[i]
        best = None
        for v, (lines, w, h) in enumerate(variants[i]):
            for side, box in _candidates(x, y, r, w, h):
                hit = sum(_overlap(box, p) for p in placed)
                hit += sum(_overlap(box, s) for j, s in enumerate(shapes) if j != i)
                hit += 2.0 * outside(box)
                wait = sum(_overlap(box, w) for w in waiting.values())  # leave the others their spot
                # a shorter name: where the whole one collides, or would take most of the spots others wait for
                short = _SHORTER if whole is not None and v >= whole[i] else 0.0
                cost = (
                    hit > 0.5,
                    hit + 0.3 * wait if hit > 0.5 else 0.0,
                    _PENALTY[side] + 0.8 * v + 0.02 * wait + short,
                )
                if best is None or cost < best[0]:
                    best = (cost, lines, box, side)
        assert best is not None
        _, lines, box, side = best
        placed.append(box)
        out[i] = (lines, box, side)
    return [o for o in out if o is not None]


def frame_of(boxes: list[Box]) -> Box:
    """The smallest box holding every one of ``boxes``."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def wrap_variants(label: str, wrap: Callable[[str, float], list[str]], measure: Callable[[list[str]], tuple]) -> list:
    """The label wrapped as the view wraps it (10.7 em) and narrower (7 and 5 em), each with its width and height."""
    out: list[tuple] = []
    for em in (150 / 14, 7.0, 5.0):
        lines = wrap(label, em)
        variant = (lines, *measure(lines))
        if len(lines) > 4 and out:
            break  # a column of single words reads worse than an overlap
        if not out or variant[0] != out[-1][0]:
            out.append(variant)
    return out
