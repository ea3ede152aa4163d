"""The live progress line: from the first document, at a rate that leaves the start-up out."""

from __future__ import annotations

import io
from pathlib import Path

from newsclean.progress import ProgressLine
from newsclean.transforms.runtime.progress import ProgressWriter


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_its_first_line_with_the_first_document_then_every_30_s(tmp_path: Path) -> None:
    line = ProgressLine(str(tmp_path), out=io.StringIO())
    start = line._started
    assert line.tick(start + 1) is None and line.tick(start + 7) is None  # start-up: nothing yet in a log
    writer = ProgressWriter(str(tmp_path))
    writer.count(rejected=False)  # the first document is written at once
    first = line.tick(start + 8)
    assert first is not None and first.startswith("1 documents · ") and "0 rejects · 8 s" in first
    for _ in range(99):
        writer.count(rejected=False)
    writer.flush()
    assert line.tick(start + 9) is None and line.tick(start + 37) is None
    later = line.tick(start + 38)
    assert later is not None and later.startswith("100 documents · 3/s")  # 100 in 30 s since the first, not 38


def test_a_terminal_says_it_is_starting_until_the_first_document(tmp_path: Path) -> None:
    line = ProgressLine(str(tmp_path), out=_Terminal())
    assert line.tick(line._started + 3).endswith("starting workers · 3 s")
    writer = ProgressWriter(str(tmp_path))
    writer.count(rejected=True)
    assert line.tick(line._started + 4).endswith("1 documents · 1/s · 1 rejects · 4 s")
