"""Charsets as browsers read them (WHATWG labels, order, detection) and mojibake repaired by ftfy."""

from __future__ import annotations

import codecs
import random

import pytest

import newsclean
from newsclean.schemas.records import Article
from newsclean.transforms.errors import StageError
from newsclean.transforms.reading.charsets import CODECS, LABELS, REPLACEMENT, X_USER_DEFINED, encoding_for_label
from newsclean.transforms.reading.decode import decode, repair_mojibake

SENTENCES = {
    "fr": "Le maire a annoncé jeudi que la façade de l'église, déjà rénovée, rouvrira à Noël. « Réussi », dit-il.",
    "de": "Die Bürger in Zürich müssen künftig mehr für die Straßenbahn bezahlen, sagte der Bürgermeister am Dienstag.",
    "es": "El niño comió en la estación de Málaga, según informó el periódico. ¿Qué pasó después? Nadie lo sabe aún.",
    "pt": "A população da região não está satisfeita com a decisão do governo, disse o ministro em São Paulo.",
    "pl": "Władze miasta ogłosiły, że środki na budowę nowej linii tramwajowej zostaną przyznane w przyszłym roku.",
    "cs": "Příští týden začne rekonstrukce mostu přes řeku, řekl mluvčí městského úřadu v pondělí novinářům.",
    "tr": "Belediye başkanı, şehirdeki yeni otobüs hatlarının önümüzdeki ay açılacağını söyledi ve teşekkür etti.",
    "ru": "Власти Москвы объявили о строительстве новой линии метро, которая соединит северные и южные районы.",
    "el": "Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία και την απασχόληση των νέων στην Αθήνα.",
    "ar": "أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد وتوفير فرص العمل للشباب في المدن الكبرى.",
    "zh": "国务院总理今天在北京主持召开常务会议，部署进一步扩大内需、稳定就业和促进消费的政策措施。",
    "ja": "東京都は今日、新しい交通規則を発表しました。これにより、市民の生活が大きく変わると見られています。",
    "ko": "서울시는 오늘 새로운 교통 규칙을 발표했습니다. 이에 따라 시민들의 생활이 크게 바뀔 것으로 보입니다.",
}
LEGACY = {
    "fr": ("cp1252", "windows-1252"),
    "de": ("cp1252", "windows-1252"),
    "es": ("cp1252", "windows-1252"),
    "pt": ("cp1252", "windows-1252"),
    "pl": ("cp1250", "windows-1250"),
    "cs": ("cp1250", "windows-1250"),
    "tr": ("cp1254", "windows-1254"),
    "ru": ("cp1251", "windows-1251"),
    "el": ("cp1253", "windows-1253"),
    "ar": ("cp1256", "windows-1256"),
    "zh": ("gbk", "gbk"),
    "ja": ("cp932", "shift_jis"),
    "ko": ("cp949", "euc-kr"),
}


def _text(language: str, repeat: int = 6) -> str:
    return "\n".join([SENTENCES[language]] * repeat) + "\n"


def _page(body: str, charset: str | None, title: str = "Headline") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    paragraphs = "".join(f"<p>{line}</p>" for line in body.split("\n") if line)
    head = f"<head>{meta}<title>{title}</title></head>"
    return f"<!doctype html><html>{head}<body><article>{paragraphs}</article></body></html>"


# -- the label table ------------------------------------------------------------------------------


def test_every_label_names_an_encoding_with_a_python_decoder() -> None:
    for label, encoding in LABELS.items():
        assert label == label.lower().strip()
        if encoding not in (REPLACEMENT, X_USER_DEFINED):
            codecs.lookup(CODECS[encoding])


