"""Exports read back with networkx into graphs equal to the originals."""

import io
import json

import networkx as nx
import pytest

from instnet import load_network
from instnet.export import export_files, portable_graph
from instnet.scaffold import new_network


@pytest.fixture
def G(tmp_path):
    folder = new_network("testland-2020", tmp_path)
    (folder / "nodes.csv").write_text(
        "id,label,kind,role,description,start,end,cite,quote,basis\n"
        'a,"Ministry, of ""Industry"" <b>",ministry,industrial_ministry,Ünïcode — text,2021,,mine,,inferred\n'
        "b,Council,council,consensus_forum,,,2023,mine,,inferred\n"
    )
    (folder / "edges.csv").write_text("source,target,relation,start,cite,basis\na,b,member_of,2022,mine,inferred\n")
    return load_network(folder)


def _same(H, R):
    assert sorted(H.nodes) == sorted(R.nodes)
    assert sorted(H.edges) == sorted(R.edges)
    for n in H.nodes:
        assert H.nodes[n] == R.nodes[n]
    for e in H.edges:
        assert H.edges[e] == R.edges[e]


def test_graphml_round_trip(G):
    (content,) = export_files(G, "graphml").values()
    R = nx.read_graphml(io.BytesIO(content))
    _same(portable_graph(G), R)
    assert json.loads(R.graph["references"]) == G.graph["references"]


def test_json_round_trip_is_exact(G):
    (content,) = export_files(G, "json").values()
    R = nx.node_link_graph(json.loads(content), edges="edges")
    _same(G, R)
    assert R.graph == {k: v for k, v in G.graph.items() if k != "path"}


def test_portable_graph_only_drops_empty_values(G):
    H = portable_graph(G)
    assert H.nodes["a"]["start"] == 2021 and "end" not in H.nodes["a"]
    assert G.nodes["a"]["end"] is None


def test_unknown_format(G):
    with pytest.raises(ValueError, match="unknown export format"):
        export_files(G, "xls")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_are_what_elementtree_writes(G, fmt):
    """The XML is written as text, not built as a tree: ElementTree, reading it and writing it again, gives the same bytes."""
    from xml.etree import ElementTree as ET

    from instnet.export import _XSI, GEXF_NS, GRAPHML_NS

    G.add_node("odd & <id>", label='Said "yes" & <no>\n\ta', description=" ", role="")
    G.add_edge("a", "odd & <id>", relation="directs", quote='"q" <&> \t', basis="stated")
    G.graph["title"] = 'Title with "quotes" & <tags>\n'
    for network in (G, load_network("korea-1961"), nx.DiGraph(id="empty")):
        (content,) = export_files(network, fmt).values()
        ET.register_namespace("", GRAPHML_NS if fmt == "graphml" else GEXF_NS)
        ET.register_namespace("xsi", _XSI)
        root = ET.fromstring(content)
        ET.indent(root, space="")
        again = ET.tostring(root, encoding="unicode")
        assert (
            content == b'<?xml version="1.0" encoding="UTF-8"?>\n' + again.encode("utf-8", "xmlcharrefreplace") + b"\n"
        )


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_of_a_graph_with_control_characters_are_well_formed(fmt):
    """A graph made in Python may hold characters XML 1.0 cannot carry: the export leaves them out, and opens."""
    from xml.etree import ElementTree as ET

    G = nx.DiGraph(id="pasted-2020", title="Pasted\x0c title")
    G.add_node("a\x01", label="Plan\x08ning\x1f Board", description="tab\tand\nline stay")
    G.add_edge("a\x01", "b", relation="directs", quote="q\x0b")
    (content,) = export_files(G, fmt).values()
    root = ET.fromstring(content)  # raises on a control character
    text = ET.tostring(root, encoding="unicode")
    assert "Planning Board" in text and "\x01" not in text and "\x0c" not in text
    assert "tab&#09;and&#10;line stay" in content.decode() or "tab\tand\nline stay" in content.decode()
