"""Profiles and candidate pairs kept in files, read back by location: shuffles never carry them.

A pair of candidate texts needs both profiles (~2 KB each) to be verified.
Joined through shuffles, each profile is copied once per candidate pair it is
in, and Beam's local runner holds every shuffled copy in memory. Instead each
writer appends profiles to a flat file and reports ``(path, offset)``; a
verifier reads the two records of a pair back by offset.

Record layout (little-endian): node u64, words u32, near_size u32, number of
immutables u32, commonness f32, number of paragraphs u32, then the MinHash
signature (``NUM_PERM`` x u32), the immutables (u32 each), the paragraphs'
hashes (u32 each), lengths (u16 each), cohesion (u8 each), the hashes of their first and of
their last words (u32 each), and their broken word pairs (u16 each).
"""

from __future__ import annotations

import os
import struct
from collections import OrderedDict
from typing import BinaryIO

import numpy as np

from newsclean.transforms.beam import filesystem
from newsclean.transforms.corpus.copies.features import NUM_PERM, Profile
from newsclean.transforms.corpus.copies.verify import Scored

_HEADER = struct.Struct("<QIIIfI")
_SIG_BYTES = NUM_PERM * 4

Location = tuple[str, int]  # (path of a profile file, offset of the record in it)


def encode_profile(p: Profile) -> bytes:
    """One profile as a record of the layout above."""
    header = _HEADER.pack(p.node, p.words, p.near_size, len(p.immutables), p.commonness, len(p.paragraphs))
    return b"".join(
        [
            header,
            p.near_sig.astype("<u4").tobytes(),
            p.immutables.astype("<u4").tobytes(),
            p.paragraphs.astype("<u4").tobytes(),
            p.paragraph_words.astype("<u2").tobytes(),
            p.paragraph_cohesion.astype("u1").tobytes(),
            p.paragraph_starts.astype("<u4").tobytes(),
            p.paragraph_ends.astype("<u4").tobytes(),
            p.paragraph_breaks.astype("<u2").tobytes(),
        ]
    )


def _body_bytes(count: int, paragraphs: int) -> int:
    """Bytes of a record after its header."""
    return _SIG_BYTES + 4 * count + 17 * paragraphs


def decode_profile(buffer: bytes | memoryview, offset: int) -> Profile:
    """The profile whose record starts at ``offset`` of ``buffer`` (copied out of it)."""
    node, words, near_size, count, common, paragraphs = _HEADER.unpack_from(buffer, offset)
    start = offset + _HEADER.size
    sig = np.frombuffer(buffer, dtype="<u4", count=NUM_PERM, offset=start).astype(np.uint32)
    start += _SIG_BYTES
    immutables = np.frombuffer(buffer, dtype="<u4", count=count, offset=start).astype(np.uint32)
    start += 4 * count
    hashes = np.frombuffer(buffer, dtype="<u4", count=paragraphs, offset=start).astype(np.uint32)
    start += 4 * paragraphs
    lengths = np.frombuffer(buffer, dtype="<u2", count=paragraphs, offset=start).astype(np.uint16)
    start += 2 * paragraphs
    cohesion = np.frombuffer(buffer, dtype="u1", count=paragraphs, offset=start).astype(np.uint8)
    start += paragraphs
    starts = np.frombuffer(buffer, dtype="<u4", count=paragraphs, offset=start).astype(np.uint32)
    start += 4 * paragraphs
    ends = np.frombuffer(buffer, dtype="<u4", count=paragraphs, offset=start).astype(np.uint32)
    start += 4 * paragraphs
    breaks = np.frombuffer(buffer, dtype="<u2", count=paragraphs, offset=start).astype(np.uint16)
    return Profile(node, words, sig, near_size, immutables, common, hashes, lengths, cohesion, starts, ends, breaks)


def decode_scored(buffer: bytes | memoryview, offset: int = 0) -> Scored:
    """What verifying a pair reads of the profile at ``offset`` (:class:`Scored`): its header, MinHash
    signature and immutables, not its paragraphs (``buffer`` may end after the immutables)."""
    _, _, near_size, count, _, _ = _HEADER.unpack_from(buffer, offset)
    start = offset + _HEADER.size
    sig = np.frombuffer(buffer, dtype="<u4", count=NUM_PERM, offset=start).astype(np.uint32)
    immutables = np.frombuffer(buffer, dtype="<u4", count=count, offset=start + _SIG_BYTES).astype(np.uint32)
    return Scored(near_size, sig, immutables)


