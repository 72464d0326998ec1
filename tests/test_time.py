"""The network as it stood in one year: --year on the commands, the Python API, stories."""

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import instnet
from instnet import load_network
from instnet.cli import cli
from instnet.metrics import graph_table, node_table

TOML = """title = "Toy: a dated network"
country = "Toyland"
era = "2000s"
start = 2000
end = 2010
summary = "A small network with known dates."

[references.src]
citation = "A made-up source for tests, 2020."
"""

NODES = [
    # id, label, kind, role, start, end
    ("pm", "Prime Minister", "head_of_government", "top_leader", "", ""),
    ("plan", "Planning Board", "planning_agency", "pilot_agency", "2003", ""),
    ("fin", "Ministry of Finance", "ministry", "line_ministry", "", ""),
    ("bank", "State Bank", "state_enterprise", "implementing_unit", "", "2005"),
    ("council", "Economic Council", "council", "consensus_forum", "2006", ""),
]
EDGES = [
    # source, target, relation, start, end
    ("pm", "plan", "directs", "", ""),
    ("pm", "fin", "directs", "", ""),
    ("plan", "fin", "coordinates", "2004", ""),
    ("fin", "bank", "manages", "", ""),
    ("pm", "council", "chairs", "", ""),
    ("council", "fin", "coordinates", "2008", ""),
]


