"""The network view's text alternative: the tables, the list of sources, Show in graph, the words for screen readers."""

import hashlib
import html
import json
import re

import pytest

from browser import open_page
from instnet import load_network
from instnet.layout.nodes import sort_key
from instnet.metrics.ties import tie_figures, ties_per_node
from instnet.render import render_html
from instnet.render.tables import network_tables, structure_sentences
from test_render import XSS, xss_graph


def _section(page: str) -> str:
    start = page.index('<section id="text-alt"')
    return page[start : page.index("</section>", start)]


def _data(page: str) -> dict:
    return json.loads(re.search(r'id="instnet-data">(.*?)</script>', page, re.S).group(1))


@pytest.fixture(scope="module")
def korea():
    return load_network("korea-1961")


_ROWS = """() => ['institutions-table', 'ties-table'].map(id => Array.from(
    document.querySelectorAll('#' + id + ' tbody tr')).map(tr => [tr.dataset.node ?? tr.dataset.edge,
    Array.from(tr.children).map(c => c.textContent), Array.from(tr.querySelectorAll('a')).map(a => a.getAttribute('href'))]))"""


def _rows_of(alt: dict) -> list:
    """The rows as the template wrote them before the script did (text of each cell, links)."""

    def cite(c):
        return c["key"] + (" (ext.)" if c["external"] else ""), [c["href"]] if c["href"] else []

    def row(r, cells):
        text, links = cite(r["cite"])
        return [str(r["id"]), [*cells, text, "Show in graph"], links]

    nodes = [row(r, [r["label"], r["kind"], r["role"], str(r["degree"])]) for r in alt["institutions"]]
    ties = [row(r, [r["source"], r["relation"], r["target"], r["years"]]) for r in alt["ties"]]
    return [nodes, ties]


@pytest.mark.browser
@pytest.mark.parametrize("name", ["korea-1961", "japan-1955"])
def test_the_script_writes_the_rows_the_template_did(session_browser, tmp_path, name):
    G = load_network(name)
    page = render_html(G)
    order = sorted(G, key=sort_key)  # the drawing's order
    alt = network_tables(G, order, {n: i for i, n in enumerate(order)})
    section = _section(page)
    assert "<tr data-node" not in section and section.count('class="pending"') == 2  # what each table holds
    path = tmp_path / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    with open_page(session_browser, path) as view:
        assert view.evaluate(_ROWS) == _rows_of(alt)
        assert view.problems() == []


def test_rows_are_the_drawing_s_nodes_and_ties(korea):
    page = render_html(korea)
    data = _data(page)
    labels = {n["id"]: korea.nodes[n["key"]]["label"] for n in data["nodes"]}
    assert data["find"]["names"] == [labels[i] for i in range(len(labels))]  # the rows' names
    tables = data["tables"]
    assert len(tables["nodes"]) == len(data["nodes"]) and len(tables["edges"]) == len(data["edges"])
    degree = ties_per_node(korea)
    assert [t[2] for t in tables["nodes"]] == [degree[n["key"]] for n in data["nodes"]]


def test_degree_column_is_the_one_tie_count(korea):
    order = list(korea.nodes)
    rows = network_tables(korea, order, {n: i for i, n in enumerate(order)})["institutions"]
    assert {order[r["id"]]: r["degree"] for r in rows} == ties_per_node(korea)


def test_citations_are_keys_linking_to_one_list_of_sources(korea):
    page = render_html(korea)
    section = _section(page)
    refs = korea.graph["references"]
    for key, ref in refs.items():
        citation = str(html.escape(ref["citation"], quote=True))
        assert section.count(citation) == 1  # once, in the list of sources, never in a row
        assert f'<li id="ref-{key}"><b>{key}</b>' in section
    words = _data(page)["tables"]["words"]
    links = {w[1:] for w in words if w.startswith("#")}
    assert links and links <= {f"ref-{k}" for k in refs}
    assert section.count("<caption>") == 2 and section.count('<th scope="col">') == 12


