"""The country pages: one per country with several eras, one layout for all eras, change marks from diff()."""

import json
import re
import tempfile
from pathlib import Path

import pytest

from browser import open_page, page_json
from instnet import load_network, site
from instnet.diff import diff
from instnet.load import bundled_graphs_dir, network_ids
from instnet.render.country import site_countries, whole_edge, whole_node
from instnet.site_countries import country_files

SHOTS = Path(tempfile.gettempdir()) / "instnet-screenshots"


@pytest.fixture(scope="module")
def graphs():
    root = bundled_graphs_dir()
    return {k: load_network(root / k) for k in network_ids(root)}


@pytest.fixture(scope="module")
def thailand(graphs, tmp_path_factory):
    ids = site_countries(graphs)["thailand"]
    files = country_files("thailand", [graphs[k] for k in ids])
    out = tmp_path_factory.mktemp("country")
    (out / "assets").mkdir()
    for name, content in site.asset_files().items():
        (out / name).write_bytes(content)
    (out / "countries").mkdir()
    page = out / "countries" / "thailand.html"
    page.write_bytes(files["countries/thailand.html"])
    return ids, page


def _data(page: Path) -> dict:
    return page_json(page)


def test_planner_makes_one_page_per_multi_era_country(graphs):
    plan = site.plan_outputs(graphs)
    names = sorted(n for n in plan.outputs if n.startswith("country:"))
    assert names == ["country:japan", "country:malaysia", "country:south-korea", "country:thailand"]
    files = plan.files()
    assert sorted(f for f in files if f.startswith("countries/")) == [
        "countries/japan.html",
        "countries/malaysia.html",
        "countries/south-korea.html",
        "countries/thailand.html",
    ]
    assert site_countries(graphs)["thailand"] == ["thailand-1980", "thailand-1997", "thailand-2001"]
    index = files["index.html"].decode()
    assert "Countries over time" in index
    for stem in ("japan", "malaysia", "south-korea", "thailand"):
        assert f'href="countries/{stem}.html"' in index


def test_same_institution_same_position_in_every_era(thailand):
    ids, page = thailand
    eras = _data(page)["eras"]
    assert [e["id"] for e in eras] == ids
    seen: dict = {}
    shared = 0
    for era in eras:
        for n in era["nodes"]:
            if n["id"] in seen:
                shared += 1
                assert seen[n["id"]] == (n["x"], n["y"]), n["id"]
            seen[n["id"]] = (n["x"], n["y"])
    assert shared > 0
    assert len(set(seen.values())) == len(seen)  # distinct institutions, distinct places


def test_marks_match_diff(thailand, graphs):
    ids, page = thailand
    eras = _data(page)["eras"]
    assert all(n["mark"] == "" for n in eras[0]["nodes"])
    for i in (1, 2):
        d = diff(graphs[ids[i - 1]], graphs[ids[i]])
        marks = {}
        for n in eras[i]["nodes"]:
            marks.setdefault(n["mark"], set()).add(n["id"])
        assert marks.get("added", set()) == set(d.nodes_added["id"])
        assert marks.get("removed", set()) == set(d.nodes_removed["id"])
        assert marks.get("rewired", set()) == set(d.rewired["id"])
        drawn = {n["id"] for n in eras[i]["nodes"] if n["mark"] != "removed"}
        assert drawn == set(graphs[ids[i]].nodes)


def test_side_by_side_eras_draw_compact_names_and_keep_the_full_ones(thailand, graphs):
    """Full names ran into each other at the panels' scale: each era draws the compact name, one per name over all
    the eras (no two institutions read the same), and the tooltip still gives the full name."""
    ids, page = thailand
    eras = _data(page)["eras"]
    full = {str(n): str(a.get("label") or n) for k in ids for n, a in graphs[k].nodes(data=True)}
    nodes = [n for era in eras for n in era["nodes"]]
    assert {n["label"] for n in nodes if n["id"] == "nesdb"} == {full["nesdb"]}
    assert {n.get("short") for n in nodes if n["id"] == "nesdb"} == {"NESDB"}
    shorts = {n["id"]: n.get("short", n.get("label", n["id"])) for n in nodes}
    assert len(set(shorts.values())) == len(shorts)  # distinct institutions, distinct names
    assert all(len(v) <= len(full[k]) for k, v in shorts.items())
    assert sum(1 for k, v in shorts.items() if v != full[k]) > len(shorts) / 2  # most names are long here
    record = whole_node(next(n for n in nodes if n["id"] == "nesdb"))
    assert record["label"] == "NESDB" and record["title"].startswith(full["nesdb"]) and "short" not in record


#: Per era: each node's label box as vis-network last drew it, and whether the page left it out for want of room.
NAME_BOXES = """() => window.instnetView.drawings.map(d => d.nodes.get().map(n => {
  const m = d.network.body.nodes[n.id].labelModule, s = m.size, up = m.fontOptions.vadjust || 0;  // raised: vadjust
  return {id: n.id, box: [s.left, s.left + s.width, s.top + up, s.top + s.height + up], hidden: Boolean(d.hidden[n.id]),
          label: n.label};
}))"""


