"""Shared assets, incremental and parallel builds, and the build's selection of networks."""

import hashlib
import re
import shutil

import pytest
from click.testing import CliRunner

from instnet import site
from instnet.cli import cli
from instnet.load import bundled_graphs_dir
from instnet.render.page import ASSETS, shared_assets, view_css, vis_assets

SOME = ["korea-1961", "korea-2008", "japan-1955", "japan-2012", "model-technocrat-group", "model-super-ministry"]


def _graphs(tmp_path, ids=SOME):
    root = tmp_path / "graphs"
    for key in ids:
        shutil.copytree(bundled_graphs_dir() / key, root / key)
    return root


def _forks_here(request) -> bool:
    """Whether this process can fork its workers (no other thread running, see instnet.workers).

    When another thread runs (a browser test before this one left playwright's), the test is run again in a
    fresh process, and must pass there: the caller then returns.
    """
    import multiprocessing
    import os
    import subprocess
    import sys
    import threading

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.fail("this test needs a process that can fork")
    others = [t.name for t in threading.enumerate() if t is not threading.main_thread()]
    if not others:
        return True
    if os.environ.get("INSTNET_FRESH_PROCESS"):
        pytest.fail(f"this test needs a single-threaded process; threads running: {others}")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", request.node.nodeid],
        cwd=request.config.rootpath,
        env={**os.environ, "INSTNET_FRESH_PROCESS": "1"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    return False


def _state(folder):
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_pages_link_one_shared_copy_of_vis_network(tmp_path):
    out = tmp_path / "out"
    site.build_site(_graphs(tmp_path), out)
    assets = sorted(p.name for p in (out / "assets").iterdir())
    assert assets == sorted(shared_assets()) and set(ASSETS.values()) <= set(assets)
    pages = sorted((out / "networks").glob("*.html")) + sorted((out / "diffs").glob("*.html"))
    assert len(pages) >= len(SOME) + 3
    for page in pages:
        html = page.read_text()
        # no inline script: vis-network and the page's own scripts are the shared files of assets/
        assert re.findall(r"<script>(.*?)</script>", html, re.S) == []
        linked = re.findall(r'<script src="\.\./assets/([^"]+)"></script>', html)
        assert linked[0] == ASSETS["js"] and len(linked) >= 2 and set(linked) <= set(assets), page
        assert f'<link rel="stylesheet" href="../assets/{ASSETS["css"]}">' in html
        assert "vis-network" not in html.split("<body>")[1].split("<script src")[0]
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
        script_src = csp.split("script-src")[1].split(";")[0].split()
        assert script_src == ["'self'"], csp  # files of the site only: no inline code, no eval
        assert "base-uri 'none'" in csp
    # vis-network (about 700 KB) is not inlined; the page's own size is a benchmark figure (bench_site.py), not a test
    assert (out / "networks" / "korea-1961.html").stat().st_size < 300_000


def test_render_still_writes_one_self_contained_page(tmp_path):
    target = tmp_path / "k.html"
    result = CliRunner().invoke(cli, ["render", "korea-1961", "--output", str(target)])
    assert result.exit_code == 0, result.output
    html = target.read_text()
    assert "<script src" not in html and "<link" not in html and "'self'" not in html
    js, css = vis_assets()
    assert js in html and view_css(css) in html  # vis-network inlined


def test_touching_one_network_rewrites_only_its_outputs(tmp_path):
    graphs, out = _graphs(tmp_path), tmp_path / "out"
    site.build_site(graphs, out)
    before = _state(out)
    toml = graphs / "korea-2008" / "network.toml"
    toml.write_text(toml.read_text().replace("title = ", 'title = "Korea, retitled" #', 1))
    lines = []
    report = site.build_site(graphs, out, lines.append)
    after = _state(out)
    changed = {k for k in after if after[k] != before.get(k)}
    assert "networks/korea-2008.html" in changed and "index.html" in changed
    assert "Korea, retitled" in (out / "networks" / "korea-2008.html").read_text()
    for name in changed - {
        "index.html",
        site.MANIFEST,
        "countries/south-korea.html",
    }:  # the country page shows both eras
        assert "korea-2008" in name, name
    assert not any(k.startswith("networks/") and "korea-2008" not in k for k in changed)
    assert set(report.written) <= changed
    recomputed = [
        line for line in lines if line.startswith("[") and "unchanged" not in line and "country page" not in line
    ]
    assert all("korea-2008" in line for line in recomputed), recomputed
    # its measures, its page, its one diff (with korea-1961)
    assert sum("korea-2008" in line for line in recomputed) == 1 + 1 + 1
    assert "countries/south-korea.html" in changed
    again = []
    report = site.build_site(graphs, out, again.append)
    assert report.written == [] and _state(out) == after
    assert "index.html" not in again


def test_a_deleted_output_is_rebuilt_even_when_inputs_are_unchanged(tmp_path):
    graphs, out = _graphs(tmp_path, ["korea-1961"]), tmp_path / "out"
    site.build_site(graphs, out)
    page = out / "networks" / "korea-1961.html"
    content = page.read_bytes()
    page.unlink()
    site.build_site(graphs, out)
    assert page.read_bytes() == content


def test_serial_and_parallel_builds_are_byte_identical(tmp_path):
    graphs = _graphs(tmp_path)
    site.build_site(graphs, tmp_path / "serial", jobs=1)
    site.build_site(graphs, tmp_path / "parallel", jobs=2)
    serial = {k: v[0] for k, v in _state(tmp_path / "serial").items()}
    parallel = {k: v[0] for k, v in _state(tmp_path / "parallel").items()}
    assert serial == parallel and len(serial) > 20


def test_build_accepts_a_selection(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "korea-1961", "japan-1955", "--out", str(out), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "networks").iterdir()) == ["japan-1955.html", "korea-1961.html"]
    graphs = _graphs(tmp_path, ["korea-2008"])
    result = CliRunner().invoke(cli, ["build", "korea-1961", "--graphs", str(graphs), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "networks").iterdir()) == ["korea-1961.html", "korea-2008.html"]
    assert (out / "diffs" / "korea-1961--korea-2008.html").is_file()


