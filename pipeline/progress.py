"""A live progress line for local runs: documents, rate, rejects so far."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

from newsclean.transforms.runtime.progress import read_progress


class ProgressLine:
    """Prints ``12,345 documents · 820/s · 12 rejects · 15 s`` while a local run goes on.

    The workers' counts are read every second. On a terminal the line is redrawn in
    place each time (``starting workers · 4 s`` until the first document is counted);
    otherwise a line is printed when the first document is counted and then every 30
    seconds, so logs stay short. The rate counts from the first document, not from
    the runner's start-up.
    """

    POLL_SECONDS = 1.0
    LOG_EVERY_SECONDS = 30.0

    def __init__(self, directory: str, out: TextIO | None = None, enabled: bool = True) -> None:
        self._directory = directory
        self._out = out or sys.stderr  # looked up per run: a default bound at import outlives a redirected stderr
        self._enabled = enabled
        self._interactive = self._out.isatty()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._started = time.monotonic()
        self._first: float | None = None  # when the first document was seen
        self._logged: float | None = None  # when the last line was printed (not a terminal)

    def __enter__(self) -> ProgressLine:
        if self._enabled:
            self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
            if self._interactive:
                self._out.write("\r\033[K")
                self._out.flush()

    def tick(self, now: float) -> str | None:
        """What to print at time ``now`` (``time.monotonic()``), or None: one poll of the counts."""
        documents, rejects = read_progress(self._directory)
        seconds = now - self._started
        if documents and self._first is None:
            self._first = now - self.POLL_SECONDS  # counted at some point since the last poll
        if not documents:
            line = f"starting workers · {seconds:,.0f} s"
        else:
            rate = documents / max(now - self._first, self.POLL_SECONDS)
            line = f"{documents:,} documents · {rate:,.0f}/s · {rejects:,} rejects · {seconds:,.0f} s"
        if self._interactive:
            return "\r\033[K" + line
        if not documents or (self._logged is not None and now - self._logged < self.LOG_EVERY_SECONDS):
            return None
        self._logged = now
        return line + "\n"

    def _loop(self) -> None:
        while not self._stop.wait(self.POLL_SECONDS):
            text = self.tick(time.monotonic())
            if text:
                self._out.write(text)
                self._out.flush()
