"""The view's Download PNG / SVG buttons and its print layout, in headless Chromium from file:// with the network cut off."""

from __future__ import annotations

import io
import subprocess
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PIL import Image

from browser import open_page
from instnet.load import load_network
from instnet.render import render_html
from test_figure import _assert_safe_svg
from test_render import XSS, xss_graph

pytestmark = pytest.mark.browser

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def browser(session_browser):
    return session_browser


def _page(tmp_path, G, name="view"):
    path = tmp_path / f"{name}.html"
    path.write_text(render_html(G), encoding="utf-8")
    return path


def _download(page, button: str, tmp_path):
    with page.expect_download() as info:
        page.click(button)
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    return download.suggested_filename, target.read_bytes()


def _svg_words(svg: bytes) -> str:
    root = ET.fromstring(svg)
    return " ".join((el.text or "").strip() for el in root.iter(f"{SVG}text"))


def test_download_buttons_give_the_drawing_as_png_and_svg(browser, tmp_path):
    G = load_network("korea-1961")
    with open_page(browser, _page(tmp_path, G), viewport=(1280, 720)) as view:
        view.page.wait_for_timeout(300)
        size = view.evaluate(
            "() => { const c = document.querySelector('#network canvas'); return [c.width, c.height]; }"
        )
        name, png = _download(view.page, "#download-png", tmp_path)
        assert name.endswith(".png") and name.startswith("south-korea-under-president-park")
        image = Image.open(io.BytesIO(png))
        assert image.format == "PNG" and list(image.size) == size
        pixels = np.asarray(image.convert("L"), dtype=float)
        assert pixels[0, 0] == 255  # white background, not transparent black
        assert pixels.std() > 10 and (pixels < 160).mean() > 0.003  # drawn, not blank
        name, svg = _download(view.page, "#download-svg", tmp_path)
        assert name.endswith(".svg")
        _assert_safe_svg(svg)
        words = _svg_words(svg)
        hidden = set(view.evaluate("() => Object.keys(window.instnetView.hiddenNames).map(Number)"))
        for record in view.nodes():
            for word in record["label"].split() if record["id"] not in hidden else []:  # what the screen draws
                assert word in words, (record["label"], word)
        lines = view.evaluate(
            "() => { const v = window.instnetView, body = v.network.body.nodes; return v.nodes.getIds()"
            ".filter(id => !v.hiddenNames[id]).reduce((n, id) => n + body[id].labelModule.lines.length, 0)"
            " + v.edges.get().filter(e => e.label).length; }"
        )
        assert len(list(ET.fromstring(svg).iter(f"{SVG}text"))) == lines  # a name left out on screen is left out
        root = ET.fromstring(svg)
        assert len(root.findall(f".//{SVG}g[@class='ties']/{SVG}path")) == G.number_of_edges()
        assert view.problems() == []


@pytest.mark.parametrize("payload", XSS[:8] + XSS[-4:])
def test_downloaded_svg_keeps_hostile_labels_as_text(browser, tmp_path, payload):
    G = xss_graph(payload)
    with open_page(browser, _page(tmp_path, G, "xss"), viewport=(1280, 720)) as view:
        view.page.wait_for_timeout(200)
        _, svg = _download(view.page, "#download-svg", tmp_path)
        _assert_safe_svg(svg)
        assert b"<script" not in svg.lower()
        assert view.evaluate("() => window.__xss") is None
        assert view.problems() == []


def test_print_layout_keeps_the_drawing_undistorted(browser, tmp_path):
    from instnet.site import KEY_SCORES, network_page

    G = load_network("korea-1961")
    path = tmp_path / "view.html"
    path.write_text(network_page(G), encoding="utf-8")  # as instnet render writes it: with the header's key measures
    with open_page(browser, path, viewport=(1280, 720)) as view:
        page = view.page
        page.wait_for_timeout(400)
        screen = view.evaluate(
            "() => { const r = document.querySelector('#network canvas').getBoundingClientRect(); return r.width / r.height; }"
        )
        page.emulate_media(media="print")
        page.wait_for_timeout(200)
        shot = view.evaluate(
            """() => { const s = document.getElementById('print-snapshot'); const r = s.getBoundingClientRect();
                       return [r.width, r.height, getComputedStyle(document.getElementById('network')).display]; }"""
        )
        assert shot[0] > 300 and shot[2] == "none"
        assert shot[0] / shot[1] == pytest.approx(screen, rel=0.02)
        assert page.is_visible("#legend") and "Head of government" in page.inner_text("#legend")
        for control in ("#downloads", "#seed-layer", "#timeline"):
            assert page.locator(control).count() == 0 or not page.is_visible(control), control
        # on paper the text alternative shows only its list of sources (#sources, opened), under the drawing
        listed = page.locator("#sources li")
        assert page.is_visible("#sources li") and listed.count() == len(G.graph["references"]) > 0
        assert not page.is_visible("#tables") and not page.is_visible("#structure")
        printed = page.inner_text("#sources")
        cited = {d.get("cite") for _, d in G.nodes(data=True)} | {d.get("cite") for *_, d in G.edges(data=True)}
        assert all(G.graph["references"][key]["citation"] in printed for key in cited - {None})
        pdf = tmp_path / "print.pdf"
        page.pdf(path=str(pdf), landscape=True, print_background=True)
        assert view.problems() == []
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(tmp_path / "p1")],
        check=True,
    )
    first = Image.open(tmp_path / "p1.png")
    assert first.size[0] > first.size[1]  # landscape
    pixels = np.asarray(first.convert("L"), dtype=float)
    assert pixels.std() > 10
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], check=True, capture_output=True, text=True
    )
    assert "Legend" in text.stdout and "Head of government" in text.stdout  # the legend is on the first page
    # and the header's key measures, as the page names them
    assert all(label in text.stdout for label in KEY_SCORES.values())
