"""Stable identifiers: ``doc_id`` for an input, ``content_hash`` for a clean text."""

from __future__ import annotations

import hashlib

from newsclean.transforms.text import words_key

_DOC_ID_SALT = b"newsclean/doc/v1\x00"


def doc_id(source_uri: str, data: bytes) -> str:
    """The same input (where it came from and its bytes) gives the same id everywhere."""
    digest = hashlib.blake2b(_DOC_ID_SALT, digest_size=10)
    digest.update(source_uri.encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    digest.update(hashlib.blake2b(data, digest_size=16).digest())
    return digest.hexdigest()


def content_hash(text: str) -> str:
    """Hash of the text's words, case-folded: equal for copies that differ only in layout."""
    return hashlib.blake2b(words_key(text).encode("utf-8"), digest_size=16).hexdigest()
