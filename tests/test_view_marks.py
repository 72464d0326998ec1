"""The source mark stays quiet: when most items cite external sources, the seed-sourced ones are marked instead."""

from __future__ import annotations

import networkx as nx
import pytest

from browser import open_page
from instnet.render import EXTERNAL_MARK, render_html
from instnet.render.styles import SEED_MARK
from test_render import data_block

KINDS = ["head_of_government", "legislature", "ministry", "planning_agency", "council", "central_bank", "bureau"]


def student_graph(n: int = 20, seed_sourced: int = 0) -> nx.DiGraph:
    """A country mapped from external references only (the first ``seed_sourced`` items cite the slides)."""
    refs = {
        "book": {"seed": None, "citation": "A book, 2001", "external": True},
        "slides": {"seed": "slides.txt", "citation": "Slides", "external": False},
    }
    G = nx.DiGraph(id="student", title="A student's map", references=refs)
    for i in range(n):
        cite = "slides" if i < seed_sourced else "book"
        G.add_node(f"n{i}", label=f"Institution {i}", kind=KINDS[i % len(KINDS)], cite=cite, external=cite == "book")
    for i in range(1, n):
        cite = "slides" if i < seed_sourced else "book"
        G.add_edge(f"n{i // 2}", f"n{i}", relation="directs", cite=cite, external=cite == "book")
    return G


def _data(page: str) -> dict:
    """The page's JSON with its records whole (labels, tooltips), as static/network.js makes them."""
    return data_block(page)


def test_all_external_network_carries_no_dagger():
    data = _data(render_html(student_graph()))
    assert not any(EXTERNAL_MARK in n["label"] or SEED_MARK in n["label"] for n in data["nodes"])
    assert not any("mark" in e for e in data["edges"])
    assert all(n.get("external") for n in data["nodes"])  # the dashed outline stays


def test_mostly_external_network_marks_the_seed_sourced_items():
    G = student_graph(20, seed_sourced=3)
    page = render_html(G)
    data = _data(page)
    marked = sorted(n["key"] for n in data["nodes"] if n["label"].endswith(" " + SEED_MARK))
    assert marked == ["n0", "n1", "n2"]
    assert not any(EXTERNAL_MARK in n["label"] for n in data["nodes"])
    key = {n["id"]: n["key"] for n in data["nodes"]}
    assert sorted(key[e["to"]] for e in data["edges"] if e.get("mark") == SEED_MARK) == ["n1", "n2"]
    assert "cites one of the bundled source documents" in page


def test_mostly_seed_network_keeps_the_dagger_on_external_items():
    G = student_graph(10, seed_sourced=8)
    data = _data(render_html(G))
    daggered = sorted(n["key"] for n in data["nodes"] if n["label"].endswith(" " + EXTERNAL_MARK))
    assert daggered == ["n8", "n9"]
    assert [e.get("mark") for e in data["edges"] if e.get("mark")] == [EXTERNAL_MARK, EXTERNAL_MARK]


@pytest.mark.browser
def test_student_network_draws_readable_without_marks(session_browser, tmp_path):
    path = tmp_path / "student.html"
    path.write_text(render_html(student_graph()), encoding="utf-8")
    with open_page(session_browser, path, viewport=(1280, 720)) as view:
        assert view.problems() == []
        assert view.evaluate("() => window.instnetView.refit()") >= 10
        assert not any(e.get("label") for e in view.edges())
        assert "Dashed outline: cites an external source" in view.legend_text()
        view.screenshot(tmp_path / "student.png")
