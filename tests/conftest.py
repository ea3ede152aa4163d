"""Shared paths and helpers for the tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SHARED = REPO.parent / "shared"
SEED_000 = SAMPLES / "000_665538bb1e6e2337.txt"
SEED_003 = SAMPLES / "003_64efb79ff9b3b8d2.txt"
TODAY = dt.date(2026, 11, 21)


@pytest.fixture
def seed_000_text() -> str:
    return SEED_000.read_text(encoding="utf-8")


@pytest.fixture
def seed_003_text() -> str:
    return SEED_003.read_text(encoding="utf-8")
