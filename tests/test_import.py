"""instnet import: every format, hostile XML refused, bad input explained, and
every bundled network back unchanged after an export and an import."""

import json
import time

import pytest
from click.testing import CliRunner

from instnet import load
from instnet.cli import cli
from instnet.export import export_files
from instnet.interop import ImportFailed, import_file, read_kind_map

BUNDLED = load.bundled_ids()
ROUND_TRIP = ["graphml", "gexf", "json", "kumu", "cytoscape"]


def _graph(G):
    """Everything of a loaded network but where its folder is and its story (story.toml, which exports do not carry)."""
    return (
        {k: v for k, v in G.graph.items() if k not in ("path", "story")},
        list(G.nodes(data=True)),
        list(G.edges(data=True)),
    )


@pytest.mark.parametrize("fmt", ROUND_TRIP)
@pytest.mark.parametrize("network", BUNDLED)
def test_round_trip_gives_the_same_network(network, fmt, tmp_path):
    G = load.load_network(network)
    ((name, content),) = export_files(G, fmt).items()
    (tmp_path / name).write_bytes(content)
    report = import_file(tmp_path / name, parent=tmp_path / "back")
    assert report.folder == tmp_path / "back" / network
    assert load.check_network(report.folder) == []
    assert _graph(load.load_network(report.folder)) == _graph(G)


def _run(*args):
    result = CliRunner().invoke(cli, list(map(str, args)))
    return result.exit_code, result.stdout, result.stderr


def test_cli_round_trip(tmp_path):
    from instnet.load import load_network

    G = load_network("korea-1961")
    code, out, err = _run("export", "korea-1961", "--format", "gexf", "-o", tmp_path / "k.gexf")
    assert code == 0, err
    code, out, err = _run("import", tmp_path / "k.gexf", "--dir", tmp_path)
    assert (code, err) == (0, "")
    assert out == (
        f"created {tmp_path}/korea-1961/ ({G.number_of_nodes()} nodes, {G.number_of_edges()} edges)\n"
        f"next: check the notes, then run: instnet validate {tmp_path}/korea-1961\n"
    )


def test_csv_export_to_a_file_says_it_needs_a_folder(tmp_path):
    """csv writes two tables: -o naming an existing file is one clear error, and the file is left as it was."""
    target = tmp_path / "notes.txt"
    target.write_text("mine")
    code, out, err = _run("export", "korea-1961", "--format", "csv", "-o", target)
    assert code == 1 and out == ""
    assert err == f"Error: {target} is not a folder: csv writes two tables, give -o a folder for them\n"
    assert target.read_text() == "mine"
    code, out, err = _run("export", "korea-1961", "--format", "csv", "-o", tmp_path / "tables")
    assert code == 0 and sorted(p.name for p in (tmp_path / "tables").iterdir()) == [
        "korea-1961-graph-metrics.csv",
        "korea-1961-node-metrics.csv",
    ]


FOREIGN_GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="name" attr.type="string"/>
  <key id="d1" for="node" attr.name="type" attr.type="string"/>
  <key id="d2" for="edge" attr.name="relationship" attr.type="string"/>
  <key id="d3" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="undirected">
    <node id="n0"><data key="d0">Prime Minister</data><data key="d1">Head of government</data></node>
    <node id="n1"><data key="d0">Planning Commission</data><data key="d1">Agency</data></node>
    <node id="n2"><data key="d0">Central Bank</data><data key="d1">central bank</data></node>
    <edge source="n0" target="n1"><data key="d2">directs</data><data key="d3">2.5</data></edge>
    <edge source="n1" target="n2"><data key="d2">reports to</data></edge>
    <edge source="n1" target="n1"><data key="d2">directs</data></edge>
  </graph>
