"""Read JSON graphs: node-link JSON (networkx, d3, instnet), Kumu blueprints and
Kumu project exports, and Cytoscape.js JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ._common import ImportFailed, Parsed, instnet_meta, read_bytes

__all__ = ["read_json", "kumu_graph", "slug"]


def slug(text: str) -> str:
    """An id made from a label: lower case, words joined by ``-``.

    >>> slug("Ministry of Finance (MoF)")
    'ministry-of-finance-mof'
    """
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-") or "node"


def _load(path: Path):
    data = read_bytes(path)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ImportFailed(f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8") from exc
    except ValueError as exc:
        raise ImportFailed(f"{path}: not valid JSON: {exc}") from exc


def _node_link(path: Path, data: dict) -> Parsed:
    links = data.get("edges", data.get("links", []))
    if not isinstance(data.get("nodes"), list) or not isinstance(links, list):
        raise ImportFailed(f"{path}: node-link JSON needs a list 'nodes' and a list 'edges' (or 'links')")
    nodes, edges = [], []
    for i, node in enumerate(data["nodes"]):
        if not isinstance(node, dict) or "id" not in node:
            raise ImportFailed(f"{path}: nodes[{i}] has no 'id'")
        nodes.append((str(node["id"]), {k: v for k, v in node.items() if k != "id"}))
    for i, link in enumerate(links):
        if not isinstance(link, dict) or "source" not in link or "target" not in link:
            raise ImportFailed(f"{path}: edges[{i}] needs 'source' and 'target'")
        edges.append(
            (
                str(link["source"]),
                str(link["target"]),
                {k: v for k, v in link.items() if k not in ("source", "target", "key")},
            )
        )
    graph = data.get("graph") if isinstance(data.get("graph"), dict) else {}
    return Parsed(nodes, edges, instnet_meta(graph), [], bool(data.get("directed", True)))


def kumu_graph(path: Path, elements: list[dict], connections: list[dict], meta=None) -> Parsed:
    """Elements and connections as Kumu holds them (labels, ``_id`` or ``ID``) to a Parsed graph."""
    nodes: list[tuple[str, dict]] = []
    by_ref: dict[str, str] = {}
    used: set[str] = set()
    for i, element in enumerate(elements):
        if not isinstance(element, dict):
            raise ImportFailed(f"{path}: element {i + 1} is not an object")
        attrs = dict(element.get("attributes", {})) if isinstance(element.get("attributes"), dict) else {}
        attrs.update({k: v for k, v in element.items() if k != "attributes"})
        label = str(attrs.get("label") or attrs.get("Label") or "").strip()
        given = attrs.pop("ID", None) or attrs.pop("id", None) or attrs.pop("Id", None)
        node_id = str(given).strip() if given not in (None, "") else slug(label or f"element-{i + 1}")
        base, n = node_id, 2
        while node_id in used:
            node_id, n = f"{base}-{n}", n + 1
        used.add(node_id)
        for ref in (attrs.pop("_id", None), label, given):
            if ref not in (None, ""):
                by_ref.setdefault(str(ref).strip(), node_id)
        if not label:
            raise ImportFailed(f"{path}: element {i + 1} has no label")
        nodes.append((node_id, attrs))
    edges, directed = [], True
    for i, connection in enumerate(connections):
        if not isinstance(connection, dict):
            raise ImportFailed(f"{path}: connection {i + 1} is not an object")
        attrs = dict(connection.get("attributes", {})) if isinstance(connection.get("attributes"), dict) else {}
        attrs.update({k: v for k, v in connection.items() if k not in ("attributes", "_id")})
        ends = []
        for end in ("from", "to"):
            ref = str(attrs.pop(end, attrs.pop(end.title(), "")) or "").strip()
            if ref not in by_ref:
                raise ImportFailed(
                    f"{path}: connection {i + 1}: '{end}' {ref!r} names no element (give an element's label or ID)"
                )
            ends.append(by_ref[ref])
        direction = str(attrs.pop("direction", attrs.pop("Direction", "directed")) or "directed").lower()
        directed = directed and direction == "directed"
        edges.append((ends[0], ends[1], attrs))
    notes = [] if directed else ["some connections are undirected or mutual; they are read from 'from' to 'to'"]
    if meta is not None:
        nodes, edges = _instnet_kumu(nodes, edges)
    return Parsed(nodes, edges, meta, notes, True)


def _instnet_kumu(nodes, edges):
    """Undo instnet's Kumu export: ``type`` back to kind and relation, labels without the id suffix."""
    out_nodes = []
    for node_id, attrs in nodes:
        attrs = dict(attrs)
        attrs["kind"] = attrs.pop("type", None)
        attrs.pop("tags", None)
        label = str(attrs.get("label", ""))
        if label.endswith(f" ({node_id})"):
            attrs["label"] = label[: -len(node_id) - 3]
        out_nodes.append((node_id, attrs))
    out_edges = [
        (s, t, {**{k: v for k, v in a.items() if k != "type"}, "relation": a.get("type")}) for s, t, a in edges
    ]
    return out_nodes, out_edges


def _cytoscape(path: Path, data: dict) -> Parsed:
    elements = data["elements"]
    if isinstance(elements, list):  # the flat form: [{"group": "nodes", "data": ...}, ...]
        elements = {
            "nodes": [e for e in elements if "source" not in e.get("data", {})],
            "edges": [e for e in elements if "source" in e.get("data", {})],
        }
    nodes = [
        (str(e["data"]["id"]), {k: v for k, v in e["data"].items() if k != "id"}) for e in elements.get("nodes", [])
    ]
    edges = [
        (
            str(e["data"]["source"]),
            str(e["data"]["target"]),
            {k: v for k, v in e["data"].items() if k not in ("id", "source", "target")},
        )
        for e in elements.get("edges", [])
    ]
    return Parsed(nodes, edges, instnet_meta(data.get("data", {})), [], True)


def read_json(path: Path) -> Parsed:
    """A node-link, Kumu or Cytoscape.js JSON file, told apart by its keys.

    Raises
    ------
    ImportFailed
        For a file that is not JSON or is none of these shapes.
    """
    data = _load(path)
    if not isinstance(data, dict):
        raise ImportFailed(f"{path}: the JSON holds a {type(data).__name__}, not an object with nodes and edges")
    if "nodes" in data:
        return _node_link(path, data)
    elements = data.get("elements")
    cytoscape = isinstance(elements, dict) or (
        isinstance(elements, list) and any(isinstance(e, dict) and "data" in e for e in elements)
    )
    if isinstance(elements, list) and not cytoscape:
        return kumu_graph(path, elements, data.get("connections") or [], instnet_meta(data.get("instnet")))
    if "elements" in data:
        try:
            return _cytoscape(path, data)
        except (KeyError, TypeError, AttributeError) as exc:
            raise ImportFailed(
                f"{path}: Cytoscape.js JSON needs elements with data.id (nodes) and data.source/target (edges)"
            ) from exc
    raise ImportFailed(
        f"{path}: not a graph instnet can read: expected node-link JSON ('nodes' and 'edges'), "
        "a Kumu blueprint ('elements' and 'connections') or Cytoscape.js JSON ('elements')"
    )
