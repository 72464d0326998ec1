"""Exports that travel: valid against the formats' schemas, free of local paths,
the same bytes wherever they are made, readable by Excel, Kumu and Cytoscape.js."""

import hashlib
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from lxml import etree

from instnet import load
from instnet.export import EXPORT_FORMATS, export_files

SCHEMAS = Path(__file__).parent / "schemas"
BUNDLED = load.bundled_ids()


class _Local(etree.Resolver):
    """Serve the schemas' http:// imports from tests/schemas, never from the network."""

    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def resolve(self, url, pubid, context):
        candidate = self.folder / url.rsplit("/", 1)[-1]
        return self.resolve_filename(str(candidate), context) if candidate.is_file() else None


def _schema(folder: Path, main: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_Local(folder))
    return etree.XMLSchema(etree.parse(str(folder / main), parser))


@pytest.fixture(scope="module")
def graphml_schema():
    return _schema(SCHEMAS / "graphml", "graphml.xsd")


@pytest.fixture(scope="module")
def gexf_schema():
    return _schema(SCHEMAS / "gexf-1.2", "gexf.xsd")


def test_schema_files_are_kept_as_found():
    for line in (SCHEMAS / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        assert hashlib.sha256((SCHEMAS / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize("network", BUNDLED)
def test_graphml_and_gexf_are_valid(network, graphml_schema, gexf_schema):
    G = load.load_network(network)
    for fmt, schema in (("graphml", graphml_schema), ("gexf", gexf_schema)):
        (content,) = export_files(G, fmt).values()
        document = etree.fromstring(content, etree.XMLParser(no_network=True, resolve_entities=False))
        assert schema.validate(document), f"{network}.{fmt}: {schema.error_log}"


def test_schemas_reject_a_broken_file(graphml_schema, gexf_schema):
    """The schemas do check something: a graph without edgedefault, a GEXF edge without id."""
    graphml = b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="a"/></graph></graphml>'
    gexf = (
        b'<gexf xmlns="http://www.gexf.net/1.2" version="1.2"><graph><nodes><node id="a"/></nodes>'
        b'<edges><edge source="a" target="a"/></edges></graph></gexf>'
    )
    assert not graphml_schema.validate(etree.fromstring(graphml))
    assert not gexf_schema.validate(etree.fromstring(gexf))


def test_attributes_are_typed():
    G = load.load_network("japan-2012")
    graphml = export_files(G, "graphml")["japan-2012.graphml"].decode()
    assert '<key id="n_start" for="node" attr.name="start" attr.type="int" />' in graphml
    assert '<key id="n_external" for="node" attr.name="external" attr.type="boolean" />' in graphml
    assert '<key id="g_idealized" for="graph" attr.name="idealized" attr.type="boolean" />' in graphml
    gexf = export_files(G, "gexf")["japan-2012.gexf"].decode()
    assert '<attribute id="start" title="start" type="integer" />' in gexf
    assert '<attribute id="external" title="external" type="boolean" />' in gexf
    assert '<attribute id="kind" title="kind" type="string" />' in gexf


def _copy(network: str, parent: Path) -> Path:
    folder = parent / "somewhere" / network
    shutil.copytree(load.bundled_graphs_dir() / network, folder)
    return folder


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_no_local_path_and_same_bytes_anywhere(fmt, tmp_path):
    """A network copied to two folders exports the same bytes, naming neither folder."""
    a, b = _copy("thailand-2001", tmp_path / "alice home"), _copy("thailand-2001", tmp_path / "bob")
    export_a, export_b = export_files(load.load_network(a), fmt), export_files(load.load_network(b), fmt)
    assert export_a == export_b
    for content in export_a.values():
        for folder in (a, b, tmp_path):
            assert str(folder).encode() not in content
        assert b'"path"' not in content and b'attr.name="path"' not in content


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "kumu", "cytoscape"])
def test_export_does_not_depend_on_the_date(fmt):
    """No date (networkx writes one into GEXF) and no tool version in the file."""
    (content,) = export_files(load.load_network("korea-1961"), fmt).values()
    assert b"lastmodified" not in content and b"NetworkX" not in content


def test_csv_has_a_byte_order_mark_for_excel():
    files = export_files(load.load_network("thailand-2001"), "csv")
    assert sorted(files) == ["thailand-2001-graph-metrics.csv", "thailand-2001-node-metrics.csv"]
    for content in files.values():
        assert content.startswith(b"\xef\xbb\xbf")
    nodes = pd.read_csv(io.BytesIO(files["thailand-2001-node-metrics.csv"]), encoding="utf-8-sig", index_col=0)
    assert nodes.index.name == "id"


def test_kumu_blueprint():
    G = load.load_network("korea-1961")
    data = json.loads(export_files(G, "kumu")["korea-1961.kumu.json"])
    labels = [e["label"] for e in data["elements"]]
    assert len(labels) == G.number_of_nodes() == len(set(labels))
    epb = next(e for e in data["elements"] if e["ID"] == "epb")
    assert (
        epb["type"] == "planning_agency"
        and epb["tags"] == ["pilot_agency"]
        and epb["label"] == "Economic Planning Board (EPB)"
    )
    assert {(c["from"], c["to"]) for c in data["connections"]} <= {(a, b) for a in labels for b in labels}
    assert all(c["direction"] in ("directed", "mutual") for c in data["connections"])
    assert data["instnet"]["id"] == "korea-1961" and "path" not in data["instnet"]


def test_kumu_labels_that_repeat_get_their_id():
    import networkx as nx

    G = nx.DiGraph(id="x-2020")
    G.add_node("a", label="Council", kind="council")
    G.add_node("b", label="Council", kind="council")
    G.add_edge("a", "b", relation="cooperates_with")
    data = json.loads(export_files(G, "kumu")["x-2020.kumu.json"])
    assert [e["label"] for e in data["elements"]] == ["Council (a)", "Council (b)"]
    assert data["connections"][0]["from"] == "Council (a)" and data["connections"][0]["direction"] == "mutual"


def test_cytoscape_json():
    G = load.load_network("korea-1961")
    data = json.loads(export_files(G, "cytoscape")["korea-1961.cyjs"])
    ids = [n["data"]["id"] for n in data["elements"]["nodes"]]
    assert ids == list(G.nodes)
    edge_ids = [e["data"]["id"] for e in data["elements"]["edges"]]
    assert len(edge_ids) == len(set(edge_ids)) == G.number_of_edges()
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in data["elements"]["edges"])
    assert data["data"]["title"] == G.graph["title"]


def test_cli_export_formats_match_the_library():
    from instnet import cli

    assert cli.EXPORT_FORMATS == EXPORT_FORMATS


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_site_built_in_two_folders_names_neither(tmp_path):
    """The whole site, built from copies of two networks in two folders, holds no path of either.

    Every output file is searched for both folders (graphs and output) and for
    the home and temporary folder they live in.
    """
    from instnet.site import build_site

    outputs = {}
    for who in ("alice", "bob"):
        graphs = tmp_path / who / "graphs"
        for network in ("korea-1961", "japan-1955"):
            shutil.copytree(load.bundled_graphs_dir() / network, graphs / network)
        build_site(graphs, tmp_path / who / "output", lambda _: None)
        outputs[who] = _tree(tmp_path / who / "output")
    assert outputs["alice"].keys() == outputs["bob"].keys()
    needles = [str(tmp_path / who) for who in ("alice", "bob")] + [
        str(tmp_path),
        str(Path.home()),
        str(load.bundled_graphs_dir()),
    ]
    leaks = [
        (who, name, needle)
        for who, files in outputs.items()
        for name, content in files.items()
        for needle in needles
        if needle.encode() in content
    ]
    assert leaks == []
    assert outputs["alice"] == outputs["bob"]
