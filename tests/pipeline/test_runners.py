"""The same pipeline on different runners and writers gives the same records."""

from __future__ import annotations

import gzip
import shutil

import pyarrow.parquet as pq
import pytest

from newsclean.cli import main
from tests.conftest import SEED_000, SEED_003
from tests.warc_helpers import article_html

IGNORED = {"ingested_at"}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("inputs")
    shutil.copy(SEED_000, folder / "seed000.txt")
    (folder / "seed003.txt.gz").write_bytes(gzip.compress(SEED_003.read_bytes()))
    for i in range(6):
        text = SEED_000.read_text().replace("Russia", f"Country{i}")
        (folder / f"variant{i}.txt").write_text(text)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (folder / "page.html").write_text(article_html("Council approves the budget", "https://news.example/a"))
    return folder


def _records(out, name: str) -> list[tuple]:
    table = pq.read_table(out / name)
    rows = [{k: v for k, v in row.items() if k not in IGNORED} for row in table.to_pylist()]
    return sorted(tuple(sorted((k, repr(v)) for k, v in row.items())) for row in rows)


def _run(inputs, out, *extra) -> None:
    assert main(["run", str(inputs), "--output", str(out), "--quiet", *extra]) == 0


def test_sharded_writer_matches_beams_parquet_writer(inputs, tmp_path, monkeypatch) -> None:
    import newsclean.runners as runners

    _run(inputs, tmp_path / "plain", "--direct_num_workers", "1")
    original = runners._local

    def sharded(options):
        choice = original(options)
        choice.sharded_writes = True
        return choice

    monkeypatch.setattr(runners, "_local", sharded)
    _run(inputs, tmp_path / "sharded", "--direct_num_workers", "1")
    for name in ("articles", "rejects"):
        assert _records(tmp_path / "plain", name) == _records(tmp_path / "sharded", name)
    assert len(_records(tmp_path / "plain", "articles")) == 9


def test_dask_runner_matches_the_direct_runner(inputs, tmp_path) -> None:
    pytest.importorskip("distributed")
    _run(inputs, tmp_path / "direct")
    _run(inputs, tmp_path / "dask", "--runner", "dask")  # starts and stops its own local cluster
    for name in ("articles", "rejects"):
        assert _records(tmp_path / "direct", name) == _records(tmp_path / "dask", name)
    assert len(_records(tmp_path / "dask", "articles")) == 9
    assert len(_records(tmp_path / "dask", "rejects")) == 2


def test_workers_forked_from_the_zygote_write_what_fresh_workers_write(inputs, tmp_path, monkeypatch) -> None:
    from newsclean.transforms.runtime import zygote

    started = []
    original = zygote.running_zygote

    def counted(*args, **kwargs):
        started.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(zygote, "running_zygote", counted)
    _run(inputs, tmp_path / "forked")
    assert len(started) == 1
    monkeypatch.setenv(zygote.ENV, "off")  # no zygote: each worker and guard child a fresh interpreter
    _run(inputs, tmp_path / "fresh")
    for name in ("articles", "rejects"):
        assert _records(tmp_path / "forked", name) == _records(tmp_path / "fresh", name)
    assert len(_records(tmp_path / "forked", "articles")) == 9


def test_the_zygote_starts_exactly_when_the_runner_starts_worker_processes(monkeypatch) -> None:
    from apache_beam.options.pipeline_options import PipelineOptions

    import newsclean
    from newsclean import processes, runners

    for cores in (1, 4):
        monkeypatch.setattr(runners, "local_cores", lambda cores=cores: cores)
        monkeypatch.setattr(newsclean, "local_cores", lambda cores=cores: cores)
        for flags in (
            [],
            ["--direct_num_workers", "1"],
            ["--direct_running_mode=in_memory"],
            ["--direct_running_mode", "multi_threading"],
            ["--runner", "DirectRunner"],
            ["--runner=direct"],
        ):
            choice = runners._local(PipelineOptions(flags))
            command = getattr(choice.runner._default_environment, "command_string", "")
            assert processes.forks_local_workers(flags) == ("-m newsclean.worker" in command), (cores, flags)
    for flags in (["--runner", "dask"], ["--runner=DataflowRunner"], ["--runner", "FlinkRunner"]):
        assert not processes.forks_local_workers(flags)
    # Dask on a local cluster newsclean starts: guard children only; on a given cluster: none
    assert processes.zygote_preload(["--runner", "dask"]) == processes.CHILD_PRELOAD
    assert processes.zygote_preload(["--runner=dask", "--dask_client_address", "tcp://h:8786"]) == ()
    assert processes.zygote_preload(["--runner=DataflowRunner"]) == ()
    assert processes.zygote_preload([]) == processes.PRELOAD


def test_local_runner_uses_every_core_unless_told(monkeypatch):
    """Beam's own default is one worker; newsclean's local default is one per core."""
    from apache_beam.options.pipeline_options import DirectOptions, PipelineOptions

    from newsclean import runners

    monkeypatch.setattr(runners, "local_cores", lambda: 4)
    for flags, workers, processes in (
        ([], 4, True),
        (["--direct_num_workers", "1"], 1, True),
        (["--direct_num_workers=3"], 3, True),
        (["--direct_running_mode=in_memory"], 4, False),
    ):
        options = PipelineOptions(flags)
        choice = runners._local(options)
        environment = choice.runner._default_environment
        command = getattr(environment, "command_string", "")
        assert options.view_as(DirectOptions).direct_num_workers == workers, flags
        assert ("-m newsclean.worker" in command) is processes, flags


@pytest.fixture
def dask_scheduler(tmp_path):
    """``HOST:PORT`` of a dask.distributed scheduler and one worker, each its own process, stopped after.

    The scheduler picks a free port and writes it to a scheduler file; start-up waits are
    generous (a busy 2-core machine imports dask, Beam and trafilatura slowly)."""
    pytest.importorskip("distributed")
    import json
    import subprocess
    import sys
    import time

    from distributed import Client

    scheduler_file = tmp_path / "scheduler.json"
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0"]
            + ["--no-dashboard", "--scheduler-file", str(scheduler_file)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        deadline = time.monotonic() + 120
        while not scheduler_file.exists() or not scheduler_file.read_text().strip():
            assert processes[0].poll() is None, "the dask scheduler exited"
            assert time.monotonic() < deadline, "no dask scheduler within 120 s"
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text())["address"]
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nworkers", "1", "--nthreads", "1"]
                + ["--no-dashboard", "--memory-limit", "0"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        with Client(address, timeout=120) as client:
            client.wait_for_workers(1, timeout=180)
        yield address.removeprefix("tcp://")
    finally:
        for process in reversed(processes):  # the worker first: it would wait for a vanished scheduler
            process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_dask_runner_on_a_scheduler_of_its_own_matches_the_direct_runner(inputs, tmp_path, dask_scheduler) -> None:
    """The real-cluster path: ``--dask_client_address`` to a scheduler and worker that are
    their own processes (as on other machines), not a cluster newsclean starts."""
    _run(inputs, tmp_path / "direct")
    _run(inputs, tmp_path / "dask", "--runner", "dask", "--dask_client_address", dask_scheduler)
    for name in ("articles", "rejects"):
        assert _records(tmp_path / "direct", name) == _records(tmp_path / "dask", name)
    assert len(_records(tmp_path / "dask", "articles")) == 9
