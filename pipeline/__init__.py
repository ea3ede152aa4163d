"""Graph assembly, options and the ``newsclean`` command line."""

import os

__version__ = "0.1.0"


def local_cores() -> int:
    """The cores this process may run on: the local runner's worker count (benchmarks use it too).

    Here, not in :mod:`pipeline.runners`, so callers need not import Beam."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
