"""The HTML diff view: offline, escaped, deterministic, and drawn as expected in Chromium."""

import hashlib
import json
import re

import networkx as nx
import pytest

from browser import open_page
from instnet.diff import diff, summary_sentences
from instnet.load import load_network
from instnet.render.diff_view import STATUS_COLOURS, diff_html, role_slots


def net(gid, country, nodes, edges, title=None):
    G = nx.DiGraph(id=gid, country=country, title=title or f"Title of {gid}", era="", start=None, end=None)
    for n, kind, role, label in nodes:
        G.add_node(n, kind=kind, role=role, label=label, description=f"About {label}", cite="x", basis="inferred")
    for u, v, rel in edges:
        G.add_edge(u, v, relation=rel, description=None, cite="x", basis="inferred")
    return G


@pytest.fixture
def era_pair():
    nodes = [
        ("pm", "head_of_government", "top_leader", "Prime Minister"),
        ("plan", "planning_agency", "pilot_agency", "Planning Board"),
        ("ind", "ministry", "industrial_ministry", "Ministry of Industry (MOI)"),
        ("firms", "firm", "private_sector", "Firms"),
    ]
    A = net(
        "x-1990",
        "X",
        nodes,
        [("pm", "plan", "directs"), ("plan", "ind", "plans_for"), ("ind", "firms", "incentivizes")],
    )
    nodes_b = [n for n in nodes if n[0] != "plan"] + [("council", "council", "consensus_forum", "Industry Council")]
    nodes_b[1] = ("ind", "ministry", "industrial_ministry", "Ministry of Economy (MOE)")
    B = net(
        "x-2000",
        "X",
        nodes_b,
        [
            ("pm", "council", "chairs"),
            ("ind", "council", "member_of"),
            ("ind", "firms", "provides_services_to"),
            ("pm", "ind", "directs"),
        ],
    )
    return A, B


@pytest.fixture
def country_pair(era_pair):
    A, _ = era_pair
    B = net(
        "y-1970",
        "Y",
        [
            ("pres", "head_of_government", "top_leader", "President"),
            ("epb", "planning_agency", "pilot_agency", "Economic Board"),
            ("kdi", "research_institute", "think_tank", "Institute"),
            ("min", "ministry", "line_ministry", "Ministries"),
            ("min2", "ministry", "line_ministry", "More ministries"),
        ],
        [
            ("pres", "epb", "directs"),
            ("epb", "min", "plans_for"),
            ("epb", "min2", "plans_for"),
            ("kdi", "epb", "advises"),
        ],
    )
    return A, B


def _whole(look: dict, node: bool) -> dict:
    """A look with its colour and arrow head whole, as static/diff.js writes them back."""
    out, c = dict(look), look.get("color")
    if isinstance(c, str):
        out["color"] = (
            {"background": c, "border": "#333333", "highlight": {"background": c, "border": "#000000"}}
            | {"hover": {"background": c, "border": "#000000"}}
            if node
            else {"color": c, "highlight": c, "hover": c}
        )
    if "arrows" in look and not isinstance(look["arrows"], dict):
        out["arrows"] = {
            "to": {"enabled": look["arrows"] is not None, "type": look["arrows"] or "arrow", "scaleFactor": 0.7}
        }
    return out


def data_block(page: str) -> dict:
    """The page's JSON, each record merged with its look, its tooltip and curve whole, as static/diff.js makes them."""
    data = json.loads(
        re.search(r'<script type="application/json" id="instnet-data">(.*?)</script>', page, re.S).group(1)
    )
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    for kind in ("nodes", "edges"):
        data["looks"][kind] = [_whole(look, kind == "nodes") for look in data["looks"][kind]]
        records = []
        for r in data[kind]:
            r = {**data["looks"][kind][r["look"]], **r}
            lines = [data["tipLines"][x] if isinstance(x, int) else x for x in r.pop("tip")]
            head = r["label"] if kind == "nodes" else f"{labels[r['from']]} \u2192 {labels[r['to']]}"
            r["title"] = "\n".join(lines if r.pop("whole", False) else [head, *lines])
            if "curve" in r:
                r["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": r.pop("curve")}
            records.append(r)
        data[kind] = records
    return data


def write(tmp_path, name, page):
    path = tmp_path / f"{name}.html"
    path.write_text(page, encoding="utf-8")
    return path


