"""Tests of instnet.render: the HTML string, then the page in headless Chromium."""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from browser import open_page
from instnet.model import NODE_KINDS, RELATIONS
from instnet.render import (
    EXTERNAL_MARK,
    is_hierarchy,
    layout_positions,
    render_html,
    render_notebook,
    vis_assets,
)
from instnet.render.network import short_label
from instnet.render.page import view_css

# ---------------------------------------------------------------------------
# Graphs
# ---------------------------------------------------------------------------

REFERENCES = {
    "slides": {"seed": "grips-policy-coordination-slides.txt", "citation": "GRIPS slides, p. 3", "external": False},
    "johnson": {
        "seed": None,
        "citation": "Chalmers Johnson, MITI and the Japanese Miracle, 1982, p. 12",
        "external": True,
    },
}


def _node(G, key, label, kind, cite="slides", **extra):
    external = REFERENCES[cite]["external"]
    G.add_node(
        key,
        label=label,
        kind=kind,
        role=None,
        description=f"{label} described.",
        start=None,
        end=None,
        cite=cite,
        quote=f"{label} quoted",
        basis="stated",
        external=external,
        **extra,
    )


def _edge(G, u, v, relation, cite="slides"):
    G.add_edge(
        u,
        v,
        relation=relation,
        description=f"{u} {relation} {v}",
        start=None,
        end=None,
        cite=cite,
        quote=None,
        basis="inferred",
        external=REFERENCES[cite]["external"],
    )


def hierarchy_graph() -> nx.DiGraph:
    """A small top-down structure: a leader, a planning agency, two ministries, a council."""
    G = nx.DiGraph(
        id="test-1961",
        title="Test: a planning hierarchy",
        country="Testland",
        era="1960s",
        start=1961,
        end=1979,
        summary="A made-up hierarchy.",
        idealized=False,
        references=REFERENCES,
    )
    _node(G, "pm", "President", "head_of_government")
    _node(G, "epb", "Economic Planning Board", "planning_agency")
    _node(G, "mci", "Ministry of Commerce and Industry", "ministry")
    _node(G, "mof", "Ministry of Finance", "ministry")
    _node(G, "council", "Export Promotion Meeting", "council")
    _node(G, "kdi", "Development Institute", "research_institute", cite="johnson")
    _edge(G, "pm", "epb", "directs")
    _edge(G, "pm", "council", "chairs")
    _edge(G, "epb", "mci", "plans_for")
    _edge(G, "epb", "mof", "plans_for")
    _edge(G, "mci", "council", "member_of")
    _edge(G, "kdi", "epb", "advises", cite="johnson")
    return G


def network_graph() -> nx.DiGraph:
    """A flat structure: a council and stakeholders tied by horizontal and other ties."""
    G = nx.DiGraph(
        id="flat-2000",
        title="Flat: a consultative network",
        country="Flatland",
        era="2000s",
        start=2000,
        end=None,
        summary="",
        idealized=False,
        references=REFERENCES,
    )
    _node(G, "council", "Industry Council", "council")
    _node(G, "fed", "Federation of Industries", "business_association")
    _node(G, "union", "Union Federation", "trade_union")
    _node(G, "uni", "National University", "university")
    _node(G, "donor", "Aid Agency", "donor", cite="johnson")
    _node(G, "firms", "Local firms", "firm")
    _edge(G, "fed", "council", "member_of")
    _edge(G, "union", "council", "member_of")
    _edge(G, "uni", "council", "advises")
    _edge(G, "donor", "uni", "funds", cite="johnson")
    _edge(G, "fed", "union", "cooperates_with")
    _edge(G, "union", "fed", "opposes")
    _edge(G, "firms", "fed", "member_of")
    _edge(G, "council", "firms", "consults")
    return G


def single_graph() -> nx.DiGraph:
    G = nx.DiGraph(title="One institution", era="now", references=REFERENCES)
    _node(G, "solo", "The only ministry", "ministry")
    return G


