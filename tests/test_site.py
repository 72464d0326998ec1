"""The whole-site build: pages that work offline, links that resolve, safe writes."""

import hashlib
import json
import re
import shutil
import signal
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser import open_page
from instnet import InvalidNetwork, load_network, site
from instnet.load import bundled_graphs_dir, bundled_ids


def _snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "output"
    report = site.build_site(None, out)
    return out, report


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def test_build_writes_every_network_and_index(built):
    out, report = built
    assert (out / "index.html").is_file()
    for key in bundled_ids():
        assert (out / "networks" / f"{key}.html").is_file()
        with zipfile.ZipFile(out / "exports" / f"{key}.zip") as archive:
            names = archive.namelist()
        suffixes = (".graphml", ".gexf", ".json", "-node-metrics.csv", "-graph-metrics.csv")
        assert names == sorted(f"{key}/{key}{suffix}" for suffix in suffixes)
    assert report.removed == []
    assert any(name.startswith("diffs/") for name in report.written)


def test_every_link_in_index_resolves(built):
    out, _ = built
    parser = _Links()
    parser.feed((out / "index.html").read_text())
    assert len(parser.links) > 3 * len(bundled_ids())
    for link in parser.links:
        assert not re.match(r"^[a-z]+:", link), f"external or scheme link {link}"
        assert (out / link).is_file(), f"broken link {link}"


def test_site_pairs_include_consecutive_eras_and_archetypes(built):
    out, _ = built
    names = {p.name for p in (out / "diffs").iterdir()}
    assert "japan-1955--japan-2012.html" in names
    assert "korea-1961--korea-2008.html" in names
    assert "thailand-1980--thailand-1997.html" in names
    assert "thailand-1997--thailand-2001.html" in names
    assert any(n.startswith("usa-1989--model-") for n in names)


def test_every_page_passes_browser_checks(built, session_browser):
    out, _ = built
    pages = sorted(out.rglob("*.html"))
    for page in pages:
        is_network = page.parent.name == "networks"
        wait = None if page.name == "index.html" or page.parent.name == "diffs" else "default"
        kwargs = {} if wait == "default" else {"wait_for": None}
        with open_page(session_browser, page, **kwargs) as view:
            assert view.failed_requests == [], (page, view.failed_requests)
            assert view.console_errors == [], (page, view.console_errors)
            assert view.page_errors == [], (page, view.page_errors)
            if is_network:
                G = load_network(page.stem)
                assert view.drawn_counts() == (G.number_of_nodes(), G.number_of_edges())
    diffs = list((out / "diffs").iterdir())
    assert len(diffs) >= 10
    countries = list((out / "countries").iterdir())
    assert len(pages) == len(bundled_ids()) + len(diffs) + len(countries) + 1


def test_index_diff_links_read_one_per_line_at_laptop_width(built, session_browser):
    """On a 1280 px screen each diff link of the networks table is on a line of its own, never broken inside."""
    out, _ = built
    with open_page(session_browser, out / "index.html", wait_for=None) as view:
        view.page.set_viewport_size({"width": 1280, "height": 720})
        cells = view.page.evaluate(
            """() => [...document.querySelectorAll('td.links')].map(td => [...td.querySelectorAll('a')].map(a => {
                const r = a.getClientRects(); return [a.textContent, r.length, Math.round(r[0].top)]; }))"""
        )
    assert len(cells) == len(bundled_ids())
    several = [links for links in cells if sum(text.startswith("vs ") for text, _, _ in links) > 1]
    assert several, "some network has two diffs or more"
    for links in cells:
        assert all(boxes == 1 for _, boxes, _ in links), links  # no link wraps
        tops = [top for text, _, top in links if text.startswith("vs ")]
        assert tops == sorted(set(tops)), links  # each on its own line, in order


def test_rebuild_of_unchanged_data_changes_no_file(built):
    out, _ = built
    before = _snapshot(out)
    report = site.build_site(None, out)
    assert report.written == [] and report.removed == []
    assert _snapshot(out) == before


def _copy_graphs(tmp_path, ids=None):
    graphs = tmp_path / "graphs"
    for key in ids or bundled_ids():
        shutil.copytree(bundled_graphs_dir() / key, graphs / key)
    return graphs


SMALL = ["korea-1961", "korea-2008", "model-technocrat-group", "japan-1955"]


