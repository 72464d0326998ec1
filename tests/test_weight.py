"""The site's weight: each text written once per page and joined back in the browser, a lean vis-network sheet, sizes."""

import html
import json
import re
import zipfile
from pathlib import Path

import pytest

from browser import open_page, page_json
from instnet import diff, load_network, site
from instnet.render import diff_view
from instnet.render.page import ASSETS, VIEW_RULES, view_css, vis_assets
from instnet.render.tooltips import edge_title, node_title

KB, MB = 1000, 1000 * 1000


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("weight") / "site"
    site.build_site(None, out, jobs=2)
    return out


def _payload(page: Path) -> dict:
    """The page's JSON as its scripts read it (shared lines and records whole, as the browser makes them)."""
    return page_json(page)


def _expected_titles(network_id: str) -> tuple[dict, dict]:
    """Node key -> and (source key, target key) -> the tooltip tooltips.py writes, with the site's node sizes."""
    G = load_network(network_id)
    args = site._view_args(G, "degree")
    size_title = args["size_label"][:1].upper() + args["size_label"][1:]
    nodes = {str(n): node_title(G, n, d, size_title, args["sizes"][n]) for n, d in G.nodes(data=True)}
    edges = {(str(u), str(v)): edge_title(G, u, v, d) for u, v, d in G.edges(data=True)}
    return nodes, edges


@pytest.mark.parametrize("network_id", ["japan-1955", "korea-1961"])
def test_every_tooltip_the_browser_assembles_is_what_tooltips_py_writes(bundled_site, session_browser, network_id):
    page = bundled_site / "networks" / f"{network_id}.html"
    data = _payload(page)
    lines = [json.dumps(c) for c in data["citations"]]
    assert lines and len(set(lines)) == len(lines)  # each source line once
    assert all(isinstance(c, list) for c in data["citations"])  # each read from the list of sources
    texts = [c for c in data["citations"] if isinstance(c, str)] + data["citationPrefixes"]
    assert not any(line in item.get("title", "") for item in data["nodes"] + data["edges"] for line in texts)
    expected_nodes, expected_edges = _expected_titles(network_id)
    with open_page(session_browser, page, viewport=(1280, 720)) as view:
        assert view.problems() == []
        nodes = view.nodes()
        keys = {n["id"]: n["key"] for n in nodes}
        assert {n["key"]: n["title"] for n in nodes} == expected_nodes
        edges = view.edges()
        assert {(keys[e["from"]], keys[e["to"]]): e["title"] for e in edges} == expected_edges
        hub = max(nodes, key=lambda n: n["size"])
        shown = view.tooltip_text("node", hub["id"])
        assert shown.strip() == expected_nodes[hub["key"]].strip()
        assert expected_nodes[hub["key"]].splitlines()[-1].startswith("Source")
        # the tooltip keeps vis-network's look: from the lean sheet in assets/
        look = view.evaluate(
            """() => { const s = getComputedStyle(document.querySelector("div.vis-tooltip"));
                       return [s.position, s.backgroundColor, s.borderTopWidth, s.borderTopStyle, s.visibility,
                               s.pointerEvents, s.boxShadow !== "none"]; }"""
        )
        assert look == ["absolute", "rgb(245, 244, 237)", "1px", "solid", "visible", "none", True]
        view.screenshot("/tmp/weight-tooltip.png")


@pytest.mark.parametrize("network_id", ["korea-1961", "usa-1989"])
def test_vis_network_gets_the_whole_options_from_the_shared_script(bundled_site, session_browser, network_id):
    from instnet.render import compact, network

    page = bundled_site / "networks" / f"{network_id}.html"
    data = _payload(page)
    assert set(data["options"]) == {"groups"}  # the rest is static/network.js's SHARED
    expected = compact._options(len(data["nodes"]), network._groups(list(data["options"]["groups"])))
    with open_page(session_browser, page, viewport=(1280, 720)) as view:
        assert view.evaluate("() => window.instnetView.options") == expected
        assert view.problems() == []


