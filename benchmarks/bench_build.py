"""Time `instnet build` (all bundled networks) and `instnet --help` as whole processes.

    python benchmarks/bench_build.py [--runs 7]

Prints the median, min and max wall time of each over several runs, against
the targets of issue [7/8] (build under 3 s, --help under 0.3 s on 2 cores).
The build runs twice per round: into a fresh folder (everything written) and
again into the same folder (nothing changes, so nothing is written).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _instnet() -> list[str]:
    exe = shutil.which("instnet", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "instnet"]


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _report(name: str, times: list[float], target: float) -> None:
    median = statistics.median(times)
    verdict = "meets" if median < target else "MISSES"
    print(
        f"{name:<28} median {median:6.3f} s  min {min(times):6.3f}  max {max(times):6.3f}  "
        f"(n={len(times)}; target < {target} s: {verdict}, {median / target:.2f} of target)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cmd = _instnet()
    help_times, fresh, again = [], [], []
    _time([*cmd, "--help"])  # warm the file cache
    for _ in range(args.runs):
        help_times.append(_time([*cmd, "--help"]))
        with tempfile.TemporaryDirectory() as tmp:
            out = str(Path(tmp) / "output")
            fresh.append(_time([*cmd, "build", "--quiet", "--out", out]))
            again.append(_time([*cmd, "build", "--quiet", "--out", out]))
    print(f"instnet: {' '.join(cmd)}; python {sys.version.split()[0]}; runs: {args.runs}")
    _report("instnet --help", help_times, 0.3)
    _report("instnet build (fresh)", fresh, 3.0)
    _report("instnet build (unchanged)", again, 3.0)


if __name__ == "__main__":
    main()
