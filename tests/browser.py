"""Open HTML pages in Debian's headless Chromium with every network request blocked.

A plain helper module (not a conftest): test modules and benchmarks import it
(``import browser`` from ``tests/``; pytest puts ``tests/`` on ``sys.path``).

Typical use::

    from browser import chromium, open_page

    with chromium() as b:                       # one browser, reuse it for many pages
        with open_page(b, "out/korea-1961.html") as view:
            assert view.failed_requests == []   # nothing but file:/data: was asked for
            assert view.console_errors == []    # console.error and CSP violations
            assert view.page_errors == []       # uncaught exceptions
            assert view.dialogs == []           # alert/confirm/prompt (dismissed)
            nodes, edges = view.drawn_counts()  # what vis-network holds and draws
            text = view.legend_text()           # innerText of #legend
            view.screenshot("/tmp/shots/korea.png")

What it guarantees
------------------
- The browser is ``shutil.which("chromium")`` launched through Playwright with
  ``--headless --no-sandbox --disable-gpu --no-first-run
  --disable-background-networking --disable-component-update --disable-sync``.
  Playwright gives every launch a fresh temporary user-data-dir, and every
  :func:`open_page` a fresh browser context (no cookies, cache or storage
  shared between pages).
- Every request whose URL is not ``file:`` or ``data:`` is aborted and recorded
  in ``failed_requests``, as is any request that fails for another reason
  (a missing local file, say).
- Console messages of type ``error`` (which include Content-Security-Policy
  violations), uncaught page errors and dialogs are collected; dialogs are
  dismissed so that a page cannot block the test.
- By default :func:`open_page` waits until an instnet view reports its first
  drawn frame (``window.instnetView.drawn``, set by vis-network's first
  ``afterDrawing`` event). Pass ``wait_for=None`` for pages that are not
  instnet network views (index pages, say), or any JavaScript function
  returning true when ready (``"() => document.title !== ''"``).

If Playwright or Chromium is missing, :func:`chromium` raises
:class:`BrowserUnavailable` with a message that says what to install; test
fixtures turn it into a failure (``pytest.fail``), never a skip.
"""

from __future__ import annotations

import json
import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "CHROMIUM_ARGS",
    "DRAWN",
    "BrowserUnavailable",
    "PageView",
    "chromium",
    "open_page",
]

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: JavaScript predicate: an instnet network view has drawn its first frame.
#: Conditions are written as functions: Playwright evaluates a bare expression
#: string with ``eval`` inside the page, which the pages' Content-Security-Policy
#: (rightly) refuses now and then; a function is called through the DevTools
#: protocol instead. Never use ``bypass_csp``: the CSP is part of what is tested.
DRAWN = "() => window.instnetView !== undefined && window.instnetView.drawn === true"


class BrowserUnavailable(RuntimeError):
    """Playwright or Debian's chromium is not installed or does not start."""


