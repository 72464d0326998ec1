"""Country pages' stories (<page>.story.toml): validation corpus, the bundled story's sources,
the step-through in a browser (mouse and keyboard), tie marks, and hostile data on a country page."""

import csv
import json
import re
import tempfile
import unicodedata
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from browser import open_page, page_json
from instnet import load_network, site
from instnet.cli import cli
from instnet.country_story import parse_country_story
from instnet.errors import InvalidNetwork
from instnet.load import bundled_graphs_dir, network_ids
from instnet.render.country import country_html, site_countries
from instnet.render.page import vis_assets
from instnet.site_countries import country_files, country_stories
from test_country import NAME_BOXES, _apart

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p for p in CORPUS.glob("country-*") if p.is_dir())
SHOTS = Path(tempfile.gettempdir()) / "instnet-screenshots"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def graphs():
    root = bundled_graphs_dir()
    return {k: load_network(root / k) for k in network_ids(root)}


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip()


# --- validation ---------------------------------------------------------------------------


def test_country_corpus_has_the_malformed_cases():
    assert {p.name for p in CASES} >= {
        "country-valid",
        "country-unknown-era",
        "country-missing-era",
        "country-unknown-node",
        "country-unknown-tie",
        "country-unknown-cite",
        "country-year-outside-era",
        "country-invalid-toml",
        "country-no-page",
    }


@pytest.mark.parametrize("folder", CASES, ids=lambda p: p.name)
def test_country_corpus_case(folder):
    lines = (folder / "expected.txt").read_text().splitlines()
    status = int(lines[0].removeprefix("exit: ").split()[0])
    expected = [line.replace("{dir}", str(folder)) for line in lines[1:] if line]
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == status, result.output
    assert "Traceback" not in result.output
    printed = [line for line in result.stderr.splitlines() if line.startswith(str(folder) + "/")]
    assert len(printed) == len(expected), result.stderr
    for message, line in zip(expected, printed, strict=True):
        assert line.startswith(message), (message, result.stderr)


def test_build_refuses_an_invalid_country_story(tmp_path):
    folder = CORPUS / "country-unknown-era"
    with pytest.raises(InvalidNetwork) as info:
        site.build_site(folder, tmp_path / "out")
    assert "testland.story.toml:13: unknown era 'testland-2050'" in str(info.value)
    assert not (tmp_path / "out").exists()


def test_unknown_era_drops_the_checks_that_need_it():
    era = {"nodes": {"pm"}, "ties": set(), "references": {"src": {}}, "start": 1980, "end": 1988}
    text = 'title = "t"\n[[step]]\nera = "nope"\ntitle = "s"\ntext = "x"\nnodes = ["zz"]\ncite = ["src"]\n'
    story, problems = parse_country_story(text, "t.story.toml", {"x-1980": era})
    assert story is None
    assert [str(p) for p in problems] == ["t.story.toml:3: unknown era 'nope' in step 1: the page shows x-1980."]


# --- the bundled story: every claim cited from the era it names ----------------------------


def test_thailand_story_is_valid_and_cites_its_eras(graphs):
    path, story, problems = country_stories(graphs)["thailand"]
    assert path.name == "thailand.story.toml"
    assert problems == [] and story is not None
    assert len(story["steps"]) >= 6
    eras = [s["era"] for s in story["steps"]]
    assert eras == sorted(eras) and set(eras) == {"thailand-1980", "thailand-1997", "thailand-2001"}
    for step in story["steps"]:
        G = graphs[step["era"]]
        assert step["nodes"] and step["ties"] and step["cite"]
        assert set(step["cite"]) <= set(G.graph["references"])
        for u, v in step["ties"]:
            assert G.has_edge(u, v)
            assert u in step["nodes"] and v in step["nodes"], (step["title"], u, v)
        # each tie the step draws cites one of the step's keys, so its claim has a source the step names
        for u, v in step["ties"]:
            assert G.edges[u, v]["cite"] in step["cite"], (step["title"], u, v)


def test_thailand_story_quotes_are_verbatim(graphs):
    """Every passage in “ ” of a step is in a cited seed document or in a cited item's quote of that era."""
    _, story, _ = country_stories(graphs)["thailand"]
    quoted = 0
    for step in story["steps"]:
        G = graphs[step["era"]]
        refs = G.graph["references"]
        sources = [(SEEDS / refs[k]["seed"]).read_text() for k in step["cite"] if refs[k].get("seed")]
        items = [d for _, d in G.nodes(data=True)] + [d for _, _, d in G.edges(data=True)]
        sources += [str(d.get("quote") or "") for d in items if d.get("cite") in step["cite"]]
        haystack = _norm(" ".join(sources))
        for quote in re.findall(r"“(.+?)”", step["text"]):
            quoted += 1
            assert _norm(quote).rstrip(".") in haystack, (step["title"], quote)
    assert quoted >= 5


