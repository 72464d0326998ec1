"""The year slider and the story step-through in a real browser: what is drawn at each year and step."""

import pytest

from browser import open_page
from instnet import load_network
from instnet.layers import restrict
from instnet.site import network_page

VISIBLE = """() => [window.instnetView.nodes.get().filter(n => !n.hidden).map(n => n.key).sort(),
                  window.instnetView.edges.get().filter(e => !e.hidden).length]"""
LIT = """() => window.instnetView.nodes.get().filter(n => (n.opacity === undefined ? 1 : n.opacity) === 1)
                  .map(n => n.key).sort()"""


@pytest.fixture(scope="module")
def korea(tmp_path_factory):
    path = tmp_path_factory.mktemp("time") / "korea-1961.html"
    path.write_text(network_page(load_network("korea-1961")), encoding="utf-8")
    return path


def _expected(year):
    H, _ = restrict(load_network("korea-1961"), year=year)
    return sorted(H), H.number_of_edges()


def test_slider_by_mouse_and_keyboard_draws_what_stood_then(session_browser, korea):
    with open_page(session_browser, korea, viewport=(1280, 720)) as view:
        assert view.evaluate(VISIBLE)[1] == 33 and view.page.get_attribute("body", "data-year") == "all"
        box = view.page.locator("#year").bounding_box()
        view.page.mouse.click(box["x"] + box["width"] * 0.75, box["y"] + box["height"] / 2)
        year = int(view.page.get_attribute("body", "data-year"))
        assert 1970 <= year <= 1979 and view.page.inner_text("#year-label") == str(year)
        assert list(view.evaluate(VISIBLE)) == list(_expected(year))
        view.page.keyboard.press("Home")  # the slider has the focus after the click
        assert view.page.get_attribute("body", "data-year") == "1961"
        nodes, ties = view.evaluate(VISIBLE)
        assert [nodes, ties] == list(_expected(1961))
        assert "hci_plan" not in nodes and "export_meeting" not in nodes
        for _ in range(12):
            view.page.keyboard.press("ArrowRight")
        assert view.page.get_attribute("body", "data-year") == "1973"
        assert list(view.evaluate(VISIBLE)) == list(_expected(1973))
        assert view.page.inner_text("#year-label") == "1973"
        assert view.drawn_counts()[0] == 23 and view.data_counts()[0] == 24  # hidden, not removed: places stay
        view.page.click("#whole-era")
        assert view.evaluate(VISIBLE)[1] == 33
        assert view.problems() == []


def test_header_measures_follow_the_year(session_browser, korea):
    from instnet.metrics import graph_table

    with open_page(session_browser, korea) as view:
        whole = view.page.inner_text("#scores")
        view.evaluate("() => window.instnetTimeline.apply(1962)")
        H, _ = restrict(load_network("korea-1961"), year=1962)
        share = round(float(graph_table(H)["top_hub_share"]), 3)
        text = view.page.inner_text("#scores")
        assert text != whole and f"{share:g}" in text
        view.evaluate("() => window.instnetTimeline.apply(null)")
        assert view.page.inner_text("#scores") == whole


def test_play_steps_through_the_years_and_pauses(session_browser, korea):
    with open_page(session_browser, korea) as view:
        view.page.click("#play")
        assert view.page.get_attribute("#play", "aria-pressed") == "true"
        view.page.wait_for_function("() => Number(document.body.dataset.year) >= 1962", timeout=5000)
        view.page.click("#play")
        year = view.page.get_attribute("body", "data-year")
        view.page.wait_for_timeout(1200)
        assert view.page.get_attribute("body", "data-year") == year  # paused
        assert view.page.get_attribute("#play", "aria-pressed") == "false"