@pytest.mark.parametrize("args", [["korea-1961", "korea-1961"], ["no-such-network-1900"]])
def test_build_refuses_a_bad_selection(tmp_path, args):
    result = CliRunner().invoke(cli, ["build", *args, "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "Error:" in result.output
    assert not (tmp_path / "o").exists()


def test_a_rebuild_measures_and_classifies_only_the_changed_network(tmp_path, monkeypatch):
    graphs, out = _graphs(tmp_path), tmp_path / "out"
    site.build_site(graphs, out)
    nodes = graphs / "japan-2012" / "nodes.csv"
    nodes.write_text(nodes.read_text().replace("Prime Minister", "Prime Minister (renamed)", 1))
    import instnet.summary

    summarized = []
    real = instnet.summary.summarize
    monkeypatch.setattr(site, "summarize", lambda G, table=None: summarized.append(G.graph["id"]) or real(G, table))
    site.build_site(graphs, out, jobs=1)
    assert summarized == ["japan-2012"]  # the others' graph tables and verdicts come from the manifest
    # and the index is the same bytes as a fresh build of the same networks
    site.build_site(graphs, tmp_path / "fresh", jobs=1)
    assert (out / "index.html").read_bytes() == (tmp_path / "fresh" / "index.html").read_bytes()
    assert len(summarized) == 1 + len(SOME)


@pytest.mark.parametrize(
    "damage",
    [
        lambda s: s.update(table={"nodes": 3}),  # measures missing
        lambda s: s.update(best="no-such-model"),
        lambda s: s.update(top="technocrat-group"),  # not a list
        lambda s: s.update(seed_top=[1]),
        lambda s: s.clear(),
    ],
)
def test_a_damaged_summary_in_the_manifest_is_recomputed(tmp_path, damage):
    import json

    graphs, out = _graphs(tmp_path, ["korea-1961", "model-technocrat-group"]), tmp_path / "out"
    site.build_site(graphs, out)
    index = (out / "index.html").read_bytes()
    manifest = json.loads((out / site.MANIFEST).read_text())
    damage(manifest["summaries"]["korea-1961"]["summary"])
    (out / site.MANIFEST).write_text(json.dumps(manifest))
    (out / "index.html").unlink()  # so the index is made again from the summaries
    lines = []
    site.build_site(graphs, out, lines.append)
    assert any(line.startswith("[1/1] korea-1961") for line in lines), lines
    assert (out / "index.html").read_bytes() == index


def test_an_unchanged_build_starts_no_worker_process(tmp_path, monkeypatch):
    from instnet import workers

    graphs, out = _graphs(tmp_path, ["korea-1961", "korea-2008"]), tmp_path / "out"
    site.build_site(graphs, out, jobs=2)
    started = []
    real = workers.Workers._start

    def spy(self):
        real(self)
        started.append(self._pool is not None)

    monkeypatch.setattr(workers.Workers, "_start", spy)
    site.build_site(graphs, out, jobs=2)
    assert not any(started)  # nothing to make: no process forked, nothing imported for nothing
    nodes = graphs / "korea-2008" / "nodes.csv"
    nodes.write_text(nodes.read_text().replace("President", "President (edited)", 1))
    site.build_site(graphs, out, jobs=2)
    assert any(started)


def test_the_manifest_is_one_line_of_compact_json_that_reads_back(tmp_path):
    from instnet.buildcache import manifest_text, read_manifest

    summary = {"graph": {"nodes": 3, "density": 0.5}, "top": ["council"]}
    text = manifest_text({"networks/x.html": ("d1", ["networks/x.html", "exports/x.zip"])}, {"x": ("d2", summary)})
    assert text.endswith("}\n") and text.count("\n") == 1 and ", " not in text and ": " not in text
    (tmp_path / site.MANIFEST).write_text(text)
    files, outputs, summaries = read_manifest(tmp_path)
    assert files == {"networks/x.html", "exports/x.zip"}
    assert outputs == {"networks/x.html": ("d1", ["exports/x.zip", "networks/x.html"])}
    assert summaries == {"x": ("d2", summary)}


def _square(x):
    return x * x


def test_a_call_submitted_early_gives_its_result_and_none_without_workers():
    from instnet.workers import Workers

    with Workers(1) as serial:
        assert serial.submit(_square, (3,)) is None  # no worker: the caller makes the call itself
    with Workers(2) as pool:
        waits = [pool.submit(_square, (i,)) for i in range(5)]
        assert all(wait is not None for wait in waits)
        assert [wait() for wait in waits] == [0, 1, 4, 9, 16]
        assert list(pool.run([(_square, (7,))])) == [49]  # the same pool serves later calls
    assert Workers(2).submit(_square, (2,)) is None  # not open: nothing started


def _collecting(_):
    import gc

    return gc.isenabled()


def _cycles(count: int):
    """``count`` objects in two-element cycles, dropped: only the cyclic collector frees them; a weak reference to one."""
    import weakref

    class Node:
        pass

    first = None
    for _ in range(count // 2):
        a, b = Node(), Node()
        a.other, b.other = b, a
        first = first or weakref.ref(a)
    return first


def test_workers_collect_garbage_between_calls_not_during_them():
    """A worker's automatic passes are off; what cycles its calls leave is collected after a call, once enough
    is left (WORKER_COLLECT objects); the parent collects as before once the pool has started."""
    import gc

    from instnet.workers import WORKER_COLLECT, Workers, _between

    was = gc.isenabled()
    gc.disable()  # as the program starts (instnet.cli.main)
    try:
        with Workers(2) as pool:
            seen = set(pool.run([(_collecting, (i,)) for i in range(4)]))
            assert gc.isenabled()  # the pool has started: the parent collects again
        assert seen == {False}
        gc.disable()
        gc.collect()
        few = _between(_cycles, (1000,))  # little left: no collection yet
        assert few() is not None and gc.get_count()[0] > 0
        many = _between(_cycles, (WORKER_COLLECT + 2000,))  # enough: collected as the call returns
        assert many() is None and few() is None and gc.get_count()[0] < 100
    finally:
        (gc.enable if was else gc.disable)()


def _imported_by(name):
    import sys

    return sys.modules[name].IMPORTED_BY


def test_forked_workers_start_with_the_modules_the_parent_imported_once(tmp_path, monkeypatch, request):
    import os

    from instnet.workers import Workers

    if not _forks_here(request):
        return
    (tmp_path / "instnet_probe_module.py").write_text(
        "import os\nIMPORTED_BY = os.getpid()\nwith open(__file__ + '.log', 'a') as f:\n    f.write(f'{IMPORTED_BY}\\n')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with Workers(2, ["instnet_probe_module"]) as pool:
        seen = list(pool.run([(_imported_by, ("instnet_probe_module",))] * 4))
    assert seen == [os.getpid()] * 4  # the workers hold the parent's import
    assert (tmp_path / "instnet_probe_module.py.log").read_text().split() == [str(os.getpid())]  # imported once


def test_forked_workers_see_the_parents_objects_frozen_and_the_parent_collects_them_again_after(request):
    """Frozen while the pool is open (the workers' collections leave the shared pages alone), not after: a
    long-lived caller such as serve would otherwise keep every cycle it made before each build forever."""
    import gc

    from instnet.workers import Workers

    if not _forks_here(request):
        return
    gc.unfreeze()
    with Workers(2) as pool:
        frozen_in_workers = set(pool.run([(gc.get_freeze_count, ())] * 2))
        frozen_here = gc.get_freeze_count()
    assert frozen_here > 10_000  # the modules this test process imported
    assert min(frozen_in_workers) > 0.9 * frozen_here  # each worker started with them frozen (a few died since)
    assert gc.get_freeze_count() == 0


def test_the_program_freezes_what_it_holds_before_the_interpreter_exits():
    """So the interpreter's closing collection walks nothing; the command's output and exit code are as before."""
    import subprocess
    import sys

    code = (
        "import gc, sys\n"
        "from instnet.cli import main\n"
        "try:\n    main(['list'])\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code, 'frozen', gc.get_freeze_count(), gc.isenabled(), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "korea-1961" in done.stdout
    exit_code, frozen, collecting = done.stderr.split()[1], int(done.stderr.split()[3]), done.stderr.split()[4]
    assert exit_code == "0" and frozen > 10_000 and collecting == "False"  # a short command: no automatic pass
    failed = subprocess.run(
        [sys.executable, "-m", "instnet", "show", "no-such-network"], capture_output=True, text=True
    )
    assert failed.returncode != 0 and "Traceback" not in failed.stderr


def test_a_parallel_build_measures_each_network_whole_once(tmp_path, monkeypatch, request):
    """The workers were forked before the networks were measured: each call of the pages takes the graph tables
    of the networks it draws, so a diff, a country page or a year slice that is the whole network measures
    nothing again."""
    import os

    from instnet.metrics import tables

    if not _forks_here(request):
        return
    log = tmp_path / "measured.log"
    measure = tables._graph_table

    def logged(G, exact, wanted):
        if wanted == tuple(tables.GRAPH_MEASURES):
            with open(log, "a", encoding="utf-8") as f:
                f.write(f"{os.getpid()} {G.graph.get('id')}\n")
        return measure(G, exact, wanted)

    monkeypatch.setattr(tables, "_graph_table", logged)  # the forked workers inherit it
    monkeypatch.setattr(tables, "_KNOWN", {})
    graphs = _graphs(tmp_path, ["thailand-1980", "thailand-1997", "thailand-2001", "model-councils"])
    site.build_site(graphs, tmp_path / "out", jobs=2)
    measured = [line.split()[1] for line in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(measured) == ["model-councils", "thailand-1980", "thailand-1997", "thailand-2001"]
    assert len({line.split()[0] for line in log.read_text(encoding="utf-8").splitlines()}) <= 2  # on the workers


def test_a_broken_network_stops_a_parallel_build_whose_measures_had_begun(tmp_path):
    """The networks read before it are being measured on the workers: the build still stops cleanly, nothing written."""
    from instnet.errors import InvalidNetwork

    graphs = _graphs(tmp_path)
    broken = sorted(graphs.iterdir())[-1] / "nodes.csv"
    broken.write_text(broken.read_text(encoding="utf-8") + "bad id!,x,ministry\n", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(InvalidNetwork, match=r"nodes\.csv"):
        site.build_site(graphs, out, jobs=2)
    assert not out.exists()


class _PageFailed(RuntimeError):
    pass


_real_diff_files = site.diff_files


def _last_diff_fails(a, b, A, B):
    """``site.diff_files``, failing for the pair drawn last (every other page was made before it)."""
    if (a, b) == ("korea-1961", "model-technocrat-group"):
        raise _PageFailed(f"{a} vs {b}")
    return _real_diff_files(a, b, A, B)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_page_that_fails_after_the_others_were_made_leaves_the_site_as_it_was(tmp_path, monkeypatch, request, jobs):
    """A page that fails after the others were made (in this process or on a worker) puts none of them in place."""
    if jobs > 1 and not _forks_here(request):
        return
    graphs, out = _graphs(tmp_path, ["korea-1961", "korea-2008", "model-technocrat-group"]), tmp_path / "out"
    site.build_site(graphs, out, jobs=jobs)
    for name in ("korea-1961", "korea-2008"):
        nodes = graphs / name / "nodes.csv"
        nodes.write_text(nodes.read_text(encoding="utf-8").replace("President", "President (edited)", 1), "utf-8")
    before = _state(out)
    monkeypatch.setattr(site, "diff_files", _last_diff_fails)
    with pytest.raises(_PageFailed):
        site.build_site(graphs, out, jobs=jobs)
    assert _state(out) == before  # same bytes, same times, no temporary file left
    fresh = tmp_path / "fresh" / "site"
    with pytest.raises(_PageFailed):
        site.build_site(graphs, fresh, jobs=jobs)
    assert not fresh.exists()
