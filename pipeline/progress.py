"""A live progress line for local runs: documents, rate, rejects so far."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

from newsclean.transforms.runtime.progress import read_progress


class ProgressLine:
    """Prints ``12,345 documents · 820/s · 12 rejects · 15 s`` while a local run goes on.

    On a terminal the line is redrawn in place every second; otherwise a line is
    printed every 30 seconds, so logs stay short.
    """

    def __init__(self, directory: str, out: TextIO | None = None, enabled: bool = True) -> None:
        self._directory = directory
        self._out = out or sys.stderr  # looked up per run: a default bound at import outlives a redirected stderr
        self._enabled = enabled
        self._interactive = self._out.isatty()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._started = time.monotonic()

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

    def _line(self) -> str:
        documents, rejects = read_progress(self._directory)
        seconds = time.monotonic() - self._started
        rate = documents / seconds if seconds > 0 else 0.0
        return f"{documents:,} documents · {rate:,.0f}/s · {rejects:,} rejects · {seconds:,.0f} s"

    def _loop(self) -> None:
        interval = 1.0 if self._interactive else 30.0
        while not self._stop.wait(interval):
            if self._interactive:
                self._out.write("\r\033[K" + self._line())
            else:
                self._out.write(self._line() + "\n")
            self._out.flush()
