"""Static figures for papers: every bundled network as SVG, PNG and PDF; safe SVG; the CLI's --format and --figure."""

from __future__ import annotations

import io
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from instnet.cli import cli
from instnet.layout.nodes import node_label
from instnet.load import bundled_ids, load_network
from instnet.render.figure import diff_figure, render_figure
from instnet.render.figure_draw import MAX_HEIGHT_CM, WIDTH_CM, clean
from instnet.render.figure_labels import place_labels
from instnet.render.network import short_label
from instnet.render.tooltips import mark, mostly_external
from test_render import XSS, xss_graph

SVG = "{http://www.w3.org/2000/svg}"
PT_PER_CM = 72 / 2.54


def _texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)  # parses as XML, or the test fails here
    return [el.text or "" for el in root.iter(f"{SVG}text")]


def _drawn_label(G, n) -> str:
    sign = mark(G, G.nodes[n], mostly_external(G))
    return clean(short_label(node_label(G, n)) + (" " + sign if sign else ""))


def _assert_labels_are_text(G, svg: bytes) -> None:
    """Every node's label, as the view shortens it, is in the SVG's <text> elements, its lines in order.

    A name drawn shorter where the whole one had no room is given whole in the figure's key.
    """
    stream = " ".join(t.strip() for t in _texts(svg))
    for n in G.nodes:
        label = _drawn_label(G, n)
        assert label in stream or f" = {label}" in stream, (n, label)


def _assert_safe_svg(svg: bytes) -> None:
    root = ET.fromstring(svg)
    for el in root.iter():
        tag = el.tag.split("}")[-1].lower()
        assert tag not in ("script", "foreignobject", "iframe", "a", "image"), tag
        if tag == "style":  # matplotlib's one constant rule
            assert "url(" not in (el.text or "") and "@import" not in (el.text or ""), el.text
        for name, value in el.attrib.items():
            local = name.split("}")[-1].lower()
            assert not local.startswith("on"), (tag, name)
            if local == "href":
                assert value.startswith("#"), (tag, value)  # only references inside the file
            assert "javascript:" not in value.lower()


def _png_pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("L"), dtype=float)


def _pdf_page_png(pdf: bytes, tmp_path: Path) -> np.ndarray:
    path = tmp_path / "figure.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-singlefile", str(path), str(tmp_path / "page")], check=True)
    return _png_pixels((tmp_path / "page.png").read_bytes())


@pytest.mark.parametrize("network_id", bundled_ids())
def test_every_bundled_network_gives_svg_png_and_pdf(network_id, tmp_path):
    G = load_network(network_id)
    svg = render_figure(G, "svg")
    root = ET.fromstring(svg)
    width, height = (float(root.get(k).removesuffix("pt")) for k in ("width", "height"))
    assert width == pytest.approx(WIDTH_CM * PT_PER_CM, abs=0.2)
    assert height <= MAX_HEIGHT_CM * PT_PER_CM + 0.5
    _assert_labels_are_text(G, svg)
    assert G.graph["title"].split()[0] in " ".join(_texts(svg))
    _assert_safe_svg(svg)
    sizes = [float(s) for s in re.findall(rb"font-size: ([0-9.]+)px", svg)]
    assert sizes and min(sizes) >= 6.0  # 1 SVG unit = 1 pt: no text under 6 pt on the page
    png = render_figure(G, "png", dpi=100)
    pixels = _png_pixels(png)
    assert pixels.shape[1] == round(WIDTH_CM / 2.54 * 100)
    assert pixels.std() > 20 and (pixels < 128).mean() > 0.005  # drawn, not blank
    page = _pdf_page_png(render_figure(G, "pdf"), tmp_path)
    assert page.std() > 20 and (page < 128).mean() > 0.005


def test_pdf_text_is_text_and_output_is_deterministic(tmp_path):
    G = load_network("korea-1961")
    for fmt in ("svg", "pdf", "png"):
        assert render_figure(G, fmt) == render_figure(G, fmt), fmt
    pdf = tmp_path / "k.pdf"
    pdf.write_bytes(render_figure(G, "pdf"))
    words = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "Economic Planning" in words and "Head of government" in words
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "TrueType" in fonts and "Type 3" not in fonts  # vector, selectable text


def test_png_has_the_requested_size():
    G = load_network("model-councils")
    assert Image.open(io.BytesIO(render_figure(G, "png", dpi=300))).size[0] == round(17 / 2.54 * 300)
    assert Image.open(io.BytesIO(render_figure(G, "png", width_cm=12, dpi=200))).size[0] == round(12 / 2.54 * 200)


@pytest.mark.parametrize("payload", XSS)
def test_hostile_labels_stay_text_in_the_svg(payload):
    G = xss_graph(payload)
    svg = render_figure(G, "svg")
    _assert_safe_svg(svg)
    _assert_labels_are_text(G, svg)
    assert b"<script" not in svg.lower()