# ---------------------------------------------------------------- the page as text


def test_union_statuses(era_pair):
    A, B = era_pair
    data = data_block(diff_html(A, B))
    status = {n["key"]: n["status"] for n in data["nodes"]}
    assert status == {"pm": "common", "ind": "common", "firms": "common", "plan": "removed", "council": "added"}
    keys = {n["id"]: n["key"] for n in data["nodes"]}
    edges = {(keys[e["from"]], keys[e["to"]]): e["status"] for e in data["edges"]}
    assert edges == {
        ("pm", "plan"): "removed",
        ("plan", "ind"): "removed",
        ("ind", "firms"): "changed",
        ("pm", "council"): "added",
        ("ind", "council"): "added",
        ("pm", "ind"): "added",
    }
    colours = {n["key"]: n["color"]["background"] for n in data["nodes"]}
    assert colours["plan"] == STATUS_COLOURS["removed"][0] and colours["council"] == STATUS_COLOURS["added"][0]
    labels = {n["key"]: n["label"] for n in data["nodes"]}
    assert labels["ind"] == "MOI / MOE"


def test_side_by_side_aligns_roles(country_pair):
    A, B = country_pair
    d = diff(A, B)
    assert d.mode == "role"
    data = data_block(diff_html(A, B, d))
    pos = {(n["side"], n["key"]): (n["x"], n["y"]) for n in data["nodes"]}
    slots = role_slots(d)
    # the same role sits at the same height on both sides, and at the same place relative to its side
    (xa, ya), (xb, yb) = pos[("a", "pm")], pos[("b", "pres")]
    assert ya == yb
    offset = xb - xa
    assert offset > 0
    (xa, ya), (xb, yb) = pos[("a", "plan")], pos[("b", "epb")]
    assert (ya == yb) and (xb - xa == offset)
    assert pos[("a", "plan")][1] == slots["pilot_agency"][1]
    # two line ministries in B share their slot's row, side by side
    assert pos[("b", "min")][1] == pos[("b", "min2")][1] and pos[("b", "min")][0] != pos[("b", "min2")][0]
    # every node of each side lies on its own side of the divide
    assert all((n["x"] < 0) == (n["side"] == "a") for n in data["nodes"])
    captions = [c["text"] for c in data["captions"]]
    assert "x-1990" in captions and "y-1970" in captions
    assert "Think tank (none)" in captions  # A lacks the role B has
    # each caption's font and colour are written once, in the looks it indexes: the role names' grey, lighter for "(none)"
    looks = data["captionLooks"]
    assert len(looks) == len({(k["font"], k["color"]) for k in looks}) == 4
    drawn = {c["text"]: looks[c["look"]] for c in data["captions"]}
    assert drawn["x-1990"]["font"].startswith("bold 22px ") and drawn["Think tank (none)"]["color"] == "#b0b0b0"


def test_identity_with_few_shared_institutions_is_drawn_side_by_side(era_pair):
    A, _B = era_pair
    B2 = net(
        "x-2010",
        "X",
        [
            ("pm", "head_of_government", "top_leader", "PM"),
            *[(f"c{i}", "council", "consensus_forum", f"Council {i}") for i in range(12)],
        ],
        [("pm", f"c{i}", "chairs") for i in range(12)],
    )
    d = diff(A, B2)
    assert d.mode == "identity" and d.distance("node_jaccard").value > 0.75
    page = diff_html(A, B2, d)
    nodes = data_block(page)["nodes"]
    assert {n["side"] for n in nodes} == {"a", "b"}
    assert {n["key"] for n in nodes if n["shared"]} == {"pm"}
    assert "shared institutions with a thick outline" in page
    union = data_block(diff_html(A, B2, d, layout="union"))["nodes"]
    assert len(union) == len(set(A) | set(B2))
    with pytest.raises(ValueError):
        diff_html(A, B2, diff(A, B2, match="role"), layout="union")
    with pytest.raises(ValueError):
        diff_html(A, B2, d, layout="grid")


def test_page_is_offline_and_locked(era_pair):
    A, B = era_pair
    page = diff_html(A, B)
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    assert "default-src 'none'" in csp and "unsafe" not in csp
    assert len(re.findall(r"'sha256-", csp)) == 6  # four scripts (vis-network, lines.js, names.js, diff.js), two sheets
    outside = re.sub(r"<script>.*?</script>", "", page, flags=re.S)
    assert not re.search(r"(src|href)=", outside)


