"""Choosing and preparing the Beam runner from ``--runner``.

- local (default, also ``DirectRunner``): Beam's FnApiRunner, called directly because
  ``DirectRunner`` first tries to download a Prism binary. Unless told otherwise it runs
  multi-process with one worker per core.
- ``dask``: Beam's DaskRunner, with newsclean's translations (:mod:`newsclean.dask_runner`),
  on a ``dask.distributed`` cluster: the one at ``--dask_client_address``, or a local cluster
  started here with one worker process per core and stopped when the run ends. Writes go
  through the sharded writer.
- anything else (``DataflowRunner``, ``FlinkRunner``, ``SparkRunner`` ...) is passed to Beam.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from apache_beam.options.pipeline_options import (
    DirectOptions,
    PipelineOptions,
    StandardOptions,
    WorkerOptions,
)
from apache_beam.runners.runner import PipelineRunner

from newsclean import local_cores
from newsclean.processes import DASK_NAMES, LOCAL_NAMES


@dataclass
class RunnerChoice:
    """The runner to build the pipeline with and how newsclean must adapt to it."""

    name: str
    runner: PipelineRunner | str
    sharded_writes: bool = False  # see newsclean.transforms.beam.documents.WriteRecords
    # corpus stages through staged Parquet parts (newsclean.transforms.beam.staging); off where a DoFn's
    # finish_bundle cannot be relied on to close a file before readers run (Beam's own Dask translation)
    staged_corpus: bool = True
    # Beam rebuilds the graph from its protos before a runner that is not "FnAPI-compatible" (Dask)
    # runs it: a check of the runner API that cost the driver 1.5 s before Dask's first task
    test_runner_api: bool | str = "AUTO"


def _given(options: PipelineOptions, name: str) -> bool:
    """Whether the user set option ``name``, even to Beam's default (``--direct_num_workers=1``)."""
    if name in options.get_all_options(drop_default=True):
        return True
    flags = getattr(options, "_flags", None) or []  # the command line the options were parsed from
    return any(str(flag).lstrip("-").split("=")[0] == name for flag in flags)


class _NoRunningModeNotice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "direct_running_mode" not in str(record.msg)


def _local(options: PipelineOptions) -> RunnerChoice:
    from apache_beam.portability.api import beam_provision_api_pb2
    from apache_beam.runners.portability.fn_api_runner import FnApiRunner, fn_runner
    from apache_beam.runners.portability.fn_api_runner.fn_runner import ExtendedProvisionInfo
    from apache_beam.runners.portability.portable_runner import JobServiceHandle
    from apache_beam.transforms import environments

    direct = options.view_as(DirectOptions)
    environment = None
    if not _given(options, "direct_running_mode") and local_cores() > 1:  # as processes.forks_local_workers
        # Beam's multi-process mode, with newsclean's quieter worker (pipeline/worker.py). Beam
        # replaces the environment when the mode option says multi_processing, so the mode stays
        # unset and the notice that says it should be set is filtered.
        command = f"{sys.executable} -m newsclean.worker"
        environment = environments.SubprocessSDKEnvironment.from_command_string(command_string=command)
        runner_log = logging.getLogger(fn_runner.__name__)
        if not any(isinstance(f, _NoRunningModeNotice) for f in runner_log.filters):
            runner_log.addFilter(_NoRunningModeNotice())
    if not _given(options, "direct_num_workers") or not direct.direct_num_workers:
        direct.direct_num_workers = local_cores()
    # The driver re-logs every worker warning (harmless start-up notices) through this logger.
    logging.getLogger("apache_beam.runners.portability.local_job_service").setLevel(logging.ERROR)
    harness = options.view_as(WorkerOptions)
    if not harness.default_sdk_harness_log_level:
        harness.default_sdk_harness_log_level = "WARNING"  # workers otherwise log every step at INFO
    # As DirectRunner does: hand the options to the worker processes, which read them at start.
    encoded = JobServiceHandle.encode_pipeline_options(options.get_all_options())
    provision = ExtendedProvisionInfo(beam_provision_api_pb2.ProvisionInfo(pipeline_options=encoded))
    return RunnerChoice("DirectRunner", FnApiRunner(default_environment=environment, provision_info=provision))


