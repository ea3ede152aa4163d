"""Beam's --setup_file stages workers with an sdist of setup.py: it must carry every package."""

from __future__ import annotations

import subprocess
import sys
import tarfile

from tests.conftest import REPO


def test_sdist_carries_all_three_packages(tmp_path) -> None:
    subprocess.run(
        [sys.executable, "setup.py", "-q", "sdist", "--dist-dir", str(tmp_path)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    [archive] = tmp_path.glob("newsclean-*.tar.gz")
    names = tarfile.open(archive).getnames()
    for package in ("pipeline", "transforms", "schemas"):
        assert any(name.endswith(f"/{package}/__init__.py") for name in names), package
    assert any(name.endswith("/transforms/rules.py") for name in names)
    assert any(name.endswith("/transforms/data/line_model.json") for name in names)  # the classifier's weights
    assert any(name.endswith("/setup.py") for name in names)
