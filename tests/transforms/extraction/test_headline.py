"""Headlines as printed: an agreeing h1, else the title without the site's segments."""

from __future__ import annotations

import lxml.html
import pytest

from newsclean.transforms.extraction.headline import h1_texts, printed_headline
from newsclean.transforms.fields.names import outlet_keys


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Wahl in Hessen: Was nun – DER SPIEGEL – 30.01.2024", "spiegel.de", "Wahl in Hessen: Was nun"),
        ("Flood waters rise in the valley | The Guardian", "The Guardian", "Flood waters rise in the valley"),
        ("Flood waters rise in the valley - theguardian.com", "theguardian.com", "Flood waters rise in the valley"),
        ("Le Monde : Les retraites en débat – Le Monde", "Le Monde", "Le Monde : Les retraites en débat"),
        ("東京で大雪：日本経済新聞", "日本経済新聞", "東京で大雪"),
        ("Reuters | Markets fall as rates rise", "Reuters", "Markets fall as rates rise"),
        ("Ukraine: the war goes on", "BBC", "Ukraine: the war goes on"),  # a headline's own colon stays
        ("Left - right - centre: a primer", "Example Times", "Left - right - centre: a primer"),  # no site named
    ],
)  # fmt: skip
def test_the_sites_name_and_dates_leave_the_title(title: str, site: str, expected: str) -> None:
    assert printed_headline(title, [], outlet_keys(site)) == expected


def test_an_h1_that_agrees_with_the_title_is_the_headline() -> None:
    keys = outlet_keys("Example Post")
    assert (
        printed_headline("Rain floods the town | Example Post", ["Rain  floods the town"], keys)
        == "Rain floods the town"
    )
    # an h1 that is the site's logo or a section does not agree and is not taken
    assert (
        printed_headline("Rain floods the town | Example Post", ["Example Post", "Weather"], keys)
        == "Rain floods the town"
    )
    assert printed_headline(None, ["Rain floods the town"], keys) is None


def test_a_title_naming_only_a_section_or_the_site_gives_way_to_the_h1() -> None:
    keys = outlet_keys("Stadtwerke Beispiel")
    assert printed_headline("Pressemitteilungen", ["Norddeutschland findet seine Meister"], keys) == (
        "Norddeutschland findet seine Meister"
    )
    assert printed_headline("Stadtwerke Beispiel", ["Stadtwerke Beispiel", "Neue Tarife ab Januar"], keys) == (
        "Neue Tarife ab Januar"
    )
    assert printed_headline("Pressemitteilungen", ["Menü"], keys) == "Pressemitteilungen"  # no h1 of a story


def test_h1_text_leaves_out_styles_and_scripts() -> None:
    import lxml.html

    from newsclean.transforms.extraction.headline import h1_texts

    page = lxml.html.fromstring(
        "<html><body><h1><style>.css-x{font-size:16px}</style>Impfen <b>und</b> Boostern"
        "<script>var a=1</script> ist möglich</h1><h1> </h1><h1>Zweite</h1></body></html>"
    )
    assert h1_texts(page) == ["Impfen und Boostern ist möglich", "Zweite"]


def test_the_pages_one_h1_of_the_same_story_is_the_printed_headline() -> None:
    keys = outlet_keys("Beispiel Zeitung")
    title = "Tote Hummeln unter Linden: Die Erklärung | Beispiel Zeitung"
    assert printed_headline(title, ["Tote Hummeln unter Linden"], keys) == "Tote Hummeln unter Linden"
    seo = "Firmenwagen: Leasen oder Finanzieren? Was lohnt sich?"
    assert (
        printed_headline(seo, ["Firmenwagen: Leasing oder Finanzierung?"], keys)
        == "Firmenwagen: Leasing oder Finanzierung?"
    )
    # an h1 of another subject, or one of several, does not replace the title
    assert printed_headline("Rain floods the town", ["Sign up for our newsletter"], keys) == "Rain floods the town"
    assert printed_headline("Rain floods the town", ["Town news", "Rain floods the town centre"], keys) == (
        "Rain floods the town"
    )


