"""One run at a time per output folder (pipeline/lock.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean import cli, lock
from newsclean.lock import OutputBusy, hold_output

HOLD_THEN_WAIT = """
import sys, time
from newsclean.lock import hold_output
with hold_output(sys.argv[1]):
    print("held", flush=True)
    time.sleep(600)
"""


def _holding_child(output: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLD_THEN_WAIT, str(output)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    return child


def test_a_held_folder_refuses_a_second_hold_and_names_the_holder(tmp_path: Path) -> None:
    child = _holding_child(tmp_path)
    try:
        with pytest.raises(OutputBusy, match=rf"pid {child.pid} on "):
            with hold_output(str(tmp_path)):
                pass
    finally:
        child.kill()
        child.wait()


def test_a_dead_runs_hold_is_taken_over(tmp_path: Path) -> None:
    child = _holding_child(tmp_path)
    child.kill()  # SIGKILL: no clean-up ran
    child.wait()
    with hold_output(str(tmp_path)):
        holder = json.loads((tmp_path / lock.LOCK_FILE).read_text())
    assert holder["pid"] != child.pid


def test_holds_one_after_another_in_one_process(tmp_path: Path) -> None:
    for _ in range(2):
        with hold_output(str(tmp_path)):
            pass


def test_a_second_run_into_a_held_folder_fails_at_once_and_leaves_it_alone(tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.txt"
    source.write_text("MOSCOW (AP) — The council voted on the budget on Tuesday, officials said.\n")
    output = tmp_path / "out"
    child = _holding_child(output)
    try:
        code = cli.main(["run", str(source), "--output", str(output), "--runner=DirectRunner"])
    finally:
        child.kill()
        child.wait()
    assert code == 2
    err = capsys.readouterr().err
    assert "in use by another newsclean run" in err and err.count("\n") == 1
    assert sorted(p.name for p in output.iterdir()) == [lock.LOCK_FILE]  # no staging, nothing written
