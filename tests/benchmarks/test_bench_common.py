"""The benchmarks' measuring helper: roles of a run's processes, and the CPU time it adds up."""

from __future__ import annotations

import sys

from benchmarks.common import process_role, run_measured


def test_process_roles_from_command_lines() -> None:
    assert process_role([sys.executable, "-m", "newsclean.cli", "run", "x"], is_root=True) == "driver"
    assert process_role(["/bin/sh", "-c", f"{sys.executable} -m newsclean.worker"], is_root=False) == "workers"
    child = [
        sys.executable,
        "-c",
        "from newsclean.transforms.runtime.guard import child_main; child_main(*map(int, sys.argv[1:]))",
    ]
    assert process_role(child, is_root=False) == "guard children"
    assert process_role(["sort"], is_root=False) == "other"
    # a zygote's forks share its command line and are told apart by their process names
    forked = [sys.executable, "-m", "newsclean.transforms.runtime.zygote", "/tmp/z/socket", "3", "1", "20"]
    assert process_role(forked, is_root=False, name="nc-worker") == "workers"
    assert process_role(forked, is_root=False, name="nc-guard") == "guard children"
    assert process_role(forked, is_root=False, name="nc-zygote") == "zygote"


def test_cpu_of_a_child_process_is_counted() -> None:
    """A parent that idles while its child spins: the child's CPU time is in the total, under its role."""
    spin = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.4:\n    pass"
    parent = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {spin!r}, 'newsclean.worker'])"
    measured = run_measured([sys.executable, "-c", parent])
    assert measured.cpu_by_role.get("workers", 0.0) >= 0.3
    assert "driver" in measured.cpu_by_role
    assert measured.cpu_seconds >= measured.cpu_by_role["workers"]
    assert measured.seconds >= 0.4
