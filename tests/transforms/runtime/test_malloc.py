"""glibc's thresholds fixed for pipeline processes (newsclean.transforms.runtime.malloc)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.transforms.runtime import malloc

REPO = str(Path(__file__).resolve().parents[3])
_CHILD = "import os; print(os.environ.get('MALLOC_MMAP_THRESHOLD_'), os.environ.get('MALLOC_TRIM_THRESHOLD_'))"


def _fresh(code: str, env: dict[str, str]) -> str:
    """Run ``code`` in a fresh interpreter (the module acts once per process)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    done = subprocess.run(
        [sys.executable, "-c", code], env={**clean, **env}, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_thresholds_are_set_here_and_handed_to_children() -> None:
    code = (
        "import subprocess, sys\n"
        "from newsclean.transforms.runtime.malloc import return_freed_memory\n"
        "print(return_freed_memory(), return_freed_memory())\n"
        f"print(subprocess.run([sys.executable, '-c', {_CHILD!r}], capture_output=True, text=True).stdout.strip())\n"
    )
    applied, child = _fresh(code, {"PYTHONPATH": REPO}).splitlines()
    assert applied == "True True"
    assert child == f"{malloc.MMAP_THRESHOLD} {malloc.TRIM_THRESHOLD}"


def test_a_users_own_settings_are_kept() -> None:
    code = f"from newsclean.transforms.runtime.malloc import return_freed_memory\nreturn_freed_memory()\n{_CHILD}"
    env = {"PYTHONPATH": REPO, "MALLOC_MMAP_THRESHOLD_": "65536"}
    assert _fresh(code, env) == f"65536 {malloc.TRIM_THRESHOLD}"
