"""Compression by magic bytes, whatever the file is called: gzip, bzip2, zstd, or none.

Decompression is incremental and bounded: every call hands out at most a
chunk, concatenated members or frames are all read, a stream that ends inside
a member is ``truncated_gzip``, corrupt data ``corrupt_gzip``, and one that
expands more than ``max_ratio`` times ``compression_ratio`` (a bomb is stopped
after a few MB, not at the end of its gigabytes). The reject codes say "gzip"
for every format: they name what went wrong, and gzip is the common case.
"""

from __future__ import annotations

import bz2
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from newsclean.transforms.runtime.limits import COMPRESSION_RATIO, DEFAULT_MAX_RATIO, RATIO_FLOOR_BYTES
from newsclean.transforms.vocabulary import RejectCode

GZIP = "gzip"
BZIP2 = "bzip2"
ZSTD = "zstd"
# File signatures (RFC 1952, bzip2's "BZh" + block size digit, RFC 8878's frame magic).
_MAGIC: tuple[tuple[bytes, str], ...] = ((b"\x1f\x8b", GZIP), (b"BZh", BZIP2), (b"\x28\xb5\x2f\xfd", ZSTD))
MAGIC_BYTES = 4
CHUNK = 1024 * 1024
RAW_PREFIX_BYTES = 256
# zstd's decompressor takes no output bound, and one RLE block of 4 bytes can stand for 128 KiB,
# so it is fed this much at a time: at most ~32 MiB come out of one call before the ratio is checked.
_ZSTD_FEED = 1024


class ReadError(Exception):
    """A whole file could not be read; ``error`` is the reject reason."""

    def __init__(self, error: str, message: str, prefix: bytes = b"") -> None:
        super().__init__(message)
        self.error = error
        self.prefix = prefix


def sniff_compression(head: bytes) -> str | None:
    """``gzip``, ``bzip2`` or ``zstd`` when ``head`` (the file's first bytes) opens with its magic."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if name == BZIP2 and not (len(head) > 3 and head[3:4].isdigit()):
                continue  # "BZh" then a block size 1-9; a text starting "BZh" is text
            return name
    return None


def check_ratio(produced: int, consumed: int, max_ratio: float, prefix: bytes = b"") -> None:
    """Raise ``ReadError("compression_ratio")`` when ``consumed`` compressed bytes gave more than
    ``max_ratio`` times as many (once past ``RATIO_FLOOR_BYTES``): a bomb, stopped early."""
    if produced > RATIO_FLOOR_BYTES and produced > max_ratio * max(consumed, 1):
        raise ReadError(
            COMPRESSION_RATIO,
            f"compressed data expands more than {max_ratio:g} times ({produced} bytes from {consumed})",
            prefix,
        )


_FEED = 64 * 1024  # compressed bytes read at a time
_STEP = 4096  # and fed at a time: the ratio is checked against what was fed, so a bomb stops early


class _Members:
    """Decompresses members (gzip, bzip2) or frames (zstd) one after another, ``limit`` bytes a call."""

    def __init__(self, compression: str) -> None:
        self.compression = compression
        self.eof = False
        self._dec = self._new()
        self._pending = b""  # input the decompressor has not taken yet (gzip's tail, a next member)
        if compression == ZSTD:
            import zstandard  # Beam's own dependency; imported when a zstd file comes

            self.errors: tuple[type[BaseException], ...] = (zstandard.ZstdError,)
        else:
            self.errors = (zlib.error, OSError, ValueError, EOFError)

    def _new(self):
        if self.compression == GZIP:
            return zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        if self.compression == BZIP2:
            return bz2.BZ2Decompressor()
        import zstandard

        return zstandard.ZstdDecompressor().decompressobj()

    def feed(self, data: bytes, limit: int) -> Iterator[bytes]:
        """Everything ``data`` (and what came before) decompresses to, at most ``limit`` bytes a piece."""
        data = self._pending + data
        self._pending = b""
        while True:
            if self.eof:
                if not data:
                    return
                self._dec, self.eof = self._new(), False  # another member or frame follows
            if self.compression == GZIP:
                out = self._dec.decompress(data, limit)
                self.eof = self._dec.eof
                data = self._dec.unused_data if self.eof else self._dec.unconsumed_tail
            elif self.compression == BZIP2:
                out = self._dec.decompress(data, limit)
                self.eof = self._dec.eof
                data = self._dec.unused_data if self.eof else b""
                if not self.eof and not self._dec.needs_input and not out:
                    continue
            else:
                piece, data = data[:_ZSTD_FEED], data[_ZSTD_FEED:]
                out = self._dec.decompress(piece)
                self.eof = self._dec.eof
                if self.eof:
                    data = self._dec.unused_data + data
            if out:
                yield out
            if self.compression == BZIP2 and not self.eof and not self._dec.needs_input:
                continue  # it holds more output for the same input
            if not data:
                return


def iter_chunks(
    stream: BinaryIO,
    *,
    compression: str | None = None,
    chunk_size: int = CHUNK,
    max_ratio: float = DEFAULT_MAX_RATIO,
) -> Iterator[bytes]:
    """The file's bytes in chunks, decompressed when ``compression`` names a format."""
    if compression is None:
        while chunk := stream.read(chunk_size):
            yield chunk
        return
    members = _Members(compression)
    prefix = b""
    seen_input = False
    fed = produced = 0
    while chunk := stream.read(_FEED):
        if not prefix:
            prefix = chunk[:RAW_PREFIX_BYTES]
        seen_input = True
        try:
            for start in range(0, len(chunk), _STEP):
                piece = chunk[start : start + _STEP]
                fed += len(piece)
                for out in members.feed(piece, chunk_size):
                    produced += len(out)
                    check_ratio(produced, fed, max_ratio, prefix)
                    yield out
        except members.errors as exc:
            raise ReadError(RejectCode.CORRUPT_GZIP, f"{compression} data is corrupt: {exc}", prefix) from exc
    if seen_input and not members.eof:
        raise ReadError(RejectCode.TRUNCATED_GZIP, f"{compression} stream ends before its end marker", prefix)


class ChunkReader:
    """A read-only file object over an iterator of byte chunks (for readers that want a stream)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = b""
        self._done = False

    def read(self, size: int = -1) -> bytes:
        while not self._done and (size < 0 or len(self._buffer) < size):
            try:
                self._buffer += next(self._chunks)
            except StopIteration:
                self._done = True
        if size < 0:
            out, self._buffer = self._buffer, b""
        else:
            out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out

    def readable(self) -> bool:
        return True


class Replay:
    """A stream whose first bytes can be read to sniff it, then read again from the start.

    Bytes are kept only until the last :meth:`rewind` (``final=True``): a sniff
    costs the head it read, never the file."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._kept = bytearray()
        self._offset = 0
        self._recording = True

    def read(self, size: int = -1) -> bytes:
        out = b""
        if self._offset < len(self._kept):
            end = len(self._kept) if size < 0 else self._offset + size
            out = bytes(self._kept[self._offset : end])
            self._offset += len(out)
            if not self._recording and self._offset >= len(self._kept):
                self._kept, self._offset = bytearray(), 0
            if size >= 0 and len(out) >= size:
                return out
        more = self._stream.read(-1 if size < 0 else size - len(out))
        if self._recording and more:
            self._kept += more
            self._offset += len(more)
        return out + more

    def rewind(self, *, final: bool = False) -> None:
        """Read from the start again; after a final rewind nothing more is kept."""
        self._offset = 0
        self._recording = not final
        if final and not self._kept:
            self._kept = bytearray()

    def readable(self) -> bool:
        return True