@pytest.mark.parametrize(
    ("h1", "expected"),
    [
        ('<span class="ts-overline">Abstandsregeln </span><span class="ts-colon">: </span>'
         '<span class="ts-headline">Wie Firmen schützen</span>', "Wie Firmen schützen"),
        ('<span class="roofline">Immobilienkrise </span>Signa in Sorge – Finanzdaten', "Signa in Sorge – Finanzdaten"),
        ("<small>Tunesien</small><br> Große Aufgaben für die neue Regierung", "Große Aufgaben für die neue Regierung"),
        ('<span class="article__subheadline">Open Progress</span><br><span class="article__headline">Why thinking '
         "wins</span>", "Why thinking wins"),
        # no kicker: the whole h1, whatever its children
        ('<span class="pf-title">Krach vor der Versammlung:</span><br><span class="big">Es knirscht</span>',
         "Krach vor der Versammlung: Es knirscht"),
        ('<span class="entry-title-primary">What Tutoring is.</span> <span class="entry-subtitle">Defining it</span>',
         "What Tutoring is. Defining it"),
        ('<span class="kicker">Wahl</span>', "Wahl"),  # nothing after the kicker: the kicker is all there is
    ],
)  # fmt: skip
def test_a_kicker_above_the_headline_is_not_part_of_it(h1: str, expected: str) -> None:
    tree = lxml.html.fromstring(f"<html><body><h1>{h1}</h1><p>Text.</p></body></html>")
    assert h1_texts(tree) == [expected]


@pytest.mark.parametrize(
    "label", ["Navigation und Service", "Hauptmenü", "Menu di navigazione", "Aktuelles", "Allgemein"]
)
def test_a_navigation_or_section_label_is_never_the_headline(label: str) -> None:
    page_title = "Norddeutschland findet seine Meister - Example Verband"
    keys = outlet_keys("Example Verband", None, "https://example.org/a")
    assert printed_headline(label, [], keys, fallback=page_title) == "Norddeutschland findet seine Meister"
    h1s = [label, "Norddeutschland findet seine Meister"]
    assert printed_headline(page_title, h1s, keys) == "Norddeutschland findet seine Meister"


def test_a_story_title_with_a_section_word_is_kept() -> None:
    assert printed_headline("News from the council", [], frozenset(), fallback="Other") == "News from the council"


def _h1(markup: str) -> list[str]:
    return h1_texts(lxml.html.fromstring(f"<html><body>{markup}</body></html>"))


def test_text_for_screen_readers_ruby_readings_and_a_subline_are_not_the_headline() -> None:
    hidden = '<h1>Was wir über uns nicht hören wollen<span class="element-invisible"> | FASSETTE.NET</span></h1>'
    assert _h1(hidden) == ["Was wir über uns nicht hören wollen"]
    label = '<h1><span class="visuallyhidden">Headline:</span> Energiewende und Wandel</h1>'
    assert _h1(label) == ["Energiewende und Wandel"]
    ruby = "<h1><ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rt>たいばつ</rt></ruby>を禁止する法律ができる</h1>"
    assert _h1(ruby) == ["子どもへの体罰を禁止する法律ができる"]
    subline = "<h1>Zuschauerrückkehr bei den Proficlubs<br><small>02.02.2022 • <span>Presse</span></small></h1>"
    assert _h1(subline) == ["Zuschauerrückkehr bei den Proficlubs"]
    assert _h1("<h1><b>Big</b> <i>news</i> today</h1>") == ["Big news today"]  # Latin nodes keep their spaces


def test_a_chinese_sites_name_closing_the_title_goes() -> None:
    title = "武汉的声音：有英勇的你，才有英雄的城！-新华网"
    site = outlet_keys("https://www.xinhuanet.com/x")
    assert printed_headline(title, [], site) == "武汉的声音：有英勇的你，才有英雄的城！"
    kept = "北京发布新规：外卖平台须公开收费标准"
    assert printed_headline(kept, [], frozenset()) == kept
