"""A per-document time limit: documents are processed in a child process that is killed when late.

trafilatura has no time limit of its own and has been reported to hang on huge
HTML; a pattern, a parser or a library bug can do the same. A Python thread
cannot be stopped, and ``signal.alarm`` only works in a process's main thread,
while Beam runs DoFns in worker threads. So each DoFn instance keeps one child
process (:class:`ChildRunner`) and hands it one document at a time over a pipe;
when the answer is late the child is killed (SIGKILL), the document becomes a
``timeout`` reject naming the stage it was in, and a fresh child is started for
the next document. A child that dies (a crash in C code, the OOM killer) gives a
``worker_died`` reject the same way.

The child is a fork of the run's zygote (:mod:`newsclean.transforms.runtime.zygote`,
which imported and warmed everything before any thread started) where the run has
one, else a plain ``subprocess`` (``python -c``); never ``multiprocessing``: it
works from threads, from Dask's daemonic worker processes, and it never forks a
process that holds gRPC threads. It exits when its parent (the process that asked
for it) goes away. It also refuses network access from Python code (an audit
hook), as a second line behind parsers that never fetch anything (see
``docs/limits.md``).

Cost: one pickle of the raw document and of the result and two process wake-ups
per document, about 0.2-0.4 ms (``benchmarks/bench_guard.py``): 3-5% of an HTML
page's 70 ms, but 10-15% of a small plain-text document's 2-4 ms, so small plain
text stays in-process (see :data:`IN_PROCESS_TEXT_BYTES`).
"""

from __future__ import annotations

import importlib
import mmap
import os
import pickle
import select
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from newsclean.schemas.records import Article, RawDocument, Reject
from newsclean.transforms.reading.read import raw_prefix
from newsclean.transforms.runtime.limits import TIMEOUT, WORKER_DIED, Limits
from newsclean.transforms.runtime.zygote import ForkedProcess, fork_process, importable_environment

START_TIMEOUT = 120.0  # seconds for a child to import its target (trafilatura is slow to import)
# A document guard's child that has had no call this long is stopped (the next call starts
# another): once a run's documents are cleaned, its later stages (corpus boilerplate, copies,
# writes) have the child's memory (~130-160 MB per worker) back.
IDLE_SECONDS = 30.0
_PARENT_POLL = 1.0  # how often a child checks that its parent is alive
_BLOCKED_EVENTS = frozenset({"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"})
_BOARD_BYTES = 64


class _StageBoard:
    """A few bytes of memory shared with the child, where it writes the stage it is in.

    A memory write costs nothing per stage, where a message would wake the parent
    each time; the parent reads the board only when the child is late or dead.
    """

    def __init__(self, fd: int | None = None) -> None:
        if fd is None:
            fd = os.memfd_create("newsclean-stage") if hasattr(os, "memfd_create") else _temp_fd()
            os.ftruncate(fd, _BOARD_BYTES)
        self.fd = fd
        self._memory = mmap.mmap(fd, _BOARD_BYTES)

    def write(self, stage: str) -> None:
        data = stage.encode("utf-8")[: _BOARD_BYTES - 1]
        self._memory[0 : len(data) + 1] = bytes([len(data)]) + data

    def read(self) -> str | None:
        size = self._memory[0]
        return self._memory[1 : 1 + size].decode("utf-8", "replace") if size else None

    def clear(self) -> None:
        self._memory[0] = 0

    def close(self) -> None:
        self._memory.close()
        os.close(self.fd)


def _temp_fd() -> int:
    import tempfile

    handle = tempfile.TemporaryFile()
    return os.dup(handle.fileno())


class TimeLimitExceeded(Exception):
    """The child did not answer within the limit; ``stage`` is the last one it reported."""

    def __init__(self, seconds: float, stage: str | None) -> None:
        super().__init__(f"no answer within {seconds:g} s (in stage {stage or 'unknown'})")
        self.seconds = seconds
        self.stage = stage


class ChildDied(Exception):
    """The child exited while working on a call; ``stage`` is the last one it reported."""

    def __init__(self, returncode: int | None, stage: str | None) -> None:
        super().__init__(f"the worker process exited with code {returncode} (in stage {stage or 'unknown'})")
        self.returncode = returncode
        self.stage = stage


class ChildError(Exception):
    """The target raised in the child (the target is expected not to)."""


