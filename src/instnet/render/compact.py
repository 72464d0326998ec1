"""What a network page's JSON leaves out because ``static/network.js`` rebuilds it from the rest of the data.

- The vis-network options every network page shares are the script's
  ``SHARED`` (:data:`SHARED_OPTIONS`); a page keeps what differs and its
  groups as ``[shape, fill]`` (:func:`page_options`).
- A tooltip's first lines: an institution's name (the page's ``find.names``),
  its kind-and-role line (each distinct one once, ``kindLines``) and its
  ``id: KEY`` line (the record's ``key``); a tie's ``FROM → relation → TO``
  (the names and ``relationNames``). A head that the script would not
  rebuild exactly stays in the record (``head``).
- A drawn label equal to the institution's name (``find.names``).
- A tooltip's source line whose citation the page's list of sources shows
  (``#sources``, each citation in a ``<span>``): ``[position, prefix]``
  (:func:`source_lines`).

The whole records are what :func:`instnet.render.network.view_records`
gives; tests/test_weight.py checks the browser's against them.
"""

from __future__ import annotations

from ..layout.nodes import LABEL_MAX_WIDTH
from .page import text
from .styles import FONT, kind_style, still_options

__all__ = ["SHARED_OPTIONS", "compact_records", "page_options", "source_lines"]

_BIG = 1000  # nodes: above this, lighter interaction
_ARROW = " \u2192 "