def empty_graph() -> nx.DiGraph:
    return nx.DiGraph(title="Nothing yet", era="never", references={})


GRAPHS = {
    "hierarchy": hierarchy_graph,
    "network": network_graph,
    "single": single_graph,
    "empty": empty_graph,
}


def data_block(page: str) -> dict:
    """The page's JSON, each tooltip and label whole as static/network.js makes them (see render/compact.py)."""
    match = re.search(r'<script type="application/json" id="instnet-data">(.*?)</script>', page, re.S)
    assert match, "the page has no instnet data block"
    data = json.loads(match.group(1))
    if "nodes" not in data or "find" not in data:  # not a network page
        return data
    names = data["find"]["names"]
    listed = [
        html.unescape(c)
        for c in re.findall(r"<li id=\"[^\"]*\"><b>.*?</b>(?: \(external\))?: <span>(.*?)</span></li>", page, re.S)
    ]
    data["citations"] = [
        c if isinstance(c, str) else data["citationPrefixes"][c[1]] + listed[c[0]] for c in data["citations"]
    ]
    for n in data["nodes"]:
        more = ["title"] if "title" in n else []
        n.setdefault("label", names[n["id"]])
        if not n.pop("whole", False):
            n["title"] = "\n".join(
                [names[n["id"]], data["kindLines"][n.pop("kl")], "id: " + n["key"]] + [n.get("title", "")] * len(more)
            )
    for e in data["edges"]:
        head = (
            e.pop("head", None)
            or f"{names[e['from']]} \u2192 {data['relationNames'][e['rel']]} \u2192 {names[e['to']]}"
        )
        e["title"] = "\n".join([head, data["relationLines"][e["rel"]]] + ([e["title"]] if "title" in e else []))
    for item in data["nodes"] + data["edges"]:
        if "cite" in item:
            item["title"] += "\n" + data["citations"][item["cite"]]
    return data


def executed_scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", page, re.S)


# ---------------------------------------------------------------------------
# The HTML string
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_no_external_url_outside_the_vendored_library(name):
    page = render_html(GRAPHS[name]())
    js, css = vis_assets()
    css = view_css(css)
    assert page.count(js) == 1 and page.count(css) == 1
    own = page.replace(js, "").replace(css, "")
    for needle in ("http://", "https://", "//cdn", "<link", " src=", "@import", "url("):
        assert needle not in own.lower(), needle
    assert re.findall(r' href="(?!#ref-)', own) == []  # links only within the page (the tables' sources)
    # The vendored library's URLs are licence comments and namespace strings only:
    # the page holds no URL that the library alone does not.
    assert sorted(re.findall(r"https?://[^\s\"')]+", page)) == sorted(re.findall(r"https?://[^\s\"')]+", js))


def test_vendored_library_is_pyvis_copy_verbatim():
    import importlib.util

    base = Path(next(iter(importlib.util.find_spec("pyvis").submodule_search_locations)))
    js, css = vis_assets()
    assert js == (base / "templates/lib/vis-9.1.2/vis-network.min.js").read_text(encoding="utf-8")
    assert css == (base / "templates/lib/vis-9.1.2/vis-network.css").read_text(encoding="utf-8")