@contextmanager
def chromium():
    """Launch headless Chromium through Playwright; yield the Playwright ``Browser``.

    Raises
    ------
    BrowserUnavailable
        If the ``playwright`` package or the ``chromium`` executable is
        missing, or the browser does not start.
    """
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise BrowserUnavailable(
            f"Playwright is not installed ({exc}); run `pip install -e .[test]` "
            "(the browser tests need it and do not skip)."
        ) from exc
    executable = shutil.which("chromium")
    if executable is None:
        raise BrowserUnavailable(
            "Debian's `chromium` is not on PATH; install it with `apt-get install chromium` "
            "(.ci/run does) - the browser tests need it and do not skip."
        )
    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        except PlaywrightError as exc:
            raise BrowserUnavailable(f"{executable} did not start under Playwright: {exc}") from exc
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageView:
    """An open page and everything it did that a test may want to assert on."""

    page: object  # playwright.sync_api.Page
    url: str
    failed_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Every failed request, console error, page error and dialog, one line each."""
        return (
            [f"request blocked or failed: {r}" for r in self.failed_requests]
            + [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"dialog: {m}" for m in self.dialogs]
        )

    def evaluate(self, expression: str, arg=None):
        """Evaluate a JavaScript expression or function in the page."""
        return self.page.evaluate(expression, arg)

    def drawn_counts(self) -> tuple[int, int]:
        """Numbers of nodes and edges in the drawn vis-network (``network.body``)."""
        nodes, edges = self.page.evaluate(
            "() => { const b = window.instnetView.network.body; return [b.nodeIndices.length, b.edgeIndices.length]; }"
        )
        return int(nodes), int(edges)

    def data_counts(self) -> tuple[int, int]:
        """Numbers of nodes and edges in the view's vis DataSets."""
        nodes, edges = self.page.evaluate("() => [window.instnetView.nodes.length, window.instnetView.edges.length]")
        return int(nodes), int(edges)

    def legend_text(self) -> str:
        """The legend's visible text (``innerText`` of ``#legend``)."""
        return self.page.inner_text("#legend")

    def header_text(self) -> str:
        """The header's visible text (``innerText`` of ``header``)."""
        return self.page.inner_text("header")

    def nodes(self) -> list[dict]:
        """The view's node records (id, key, label, title, group, x, y, ...)."""
        return self.page.evaluate("() => window.instnetView.nodes.get()")

    def edges(self) -> list[dict]:
        """The view's edge records as vis-network holds them (title, color, ...)."""
        return self.page.evaluate("() => window.instnetView.edges.get()")

    def tooltip_text(self, kind: str, item_id) -> str:
        """Hover the node or edge ``item_id`` (kind ``"node"`` or ``"edge"``) and return the tooltip's innerText."""
        point = self.page.evaluate(
            """([kind, id]) => {
                 const net = window.instnetView.network;
                 let p;
                 if (kind === "node") { p = net.getPosition(id); }
                 else { const e = net.body.edges[id];
                        p = e.edgeType.getPoint(0.5); }
                 const d = net.canvasToDOM(p);
                 const r = document.getElementById("network").getBoundingClientRect();
                 return [r.left + d.x, r.top + d.y];
               }""",
            [kind, item_id],
        )
        self.page.mouse.move(point[0] + 40, point[1] + 40)
        self.page.mouse.move(point[0], point[1], steps=4)
        self.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
        return self.page.inner_text("div.vis-tooltip")

    def screenshot(self, path: str | Path) -> Path:
        """Save a PNG of the page's viewport; return its path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path))
        return path


@contextmanager
def open_page(
    browser,
    path: str | Path,
    *,
    wait_for: str | None = DRAWN,
    timeout_ms: int = 30_000,
    viewport: tuple[int, int] = (1400, 900),
    init_script: str | None = None,
    wait_until: str = "load",
):
    """Open a local HTML file from ``file://`` in a fresh context with the network cut off.

    Parameters
    ----------
    browser
        The Playwright ``Browser`` from :func:`chromium`.
    path
        The HTML file to open.
    wait_for
        JavaScript function (``"() => ..."``, not a bare expression: see
        ``DRAWN``) to wait for after the load event (default: an instnet view
        has drawn); ``None`` waits for the load event only.
    timeout_ms
        Limit for loading and for ``wait_for``.
    viewport
        Width and height of the page in CSS pixels.
    init_script
        Optional JavaScript run before the page's own scripts (benchmarks use
        it to time the first canvas drawing).
    wait_until
        Playwright's navigation event to wait for: ``"load"`` (default) or
        ``"commit"`` for pages whose scripts may block the load event for a
        long time (pyvis with physics on a large graph).

    Yields
    ------
    PageView
        The open page with its collected failures; the context is closed on exit.
    """
    url = Path(path).resolve().as_uri()
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]}, service_workers="block")
    view = PageView(page=None, url=url)

    def route(route_):
        request_url = route_.request.url
        if request_url.startswith(("file:", "data:")):
            route_.continue_()
        else:
            view.failed_requests.append(request_url)
            route_.abort("blockedbyclient")

    def on_failed(request):
        entry = f"{request.url} ({request.failure})"
        if request.url not in view.failed_requests and entry not in view.failed_requests:
            view.failed_requests.append(entry)

    def on_console(message):
        if message.type == "error":
            location = message.location or {}
            view.console_errors.append(f"{message.text} [{location.get('url', '')}:{location.get('lineNumber', '')}]")

    def on_dialog(dialog):
        view.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    try:
        context.route("**/*", route)
        page = context.new_page()
        view.page = page
        page.on("requestfailed", on_failed)
        page.on("console", on_console)
        page.on("pageerror", lambda error: view.page_errors.append(str(error)))
        page.on("dialog", on_dialog)
        if init_script:
            page.add_init_script(init_script)
        page.goto(url, wait_until=wait_until, timeout=timeout_ms)
        if wait_for:
            page.wait_for_function(wait_for, timeout=timeout_ms)
        yield view
    finally:
        context.close()


def page_json(page: str | Path) -> dict:
    """The JSON of a page of a site as its scripts read it (``instnetData()``): shared lines and records whole.

    The line files are read from the site's ``data/`` beside the page's folder.
    """
    from instnet.render.shared_lines import DATA_DIR, read_lines_script, resolve_lines

    page = Path(page)
    block = re.search(r'<script type="application/json" id="instnet-data">(.*?)</script>', page.read_text(), re.S)
    if block is None:
        raise AssertionError(f"{page} has no instnet data block")
    data = json.loads(block.group(1))
    folder = page.parent.parent / DATA_DIR
    tables = dict(read_lines_script((folder / f"{key}.js").read_text()) for key in data.get("lineFiles", []))
    return resolve_lines(data, tables)