</graphml>
"""


def test_foreign_graphml(tmp_path):
    (tmp_path / "plan.graphml").write_text(FOREIGN_GRAPHML)
    code, _out, err = _run("import", tmp_path / "plan.graphml", "--id", "ghana-2017", "--dir", tmp_path)
    assert code == 0
    assert err.splitlines() == [
        "note: the file's node ids are numbers: ids were made from the labels (keep them across eras)",
        "note: self-loop on 'planning-commission' dropped (instnet ties join two institutions)",
        "note: the graph is undirected: each tie is read from its first end to its second; check the direction",
        "note: kind 'Agency' (1 item(s)) is not an instnet kind. Did you mean 'planning_agency'? "
        "Map it under [kinds] in a --kind-map file, or fix the rows that instnet validate lists",
        "note: relation 'reports to' (1 item(s)) is not an instnet relation. Did you mean 'supports'? "
        "Map it under [relations] in a --kind-map file, or fix the rows that instnet validate lists",
        "note: every item is marked 'inferred' and cites [references.imported]: fill in its citation, "
        "the title, country, era and start year, then run instnet validate",
    ]
    folder = tmp_path / "ghana-2017"
    assert (folder / "network.toml").read_text() == (
        'title = "Imported from plan.graphml"\ncountry = ""\nera = ""\nstart = 2017\n\n'
        "# imported from plan.graphml: give the source's author, title, year and page or address\n"
        '[references.imported]\ncitation = ""\n\n'
        "[columns.edges]\nweight = \"imported from plan.graphml (attribute 'weight')\"\n"
    )
    assert (folder / "nodes.csv").read_text() == (
        "id,label,kind,role,description,start,end,cite,quote,basis\n"
        "prime-minister,Prime Minister,head_of_government,,,,,imported,,inferred\n"
        "planning-commission,Planning Commission,Agency,,,,,imported,,inferred\n"
        "central-bank,Central Bank,central_bank,,,,,imported,,inferred\n"
    )
    assert (folder / "edges.csv").read_text() == (
        "source,target,relation,description,start,end,cite,quote,basis,weight\n"
        "prime-minister,planning-commission,directs,,,,imported,,inferred,2.5\n"
        "planning-commission,central-bank,reports to,,,,imported,,inferred,\n"
    )
    # validate then lists exactly what the user must complete
    messages = [p.message for p in load.check_network(folder) if p.severity == "error"]
    assert messages == [
        "'country' is missing or empty; add country = \"...\"",
        "'era' is missing or empty; add era = \"...\"",
        "[references.imported] has no citation; give author, title, year and page or address",
        "unknown kind 'Agency'. Did you mean 'planning_agency'?",
        "unknown relation 'reports to'. Did you mean 'supports'?",
    ]


def test_kind_map_resolves_unknown_values(tmp_path):
    (tmp_path / "plan.graphml").write_text(FOREIGN_GRAPHML)
    (tmp_path / "map.toml").write_text('[kinds]\nAgency = "planning_agency"\n[relations]\n"reports to" = "advises"\n')
    code, _out, err = _run(
        "import",
        tmp_path / "plan.graphml",
        "--id",
        "ghana-2017",
        "--dir",
        tmp_path,
        "--kind-map",
        tmp_path / "map.toml",
    )
    assert code == 0 and "is not an instnet" not in err
    G_rows = (tmp_path / "ghana-2017" / "nodes.csv").read_text()
    assert "planning-commission,Planning Commission,planning_agency," in G_rows
    assert ",central-bank,advises," in (tmp_path / "ghana-2017" / "edges.csv").read_text()


def test_kind_map_chooses_the_attributes(tmp_path):
    (tmp_path / "g.json").write_text(
        json.dumps(
            {
                "nodes": [
                    {"id": "pm", "name": "PM", "sort": "head_of_government"},
                    {"id": "mof", "name": "MoF", "sort": "ministry"},
                ],
                "links": [{"source": "pm", "target": "mof", "kind_of_tie": "directs"}],
            }
        )
    )
    (tmp_path / "map.toml").write_text('[attributes]\nkind = "sort"\nrelation = ["kind_of_tie"]\n')
    report = import_file(tmp_path / "g.json", "x-2000", tmp_path, tmp_path / "map.toml")
    assert "pm,PM,head_of_government," in (report.folder / "nodes.csv").read_text()
    assert "pm,mof,directs," in (report.folder / "edges.csv").read_text()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[kinds]\nAgency = "planing_agency"\n',
            "[kinds] 'Agency' = 'planing_agency': 'planing_agency' is not an instnet kind. Did you mean 'planning_agency'?",
        ),
        (
            '[kind]\nAgency = "ministry"\n',
            "unknown table [kind]. Did you mean 'kinds'? Use [attributes], [kinds], [relations] or [roles]",
        ),
        ('[attributes]\nkinds = "type"\n', "[attributes] 'kinds' is not kind, relation or role. Did you mean 'kind'?"),
        ("[kinds\n", "not a valid TOML mapping file"),
    ],
)
def test_bad_kind_map(tmp_path, text, message):
    (tmp_path / "map.toml").write_text(text)
    with pytest.raises(ImportFailed, match=r"map\.toml: ") as info:
        read_kind_map(tmp_path / "map.toml")
    assert message in str(info.value)
    (tmp_path / "plan.graphml").write_text(FOREIGN_GRAPHML)
    code, _out, err = _run("import", tmp_path / "plan.graphml", "--kind-map", tmp_path / "map.toml", "--dir", tmp_path)
    assert code == 1 and message in err and "Traceback" not in err


def test_gephi_gexf(tmp_path):
    (tmp_path / "g.gexf").write_text("""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node"><attribute id="0" title="category" type="string"/><attribute id="1" title="staff" type="integer"/></attributes>
    <attributes class="edge"><attribute id="0" title="relation" type="string"/></attributes>
    <nodes>
      <node id="0" label="Ministry of Trade"><attvalues><attvalue for="0" value="Ministry"/><attvalue for="1" value="120"/></attvalues>
        <viz:color r="1" g="2" b="3"/></node>
      <node id="1" label="Trade Council"><attvalues><attvalue for="0" value="council"/></attvalues></node>
    </nodes>
    <edges><edge id="0" source="0" target="1" weight="1.0"><attvalues><attvalue for="0" value="member of"/></attvalues></edge></edges>
  </graph>