def test_rendering_does_not_import_pyvis_or_ipython():
    code = (
        "import sys, networkx as nx; from instnet.render import render_html; render_html(nx.DiGraph());"
        "print(sorted(m for m in ('pyvis', 'IPython') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_content_security_policy_hashes_exactly_the_page_scripts():
    page = render_html(hierarchy_graph())
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert match, "no CSP meta tag"
    assert page.index(match.group(0)) < page.index("<script"), "the CSP must come before any script"
    directives = dict(d.strip().split(" ", 1) for d in match.group(1).split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["style-src"] == "'unsafe-inline'"
    allowed = set(directives["script-src"].split())
    scripts = executed_scripts(page)
    # vis-network, what reads the JSON (lines.js), what finds crowded names (names.js), the view's script, what
    # hides items (visibility.js), the
    # seed-layer toggle's (the graph mixes seed and external items), the find panel's (highlight.js, find.js,
    # filter.js), the figure buttons' (download.js) and the tables'
    assert len(scripts) == 11 and 'id="seed-layer"' in page and 'id="find-q"' in page and 'id="download-svg"' in page
    hashes = {"'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'" for s in scripts}
    assert hashes == allowed
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in directives["script-src"]


def test_two_renders_are_byte_identical():
    assert render_html(hierarchy_graph()) == render_html(hierarchy_graph())
    assert render_html(network_graph(), scores={"a": 1.5}) == render_html(network_graph(), scores={"a": 1.5})


def test_render_does_not_depend_on_insertion_order_or_mutate_the_graph():
    G = hierarchy_graph()
    before = (list(G.nodes(data=True)), list(G.edges(data=True)), dict(G.graph))
    H = nx.DiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(data=True))))
    assert render_html(G) == render_html(H)
    assert (list(G.nodes(data=True)), list(G.edges(data=True)), dict(G.graph)) == before


def test_two_processes_give_identical_pages(tmp_path):
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import test_render as t; from instnet.render import render_html;"
        "sys.stdout.write(render_html(t.network_graph()))"
    )
    pages = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", script, str(Path(__file__).parent)], capture_output=True, env=env, check=True
        )
        pages.append(done.stdout)
    assert pages[0] == pages[1]
    assert pages[0].decode("utf-8") == render_html(network_graph())


def test_legend_lists_kinds_and_relations_present_only():
    page = render_html(hierarchy_graph())
    legend = page[page.index('<aside id="legend">') : page.index("</aside>")]
    present = {"head_of_government", "planning_agency", "ministry", "council", "research_institute"}
    for key, term in NODE_KINDS.items():
        assert (f'data-kind="{key}"' in legend) == (key in present), key
        if key in present:
            assert f"<span>{term.label}</span>" in legend.replace("&#x27;", "'")
    for key in RELATIONS:
        assert (f'data-relation="{key}"' in legend) == (
            key in {"directs", "chairs", "plans_for", "member_of", "advises"}
        )
    assert "Vertical ties" in legend and "Horizontal ties" in legend and "Other ties" not in legend
    assert "external source" in legend
    assert "degree" in legend
    assert "external source" not in render_html(single_graph()).split('<aside id="legend">')[1]


def test_size_label_and_scores_appear():
    page = render_html(
        network_graph(),
        sizes={"council": 0.9, "fed": 0.1, "union": 0.5},
        scores={"Density": 0.26666, "Nodes": 6},
        size_label="betweenness centrality",
    )
    assert "Size of a shape: betweenness centrality." in page
    assert "<dt>Density</dt><dd>0.267</dd>" in page and "<dt>Nodes</dt><dd>6</dd>" in page
    nodes = {n["key"]: n for n in data_block(page)["nodes"]}
    assert nodes["council"]["size"] > nodes["union"]["size"] > nodes["fed"]["size"] > 0
    assert nodes["uni"]["size"] == nodes["fed"]["size"]  # not measured: smallest size
    assert "Betweenness centrality: 0.9" in nodes["council"]["title"]


def test_default_size_is_total_degree():
    nodes = {n["key"]: n for n in data_block(render_html(hierarchy_graph()))["nodes"]}
    # epb has 4 ties, pm 2, mof 1
    assert nodes["epb"]["size"] > nodes["pm"]["size"] > nodes["mof"]["size"]
    assert "Degree (number of ties): 4" in nodes["epb"]["title"]