def test_the_structure_in_words_uses_the_tie_figures(korea):
    figures = tie_figures(korea)
    words = " ".join(structure_sentences(korea))
    assert words.startswith(f"A network of {korea.number_of_nodes()} institutions and {figures['ties']} ties.")
    assert f"with {figures['top_hub_ties']} of the {figures['ties']} ties" in words
    assert f"{round(100 * figures['vertical_share'])}% of the ties are vertical" in words
    page = render_html(korea)
    assert 'role="img"' in page and 'aria-describedby="structure about-text"' in page
    assert f'<p id="structure" class="sr">{html.escape(words, quote=True)}</p>' in page


def test_an_unsafe_reference_key_gets_a_numbered_anchor():
    payload = '"><script>window.__xss=1</script>'
    page = render_html(xss_graph(payload))
    section = _section(page)
    assert '<li id="ref-0"><b>&#34;&gt;&lt;script&gt;' in section or '<li id="ref-0"><b>&quot;&gt;&lt;script' in section
    assert "#ref-0" in _data(page)["tables"]["words"] and "<script" not in section


@pytest.mark.browser
def test_show_in_graph_by_keyboard_and_mouse(session_browser, tmp_path, korea):
    path = tmp_path / "korea.html"
    path.write_text(render_html(korea), encoding="utf-8")
    with open_page(session_browser, path, viewport=(1280, 720)) as view:
        page = view.page
        assert page.evaluate("() => document.querySelectorAll('#text-alt tbody tr button').length") == (
            korea.number_of_nodes() + korea.number_of_edges()
        )
        described = page.evaluate(
            "() => document.getElementById('network').getAttribute('aria-describedby').split(' ')"
            ".map(id => document.getElementById(id).textContent).join(' ')"
        )
        assert described.startswith("A network of 24 institutions") and korea.graph["summary"][:80] in described
        box = page.evaluate("() => document.getElementById('network').getBoundingClientRect().height")
        page.focus("#tables summary")
        page.keyboard.press("Enter")  # opens the tables
        assert page.evaluate("() => document.getElementById('tables').open")
        page.wait_for_timeout(200)
        shrunk = page.evaluate("() => document.getElementById('network').getBoundingClientRect().height")
        assert 0.45 * box < shrunk < box  # the drawing keeps more than half its height
        page.focus("#institutions-table tbody tr:nth-child(6) button")
        page.keyboard.press("Enter")
        node = page.evaluate(
            "() => Number(document.querySelector('#institutions-table tbody tr:nth-child(6)').dataset.node)"
        )
        state = view.evaluate(
            """(id) => { const n = window.instnetView.network, p = n.getPositions([id])[id], c = n.getViewPosition();
                return [n.getSelectedNodes(), Math.hypot(p.x - c.x, p.y - c.y) * n.getScale(), window.instnetView.labelPx()]; }""",
            node,
        )
        assert state[0] == [node] and state[1] < 2 and state[2] >= 15.9  # centred, its label readable
        assert page.evaluate("() => document.querySelector('tr.picked').dataset.node") == str(node)
        page.click("#ties-table tbody tr:nth-child(3) button")
        edge = int(page.evaluate("() => document.querySelector('tr.picked').dataset.edge"))
        ends = view.evaluate(
            """(id) => { const n = window.instnetView.network, e = window.instnetView.edges.get(id);
                const r = document.getElementById('network').getBoundingClientRect();
                return [n.getSelectedEdges(), [e.from, e.to].map(k => { const d = n.canvasToDOM(n.getPositions([k])[k]);
                  return d.x >= 0 && d.y >= 0 && d.x <= r.width && d.y <= r.height; })]; }""",
            edge,
        )
        assert ends == [[edge], [True, True]]  # the tie selected, both its ends on screen
        page.click("#institutions-table a[href^='#ref-']")
        assert page.evaluate("() => document.getElementById('sources').open")
        assert view.problems() == []