def _apart(a, b):
    return a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2]


@pytest.mark.parametrize("viewport", [(1280, 720), (1366, 768), (2560, 1440)])
def test_side_by_side_no_two_drawn_names_run_into_each_other(thailand, session_browser, viewport):
    """The dense eras (thailand 1997 and 2001) leave out the names that would run into others; most are drawn."""
    _ids, page = thailand
    with open_page(session_browser, page, viewport=viewport) as view:
        assert view.problems() == []
        eras = view.evaluate(NAME_BOXES)
    for names in eras:
        drawn = [n for n in names if not n["hidden"]]
        for i, a in enumerate(drawn):
            assert all(_apart(a["box"], b["box"]) for b in drawn[i + 1 :]), a["id"]
        assert {n["label"] for n in names if n["hidden"]} <= {""}
        assert all(n["label"] for n in drawn)
        assert len(drawn) >= 0.6 * len(names)
    assert any(n["hidden"] for names in eras for n in names)  # 2001 is too dense for all


def test_identity_marks_are_the_lists_of_a_diff_by_identity(graphs):
    """What a country page marks, against the whole diff, for every pair of bundled networks with shared ids."""
    from instnet.diff.identity import identity_marks

    keys = sorted(graphs)
    checked = 0
    for a in keys:
        for b in keys:
            if a == b or not set(graphs[a]) & set(graphs[b]):
                continue
            d = diff(graphs[a], graphs[b], match="identity")
            marks = identity_marks(graphs[a], graphs[b])
            assert marks["added"] == list(d.nodes_added["id"]), (a, b)
            assert marks["removed"] == list(d.nodes_removed["id"]), (a, b)
            assert marks["rewired"] == list(d.rewired["id"]), (a, b)
            checked += bool(marks["rewired"])
    assert checked >= 5  # pairs with rewired institutions among them


def test_chart_has_each_era_and_model(thailand):
    _, page = thailand
    html = page.read_text()
    chart = html[html.index('<svg id="chart"') :]
    chart = chart[: chart.index("</svg>")]
    for year in ("1980", "1997", "2001"):
        assert f">{year}</text>" in chart
    assert chart.count("<polyline") == 3
    assert chart.count('class="model"') == 3


def test_country_page_offline_without_errors(thailand, session_browser):
    _ids, page = thailand
    with open_page(session_browser, page, viewport=(1280, 720)) as view:
        assert view.problems() == []
        counts = view.evaluate("() => window.instnetView.networks.map(n => n.body.data.nodes.length)")
        assert counts == [len(e["nodes"]) for e in _data(page)["eras"]]
        # each record made whole by static/country.js as render/country.py's whole_node and whole_edge say
        shown = view.evaluate("() => window.instnetView.drawings.map(d => [d.nodes.get(), d.edges.get()])")
        for era, (nodes, edges) in zip(_data(page)["eras"], shown, strict=True):
            # a name not drawn for want of room (static/names.js) is an empty label, checked below
            made = [whole_node(n) for n in era["nodes"]]
            assert [
                n | {"label": m["label"]} if n["label"] == "" else n for n, m in zip(nodes, made, strict=True)
            ] == made
            assert edges == [whole_edge(e) for e in era["edges"]]
        marks = {n["mark"] for era in shown for n in era[0]}
        assert {"", "added", "removed"} <= marks
        view.screenshot(SHOTS / "country-thailand-1280x720.png")


def test_eras_that_share_no_institution_still_make_a_page():
    """Two eras whose ids all changed: every institution of the later era is added, every one of the earlier removed."""
    from instnet.render.country import country_html

    before = load_network("japan-1955")
    after = load_network("japan-2012")
    after = after.__class__(after)  # a copy, its ids renamed so the eras share none
    import networkx as nx

    after = nx.relabel_nodes(after, {n: f"new-{n}" for n in after}, copy=True)
    html = country_html("Japan", [before, after])
    data = json.loads(re.search(r'id="instnet-data">(.*?)</script>', html, re.S)[1])
    later = data["eras"][1]["nodes"]
    assert {n["mark"] for n in later if n["id"].startswith("new-")} == {"added"}
    assert {n["mark"] for n in later if not n["id"].startswith("new-")} == {"removed"}


def test_a_country_page_takes_its_eras_models_from_the_summaries_a_build_made():
    """The same page as when each era is classified again; the models given are the ones shown."""
    from instnet.classify import classify
    from instnet.render.country import country_html, measures_over_time

    eras = [load_network(k) for k in ("thailand-1980", "thailand-1997", "thailand-2001")]
    known = [classify(G).top for G in eras]
    assert country_html("Thailand", eras, models=known) == country_html("Thailand", eras)
    rows = measures_over_time(eras, [("councils",), (), ("fragmented", "councils")])
    assert [r["model"] for r in rows] == ["councils", "none", "fragmented, councils"]
