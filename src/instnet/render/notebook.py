"""The notebook view: a network's page shown inline in Jupyter, in a sandboxed iframe, with a plain-text fallback.

What each front end does with it (checked against their documentation and
issue trackers, and by executing a notebook and opening its HTML export in
Chromium in ``tests/test_notebook.py``):

- Jupyter Notebook and JupyterLab show the ``text/html`` of an output the
  user produced (a trusted output) as it is; an ``<iframe srcdoc>`` with
  ``sandbox="allow-scripts"`` runs the page's scripts with an opaque origin,
  so the page can neither read the notebook nor be broken by its styles.
  An output of a notebook opened untrusted is sanitized (the iframe is
  dropped): the ``text/plain`` summary is what is left.
- VS Code renders outputs in its own webview, where an iframe with ``src``
  pointing at a file fails (no server); ``srcdoc`` needs no URL, so the page
  draws there as well.
- nbconvert's HTML export keeps the iframe; GitHub, ``nbconvert --to
  markdown`` and terminals show the ``text/plain`` summary.
- Printing: the iframe has a fixed height (no resizing script from the
  outside), and the page inside carries a print style sheet: the drawing
  keeps its proportions (``object-fit: contain`` on vis-network's canvas
  when the print width differs; a print handler in ``static/network.js``
  refits it to the printed box), the legend goes under it in columns, and
  the table bar and controls are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx
from markupsafe import Markup

from .network import render_html
from .page import escape, text
from .tables import structure_sentences

__all__ = ["NotebookView", "render_notebook", "PRINT_CSS"]

#: The print rules added to the page inside the iframe: an undistorted drawing over the whole width, the
#: legend in columns under it, no table bar, no controls.
#: (The full page's print rules lay the story out step by step; in a box of fixed height it would push the
#: drawing out, so the notebook's print leaves the story out, as it leaves out the controls.)
PRINT_CSS = (
    "@media print{html,body{height:var(--frame-height);overflow:hidden}#network canvas{object-fit:contain}#text-alt{display:none!important}"
    "header details,header .layer-toggle,.timeline,.story-start,#story{display:none!important}"
    "main{flex:1 1 0%!important;flex-direction:column;overflow:hidden}#network{min-height:0;overflow:hidden;display:block!important;flex:1 1 auto}"
    "#print-snapshot,.downloads,#find{display:none!important}#legend{width:auto;flex:none;max-height:42%;overflow:hidden;border-left:none;"
    "border-top:1px solid #ddd;column-count:3;column-gap:14px;font-size:10px;padding:2px 8px}"
    "#legend h2{display:none}#legend h3,#legend h4{font-size:10px;margin:2px 0;break-after:avoid}}"
)


@dataclass(frozen=True)
class NotebookView:
    """A rendered page that Jupyter displays inline in a sandboxed iframe, with a plain-text summary."""

    page: str
    height: int = 640
    summary: str = ""

    def _srcdoc(self) -> str:
        # the frame's height, which a printed frame's 100% does not resolve to
        style = f"<style>:root{{--frame-height:{int(self.height)}px}}{PRINT_CSS}</style>"
        return self.page.replace("</head>", style + "</head>", 1) if "</head>" in self.page else style + self.page

    def _repr_html_(self) -> str:
        return str(
            Markup(
                '<iframe srcdoc="{page}" sandbox="allow-scripts" loading="eager" '
                'style="display:block;width:100%;height:{height}px;border:1px solid #ddd;break-inside:avoid" '
                'title="instnet network view"></iframe>'
            ).format(page=escape(self._srcdoc()), height=int(self.height))
        )

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict[str, str]:
        """``text/html`` (the iframe) and ``text/plain`` (the summary) for front ends that cannot show HTML."""
        return {"text/html": self._repr_html_(), "text/plain": self.summary or "instnet network view"}

    def __repr__(self) -> str:
        return self.summary or "NotebookView()"


def _summary(G: nx.DiGraph) -> str:
    title = text(G.graph.get("title")) or text(G.graph.get("id")) or "Untitled network"
    return "\n".join([title, *structure_sentences(G)])


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
    written to disk and the notebook's own page is untouched. Front ends
    that show no HTML get the title and the structure in sentences
    (``text/plain``).

    Parameters
    ----------
    G, sizes, scores, size_label, layout
        As for :func:`render_html`.
    height : int
        Height of the iframe in pixels (fixed: it prints at that height).

    Returns
    -------
    NotebookView
        Its ``_repr_mimebundle_`` gives the iframe and the summary; ``page`` the full HTML.

    Examples
    --------
    >>> import networkx as nx
    >>> view = render_notebook(nx.DiGraph(title="Empty"))
    >>> view._repr_html_().startswith("<iframe srcdoc=")
    True
    >>> print(view._repr_mimebundle_()["text/plain"])
    Empty
    A network of 0 institutions and 0 ties.
    """
    page = render_html(G, sizes, scores, size_label, layout=layout)
    return NotebookView(page, height=height, summary=_summary(G))
