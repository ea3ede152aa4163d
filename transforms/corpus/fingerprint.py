"""Stable identifiers: ``doc_id`` for an input, ``content_hash`` for a clean text."""

from __future__ import annotations

import hashlib

from newsclean.transforms.text import normalise_line, words_key

_DOC_ID_SALT = b"newsclean/doc/v1\x00"


def doc_id(source_uri: str, data: bytes) -> str:
    """The same input (where it came from and its bytes) gives the same id everywhere."""
    digest = hashlib.blake2b(_DOC_ID_SALT, digest_size=10)
    digest.update(source_uri.encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    digest.update(hashlib.blake2b(data, digest_size=16).digest())
    return digest.hexdigest()


# Paragraphs up to this long are keyed through the line cache (:func:`normalise_line`): the source
# boilerplate pass keys the same paragraphs right after, and finds them there. Longer ones are
# keyed directly, so a text without paragraph breaks never sits whole in the cache.
CACHED_PARAGRAPH_CHARS = 2000


def content_hash(text: str) -> str:
    """Hash of the text's words, case-folded: equal for copies that differ only in layout.

    The words of the whole text are those of its paragraphs one after the other (no word spans
    a line break, and case folding never maps a line break to a word character), so the key is
    built paragraph by paragraph."""
    keys = [normalise_line(p) if len(p) <= CACHED_PARAGRAPH_CHARS else words_key(p) for p in text.split("\n\n")]
    return hashlib.blake2b(" ".join(k for k in keys if k).encode("utf-8"), digest_size=16).hexdigest()
