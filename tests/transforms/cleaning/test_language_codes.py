"""Language values are ISO 639-1 (two lowercase letters) or None, whatever names them."""

from __future__ import annotations

import pytest

from newsclean.transforms.cleaning.language import _identifier, detect_language
from newsclean.transforms.cleaning.language_codes import ISO_639_1, TO_ISO_639_1, iso639_1
from newsclean.transforms.extraction.html import declared_language
from newsclean.transforms.extraction.page_meta import page_metadata


def _two_letters_or_none(code: str | None) -> bool:
    return code is None or (len(code) == 2 and code.isascii() and code.isalpha() and code.islower())


def test_every_code_py3langid_can_output_becomes_iso_639_1_or_none() -> None:
    classes = _identifier().nb_classes
    assert "wuu" in classes and "yue" in classes  # the model names ISO 639-3 varieties too
    for code in classes:
        assert _two_letters_or_none(iso639_1(code)), code
        if len(code) == 2:
            assert iso639_1(code) == code  # its two-letter codes are ISO 639-1 already


@pytest.mark.parametrize(
    ("tag", "code"),
    [
        ("en-US", "en"),
        ("en_GB", "en"),
        ("EN", "en"),
        (" de-DE ", "de"),
        ("zh-Hant", "zh"),
        ("zh-Hant-TW", "zh"),
        ("sr-Latn-RS", "sr"),
        ("pt-BR", "pt"),
        ("deu", "de"),
        ("ger", "de"),
        ("fra", "fr"),
        ("fre", "fr"),
        ("zho", "zh"),
        ("chi", "zh"),
        ("eng", "en"),
        ("wuu", "zh"),
        ("yue", "zh"),
        ("cmn-Hans-CN", "zh"),
        ("hak", "zh"),
        ("nan", "zh"),
        ("arb", "ar"),
        ("arz", "ar"),
        ("pes", "fa"),
        ("prs", "fa"),
        ("zsm", "ms"),
        ("ekk", "et"),
        ("lvs", "lv"),
        ("swh", "sw"),
        ("nob", "nb"),
        ("nno", "nn"),
        ("nb", "nb"),
        ("nn", "nn"),
        ("no", "no"),
        ("iw", "he"),
        ("in", "id"),
        ("ace", None),  # Acehnese: no ISO 639-1 code
        ("grc", None),  # Ancient Greek is not el
        ("zxx", None),  # no linguistic content
        ("und", None),
        ("x-default", None),
        ("xx", None),
        ("lang=", None),
        ("", None),
        (None, None),
    ],
)
def test_tags_subtags_and_longer_codes(tag: str | None, code: str | None) -> None:
    assert iso639_1(tag) == code


def test_the_table_maps_only_to_iso_639_1() -> None:
    assert len(ISO_639_1) == 183
    assert set(TO_ISO_639_1.values()) <= ISO_639_1
    assert all(len(k) == 3 for k in TO_ISO_639_1 if k not in ("iw", "in", "ji", "jw", "mo"))
    assert not ISO_639_1 & TO_ISO_639_1.keys()


def test_identified_chinese_varieties_are_zh() -> None:
    shanghainese = "侬好，阿拉今朝夜里一道去吃饭好伐？伊讲伊明朝勿来了，侬晓得伐？上海闲话老好听个。"
    assert _identifier().classify(shanghainese)[0] == "wuu"  # what the model itself says
    assert detect_language(shanghainese) == "zh"


@pytest.mark.parametrize(
    ("page", "code"),
    [
        ('<html lang="zh-Hant-TW"><head>', "zh"),
        ('<html lang="deu"><head>', "de"),
        ('<head><meta property="og:locale" content="en_GB">', "en"),
        ('<head><meta http-equiv="content-language" content="fre">', "fr"),
        ('<html lang="und"><head>', None),
    ],
)
def test_declared_languages_are_iso_639_1(page: str, code: str | None) -> None:
    assert declared_language(page) == code


@pytest.mark.parametrize(("lang", "code"), [("zh-Hant", "zh"), ("en_US", "en"), ("wuu", "zh"), ("lang=", None)])
def test_page_metadata_language_is_iso_639_1(lang: str, code: str | None) -> None:
    assert page_metadata(f'<html lang="{lang}"><body><p>Text</p></body></html>').language == code
