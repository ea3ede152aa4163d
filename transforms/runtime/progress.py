"""Progress of a running job, as small files the workers write and the driver reads.

Beam's counters reach the driver only when a local run ends, so each cleaning
DoFn instance rewrites ``<progress_dir>/<pid>-<n>.json`` (documents, rejects)
every few seconds; ``newsclean run`` sums those files to show a live line. On a
cloud runner the folder is not shared and the runner's UI shows the counters.
"""

from __future__ import annotations

import glob
import json
import os
import time
import uuid

WRITE_EVERY_SECONDS = 2.0


class ProgressWriter:
    """Counts documents in one worker and publishes the counts now and then."""

    def __init__(self, directory: str | None) -> None:
        self._directory = directory
        self._path = os.path.join(directory, f"{os.getpid()}-{uuid.uuid4().hex[:8]}.json") if directory else None
        self.documents = 0
        self.rejects = 0
        self._last = 0.0

    def count(self, rejected: bool) -> None:
        self.documents += 1
        self.rejects += rejected
        now = time.monotonic()
        if now - self._last >= WRITE_EVERY_SECONDS:
            self.flush()
            self._last = now

    def flush(self) -> None:
        if not self._path:
            return
        try:
            os.makedirs(self._directory, exist_ok=True)
            temporary = f"{self._path}.tmp"
            with open(temporary, "w") as handle:
                json.dump({"documents": self.documents, "rejects": self.rejects}, handle)
            os.replace(temporary, self._path)
        except OSError:
            self._path = None  # not a local, shared folder: no live progress, the run goes on


def read_progress(directory: str) -> tuple[int, int]:
    """``(documents, rejects)`` summed over every worker's file."""
    documents = rejects = 0
    for path in glob.glob(os.path.join(glob.escape(directory), "*.json")):
        try:
            with open(path) as handle:
                counts = json.load(handle)
        except (OSError, ValueError):
            continue
        documents += int(counts.get("documents", 0))
        rejects += int(counts.get("rejects", 0))
    return documents, rejects