class ProfileFile:
    """Appends profiles to one new file; :meth:`add` returns where each one starts."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._handle = filesystem.create(path)
        self._offset = 0

    def add(self, p: Profile) -> Location:
        record = encode_profile(p)
        start = self._offset
        self._handle.write(record)
        self._offset += len(record)
        return self.path, start

    def close(self) -> None:
        self._handle.close()


class ProfileReader:
    """Profiles by location. Local files are read with ``pread``, record by record (the page
    cache holds them, no process does, and nothing is mapped that would count against each
    worker's RSS); files elsewhere (``gs://``, ...) are read whole and kept, least recently
    used dropped first, up to ``keep_bytes``."""

    def __init__(self, keep_bytes: int = 512 * 1024 * 1024) -> None:
        self._keep_bytes = keep_bytes
        self._files: dict[str, BinaryIO] = {}
        self._buffers: OrderedDict[str, bytes] = OrderedDict()

    def _local(self, path: str, offset: int) -> Profile:
        handle = self._files.get(path)
        if handle is None:
            handle = self._files[path] = open(path, "rb")
        header = os.pread(handle.fileno(), _HEADER.size, offset)
        _, _, _, count, _, paragraphs = _HEADER.unpack(header)
        body = os.pread(handle.fileno(), _body_bytes(count, paragraphs), offset + _HEADER.size)
        return decode_profile(header + body, 0)

    def _remote(self, path: str) -> bytes:
        buffer = self._buffers.get(path)
        if buffer is not None:
            self._buffers.move_to_end(path)
            return buffer
        with filesystem.open_read(path) as handle:
            buffer = handle.read()
        held = sum(len(b) for b in self._buffers.values())
        while self._buffers and held + len(buffer) > self._keep_bytes:
            _, dropped = self._buffers.popitem(last=False)  # least recently used
            held -= len(dropped)
        self._buffers[path] = buffer
        return buffer

    def get(self, location: Location) -> Profile:
        path, offset = location
        if "://" not in path:
            return self._local(path, offset)
        return decode_profile(self._remote(path), offset)

    def scored(self, location: Location) -> Scored:
        """The part of the profile at ``location`` that :func:`~newsclean.transforms.corpus.copies.verify.score`
        reads: verifying a candidate pair reads the second text's profile, and there are tens of pairs a text."""
        path, offset = location
        if "://" in path:
            return decode_scored(self._remote(path), offset)
        handle = self._files.get(path)
        if handle is None:
            handle = self._files[path] = open(path, "rb")
        header = os.pread(handle.fileno(), _HEADER.size, offset)
        count = _HEADER.unpack(header)[3]
        return decode_scored(header + os.pread(handle.fileno(), _SIG_BYTES + 4 * count, offset + _HEADER.size))

    def close(self) -> None:
        for handle in self._files.values():
            handle.close()
        self._files.clear()
        self._buffers.clear()


Block = tuple[str, int, int]  # (path of a block file, offset of the block, rows in it)


class BlockFile:
    """Appends blocks of uint64 rows (``columns`` values each) to one new file; :meth:`add` says where.

    The copy stage's candidate pairs travel this way: a worker writes the blocks
    it proposes and the shuffle carries only ``(shard, block location)``, so the
    runner never holds the pairs (millions of rows on a 100k corpus).
    """

    def __init__(self, path: str, columns: int) -> None:
        self.path = path
        self._columns = columns
        self._handle = filesystem.create(path)
        self._offset = 0

    def add(self, rows: np.ndarray) -> Block:
        data = np.ascontiguousarray(rows, dtype="<u8").reshape(-1, self._columns).tobytes()
        start = self._offset
        self._handle.write(data)
        self._offset += len(data)
        return self.path, start, len(data) // (8 * self._columns)

    def close(self) -> None:
        self._handle.close()


def read_blocks(blocks: list[Block], columns: int) -> np.ndarray:
    """The rows of ``blocks`` (any files, any order) as one ``(n, columns)`` uint64 array."""
    parts = [np.zeros((0, columns), dtype=np.uint64)]
    by_path: dict[str, list[tuple[int, int]]] = {}
    for path, offset, rows in blocks:
        by_path.setdefault(path, []).append((offset, rows))
    for path, spans in sorted(by_path.items()):
        with filesystem.open_read(path) as handle:
            for offset, rows in sorted(spans):
                handle.seek(offset)
                data = handle.read(rows * 8 * columns)
                parts.append(np.frombuffer(data, dtype="<u8").reshape(rows, columns))
    return np.concatenate(parts).astype(np.uint64, copy=False)