# --- tie marks --------------------------------------------------------------------------


def _data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="instnet-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


def test_tie_marks_follow_the_era_before(graphs):
    ids = site_countries(graphs)["thailand"]
    eras = [graphs[k] for k in ids]
    data = _data(country_html("Thailand", eras))
    assert {e["mark"] for e in data["eras"][0]["edges"]} == {""}
    for i in (1, 2):
        A, B = eras[i - 1], eras[i]
        pairs_a = {frozenset(e): A.edges[e]["relation"] for e in A.edges}
        pairs_b = {frozenset(e) for e in B.edges}
        marks = {(e["from"], e["to"]): e["mark"] for e in data["eras"][i]["edges"]}
        for u, v in B.edges:
            was = pairs_a.get(frozenset((u, v)))
            expect = "added" if was is None else ("" if was == B.edges[u, v]["relation"] else "rewired")
            assert marks[(u, v)] == expect, (u, v)
        removed = {k for k, m in marks.items() if m == "removed"}
        assert removed == {(u, v) for u, v in A.edges if frozenset((u, v)) not in pairs_b}
        assert removed and any(m == "added" for m in marks.values())
        ends = {n["id"] for n in data["eras"][i]["nodes"]}
        assert all(u in ends and v in ends for u, v in marks)  # every drawn tie has both ends drawn


def test_legend_explains_every_mark(graphs):
    ids = site_countries(graphs)["japan"]
    html = country_html("Japan", [graphs[k] for k in ids])
    legend = html[html.index('<div id="legend">') : html.index("</header>")]
    for key in ("", "added", "removed", "rewired"):
        assert f'data-mark="{key}"' in legend and f'data-tie-mark="{key}"' in legend


# --- the step-through in a browser --------------------------------------------------------


@pytest.fixture(scope="module")
def thailand_page(graphs, tmp_path_factory):
    ids = site_countries(graphs)["thailand"]
    _, story, _ = country_stories(graphs)["thailand"]
    out = tmp_path_factory.mktemp("country-story")
    for name, content in site.asset_files().items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(content)
    for name, content in country_files("thailand", [graphs[k] for k in ids], story).items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(content)
    return out / "countries" / "thailand.html", story, ids


LIT = """() => {
  const i = Number(document.body.getAttribute("data-story-era"));
  const d = window.instnetView.drawings[i];
  return {era: i, step: document.body.getAttribute("data-story-step"),
          current: [...document.querySelectorAll("figure.era.current")].map(f => f.dataset.era),
          lit: d.nodes.get().filter(n => n.opacity === 1).map(n => n.id).sort(),
          faded: d.nodes.get().filter(n => n.opacity < 0.2).length,
          ties: d.edges.get().filter(e => e.color.opacity === 1).map(e => [e.from, e.to]),
          visible: [...document.querySelectorAll(".story-step")].filter(a => !a.hidden).map(a => a.dataset.step)};
}"""


def _assert_step(view, story, ids, k):
    state = view.evaluate(LIT)
    step = story["steps"][k]
    assert state["step"] == str(k + 1)
    assert state["visible"] == [str(k)]
    assert state["current"] == [step["era"]] and ids[state["era"]] == step["era"]
    assert state["lit"] == sorted(step["nodes"])
    assert state["faded"] > 0
    assert sorted(map(tuple, state["ties"])) == sorted(map(tuple, step["ties"]))


def test_story_step_through_by_mouse_and_keyboard(thailand_page, session_browser):
    page, story, ids = thailand_page
    n = len(story["steps"])
    with open_page(session_browser, page, viewport=(1280, 720)) as view:
        assert view.evaluate("() => document.body.getAttribute('data-story-step')") == "0"
        view.page.click("#story-start")
        _assert_step(view, story, ids, 0)
        assert view.evaluate("() => document.getElementById('story-prev').disabled") is True
        for k in range(1, n):  # mouse: Next
            view.page.click("#story-next")
            _assert_step(view, story, ids, k)
            view.screenshot(SHOTS / f"country-story-step{k + 1}-1280x720.png")
        assert view.evaluate("() => document.getElementById('story-next').disabled") is True
        view.page.click("#story-prev")
        _assert_step(view, story, ids, n - 2)
        for k in range(n - 3, -1, -1):  # keyboard: left arrow back to the first step
            view.page.keyboard.press("ArrowLeft")
            _assert_step(view, story, ids, k)
        view.page.keyboard.press("ArrowRight")
        _assert_step(view, story, ids, 1)
        view.page.keyboard.press("Escape")
        after = view.evaluate(
            """() => window.instnetView.drawings.map(d => d.nodes.get().map(n => [n.mark, n.opacity === undefined ? 1 : n.opacity]))"""
        )
        assert view.evaluate("() => document.body.getAttribute('data-story-step')") == "0"
        assert view.evaluate("() => document.querySelectorAll('figure.era.current').length") == 0
        assert view.evaluate("() => document.body.hasAttribute('data-story-era')") is False
        for era in after:  # faded back to the page's own look: removed ghosts faded, the rest full
            assert all(o == (0.35 if m == "removed" else 1) for m, o in era)
        assert view.problems() == []


