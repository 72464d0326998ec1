"""``instnet serve``: what the server refuses, and a browser that sees a saved CSV, a broken file and its fix."""

import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from instnet import site
from instnet.load import bundled_graphs_dir
from instnet.serve import LiveSite, make_server


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    out = root / "site"
    site.build_site({"korea-1961": bundled_graphs_dir() / "korea-1961"}, out)
    (root / "outside").mkdir()
    (root / "outside" / "secret.txt").write_text("secret")
    (out / "link").symlink_to(root / "outside", target_is_directory=True)
    (out / "secret-link.txt").symlink_to(root / "outside" / "secret.txt")
    server = make_server(LiveSite(out), "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _ask(port, path, method="GET", host=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", host or f"127.0.0.1:{port}")
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def test_serves_the_site_with_the_live_script(served):
    status, body = _ask(served, "/")
    assert status == 200 and b"<title>" in body and b'src="/__instnet__/live.js"' in body
    csp = re.search(rb'Content-Security-Policy" content="([^"]+)"', body).group(1)
    assert b"script-src 'self'" in csp and b"connect-src 'self'" in csp
    status, body = _ask(served, "/networks/korea-1961.html", host=f"localhost:{served}")
    assert status == 200 and b"instnet-data" in body
    assert _ask(served, "/__instnet__/state") == (200, b'{"version": 0, "problems": []}')
    assert b'<script src="/__instnet__/live.js" data-version="0"></script>' in body  # the build it was read after
    assert _ask(served, "/networks/korea-1961.html", method="HEAD") == (200, b"")


@pytest.mark.parametrize(
    "path",
    [
        "/../outside/secret.txt",
        "/networks/../../outside/secret.txt",
        "/%2e%2e/outside/secret.txt",
        "/%2E%2E%2Foutside%2Fsecret.txt",
        "/networks/%2e%2e%2f%2e%2e%2foutside/secret.txt",
        "/..%5coutside%5csecret.txt",
        "//etc/passwd",
        "/%00",
        "/link/secret.txt",
        "/secret-link.txt",
        "/assets/",
        "/no-such-page.html",
    ],
)
def test_refuses_paths_outside_the_site(served, path):
    status, body = _ask(served, path)
    assert status == 404 and b"secret" not in body and b"root:" not in body


@pytest.mark.parametrize("host", ["evil.example", f"evil.example:{8000}", "127.0.0.1:1", ""])
def test_refuses_a_foreign_host(served, host):
    status, body = _ask(served, "/", host=host or " ")
    assert status == 403 and b"refused" in body


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"])
def test_refuses_writes(served, method):
    assert _ask(served, "/index.html", method=method)[0] == 405


@contextmanager
def _instnet_serve(graphs, out):
    env = {**os.environ, "PYTHONPATH": str(Path(site.__file__).parents[1])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "instnet", "serve", str(graphs), "--out", str(out), "--port", "0", "-j", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = proc.stdout.readline()
        match = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
        assert match, (line, proc.poll())
        yield proc, match.group(1)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=30)


def test_ctrl_c_stops_cleanly(tmp_path):
    graphs = tmp_path / "graphs"
    shutil.copytree(bundled_graphs_dir() / "korea-1961", graphs / "korea-1961")
    with _instnet_serve(graphs, tmp_path / "out") as (proc, url):
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        assert _ask(port, "/networks/korea-1961.html")[0] == 200
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 0, err
        assert "Traceback" not in err and "stopping" in err
        with pytest.raises(OSError):
            _ask(port, "/")


