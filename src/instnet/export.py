"""Export a network for other tools: GraphML and GEXF (Gephi, Cytoscape, yEd),
node-link JSON, a Kumu JSON blueprint, Cytoscape.js JSON and the metric tables
as CSV. Pure: graph in, file contents out.

Every export is portable: no local path is written (the graph attribute
``path`` is left out), and the same network gives the same bytes on any
machine (no date, no tool version, attributes in a fixed order). CSV files
start with a UTF-8 byte-order mark so that Excel on Windows reads non-ASCII
text ("Thủ tướng") right; pandas, LibreOffice and Google Sheets skip it.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping

import networkx as nx

from .model import CONTROL_CHARACTERS, EDGE_COLUMNS, NODE_COLUMNS, RELATIONS

__all__ = [
    "EXPORT_FORMATS",
    "LOCAL_KEYS",
    "GRAPH_KEYS",
    "GRAPHML_NS",
    "GEXF_NS",
    "portable_graph",
    "graph_metadata",
    "export_files",
    "zip_files",
]

EXPORT_FORMATS = ("graphml", "gexf", "json", "csv", "kumu", "cytoscape")
LOCAL_KEYS = frozenset({"path"})
"""Graph attributes that describe this machine, not the network: never exported."""
GRAPH_KEYS = ("id", "title", "country", "era", "start", "end", "summary", "idealized", "references", "columns")
"""The network's metadata, in the order the exports write it."""
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GEXF_NS = "http://www.gexf.net/1.2"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_BOM = "\ufeff"


def graph_metadata(G: nx.DiGraph) -> dict:
    """The network's metadata without local keys, in :data:`GRAPH_KEYS` order.

    Examples
    --------
    >>> G = nx.DiGraph(id="x-2020", path="/home/me/x-2020", title="X")
    >>> graph_metadata(G)
    {'id': 'x-2020', 'title': 'X'}
    """
    keys = [k for k in GRAPH_KEYS if k in G.graph] + sorted(k for k in G.graph if k not in GRAPH_KEYS)
    return {k: G.graph[k] for k in keys if k not in LOCAL_KEYS and G.graph[k] is not None}


def portable_graph(G: nx.DiGraph) -> nx.DiGraph:
    """A copy of ``G`` that GraphML and GEXF can hold without loss.

    Empty (``None``) attributes are left out, as both formats mean "missing"
    by an absent value; nested graph metadata (``references``, ``columns``)
    becomes a JSON string; local keys (``path``) are dropped. Reading a
    GraphML export back with networkx gives this graph.
    """
    H = nx.DiGraph()
    for key, value in graph_metadata(G).items():
        H.graph[key] = (
            json.dumps(value, sort_keys=True, ensure_ascii=False) if isinstance(value, (dict, list)) else value
        )
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: v for k, v in data.items() if v is not None})
    for u, v, data in G.edges(data=True):
        H.add_edge(u, v, **{k: val for k, val in data.items() if val is not None})
    return H


def _ordered(names, known) -> list[str]:
    """Attribute names: the format's columns in their order, then the rest sorted."""
    names = set(names)
    return [c for c in known if c in names] + sorted(names - set(known))


def _kind_of(values) -> str:
    """One type for an attribute: 'boolean', 'int', 'double' or 'string'."""
    values = [v for v in values if v is not None]
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    if values and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _schema(items, known) -> list[tuple[str, str]]:
    """(name, type) of every attribute carried by some item, in a fixed order."""
    names = _ordered({k for data in items for k, v in data.items() if v is not None}, known)
    return [(name, _kind_of(data.get(name) for data in items)) for name in names]


def _escape_text(text: str) -> str:
    """Text of an element, escaped as ElementTree escapes it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(value: str) -> str:
    """An attribute's value, escaped as ElementTree escapes it (quotes and the three kinds of line break too)."""
    value = _escape_text(value).replace('"', "&quot;")
    return value.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")