def test_deterministic_bytes(era_pair, country_pair):
    A, B = era_pair
    assert diff_html(A, B) == diff_html(A, B)
    # insertion order does not matter (B has a single top hub: metrics break ties by node order)
    B2 = nx.DiGraph(**B.graph)
    B2.add_nodes_from(reversed(list(B.nodes(data=True))))
    B2.add_edges_from(reversed(list(B.edges(data=True))))
    assert list(B2) != list(B)
    assert diff_html(A, B2) == diff_html(A, B)
    C, D = country_pair
    assert diff_html(C, D) == diff_html(C, D)


def test_measures_sentences_and_distances_are_shown(era_pair):
    A, B = era_pair
    d = diff(A, B)
    page = diff_html(A, B, d)
    import html

    for sentence in summary_sentences(d):
        assert f"<li>{html.escape(sentence)}</li>" in page
    assert '<section id="measures">' in page and "Top hub share" in page
    assert "role_ties" in page and "total variation" in page


# ---------------------------------------------------------------- in the browser


@pytest.mark.browser
def test_union_view_in_browser(session_browser, tmp_path, era_pair):
    A, B = era_pair
    with open_page(session_browser, write(tmp_path, "union", diff_html(A, B))) as view:
        assert view.problems() == []
        assert view.drawn_counts() == (5, 6)
        legend = view.legend_text()
        for word in ("common", "added", "removed", "changed", "Head of government", "Council or committee"):
            assert word in legend
        assert "x-1990 \u2192 x-2000" in view.header_text()
        summary = view.page.inner_text("#summary")
        assert "Renamed in x-2000" in summary
        council = next(n["id"] for n in view.nodes() if n["key"] == "council")
        assert "only in x-2000 (added)" in view.tooltip_text("node", council)


@pytest.mark.browser
def test_side_view_in_browser(session_browser, tmp_path, country_pair):
    A, B = country_pair
    with open_page(session_browser, write(tmp_path, "side", diff_html(A, B))) as view:
        assert view.problems() == []
        assert view.drawn_counts() == (
            A.number_of_nodes() + B.number_of_nodes(),
            A.number_of_edges() + B.number_of_edges(),
        )
        legend = view.legend_text()
        for word in ("x-1990 on the left", "Planning / central economic agency", "directs", "advises"):
            assert word in legend
        assert "Matched by role" in view.page.inner_text("#summary")


XSS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    "</script><script>window.__xss=1</script>",
    '"><svg onload="window.__xss=1"></svg>',
    "' onmouseover='window.__xss=1' x='",
    "\u2028</script>\u2029<script>window.__xss=1</script>",
    "</style><script>window.__xss=1</script>",
    '<a href="javascript:window.__xss=1">x</a>',
]


def xss_pair(payload, same_country=True):
    A = net(
        payload,
        payload,
        [(payload, "ministry", payload, payload), ("pm", "head_of_government", "top_leader", payload)],
        [("pm", payload, payload)],
        title=payload,
    )
    B = net(
        payload + "2",
        payload if same_country else "other",
        [
            (payload, "ministry", "industrial_ministry", payload + "!"),
            ("pm", "head_of_government", "top_leader", "PM"),
            ("c", payload, None, payload),
        ],
        [("pm", payload, "directs"), ("c", "pm", payload)],
        title=payload,
    )
    return A, B


@pytest.mark.parametrize("payload", XSS)
def test_xss_is_escaped_in_html(payload):
    for same in (True, False):
        A, B = xss_pair(payload, same)
        page = diff_html(A, B)
        outside = re.sub(r'<script type="application/json" id="instnet-data">.*?</script>', "", page, flags=re.S)
        outside = re.sub(r"<script>.*?</script>\n</body>", "", outside, flags=re.S)
        assert payload not in outside
        scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
        assert len(scripts) == 4 and all("window.__xss" not in text for text in scripts)
        data = data_block(page)
        assert payload in {n["label"] for n in data["nodes"]}


