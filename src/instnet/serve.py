"""``instnet serve``: a local preview of the site that rebuilds and reloads itself when a network file is saved.

The site is built into a folder (incrementally, as ``instnet build`` does) and
served from it by a small HTTP server bound to 127.0.0.1. A thread watches
the network folders with ``watchfiles``; on a change it rebuilds, and every
open page, polling ``/__instnet__/state``, reloads itself. While a network is
broken the site on disk stays as it was and each page shows the validation
problems (``path:line: message``) over itself, until the file is fixed.

The server answers only GET and HEAD, only for a ``Host`` that names the
address it listens on (no DNS rebinding), and only with files inside the site
folder once every symlink is resolved; there is no directory listing.
"""

from __future__ import annotations

import gc
import http.server
import json
import re
import threading
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import InstnetError, InvalidNetwork

__all__ = ["LiveSite", "make_server", "serve", "watched_folders"]

STATE_PATH = "/__instnet__/state"
SCRIPT_PATH = "/__instnet__/live.js"
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8",
    ".graphml": "application/xml",
    ".gexf": "application/xml",
    ".svg": "image/svg+xml",
}


@dataclass
class LiveSite:
    """The state the server shares with the watcher: the site folder, its build number and current problems."""

    out: Path
    version: int = 0
    problems: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def state(self) -> bytes:
        with self.lock:
            return json.dumps({"version": self.version, "problems": self.problems}).encode("utf-8")


def rebuild(
    site: LiveSite, selection: Mapping[str, Path], jobs: int = 1, progress: Callable[[str], None] = print
) -> None:
    """Build the site once more; record the problems instead when a network is broken."""
    import time

    from .site import build_site

    start = time.perf_counter()
    try:
        report = build_site(selection, site.out, jobs=jobs)
    except InvalidNetwork as exc:
        problems = [str(p) for p in exc.problems if p.severity == "error"] or [str(exc)]
        progress(f"{exc.path}: {len(problems)} problem(s); the site was not rebuilt")
    except InstnetError as exc:
        problems = [str(exc)]
        progress(f"not rebuilt: {exc}")
    else:
        problems = []
        progress(f"rebuilt in {time.perf_counter() - start:.2f} s: {len(report.written)} file(s) written")
    with site.lock:
        site.problems = problems
        site.version += 1


def _live_page(body: bytes, version: int = 0) -> bytes:
    """A site page as served: the live script added, and admitted (with its polling) by the page's CSP.

    The script is told ``version``, the build the page was read after: a page that loads while the next build is
    made (a save right after the last) reloads when it sees a newer one, instead of taking that as its own.
    """
    text = body.decode("utf-8")

    def policy(match: re.Match) -> str:
        parts = [p.strip() for p in match.group(2).split(";")]
        if not any(p.startswith("script-src") for p in parts):
            parts.append("script-src 'self'")
        parts = [p if not p.startswith("script-src") or "'self'" in p else p + " 'self'" for p in parts]
        return match.group(1) + "; ".join([*parts, "connect-src 'self'"]) + match.group(3)

    text = re.sub(r'(http-equiv="Content-Security-Policy" content=")([^"]*)(")', policy, text, count=1)
    script = f'<script src="{SCRIPT_PATH}" data-version="{int(version)}"></script>'
    return text.replace("</body>", script + "\n</body>", 1).encode("utf-8")


def _handler(site: LiveSite, hosts: set[str]):
    live_js = resources.files("instnet.render").joinpath("static", "live.js").read_bytes()
    root = site.out.resolve()

    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "instnet"
        sys_version = ""

        def log_message(self, format, *args):
            pass

        def _send(self, status: int, body: bytes, kind: str = "text/plain; charset=utf-8", extra=()) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            for name, value in extra:
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _target(self) -> Path | None:
            raw = urllib.parse.urlsplit(self.path).path
            path = urllib.parse.unquote(raw)
            if not path.startswith("/") or "\\" in path or "\0" in path:
                return None
            parts = [p for p in path.split("/") if p]
            if any(p in (".", "..") for p in parts):
                return None
            target = root.joinpath(*parts)
            if target.is_dir():
                target = target / "index.html"
            target = target.resolve()
            if target != root and root not in target.parents:
                return None
            return target if target.is_file() else None

        def do_GET(self) -> None:
            if self.headers.get("Host", "") not in hosts:
                return self._send(403, b"refused: this server answers only for " + ", ".join(sorted(hosts)).encode())
            path = urllib.parse.urlsplit(self.path).path
            if path == STATE_PATH:
                return self._send(200, site.state(), "application/json")
            if path == SCRIPT_PATH:
                return self._send(200, live_js, _TYPES[".js"])
            target = self._target()
            if target is None:
                return self._send(404, b"not found")
            with site.lock:
                version = site.version  # read before the page: a build finished meanwhile makes it reload once
            body = target.read_bytes()
            if target.suffix == ".html":
                body = _live_page(body, version)
            return self._send(200, body, _TYPES.get(target.suffix, "application/octet-stream"))

        do_HEAD = do_GET

        def _refuse(self) -> None:
            self._send(405, b"only GET and HEAD", extra=[("Allow", "GET, HEAD")])

        do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _refuse

    return Handler


