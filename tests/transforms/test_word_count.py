"""The record's word_count: whitespace words, and word-equivalents for scripts written without spaces."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.schemas.records import Article
from newsclean.transforms.text import article_word_count, word_count

SPACED = {
    "en": "The government said on Monday — it would cut taxes for families with young children (by 5%).",
    "de": "Die Bundesregierung hat am Montag beschlossen, die Steuern für Familien mit Kindern zu senken.",
    "ar": "أعلنت الحكومة يوم الاثنين أنها ستخفض الضرائب على الأسر التي لديها أطفال صغار.",
    "ru": "Правительство в понедельник объявило о снижении налогов для семей с маленькими детьми.",
    "ko": "정부는 월요일 어린 자녀를 둔 가정에 대한 세금을 인하하겠다고 밝혔다.",
}


@pytest.mark.parametrize("language", sorted(SPACED))
def test_space_separated_languages_count_as_before(language: str) -> None:
    text = SPACED[language]
    assert article_word_count(text) == word_count(text) == len(text.split())
    long = "\n\n".join([text] * 50)
    assert article_word_count(long) == len(long.split())


@pytest.mark.parametrize(
    ("text", "segmented"),
    [
        # jieba: 政府/周一/宣布/将/为/有/幼儿/的/家庭/减税 (10 words)
        ("政府周一宣布将为有幼儿的家庭减税。", 11),
        # MeCab: 政府/は/月曜/日/子育て/世帯/へ/の/減税/を/決め/た (12 words)
        ("政府は月曜日、子育て世帯への減税を決めた。", 13),
        # 東京/2024/年/AI/技術/の/発展: the digits and the Latin word count as words of their own
        ("東京2024年、AI技術の発展", 7),
        # นายกรัฐมนตรี/กล่าว/ว่า/รัฐบาล/จะ/ลด/ภาษี/ให้/กับ/ครอบครัว/ที่/มี/เด็ก/เล็ก (14 words)
        ("นายกรัฐมนตรีกล่าวว่ารัฐบาลจะลดภาษีให้กับครอบครัวที่มีเด็กเล็ก", 15),
    ],
)
def test_unspaced_scripts_count_word_equivalents(text: str, segmented: int) -> None:
    assert word_count(text) <= 2  # what a whitespace split makes of a whole sentence
    assert article_word_count(text) == segmented


def test_cjk_punctuation_counts_nothing_and_a_lone_character_one() -> None:
    assert article_word_count("「中国」。") == 1
    assert article_word_count("。") == 1  # a whole token, as a whitespace split counts it
    assert article_word_count("") == 0
    assert article_word_count("コーヒーを飲む") == 5  # ー lengthens the run it is in
    assert article_word_count("Le motー suivant") == 3  # and is nothing of its own in Latin text


def test_a_whole_chinese_article_passes_a_word_count_filter() -> None:
    paragraph = (
        "国家统计局周一发布的数据显示，今年前三个季度全国居民人均可支配收入比上年同期名义增长百分之五点二，"
        "扣除价格因素实际增长百分之四点九。城镇居民和农村居民的收入差距继续缩小。"
    )
    text = "\n\n".join([paragraph] * 6)
    assert word_count(text) == 6
    assert 300 < article_word_count(text) < 500  # 6 × 76 characters / 1.5


def test_the_record_carries_the_comparable_count() -> None:
    story = [
        "政府は月曜日、子育て世帯への減税を決めたと発表した。関係者によると、新しい制度は来年四月から始まる予定だという。",
        "対象となるのは十八歳未満の子どもがいる世帯で、所得に応じて最大で年間十万円が控除される見通しだ。",
        "財務省は財源として、企業向けの優遇措置の一部を見直す方針を示しており、与党内では慎重な意見も出ている。",
        "首相は記者会見で「少子化対策は待ったなしの課題だ」と述べ、法案を今国会に提出する考えを明らかにした。",
        "野党は減税の規模が不十分だと批判しており、国会審議では財源の確保が焦点となりそうだ。",
    ]
    article = newsclean.process("\n\n".join(story), format="text")
    assert isinstance(article, Article)
    assert article.word_count == article_word_count(article.text) > 100
    assert word_count(article.text) <= len(story)