@pytest.mark.browser
@pytest.mark.parametrize("payload", XSS)
def test_xss_runs_nothing_and_shows_literally(session_browser, tmp_path, payload):
    name = "xss-" + hashlib.sha256(payload.encode()).hexdigest()[:10]
    for same in (True, False):
        A, B = xss_pair(payload, same)
        with open_page(session_browser, write(tmp_path, f"{name}-{same}", diff_html(A, B))) as view:
            view.page.wait_for_timeout(100)
            assert view.evaluate("() => window.__xss") is None
            assert view.problems() == []
            assert payload in view.header_text()
            assert payload in view.page.inner_text("#summary")
            assert view.page.title() == f"Diff {payload} \u2192 {payload}2"
            if view.evaluate("() => !!document.querySelector('#changes')"):  # the rows the script wrote: text
                tags = view.evaluate("() => [...document.querySelectorAll('#changes tbody *')].map(e => e.tagName)")
                assert tags and set(tags) <= {"TR", "TH", "TD"}
                assert payload.strip() in view.page.inner_text("#changes tbody")
            node = next(n for n in view.nodes() if n["key"] == payload)
            assert payload in view.tooltip_text("node", node["id"])
            assert view.evaluate("() => document.querySelectorAll('div.vis-tooltip *:not(br)').length") == 0
            assert view.evaluate("() => window.__xss") is None


# ---------------------------------------------------------------- bundled pairs


@pytest.mark.browser
@pytest.mark.parametrize(
    "a, b", [("japan-1955", "japan-2012"), ("korea-1961", "japan-1955"), ("thailand-1980", "thailand-2001")]
)
def test_bundled_diff_views(session_browser, tmp_path, a, b):
    A, B = load_network(a), load_network(b)
    d = diff(A, B)
    page = diff_html(A, B, d)
    data = data_block(page)
    with open_page(session_browser, write(tmp_path, f"{a}--{b}", page)) as view:
        assert view.problems() == []
        assert view.drawn_counts() == (len(data["nodes"]), len(data["edges"]))
        if {n.get("side") for n in data["nodes"]} == {"a", "b"}:
            assert len(data["nodes"]) == A.number_of_nodes() + B.number_of_nodes()
            assert len(data["edges"]) == A.number_of_edges() + B.number_of_edges()
        else:
            assert len(data["nodes"]) == len(set(A) | set(B))
        assert "Legend" in view.legend_text()
        assert summary_sentences(d)[0] in view.page.inner_text("#summary")


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [(1280, 720), (1366, 768), (2560, 1440)])
def test_names_are_drawn_big_enough_to_read_at_every_size(session_browser, tmp_path, viewport):
    """Fitted to the screen, each name is drawn at 11 px at least: the compact name when the whole would be smaller."""
    A, B = load_network("japan-1955"), load_network("japan-2012")
    page = diff_html(A, B)
    data = data_block(page)
    with open_page(session_browser, write(tmp_path, "sizes", page), viewport=viewport) as view:
        assert view.problems() == []
        shown = view.evaluate(
            """() => { const v = window.instnetView, s = v.network.getScale();
                       return v.nodes.get().map(n => [n.id, n.label, (n.font ? n.font.size : 14) * s]); }"""
        )
        grown = view.evaluate("() => window.instnetView.labelScale") > 1
    records = {n["id"]: n for n in data["nodes"]}
    assert min(px for *_, px in shown) >= 10.99
    assert grown or viewport[0] > 2000  # a laptop's screen always needs it for these two networks
    for node_id, label, _ in shown:
        record = records[node_id]
        assert label == (record["short"] if grown else record["label"])
        assert len(record["short"]) <= len(record["label"])


#: Each node's label box as vis-network last drew it (drawing coordinates), whether it is drawn, its ties, and
#: whether it is in view (vis-network sizes only those as it draws).
NAME_BOXES = """() => { const v = window.instnetView, net = v.network;
  const seen = new Set(window.instnetNames.inView(net, v.nodes.getIds()));
  return v.nodes.get().map(n => { const s = net.body.nodes[n.id].labelModule.size;
    return {id: n.id, box: [s.left, s.left + s.width, s.top, s.top + s.height], hidden: Boolean(v.hidden[n.id]),
            color: n.font.color, ties: net.getConnectedEdges(n.id).length, title: n.title, seen: seen.has(n.id)}; }); }"""


