"""Read GraphML (yEd, Gephi, Cytoscape, networkx, instnet's own export)."""

from __future__ import annotations

from pathlib import Path

from ._common import ImportFailed, Parsed, instnet_meta, local, parse_xml, read_bytes

__all__ = ["read_graphml"]


def _convert(text: str, kind: str, where: str):
    text = text.strip() if kind != "string" else text
    try:
        if kind in ("int", "long"):
            return int(text)
        if kind in ("float", "double"):
            return float(text)
        if kind == "boolean":
            if text.lower() not in ("true", "false", "1", "0"):
                raise ValueError(text)
            return text.lower() in ("true", "1")
    except ValueError as exc:
        raise ImportFailed(f"{where}: value {text!r} is not of the declared type {kind}") from exc
    return text


def _keys(path: Path, root) -> dict[str, tuple[str, str, str, object]]:
    """key id -> (domain, name, type, default)."""
    keys = {}
    for key in root:
        if local(key.tag) != "key":
            continue
        key_id = key.get("id")
        if not key_id:
            raise ImportFailed(f"{path}: a <key> has no id")
        kind = key.get("attr.type", "string")
        name = key.get("attr.name") or key.get("yfiles.type") or key_id
        default = None
        for child in key:
            if local(child.tag) == "default" and child.text is not None:
                default = _convert(child.text, kind, f"{path}: default of key {key_id!r}")
        keys[key_id] = (key.get("for", "all"), name, kind, None if key.get("yfiles.type") else default)
    return keys


def _data(path: Path, element, keys, domain: str, notes: set) -> dict:
    attrs = {
        name: default for kid, (dom, name, _, default) in keys.items() if dom in (domain, "all") and default is not None
    }
    for child in element:
        if local(child.tag) != "data":
            continue
        key = keys.get(child.get("key", ""))
        if key is None:
            raise ImportFailed(f"{path}: <data key={child.get('key')!r}> refers to no <key>")
        if len(child):  # yEd graphics and other nested markup: not data instnet can hold
            notes.add(f"attribute {key[1]!r} holds markup (drawing data) and is ignored")
            continue
        attrs[key[1]] = _convert(child.text or "", key[2], f"{path}: {domain} attribute {key[1]!r}")
    return attrs


def read_graphml(path: Path) -> Parsed:
    """The nodes, edges and (for an instnet export) metadata of a GraphML file.

    Raises
    ------
    ImportFailed
        For unsafe or malformed XML, a file that is not GraphML, or a value
        that does not fit its declared type.
    """
    root = parse_xml(path, read_bytes(path))
    if local(root.tag) != "graphml":
        raise ImportFailed(f"{path}: not GraphML: the root element is <{local(root.tag)}>, not <graphml>")
    keys = _keys(path, root)
    graphs = [g for g in root if local(g.tag) == "graph"]
    if not graphs:
        raise ImportFailed(f"{path}: the GraphML file holds no <graph>")
    graph = graphs[0]
    notes: set = set()
    if len(graphs) > 1:
        notes.add(f"the file holds {len(graphs)} graphs; only the first is imported")
    graph_attrs = _data(path, graph, keys, "graph", notes)
    nodes, edges = [], []
    for element in graph:
        tag = local(element.tag)
        if tag == "node":
            if element.get("id") is None:
                raise ImportFailed(f"{path}: a <node> has no id")
            if any(local(c.tag) == "graph" for c in element):
                notes.add("nested graphs inside nodes are ignored")
            nodes.append((element.get("id"), _data(path, element, keys, "node", notes)))
        elif tag == "edge":
            source, target = element.get("source"), element.get("target")
            if source is None or target is None:
                raise ImportFailed(f"{path}: an <edge> lacks its source or target")
            edges.append((source, target, _data(path, element, keys, "edge", notes)))
        elif tag == "hyperedge":
            notes.add("hyperedges are ignored")
    directed = graph.get("edgedefault", "directed") == "directed"
    meta = instnet_meta(graph_attrs)
    if meta is None:
        notes.update(f"graph attribute {k!r} ignored" for k in graph_attrs)
    return Parsed(nodes, edges, meta, sorted(notes), directed)