def _served_page(browser, url):
    """A 1280x720 page that may load nothing but ``url``'s server: (context, page, console errors, refused URLs)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    errors, foreign = [], []
    context.route(
        "**/*",
        lambda r: r.continue_() if r.request.url.startswith(url) else (foreign.append(r.request.url), r.abort()),
    )
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return context, page, errors, foreign


def test_browser_sees_a_save_a_break_and_a_fix(tmp_path, session_browser):
    graphs = tmp_path / "graphs"
    for key in ("korea-1961", "korea-2008"):
        shutil.copytree(bundled_graphs_dir() / key, graphs / key)
    nodes = graphs / "korea-1961" / "nodes.csv"
    edges = graphs / "korea-1961" / "edges.csv"
    original_nodes, original_edges = nodes.read_text(), edges.read_text()
    label = original_nodes.splitlines()[1].split(",")[1]
    with _instnet_serve(graphs, tmp_path / "out") as (_, url):
        context, page, errors, foreign = _served_page(session_browser, url)
        page.goto(url + "networks/korea-1961.html")
        page.wait_for_function("() => window.instnetView && window.instnetView.drawn === true", timeout=30_000)
        has = "(t) => document.getElementById('instnet-data').textContent.includes(t)"
        assert page.evaluate(has, label)

        start = time.perf_counter()
        nodes.write_text(original_nodes.replace(label, "Renamed Planning Body", 1))
        page.wait_for_function(has, arg="Renamed Planning Body", timeout=20_000)
        page.wait_for_function("() => window.instnetView && window.instnetView.drawn === true", timeout=30_000)
        seconds = time.perf_counter() - start

        edges.write_text(original_edges + "president,nobody,directs,,,,grips,,inferred\n")
        page.wait_for_selector("#instnet-problems", timeout=20_000)
        problems = page.inner_text("#instnet-problems")
        assert re.search(r"edges\.csv:\d+: ", problems), problems
        assert "nobody" in problems
        page.screenshot(path=str(tmp_path / "broken.png"))
        shutil.copy(tmp_path / "broken.png", "/tmp/instnet-serve-broken.png")

        edges.write_text(original_edges)
        fixed = "() => !document.getElementById('instnet-problems') && window.instnetView && window.instnetView.drawn"
        page.wait_for_function(fixed, timeout=20_000)
        assert page.evaluate(has, "Renamed Planning Body")
        assert errors == [] and foreign == []
        context.close()
    assert seconds < 60, seconds  # the 1 s target is measured by benchmarks/bench_serve.py


def test_a_page_read_before_a_build_ends_reloads_when_it_ends(tmp_path, session_browser):
    """A save right after the last: the page is read, then the next build ends before the page's first look at the
    server's state. The page knows which build it was read after, so that first look reloads it."""
    out = tmp_path / "site"
    site.build_site({"korea-1961": bundled_graphs_dir() / "korea-1961"}, out)
    live = LiveSite(out)
    server = make_server(live, "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        context, page, errors, foreign = _served_page(session_browser, url)
        looks = []

        def first_look(route):  # the build ends between the page's reading and its first look
            if not looks:
                with live.lock:
                    live.version += 1
            looks.append(route.request.url)
            route.continue_()

        context.route(url + "__instnet__/state", first_look)
        loads = []
        page.on("load", lambda _: loads.append(time.perf_counter()))
        page.goto(url + "networks/korea-1961.html")
        deadline = time.monotonic() + 20
        while len(loads) < 2 and time.monotonic() < deadline:
            page.wait_for_timeout(100)
        assert len(loads) == 2, looks  # reloaded once, for the build it had not seen
        page.wait_for_timeout(800)  # and not again: it was read after that build
        assert len(loads) == 2 and len(looks) >= 3
        assert errors == [] and foreign == []
        context.close()
    finally:
        server.shutdown()
        server.server_close()


def _wait_for_status(port, path, status, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _ask(port, path)[0] == status:
            return True
        time.sleep(0.2)
    return False


def test_a_network_folder_made_or_removed_while_serving_joins_or_leaves_the_site(tmp_path):
    graphs = tmp_path / "graphs"
    shutil.copytree(bundled_graphs_dir() / "korea-1961", graphs / "korea-1961")
    out = tmp_path / "out"
    with _instnet_serve(graphs, out) as (_, url):
        port = int(url.rstrip("/").rsplit(":", 1)[1])
        assert _ask(port, "/networks/korea-2008.html")[0] == 404
        shutil.copytree(bundled_graphs_dir() / "korea-2008", graphs / "korea-2008")
        assert _wait_for_status(port, "/networks/korea-2008.html", 200)
        assert b"korea-2008" in _ask(port, "/index.html")[1]
        shutil.rmtree(graphs / "korea-2008")
        assert _wait_for_status(port, "/networks/korea-2008.html", 404)
        assert b"networks/korea-2008.html" not in _ask(port, "/index.html")[1]
        assert _ask(port, "/networks/korea-1961.html")[0] == 200
    assert not (out / "networks" / "korea-2008.html").exists()


HOSTILE = ['<img src=x onerror="window.__xss=1">', "</script><script>window.__xss=1</script>"]


def test_the_served_site_runs_no_text_from_the_data_and_shows_it_literally(tmp_path, session_browser):
    import csv
    import io

    graphs = tmp_path / "graphs"
    shutil.copytree(bundled_graphs_dir() / "korea-1961", graphs / "korea-1961")
    nodes = graphs / "korea-1961" / "nodes.csv"
    rows = list(csv.reader(io.StringIO(nodes.read_text())))
    header = rows[0]
    rows[1][header.index("label")] = HOSTILE[0]
    rows[1][header.index("description")] = HOSTILE[1]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    nodes.write_text(buffer.getvalue())
    with _instnet_serve(graphs, tmp_path / "out") as (_, url):
        context, page, errors, foreign = _served_page(session_browser, url)
        for path in ("networks/korea-1961.html", "index.html"):
            page.goto(url + path)
            page.wait_for_timeout(500)
            assert page.evaluate("() => window.__xss") is None, path
        page.goto(url + "networks/korea-1961.html")
        page.wait_for_function("() => window.instnetView && window.instnetView.drawn === true", timeout=30_000)
        assert HOSTILE[0] in page.evaluate("() => document.body.textContent")  # as text: the tables, the find list
        # a broken file whose bad value is hostile: the problems are shown as text too
        text = buffer.getvalue()
        nodes.write_text(text.replace("head_of_government", HOSTILE[0].replace('"', "'"), 1))
        page.wait_for_selector("#instnet-problems", timeout=20_000)
        assert "onerror" in page.inner_text("#instnet-problems")
        assert (
            page.evaluate("() => document.querySelectorAll('#instnet-problems img, #instnet-problems script').length")
            == 0
        )
        assert page.evaluate("() => window.__xss") is None
        assert errors == [] and foreign == []
        context.close()
