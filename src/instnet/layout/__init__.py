"""Positions: layered and force layouts, curved ties and role slots, all deterministic."""

from .curves import curves, near_curves
from .hierarchy import is_hierarchy, vertical_edges
from .positions import LAYOUTS, layout_positions
from .slots import slot_grid, slot_positions

__all__ = [
    "LAYOUTS",
    "curves",
    "is_hierarchy",
    "layout_positions",
    "near_curves",
    "slot_grid",
    "slot_positions",
    "vertical_edges",
]
