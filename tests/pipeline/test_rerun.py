"""Output that is safe to rerun: staged, published only when complete, deterministic."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pyarrow.parquet as pq

from newsclean.cli import main
from tests.conftest import REPO, SEED_000, SEED_003


def _corpus(folder, copies: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        source = SEED_000 if i % 2 else SEED_003
        (folder / f"doc{i:04d}.txt").write_text(source.read_text().replace("Iran", f"Iran{i}"))


def _ids_and_texts(out) -> set[tuple[str, str]]:
    table = pq.read_table(out / "articles", columns=["doc_id", "text"])
    return set(zip(table.column("doc_id").to_pylist(), table.column("text").to_pylist(), strict=True))


def test_two_runs_give_the_same_records(tmp_path) -> None:
    _corpus(tmp_path / "in", 12)
    for name in ("a", "b"):
        assert main(["run", str(tmp_path / "in"), "--output", str(tmp_path / name), "--quiet"]) == 0
    assert _ids_and_texts(tmp_path / "a") == _ids_and_texts(tmp_path / "b")
    assert len(_ids_and_texts(tmp_path / "a")) == 12


def test_killed_run_leaves_the_previous_output_whole(tmp_path) -> None:
    _corpus(tmp_path / "small", 2)
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "small"), "--output", str(out), "--quiet"]) == 0
    before = _ids_and_texts(out)
    report_before = (out / "run.json").read_text()

    _corpus(tmp_path / "big", 400)
    process = subprocess.Popen(
        [sys.executable, "-m", "newsclean.cli", "run", str(tmp_path / "big"), "--output", str(out), "--quiet"],
        cwd=REPO,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline and not any(out.glob("_staging-*")):
        time.sleep(0.05)
    time.sleep(1.0)
    os.killpg(process.pid, signal.SIGKILL)  # the driver and its worker processes
    process.wait()

    assert _ids_and_texts(out) == before  # nothing of the dead run is visible
    assert (out / "run.json").read_text() == report_before
    assert not list((out / "articles").glob("*.tmp*"))

    assert main(["run", str(tmp_path / "big"), "--output", str(out), "--quiet"]) == 0
    assert not list(out.glob("_staging-*"))  # the dead run's staging folder is gone
    report = json.loads((out / "run.json").read_text())
    assert report["inputs"] == report["articles"] == 400
    assert len(_ids_and_texts(out)) == 400