@pytest.mark.parametrize(
    ("label", "encoding"),
    [
        ("GB2312", "gbk"),
        ("x-gbk", "gbk"),
        ("chinese", "gbk"),
        ("ISO-8859-1", "windows-1252"),
        ("latin1", "windows-1252"),
        ("US-ASCII", "windows-1252"),
        ("iso-8859-9", "windows-1254"),
        ("tis-620", "windows-874"),
        ("iso-8859-11", "windows-874"),
        ("ks_c_5601-1987", "euc-kr"),
        ("sjis", "shift_jis"),
        ("windows-31j", "shift_jis"),
        ("big5-hkscs", "big5"),
        (" 'UTF8' ", "utf-8"),
        ("iso-2022-kr", REPLACEMENT),
        ("utf-7", None),
        ("foo", None),
    ],
)
def test_labels_map_as_browsers_map_them(label: str, encoding: str | None) -> None:
    assert encoding_for_label(label) == encoding


def test_gb2312_label_decodes_gbk_bytes() -> None:
    text = _text("zh") + "朱镕基\n"  # 镕 is in GBK, not in GB2312
    decoded = decode(text.encode("gbk"), "gb2312")
    assert (decoded.text, decoded.encoding) == (text, "gbk")


def test_iso_8859_1_label_is_windows_1252_for_bytes_0x80_to_0x9f() -> None:
    data = b"\x93Quoted\x94 \x96 it costs \x80" + b"5 \x85 they said.\n" * 20
    decoded = decode(data, "iso-8859-1")
    assert decoded.encoding == "windows-1252"
    assert decoded.text.startswith("“Quoted” – it costs €5 … they said.")


@pytest.mark.parametrize("label", ["iso-8859-15", "windows-1252", "windows-1251", "gbk", "shift_jis"])
def test_a_legacy_label_over_utf8_bytes_loses_to_utf8(label: str) -> None:
    text = _text("de") + _text("ru") + _text("zh")
    assert decode(text.encode(), label) == (text, "utf-8", False)
    page = _page(text, label, title="Zürich: Straßenbahn").encode()
    assert decode(page, html=True).encoding == "utf-8"
    article = newsclean.process(page, format="html")
    assert isinstance(article, Article) and article.title == "Zürich: Straßenbahn"
    assert "Bürgermeister" in article.text and "Москвы" in article.text and article.encoding == "utf-8"


@pytest.mark.parametrize("label", ["utf-7", "foo", "iso-2022-kr", "replacement", "x-made-up"])
def test_an_unknown_or_impossible_label_is_ignored_and_the_body_kept(label: str) -> None:
    text = _text("fr")
    assert decode(text.encode(), label).text == text
    assert decode(text.encode("cp1252"), label).text == text
    article = newsclean.process(_page(text, label).encode("cp1252"), format="html")
    assert isinstance(article, Article) and "façade de l'église" in article.text


@pytest.mark.parametrize("label", ["gbk", "euc-jp", "shift_jis", "big5", "utf-8"])
def test_a_label_whose_decoder_fails_badly_is_ignored(label: str) -> None:
    text = _text("ru")
    decoded = decode(text.encode("cp1251"), label)
    assert (decoded.text, decoded.encoding) == (text, "windows-1251")


def test_the_transport_charset_comes_before_the_page_declaration() -> None:
    text = _text("ru")
    page = _page(text, "koi8-r").encode("cp1251")
    assert decode(page, "windows-1251", html=True).encoding == "windows-1251"
    koi8 = _page(text, "koi8-r").encode("koi8-r")
    assert decode(koi8, None, html=True).encoding == "koi8-r"
    assert decode(koi8, "utf-7", html=True).encoding == "koi8-r"  # an unknown transport label: the page's


def test_a_bom_comes_first_and_a_utf16_meta_means_utf8() -> None:
    text = _text("de")
    page = _page(text, "utf-8")
    assert decode(page.encode("utf-16"), "windows-1252", html=True).encoding == "utf-16le"
    assert decode(_page(text, "utf-16").encode(), html=True).encoding == "utf-8"


