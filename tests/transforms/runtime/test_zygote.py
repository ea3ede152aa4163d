"""The zygote: processes forked ready-imported, watched like children, and every failure a fallback."""

from __future__ import annotations

import os
import signal
import time

import pytest

from newsclean.transforms.runtime.zygote import ENV, fork, fork_process, running_zygote

WAIT = 60.0  # seconds an event may take on a busy machine; a test fails only if it never comes


def _read_all(fd: int) -> bytes:
    data = b""
    while chunk := os.read(fd, 4096):
        data += chunk
    os.close(fd)
    return data


def _until(condition, seconds: float = WAIT, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()


@pytest.fixture
def the_zygote():
    with running_zygote(("tests.guard_targets",)) as path:
        if path is None:
            pytest.skip("processes cannot be forked here")
        yield path


def test_a_fork_runs_its_target_with_the_callers_descriptors_and_reports_its_status(the_zygote) -> None:
    read, write = os.pipe()
    process = fork_process("tests.guard_targets:report_parent", fds=(write,), args=(7,))
    os.close(write)
    assert process is not None
    parent = int(_read_all(read))
    assert parent != os.getpid()  # the zygote's child, not this process's
    assert process.wait(WAIT) == 7
    assert process.poll() == 7


def test_a_fork_is_killed_and_its_signal_reported(the_zygote) -> None:
    read, write = os.pipe()
    process = fork_process("tests.guard_targets:sleep_forever", fds=(write,))
    os.close(write)
    assert process is not None
    assert _read_all(read) == b"started"
    assert process.poll() is None
    process.kill()
    assert process.wait(WAIT) == -signal.SIGKILL


def test_without_a_zygote_there_is_nothing_to_fork(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv(ENV, raising=False)
    assert fork("tests.guard_targets:report_parent") is None
    monkeypatch.setenv(ENV, str(tmp_path / "gone"))
    assert fork_process("tests.guard_targets:report_parent") is None
    monkeypatch.setenv(ENV, "off")
    with running_zygote(()) as path:  # one per run: a zygote already named is not replaced
        assert path is None


def test_an_idle_zygote_exits_and_its_forks_stay_in_this_process_tree() -> None:
    with running_zygote(("tests.guard_targets",), idle_seconds=0.5) as path:
        if path is None:
            pytest.skip("processes cannot be forked here")
        read, write = os.pipe()
        process = fork_process("tests.guard_targets:sleep_forever", fds=(write,))
        os.close(write)
        assert process is not None and _read_all(read) == b"started"
        assert _until(lambda: not os.path.exists(path))  # gone once idle
        assert fork("tests.guard_targets:report_parent") is None  # callers fall back
        # the fork outlives the zygote as this process's child (a child subreaper), not init's
        assert _until(lambda: _parent_of(process.pid) == os.getpid())
        process.kill()
        process.wait(WAIT)
    assert not os.path.exists(f"/proc/{process.pid}")  # reaped when the block ended


def _parent_of(pid: int) -> int:
    with open(f"/proc/{pid}/stat", "rb") as handle:
        stat = handle.read()
    return int(stat[stat.rfind(b")") + 2 :].split()[1])


def test_the_zygote_exits_with_the_process_that_started_it(tmp_path) -> None:
    """A driver killed outright leaves no zygote behind."""
    import subprocess
    import sys

    script = (
        "import os, sys, time\n"
        "from newsclean.transforms.runtime.zygote import running_zygote\n"
        "with running_zygote(()) as path:\n"
        "    print(path, flush=True)\n"
        "    time.sleep(3600)\n"
    )
    driver = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    path = driver.stdout.readline().strip()
    assert _until(lambda: os.path.exists(path))
    zygotes = [pid for pid in _children(driver.pid)]
    assert len(zygotes) == 1
    driver.kill()
    driver.wait()
    assert _until(lambda: not os.path.exists(f"/proc/{zygotes[0]}") or _state(zygotes[0]) == b"Z")


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                if _parent_of(int(entry)) == pid:
                    found.append(int(entry))
            except OSError:
                pass
    return found


def _state(pid: int) -> bytes:
    with open(f"/proc/{pid}/stat", "rb") as handle:
        stat = handle.read()
    return stat[stat.rfind(b")") + 2 :].split()[0]


def test_a_fork_is_named_so_the_driver_reaps_only_its_own(the_zygote) -> None:
    read, write = os.pipe()
    process = fork_process("tests.guard_targets:sleep_forever", fds=(write,))
    os.close(write)
    assert process is not None and _read_all(read) == b"started"
    with open(f"/proc/{process.pid}/comm", "rb") as handle:
        assert handle.read().strip() == b"nc-fork"
    process.kill()
    process.wait(WAIT)


def _loaded_in_fork(name: str, preload: tuple[str, ...] = ()) -> bool:
    read, write = os.pipe()
    process = fork_process("tests.guard_targets:has_module", fds=(write,), args=(name,), preload=preload)
    os.close(write)
    assert process is not None
    answer = _read_all(read)
    process.wait(WAIT)
    return answer == b"1"


def test_what_only_some_forks_need_loads_after_the_first_forks_or_when_asked() -> None:
    with running_zygote(("tests.guard_targets", "later:colorsys")) as path:
        if path is None:
            pytest.skip("processes cannot be forked here")
        assert not _loaded_in_fork("colorsys")  # the first fork comes before the later names
        assert _loaded_in_fork("xml.dom.minidom", preload=("xml.dom.minidom",))  # a request's own
        # loaded once no request waits: asked each second, so the zygote has its idle moments
        assert _until(lambda: _loaded_in_fork("colorsys"), interval=1.0)