def _local_cluster(workers: int):
    """A local Dask cluster of ``workers`` single-threaded worker processes.

    Its scheduler hands a queued root-ish task (a partition after a Reshuffle, see
    :class:`newsclean.dask_runner.Reshuffle`) to a worker only when it has nothing else to
    run (``worker-saturation`` 1.0; Dask's 1.1 lets a busy single-threaded worker take the
    next one too, and the partition's cleaning then waits there, by its input, while the
    other worker idles until work stealing moves it: 0.9-1.3 s seen)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}):
        # Its workers log a lost scheduler at ERROR with a traceback when the run closes the cluster
        # under them (a heartbeat in flight); a task's own failure reaches this process as an exception.
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,
        )


@contextlib.contextmanager
def _dask(options: PipelineOptions) -> Iterator[RunnerChoice]:
    from apache_beam.runners.dask.dask_runner import DaskOptions

    from newsclean.dask_runner import NewscleanDaskRunner
    from newsclean.dask_runner import supported as dask_supported

    dask_options = options.view_as(DaskOptions)
    cluster = None
    cluster_future: concurrent.futures.Future | None = None
    threads = None  # a given cluster's threads are asked of its scheduler
    # The scheduler of a local cluster runs in this process and logs every connection at INFO.
    quiet = logging.getLogger("distributed")
    level = quiet.level
    if not dask_options.address and not dask_options.scheduler_file:
        quiet.setLevel(logging.WARNING)
        threads = local_cores()
        # Started in a thread: the cluster comes up (its scheduler, its workers forked and
        # connected) while this thread builds the graph; the runner waits for it before it connects.
        starting = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="newsclean-cluster")
        cluster_future = starting.submit(_local_cluster, threads)
        starting.shutdown(wait=False)

        def address() -> str:
            nonlocal cluster
            cluster = cluster_future.result()
            return cluster.scheduler_address

    try:
        yield RunnerChoice(
            "DaskRunner",
            NewscleanDaskRunner(threads, address if cluster_future is not None else None),
            sharded_writes=True,
            staged_corpus=dask_supported(),
            # Beam's own translation (another Beam) reads side inputs from the round-tripped graph
            test_runner_api="AUTO" if not dask_supported() else False,
        )
    finally:
        if cluster_future is not None:
            with contextlib.suppress(Exception):  # a cluster that failed to start failed the run already
                cluster = cluster_future.result()
        if cluster is not None:
            cluster.close()
        quiet.setLevel(level)


@contextlib.contextmanager
def choose_runner(options: PipelineOptions, default: str = "DirectRunner") -> Iterator[RunnerChoice]:
    """The runner for these options, with whatever it needs set up for the run's duration."""
    standard = options.view_as(StandardOptions)
    name = str(standard.runner or default)
    folded = name.casefold()
    if folded in LOCAL_NAMES:
        standard.runner = None
        yield _local(options)
    elif folded in DASK_NAMES:
        standard.runner = None
        with _dask(options) as choice:
            yield choice
    else:
        yield RunnerChoice(name, name)


def _option_classes(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _option_classes(sub)


def _beam_parser(with_dask: bool = True):
    """An argparse parser of every option Beam's options classes declare.

    The Dask runner's options register when its module is imported (with Dask's own,
    0.3-0.5 s); ``with_dask`` does that when it is installed."""
    import argparse

    if with_dask:
        with contextlib.suppress(ImportError):
            import apache_beam.runners.dask.dask_runner  # noqa: F401 - registers DaskOptions
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    for cls in _option_classes(PipelineOptions):
        with contextlib.suppress(argparse.ArgumentError):  # an option two classes both declare
            cls._add_argparse_args(parser)
    return parser


def unknown_beam_options(beam_args: list[str]) -> tuple[list[str], list[str]]:
    """``(unknown, known)``: the options in ``beam_args`` no Beam options class knows (``--copeis``),
    in order, and every option Beam knows (for a 'did you mean').

    Beam itself only logs "Discarding unparseable args" and runs with its defaults, so a
    mistyped option would pass unseen. The Dask runner's options are looked up only
    for options the others do not know, so a run that names none does not import Dask."""
    for with_dask in (False, True):
        parser = _beam_parser(with_dask)
        _, rest = parser.parse_known_args(beam_args)
        unknown = [item.split("=", 1)[0] for item in rest if item.startswith("-")]
        if not unknown:
            break
    return unknown, sorted(o for o in parser._option_string_actions if o.startswith("--"))


def runner_error(beam_args: list[str]) -> str | None:
    """A one-line reason ``--runner`` names no runner (``--runner Sparky``), else None.

    Checked before anything runs: Beam would only fail at ``Pipeline(...)`` with a
    long list. A dotted name is a runner class path, left for Beam to import."""
    import difflib

    from apache_beam.runners.runner import _RUNNER_MAP

    name = PipelineOptions(beam_args).view_as(StandardOptions).runner
    if not name or "." in name:
        return None
    folded = name.casefold()
    known = LOCAL_NAMES | DASK_NAMES | set(_RUNNER_MAP)
    if folded in known or folded + "runner" in known:
        return None
    spelled = sorted({"DirectRunner", "dask", *(path.rsplit(".", 1)[-1] for path in _RUNNER_MAP.values())})
    close = difflib.get_close_matches(name, spelled, n=1, cutoff=0.5)
    hint = f"did you mean {close[0]}? " if close else ""
    common = "DirectRunner, dask, DataflowRunner, FlinkRunner, SparkRunner, PortableRunner"
    return f"--runner {name}: no such runner ({hint}known: {common})"