</gexf>""")
    report = import_file(tmp_path / "g.gexf", "x-2000", tmp_path)
    assert (report.folder / "nodes.csv").read_text().splitlines() == [
        "id,label,kind,role,description,start,end,cite,quote,basis,staff",
        "ministry-of-trade,Ministry of Trade,ministry,,,,,imported,,inferred,120",
        "trade-council,Trade Council,council,,,,,imported,,inferred,",
    ]
    assert (report.folder / "edges.csv").read_text().splitlines()[
        1
    ] == "ministry-of-trade,trade-council,member_of,,,,imported,,inferred,1.0"


def test_kumu_blueprint_and_project_export(tmp_path):
    (tmp_path / "blueprint.json").write_text(
        json.dumps(
            {
                "elements": [
                    {"label": "Cabinet Office", "type": "Head of government", "tags": ["top_leader"]},
                    {"label": "Growth Council", "type": "Council or committee", "description": "Meets monthly."},
                ],
                "connections": [
                    {"from": "Cabinet Office", "to": "Growth Council", "type": "chairs", "direction": "directed"}
                ],
            }
        )
    )
    report = import_file(tmp_path / "blueprint.json", "x-2000", tmp_path)
    assert (report.folder / "nodes.csv").read_text().splitlines()[1:] == [
        "cabinet-office,Cabinet Office,head_of_government,top_leader,,,,imported,,inferred",
        "growth-council,Growth Council,council,,Meets monthly.,,,imported,,inferred",
    ]
    assert (report.folder / "edges.csv").read_text().splitlines()[
        1
    ] == "cabinet-office,growth-council,chairs,,,,imported,,inferred"
    (tmp_path / "project.json").write_text(
        json.dumps(
            {
                "elements": [
                    {"_id": "e1", "attributes": {"label": "Treasury", "element type": "ministry"}},
                    {"_id": "e2", "attributes": {"label": "Bank", "element type": "central_bank"}},
                ],
                "connections": [
                    {
                        "_id": "c1",
                        "from": "e1",
                        "to": "e2",
                        "direction": "mutual",
                        "attributes": {"connection type": "cooperates with"},
                    }
                ],
                "maps": [],
            }
        )
    )
    report = import_file(tmp_path / "project.json", "y-2000", tmp_path)
    assert (report.folder / "edges.csv").read_text().splitlines()[
        1
    ] == "treasury,bank,cooperates_with,,,,imported,,inferred"
    assert "some connections are undirected or mutual; they are read from 'from' to 'to'" in report.notes


def test_kumu_csv_pair_with_semicolons(tmp_path):
    (tmp_path / "map-elements.csv").write_text(
        "Label;Type;Description\nMinistry of Finance;ministry;Holds the budget.\nPlanning Unit;planning_agency;\n",
        encoding="utf-8-sig",
    )
    (tmp_path / "map-connections.csv").write_text("From;To;Type\nPlanning Unit;Ministry of Finance;advises\n")
    report = import_file(tmp_path / "map-elements.csv", "x-2000", tmp_path)
    assert (report.folder / "nodes.csv").read_text().splitlines()[
        1
    ] == "ministry-of-finance,Ministry of Finance,ministry,,Holds the budget.,,,imported,,inferred"
    assert (report.folder / "edges.csv").read_text().splitlines()[
        1
    ] == "planning-unit,ministry-of-finance,advises,,,,imported,,inferred"


def test_kumu_csv_needs_its_partner(tmp_path):
    (tmp_path / "elements.csv").write_text("Label\nA\n")
    code, _out, err = _run("import", tmp_path / "elements.csv", "--dir", tmp_path)
    assert (
        code == 1
        and f"Error: {tmp_path}/elements.csv: the connections file connections.csv is missing beside it\n" == err
    )
    (tmp_path / "nodes.csv").write_text("Label\nA\n")
    code, _out, err = _run("import", tmp_path / "nodes.csv", "--dir", tmp_path)
    assert code == 1 and "a Kumu-style CSV is a pair of files" in err


def _workbook(path, sheets):
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)


def test_kumu_workbook(tmp_path):
    _workbook(
        tmp_path / "map.xlsx",
        {
            "Elements": [
                ["Label", "Type", "Tags"],
                ["Bộ Kế hoạch và Đầu tư", "planning_agency", "pilot_agency"],
                ["Thủ tướng", "head_of_government", None],
            ],
            "Connections": [["From", "To", "Type"], ["Thủ tướng", "Bộ Kế hoạch và Đầu tư", "directs"]],
        },
    )
    report = import_file(tmp_path / "map.xlsx", "vietnam-2011", tmp_path)
    assert (report.folder / "nodes.csv").read_text(encoding="utf-8").splitlines()[1:] == [
        "b-k-ho-ch-v-u-t,Bộ Kế hoạch và Đầu tư,planning_agency,pilot_agency,,,,imported,,inferred",
        "th-t-ng,Thủ tướng,head_of_government,,,,,imported,,inferred",
    ]
    assert report.edges == 1


def test_workbook_errors(tmp_path):
    _workbook(tmp_path / "bad.xlsx", {"Sheet1": [["Label"], ["A"]]})
    code, _out, err = _run("import", tmp_path / "bad.xlsx", "--dir", tmp_path)
    assert (code, err) == (
        1,
        f"Error: {tmp_path}/bad.xlsx: the workbook needs a sheet 'Elements' (and 'Connections'); it has Sheet1\n",
    )
    (tmp_path / "x-elements.csv").write_bytes((tmp_path / "bad.xlsx").read_bytes())
    (tmp_path / "x-connections.csv").write_text("From,To\n")
    code, _out, err = _run("import", tmp_path / "x-elements.csv", "--dir", tmp_path)
    assert (code, err) == (
        1,
        f"Error: {tmp_path}/x-elements.csv: this is an Excel workbook saved under a .csv name; rename it to .xlsx\n",
    )
    (tmp_path / "fake.xlsx").write_text("not a zip")
    code, _out, err = _run("import", tmp_path / "fake.xlsx", "--dir", tmp_path)
    assert code == 1 and "not a readable Excel workbook (.xlsx)" in err


def test_cytoscape_flat_elements(tmp_path):
    (tmp_path / "g.cyjs").write_text(
        json.dumps(
            {
                "elements": [
                    {"group": "nodes", "data": {"id": "a", "label": "Agency A", "kind": "bureau"}},
                    {"group": "nodes", "data": {"id": "b", "label": "Ministry B", "kind": "ministry"}},
                    {"group": "edges", "data": {"id": "e", "source": "b", "target": "a", "relation": "directs"}},
                ]
            }
        )
    )
    report = import_file(tmp_path / "g.cyjs", "x-2000", tmp_path)
    assert (report.folder / "edges.csv").read_text().splitlines()[1] == "b,a,directs,,,,imported,,inferred"


def test_edges_that_cannot_be_ties_are_reported(tmp_path):
    (tmp_path / "g.json").write_text(
        json.dumps(
            {
                "nodes": [{"id": "a", "kind": "ministry"}, {"id": "b", "kind": "ministry"}],
                "edges": [
                    {"source": "a", "target": "b", "relation": "advises", "description": "Two\nlines."},
                    {"source": "a", "target": "b", "relation": "funds"},
                    {"source": "a", "target": "zz", "relation": "funds"},
                ],
            }
        )
    )
    report = import_file(tmp_path / "g.json", "x-2000", tmp_path)
    assert report.edges == 1 and report.nodes == 2
    assert (
        "second edge a -> b dropped (instnet keeps one tie per pair; say the other in its description)" in report.notes
    )
    assert "edge a -> zz dropped: 'zz' is not a node" in report.notes


BILLION_LAUGHS = (
    """<?xml version="1.0"?>