def _element(
    tag: str, attrs: Mapping[str, str] | None = None, children: list[str] | None = None, text: str | None = None
) -> str:
    """One element as text, as ``ElementTree.indent(space="")`` and ``tostring`` write it: each child on a line.

    Children are the elements' texts; an element with neither children nor text is written empty (``<tag />``).
    Attributes keep their order. Writing the text directly takes a third of the time of building a tree and
    serializing it, the same bytes (checked against ElementTree in ``tests/test_export.py``).
    """
    head = "".join(f' {k}="{_escape_attribute(v)}"' for k, v in attrs.items()) if attrs else ""
    if children:
        return f"<{tag}{head}>\n" + "\n".join(children) + f"\n</{tag}>"
    if text:
        return f"<{tag}{head}>{_escape_text(text)}</{tag}>"
    return f"<{tag}{head} />"


def _xml_bytes(root: str) -> bytes:
    """The document (:func:`_element`), one element a line and no indentation (a quarter lighter than indented).

    Without the characters XML 1.0 cannot carry (:data:`instnet.model.CONTROL_CHARACTERS`), which a cell pasted
    from a PDF may hold (the reader warns on its row and keeps the text as it is) and a graph made in Python too.
    No markup holds one, so one pass over the document removes them from every text and attribute value.
    """
    if CONTROL_CHARACTERS.search(root):
        root = CONTROL_CHARACTERS.sub("", root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + root.encode("utf-8", "xmlcharrefreplace") + b"\n"


def _graphml(G: nx.DiGraph) -> bytes:
    H = portable_graph(G)
    domains = {
        "graph": [(k, _kind_of([v])) for k, v in H.graph.items()],
        "node": _schema([d for _, d in H.nodes(data=True)], NODE_COLUMNS),
        "edge": _schema([d for _, _, d in H.edges(data=True)], EDGE_COLUMNS),
    }
    ids: dict[tuple[str, str], str] = {}
    children = []
    for domain, schema in domains.items():
        for name, kind in schema:
            ids[domain, name] = key_id = f"{domain[0]}_{name}"
            children.append(_element("key", {"id": key_id, "for": domain, "attr.name": name, "attr.type": kind}))

    def data(domain, attrs) -> list[str]:
        return [
            _element("data", {"key": ids[domain, name]}, text=_text(attrs[name]))
            for name, _ in domains[domain]
            if attrs.get(name) is not None
        ]

    items = data("graph", H.graph)
    items += [_element("node", {"id": str(node)}, data("node", attrs)) for node, attrs in H.nodes(data=True)]
    items += [
        _element("edge", {"source": str(u), "target": str(v)}, data("edge", attrs))
        for u, v, attrs in H.edges(data=True)
    ]
    children.append(_element("graph", {"id": str(H.graph.get("id", "network")), "edgedefault": "directed"}, items))
    root = {
        "xmlns": GRAPHML_NS,
        "xmlns:xsi": _XSI,
        "xsi:schemaLocation": f"{GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
    }
    return _xml_bytes(_element("graphml", root, children))


_GEXF_TYPES = {"boolean": "boolean", "int": "integer", "double": "double", "string": "string"}


def _gexf(G: nx.DiGraph) -> bytes:
    """GEXF 1.2: typed node and edge attributes; the metadata as JSON in ``<description>``.

    GEXF has no graph attributes, so the network's metadata (title, era,
    references ...) travels as ``{"instnet": {...}}`` in ``<meta><description>``,
    which ``instnet import`` reads back.
    """
    H = portable_graph(G)
    description = json.dumps({"instnet": graph_metadata(G)}, ensure_ascii=False, sort_keys=True)
    meta = _element(
        "meta", None, [_element("creator", None, text="instnet"), _element("description", None, text=description)]
    )
    node_schema = [(n, k) for n, k in _schema([d for _, d in H.nodes(data=True)], NODE_COLUMNS) if n != "label"]
    edge_schema = _schema([d for _, _, d in H.edges(data=True)], EDGE_COLUMNS)
    graph = [
        _element(
            "attributes",
            {"class": cls, "mode": "static"},
            [_element("attribute", {"id": name, "title": name, "type": _GEXF_TYPES[kind]}) for name, kind in schema],
        )
        for cls, schema in (("node", node_schema), ("edge", edge_schema))
    ]

    def attvalues(schema, attrs) -> list[str]:
        present = [(n, attrs[n]) for n, _ in schema if attrs.get(n) is not None]
        if not present:
            return []
        return [_element("attvalues", None, [_element("attvalue", {"for": n, "value": _text(v)}) for n, v in present])]

    nodes = [
        _element("node", {"id": str(node), "label": str(attrs.get("label", node))}, attvalues(node_schema, attrs))
        for node, attrs in H.nodes(data=True)
    ]
    graph.append(_element("nodes", {"count": str(H.number_of_nodes())}, nodes))
    edges = []
    for i, (u, v, attrs) in enumerate(H.edges(data=True)):
        element = {"id": str(i), "source": str(u), "target": str(v)}
        if attrs.get("relation"):
            element["label"] = str(attrs["relation"])
        edges.append(_element("edge", element, attvalues(edge_schema, attrs)))
    graph.append(_element("edges", {"count": str(H.number_of_edges())}, edges))
    root = {
        "xmlns": GEXF_NS,
        "xmlns:xsi": _XSI,
        "version": "1.2",
        "xsi:schemaLocation": f"{GEXF_NS} http://www.gexf.net/1.2/gexf.xsd",
    }
    body = _element("graph", {"defaultedgetype": "directed", "mode": "static"}, graph)
    return _xml_bytes(_element("gexf", root, [meta, body]))


def _dumps(data) -> bytes:
    """Compact JSON (no indentation, no space after separators), keys sorted, one final newline."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def _json(G: nx.DiGraph) -> bytes:
    data = nx.node_link_data(G, edges="edges")
    data["graph"] = {k: v for k, v in G.graph.items() if k not in LOCAL_KEYS}
    return _dumps(data)


def _kumu(G: nx.DiGraph) -> bytes:
    """A Kumu blueprint: ``elements`` by label, ``connections`` from label to label.

    Kumu matches connections to elements by label, so two institutions with
    the same label are told apart by their id in brackets. Every instnet
    column travels as a field; the metadata under ``instnet``.
    """
    seen: dict[str, int] = {}
    for _, attrs in G.nodes(data=True):
        seen[str(attrs.get("label") or "")] = seen.get(str(attrs.get("label") or ""), 0) + 1
    names = {}
    for node, attrs in G.nodes(data=True):
        label = str(attrs.get("label") or node)
        names[node] = label if seen.get(label, 0) == 1 else f"{label} ({node})"
    elements = []
    for node, attrs in G.nodes(data=True):
        element = {"label": names[node], "ID": str(node), "type": attrs.get("kind")}
        if attrs.get("description"):
            element["description"] = attrs["description"]
        if attrs.get("role"):
            element["tags"] = [attrs["role"]]
        element.update(
            {k: v for k, v in attrs.items() if k not in ("label", "kind", "description", "external") and v is not None}
        )
        elements.append(element)
    connections = []
    for u, v, attrs in G.edges(data=True):
        relation = RELATIONS.get(attrs.get("relation") or "")
        connection = {
            "from": names[u],
            "to": names[v],
            "type": attrs.get("relation"),
            "direction": "mutual" if relation is not None and relation.symmetric else "directed",
        }
        connection.update({k: val for k, val in attrs.items() if k not in ("relation", "external") and val is not None})
        connections.append(connection)
    return _dumps({"elements": elements, "connections": connections, "instnet": graph_metadata(G)})


def _cytoscape(G: nx.DiGraph) -> bytes:
    """Cytoscape.js JSON (``cy.json()``; Cytoscape desktop opens it as .cyjs)."""
    nodes = [{"data": {"id": str(n), **{k: v for k, v in d.items() if v is not None}}} for n, d in G.nodes(data=True)]
    edges = [
        {
            "data": {
                "id": f"e{i}",
                "source": str(u),
                "target": str(v),
                **{k: val for k, val in d.items() if val is not None},
            }
        }
        for i, (u, v, d) in enumerate(G.edges(data=True))
    ]
    data = {
        "format_version": "1.0",
        "generated_by": "instnet",
        "target_cytoscapejs_version": "~2.1",
        "data": graph_metadata(G),
        "elements": {"nodes": nodes, "edges": edges},
    }
    return _dumps(data)


def _csv_bytes(text: str) -> bytes:
    return (_BOM + text).encode("utf-8")


def _csv(G: nx.DiGraph) -> dict[str, bytes]:
    from .metrics import graph_table, node_table

    network_id = G.graph.get("id", "network")
    graph = graph_table(G)
    graph_csv = (
        graph.to_frame("value").to_csv(lineterminator="\n")
        if hasattr(graph, "to_frame")
        else graph.to_csv(lineterminator="\n")
    )
    return {
        f"{network_id}-node-metrics.csv": _csv_bytes(node_table(G).to_csv(lineterminator="\n")),
        f"{network_id}-graph-metrics.csv": _csv_bytes(graph_csv),
    }


_SINGLE = {
    "graphml": (_graphml, "graphml"),
    "gexf": (_gexf, "gexf"),
    "json": (_json, "json"),
    "kumu": (_kumu, "kumu.json"),
    "cytoscape": (_cytoscape, "cyjs"),
}


def export_files(G: nx.DiGraph, fmt: str) -> dict[str, bytes]:
    """File name -> content of the export of ``G`` in ``fmt``.

    Parameters
    ----------
    G : networkx.DiGraph
        A network from ``instnet.load.load_network``.
    fmt : {"graphml", "gexf", "json", "csv", "kumu", "cytoscape"}
        ``graphml`` (GraphML 1.0) and ``gexf`` (GEXF 1.2) with typed
        attributes, for Gephi, Cytoscape and yEd; ``json``, node-link JSON
        (networkx); ``kumu``, a Kumu JSON blueprint (``ID.kumu.json``);
        ``cytoscape``, Cytoscape.js JSON (``ID.cyjs``); ``csv`` gives two
        files, the node metric table and the graph measures, each with a
        UTF-8 byte-order mark for Excel.

    Returns
    -------
    dict
        File name (named after the network id) to bytes; no local path in
        any of them, and the same bytes for the same network on any machine.

    Raises
    ------
    ValueError
        For an unknown format.

    Examples
    --------
    >>> G = nx.DiGraph(id="x-2020", path="/home/me/x-2020"); G.add_edge("a", "b", relation="directs")
    >>> sorted(export_files(G, "json"))
    ['x-2020.json']
    >>> b"/home/me" in export_files(G, "graphml")["x-2020.graphml"]
    False
    """
    network_id = G.graph.get("id", "network")
    if fmt in _SINGLE:
        writer, suffix = _SINGLE[fmt]
        return {f"{network_id}.{suffix}": writer(G)}
    if fmt == "csv":
        return _csv(G)
    raise ValueError(f"unknown export format '{fmt}'; choose one of {', '.join(EXPORT_FORMATS)}")


def zip_files(files: Mapping[str, bytes], folder: str) -> bytes:
    """One zip archive of ``files`` in a folder ``folder``: the same files give the same bytes.

    Names are sorted, every entry is dated 1980-01-01 (the format's first
    day) with mode 0644, and compressed with deflate at level 9.

    Parameters
    ----------
    files : mapping
        File name -> content.
    folder : str
        The folder the archive unpacks into (the network id).

    Returns
    -------
    bytes
        The archive.

    Examples
    --------
    >>> data = zip_files({"b.txt": b"b", "a.txt": b"a"}, "x-2020")
    >>> zipfile.ZipFile(io.BytesIO(data)).namelist()
    ['x-2020/a.txt', 'x-2020/b.txt']
    >>> data == zip_files({"a.txt": b"a", "b.txt": b"b"}, "x-2020")
    True
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()