def _options(n_nodes: int, groups: dict) -> dict:
    """The whole vis-network options of a network view (what ``static/network.js`` hands vis-network)."""
    big = n_nodes > _BIG
    return {
        **still_options(),
        "interaction": {
            "hover": not big,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": {"enabled": False},
            "multiselect": False,
        },
        "nodes": {
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "font": {
                "size": 14,
                "face": FONT,
                "color": "#222222",
                "strokeWidth": 0,
                "background": "rgba(255,255,255,0.82)",
            },
            "widthConstraint": {"maximum": LABEL_MAX_WIDTH},
            # Labels smaller than 7 px on screen are not drawn (zoom in to read).
            "scaling": {"label": {"enabled": False, "drawThreshold": 8}},
        },
        "edges": {
            "smooth": False,
            "selectionWidth": 1.5,
            "hoverWidth": 0.8,
            "font": {"size": 13, "face": FONT, "color": "#333333", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "groups": groups,
    }


#: The options every network page shares: ``static/network.js`` holds them (its ``SHARED``), a page's JSON
#: only what differs from them (see :func:`page_options`).
SHARED_OPTIONS = {k: v for k, v in _options(0, {}).items() if k != "groups"}


def _differs(value, shared):
    """What of ``value`` differs from ``shared`` (nested dicts compared key by key), or None when nothing does."""
    if isinstance(value, dict) and isinstance(shared, dict):
        out = {}
        for key, item in value.items():
            delta = _differs(item, shared[key]) if key in shared else item
            if delta is not None:
                out[key] = delta
        return out or None
    return None if value == shared else value


def page_options(n_nodes: int, kinds) -> dict:
    """The ``options`` a network page's JSON carries: what differs from :data:`SHARED_OPTIONS`, groups compact.

    Each group (one per kind) is ``[shape, fill]``; ``static/network.js``
    gives it its colours back as :func:`_groups` writes them, so vis-network
    receives :func:`_options` whole.

    Examples
    --------
    >>> page_options(10, ["ministry"])
    {'groups': {'ministry': ['square', '#1f77b4']}}
    >>> page_options(5000, [])["interaction"]
    {'hover': False, 'hideEdgesOnDrag': True, 'hideEdgesOnZoom': True}
    """
    full = _options(n_nodes, {})
    full.pop("groups")
    out = _differs(full, SHARED_OPTIONS) or {}
    out["groups"] = {text(kind): list(kind_style(kind)) for kind in kinds}
    return out


def compact_records(nodes: list[dict], edges: list[dict], names: list[str]) -> dict:
    """The node and edge records without what the script rebuilds, and the tables it rebuilds them from.

    Parameters
    ----------
    nodes, edges : list of dict
        The page's records (tooltips without their source line; a tie's
        without its relation line, see :mod:`instnet.render.network`).
    names : list of str
        Each institution's full name, by record id (the page's ``find.names``).

    Returns
    -------
    dict
        ``nodes``, ``edges`` (new records), ``kindLines`` and ``relationNames``.

    Examples
    --------
    >>> nodes = [{"id": 0, "key": "pm", "label": "PM", "title": "PM\\nHead of government\\nid: pm"},
    ...          {"id": 1, "key": "mof", "label": "MOF", "title": "MOF\\nMinistry\\nid: mof\\nYears: from 1948"}]
    >>> edges = [{"id": 0, "from": 0, "to": 1, "rel": "directs", "title": "PM \u2192 directs \u2192 MOF"}]
    >>> out = compact_records(nodes, edges, ["PM", "MOF"])
    >>> out["nodes"][1], out["edges"][0], out["relationNames"]
    ({'id': 1, 'key': 'mof', 'kl': 1, 'title': 'Years: from 1948'}, {'id': 0, 'from': 0, 'to': 1, 'rel': 'directs'}, {'directs': 'directs'})
    """
    kind_lines: dict[str, int] = {}
    out_nodes = []
    for n in nodes:
        record = {k: v for k, v in n.items() if k not in ("title", "label")}
        if n["label"] != names[n["id"]]:
            record["label"] = n["label"]
        lines = n["title"].split("\n")
        if len(lines) >= 3 and lines[0] == names[n["id"]] and lines[2] == "id: " + n["key"]:
            record["kl"] = kind_lines.setdefault(lines[1], len(kind_lines))
            rest = "\n".join(lines[3:])
            if rest:
                record["title"] = rest
        else:
            record["title"] = n["title"]
            record["whole"] = True
        out_nodes.append(record)
    relation_names: dict[str, str] = {}
    out_edges = []
    for e in edges:
        record = {k: v for k, v in e.items() if k != "title"}
        head, _, rest = e["title"].partition("\n")
        start, end = names[e["from"]] + _ARROW, _ARROW + names[e["to"]]
        if head.startswith(start) and head.endswith(end) and len(head) >= len(start) + len(end):
            name = relation_names.setdefault(e["rel"], head[len(start) : len(head) - len(end)])
            if head != start + name + end:
                record["head"] = head
        else:
            record["head"] = head
        if rest:
            record["title"] = rest
        out_edges.append(record)
    return {
        "nodes": out_nodes,
        "edges": out_edges,
        "kindLines": list(kind_lines),
        "relationNames": relation_names,
    }


def source_lines(lines: list[str], listed: list[dict]) -> tuple[list, list[str]]:
    """The tooltips' source lines, each one the list of sources shows as ``[position, prefix index]``.

    Parameters
    ----------
    lines : list of str
        Each distinct source line (``Source: CITATION``, see :func:`instnet.render.tooltips.citation`).
    listed : list of dict
        The page's list of sources in order (``citation`` as ``tables.html`` shows it).

    Returns
    -------
    tuple
        The lines (a line no listed citation ends stays text) and the prefixes.

    Examples
    --------
    >>> source_lines(["Source: Kim 2011", "Source: [x]"], [{"citation": "Kim 2011"}])
    ([[0, 0], 'Source: [x]'], ['Source: '])
    """
    where = {ref["citation"]: i for i, ref in reversed(list(enumerate(listed))) if "\r" not in ref["citation"]}
    prefixes: dict[str, int] = {}
    out: list = []
    for line in lines:
        head, sep, cited = line.partition(": ")
        if sep and cited in where:
            out.append([where[cited], prefixes.setdefault(head + sep, len(prefixes))])
        else:
            out.append(line)
    return out, list(prefixes)