<!DOCTYPE graphml [
 <!ENTITY lol "lol">
"""
    + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + """]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"><node id="a"><data key="d0">&lol9;</data></node></graph></graphml>
"""
)


@pytest.mark.parametrize(
    ("name", "text", "entity"),
    [
        ("bomb.graphml", BILLION_LAUGHS, "lol"),
        (
            "xxe.gexf",
            '<?xml version="1.0"?>\n<!DOCTYPE gexf [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
            '<gexf xmlns="http://www.gexf.net/1.2" version="1.2"><graph><nodes><node id="a" label="&xxe;"/></nodes><edges/></graph></gexf>',
            "xxe",
        ),
        (
            "param.graphml",
            '<?xml version="1.0"?>\n<!DOCTYPE graphml [ <!ENTITY % ext SYSTEM "file:///etc/passwd"> %ext; ]>\n'
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"/></graphml>',
            "ext",
        ),
    ],
)
def test_hostile_xml_is_refused(tmp_path, name, text, entity):
    (tmp_path / name).write_text(text)
    started = time.monotonic()
    code, out, err = _run("import", tmp_path / name, "--dir", tmp_path / "out")
    assert time.monotonic() - started < 5  # refused before any expansion
    assert code == 1 and out == ""
    assert err == (
        f"Error: {tmp_path}/{name}: refused: the file declares an XML entity ('{entity}'); entities can expand without bound "
        "(the 'billion laughs' attack) or read other files, so instnet does not expand them. "
        "Remove the <!DOCTYPE ...> block and export the file again\n"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("g.graphml", "<graphml><graph", "g.graphml:1: not well-formed XML: unclosed token: line 1, column 9"),
        (
            "g.graphml",
            '{"nodes": []}',
            "g.graphml:1: not well-formed XML: not well-formed (invalid token): line 1, column 0",
        ),
        ("g.graphml", "<gexf/>", "g.graphml: not GraphML: the root element is <gexf>, not <graphml>"),
        ("g.gexf", "<graphml/>", "g.gexf: not GEXF: the root element is <graphml>, not <gexf>"),
        (
            "g.graphml",
            '<graphml><key id="d0" for="node" attr.name="start" attr.type="int"/><graph edgedefault="directed">'
            '<node id="a"><data key="d0">soon</data></node></graph></graphml>',
            "g.graphml: node attribute 'start': value 'soon' is not of the declared type int",
        ),
        (
            "g.graphml",
            '<graphml><graph edgedefault="directed"><node id="a"><data key="d9">x</data></node></graph></graphml>',
            "g.graphml: <data key='d9'> refers to no <key>",
        ),
        (
            "g.json",
            "{nodes: []}",
            "g.json: not valid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
        ("g.json", "[1, 2]", "g.json: the JSON holds a list, not an object with nodes and edges"),
        ("g.json", '{"nodes": [{"label": "A"}], "edges": []}', "g.json: nodes[0] has no 'id'"),
        (
            "g.json",
            '{"elements": [{"label": "A"}], "connections": [{"from": "A", "to": "B"}]}',
            "g.json: connection 1: 'to' 'B' names no element (give an element's label or ID)",
        ),
        ("g.json", '{"graph": {}}', "g.json: not a graph instnet can read"),
        ("g.json", '{"nodes": [], "edges": []}', "g.json: the file holds no nodes"),
        (
            "g.dot",
            "digraph {}",
            "g.dot: unknown file type '.dot'; instnet imports .graphml, .xml, .gexf, .json, .cyjs, .csv, .xlsx",
        ),
    ],
)
def test_bad_input_gives_one_clear_error(tmp_path, name, content, message):
    (tmp_path / name).write_text(content)
    code, _out, err = _run("import", tmp_path / name, "--id", "x-2000", "--dir", tmp_path)
    assert code == 1, err
    assert err.startswith(f"Error: {tmp_path}/{message}") and err.count("\n") == 1
    assert not (tmp_path / "x-2000").exists()


def test_usage_mistakes_exit_2(tmp_path):
    (tmp_path / "g.graphml").write_text(FOREIGN_GRAPHML)
    code, _out, err = _run("import", tmp_path / "g.graphml", "--id", "Ghana 2017")
    assert code == 2 and "Invalid value for --id: 'Ghana 2017' is not a valid id" in err
    code, _out, err = _run("import", tmp_path / "missing.graphml")
    assert code == 2 and "does not exist" in err
    code, _out, err = _run("import", tmp_path / "g.graphml", "--kind-map", tmp_path / "missing.toml")
    assert code == 2 and "does not exist" in err


def test_an_existing_folder_is_never_touched(tmp_path):
    (tmp_path / "g.graphml").write_text(FOREIGN_GRAPHML)
    (tmp_path / "ghana-2017").mkdir()
    (tmp_path / "ghana-2017" / "notes.txt").write_text("mine")
    code, _out, err = _run("import", tmp_path / "g.graphml", "--id", "ghana-2017", "--dir", tmp_path)
    assert (code, err) == (
        1,
        f"Error: {tmp_path}/ghana-2017 already exists; choose another --id or --dir, or remove it first\n",
    )
    assert [p.name for p in (tmp_path / "ghana-2017").iterdir()] == ["notes.txt"]


def test_import_has_help_with_an_example():
    code, out, _err = _run("import", "--help")
    assert code == 0 and "Example: instnet import map.graphml --id ghana-2017 --kind-map map.toml" in out