# -- detection ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", sorted(LEGACY))
def test_undeclared_legacy_text_is_detected(language: str) -> None:
    codec, encoding = LEGACY[language]
    text = _text(language)
    decoded = decode(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == encoding


@pytest.mark.parametrize("language", ["fr", "pl", "ru", "zh", "ja"])
def test_an_undeclared_legacy_page_is_detected(language: str) -> None:
    codec, encoding = LEGACY[language]
    text = _text(language)
    article = newsclean.process(_page(text, None).encode(codec), format="html")
    assert isinstance(article, Article) and article.encoding == encoding
    assert SENTENCES[language] in article.text


# -- mojibake -------------------------------------------------------------------------------------


def _double_encoded(text: str, codec: str) -> str:
    """``text``'s UTF-8 bytes read as ``codec`` (cp1252's undefined bytes as latin-1), as a scraper keeps them."""
    return "".join(
        bytes([b]).decode(codec, errors="strict") if codec != "cp1252" or b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
        else chr(b)
        for b in text.encode()
    )  # fmt: skip


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
@pytest.mark.parametrize("language", ["fr", "de", "es", "pl", "cs", "ru", "el", "zh", "ja"])
def test_double_encoded_text_comes_back_exact(language: str, codec: str) -> None:
    text = _text(language) + "It’s “quoted” — 5 €.\n"
    damaged = _double_encoded(text, codec)
    assert damaged != text
    decoded = decode(damaged.encode())
    assert decoded == (text, "utf-8", True)


def test_only_the_double_encoded_lines_change() -> None:
    good = "Café “Zürich” — 5 € naïve ﬁnance Ａ e\u0301 SÃO PAULO\n"
    text = good + _double_encoded("L’église a été rénovée.\n", "cp1252") + good
    assert repair_mojibake(text) == good + "L’église a été rénovée.\n" + good


@pytest.mark.parametrize(
    "text",
    [
        "Café owners in Zürich said the “new rules” cost them €2,000 — each. Naïve coöperation, ½ off.",
        "ﬁnancial ﬂows: ligatures stay, fullwidth ＡＢＣ stays, decomposed e\u0301 stays, 'straight' quotes stay.",
        "SÃO PAULO — A Ãrvore? No: São Paulo, Ávila, Ørsted, Œuvre, «guillemets», ‹single›, „unten“.",
        "Price: 5 € · 3 £ · 2 ¥ · © 2025 ® ™ ± ° µ ¶ § ¿Qué? ¡Olé!",
        _text("ru") + _text("zh") + _text("pl"),
    ],
)
def test_clean_text_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) == text
    assert decode(text.encode()) == (text, "utf-8", False)


def test_a_double_encoded_page_is_repaired_and_counted() -> None:
    text = _text("fr")
    page = _double_encoded(_page(text, "utf-8", title="L’église rouvre à Noël"), "cp1252").encode()
    article = newsclean.process(page, format="html")
    assert isinstance(article, Article)
    assert article.title == "L’église rouvre à Noël" and SENTENCES["fr"] in article.text
    assert (article.encoding, article.encoding_repaired) == ("utf-8", True)


# -- binary is still refused ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (random.Random(3).randbytes(20_000).translate(bytes(range(128, 256)) * 2), "undecodable"),  # high bytes
        (bytes(range(0x80, 0xA0)) * 20, "undecodable"),
        (b"\x89PNG\r\n\x1a\n" + random.Random(4).randbytes(4000), "binary"),
        (b"text" + bytes(range(1, 9)) * 100, "undecodable"),
    ],
)
def test_binary_is_still_rejected(data: bytes, error: str) -> None:
    with pytest.raises(StageError) as info:
        decode(data)
    assert info.value.error == error


def test_trafilatura_parses_the_text_we_decoded_not_the_pages_label() -> None:
    text = _text("de")
    for head in ('<?xml version="1.0" encoding="ISO-8859-1"?>', ""):
        page = (head + _page(text, "iso-8859-15", title="Straßenbahn in Zürich")).encode()
        article = newsclean.process(page, format="html")
        assert isinstance(article, Article) and article.title == "Straßenbahn in Zürich"
        assert SENTENCES["de"] in article.text