# --- hostile data on a country page -------------------------------------------------------

HOSTILE = (
    '</script><script>window.__xss=1</script><img src=x onerror="window.__xss=1">'
    '" onmouseover=\'window.__xss=1\' <svg onload="window.__xss=1"></svg>{{7*7}}\u2028'
)


def _hostile_era(year: int, extra: bool) -> nx.DiGraph:
    refs = {HOSTILE: {"seed": None, "citation": HOSTILE, "external": True}}
    G = nx.DiGraph(id=f"{HOSTILE}-{year}", title=HOSTILE, country=HOSTILE, start=year, end=year + 4, references=refs)
    for n in (HOSTILE, "leader", "x" + HOSTILE) if extra else (HOSTILE, "leader"):
        G.add_node(n, label=HOSTILE, kind="ministry", role="top_leader", cite=HOSTILE, basis="stated", external=True)
    G.add_edge("leader", HOSTILE, relation="directs" if extra else HOSTILE, cite=HOSTILE, basis="stated")
    if extra:
        G.add_edge(HOSTILE, "x" + HOSTILE, relation=HOSTILE, cite=HOSTILE, basis="stated")
    return G


SCAN = """() => ({xss: window.__xss,
  injected: document.querySelectorAll("img, iframe, object, embed, script:not([type]):not([src])").length,
  handlers: [...document.querySelectorAll("*")].filter(el => [...el.attributes].some(a => a.name.startsWith("on"))).length,
  title: document.getElementById("title").textContent})"""


def test_hostile_country_page_runs_nothing(session_browser, tmp_path):
    eras = [_hostile_era(1990, False), _hostile_era(2000, True)]
    story = {
        "title": HOSTILE,
        "summary": HOSTILE,
        "steps": [
            {
                "era": eras[i].graph["id"],
                "title": HOSTILE,
                "text": HOSTILE,
                "nodes": [HOSTILE, "leader"],
                "ties": [["leader", HOSTILE]],
                "year": None,
                "cite": [HOSTILE],
            }
            for i in (0, 1)
        ],
    }
    html = country_html(HOSTILE, eras, story=story)
    outside = re.sub(r'<script type="application/json" id="instnet-data">.*?</script>', "", html, flags=re.S)
    outside = outside.replace(vis_assets()[0], "")
    assert "<img" not in outside and "<svg onload" not in outside and "</script><script>" not in outside
    inline = html.replace(vis_assets()[0], "").count("<script>")
    page = tmp_path / "hostile.html"
    page.write_text(html, encoding="utf-8")
    with open_page(session_browser, page, viewport=(1280, 720)) as view:
        view.page.click("#story-start")
        view.page.keyboard.press("ArrowRight")
        view.page.mouse.move(300, 450)
        state = view.evaluate(SCAN)
        assert state["xss"] is None
        assert state["injected"] == inline  # only the page's own scripts
        assert state["handlers"] == 0
        assert state["title"] == f"{HOSTILE} over time"
        texts = view.evaluate(
            "() => [...document.querySelectorAll('.story-step h2, .story-step p')].map(e => e.textContent)"
        )
        assert all(HOSTILE.replace("\u2028", "") in t.replace("\u2028", "") for t in texts)
        assert view.problems() == []


