"""What a node takes on the page: its order, its label text and the room its shape and label need."""

from __future__ import annotations

import math

import numpy as np

__all__ = [
    "CHAR_WIDTH",
    "LABEL_MAX_WIDTH",
    "SIZE_FLAT",
    "SIZE_MAX",
    "SIZE_MIN",
    "boxes",
    "label_lines",
    "label_room",
    "label_width",
    "node_label",
    "sort_key",
    "text",
]

LABEL_MAX_WIDTH = 150  # px: vis-network wraps node labels at this width
CHAR_WIDTH = 7.2  # px per character at 14 px, for spacing estimates
SIZE_MIN, SIZE_MAX, SIZE_FLAT = 12.0, 32.0, 16.0  # px: drawn radii


def text(value) -> str:
    """Data value as display text: None and NaN are empty; lone surrogates replaced."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value).encode("utf-8", "replace").decode("utf-8")


def node_label(G, n) -> str:
    """The label drawn for node ``n`` of ``G``: its ``label``, else its id."""
    return text(G.nodes[n].get("label")) or text(n)


def sort_key(node) -> tuple:
    """Key that orders node ids of mixed types: numbers first, by value, then text."""
    if isinstance(node, bool):
        return (1, str(node))
    if isinstance(node, int | float | np.integer | np.floating):
        return (0, float(node), "")
    return (1, str(node))


def label_width(label: str) -> float:
    """Estimated width of a label in pixels, up to the wrapping width."""
    return min(len(label) * CHAR_WIDTH, LABEL_MAX_WIDTH)


def label_room(radius: float, label: str) -> float:
    """Width (px, at the layout's scale) a node's label may take without reaching its neighbours' labels.

    Both layouts keep at least this much room around a node in its row: the
    layered one ``max(2r, label width) + 24``, the force one a half-width of
    ``max(r, label width / 2) + 8``. A view that enlarges labels wraps them
    within this width instead of letting them grow sideways.
    """
    return max(2 * radius, label_width(label)) + 12


def label_lines(label: str) -> int:
    """Estimated number of lines of a wrapped label (one to four)."""
    return max(1, min(4, math.ceil(len(label) * CHAR_WIDTH / LABEL_MAX_WIDTH)))


def boxes(radii, labels) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Half-width, extent above and extent below the centre of each node with its label."""
    half = np.array([max(r, label_width(t) / 2) + 8 for r, t in zip(radii, labels, strict=False)])
    above = np.array([r + 6 for r in radii])
    below = np.array([r + 10 + 17 * label_lines(t) for r, t in zip(radii, labels, strict=False)])
    return half, above, below
