"""A network as a ``pyvis.network.Network``: instnet's positions, shapes, colours and tooltips, for pyvis's controls."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING

import networkx as nx

from ..layout import layout_positions
from ..layout.nodes import sort_key
from ..model import NODE_KINDS, RELATIONS
from .network import _groups, _kind, _relation_styles, _size_texts, _sizes_px, view_records
from .styles import vocabulary_order
from .tooltips import mostly_external

if TYPE_CHECKING:
    from pyvis.network import Network

__all__ = ["to_pyvis", "pyvis_title"]


def pyvis_title(title: str, as_html: bool) -> str:
    """A tooltip as pyvis gets it: the plain text, or (``as_html``) that text escaped, line breaks as ``<br>``.

    Examples
    --------
    >>> pyvis_title("A & B\\n<i>", False)
    'A & B\\n<i>'
    >>> pyvis_title("A & B\\n<i>", True)
    'A &amp; B<br>&lt;i&gt;'
    """
    if not as_html:
        return title
    return "<br>".join(html.escape(line, quote=True) for line in title.split("\n"))


def _node_records(G, sizes, layout) -> tuple[list[dict], list[dict], dict]:
    """The node and edge records of instnet's view of ``G``, and its vis-network groups."""
    order = sorted(G.nodes, key=sort_key)
    index = {n: i for i, n in enumerate(order)}
    radii, values = _sizes_px(G, order, sizes)
    size_name, _ = _size_texts(sizes, None)
    positions = layout_positions(G, radii, layout=layout)
    flip = mostly_external(G)
    nodes, edges = view_records(G, order, index, positions, radii, values, size_name, flip)
    kinds = vocabulary_order({_kind(G.nodes[n]): None for n in order}, NODE_KINDS)
    return nodes, edges, _groups(kinds)


def to_pyvis(
    G: nx.DiGraph,
    sizes: Mapping | None = None,
    *,
    layout: str = "auto",
    height: str = "720px",
    cdn_resources: str = "in_line",
) -> Network:
    """Return ``G`` as a ``pyvis.network.Network`` drawn as instnet draws it.

    Every node gets instnet's position (``x``, ``y``, with physics off, so
    nothing moves), its kind's shape and colour from
    :mod:`instnet.render.styles`, instnet's size and label (with the source
    mark), and instnet's tooltip; every tie its relation's colour, its axis's
    dashes and width, its arrow head and tooltip. The graph is not changed
    (unlike pyvis's ``from_nx``). Use pyvis's own controls on the result
    (``show_buttons``, ``neighborhood_highlight``, ...) and write it with
    ``generate_html()`` as UTF-8 yourself.

    **Tooltips and unescaped text.** pyvis 0.3.2 hands a node's or tie's
    ``title`` to vis-network, which shows a string through ``innerText``:
    the text is shown as it is, so escaping it would make users read
    ``&amp;``. But when any node's title contains the substring ``href``,
    pyvis's template swaps vis-network's tooltip for its own popup filled
    with ``innerHTML``: the titles are then inserted as HTML, and markup in
    the data (an ``<img onerror=...>`` in a label) would run. ``to_pyvis``
    therefore passes the plain text of instnet's tooltips, and in that one
    case passes every node title HTML-escaped, with line breaks as
    ``<br>``, so the popup shows the same text and runs nothing
    (:func:`pyvis_title`). Labels are drawn on the canvas and are never
    markup. The ``heading`` and ``select_menu`` of pyvis are inserted raw:
    ``to_pyvis`` sets neither; do not put data in them.

    Parameters
    ----------
    G : networkx.DiGraph
        A loaded network.
    sizes : mapping, optional
        Node -> number for node size, as for :func:`instnet.render_html`.
        Default: degree.
    layout : {"auto", "hierarchical", "force"}
        Passed to :func:`instnet.layout.layout_positions`.
    height : str
        The canvas height pyvis writes.
    cdn_resources : {"in_line", "remote", "local"}
        pyvis's choice of where vis-network comes from; ``"in_line"`` (the
        default here) is the one that draws offline (pyvis still links
        Bootstrap from a CDN); ``"local"`` writes a ``lib/`` folder into the
        current directory when the page is written.

    Returns
    -------
    pyvis.network.Network
        A directed network whose node ids are instnet's drawing ids
        (``0..n-1`` in node order); each node's ``key`` is its id in ``G``.

    Raises
    ------
    ValueError
        If ``layout`` is not one of the choices.

    Examples
    --------
    >>> from instnet import load_network
    >>> net = to_pyvis(load_network("model-councils"))
    >>> net.options.physics.enabled, len(net.nodes) == 5
    (False, True)
    """
    from pyvis.network import Network

    nodes, edges, groups = _node_records(G, sizes, layout)
    as_html = any("href" in n["title"] for n in nodes)
    net = Network(height=height, width="100%", directed=True, cdn_resources=cdn_resources)
    net.toggle_physics(False)
    for node in nodes:
        group = groups[node["group"]]
        extra = {k: node[k] for k in ("shapeProperties", "borderWidth") if k in node}
        net.add_node(
            node["id"],
            label=node["label"],
            shape=group["shape"],
            color=group["color"],
            title=pyvis_title(node["title"], as_html),
            x=node["x"],
            y=node["y"],
            size=node["size"],
            key=node["key"],
            kind=node["group"],
            **extra,
        )
    styles = _relation_styles(vocabulary_order({e["rel"]: None for e in edges}, RELATIONS))
    for edge in edges:
        style = styles[edge["rel"]]
        head = style["head"]
        curve = edge.get("curve")
        net.add_edge(
            edge["from"],
            edge["to"],
            title=edge["title"],
            color={"color": style["color"], "highlight": style["color"], "hover": style["color"]},
            dashes=style["dashes"],
            width=style["width"],
            arrows={"to": {"enabled": head is not None, "type": head or "arrow", "scaleFactor": 0.7}},
            smooth={"enabled": True, "type": curve[0], "roundness": curve[1]} if curve else {"enabled": False},
            relation=edge["rel"],
            **({"label": edge["mark"]} if "mark" in edge else {}),
        )
    return net
