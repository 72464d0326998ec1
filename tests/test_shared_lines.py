"""A site's pages share each network's long lines through data/<id>.js: the same JSON in the browser, lighter pages."""

import json
import re

import pytest

from browser import open_page
from instnet import diff, load_network
from instnet.render import render_html
from instnet.render.diff_view import diff_html
from instnet.render.shared_lines import (
    ABSENT,
    DATA_DIR,
    MIN_SHARED,
    lines_script,
    network_lines,
    read_lines_script,
    resolve_lines,
    share_lines,
)
from instnet.site import plan_site
from test_render import XSS, xss_graph

ASSETS = "../assets/"


def _data(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="instnet-data">(.*?)</script>', page, re.S)[1])


def test_a_network_lines_are_its_descriptions_and_quotes_each_once():
    G = load_network("japan-1955")
    lines = network_lines(G)
    assert len(lines) == len(set(lines)) and all(len(line) >= MIN_SHARED for line in lines)
    descriptions = {d["description"] for _, d in G.nodes(data=True) if len(d.get("description") or "") >= MIN_SHARED}
    quotes = {f"\u201c{d['quote']}\u201d" for _, _, d in G.edges(data=True) if len(d.get("quote") or "") >= MIN_SHARED}
    assert descriptions <= set(lines) and quotes <= set(lines)
    assert set(lines) <= descriptions | quotes | {f"\u201c{d['quote']}\u201d" for _, d in G.nodes(data=True)} | {
        d["description"] for _, _, d in G.edges(data=True)
    }


@pytest.mark.parametrize("payload", XSS)
def test_a_line_file_cannot_end_its_script_and_reads_back_whole(payload):
    lines = [payload + " " * MIN_SHARED, "plain line " * 4]
    script = lines_script(payload, lines)
    assert "<" not in script and ">" not in script and "\u2028" not in script and "\u2029" not in script
    assert read_lines_script(script) == (payload, lines)


def test_sharing_gives_back_the_same_json_and_a_lighter_page():
    A, B = load_network("japan-1955"), load_network("japan-2012")
    tables = {"japan-1955": network_lines(A), "japan-2012": network_lines(B)}
    whole = render_html(A)  # self-contained: its JSON as it is
    shared = render_html(A, assets=ASSETS, lines={"japan-1955": tables["japan-1955"]})
    assert f'<script src="../{DATA_DIR}/japan-1955.js"></script>' in shared
    assert resolve_lines(_data(shared), tables) == _data(whole)
    assert len(shared) < len(whole) - 20_000
    d = diff(A, B)
    whole = diff_html(A, B, d)
    shared = diff_html(A, B, d, assets=ASSETS, lines=tables)
    assert _data(shared)["lineFiles"] == ["japan-1955", "japan-2012"]
    assert resolve_lines(_data(shared), tables) == _data(whole)
    assert len(shared) < len(whole) - 20_000
    # a self-contained page keeps its JSON as it is: it loads nothing
    assert "lineFiles" not in _data(render_html(A)) and "../data/" not in render_html(A)
    assert '{"$rows"' not in render_html(A) and '{"$lines"' not in render_html(A)


def test_records_name_their_keys_once_and_read_back_whole():
    tables = {"x": ["a line long enough to be shared"]}
    records = [{"id": 0, "title": "a line long enough to be shared"}, {"id": 1, "x": None}, {"id": 2, "x": [1, 2]}]
    data = {"b": "a line long enough to be shared\nshort", "c": ["a line long enough to be shared"], "r": records}
    shared = share_lines(data, tables)
    assert shared["c"] == [{"$lines": [0]}]
    assert shared["r"] == {
        "$rows": [["id", "title", "x"], [0, {"$lines": [0]}, ABSENT], [1, ABSENT, None], [2, ABSENT, [1, 2]]]
    }
    assert resolve_lines(shared, tables) == data


@pytest.mark.parametrize("odd", [{"$lines": [0]}, {"$rows": [["a"], [1]]}, ABSENT])
def test_a_value_that_merely_looks_like_a_reference_leaves_the_page_as_it_is(odd):
    tables = {"x": ["a line long enough to be shared"]}
    data = {"a": odd, "b": "a line long enough to be shared", "r": [{"id": i} for i in range(3)]}
    shared = share_lines(data, tables)
    assert shared == data and resolve_lines(shared, tables) == data


def test_the_browser_reads_the_json_whole_from_the_line_files(tmp_path, session_browser):
    """Every page of a site (network, diff) gets back the JSON of a self-contained page, from file:// offline."""
    payload = XSS[5]  # "</script><script>window.__xss=1</script>"
    hostile = xss_graph(payload + " " * MIN_SHARED)
    hostile.graph.update(id="hostile", country="Japan", start=2020)  # a later era of Japan: diffed with japan-2012
    graphs = {key: load_network(key) for key in ("japan-1955", "japan-2012")} | {"hostile": hostile}
    files = plan_site(graphs)
    for path, content in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(content)
    tables = dict(read_lines_script(files[f"{DATA_DIR}/{key}.js"].decode()) for key in graphs)
    pages = [p for p in files if p.startswith(("networks/", "diffs/"))]
    assert len(pages) >= 3 and any(p.startswith("diffs/") for p in pages)
    for path in pages:
        data = _data(files[path].decode())
        assert data["lineFiles"]
        with open_page(session_browser, tmp_path / path, viewport=(1280, 720)) as view:
            assert view.problems() == []
            assert view.evaluate("() => window.__xss") is None
            assert view.evaluate("() => window.instnetData()") == resolve_lines(data, tables)
            if path == "networks/hostile.html":  # the hostile description reaches the tooltip as text
                assert any(payload in n["title"] for n in view.nodes())