def test_removed_network_is_cleaned_away_and_user_files_kept(tmp_path):
    graphs = _copy_graphs(tmp_path, SMALL)
    out = tmp_path / "out"
    site.build_site(graphs, out)
    (out / "my-notes.txt").write_text("mine")
    assert (out / "networks" / "korea-2008.html").is_file()
    shutil.rmtree(graphs / "korea-2008")
    report = site.build_site(graphs, out)
    assert "networks/korea-2008.html" in report.removed
    assert not (out / "networks" / "korea-2008.html").exists()
    assert not (out / "diffs" / "korea-1961--korea-2008.html").exists()
    assert (out / "my-notes.txt").read_text() == "mine"


def test_invalid_network_fails_and_leaves_output_whole(tmp_path):
    graphs = _copy_graphs(tmp_path, SMALL)
    out = tmp_path / "out"
    site.build_site(graphs, out)
    before = _snapshot(out)
    with open(graphs / "korea-1961" / "edges.csv", "a") as f:
        f.write("president,nobody,directs,,,,grips,,inferred\n")
    with pytest.raises(InvalidNetwork):
        site.build_site(graphs, out)
    assert _snapshot(out) == before


def test_exception_midway_leaves_output_whole(tmp_path, monkeypatch):
    graphs = _copy_graphs(tmp_path, SMALL)
    out = tmp_path / "out"
    site.build_site(graphs, out)
    before = _snapshot(out)
    for key in ("korea-1961", "korea-2008"):  # a build recomputes only what changed: change two
        toml = graphs / key / "network.toml"
        toml.write_text(toml.read_text().replace("title = ", 'title = "Changed" #', 1))
    calls = []
    real = site.network_page

    def failing(G, *args, **kwargs):
        calls.append(G.graph["id"])
        if len(calls) == 2:
            raise RuntimeError("injected failure")
        return real(G, *args, **kwargs)

    monkeypatch.setattr(site, "network_page", failing)
    with pytest.raises(RuntimeError, match="injected"):
        site.build_site(graphs, out)
    assert _snapshot(out) == before


def test_sigint_leaves_previous_or_new_output_complete(tmp_path):
    graphs = _copy_graphs(tmp_path)
    out = tmp_path / "out"
    site.build_site(graphs, out)
    old = {k: v[0] for k, v in _snapshot(out).items()}
    toml = graphs / "korea-1961" / "network.toml"
    toml.write_text(toml.read_text().replace("title = ", 'title = "Changed" #', 1))
    proc = subprocess.Popen(
        [sys.executable, "-m", "instnet", "build", "--graphs", str(graphs), "--out", str(out)],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    seen = ""
    while "[3/" not in seen and proc.poll() is None:
        seen += proc.stderr.readline()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert "Traceback" not in err
    now = {k: v[0] for k, v in _snapshot(out).items()}
    if proc.returncode == 0:  # finished before the signal: the new site, whole
        assert now != old
        assert set(now) == set(json.loads((out / site.MANIFEST).read_text())["files"]) | {site.MANIFEST}
    else:
        assert proc.returncode == 1 and "Aborted" in err
        assert now == old


def test_output_path_that_is_a_file_is_a_clear_error(tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    from instnet import OutputError

    with pytest.raises(OutputError, match="not a folder"):
        site.build_site(_copy_graphs(tmp_path, ["korea-1961"]), target)


def test_bad_folder_name_cannot_reach_outside_output(tmp_path):
    graphs = _copy_graphs(tmp_path, ["korea-1961"])
    shutil.copytree(graphs / "korea-1961", graphs / "..evil-1961")
    out = tmp_path / "out"
    with pytest.raises(InvalidNetwork, match="not a valid id"):
        site.build_site(graphs, out)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graphs"]


def test_forged_manifest_cannot_delete_outside_output(tmp_path):
    graphs = _copy_graphs(tmp_path, ["korea-1961"])
    out = tmp_path / "out"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    out.mkdir()
    (out / site.MANIFEST).write_text(json.dumps(["../victim.txt", str(victim), 7]))
    site.build_site(graphs, out)
    assert victim.read_text() == "keep me"


def test_planned_path_outside_output_is_refused(tmp_path, monkeypatch):
    from instnet import OutputError

    graphs = _copy_graphs(tmp_path, ["korea-1961"])
    monkeypatch.setattr(site, "plan_outputs", lambda *a, **k: site.SitePlan({"x": ("d", {"../escaped.html": b"x"})}))
    with pytest.raises(OutputError, match="outside"):
        site.build_site(graphs, tmp_path / "out")
    assert not (tmp_path / "escaped.html").exists()