def make_server(site: LiveSite, host: str = "127.0.0.1", port: int = 8000) -> http.server.ThreadingHTTPServer:
    """An HTTP server of ``site`` on ``host:port`` (port 0: any free port), not yet started."""

    server = http.server.ThreadingHTTPServer((host, port), http.server.BaseHTTPRequestHandler)
    port = server.server_address[1]
    names = {host, "localhost"} if host in ("127.0.0.1", "::1", "localhost") else {host}
    server.RequestHandlerClass = _handler(site, {f"{name}:{port}" for name in names})
    server.daemon_threads = True
    return server


def watched_folders(selection: Mapping[str, Path], refs: Sequence[str | Path] = ()) -> list[Path]:
    """The folders to watch: each network's, and each folder of networks named in ``refs`` (where new ones appear).

    Examples
    --------
    >>> from instnet.load import bundled_graphs_dir, select
    >>> root = bundled_graphs_dir()
    >>> watched_folders(select([root]), [root])[0] == root.resolve()
    True
    """
    from .load import network_ids

    roots = {
        Path(ref).resolve()
        for ref in refs
        if Path(ref).is_dir() and not (Path(ref) / "network.toml").is_file() and network_ids(Path(ref))
    }
    inside = {Path(f).resolve() for f in selection.values()}
    return sorted(roots | {f for f in inside if not any(r in f.parents for r in roots)})


def _watch(site: LiveSite, selection, stop: threading.Event, progress, refs, with_bundled, live) -> None:
    import watchfiles

    from .load import select

    folders = [str(f) for f in watched_folders(selection, refs)]
    changes = watchfiles.watch(*folders, stop_event=stop, debounce=50, step=20, rust_timeout=200, yield_on_timeout=True)
    for batch in changes:
        live.set()  # the first (empty) batch: the watcher is in place, saves from now on are seen
        if not batch:
            continue
        if refs:  # a network folder made or removed in a folder of networks changes the selection
            try:
                selection = select(refs, with_bundled=with_bundled)
            except InstnetError as exc:
                with site.lock:
                    site.problems, site.version = [str(exc)], site.version + 1
                progress(f"not rebuilt: {exc}")
                continue
        rebuild(site, selection, 1, progress)  # one changed network: little to do, and no fork from a thread


def serve(
    selection: Mapping[str, Path],
    out_dir: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    jobs: int = 1,
    progress: Callable[[str], None] = print,
    ready: Callable[[str], None] | None = None,
    refs: Sequence[str | Path] = (),
    with_bundled: bool = False,
) -> None:
    """Build ``selection`` into ``out_dir``, serve it on ``host:port`` and rebuild on every save, until Ctrl-C.

    Parameters
    ----------
    selection : mapping
        Network id -> folder (:func:`instnet.load.select`); these folders are watched.
    out_dir : path
        The site's folder.
    host, port : str, int
        The address to listen on (127.0.0.1 by default: this machine only).
    jobs : int
        Worker processes of the first build (rebuilds run in one).
    progress : callable
        Called with one line per event.
    ready : callable, optional
        Called with the site's URL once the server listens.
    refs, with_bundled : sequence of str or Path, bool
        What ``selection`` was chosen from (:func:`instnet.load.select`):
        after each change the selection is made again, so that a network
        folder created in (or removed from) a folder of networks joins (or
        leaves) the site.
    """
    site = LiveSite(Path(out_dir))
    rebuild(site, selection, jobs, progress)
    gc.enable()  # a long-lived process: whatever the first build left the collector in (instnet.cli.main)
    server = make_server(site, host, port)
    url = f"http://{host}:{server.server_address[1]}/"
    stop, live = threading.Event(), threading.Event()
    args = (site, selection, stop, progress, tuple(refs), with_bundled, live)
    watcher = threading.Thread(target=_watch, args=args, daemon=True)
    watcher.start()
    live.wait(timeout=10)  # announce the address once a save would be noticed
    (ready or progress)(url)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        progress("stopping")
    finally:
        stop.set()
        server.server_close()
        watcher.join(timeout=5)