def _write(folder: Path, nodes=NODES, edges=EDGES) -> Path:
    folder.mkdir(parents=True)
    (folder / "network.toml").write_text(TOML, encoding="utf-8")
    rows = ["id,label,kind,role,description,start,end,cite,quote,basis"]
    rows += [
        f"{i},{label},{kind},{role},A toy institution.,{s},{e},src,,stated" for i, label, kind, role, s, e in nodes
    ]
    (folder / "nodes.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    rows = ["source,target,relation,description,start,end,cite,quote,basis"]
    rows += [f"{a},{b},{rel},A toy tie.,{s},{e},src,,stated" for a, b, rel, s, e in edges]
    (folder / "edges.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def toy(tmp_path) -> Path:
    return _write(tmp_path / "toy-2000")


def _cut(year: int):
    """The toy's rows as they stood in ``year``, cut by hand."""
    alive = {
        "2002": {"pm", "fin", "bank"},
        "2004": {"pm", "plan", "fin", "bank"},
        "2009": {"pm", "plan", "fin", "council"},
    }[str(year)]
    ties = {
        "2002": {("pm", "fin"), ("fin", "bank")},
        "2004": {("pm", "plan"), ("pm", "fin"), ("plan", "fin"), ("fin", "bank")},
        "2009": {("pm", "plan"), ("pm", "fin"), ("plan", "fin"), ("pm", "council"), ("council", "fin")},
    }[str(year)]
    return [n for n in NODES if n[0] in alive], [e for e in EDGES if (e[0], e[1]) in ties]


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize(("year", "nodes", "edges"), [(2002, 3, 2), (2004, 4, 4), (2009, 4, 5)])
def test_metrics_year_counts_and_note(toy, year, nodes, edges):
    result = run("metrics", toy, "--graph", "--year", year, "--format", "csv")
    assert result.exit_code == 0, result.output
    import csv
    import io

    (table,) = list(csv.DictReader(io.StringIO(result.stdout)))  # one record per network
    assert (table["nodes"], table["ties"]) == (str(nodes), str(edges))
    assert result.stderr == f"toy-2000, {year}: {5 - nodes} institution(s) and {6 - edges} tie(s) left out\n"


@pytest.mark.parametrize("year", [2002, 2004, 2009])
def test_metrics_at_a_year_equal_those_of_the_hand_cut_network(toy, tmp_path, year):
    nodes, edges = _cut(year)
    cut = load_network(_write(tmp_path / "cut" / "toy-2000", nodes, edges))
    H, _ = instnet.restrict(load_network(toy), year=year)
    pd.testing.assert_series_equal(graph_table(H), graph_table(cut))
    pd.testing.assert_frame_equal(node_table(H).sort_index(), node_table(cut).sort_index())


@pytest.mark.parametrize("command", ["metrics", "render", "classify"])
@pytest.mark.parametrize("year", [1999, 2011])
def test_a_year_outside_the_era_is_a_usage_error(toy, tmp_path, command, year):
    extra = ["-o", tmp_path / "x.html"] if command == "render" else []
    result = run(command, toy, "--year", year, *extra)
    assert result.exit_code == 2
    assert f"Invalid value for --year: toy-2000 covers 2000-2010: {year} is outside its era" in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_diff_two_years_of_one_network(toy):
    result = run("diff", toy, toy, "--year", 2002, "--year", 2009, "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "toy-2000, 2002: 2 institution(s) and 4 tie(s) left out",
        "toy-2000, 2009: 1 institution(s) and 1 tie(s) left out",
    ]
    import json

    data = json.loads(result.stdout)
    text = json.dumps(data)
    assert "Planning Board" in text and "Economic Council" in text


def test_diff_year_errors(toy):
    result = run("diff", toy, toy, "--year", 2001, "--year", 2002, "--year", 2003)
    assert result.exit_code == 2 and "give --year once (both networks) or twice (A, then B)" in result.stderr
    result = run("diff", toy, toy, "--year", 2003, "--year", 2020)
    assert result.exit_code == 2 and "2020 is outside its era" in result.stderr


def test_render_year_draws_only_what_stood_then(toy, tmp_path):
    out = tmp_path / "v.html"
    result = run("render", toy, "--year", 2002, "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "State Bank" in page and "Planning Board" not in page and "Economic Council" not in page


def test_classify_year_runs(toy):
    result = run("classify", toy, "--year", 2009)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("toy-2000: ")
    assert result.stderr == "toy-2000, 2009: 1 institution(s) and 1 tie(s) left out\n"


STORY = """title = "Toy story"

[[step]]
title = "The leader"
text = "The Prime Minister directs the ministry."
nodes = ["pm", "fin"]
ties = ["pm -> fin"]
year = 2004
cite = ["src"]
"""


def test_a_story_beside_the_network_reaches_the_graph(toy):
    (toy / "story.toml").write_text(STORY, encoding="utf-8")
    G = load_network(toy)
    assert G.graph["story"] == {
        "title": "Toy story",
        "summary": "",
        "steps": [
            {
                "title": "The leader",
                "text": "The Prime Minister directs the ministry.",
                "nodes": ["pm", "fin"],
                "ties": [["pm", "fin"]],
                "year": 2004,
                "cite": ["src"],
            }
        ],
    }
    H, _ = instnet.restrict(G, year=2002)
    assert H.graph["story"]["title"] == "Toy story"


def test_a_network_without_story_has_none(toy):
    assert "story" not in load_network(toy).graph


def test_a_bad_story_stops_loading_with_path_and_line(toy):
    (toy / "story.toml").write_text(STORY.replace('"fin"]', '"fim"]'), encoding="utf-8")
    with pytest.raises(instnet.InvalidNetwork) as exc:
        load_network(toy)
    assert [str(p) for p in exc.value.problems] == [
        f"{toy}/story.toml:6: unknown institution id 'fim' in step 1. Did you mean 'fin'?"
    ]


def test_a_long_step_text_is_a_warning_only(toy):
    (toy / "story.toml").write_text(
        STORY.replace("directs the ministry.", "directs " + "x" * 700 + "."), encoding="utf-8"
    )
    result = run("validate", toy)
    assert result.exit_code == 0
    assert "story.toml:5: warning: step 1's text has 728 characters: keep it under 700" in result.stderr


@pytest.mark.parametrize("network", ["korea-1961", "japan-1955", "thailand-2001"])
def test_bundled_stories_load_and_cite_their_network(network):
    G = load_network(network)
    story = G.graph["story"]
    assert len(story["steps"]) >= 5
    for step in story["steps"]:
        assert step["cite"] and set(step["cite"]) <= set(G.graph["references"])
        assert set(step["nodes"]) <= set(G) and all(G.has_edge(*tie) for tie in step["ties"])
        if step["year"] is not None:  # what a step highlights stood in its year
            H, _ = instnet.restrict(G, year=step["year"])
            assert set(step["nodes"]) <= set(H), (step["title"], set(step["nodes"]) - set(H))
            assert all(H.has_edge(*tie) for tie in step["ties"]), step["title"]


def test_the_page_writes_an_undated_span_as_zero_and_keeps_every_dated_one():
    from instnet.render.timeline import script_data

    time = {"first": 1990, "last": 2000, "nodes": [[None, None], [1995, None]], "edges": [[None, 1998], [None, None]]}
    assert script_data(time) | {} == {**time, "nodes": [0, [1995, None]], "edges": [[None, 1998], 0]}
