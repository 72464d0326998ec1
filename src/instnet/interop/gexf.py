"""Read GEXF 1.1-1.3 (Gephi, networkx, instnet's own export)."""

from __future__ import annotations

import json
from pathlib import Path

from ._common import ImportFailed, Parsed, instnet_meta, local, parse_xml, read_bytes

__all__ = ["read_gexf"]

_NUMBERS = {
    "integer": int,
    "long": int,
    "short": int,
    "byte": int,
    "biginteger": int,
    "float": float,
    "double": float,
    "bigdecimal": float,
}


def _convert(text: str, kind: str, where: str):
    try:
        if kind in _NUMBERS:
            return _NUMBERS[kind](text.strip())
        if kind == "boolean":
            if text.strip().lower() not in ("true", "false", "1", "0"):
                raise ValueError(text)
            return text.strip().lower() in ("true", "1")
    except ValueError as exc:
        raise ImportFailed(f"{where}: value {text!r} is not of the declared type {kind}") from exc
    return text


def _child(element, name: str):
    return next((c for c in element if local(c.tag) == name), None)


def _attributes(graph) -> dict[str, dict[str, tuple[str, str, object]]]:
    """class -> attribute id -> (title, type, default)."""
    out: dict[str, dict] = {"node": {}, "edge": {}}
    for box in graph:
        if local(box.tag) != "attributes":
            continue
        for attribute in box:
            if local(attribute.tag) == "attribute":
                default = _child(attribute, "default")
                kind = attribute.get("type", "string")
                out.setdefault(box.get("class", "node"), {})[attribute.get("id")] = (
                    attribute.get("title") or attribute.get("id"),
                    kind,
                    None if default is None or default.text is None else _convert(default.text, kind, "default"),
                )
    return out


def _values(path: Path, element, schema, what: str) -> dict:
    attrs = {title: default for title, _, default in schema.values() if default is not None}
    box = _child(element, "attvalues")
    for value in box if box is not None else []:
        key = value.get("for") or value.get("id")
        if key not in schema:
            raise ImportFailed(f"{path}: {what} has a value for attribute {key!r}, which <attributes> does not declare")
        title, kind, _ = schema[key]
        attrs[title] = _convert(value.get("value", ""), kind, f"{path}: {what} attribute {title!r}")
    return attrs


def read_gexf(path: Path) -> Parsed:
    """The nodes, edges and (for an instnet export) metadata of a GEXF file.

    Raises
    ------
    ImportFailed
        For unsafe or malformed XML, a file that is not GEXF, or a value that
        does not fit its declared type.
    """
    root = parse_xml(path, read_bytes(path))
    if local(root.tag) != "gexf":
        raise ImportFailed(f"{path}: not GEXF: the root element is <{local(root.tag)}>, not <gexf>")
    graph = _child(root, "graph")
    if graph is None:
        raise ImportFailed(f"{path}: the GEXF file holds no <graph>")
    meta = None
    meta_element = _child(root, "meta")
    description = _child(meta_element, "description") if meta_element is not None else None
    if description is not None and description.text:
        try:
            meta = instnet_meta(json.loads(description.text).get("instnet"))
        except (ValueError, AttributeError):
            meta = None
    schema = _attributes(graph)
    notes = set()
    if graph.get("mode") == "dynamic":
        notes.add("the graph is dynamic; spells and time attributes are ignored")
    nodes, edges = [], []
    for node in _child(graph, "nodes") if _child(graph, "nodes") is not None else []:
        if local(node.tag) != "node":
            continue
        if node.get("id") is None:
            raise ImportFailed(f"{path}: a <node> has no id")
        attrs = _values(path, node, schema.get("node", {}), f"node {node.get('id')!r}")
        if node.get("label") is not None:
            attrs.setdefault("label", node.get("label"))
        nodes.append((node.get("id"), attrs))
    for edge in _child(graph, "edges") if _child(graph, "edges") is not None else []:
        if local(edge.tag) != "edge":
            continue
        source, target = edge.get("source"), edge.get("target")
        if source is None or target is None:
            raise ImportFailed(f"{path}: an <edge> lacks its source or target")
        attrs = _values(path, edge, schema.get("edge", {}), f"edge {source}->{target}")
        if meta is None:
            for name in ("label", "weight"):
                if edge.get(name) is not None:
                    attrs.setdefault(name, edge.get(name))
        edges.append((source, target, attrs))
    directed = graph.get("defaultedgetype", "undirected") == "directed"
    return Parsed(nodes, edges, meta, sorted(notes), directed)
