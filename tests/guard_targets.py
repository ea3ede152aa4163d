"""Functions the time-guard tests run in the child process (importable there by name)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable


def echo(value: object, progress: Callable[[str], None] | None = None) -> object:
    return value


def hang(value: object, progress: Callable[[str], None] | None = None) -> object:
    """Reports a stage, then never answers (a hung extractor)."""
    if progress is not None:
        progress("extract")
    if value == "hang":
        time.sleep(3600)
    return value


def die(value: object, progress: Callable[[str], None] | None = None) -> object:
    """Exits without answering (a crash in C code, the OOM killer)."""
    if progress is not None:
        progress("clean")
    if value == "die":
        os._exit(9)
    return value


def connect(address: tuple[str, int], progress: Callable[[str], None] | None = None) -> str:
    """Tries to open a TCP connection from the child; says how it went."""
    import socket

    try:
        socket.create_connection(address, timeout=2).close()
    except OSError as exc:  # PermissionError from the audit hook is an OSError
        return f"refused: {type(exc).__name__}"
    return "connected"


def hang_document(raw, progress: Callable[[str], None] | None = None, **kwargs):
    """``process_document``, except that a document holding ``hang`` never finishes its extract stage."""
    from newsclean.transforms.document import process_document

    if raw.data == b"hang":
        if progress is not None:
            progress("extract")
        time.sleep(3600)
    return process_document(raw, progress=progress, **kwargs)


def report_parent(out: int, code: int) -> int:
    """Writes its parent's process id to ``out`` and exits with ``code`` (a zygote's fork)."""
    os.write(out, str(os.getppid()).encode())
    os.close(out)
    return code


def sleep_forever(out: int) -> None:
    """Says it started, then never ends (until killed)."""
    os.write(out, b"started")
    os.close(out)
    time.sleep(3600)


def has_module(out: int, name: str) -> None:
    """Writes whether module ``name`` was loaded when this fork started."""
    import sys

    os.write(out, b"1" if name in sys.modules else b"0")
    os.close(out)