def test_styles_follow_kind_relation_axis_and_external():
    data = data_block(render_html(hierarchy_graph()))
    groups = data["options"]["groups"]  # [shape, fill]: static/network.js gives each its colours
    assert groups["head_of_government"][0] != groups["ministry"][0]
    assert len({tuple(g) for g in groups.values()}) == len(groups)
    styles = data["relationStyles"]
    assert styles["directs"]["dashes"] is False  # vertical: solid
    assert styles["member_of"]["dashes"] == [8, 5]  # horizontal: dashed
    assert styles["directs"]["color"] != styles["plans_for"]["color"]
    net = data_block(render_html(network_graph()))
    assert net["relationStyles"]["funds"]["dashes"] == [2, 4]  # other: dotted
    assert net["relationStyles"]["cooperates_with"]["head"] is None  # symmetric: no arrow
    nodes = {n["key"]: n for n in data["nodes"]}
    assert nodes["kdi"]["label"] == "Development Institute " + EXTERNAL_MARK
    assert nodes["kdi"]["external"] and data["externalLook"]["shapeProperties"]["borderDashes"]  # written once
    assert "shapeProperties" not in nodes["kdi"] and "shapeProperties" not in nodes["pm"]
    edges = {(e["from"], e["to"]): e for e in data["edges"]}
    kdi, epb = nodes["kdi"]["id"], nodes["epb"]["id"]
    assert edges[(kdi, epb)].get("ext") is True
    assert "physics" not in data["options"]  # off on every page: static/network.js holds the shared options


def test_tooltips_are_plain_text_with_description_relation_and_citation():
    G = hierarchy_graph()
    G.nodes["epb"]["description"] = "Plans <b>everything</b> & more"
    G.nodes["epb"]["quote"] = "the EPB <i>plans</i>"
    data = data_block(render_html(G))
    nodes = {n["key"]: n for n in data["nodes"]}
    title = nodes["epb"]["title"]
    assert "Plans <b>everything</b> & more" in title  # raw text: the browser shows it literally
    assert "&lt;" not in title and "&amp;" not in title
    assert "\u201cthe EPB <i>plans</i>\u201d" in title
    assert "Source: GRIPS slides, p. 3" in title
    assert "Planning / central economic agency" in title
    kdi_title = nodes["kdi"]["title"]
    assert "Source (external, not among the bundled source documents): Chalmers Johnson" in kdi_title
    edge = next(e for e in data["edges"] if e["rel"] == "plans_for")
    assert edge["title"].startswith("Economic Planning Board \u2192 plans for \u2192 ")
    assert "Relation: plans for (vertical tie): " in edge["title"]
    assert "Basis: inferred" in edge["title"]
    for script in executed_scripts(render_html(G))[1:]:
        assert "innerHTML" not in script


def test_script_json_escapes_markup_and_line_separators():
    G = single_graph()
    G.nodes["solo"]["label"] = "</script><script>x=1</script> & \u2028\u2029 <!--"
    page = render_html(G)
    block = re.search(r'<script type="application/json" id="instnet-data">(.*?)</script>', page, re.S).group(1)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in block
    assert data_block(page)["nodes"][0]["label"] == G.nodes["solo"]["label"]


def test_header_escapes_text():
    G = single_graph()
    G.graph["title"] = '<img src=x onerror="alert(1)">'
    G.graph["era"] = "{{ 7*7 }}"
    page = render_html(G, scores={"<b>": 1})
    assert '<h1 id="title">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</h1>' in page
    assert "<title>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</title>" in page
    assert "{{ 7*7 }}" in page and "<dt>&lt;b&gt;</dt>" in page


def test_empty_and_single_graphs_render():
    empty = render_html(empty_graph())
    assert "This network has no institutions yet." in empty
    assert data_block(empty)["nodes"] == [] and data_block(empty)["edges"] == []
    assert 'id="names-note"' not in empty  # no names to leave out
    single = data_block(render_html(single_graph()))
    assert [n["key"] for n in single["nodes"]] == ["solo"]