def test_story_steps_by_mouse_and_keyboard(session_browser, korea):
    story = load_network("korea-1961").graph["story"]
    with open_page(session_browser, korea) as view:
        assert view.page.is_hidden("#story")
        view.page.click("#story-start")
        assert view.page.get_attribute("body", "data-story-step") == "1"
        first = story["steps"][0]
        assert view.evaluate(LIT) == sorted(first["nodes"])
        assert view.page.get_attribute("body", "data-year") == str(first["year"])
        assert first["title"] in view.page.inner_text("#story")
        assert "[grips]" in view.page.inner_text("#story") and "[chosun-2008]" in view.page.inner_text("#story")
        view.page.click("#story-next")
        view.page.keyboard.press("ArrowRight")
        third = story["steps"][2]
        assert view.page.get_attribute("body", "data-story-step") == "3"
        assert view.evaluate(LIT) == sorted(third["nodes"])
        assert third["title"] in view.page.inner_text("#story") and first["title"] not in view.page.inner_text("#story")
        view.page.keyboard.press("ArrowLeft")
        assert view.page.get_attribute("body", "data-story-step") == "2"
        for _ in range(10):
            view.page.keyboard.press("ArrowRight")
        last = story["steps"][-1]
        assert view.page.get_attribute("body", "data-story-step") == str(len(story["steps"]))
        assert view.page.is_disabled("#story-next")
        assert view.page.get_attribute("body", "data-year") == str(last["year"])
        lit_ties = view.evaluate("() => window.instnetView.edges.get().filter(e => e.color.opacity === 1).length")
        assert lit_ties == len(last["ties"])
        view.page.keyboard.press("Escape")
        assert view.page.is_hidden("#story") and len(view.evaluate(LIT)) == 24
        assert view.page.get_attribute("body", "data-year") == "all"
        assert view.problems() == []


def test_printing_a_story_prints_every_step(session_browser, korea):
    story = load_network("korea-1961").graph["story"]
    with open_page(session_browser, korea) as view:
        view.page.emulate_media(media="print")
        shown = view.evaluate(
            "() => [...document.querySelectorAll('.story-step')].filter(s => getComputedStyle(s).display !== 'none').length"
        )
        assert shown == len(story["steps"])
        assert view.page.locator("#timeline").is_hidden()


def test_a_network_without_dates_or_story_has_no_slider(session_browser, tmp_path):
    path = tmp_path / "model.html"
    path.write_text(network_page(load_network("model-councils")), encoding="utf-8")
    with open_page(session_browser, path) as view:
        assert view.page.locator("#timeline").count() == 0 and view.page.locator("#story").count() == 0
        assert view.problems() == []


@pytest.mark.parametrize("viewport", [(1280, 720), (1366, 768)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_story_step_draws_its_names_readable_and_apart(session_browser, tmp_path, viewport):
    """A step fits the drawing to its institutions (and the story's panel takes room from it): the names are sized
    again for that scale (at least 10 px on screen), none that is drawn runs into another or over a shape, and
    the step's own institutions are named."""
    from instnet.load import bundled_ids
    from test_view_labels import NAME_BOXES, _crowded

    told = [k for k in bundled_ids() if load_network(k).graph.get("story")]
    assert len(told) >= 3
    bad = []
    for key in told:
        G = load_network(key)
        path = tmp_path / f"{key}.html"
        path.write_text(network_page(G), encoding="utf-8")
        with open_page(session_browser, path, viewport=viewport) as view:
            view.page.click("#story-start")
            for i, step in enumerate(G.graph["story"]["steps"]):
                if i:
                    view.page.click("#story-next")
                view.page.wait_for_timeout(50)  # the panel's new size reaches the drawing
                view.page.wait_for_function("() => window.instnetView.namesChecked()")
                px = view.evaluate("() => window.instnetView.labelPx()")
                names = view.evaluate(NAME_BOXES)
                keys = {n["id"]: n["key"] for n in view.nodes()}
                if px < 10:
                    bad.append(f"{key} step {i + 1}: names at {px:.1f} px")
                bad += [f"{key} step {i + 1}: {line}" for line in _crowded(names)]
                own = set(step["nodes"])
                bad += [
                    f"{key} step {i + 1}: {keys[n['id']]} left out"
                    for n in names
                    if n["hidden"] and keys[n["id"]] in own
                ]
            assert view.problems() == []
    assert bad == [], "\n".join(bad)
