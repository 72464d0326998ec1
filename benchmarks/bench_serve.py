"""Time `instnet serve` from saving a CSV to the open page showing the change, in headless Chromium.

    python benchmarks/bench_serve.py [--runs 7] [--network korea-1961]

Serves a copy of one bundled network (and the archetypes, as the site has
them), opens its page, then saves ``nodes.csv`` with one label changed and
waits until the reloaded page holds the new label and has drawn it. Prints
the median over the runs with its ratio to the import floor
(``python -c "import networkx, pandas"``) measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium  # noqa: E402

HAS = (
    "(t) => (document.getElementById('instnet-data') || {textContent: ''}).textContent.includes(t)"
    " && window.instnetView !== undefined && window.instnetView.drawn === true"  # the page's scripts may not have run yet
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--network", default="korea-1961")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    floors = []
    for _ in range(args.runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import networkx, pandas"], check=True)
        floors.append(time.perf_counter() - start)
    with tempfile.TemporaryDirectory() as tmp:
        graphs = Path(tmp) / "graphs"
        shutil.copytree(ROOT / "graphs" / args.network, graphs / args.network)
        for model in (ROOT / "graphs").glob("model-*"):
            shutil.copytree(model, graphs / model.name)
        cmd = [sys.executable, "-m", "instnet", "serve", str(graphs), "--out", str(Path(tmp) / "out"), "--port", "0"]
        log = (Path(tmp) / "serve.log").open("w")
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log, text=True, env=env)
        try:
            url = re.search(r"http://\S+/", proc.stdout.readline()).group(0)
            nodes = graphs / args.network / "nodes.csv"
            text = nodes.read_text(encoding="utf-8")
            label = text.splitlines()[1].split(",")[1]
            times = []
            with chromium() as browser:
                page = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
                page.goto(url + f"networks/{args.network}.html")
                page.wait_for_function(HAS, arg=label, timeout=60_000)
                for i in range(args.runs):
                    new = f"{label} edit {i}"
                    start = time.perf_counter()
                    nodes.write_text(text.replace(label, new, 1), encoding="utf-8")
                    try:
                        page.wait_for_function(HAS, arg=new, timeout=60_000, polling=20)
                    except Exception:
                        raise SystemExit(
                            "the page did not show the change; the server said:\n"
                            + (Path(tmp) / "serve.log").read_text()
                        ) from None
                    times.append(time.perf_counter() - start)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    floor, median = statistics.median(floors), statistics.median(times)
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} cores; network {args.network}")
    print(f"import floor (import networkx, pandas)   median {floor:.3f} s (n={len(floors)})")
    print(
        f"serve: save CSV -> page shows it          median {median:.3f} s = {median / floor:.2f} x floor "
        f"(n={len(times)}, min {min(times):.3f}, max {max(times):.3f}) [target <= 1 s]"
    )


if __name__ == "__main__":
    main()