def test_the_legend_says_how_crowded_names_are_drawn_and_how_to_get_every_one_on_paper():
    from instnet.load import load_network

    page = render_html(load_network("japan-1955"))
    note = re.search(r'<p class="note" id="names-note">(.*?)</p>', page).group(1)
    assert "set above its shape or left out until you zoom in" in note
    assert "<code>instnet render japan-1955 -o japan-1955.pdf</code> draws every name" in note


def test_unknown_kind_and_relation_are_tolerated_and_explained():
    G = single_graph()
    G.add_node("odd", label="Odd", kind="spaceship")
    G.add_edge("solo", "odd", relation="teleports")
    page = render_html(G)
    assert "Unknown kind \u201cspaceship\u201d" in page
    assert "unknown relation \u201cteleports\u201d" in page


def test_hierarchy_detection_and_layout():
    assert is_hierarchy(hierarchy_graph())
    assert not is_hierarchy(network_graph())
    pos = layout_positions(hierarchy_graph())
    assert pos["pm"][1] < pos["epb"][1] < pos["mci"][1]
    assert pos["mci"][1] == pos["mof"][1]
    assert all(isinstance(c, int) for xy in pos.values() for c in xy)
    flat = layout_positions(network_graph())
    assert len(set(flat.values())) == len(flat)  # no two nodes on one spot
    assert layout_positions(network_graph()) == flat
    with pytest.raises(ValueError, match="layout must be"):
        layout_positions(network_graph(), layout="circle")


def test_layered_rows_do_not_overlap():
    pos = layout_positions(hierarchy_graph())
    rows: dict = {}
    for _key, (x, y) in pos.items():
        rows.setdefault(y, []).append(x)
    for xs in rows.values():
        xs.sort()
        assert all(b - a >= 60 for a, b in itertools.pairwise(xs))


def test_render_notebook_wraps_page_in_sandboxed_iframe():
    view = render_notebook(hierarchy_graph(), height=500)
    snippet = view._repr_html_()
    assert snippet.startswith('<iframe srcdoc="') and 'sandbox="allow-scripts"' in snippet
    assert "height:500px" in snippet
    inner = snippet[len('<iframe srcdoc="') : snippet.index('" sandbox=')]
    assert "<" not in inner and '"' not in inner
    assert view.page == render_html(hierarchy_graph())


def test_large_graph_renders_quickly_with_straight_edges():
    import time

    G = nx.gnm_random_graph(2000, 6000, seed=3, directed=True)
    kinds, rels = list(NODE_KINDS), list(RELATIONS)
    for n in G:
        G.nodes[n]["kind"] = kinds[n % len(kinds)]
    for i, (u, v) in enumerate(G.edges()):
        G.edges[u, v]["relation"] = rels[i % len(rels)]
    start = time.perf_counter()
    data = data_block(render_html(G))
    assert time.perf_counter() - start < 15
    assert len(data["nodes"]) == 2000 and len(data["edges"]) == 6000
    assert data["options"]["interaction"] == {"hover": False, "hideEdgesOnDrag": True, "hideEdgesOnZoom": True}


# ---------------------------------------------------------------------------
# In the browser
# ---------------------------------------------------------------------------


@pytest.fixture
def browser(session_browser):
    """The session's one headless Chromium (tests/conftest.py); missing: fail, not skip."""
    return session_browser


def _write(tmp_path, name, page) -> Path:
    path = tmp_path / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    return path


def _kinds_present(G) -> set[str]:
    return {NODE_KINDS[d["kind"]].label for _, d in G.nodes(data=True) if d.get("kind") in NODE_KINDS}


@pytest.mark.browser
@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_view_draws_offline_without_errors(browser, tmp_path, name):
    G = GRAPHS[name]()
    with open_page(browser, _write(tmp_path, name, render_html(G))) as view:
        assert view.problems() == []
        assert view.drawn_counts() == (G.number_of_nodes(), G.number_of_edges())
        assert view.evaluate("() => window.instnetView.network.physics.options.enabled") is False
        legend = view.legend_text()
        for label in _kinds_present(G):
            assert label in legend
        assert G.graph["title"] in view.header_text()