def test_control_characters_do_not_break_the_svg():
    G = nx.DiGraph(title="Bad\x00chars\x0b\x1f here")
    G.add_node("a", label="line\none\x07two\ud800", kind="ministry")
    _assert_safe_svg(render_figure(G, "svg"))


def test_empty_network_draws_a_page():
    svg = render_figure(nx.DiGraph(title="Nothing yet"), "svg")
    assert "Nothing yet" in " ".join(_texts(svg))


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="figure format"):
        render_figure(load_network("model-councils"), "jpg")


def test_labels_move_aside_when_the_views_spot_is_taken():
    """Three shapes in a row, closer than their labels are wide: no two labels overlap."""
    centres, radii = [(0.0, 0.0), (20.0, 0.0), (40.0, 0.0)], [3.0] * 3
    variants = [[(["a long label"], 36.0, 7.0)]] * 3
    placed = place_labels(centres, radii, variants, (-100, -100, 100, 100), [0, 1, 0])
    boxes = [box for _, box, _ in placed]
    for i in range(3):
        for j in range(i + 1, 3):
            a, b = boxes[i], boxes[j]
            assert min(a[2], b[2]) <= max(a[0], b[0]) or min(a[3], b[3]) <= max(a[1], b[1]), (a, b)
    assert [side for *_, side in placed].count("below") == 2  # two keep the view's place, one moves over its shape


def test_diff_figure_draws_the_change_colours():
    A, B = load_network("thailand-1997"), load_network("thailand-2001")
    svg = diff_figure(A, B, fmt="svg", layout="union")  # two eras of one country, drawn as their union
    words = " ".join(_texts(svg))
    _assert_safe_svg(svg)
    assert "added: only in thailand-2001 (added)" in words and "removed: only in thailand-1997 (removed)" in words
    for colour in (b"#1b9e77", b"#d95f02"):  # added, removed (render.diff_drawing.STATUS_COLOURS)
        assert colour in svg
    side = diff_figure(load_network("korea-1961"), load_network("japan-1955"), fmt="svg")
    assert "korea-1961" in " ".join(_texts(side)) and "Ties (colour = relation, line = axis)" in " ".join(_texts(side))


# ---------------------------------------------------------------- command line


def test_render_format_from_option_and_suffix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["render", "model-councils", "--format", "svg"])
    assert result.exit_code == 0 and result.output == "wrote model-councils.svg\n"
    assert (tmp_path / "model-councils.svg").read_bytes().startswith(b"<?xml")
    result = runner.invoke(cli, ["render", "model-councils", "-o", "fig.pdf"])
    assert result.exit_code == 0 and (tmp_path / "fig.pdf").read_bytes().startswith(b"%PDF")
    result = runner.invoke(cli, ["render", "model-councils", "-o", "fig.pdf"])  # its own file: replaced
    assert result.exit_code == 0
    result = runner.invoke(cli, ["render", "model-councils", "-o", "fig.png"])
    assert result.exit_code == 0 and (tmp_path / "fig.png").read_bytes().startswith(b"\x89PNG")
    result = runner.invoke(cli, ["render", "model-councils"])
    assert result.exit_code == 0 and result.output == "wrote model-councils.html\n"


def test_render_bad_format_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["render", "model-councils", "--format", "jpg"])
    assert result.exit_code == 2 and "'jpg' is not one of 'html', 'svg', 'png', 'pdf'" in result.output
    result = CliRunner().invoke(cli, ["render", "model-councils", "-o", "x.png", "--format", "svg"])
    assert result.exit_code == 2 and "x.png ends in .png but --format is svg" in result.output
    assert not list(tmp_path.iterdir())


def test_render_figure_never_replaces_a_foreign_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "thesis.pdf").write_bytes(b"%PDF-1.7 someone else's thesis")
    result = CliRunner().invoke(cli, ["render", "model-councils", "-o", "thesis.pdf"])
    assert result.exit_code == 1 and "was not written by instnet" in result.output
    assert (tmp_path / "thesis.pdf").read_bytes() == b"%PDF-1.7 someone else's thesis"


def test_diff_figure_option(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["diff", "thailand-1997", "thailand-2001", "--figure", "d.svg"])
    assert result.exit_code == 0 and "wrote d.svg" in result.output
    _assert_safe_svg((tmp_path / "d.svg").read_bytes())
    result = CliRunner().invoke(cli, ["diff", "thailand-1997", "thailand-2001", "--figure", "d.jpg"])
    assert result.exit_code == 2 and "d.jpg: the file name must end in .svg, .png or .pdf" in result.output


def _diff_scene(a: str, b: str, monkeypatch) -> dict:
    from instnet.render import figure

    scenes: list[dict] = []
    monkeypatch.setattr(figure, "draw_scene", lambda scene, fmt, **_: scenes.append(scene) or b"")
    diff_figure(load_network(a), load_network(b), fmt="svg")
    return scenes[0]


