"""Start-up: how long ``newsclean --help``, ``explain --help`` and a one-document ``explain`` take.

    python benchmarks/bench_startup.py [--repeat 5]

Each command runs ``--repeat`` times as a fresh process; the median is printed
beside the same interpreter starting and doing nothing (``python -c pass``) and
importing Beam alone, measured in the same run. The bar (issue 25) is ``--help``
under one second on this machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import NEWSCLEAN

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_665538bb1e6e2337.txt"


def median_seconds(command: list[str], repeat: int) -> float:
    """Median wall time of ``command`` as a fresh process, output discarded."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    python = [sys.executable, "-c"]
    rows = [
        ("python -c pass", python + ["pass"]),
        ("import apache_beam", python + ["import apache_beam"]),
        ("newsclean --help", NEWSCLEAN + ["--help"]),
        ("newsclean explain --help", NEWSCLEAN + ["explain", "--help"]),
        ("newsclean run --help", NEWSCLEAN + ["run", "--help"]),
    ]
    if SEED.exists():
        rows.append(("newsclean explain SEED", NEWSCLEAN + ["explain", str(SEED), "--color", "never"]))
    base = None
    for label, command in rows:
        seconds = median_seconds(command, args.repeat)
        base = base or seconds
        print(f"{label:28s}{seconds:8.2f} s{seconds / base:8.1f}x python")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
