"""Bytes to text: what decodes, what falls back, and what becomes a reject."""

from __future__ import annotations

import codecs

import pytest

from newsclean.transforms.errors import StageError
from newsclean.transforms.reading.decode import decode, decode_bytes

TEXT = "Café owners in Zürich said the “new rules” cost them €2,000 — each."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-16"), "utf-16le"),  # with its BOM
        (TEXT.encode("utf-16-be"), "utf-16be"),  # without
        (TEXT.encode("cp1252"), "windows-1252"),  # WHATWG names
    ],
)
def test_decodes(data: bytes, encoding: str) -> None:
    text, used = decode_bytes(data)
    assert text == TEXT
    assert used == encoding


def test_declared_charset_wins_when_valid() -> None:
    data = "Пример новости из Москвы.".encode("koi8-r")
    assert decode_bytes(data, declared="KOI8-R")[0] == "Пример новости из Москвы."


def test_unknown_declared_charset_is_ignored() -> None:
    assert decode_bytes(TEXT.encode(), declared="x-made-up")[0] == TEXT


def test_windows_1252_decodes_the_bytes_cp1252_leaves_undefined_as_latin1() -> None:
    # 0x81 is undefined in cp1252; the WHATWG windows-1252 decoder makes it U+0081, as latin-1 does.
    data = "Le caf\xe9 est ouvert. ".encode("latin-1") * 40 + b"\x81"
    text, used = decode_bytes(data)
    assert used == "windows-1252"
    assert text.startswith("Le café est ouvert.") and text.endswith("\x81")


def test_utf8_with_a_stray_byte_stays_utf8() -> None:
    data = ("Zürich café " * 50).encode() + b"\xff" + " façade".encode()
    text, used = decode_bytes(data)
    assert used.startswith("utf-8")
    assert "Zürich" in text and "\ufffd" in text


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
        (b"%PDF-1.7 binary", "binary"),
        (b"hello\x00world", "binary"),
        (bytes(range(1, 32)) * 20, "undecodable"),
        (bytes(range(0x80, 0xA0)) * 20, "undecodable"),
    ],
)
def test_rejects(data: bytes, error: str) -> None:
    with pytest.raises(StageError) as info:
        decode_bytes(data)
    assert info.value.stage == "decode"
    assert info.value.error == error


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain text\twith\nnewlines\r\n\x0c",
        "a\x00b\x85c\u0085\x9f\x7f\x0b",
        "é\u0080ü\u009fÿ",
        "\x80" * 10,
        "\ud800x",
    ],
)
def test_control_ratio_counts_c0_del_and_c1(text: str) -> None:
    from newsclean.transforms.reading.decode import _control_ratio

    controls = [c for c in text if (ord(c) < 0x20 and c not in "\t\n\x0c\r") or 0x7F <= ord(c) <= 0x9F]
    assert _control_ratio(text) == len(controls) / max(len(text), 1)


def test_a_few_stray_nul_bytes_in_a_page_are_dropped_not_binary() -> None:
    page = b"<html><body><p>" + b"Ein langer Absatz der Geschichte. " * 100 + b"</p>\x00\x00<p>Ende.</p></body></html>"
    decoded = decode(page, html=True)
    assert "\x00" not in decoded.text and "Ende." in decoded.text
    with pytest.raises(StageError):  # plain text with them, or a page full of them, stays binary
        decode(page.replace(b"</p>", b"</p>\x00" * 20) * 1, html=False)
    with pytest.raises(StageError):
        decode(b"<html>" + b"a\x00b" * 500, html=True)
