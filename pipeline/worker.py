"""The local runner's worker process: Beam's SDK harness, its start-up notices kept off the terminal.

Beam's worker logs notices at start (optional GCP libraries missing, no staged
main session, options only the driver knows) to stderr, once per worker. Its
records also go to the runner, which shows the worker's errors, so the terminal
handler here passes errors only.

When the run has a zygote (:mod:`newsclean.transforms.runtime.zygote`), the
process Beam starts only relays: it asks the zygote for a worker that has
imported Beam and newsclean already, hands it its standard streams and its
environment, and exits with the worker's exit status. The worker exits when
the relaying process is gone (Beam stops a worker by killing the process it
started).
"""

from __future__ import annotations

import contextlib
import logging
import os
import struct
import sys
import threading
from collections.abc import Iterator

from newsclean.transforms.runtime.malloc import return_freed_memory

_CODE = struct.Struct("!i")
LOCAL_NAMES = {"directrunner", "direct", "switchingdirectrunner", "fnapirunner", "local"}
DASK_NAMES = {"dask", "daskrunner"}
# What the zygote of a local run imports and warms before it forks workers and guard children;
# with Dask's local cluster (whose workers Dask starts) it forks the guard children only.
# The HTML path loads once the workers are forked, so only the guard children carry it.
PRELOAD = (
    "apache_beam.runners.worker.sdk_worker_main",
    "newsclean.graph",
    "newsclean.transforms.runtime.guard:warm_up_text",
    "later:newsclean.transforms.runtime.guard:warm_up",
)
CHILD_PRELOAD = ("newsclean.transforms.runtime.guard:warm_up",)
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


def zygote_preload(beam_args: list[str], default_runner: str = "DirectRunner") -> tuple[str, ...]:
    """What this run's zygote preloads: every worker's imports for a local run with worker processes,
    the guard child's for Dask on a local cluster it starts; nothing (no zygote) elsewhere, where
    the workers are other machines' processes."""
    if forks_local_workers(beam_args, default_runner):
        return PRELOAD
    given = _given(beam_args)
    runner = (given.get("runner") or default_runner).casefold()
    if runner in DASK_NAMES and not any(name in given for name in _DASK_CLUSTER_OPTIONS):
        return CHILD_PRELOAD
    return ()


@contextlib.contextmanager
def local_worker_zygote(beam_args: list[str], default_runner: str = "DirectRunner") -> Iterator[None]:
    """The run's zygote (:mod:`newsclean.transforms.runtime.zygote`) while the block runs, if
    the run starts local processes to fork (:func:`zygote_preload`); nothing otherwise."""
    preload = zygote_preload(beam_args, default_runner)
    if not preload:
        yield
        return
    from newsclean.transforms.runtime.zygote import running_zygote

    with running_zygote(preload):
        yield


def main() -> None:
    if not _relay():
        _harness(sys.argv)


def _harness(argv: list[str]) -> None:
    handler = logging.StreamHandler()
    handler.setLevel(logging.ERROR)
    handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
    logging.getLogger().addHandler(handler)  # before Beam's imports log through the root logger
    return_freed_memory()  # before the harness allocates (newsclean.transforms.runtime.malloc)
    from apache_beam.runners.worker import sdk_worker_main

    sdk_worker_main.main(argv)


def _relay() -> bool:
    """Run the worker as a fork of the run's zygote; False (nothing done) if there is none."""
    from newsclean.transforms.runtime.zygote import ENV, fork

    if not os.environ.get(ENV):
        return False
    alive_read, alive_write = os.pipe()  # held here: the worker exits when this process is gone
    code_read, code_write = os.pipe()  # the worker writes its exit status; EOF alone means it was killed
    try:
        pid = fork(
            "newsclean.worker:forked_worker",
            fds=(0, 1, 2, alive_read, code_write),
            args=(list(sys.argv),),
            env=dict(os.environ),
            name="nc-worker",
        )
    finally:
        os.close(alive_read)
        os.close(code_write)
    if pid is None:
        os.close(alive_write)
        os.close(code_read)
        return False
    data = b""
    while chunk := os.read(code_read, _CODE.size):
        data += chunk
    code = _CODE.unpack(data[: _CODE.size])[0] if len(data) >= _CODE.size else 1
    sys.exit(code)


def forked_worker(stdin: int, stdout: int, stderr: int, alive: int, code: int, argv: list[str]) -> int:
    """The worker, in a fork of the zygote: the relaying process's streams, then the harness."""
    for fd, standard in ((stdin, 0), (stdout, 1), (stderr, 2)):
        os.dup2(fd, standard)
        os.close(fd)

    def exit_when_orphaned() -> None:
        while os.read(alive, 1):
            pass
        os._exit(1)

    threading.Thread(target=exit_when_orphaned, name="relay-watch", daemon=True).start()
    sys.argv = list(argv)
    result = 1
    try:
        _harness(sys.argv)
        result = 0
    except SystemExit as exc:
        result = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        os.write(code, _CODE.pack(result))
    return result


if __name__ == "__main__":
    main()