@pytest.mark.browser
def test_tooltip_shows_markup_as_text(browser, tmp_path):
    G = hierarchy_graph()
    G.nodes["epb"]["description"] = "Plans <b>everything</b> & more href"
    with open_page(browser, _write(tmp_path, "tooltip", render_html(G))) as view:
        epb = next(n["id"] for n in view.nodes() if n["key"] == "epb")
        text = view.tooltip_text("node", epb)
        assert "Plans <b>everything</b> & more href" in text
        assert view.evaluate("() => document.querySelectorAll('div.vis-tooltip *:not(br)').length") == 0
        edge = next(e["id"] for e in view.edges() if e["title"].startswith("Economic Planning Board \u2192 plans for"))
        assert "Relation: plans for (vertical tie)" in view.tooltip_text("edge", edge)
        assert view.problems() == []


@pytest.mark.browser
def test_a_blocked_request_is_reported(browser, tmp_path):
    """The helper itself: a page that asks for a URL shows up as a failed request."""
    page = "<!DOCTYPE html><html><body><img src='http://example.invalid/x.png'></body></html>"
    with open_page(browser, _write(tmp_path, "leaky", page), wait_for=None) as view:
        pass
    assert any("example.invalid" in r for r in view.failed_requests)


# ---------------------------------------------------------------------------
# XSS corpus: every payload in every text field, rendered and opened
# ---------------------------------------------------------------------------

XSS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    '<svg onload="window.__xss=1"></svg>',
    "<svg><script>window.__xss=1</script></svg>",
    "javascript:window.__xss=1",
    "</script><script>window.__xss=1</script>",
    "</style><script>window.__xss=1</script>",
    '"><script>window.__xss=1</script>',
    "' onmouseover='window.__xss=1' x='",
    '" autofocus onfocus="window.__xss=1" x="',
    "\u2028</script>\u2029<script>window.__xss=1</script>",
    '<a href="javascript:window.__xss=1">href</a>',
    "{{ 7*7 }}{{ cycler.__init__.__globals__ }}",
    "{% for x in [1] %}<img src=x onerror=window.__xss=1>{% endfor %}",
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    "<!--<script>window.__xss=1</script>-->",
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
    "${window.__xss=1}`;window.__xss=1;`",
    '<details open ontoggle="window.__xss=1">',
    "]]><script>window.__xss=1</script>",
    "<style>@import 'http://evil.example/x.css';</style>",
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
]


def xss_graph(payload: str) -> nx.DiGraph:
    references = {
        payload: {"seed": None, "citation": payload, "external": True},
        "plain": {"seed": "x.txt", "citation": "Plain", "external": False},
    }
    G = nx.DiGraph(
        id=payload,
        title=payload,
        country=payload,
        era=payload,
        summary=payload,
        start=1990,
        end=None,
        idealized=False,
        references=references,
    )
    G.add_node(
        payload,
        label=payload,
        kind="ministry",
        role=payload,
        description=payload,
        quote=payload,
        cite=payload,
        basis="stated",
        external=True,
        start=None,
        end=None,
    )
    G.add_node(
        "x" + payload,
        label="",
        kind=payload,
        role=None,
        description=None,
        quote=None,
        cite="plain",
        basis="inferred",
        external=False,
        start=None,
        end=None,
    )
    G.add_node("leader", label="Leader", kind="head_of_government", cite="plain", basis="inferred", external=False)
    G.add_edge(
        payload,
        "x" + payload,
        relation=payload,
        description=payload,
        quote=payload,
        cite=payload,
        basis="stated",
        external=True,
    )
    G.add_edge(
        "leader",
        payload,
        relation="directs",
        description=payload,
        quote=None,
        cite="plain",
        basis="inferred",
        external=False,
    )
    return G


def test_xss_corpus_is_large_enough():
    assert len(XSS) >= 15 and len(set(XSS)) == len(XSS)


