"""The per-document time limit: a child process that is killed when late, and what it costs nothing to lose."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from newsclean.schemas.records import Article, RawDocument, Reject
from newsclean.transforms.runtime.guard import ChildDied, ChildRunner, DocumentGuard, TimeLimitExceeded
from newsclean.transforms.runtime.limits import Limits
from newsclean.transforms.runtime.zygote import ForkedProcess
from tests.conftest import SEED_000
from tests.warc_helpers import article_html


@pytest.fixture(params=["spawned", "forked"])
def how_started(request):
    """Each child as a fresh interpreter, and as a fork of a zygote (a local run's workers)."""
    if request.param == "spawned":
        yield request.param
        return
    from newsclean.transforms.runtime.zygote import running_zygote

    with running_zygote(("tests.guard_targets",)) as path:
        if path is None:
            pytest.skip("processes cannot be forked here")
        yield request.param


@pytest.fixture
def runner_factory(how_started):
    runners: list[ChildRunner] = []

    def make(target: str, seconds: float = 30.0) -> ChildRunner:
        runner = ChildRunner(f"tests.guard_targets:{target}", seconds)
        runners.append(runner)
        return runner

    yield make
    for runner in runners:
        assert isinstance(runner._process, ForkedProcess) == (how_started == "forked") or runner._process is None
        runner.close()


def test_a_late_call_is_stopped_and_the_next_call_gets_a_fresh_child(runner_factory) -> None:
    runner = runner_factory("hang", seconds=1.0)
    assert runner.call("first") == "first"
    with pytest.raises(TimeLimitExceeded) as info:
        runner.call("hang")
    assert info.value.stage == "extract"  # the stage the child reported before it hung
    assert runner.restarts == 1
    assert runner.call("after") == "after"


def test_a_child_that_dies_is_reported_and_replaced(runner_factory) -> None:
    runner = runner_factory("die")
    with pytest.raises(ChildDied) as info:
        runner.call("die")
    assert info.value.stage == "clean" and info.value.returncode == 9
    assert runner.call("alive") == "alive"


def test_a_child_in_use_is_not_stopped() -> None:
    """Idle time is measured from the last call: the watcher's check, run by hand on a clock we
    set, stops the child only once ``idle_seconds`` have passed since then (no sleeps to race)."""
    now = [1000.0]
    runner = ChildRunner("tests.guard_targets:echo", 30.0, idle_seconds=60.0)
    runner._clock = lambda: now[0]
    try:
        assert runner.call("first") == "first"
        first = runner._process
        for _ in range(6):  # calls 40 s apart: never idle for 60 s
            now[0] += 40.0
            assert runner._stop_if_idle()
            assert runner.call("busy") == "busy"
        assert runner._process is first and runner.idle_stops == 0
        now[0] += 60.0
        assert not runner._stop_if_idle()
        assert runner.idle_stops == 1 and runner._process is None
    finally:
        runner.close()


def test_an_idle_child_is_stopped_and_the_next_call_starts_another() -> None:
    runner = ChildRunner("tests.guard_targets:echo", 30.0, idle_seconds=0.4)
    try:
        assert runner.call("first") == "first"
        first = runner._process
        deadline = time.monotonic() + 60  # the watcher checks every 0.1 s; a busy machine may be late
        while runner.idle_stops == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert runner.idle_stops == 1 and runner.restarts == 0
        assert first is not None and first.poll() is not None  # the idle child is gone
        assert runner.call("again") == "again"
        assert runner._process is not first
    finally:
        runner.close()


def test_answers_come_back_whole(runner_factory) -> None:
    runner = runner_factory("echo")
    big = bytes(range(256)) * 40_000  # 10 MB through the pipes both ways
    assert runner.call(big) == big
    assert runner.call({"nested": [1, 2.5, None]}) == {"nested": [1, 2.5, None]}


def test_child_refuses_network_access(runner_factory) -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(0.2)
        accepted: list[object] = []

        def serve() -> None:
            try:
                accepted.append(server.accept())
            except OSError:
                pass

        thread = threading.Thread(target=serve)
        thread.start()
        answer = runner_factory("connect").call(server.getsockname())
        thread.join()
    assert answer == "refused: PermissionError" and accepted == []


def _html(name: str) -> RawDocument:
    page = article_html("Council approves the budget", "https://news.example/a").encode()
    return RawDocument(name, page, source_format="html", content_type="html")


def test_document_guard_returns_the_same_article_as_in_process(how_started) -> None:
    from newsclean.transforms.document import process_document

    guard = DocumentGuard(Limits(max_seconds=30))
    try:
        for raw in (_html("a.html"), RawDocument("b.txt", SEED_000.read_bytes())):
            guarded, direct = guard.process(raw), process_document(raw)
            assert isinstance(guarded, Article)
            assert (guarded.doc_id, guarded.text, guarded.removed) == (direct.doc_id, direct.text, direct.removed)
        assert guard.guarded == 1  # the page went to the child, the small text stayed in-process
    finally:
        guard.close()


def test_document_guard_turns_a_hang_into_a_timeout_reject_and_goes_on(how_started) -> None:
    # 3 s, not 1: the page after the restart must finish inside the limit on a busy 2-core machine too
    guard = DocumentGuard(Limits(max_seconds=3), target="tests.guard_targets:hang_document")
    try:
        reject = guard.process(RawDocument("slow.html", b"hang", source_format="html", content_type="html"))
        assert isinstance(reject, Reject)
        assert (reject.source_uri, reject.stage, reject.error) == ("slow.html", "extract", "timeout")
        assert reject.raw_prefix == "hang" and "longer than 3 s" in reject.message
        assert isinstance(guard.process(_html("next.html")), Article)
        assert guard.restarts == 1
    finally:
        guard.close()


def test_no_time_limit_runs_everything_in_process() -> None:
    guard = DocumentGuard(Limits(max_seconds=0))
    assert not guard.needs_child(_html("a.html"))
    assert isinstance(guard.process(_html("a.html")), Article)


def test_cleaning_a_document_never_loads_pyarrow() -> None:
    """The guard's child only cleans documents: the record types must not pull in pyarrow (~40 MB a child)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from newsclean.transforms.runtime.guard import _WARM_UP\n"
        "from newsclean.transforms.document import process_document\n"
        "for (raw,) in _WARM_UP:\n"
        "    process_document(raw)\n"
        "print('pyarrow' in sys.modules)\n"
    )
    root = str(Path(__file__).resolve().parents[3])
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