@pytest.mark.browser
def test_xss_corpus_in_the_tables_shows_as_text(session_browser, tmp_path):
    for payload in XSS:
        name = "t-" + hashlib.sha256(payload.encode()).hexdigest()[:10] + ".html"
        (tmp_path / name).write_text(render_html(xss_graph(payload)), encoding="utf-8")
        with open_page(session_browser, tmp_path / name) as view:
            view.page.click("#tables summary")
            view.page.click("#sources summary")
            view.page.click("#ties-table tbody tr:nth-child(1) button")
            view.page.wait_for_timeout(50)
            assert view.evaluate("() => window.__xss") is None, payload
            text = view.page.inner_text("#text-alt")
            assert payload.strip() in text or html.unescape(payload).strip() in text, payload
            tags = view.evaluate(
                "() => [...new Set([...document.querySelectorAll('#text-alt tbody *')].map(e => e.tagName))]"
            )
            assert set(tags) <= {"TR", "TH", "TD", "A", "BUTTON"}, payload  # the rows' text is text
            cells = view.evaluate(
                "() => [...document.querySelectorAll('#institutions-table tbody th')].map(c => c.textContent)"
            )
            assert payload in cells, payload
            hrefs = view.evaluate(
                "() => [...document.querySelectorAll('#text-alt tbody a')].map(a => a.getAttribute('href'))"
            )
            assert all(h.startswith("#ref-") for h in hrefs), payload
            node = next(n for n in view.nodes() if n["key"] == payload)  # its source line read from #sources
            assert node["title"].endswith(": " + payload), payload
            assert view.problems() == [], payload


@pytest.mark.browser
def test_the_diff_view_lists_the_ties_added_and_removed(session_browser, tmp_path):
    from instnet import diff, diff_html
    from instnet.render.tables import diff_tie_rows

    A, B = load_network("thailand-1997"), load_network("thailand-2001")
    d = diff(A, B)
    page = diff_html(A, B, d)
    start = page.index('<section id="changes">')
    section = page[start : page.index("</section>", start)]
    assert "<tr><td>added" not in section and 'class="pending"' in section  # the script writes the rows
    path = tmp_path / "diff.html"
    path.write_text(page, encoding="utf-8")
    with open_page(session_browser, path) as view:
        rows = view.evaluate(
            """() => [...document.querySelectorAll('#changes tbody tr')].map(tr => [...tr.children].map(
                 c => [c.tagName, c.getAttribute('scope'), c.textContent]))"""
        )
        assert view.problems() == []
    expected = diff_tie_rows(A, B, d.edges_added, d.edges_removed)
    assert rows == [
        [["TD", None, r["change"]], ["TH", "row", r["source"]], ["TD", None, r["relation"]], ["TD", None, r["target"]]]
        for r in expected
    ]
    assert [r[0][2] for r in rows] == ["added"] * len(d.edges_added) + ["removed"] * len(d.edges_removed)
    first = d.edges_added.iloc[0]
    assert rows[0][1][2] == B.nodes[first["source"]]["label"] and rows[0][3][2] == B.nodes[first["target"]]["label"]
    assert 'role="img"' in page and 'aria-describedby="summary"' in page
    role_mode = diff_html(load_network("korea-1961"), load_network("usa-1989"))
    assert '<section id="changes">' not in role_mode  # nothing matched by id: no such table


def test_a_very_large_network_gets_a_pointer_to_its_csv_instead_of_tables():
    import networkx as nx

    from instnet.render.tables import TABLE_LIMIT

    G = nx.path_graph(TABLE_LIMIT + 1, create_using=nx.DiGraph)
    order = list(G)
    alt = network_tables(G, order, {n: i for i, n in enumerate(order)})
    assert alt["big"] and alt["institutions"] == [] and alt["ties"] == []
    assert alt["structure"][0] == f"A network of {TABLE_LIMIT + 1} institutions and {TABLE_LIMIT} ties."
