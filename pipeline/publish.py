"""Staging and publishing a run's output, so readers never see half a run.

A run writes into ``OUT/_staging-<id>/``; only when the pipeline has finished are
its Parquet files moved to ``OUT/articles`` and ``OUT/rejects`` (replacing the
previous run's) and ``run.json`` written, last, as the marker of a complete run.
A run that dies leaves the previous output as it was, plus a staging folder the
next run removes.
"""

from __future__ import annotations

import glob
import os
import uuid

from apache_beam.io.filesystems import FileSystems

OUTPUTS = ("articles", "rejects")
STAGING_PREFIX = "_staging-"


def _matches(pattern: str) -> list[str]:
    return [m.path for m in FileSystems.match([pattern])[0].metadata_list]


def new_staging(output: str) -> str:
    """A fresh staging folder under ``output`` (stale ones from dead runs are removed)."""
    base = output.rstrip("/")
    if "://" in base:  # object stores have no empty folders: every stale one holds a file
        inside = _matches(f"{base}/{STAGING_PREFIX}*/**")
        stale = sorted({path[: path.index("/", len(base) + 1)] for path in inside if "/" in path[len(base) + 1 :]})
    else:
        stale = sorted(glob.glob(os.path.join(glob.escape(base), STAGING_PREFIX + "*")))
    if stale:
        FileSystems.delete(stale)
    return f"{base}/{STAGING_PREFIX}{uuid.uuid4().hex[:12]}"


def publish(staging: str, output: str, extra_files: tuple[str, ...] = ()) -> None:
    """Move a finished run's files from ``staging`` into ``output``, replacing the previous run's."""
    base = output.rstrip("/")
    old = [p for name in OUTPUTS for p in _matches(f"{base}/{name}/part-*")] + _matches(f"{base}/run.json")
    if old:
        FileSystems.delete(old)
    sources, destinations = [], []
    for name in OUTPUTS:
        for path in _matches(f"{staging}/{name}/part-*"):
            sources.append(path)
            destinations.append(f"{base}/{name}/{path.rsplit('/', 1)[-1]}")
    for name in extra_files:
        for path in _matches(f"{staging}/{name}"):
            sources.append(path)
            destinations.append(f"{base}/{name}")
    for directory in {d.rsplit("/", 1)[0] for d in destinations}:
        FileSystems.mkdirs(directory) if not FileSystems.exists(directory) else None
    if sources:
        FileSystems.rename(sources, destinations)
    FileSystems.delete([staging])
