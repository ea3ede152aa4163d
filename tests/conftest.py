"""Shared paths and helpers for the tests, and the hypothesis profile every run uses."""

from __future__ import annotations

import datetime as dt
import inspect
import os
import re
from pathlib import Path

import pytest
from hypothesis import settings

# One profile on every machine, CI's included: the same examples in the same order each run
# (derandomised, no example database), no per-example deadline (a busy machine is slow, not
# wrong). Each test keeps its own max_examples. NEWSCLEAN_HYPOTHESIS_PROFILE=explore searches
# at random instead, to find new failures locally; a failure found so becomes an @example.
settings.register_profile("newsclean", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("explore", derandomize=False, deadline=None)
settings.load_profile(os.environ.get("NEWSCLEAN_HYPOTHESIS_PROFILE", "newsclean"))

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SHARED = REPO.parent / "shared"
SEED_000 = SAMPLES / "000_665538bb1e6e2337.txt"
SEED_003 = SAMPLES / "003_64efb79ff9b3b8d2.txt"
TODAY = dt.date(2026, 11, 21)


def dev_pages(name: str, start: int = 0, stop: int | None = None) -> list[str]:
    """The HTML of a shared dev set's pages ``[start:stop]`` in id order, decoded as the tests read them;
    empty when ``../shared`` is absent (a test adds its own odd cases, so it still runs)."""
    import gzip

    paths = sorted((SHARED / "data" / name).glob("*.html.gz"))[start:stop]
    return [gzip.decompress(path.read_bytes()).decode("utf-8", "replace") for path in paths]


@pytest.fixture
def seed_000_text() -> str:
    return SEED_000.read_text(encoding="utf-8")


@pytest.fixture
def seed_003_text() -> str:
    return SEED_003.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory):
    """One ``newsclean run`` over both seeds and an empty file, shared by the tests that read its output."""
    from newsclean.cli import main

    folder = tmp_path_factory.mktemp("in")
    (folder / "a.txt").write_bytes(SEED_000.read_bytes())
    (folder / "b.txt").write_bytes(SEED_003.read_bytes())
    (folder / "c.txt").write_bytes(b"")
    output = tmp_path_factory.mktemp("out")
    assert main(["run", str(folder), "--output", str(output), "--quiet", "--direct_num_workers", "1"]) == 0
    return output


_PIPELINE_TESTS = Path(__file__).resolve().parent / "pipeline"
_RUNS_THE_CLI = re.compile(r"\bcli\.main\(|\bcli\.|newsclean\.cli\b|\bseeds_run\b")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``e2e`` every test that runs newsclean end to end: all of tests/pipeline/, and any other
    that calls the CLI or reads the shared seeds run. ``pytest -m "not e2e"`` runs the rest alone."""
    for item in items:
        function = getattr(item, "function", None)
        try:
            source = inspect.getsource(function) if function is not None else ""
        except (OSError, TypeError):
            source = ""
        if _PIPELINE_TESTS in Path(item.fspath).resolve().parents or _RUNS_THE_CLI.search(source):
            item.add_marker(pytest.mark.e2e)
