"""One run at a time per output folder: a second run into a folder a live run holds fails at once.

Local folders are held with an advisory ``flock`` on ``OUT/.newsclean.lock``:
the kernel lets it go when the holding process dies, however it dies, so a
dead run's hold is simply taken over (as its staging folder is). Object stores
have no locks, so a remote output is held by a lease file, ``OUT/_lease.json``,
that the holder rewrites every ``LEASE_REFRESH_SECONDS``; a lease not renewed
for ``LEASE_EXPIRY_SECONDS`` belongs to a dead run and is taken over. Two runs
starting within the same second on one remote folder can still race: the
lease narrows that window to a read and a write, it does not close it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

LOCK_FILE = ".newsclean.lock"
LEASE_FILE = "_lease.json"
LEASE_REFRESH_SECONDS = 60.0
LEASE_EXPIRY_SECONDS = 300.0


class OutputBusy(RuntimeError):
    """The output folder is held by another live run."""


def _holder() -> dict[str, object]:
    return {
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def _describe(holder: dict) -> str:
    return f"pid {holder.get('pid', '?')} on {holder.get('host', '?')}, since {holder.get('started', '?')}"


@contextmanager
def _local_hold(output: str) -> Iterator[None]:
    import fcntl

    os.makedirs(output, exist_ok=True)
    path = os.path.join(output, LOCK_FILE)
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.seek(0)
            try:
                holder = json.loads(handle.read() or "{}")
            except ValueError:
                holder = {}
            raise OutputBusy(f"{output} is in use by another newsclean run ({_describe(holder)})") from None
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(_holder()))
        handle.flush()
        yield
    finally:
        handle.close()  # closing lets the lock go


@contextmanager
def _remote_hold(output: str) -> Iterator[None]:
    from apache_beam.io.filesystems import FileSystems

    path = f"{output.rstrip('/')}/{LEASE_FILE}"
    now = dt.datetime.now(dt.UTC)
    if FileSystems.exists(path):
        try:
            with FileSystems.open(path) as handle:
                holder = json.loads(handle.read().decode() or "{}")
            renewed = dt.datetime.fromisoformat(str(holder.get("renewed")))
        except (ValueError, OSError, TypeError):
            holder, renewed = {}, now - dt.timedelta(seconds=2 * LEASE_EXPIRY_SECONDS)
        if (now - renewed).total_seconds() < LEASE_EXPIRY_SECONDS:
            raise OutputBusy(f"{output} is in use by another newsclean run ({_describe(holder)})")
    lease = {**_holder(), "id": uuid.uuid4().hex}
    stop = threading.Event()

    def write() -> None:
        with FileSystems.create(path) as handle:
            handle.write(json.dumps({**lease, "renewed": dt.datetime.now(dt.UTC).isoformat()}).encode())

    def renew() -> None:
        while not stop.wait(LEASE_REFRESH_SECONDS):
            try:
                write()
            except OSError:
                pass  # the next renewal tries again; a lease left to expire only lets a second run in

    write()
    renewer = threading.Thread(target=renew, name="newsclean-lease", daemon=True)
    renewer.start()
    try:
        yield
    finally:
        stop.set()
        renewer.join(timeout=5)
        try:
            FileSystems.delete([path])
        except OSError:
            pass


@contextmanager
def hold_output(output: str) -> Iterator[None]:
    """Hold ``output`` for this run, or raise :class:`OutputBusy` naming the live run that holds it."""
    hold = _remote_hold if "://" in output else _local_hold
    with hold(output):
        yield
