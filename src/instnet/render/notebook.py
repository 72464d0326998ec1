"""The notebook view: a network's page shown inline in Jupyter, in a sandboxed iframe."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from .network import render_html
from .page import escape

__all__ = ["NotebookView", "render_notebook"]


@dataclass(frozen=True)
class NotebookView:
    """A rendered page that Jupyter displays inline in a sandboxed iframe."""

    page: str
    height: int = 640

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{escape(self.page)}" sandbox="allow-scripts" '
            f'style="width:100%;height:{int(self.height)}px;border:1px solid #ddd" '
            'title="instnet network view"></iframe>'
        )


def render_notebook(
    G: nx.DiGraph,
    sizes: Mapping | None = None,
    scores: Mapping | None = None,
    size_label: str | None = None,
    *,
    layout: str = "auto",
    height: int = 640,
) -> NotebookView:
    """Return ``G``'s view as an object Jupyter displays inline.

    The page from :func:`render_html` goes into an iframe's ``srcdoc``
    (sandboxed: scripts run, but with an opaque origin), so nothing is
    written to disk and the notebook's own page is untouched.

    Parameters
    ----------
    G, sizes, scores, size_label, layout
        As for :func:`render_html`.
    height : int
        Height of the iframe in pixels.

    Returns
    -------
    NotebookView
        Its ``_repr_html_`` gives the iframe; ``page`` the full HTML.

    Examples
    --------
    >>> import networkx as nx
    >>> view = render_notebook(nx.DiGraph(title="Empty"))
    >>> view._repr_html_().startswith("<iframe srcdoc=")
    True
    """
    return NotebookView(render_html(G, sizes, scores, size_label, layout=layout), height=height)