@pytest.mark.parametrize("payload", XSS)
def test_xss_payload_is_escaped_in_html(payload):
    import html

    page = render_html(xss_graph(payload), scores={payload: 1}, size_label=payload)
    outside = re.sub(r'<script type="application/json" id="instnet-data">.*?</script>', "", page, flags=re.S)
    outside = outside.replace(vis_assets()[0], "")
    if any(c in payload for c in "<>&\"'"):
        assert payload not in outside  # markup characters never reach the page raw
    else:
        assert outside.count(payload) >= 3  # plain text (title, header, legend): shown as is
    assert f'<h1 id="title">{html.escape(payload)}</h1>' in outside
    nodes = {n["key"]: n for n in data_block(page)["nodes"]}
    assert nodes[payload]["label"] == short_label(payload) + " " + EXTERNAL_MARK
    assert "window.__xss" not in executed_scripts(page)[-1]


@pytest.mark.browser
@pytest.mark.parametrize("payload", XSS)
def test_xss_payload_runs_nothing_and_shows_literally(browser, tmp_path, payload):
    G = xss_graph(payload)
    page = render_html(G, scores={payload: 1}, size_label=payload)
    name = "xss-" + hashlib.sha256(payload.encode()).hexdigest()[:10]
    with open_page(browser, _write(tmp_path, name, page)) as view:
        view.page.wait_for_timeout(150)  # give a late handler (onload, ontoggle, refresh) its chance
        assert view.evaluate("() => window.__xss") is None
        assert view.evaluate("() => { try { return parent.__xss; } catch (e) { return null; } }") is None
        assert view.dialogs == []
        assert view.console_errors == [] and view.page_errors == []
        assert view.failed_requests == []
        assert view.page.inner_text("#title") == payload
        assert payload in view.page.inner_text("#era")
        assert view.page.title() == payload
        nodes = {n["key"]: n for n in view.nodes()}
        assert nodes[payload]["label"] == short_label(payload) + " " + EXTERNAL_MARK
        assert nodes["x" + payload]["label"] == short_label("x" + payload)  # empty label falls back to the id
        assert view.drawn_counts() == (3, 2)
        legend = view.legend_text()
        assert f"Unknown kind \u201c{payload}" in legend
        assert f"unknown relation \u201c{payload}" in legend
        tooltip = view.tooltip_text("node", nodes[payload]["id"])
        assert tooltip.startswith(payload)  # the full name, however long
        assert f"\u201c{payload}\u201d" in tooltip  # the quote
        assert f"Source (external, not among the bundled source documents): {payload}" in tooltip
        assert view.evaluate("() => document.querySelectorAll('div.vis-tooltip *:not(br)').length") == 0
        assert view.evaluate("() => window.__xss") is None
        assert view.problems() == []


# ---------------------------------------------------------------------------
# Bundled networks
# ---------------------------------------------------------------------------


def _bundled_ids() -> list[str]:
    from instnet.load import bundled_ids

    return bundled_ids()


def test_there_are_bundled_networks_to_view():
    assert _bundled_ids(), "no bundled network found in graphs/"


@pytest.mark.browser
@pytest.mark.parametrize("network_id", _bundled_ids())
def test_bundled_view_draws_offline(browser, tmp_path, network_id):
    from instnet.load import load_network

    G = load_network(network_id)
    page = render_html(G)
    assert page == render_html(load_network(network_id))
    with open_page(browser, _write(tmp_path, network_id, page)) as view:
        assert view.problems() == []
        assert view.drawn_counts() == (G.number_of_nodes(), G.number_of_edges())
        assert view.data_counts() == (G.number_of_nodes(), G.number_of_edges())
        legend = view.legend_text()
        kinds = _kinds_present(G)
        assert kinds and all(label in legend for label in kinds)
        absent = {t.label for k, t in NODE_KINDS.items()} - kinds
        assert not any(f"\n{label}\n" in f"\n{legend}\n" for label in absent)
        assert G.graph["title"] in view.header_text()
