"""The regular-expression audit: every pattern in ``transforms/`` on its worst inputs.

    python benchmarks/audit_regex.py [--length 20000] [--atoms 60] [--timeout 1.0]

Prints, for each pattern, its slowest input and time, how many inputs ran past
the timeout (the ``regex`` module's guard), and the steepest growth from a
2,500- to a 20,000-character run of the slowest input's unit (linear 8x,
quadratic 64x; ``tests/test_regex_safety.py`` allows ``MAX_GROWTH``). Inputs
come from ``tests/hostile/patterns.py``, as the pattern's callers could hand
them over. A linear pattern takes about a millisecond on 20,000 characters; a
quadratic one seconds; an exponential one never finishes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile.patterns import all_patterns, measure_growth, worst_inputs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--length", type=int, default=20_000)
    parser.add_argument("--atoms", type=int, default=60)
    parser.add_argument("--timeout", type=float, default=1.0)
    args = parser.parse_args()
    started = time.perf_counter()
    searches = failures = steep = 0
    for audited in all_patterns():
        worst, worst_case, late = 0.0, ("", "", " "), 0
        for text, start, piece in worst_inputs(audited.source, args.length, args.atoms):
            begin = time.perf_counter()
            try:
                audited.search(text, args.timeout)
            except TimeoutError:
                late += 1
            elapsed = time.perf_counter() - begin
            searches += 1
            if elapsed > worst:
                worst, worst_case = elapsed, (text[:24], start, piece)
        failures += late
        growth = measure_growth(audited, worst_case[2], start=worst_case[1])
        steep += not growth.linear
        print(
            f"{audited.where:40} worst {worst * 1e3:8.1f} ms on {worst_case[0]!r:32} timeouts {late}"
            f" growth {growth.ratio:5.1f}x",
            flush=True,
        )
    print(f"{searches} searches, {failures} timeouts, {steep} steep, {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
