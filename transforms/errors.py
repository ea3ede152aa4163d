"""The one exception type stages raise for a document they cannot handle."""

from __future__ import annotations


class StageError(Exception):
    """A document-level failure: becomes a reject with ``stage`` and ``error``.

    ``error`` is a short stable code (``empty``, ``binary``, ``undecodable`` ...)
    that people group rejects by; the message says more.
    """

    def __init__(self, stage: str, error: str, message: str = "") -> None:
        super().__init__(f"{stage}/{error}: {message}" if message else f"{stage}/{error}")
        self.stage = stage
        self.error = error
        self.message = message
