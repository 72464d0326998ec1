"""Time `instnet build` of the bundled site and of a generated 200-network collection, against the import floor.

    python benchmarks/bench_site.py [--runs 5] [--big-runs 3] [--jobs 0]   (--big-runs 0: the bundled site only)

Every figure is a median over several runs of a whole process, printed with
its ratio to the import floor, ``python -c "import networkx, pandas"``,
measured in the same run (so a slow or busy machine shows in both). Also the
site's size on disk and the largest network page (the shared assets apart),
and the peak resident memory of the largest build process (``wait4``; with
``--jobs`` above 1 each worker is its own process, this is the largest one).

The 200 networks are copies of the bundled country networks, each copy a
country of its own (``korea-1961-v3``, country ``South Korea 3``), plus the
bundled archetypes; the rebuild changes one label in one copy's ``nodes.csv``.
The package's bytecode is compiled first (``compileall``), as the installed
networkx and pandas of the floor are: in an environment that sets
``PYTHONDONTWRITEBYTECODE`` (this machine's does) every run would otherwise
compile instnet's modules again, which a user's second command does not.
Every fresh build starts with an empty cache of loaded networks
(``INSTNET_CACHE``, a new folder each run); its rebuild uses the cache that
build filled, as a researcher's next build would.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _instnet() -> list[str]:
    return [sys.executable, "-m", "instnet"]


def _run(cmd: list[str], cache: Path | None = None) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one process (``cache``: its cache of loaded networks; none: off)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "INSTNET_CACHE": str(cache) if cache else "off"}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()}")
    return seconds, usage.ru_maxrss


def generate(target: Path, count: int = 200) -> int:
    """``count`` networks in ``target``: the bundled archetypes and numbered copies of the country networks."""
    graphs = ROOT / "graphs"
    networks = [p for p in graphs.iterdir() if (p / "network.toml").is_file()]  # not graphs/provenance
    models = sorted(p for p in networks if p.name.startswith("model-"))
    countries = sorted(p for p in networks if not p.name.startswith("model-"))
    for folder in models:
        shutil.copytree(folder, target / folder.name)
    made, copy = len(models), 1
    while made < count:
        for folder in countries:
            if made == count:
                break
            dest = target / f"{folder.name}-v{copy}"
            shutil.copytree(folder, dest)
            toml = dest / "network.toml"
            lines = toml.read_text(encoding="utf-8").splitlines(keepends=True)
            lines = [
                f'country = "{line.split("=", 1)[1].strip().strip(chr(34))} {copy}"\n'
                if line.startswith("country =")
                else line
                for line in lines
            ]
            toml.write_text("".join(lines), encoding="utf-8")
            made += 1
        copy += 1
    return made


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _line(name: str, times: list[float], floor: float, note: str = "") -> None:
    median = statistics.median(times)
    print(
        f"{name:<40} median {median:7.3f} s  = {median / floor:5.2f} x floor  (n={len(times)}, min {min(times):.3f}, max {max(times):.3f}){note}"
    )


def _count(minimum: int):
    """An argparse type: an integer of at least ``minimum`` (else argparse's usage error)."""

    def parse(text: str) -> int:
        value = int(text)
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return value

    return parse


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=_count(1), default=5)
    parser.add_argument("--big-runs", type=_count(0), default=3, help="0: the bundled site only")
    parser.add_argument("--jobs", type=_count(0), default=0, help="--jobs of instnet build (0: one per core)")
    parser.add_argument("--count", type=_count(1), default=200)
    args = parser.parse_args()
    build = [*_instnet(), "build", "--quiet", "--jobs", str(args.jobs)]
    floor_cmd = [sys.executable, "-c", "import networkx, pandas"]
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=True)
    _run(floor_cmd)
    floors, fresh, again = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for i in range(args.runs):
            floors.append(_run(floor_cmd)[0])
            out, cache = tmp / f"bundled-{i}", tmp / f"cache-{i}"  # fresh: an empty cache of loaded networks too
            fresh.append(_run([*build, "--out", str(out)], cache)[0])
            again.append(_run([*build, "--out", str(out)], cache)[0])
        size = _size(out)
        largest = max((p.stat().st_size, p.name) for p in (out / "networks").glob("*.html"))
        assets = _size(out / "assets")
        exports = _size(out / "exports")
        big = tmp / "big"
        made = generate(big, args.count) if args.big_runs else 0
        big_fresh, big_again, memory = [], [], []
        for i in range(args.big_runs):
            floors.append(_run(floor_cmd)[0])
            out, cache = tmp / f"big-{i}", tmp / f"big-cache-{i}"
            seconds, rss = _run([*build, "--graphs", str(big), "--out", str(out)], cache)
            big_fresh.append(seconds)
            memory.append(rss)
            nodes = big / "korea-1961-v1" / "nodes.csv"
            nodes.write_text(
                nodes.read_text(encoding="utf-8").replace("President", f"President ({i})", 1), encoding="utf-8"
            )
            big_again.append(_run([*build, "--graphs", str(big), "--out", str(out)], cache)[0])
    floor = statistics.median(floors)
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} cores; instnet build --jobs {args.jobs}")
    print(f"{'import floor (import networkx, pandas)':<40} median {floor:7.3f} s  (n={len(floors)})")
    _line("bundled site, fresh", fresh, floor, "  [target <= 2.5 x floor]")
    _line("bundled site, unchanged", again, floor)
    print(
        f"bundled site on disk: {size / 1e6:.2f} MB (assets {assets / 1e6:.2f} MB, exports {exports / 1e6:.2f} MB, "
        f"pages and index {(size - assets - exports) / 1e6:.2f} MB) [target <= 3 MB]"
    )
    print(f"largest network page: {largest[1]} {largest[0] / 1e3:.0f} KB [target <= 100 KB]")
    if not args.big_runs:
        return
    _line(f"{made} networks, fresh", big_fresh, floor, "  [target <= 12 s]")
    _line(f"{made} networks, one file changed", big_again, floor, "  [target <= 2 s]")
    print(f"{made} networks, peak RSS of the build process: {max(memory) / 1024:.0f} MB [target < 1 GB]")


if __name__ == "__main__":
    main()
