"""Export a network for other tools: GraphML and GEXF (Gephi, Cytoscape),
node-link JSON, and the metric tables as CSV. Pure: graph in, file contents out.
"""

from __future__ import annotations

import io
import json

import networkx as nx

__all__ = ["EXPORT_FORMATS", "portable_graph", "export_files"]

EXPORT_FORMATS = ("graphml", "gexf", "json", "csv")


def portable_graph(G: nx.DiGraph) -> nx.DiGraph:
    """A copy of ``G`` that GraphML and GEXF can hold without loss.

    Empty (``None``) attributes are left out, as both formats mean "missing"
    by an absent value; nested graph metadata (``references``, ``columns``)
    becomes a JSON string. Reading an export back gives this graph.
    """
    H = nx.DiGraph()
    for key, value in G.graph.items():
        if value is None:
            continue
        H.graph[key] = json.dumps(value, sort_keys=True, ensure_ascii=False) if isinstance(value, (dict, list)) else value
    for node, data in G.nodes(data=True):
        H.add_node(node, **{k: v for k, v in data.items() if v is not None})
    for u, v, data in G.edges(data=True):
        H.add_edge(u, v, **{k: val for k, val in data.items() if val is not None})
    return H


def _graphml(G: nx.DiGraph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(portable_graph(G), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def _gexf(G: nx.DiGraph) -> bytes:
    H = portable_graph(G)
    for node, data in H.nodes(data=True):
        # GEXF keeps the node id apart from its attributes; keep ``label`` as ours.
        data.setdefault("label", str(node))
    buffer = io.BytesIO()
    nx.write_gexf(H, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def _json(G: nx.DiGraph) -> bytes:
    data = nx.node_link_data(G, edges="edges")
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def _csv(G: nx.DiGraph) -> dict[str, bytes]:
    from .metrics import graph_table, node_table

    network_id = G.graph.get("id", "network")
    nodes = node_table(G).to_csv(lineterminator="\n")
    graph = graph_table(G)
    graph_csv = graph.to_frame("value").to_csv(lineterminator="\n") if hasattr(graph, "to_frame") else graph.to_csv(lineterminator="\n")
    return {
        f"{network_id}-node-metrics.csv": nodes.encode("utf-8"),
        f"{network_id}-graph-metrics.csv": graph_csv.encode("utf-8"),
    }


def export_files(G: nx.DiGraph, fmt: str) -> dict[str, bytes]:
    """File name -> content of the export of ``G`` in ``fmt``.

    Parameters
    ----------
    G : networkx.DiGraph
        A network from ``instnet.load.load_network``.
    fmt : {"graphml", "gexf", "json", "csv"}
        ``csv`` gives two files: the node metric table and the graph
        measures; the others give one file named after the network id.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.DiGraph(id="x-2020"); G.add_edge("a", "b", relation="directs")
    >>> sorted(export_files(G, "json"))
    ['x-2020.json']
    """
    network_id = G.graph.get("id", "network")
    if fmt == "graphml":
        return {f"{network_id}.graphml": _graphml(G)}
    if fmt == "gexf":
        return {f"{network_id}.gexf": _gexf(G)}
    if fmt == "json":
        return {f"{network_id}.json": _json(G)}
    if fmt == "csv":
        return _csv(G)
    raise ValueError(f"unknown export format '{fmt}'; choose one of {', '.join(EXPORT_FORMATS)}")
