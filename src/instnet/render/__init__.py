"""Rendering: a graph and its positions in, self-contained HTML pages out (network view, diff view, index, notebook)."""

from ..layout import is_hierarchy, layout_positions
from .network import render_html
from .notebook import NotebookView, render_notebook
from .page import VIS_VERSION, vis_assets
from .styles import AXIS_STYLES, EXTERNAL_MARK, KIND_STYLES, RELATION_STYLES, SHAPE_SVG

__all__ = [
    "AXIS_STYLES",
    "EXTERNAL_MARK",
    "KIND_STYLES",
    "RELATION_STYLES",
    "SHAPE_SVG",
    "VIS_VERSION",
    "NotebookView",
    "is_hierarchy",
    "layout_positions",
    "render_html",
    "render_notebook",
    "vis_assets",
]