def test_hostile_labels_through_a_build(session_browser, tmp_path):
    """A generated two-era country with hostile labels, titles and story texts, built by `instnet build`."""
    hostile = HOSTILE.replace("\u2028", "")
    src, root = CORPUS / "country-valid", tmp_path / "nets"
    for era in ("testland-2000", "testland-2005"):
        (root / era).mkdir(parents=True)
        toml = (src / era / "network.toml").read_text()
        (root / era / "network.toml").write_text(toml.replace('"Corpus base"', json.dumps(hostile)))
        (root / era / "edges.csv").write_text((src / era / "edges.csv").read_text())
        with open(src / era / "nodes.csv", newline="") as f:
            rows = list(csv.DictReader(f))
        for row in rows:
            row["label"] = hostile
        with open(root / era / "nodes.csv", "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    story = (src / "testland.story.toml").read_text()
    story = story.replace('"The leader directs the planning board."', json.dumps(hostile))
    story = story.replace('"Testland over time"', json.dumps(hostile))
    (root / "testland.story.toml").write_text(story)
    out = tmp_path / "out"
    site.build_site(root, out)
    page = out / "countries" / "testland.html"
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page.read_text()
    with open_page(session_browser, page, viewport=(1366, 768)) as view:
        view.page.click("#story-start")
        view.page.click("#story-next")
        state = view.evaluate(SCAN)
        assert (
            state["xss"] is None and state["handlers"] == 0 and state["injected"] == 0
        )  # a site page: scripts by file
        labels = view.evaluate("() => window.instnetView.drawings[1].nodes.get().map(n => n.label)")
        # as text, whole, or its compact form, or left out for want of room (an empty label; the tooltip keeps it)
        assert hostile in labels
        assert all(label in (hostile, "") or hostile.startswith(label.removesuffix("\u2026")) for label in labels)
        story_title = view.evaluate("() => document.querySelector('.story-title').textContent")
        assert story_title == hostile
        assert view.problems() == []


# --- the same institution in the same place -------------------------------------------------


@pytest.mark.parametrize("stem", ["japan", "malaysia", "south-korea", "thailand"])
def test_every_country_keeps_each_institution_in_place(graphs, stem):
    ids = site_countries(graphs)[stem]
    eras = _data(country_html(stem, [graphs[k] for k in ids]))["eras"]
    places: dict = {}
    for era in eras:
        for n in era["nodes"]:
            assert places.setdefault(n["id"], (n["x"], n["y"])) == (n["x"], n["y"]), (stem, n["id"])
    assert len(set(places.values())) == len(places)


def test_same_place_on_screen_in_every_era(thailand_page, session_browser):
    page, _, _ = thailand_page
    with open_page(session_browser, page, viewport=(1366, 768)) as view:
        spots = view.evaluate(
            """() => window.instnetView.drawings.map(d => {
                 const out = {}, pos = d.network.getPositions();
                 for (const id in pos) { const p = d.network.canvasToDOM(pos[id]); out[id] = [Math.round(p.x), Math.round(p.y)]; }
                 return out; })"""
        )
        shared = set(spots[0]) & set(spots[1]) & set(spots[2])
        assert len(shared) >= 5
        for node in shared:
            assert spots[0][node] == spots[1][node] == spots[2][node], node


def test_the_era_a_story_shows_alone_gets_the_full_names_back(thailand_page, session_browser):
    """Side by side the eras draw compact names; the era a step shows alone its full ones, the step's own
    institutions ranked first, so a name left out for want of room (an empty label) is seldom one of theirs,
    and no two drawn names run into each other."""
    page, story, _ids = thailand_page
    eras = page_json(page)["eras"]
    labels = "() => window.instnetView.drawings.map(d => d.nodes.get().map(n => [n.id, n.label]))"

    def check(shown, full_era, lit=()):
        for k, (era, nodes) in enumerate(zip(eras, shown, strict=True)):
            for n, (node_id, label) in zip(era["nodes"], nodes, strict=True):
                assert node_id == n["id"]
                whole = n.get("label", n["id"])
                short = n.get("short", whole)
                assert label in ("", short, whole) if k == full_era else label in ("", short), (k, node_id, label)
            drawn = sum(1 for _, label in nodes if label)
            assert drawn >= (0.4 if k == full_era else 0.6) * len(nodes)  # whole names take more room
        if lit:
            names = dict(shown[full_era])
            lit = [i for i in lit if i in names]
            counts.append((sum(1 for i in lit if names[i]), len(lit)))
            assert counts[-1][0] >= 0.6 * counts[-1][1]

    counts: list[tuple[int, int]] = []  # per step: its institutions whose names are drawn, and all of them
    with open_page(session_browser, page, viewport=(1366, 768)) as view:
        check(view.evaluate(labels), None)
        view.page.click("#story-start")
        for k in range(len(story["steps"])):
            era = view.evaluate("() => Number(document.body.getAttribute('data-story-era'))")
            view.page.wait_for_function(f"() => !window.instnetView.drawings[{era}].stale")  # its names settled
            view.page.wait_for_timeout(50)
            check(view.evaluate(labels), era, story["steps"][k]["nodes"])
            boxes = [b for b in view.evaluate(NAME_BOXES)[era] if b["label"]]  # raised names included
            for i, a in enumerate(boxes):
                assert all(_apart(a["box"], b["box"]) for b in boxes[i + 1 :]), (k, a["id"])
            if k + 1 < len(story["steps"]):
                view.page.click("#story-next")
        view.page.click("#story-close")
        view.page.wait_for_timeout(50)
        check(view.evaluate(labels), None)
        assert view.problems() == []
    # a crowded one takes its compact name, else its name over its shape: 54 of the 55 here (48 before)
    assert sum(d for d, _ in counts) >= 0.95 * sum(n for _, n in counts)