def _dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _dumps_any(value: object) -> bytes:
    """Like :func:`_dumps`, for values that may hold lambdas (a rule set's ``accept`` functions)."""
    try:
        import cloudpickle
    except ImportError:  # pragma: no cover - Beam always brings it
        return _dumps(value)
    return cloudpickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _resolve(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


class ChildRunner:
    """Calls ``target`` (``"module:function"``) in a child process, each call under a time limit.

    The target is called as ``target(*args, progress=report, **init, **kwargs)``
    where ``report(stage)`` notes which stage is running (in shared memory, read
    only when the call is late). The child is started on the first call (or by
    :meth:`start`) and after every kill. With ``idle_seconds``, a child that has had
    no call for that long is stopped by a watcher thread (counted in ``idle_stops``,
    not ``restarts``); calls and the watcher take turns under one lock.
    """

    def __init__(
        self,
        target: str,
        seconds: float,
        init: dict[str, Any] | None = None,
        warm_up: tuple[tuple[Any, ...], ...] = (),
        idle_seconds: float | None = None,
    ) -> None:
        if seconds <= 0:
            raise ValueError("seconds must be positive")
        if idle_seconds is not None and idle_seconds <= 0:
            raise ValueError("idle_seconds must be positive")
        self.target = target
        self.seconds = seconds
        self._init = dict(init or {})
        # calls the child makes before it says it is ready: lazy imports and model loads are then
        # paid at start (under START_TIMEOUT), not by the first document after every restart
        self._warm_up = warm_up
        self._process: subprocess.Popen | ForkedProcess | None = None
        self._send: Connection | None = None
        self._receive: Connection | None = None
        self._ready = False
        self._board: _StageBoard | None = None
        self.restarts = 0
        self._finalizer: weakref.finalize | None = None
        self.idle_seconds = idle_seconds
        self.idle_stops = 0
        self._lock = threading.RLock()
        self._clock = time.monotonic  # idle time's clock (tests set their own)
        self._last_used = self._clock()
        self._watcher: threading.Thread | None = None

    def start(self) -> None:
        """Start the child without waiting for it to be ready (it imports in the background)."""
        with self._lock:
            self._start()

    def _start(self) -> None:
        if self._process is not None:
            return
        self._last_used = self._clock()
        if self.idle_seconds is not None and self._watcher is None:
            period = min(self.idle_seconds / 4, 5.0)
            self._watcher = threading.Thread(
                target=_stop_when_idle, args=(weakref.ref(self), period), name="guard-idle", daemon=True
            )
            self._watcher.start()
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        self._board = _StageBoard()
        env = importable_environment()
        code = (
            "import sys; from newsclean.transforms.runtime.guard import child_main; child_main(*map(int, sys.argv[1:]))"
        )
        try:
            # a fork of the run's zygote has its imports done; without one, a fresh interpreter
            self._process = fork_process(
                "newsclean.transforms.runtime.guard:forked_child_main",
                fds=(to_child_r, from_child_w, self._board.fd, 2),
                args=(os.getpid(),),
                env=env,
                name="nc-guard",
                preload=(CHILD_WARM_UP,),
            ) or subprocess.Popen(
                [sys.executable, "-c", code, str(to_child_r), str(from_child_w), str(self._board.fd)],
                pass_fds=(to_child_r, from_child_w, self._board.fd),
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                close_fds=True,
            )
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self._send = Connection(to_child_w, readable=False)
        self._receive = Connection(from_child_r, writable=False)
        self._ready = False
        self._send.send_bytes(_dumps_any((self.target, self._init, self._warm_up)))
        self._finalizer = weakref.finalize(self, _kill, self._process, self._send, self._receive, self._board)

    def _wait_ready(self) -> None:
        assert self._receive is not None
        if not self._receive.poll(START_TIMEOUT):
            self.close()
            raise RuntimeError(f"the worker process for {self.target} did not start within {START_TIMEOUT:g} s")
        try:
            kind, value = pickle.loads(self._receive.recv_bytes())
        except EOFError:
            code = self._process.wait() if self._process else None
            self.close()
            raise RuntimeError(f"the worker process for {self.target} exited at start (code {code})") from None
        if kind != "ready":
            self.close()
            raise RuntimeError(f"the worker process for {self.target} failed to start: {value}")
        self._ready = True

    def call(self, *args: Any, **kwargs: Any) -> Any:
        """``target(*args, **kwargs)`` in the child; raises :class:`TimeLimitExceeded`,
        :class:`ChildDied` or :class:`ChildError` instead of returning."""
        with self._lock:
            try:
                return self._call(args, kwargs)
            finally:
                self._last_used = self._clock()

    def _stop_if_idle(self) -> bool:
        """Stop the child if it has been idle ``idle_seconds``; whether there is a child left to watch."""
        with self._lock:
            if self._process is not None and self._clock() - self._last_used >= (self.idle_seconds or 0.0):
                self.close()
                self.idle_stops += 1
            if self._process is None:
                self._watcher = None
                return False
            return True

    def _call(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        if self._process is None:
            self._start()
        if not self._ready:
            self._wait_ready()
        assert self._send is not None and self._receive is not None
        try:
            self._send.send_bytes(_dumps((args, kwargs)))
        except OSError:  # the idle child died (killed from outside): one fresh start
            self.close()
            self._start()
            self._wait_ready()
            self._send.send_bytes(_dumps((args, kwargs)))
        assert self._board is not None
        if not self._receive.poll(self.seconds):
            stage = self._kill_for_restart()
            raise TimeLimitExceeded(self.seconds, stage)
        try:
            kind, value = pickle.loads(self._receive.recv_bytes())
        except EOFError:
            code = self._process.wait() if self._process else None
            stage = self._kill_for_restart()
            raise ChildDied(code, stage) from None
        if kind == "done":
            return value
        raise ChildError(value)

    def _kill_for_restart(self) -> str | None:
        """Kill a late or dead child; the stage it last reported."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        stage = self._board.read() if self._board is not None else None
        self.close()
        self.restarts += 1
        return stage

    def close(self) -> None:
        """Kill the child (if any); the next call starts a new one."""
        if self._finalizer is not None:
            self._finalizer()
            self._finalizer = None
        self._process = self._send = self._receive = self._board = None
        self._ready = False


def _stop_when_idle(runner: weakref.ref[ChildRunner], period: float) -> None:
    """The watcher thread: holds the runner only while checking it, ends with its child."""
    while True:
        time.sleep(period)
        current = runner()
        if current is None or not current._stop_if_idle():
            return
        del current


def _kill(process: subprocess.Popen | ForkedProcess, send: Connection, receive: Connection, board: _StageBoard) -> None:
    for connection in (send, receive):
        try:
            connection.close()
        except OSError:
            pass
    if process.poll() is None:
        process.kill()
    process.wait()
    board.close()


def _block_network(event: str, _args: tuple) -> None:
    if event in _BLOCKED_EVENTS:
        raise PermissionError(f"newsclean worker processes make no network access ({event})")


def _watch_parent(parent: int) -> None:
    """Exit when the parent is gone, even while the main thread is stuck in a document."""

    def watch() -> None:
        while True:
            time.sleep(_PARENT_POLL)
            if os.getppid() != parent:
                os._exit(3)

    def watch_other() -> None:  # a zygote's fork: the process that asked for it is not its parent
        try:
            handle = os.pidfd_open(parent)
        except OSError:
            os._exit(3)
        select.select([handle], [], [])
        os._exit(3)

    watcher = watch if parent == os.getppid() else watch_other
    threading.Thread(target=watcher, name="watch-parent", daemon=True).start()


def forked_child_main(receive_fd: int, send_fd: int, board_fd: int, stderr: int, parent: int) -> None:
    """:func:`child_main` in a fork of the run's zygote (:mod:`newsclean.transforms.runtime.zygote`),
    with the asking worker's stderr, no stdin or stdout, and that worker as the parent it watches."""
    os.dup2(stderr, 2)
    os.close(stderr)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)
    child_main(receive_fd, send_fd, board_fd, parent)


def warm_up() -> None:
    """One page and one text through the whole path, as a child does before it says it is ready:
    a zygote that does this once hands its forks trafilatura, the classifier and the language
    model loaded."""
    from newsclean.transforms.document import process_document

    for args in _WARM_UP:
        process_document(*args)


def warm_up_text() -> None:
    """:func:`warm_up`'s text only: what a worker cleaning small text in-process loads, without
    trafilatura and the HTML path (about 90 MB a process), which only the guard's child needs."""
    from newsclean.transforms.document import process_document

    for (raw,) in _WARM_UP:
        if raw.content_type != "html":
            process_document(raw)


CHILD_WARM_UP = "newsclean.transforms.runtime.guard:warm_up"  # what a zygote loads before it forks a child


def child_main(receive_fd: int, send_fd: int, board_fd: int, parent: int | None = None) -> None:
    """The child's loop: import the target, then answer one call at a time until the pipe closes."""
    _watch_parent(os.getppid() if parent is None else parent)
    receive = Connection(receive_fd, writable=False)
    send = Connection(send_fd, readable=False)
    board = _StageBoard(board_fd)
    try:
        target, init, warm_up = pickle.loads(receive.recv_bytes())
        function = _resolve(target)
        for args in warm_up:
            function(*args, progress=None, **init)
    except EOFError:
        return
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which fails loudly
        send.send_bytes(_dumps(("error", f"{type(exc).__name__}: {exc}")))
        return
    sys.addaudithook(_block_network)
    send.send_bytes(_dumps(("ready", None)))

    while True:
        try:
            args, kwargs = pickle.loads(receive.recv_bytes())
        except EOFError:
            return
        board.clear()
        progress = board.write
        try:
            answer = ("done", function(*args, progress=progress, **init, **kwargs))
        except Exception as exc:  # noqa: BLE001 - the parent turns it into a reject
            answer = ("error", f"{type(exc).__name__}: {exc}")
        send.send_bytes(_dumps(answer))


# Plain text this small is cleaned in-process: the child's round trip (about
# 0.2-0.4 ms) would add 10-15% to a 2-4 ms document, and its cost is bounded by
# its size and line count (the cleaner's fixed point can take a round per line,
# so lines count twice: 256 KB of dated header lines took 80 s in-process, 300
# such lines 2.5 s, 200 lines 1-2 s at worst over 1,250 hostile mixes) and by
# linear, timeout-guarded patterns. Anything bigger goes to the child.
IN_PROCESS_TEXT_BYTES = 64 * 1024
IN_PROCESS_TEXT_LINES = 200


# One page and one text through the whole path when a child starts: trafilatura, the
# line classifier and the language model load then, not within a document's time.
_WARM_UP = (
    (
        RawDocument(
            "warm-up.html",
            b"<html><head><title>Warm-up</title></head><body><article><p>"
            + b"The council met on Friday to vote on the budget for the coming year. " * 8
            + b"</p></article></body></html>",
            source_format="html",
            content_type="html",
        ),
    ),
    (RawDocument("warm-up.txt", b"The council met on Friday to vote on the budget for the coming year.\n" * 4),),
)


class DocumentGuard:
    """:func:`newsclean.transforms.document.process_document` under ``limits.max_seconds`` per document.

    HTML pages, and plain text over ``IN_PROCESS_TEXT_BYTES`` or
    ``IN_PROCESS_TEXT_LINES``, go to the child process; small plain text is
    cleaned in-process. Always returns an
    :class:`Article` or a :class:`Reject`: a late document is a ``timeout``
    reject, one whose worker died a ``worker_died`` reject, both naming the
    stage the document was in. ``limits.max_seconds == 0`` runs everything
    in-process, with no time limit.
    """

    TARGET = "newsclean.transforms.document:process_document"

    def __init__(
        self,
        limits: Limits,
        target: str = TARGET,
        in_process_text_bytes: int = IN_PROCESS_TEXT_BYTES,
        rules: object | None = None,
    ) -> None:
        self.limits = limits
        self._in_process_text_bytes = in_process_text_bytes
        self._options: dict[str, Any] = {"limits": limits}
        if rules is not None:  # a newsclean.transforms.cleaning.rules.RuleSet (built-in rules plus a --rules file)
            self._options["rules"] = rules
        self._runner = (
            ChildRunner(target, limits.max_seconds, self._options, warm_up=_WARM_UP, idle_seconds=IDLE_SECONDS)
            if limits.max_seconds
            else None
        )
        self.guarded = 0  # documents sent to the child

    def start(self) -> None:
        """Start the worker process early, so its imports overlap the first reads."""
        if self._runner is not None:
            self._runner.start()

    def needs_child(self, raw: RawDocument) -> bool:
        """Whether ``raw`` goes to the time-limited child (HTML, or large text)."""
        if self._runner is None:
            return False
        if raw.content_type == "html" or len(raw.data) > self._in_process_text_bytes:
            return True
        return raw.data.count(b"\n") + raw.data.count(b"\r") > IN_PROCESS_TEXT_LINES

    def process(self, raw: RawDocument) -> Article | Reject:
        if not self.needs_child(raw):
            from newsclean.transforms.document import process_document

            return process_document(raw, **self._options)
        assert self._runner is not None
        self.guarded += 1
        try:
            return self._runner.call(raw)
        except TimeLimitExceeded as exc:
            return self._reject(raw, exc.stage, TIMEOUT, f"processing took longer than {exc.seconds:g} s")
        except ChildDied as exc:
            return self._reject(raw, exc.stage, WORKER_DIED, str(exc))
        except ChildError as exc:
            return self._reject(raw, None, "exception:ChildError", str(exc))

    @staticmethod
    def _reject(raw: RawDocument, stage: str | None, error: str, message: str) -> Reject:
        import datetime as dt

        stage = stage or "decode"
        return Reject(
            source_uri=raw.source_uri,
            stage=stage,
            error=error,
            message=f"{message} (stopped in stage {stage})",
            raw_prefix=raw_prefix(raw.data),
            ingested_at=dt.datetime.now(dt.UTC),
        )

    @property
    def restarts(self) -> int:
        """How many times the worker process was killed and replaced."""
        return self._runner.restarts if self._runner is not None else 0

    def close(self) -> None:
        if self._runner is not None:
            self._runner.close()