def _apart(a, b):
    return a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2]


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [(1280, 720), (1366, 768), (2560, 1440)])
def test_no_two_drawn_names_run_into_each_other_and_zooming_in_draws_more(session_browser, tmp_path, viewport):
    """Dense role slots put names on top of each other at a laptop's size: a name that would run into one
    already drawn is left out (the best-connected first), hover still gives it, and zooming in draws it."""
    A, B = load_network("japan-1955"), load_network("japan-2012")
    page = diff_html(A, B)
    assert "names-note" in page and "<code>instnet diff japan-1955 japan-2012 --figure diff.pdf</code>" in page
    with open_page(session_browser, write(tmp_path, "names", page), viewport=viewport) as view:
        assert view.problems() == []
        names = view.evaluate(NAME_BOXES)
        drawn = [n for n in names if not n["hidden"]]
        for i, a in enumerate(drawn):
            assert all(_apart(a["box"], b["box"]) for b in drawn[i + 1 :]), a["id"]
        roles = view.evaluate("() => window.instnetView.captionBoxes")
        assert len(roles) >= 10
        assert [(a["id"], c["text"]) for a in drawn for c in roles if not _apart(a["box"], c["box"])] == []
        assert {n["color"] for n in drawn} == {"#222222"}
        assert {n["color"] for n in names if n["hidden"]} <= {"rgba(0,0,0,0)"}
        most = max(n["ties"] for n in names)
        assert any(n["ties"] == most for n in drawn)  # the best-connected name is drawn first
        assert len(drawn) >= (0.4 if viewport[0] < 2000 else 0.8) * len(names)
        hidden = {n["id"] for n in names if n["hidden"]}
        labels = {n["id"]: n["title"].splitlines()[0] for n in names}
        assert all(labels[i] for i in hidden)  # the tooltip keeps the name
        view.evaluate(
            """() => { const net = window.instnetView.network;
                       net.moveTo({scale: net.getScale() * 2.5, animation: false}); net.emit("zoom", {}); net.redraw(); }"""
        )
        view.page.wait_for_timeout(200)
        zoomed = view.evaluate(NAME_BOXES)
        shown = [n for n in zoomed if not n["hidden"] and n["seen"]]
        after = sum(n["hidden"] for n in zoomed)
        assert after < len(hidden) or len(hidden) <= 1  # more room, more names
        for i, a in enumerate(shown):
            assert all(_apart(a["box"], b["box"]) for b in shown[i + 1 :]), a["id"]
        box = view.page.locator("#network").bounding_box()  # a pan brings names into view: checked once drawn
        view.page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.5)
        view.page.mouse.down()
        view.page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.5, steps=8)
        view.page.mouse.up()
        view.page.wait_for_timeout(200)
        panned = [n for n in view.evaluate(NAME_BOXES) if not n["hidden"] and n["seen"]]
        assert {n["id"] for n in panned} != {n["id"] for n in shown}
        for i, a in enumerate(panned):
            assert all(_apart(a["box"], b["box"]) for b in panned[i + 1 :]), a["id"]


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [(1280, 720), (1366, 768), (2560, 1440)])
def test_role_names_over_the_slots_stay_apart(session_browser, tmp_path, viewport):
    """Grown to stay readable on a laptop, a role's name is cut short (its "(none)" kept) to fit its slot."""
    for a, b in [("japan-1955", "japan-2012"), ("malaysia-1997", "malaysia-2004"), ("thailand-1997", "thailand-2001")]:
        A, B = load_network(a), load_network(b)
        with open_page(session_browser, write(tmp_path, f"{a}-{b}", diff_html(A, B)), viewport=viewport) as view:
            assert view.problems() == []
            drawn = view.evaluate("() => window.instnetView.captionBoxes")
            data = view.evaluate("() => window.instnetData()")
        full = [c["text"] for c in data["captions"]]
        assert len(drawn) == len(full) > 10
        for i, one in enumerate(drawn):
            assert all(_apart(one["box"], other["box"]) for other in drawn[i + 1 :]), (a, one["text"])
        for shown, whole in zip((c["text"] for c in drawn), full, strict=True):
            if shown != whole:  # cut: the start of the name, an ellipsis, and its "(none)" when it had one
                stem = shown.removesuffix(" (none)").removesuffix("\u2026")
                assert shown.removesuffix(" (none)").endswith("\u2026") and whole.startswith(stem), (shown, whole)
                assert shown.endswith(" (none)") == whole.endswith(" (none)")
        if viewport[0] > 2000:
            assert sum(s["text"] == w for s, w in zip(drawn, full, strict=True)) >= 0.6 * len(full)
