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

import logging
import os
import sys
import threading

from newsclean.transforms.runtime.malloc import return_freed_memory
from newsclean.transforms.runtime.zygote import ENV, STATUS, exit_code, fork


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
    while chunk := os.read(code_read, STATUS.size):
        data += chunk
    code = STATUS.unpack(data[: STATUS.size])[0] if len(data) >= STATUS.size else 1
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
        result = exit_code(exc)
    finally:
        os.write(code, STATUS.pack(result))
    return result


if __name__ == "__main__":
    main()
