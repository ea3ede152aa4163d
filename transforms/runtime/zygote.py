"""Processes started as forks of one that has already imported the pipeline: a zygote.

A fresh Python process pays for its imports before its first document: Beam's SDK
harness, trafilatura, the rules' patterns and the language model cost a worker about
2 CPU-s and a guard child about 1, and a local run on two cores starts two of each.
The zygote is started once at the beginning of a run, imports (and warms) all of that
beside the driver's graph building, and then forks a ready process for each request:
the local runner's workers (:mod:`newsclean.worker`) and the document guard's
children (:mod:`newsclean.transforms.runtime.guard`).

It listens on a Unix socket whose path is in the environment (:data:`ENV`), so the
processes of a run find it and nothing outside the run does. A request names a
target (``"module:function"``), its arguments, the environment to run it in and the
caller's file descriptors (passed over the socket); the fork calls
``target(*fds, *args)`` and exits with its return value. The zygote answers with the
new process's id; the caller watches it with :class:`ForkedProcess` (it is the
zygote's child, not the caller's). The zygote writes each child's exit status to a
pipe the caller gives, if it is still running when the child ends.

Anything that goes wrong (no zygote, one that exited when idle or failed to start)
makes :func:`fork` return None, and the caller starts its process the ordinary way.
The zygote exits when the process that started it is gone, when told to, or after
``idle_seconds`` without a request, so it holds no memory through a run's later
stages.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import logging
import os
import pickle
import select
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any

ENV = "NEWSCLEAN_ZYGOTE"
# Process names (Linux's 15-byte comm) of the zygote and its forks: ps shows them, benchmarks count
# CPU by them, and the run's driver reaps its adopted forks by the prefix.
NAME_PREFIX = "nc-"
ZYGOTE_NAME = "nc-zygote"
IDLE_SECONDS = 20.0
CONNECT_TIMEOUT = 120.0  # a request made while the zygote still imports waits for it
_HEADER = struct.Struct("!I")
STATUS = struct.Struct("!i")  # an exit status as written to a status pipe
_MAX_FDS = 16
_LATER_AFTER = 0.3  # seconds without a request, after the first fork, before the later names load


def exit_code(exc: SystemExit) -> int:
    """The status a process exits with for ``exc`` (``sys.exit(None)`` 0, a message 1)."""
    return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)


def _resolve(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


# --- the zygote --------------------------------------------------------------------------------


class _Zygote:
    def __init__(self, path: str, listener: int, parent: int, idle_seconds: float, later: Sequence[str] = ()) -> None:
        self.path = path
        self.later = list(later)  # loaded once the first forks are out and no request waits
        self.loaded: set[str] = set()
        self.parent = parent
        self.idle_seconds = idle_seconds
        # bound and listening before this process started: requests made while it imports wait
        self.listener = socket.socket(fileno=listener)
        self.status_fds: dict[int, int] = {}  # child pid -> the write end of its caller's status pipe

    def reap(self, *_: object) -> None:
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            fd = self.status_fds.pop(pid, None)
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.write(fd, STATUS.pack(os.waitstatus_to_exitcode(status)))
                os.close(fd)

    def serve(self) -> None:
        signal.signal(signal.SIGCHLD, self.reap)
        last = time.monotonic()
        forked = False
        try:
            while os.getppid() == self.parent and time.monotonic() - last < self.idle_seconds:
                ready, _, _ = select.select([self.listener], [], [], _LATER_AFTER if forked and self.later else 1.0)
                if not ready:
                    if forked and self.later:
                        self.load(self.later)
                        self.later = []
                    continue
                connection, _ = self.listener.accept()
                with connection:
                    forked = self.answer(connection) or forked
                last = time.monotonic()
        finally:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            self.listener.close()

    def load(self, names: Sequence[str]) -> None:
        """Import each module and call each ``module:function`` (a warm-up) not loaded yet."""
        for name in names:
            if name in self.loaded:
                continue
            self.loaded.add(name)
            try:
                if ":" in name:
                    _resolve(name)()
                else:
                    importlib.import_module(name)
            except Exception:  # noqa: BLE001 - a fork imports what is missing itself
                pass
        import gc

        gc.collect()
        gc.freeze()  # what is loaded stays in the pages the forks share with the zygote

    def answer(self, connection: socket.socket) -> bool:
        """Fork the process a request asks for; whether one was forked."""
        connection.settimeout(10.0)
        fds: list[int] = []
        try:
            header, fds, _, _ = socket.recv_fds(connection, _HEADER.size, _MAX_FDS)
            (size,) = _HEADER.unpack(header)
            payload = b""
            while len(payload) < size:
                chunk = connection.recv(size - len(payload))
                if not chunk:
                    raise EOFError
                payload += chunk
            target, args, env, with_status, name, preload = pickle.loads(payload)
        except (OSError, EOFError, ValueError, struct.error, pickle.UnpicklingError):
            for fd in fds:  # a request cut short or from another version: nothing forked, nothing kept
                os.close(fd)
            return False
        if any(item not in self.loaded for item in preload):
            self.load(preload)
        status_fd = fds.pop() if with_status and fds else None
        # a child that ends at once is reaped only once its status pipe is known
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
        try:
            pid = os.fork()
        except OSError:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
            for fd in [*fds, *([status_fd] if status_fd is not None else [])]:
                os.close(fd)
            return False
        if pid == 0:  # the new process: none of the zygote's sockets, the caller's descriptors
            code = 1
            try:
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
                _set_name(name)
                connection.close()
                self.listener.close()
                for fd in [*self.status_fds.values(), *([status_fd] if status_fd is not None else [])]:
                    os.close(fd)
                if env is not None:
                    os.environ.clear()
                    os.environ.update(env)
                result = _resolve(target)(*fds, *args)
                code = result if isinstance(result, int) else 0
            except SystemExit as exc:
                code = exit_code(exc)
            except BaseException:  # noqa: BLE001 - reported on the caller's stderr, if it gave one
                import traceback

                traceback.print_exc()
            finally:
                for stream in (sys.stdout, sys.stderr):
                    with contextlib.suppress(Exception):
                        stream.flush()
                os._exit(code)
        for fd in fds:
            os.close(fd)
        if status_fd is not None:
            self.status_fds[pid] = status_fd
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
        with contextlib.suppress(OSError):
            connection.sendall(pickle.dumps(pid))
        return True


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m newsclean.transforms.runtime.zygote PATH FD PARENT IDLE [NAME | later:NAME] ...``: load
    each NAME (a module to import or a ``module:function`` to call, a warm-up), then serve on the
    listening socket FD; ``later:`` names are loaded once the first forks are out and no request
    waits (what only some forks need, kept out of the others)."""
    path, listener, parent, idle, *names = list(sys.argv[1:] if argv is None else argv)
    # Beam and the optional libraries log notices while importing; the processes forked from here
    # set up their own logging, and the zygote's own output goes nowhere.
    logging.getLogger().addHandler(logging.NullHandler())
    _set_name(ZYGOTE_NAME)
    later = [name.removeprefix("later:") for name in names if name.startswith("later:")]
    zygote = _Zygote(path, int(listener), int(parent), float(idle), later)
    from newsclean.transforms.runtime.malloc import return_freed_memory

    return_freed_memory()  # before the imports allocate; its settings pass to every fork
    zygote.load([name for name in names if not name.startswith("later:")])
    zygote.serve()