@pytest.mark.parametrize("a, b", [("thailand-1997", "thailand-2001"), ("japan-1955", "japan-2012")])
def test_a_dense_diff_figure_shortens_crowded_names_and_gives_them_back_in_a_key(monkeypatch, a, b):
    """Seventy institutions in 17 cm: whole names ran into each other; a crowded one takes its compact name."""
    from instnet.render import figure_draw as fd
    from instnet.render.figure_labels import _overlap

    scene = _diff_scene(a, b, monkeypatch)
    found = {}
    for shorter in (False, True):
        nodes = fd._prepare_nodes(
            {**scene, "nodes": [{**n, "short": n["short"] if shorter else None} for n in scene["nodes"]]}
        )
        _, _, placed = fd._geometry(nodes, 460.0, 400.0)
        boxes = [box for _, box, _ in placed]
        pairs = [(x, y) for i, x in enumerate(boxes) for y in boxes[i + 1 :]]
        found[shorter] = (sum(_overlap(x, y) for x, y in pairs), sum(_overlap(x, y) > 1 for x, y in pairs))
        key = fd._key(nodes, placed)
    assert found[True][0] < 0.1 * found[False][0] and 3 * found[True][1] < found[False][1]
    # every name drawn short is in the key, each short form standing for one whole name
    drawn = [n for n in nodes if "id" in n]
    short = {
        (n["short"], n["label"])
        for n, (lines, _, _) in zip(drawn, placed, strict=True)
        if tuple(lines) in n["_shorter"]
    }
    assert len(short) > 10 and len({s for s, _ in short}) == len(short)
    assert all(f"{clean(s)} = {clean(whole)}" in key[0] for s, whole in short)


def test_role_names_are_cut_to_their_slot_and_the_side_titles_left_to_the_subtitle(monkeypatch):
    from instnet.render.figure_draw import cut_to, text_width

    scene = _diff_scene("thailand-1997", "thailand-2001", monkeypatch)
    texts = [c["text"] for c in scene["captions"]]
    assert "thailand-1997" in texts and not any(t.startswith("Thailand:") for t in texts)  # titles: in the subtitle
    assert "Thailand: the National Industrial Development Committee" in scene["subtitle"]
    assert all(c.get("room") for c in scene["captions"] if c["text"] not in ("thailand-1997", "thailand-2001"))
    assert cut_to("Pilot / planning agency (none)", 6.0, 40.0).endswith("\u2026 (none)")
    assert text_width(cut_to("Pilot / planning agency (none)", 6.0, 40.0), 6.0) <= 40.0
    assert cut_to("Top leader", 6.0, 200.0) == "Top leader"


@pytest.mark.parametrize("a, b", [("thailand-1997", "thailand-2001"), ("malaysia-1997", "malaysia-2004")])
def test_a_crowded_diff_figure_numbers_its_crowded_names_and_keeps_their_acronyms(monkeypatch, a, b):
    """Seventy institutions side by side: shortened names still ran into each other (27 of 70, 22 of 56 labels);
    crowded names become numbers 1, 2, ... (acronyms such as NESDB stay), the key giving each number's name."""
    from instnet.render import figure_draw as fd

    scene = _diff_scene(a, b, monkeypatch)
    crowded, drawn_short = fd.crowding(scene)
    assert crowded <= 0.1 * len(scene["nodes"])
    short = {n["label"]: n["short"] for n in scene["nodes"]}
    numbers = sorted(int(short[name]) for name in drawn_short if short[name].isdigit())
    assert len(numbers) > 5 and numbers == list(range(1, len(numbers) + 1))  # every number drawn, none skipped
    assert any(short[name].isupper() for name in drawn_short)  # acronyms kept
    monkeypatch.undo()
    words = " ".join(_texts(diff_figure(load_network(a), load_network(b), fmt="svg")))
    by_number = {int(short[name]): name for name in drawn_short if short[name].isdigit()}
    places = [words.find(f" {i} = {clean(by_number[i])}") for i in numbers]
    assert -1 not in places and places == sorted(places), "each number once in the key, in order"


def test_a_diff_figure_fits_the_page_and_an_uncrowded_one_keeps_its_names(monkeypatch):
    """The densest diff's key grows as its drawing shrinks: the page still stays within the text block."""
    for a, b in [("japan-1955", "japan-2012"), ("usa-1989", "model-councils")]:
        root = ET.fromstring(diff_figure(load_network(a), load_network(b), fmt="svg"))
        assert float(root.get("height").removesuffix("pt")) <= MAX_HEIGHT_CM * PT_PER_CM + 0.5, (a, b)
    scene = _diff_scene("usa-1989", "model-councils", monkeypatch)
    assert not any(n["short"].isdigit() for n in scene["nodes"])  # few enough names: no numbers
