"""A wire's tag closing the story: the tag goes to ``agency``, the paragraph stays; a caption's credit is
still a caption's."""

from __future__ import annotations

import pytest

from newsclean.transforms.cleaning.clean import clean_text
from newsclean.transforms.vocabulary import FieldSource, RuleName

STORY = (
    "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die Regeln für Mieter deutlich verschärft.\n\n"
    "Die Opposition kritisierte das Vorhaben scharf. Sie kündigte eine Klage an, falls nichts geändert werde."
)
LAST = "Die Opposition kritisierte das Vorhaben scharf. Sie kündigte eine Klage an, falls nichts geändert werde."


@pytest.mark.parametrize(
    ("tag", "agency"),
    [
        (" (dpa)", "dpa"),
        (" (dpa/lno)", "dpa"),
        (" (FR mit dpa)", "dpa"),
        (" (mit Material von dpa und AFP)", "dpa"),
        (" (avec AFP)", "AFP"),
        (" (KNA)", "KNA"),
    ],
)
def test_a_wire_tag_closing_the_story_goes_and_the_paragraph_stays(tag: str, agency: str) -> None:
    cleaned = clean_text(STORY + tag)
    assert cleaned.paragraphs[-1] == LAST
    assert (FieldSource.TAIL, agency) in cleaned.agencies
    assert [(r.rule, r.text) for r in cleaned.removed] == [(RuleName.AGENCY_TAG, tag.strip())]


def test_a_one_sentence_caption_closed_by_a_credit_is_still_a_caption() -> None:
    caption = "Police stand guard outside the court in Paris on Friday. (AP)"
    cleaned = clean_text(STORY + "\n\n" + caption)
    assert caption not in cleaned.text
    assert [r.rule for r in cleaned.removed] == [RuleName.PHOTO_CAPTION]


def test_brackets_naming_no_wire_stay() -> None:
    cleaned = clean_text(STORY + " (Quelle: Stadtverwaltung)")
    assert cleaned.text.endswith("(Quelle: Stadtverwaltung)")