# --- the callers --------------------------------------------------------------------------------


def fork(
    target: str,
    fds: Sequence[int] = (),
    args: Sequence[Any] = (),
    env: dict[str, str] | None = None,
    status_fd: int | None = None,
    name: str = "nc-fork",
    preload: Sequence[str] = (),
) -> int | None:
    """The id of a new process, forked by this run's zygote, that calls ``target(*fds, *args)``
    with ``env`` as its environment (None: the zygote's); None if there is no zygote to ask.

    ``fds`` are duplicated into the new process (the caller keeps and closes its own);
    ``status_fd``, the write end of a pipe, receives the process's exit status (a 4-byte
    signed integer) if the zygote outlives it. ``name`` is its process name (at most 15 bytes,
    starting with :data:`NAME_PREFIX`). ``preload`` names what the zygote loads first, if it has not
    (as its own start-up names)."""
    path = os.environ.get(ENV)
    if not path or not os.path.exists(path):
        return None
    payload = pickle.dumps((target, tuple(args), env, status_fd is not None, name, tuple(preload)))
    passed = [*fds, *([status_fd] if status_fd is not None else [])]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(CONNECT_TIMEOUT)
            connection.connect(path)
            socket.send_fds(connection, [_HEADER.pack(len(payload))], passed)
            connection.sendall(payload)
            reply = b""
            while chunk := connection.recv(64):
                reply += chunk
        pid = pickle.loads(reply)
    except (OSError, EOFError, ValueError, pickle.UnpicklingError):
        return None
    return pid if isinstance(pid, int) and pid > 0 else None


class ForkedProcess:
    """The parts of :class:`subprocess.Popen` a caller needs for a process the zygote forked.

    It is not this process's child, so it is watched through a pidfd, and its exit status
    comes from the zygote through a pipe (``returncode`` stays None if the zygote had gone).
    """

    def __init__(self, pid: int, status_read_fd: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._status = status_read_fd
        try:
            self._pidfd: int | None = os.pidfd_open(pid)
        except OSError:  # it already ended and was reaped
            self._pidfd = None
        self._ended = self._pidfd is None

    def _exited(self, timeout: float | None) -> bool:
        if self._ended:
            return True
        assert self._pidfd is not None
        ready, _, _ = select.select([self._pidfd], [], [], timeout)
        if ready:
            self._ended = True
        return self._ended

    def _read_status(self, timeout: float) -> None:
        if self._status < 0:
            return
        ready, _, _ = select.select([self._status], [], [], timeout)
        if ready:
            data = os.read(self._status, 4)
            if len(data) == 4:
                (self.returncode,) = STATUS.unpack(data)
        os.close(self._status)
        self._status = -1

    def poll(self) -> int | None:
        """None while it runs; its exit status (or -1 when unknown) once it has ended."""
        if not self._exited(0):
            return None
        return self.wait()

    def wait(self, timeout: float | None = None) -> int:
        if not self._exited(timeout):
            raise subprocess.TimeoutExpired(str(self.pid), timeout or 0.0)
        self._read_status(1.0)  # the zygote writes it when it reaps the process, just after
        if self._pidfd is not None:
            os.close(self._pidfd)
            self._pidfd = None
        return self.returncode if self.returncode is not None else -1

    def kill(self) -> None:
        if not self._ended and self._pidfd is not None:
            with contextlib.suppress(OSError):
                signal.pidfd_send_signal(self._pidfd, signal.SIGKILL)

    def __del__(self) -> None:
        for fd in (self._pidfd, self._status):
            if fd is not None and fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)


