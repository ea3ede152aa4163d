"""The run's local processes, prepared before Beam loads: which runner starts processes here, and
what forks them ready-imported.

A local run's Beam workers and guard children are forks of the run's zygote
(:mod:`newsclean.transforms.runtime.zygote`); Dask's local cluster starts its own worker
processes, which are then forks of a ``multiprocessing`` forkserver that imported Dask, Beam
and newsclean first, and its guard children forks of the zygote. Both start first thing in
``newsclean run`` (:func:`run_processes`), so their imports run beside the driver's. The
options are read here without Beam (:func:`forks_local_workers` decides as
:mod:`newsclean.runners` does); a cluster named by address has other machines' processes and
gets neither.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

LOCAL_NAMES = {"directrunner", "direct", "switchingdirectrunner", "fnapirunner", "local"}
DASK_NAMES = {"dask", "daskrunner"}
# What the zygote of a local run imports and warms before it forks workers and guard children.
# The HTML path loads once the workers are forked, so only the guard children carry it.
PRELOAD = (
    "apache_beam.runners.worker.sdk_worker_main",
    "newsclean.graph",
    "newsclean.transforms.runtime.guard:warm_up_text",
    "later:newsclean.transforms.runtime.guard:warm_up",
)
# With Dask's local cluster the zygote forks the guard children only.
CHILD_PRELOAD = ("newsclean.transforms.runtime.guard:warm_up",)
# What Dask's forkserver imports before it forks the local cluster's worker processes.
DASK_WORKER_PRELOAD = ("distributed", "apache_beam", "newsclean.dask_runner", "newsclean.graph")
_DASK_CLUSTER_OPTIONS = ("dask_client_address", "dask_scheduler_file")


def _given(beam_args: list[str]) -> dict[str, str]:
    given: dict[str, str] = {}
    for i, item in enumerate(beam_args):
        if item.startswith("--"):
            name, equals, value = item[2:].partition("=")
            if not equals and i + 1 < len(beam_args) and not beam_args[i + 1].startswith("--"):
                value = beam_args[i + 1]
            given[name] = value
    return given


def forks_local_workers(beam_args: list[str], default_runner: str = "DirectRunner") -> bool:
    """Whether these options make a local run with worker processes (:mod:`newsclean.runners`
    decides the same), read without importing Beam, so the zygote can start before Beam loads."""
    from newsclean import local_cores

    given = _given(beam_args)
    runner = given.get("runner") or default_runner
    return runner.casefold() in LOCAL_NAMES and "direct_running_mode" not in given and local_cores() > 1


def starts_dask_cluster(beam_args: list[str], default_runner: str = "DirectRunner") -> bool:
    """Whether these options run Dask on a local cluster newsclean starts (no address given)."""
    given = _given(beam_args)
    runner = (given.get("runner") or default_runner).casefold()
    return runner in DASK_NAMES and not any(name in given for name in _DASK_CLUSTER_OPTIONS)


def zygote_preload(beam_args: list[str], default_runner: str = "DirectRunner") -> tuple[str, ...]:
    """What this run's zygote preloads: every worker's imports for a local run with worker processes,
    the guard child's for Dask on a local cluster it starts; nothing (no zygote) elsewhere."""
    if forks_local_workers(beam_args, default_runner):
        return PRELOAD
    if starts_dask_cluster(beam_args, default_runner):
        return CHILD_PRELOAD
    return ()


@contextlib.contextmanager
def run_processes(beam_args: list[str], default_runner: str = "DirectRunner") -> Iterator[None]:
    """While the block runs: the run's zygote (if it starts local processes to fork, see
    :func:`zygote_preload`) and, for Dask's local cluster, its workers' forkserver."""
    preload = zygote_preload(beam_args, default_runner)
    if not preload:
        yield
        return
    from newsclean.transforms.runtime.zygote import running_zygote

    with running_zygote(preload), _dask_forkserver(starts_dask_cluster(beam_args, default_runner)):
        yield


@contextlib.contextmanager
def _dask_forkserver(wanted: bool) -> Iterator[None]:
    """Dask's local workers as forks of a forkserver that imported :data:`DASK_WORKER_PRELOAD`
    (started now, beside the driver); each otherwise spawns a fresh interpreter that imports
    Dask, and Beam and newsclean with its first task. ``NEWSCLEAN_ZYGOTE=off`` leaves Dask's own."""
    if not wanted or os.environ.get("NEWSCLEAN_ZYGOTE") == "off":
        yield
        return
    import multiprocessing
    import multiprocessing.forkserver

    try:
        import dask
        import distributed.utils
    except ImportError:  # the run reports that Dask is missing
        yield
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(DASK_WORKER_PRELOAD))
    distributed.utils._forkserver_preload_set = True  # distributed would set its own list
    multiprocessing.forkserver.ensure_running()
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        yield