def test_the_diff_view_draws_each_record_with_its_look(bundled_site, session_browser):
    page = bundled_site / "diffs" / "japan-1955--japan-2012.html"
    data = _payload(page)
    assert len(data["looks"]["edges"]) < len(data["edges"]) / 3  # a look is written once for many ties
    with open_page(session_browser, page, viewport=(1366, 768)) as view:
        assert view.problems() == []
        shapes = {n["id"]: n["shape"] for n in view.nodes()}
        assert shapes == {n["id"]: data["looks"]["nodes"][n["look"]]["shape"] for n in data["nodes"]}
        # tooltips and curves rebuilt from tipLines and the labels, the options from static/diff.js
        A, B = load_network("japan-1955"), load_network("japan-2012")
        d = diff(A, B)
        layout = diff_view._choose_layout(d, "auto")
        drawing = (diff_view.identity_drawing if layout == "union" else diff_view.role_drawing)(A, B, d)
        for kind, records in (("node", view.nodes()), ("edge", view.edges())):
            expected = {r["id"]: r for r in drawing[kind + "s"]}
            assert {r["id"]: r["title"] for r in records} == {i: r["title"] for i, r in expected.items()}, kind
            assert {r["id"]: r.get("smooth") for r in records} == {i: r.get("smooth") for i, r in expected.items()}
            for key in diff_view._NODE_LOOK if kind == "node" else diff_view._EDGE_LOOK:  # each look whole again
                assert {r["id"]: r.get(key) for r in records} == {i: r.get(key) for i, r in expected.items()}, key
        assert view.evaluate("() => window.instnetView.options") == diff_view._options()
        assert "options" not in data and not any("title" in r or "smooth" in r for r in data["nodes"] + data["edges"])
        hub = max(view.nodes(), key=lambda n: len(n["title"]))
        assert view.tooltip_text("node", hub["id"]).strip() == hub["title"].strip()
        view.screenshot("/tmp/weight-diff.png")


def test_the_vis_network_sheet_keeps_only_the_tooltip_rule():
    _, full = vis_assets()
    lean = view_css(full)
    assert len(full) > 200_000 and len(lean) < 1_000
    assert "url(" not in lean and "data:" not in lean
    rules = lean.splitlines()
    assert rules and all(rule in full and any(name in rule.split("{")[0] for name in VIEW_RULES) for rule in rules)
    assert rules[0].startswith("div.vis-tooltip{") and "position:absolute" in rules[0]


def test_the_filter_refuses_a_sheet_it_cannot_read():
    with pytest.raises(RuntimeError, match="not a flat list of rules"):
        view_css("@media print{div.vis-tooltip{display:none}}")


def test_the_story_sources_are_written_once_and_shown_in_each_step(bundled_site, session_browser):
    page = bundled_site / "networks" / "japan-1955.html"
    data = _payload(page)
    markup = re.search(r'<section id="story".*?</section>', page.read_text(), flags=re.S).group(0)
    sources = data["time"]["story"]["sources"]
    assert sources and not any(html.escape(c)[:60] in markup for c in sources.values())
    with open_page(session_browser, page, viewport=(1280, 720)) as view:
        view.page.click("#story-start")
        shown = view.evaluate(
            """() => Array.from(document.querySelectorAll("#story .sources li")).map(
                 li => [li.getAttribute("data-source"), li.title, li.textContent])"""
        )
        assert view.problems() == []
    assert len(shown) > len(sources)  # a source cited by several steps is listed in each
    for key, title, text in shown:
        assert title == sources[key] and text == f"[{key}] {sources[key]}"


def test_exports_are_one_archive_per_network_with_compact_files(bundled_site):
    archives = sorted((bundled_site / "exports").iterdir())
    assert [p.suffix for p in archives] == [".zip"] * len(archives) and len(archives) >= 20
    with zipfile.ZipFile(bundled_site / "exports" / "korea-1961.zip") as archive:
        graphml = archive.read("korea-1961/korea-1961.graphml").decode("utf-8")
        node_link = archive.read("korea-1961/korea-1961.json").decode("utf-8")
    assert "\n  <" not in graphml and "\n<node " in graphml  # one element a line, not indented
    assert json.loads(node_link)["graph"]["id"] == "korea-1961" and node_link.count("\n") == 1


# Measured 2 December 2026: 2.95 MB of bytes (114 files; 3.18 MB on 4 KiB blocks), largest network page 59 KB
# (japan-1955): each network's descriptions and quotes are in data/<id>.js once, lists of records name their keys
# once, the tables, filters, tooltips' first lines and source lines are written by the shared scripts from the
# page's JSON. The site bounds are that plus 5%; every page stays within 100 KB.
SITE_LIMIT, SITE_BYTES, PAGE_LIMIT = int(3.34 * MB), int(3.10 * MB), 100 * KB


def test_the_bundled_site_stays_light(bundled_site):
    files = [p for p in bundled_site.rglob("*") if p.is_file()]
    on_disk = sum(-(-p.stat().st_size // 4096) * 4096 for p in files)  # what du counts on 4 KiB blocks
    assert on_disk <= SITE_LIMIT, on_disk
    assert sum(p.stat().st_size for p in files) <= SITE_BYTES  # what benchmarks/bench_site.py reports
    pages = {p.name: p.stat().st_size for p in (bundled_site / "networks").glob("*.html")}
    assert len(pages) >= 20 and max(pages.values()) <= PAGE_LIMIT, max(pages.items(), key=lambda kv: kv[1])
    diffs = {p.name: p.stat().st_size for p in (bundled_site / "diffs").glob("*.html")}
    assert len(diffs) >= 20 and max(diffs.values()) <= PAGE_LIMIT, max(diffs.items(), key=lambda kv: kv[1])
    assert (bundled_site / "assets" / ASSETS["css"]).stat().st_size < 1_000