def fork_process(
    target: str,
    fds: Sequence[int] = (),
    args: Sequence[Any] = (),
    env: dict[str, str] | None = None,
    name: str = "nc-fork",
    preload: Sequence[str] = (),
) -> ForkedProcess | None:
    """:func:`fork` with the new process watched by a :class:`ForkedProcess`; None without a zygote."""
    read_fd, write_fd = os.pipe()
    try:
        pid = fork(target, fds, args, env, status_fd=write_fd, name=name, preload=preload)
    finally:
        os.close(write_fd)
    if pid is None:
        os.close(read_fd)
        return None
    return ForkedProcess(pid, read_fd)


def importable_environment() -> dict[str, str]:
    """This process's environment for a Python process it starts, which then imports what this one
    can: the installed newsclean and the same path entries (a checkout's tests, staged packages)."""
    env = dict(os.environ)
    paths = [p for p in sys.path if p and os.path.isdir(p)]
    joined = os.pathsep.join(dict.fromkeys([*paths, *env.get("PYTHONPATH", "").split(os.pathsep)]))
    env["PYTHONPATH"] = joined.strip(os.pathsep)
    return env


@contextlib.contextmanager
def running_zygote(preload: Sequence[str], idle_seconds: float = IDLE_SECONDS) -> Iterator[str | None]:
    """A zygote for the processes this one starts while the block runs: it imports ``preload``
    in the background and its socket's path is in ``os.environ[ENV]``. Yields the path (None
    where processes cannot be forked: no ``fork`` or no pidfds)."""
    if not hasattr(os, "fork") or not hasattr(os, "pidfd_open") or os.environ.get(ENV):
        yield None
        return
    if not _adopt_orphans():  # its forks would leave this process tree when it exits: it stays
        idle_seconds = float("inf")
    folder = tempfile.mkdtemp(prefix="newsclean-zygote-")
    path = os.path.join(folder, "socket")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(path)
        listener.listen(64)
        fd = listener.fileno()
        process = subprocess.Popen(
            [sys.executable, "-m", __name__, path, str(fd), str(os.getpid()), str(idle_seconds), *preload],
            env=importable_environment(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(fd,),
        )
    os.environ[ENV] = path
    try:
        yield path
    finally:
        os.environ.pop(ENV, None)
        if process.poll() is None:
            process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(5)
            if process.poll() is None:
                process.kill()
                process.wait()
        with contextlib.suppress(OSError):
            os.unlink(path)
        with contextlib.suppress(OSError):
            os.rmdir(folder)
        _reap_orphans()


_PR_SET_CHILD_SUBREAPER = 36  # prctl option, from linux/prctl.h


def _adopt_orphans() -> bool:
    """Make this process the parent of its descendants' orphans (Linux's child subreaper).

    A zygote that exits when idle leaves its forks running; as this process's children
    they stay in its process tree, where its callers (and the benchmarks) count their
    CPU and memory, instead of going to init."""
    prctl = _prctl()
    return prctl is not None and prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0


def _reap_orphans() -> None:
    """Collect the adopted forks that have ended: this process's ended children whose names start
    with :data:`NAME_PREFIX` (the others are its own processes, each reaped by its owner)."""
    me = str(os.getpid())
    with contextlib.suppress(OSError):
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    stat = handle.read()
            except OSError:
                continue
            name = stat[stat.find(b"(") + 1 : stat.rfind(b")")]
            state, parent = stat[stat.rfind(b")") + 2 :].split()[:2]
            if parent.decode() == me and state == b"Z" and name.startswith(NAME_PREFIX.encode()):
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(int(entry), os.WNOHANG)


_PR_SET_NAME = 15


@functools.cache
def _prctl() -> Callable[..., int] | None:
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name, use_errno=True).prctl if name else None
    except (OSError, AttributeError):
        return None


def _set_name(name: str) -> None:
    """The name ``ps`` and /proc show for this process (Linux; elsewhere nothing)."""
    import ctypes

    prctl = _prctl()
    if prctl is not None:
        prctl(_PR_SET_NAME, ctypes.c_char_p(name.encode()[:15]), 0, 0, 0)


if __name__ == "__main__":
    main()
