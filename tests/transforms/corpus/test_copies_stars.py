"""Clusters as stars: shared passages are not copies, no chain joins two stories, the original leads."""

from __future__ import annotations

import datetime as dt

import numpy as np

from newsclean.transforms.corpus.copies.config import CopiesConfig
from newsclean.transforms.corpus.copies.features import profile
from newsclean.transforms.corpus.copies.origin import (
    FLUENCY_SURE,
    Paragraphs,
    Reading,
    Witnesses,
    compare_text,
    edit_evidence,
    edit_reading,
    fluency,
    only_paragraphs,
    paragraphs,
)
from newsclean.transforms.corpus.copies.reference import Record, mark_copies
from newsclean.transforms.corpus.copies.verify import score, verify
from newsclean.transforms.corpus.fingerprint import content_hash
from newsclean.transforms.corpus.urls import normalise_url
from tests.copies_helpers import chain_trap, edited, seeds, summit

D = dt.date


def _record(doc_id: str, text: str, day: dt.date | None = None, url: str | None = None) -> Record:
    return Record(doc_id, text, content_hash(text), day, url)


def _profile(text: str):
    return profile(text, content_hash(text))


def _without_the_word_pair_table(monkeypatch) -> None:
    """As without symspellpy's file, with a fresh vocabulary (a worker's words keep their table index)."""
    from newsclean.transforms.corpus.copies import features, tables

    monkeypatch.setattr(tables, "_PAIRS", {"pairs": np.zeros(0, dtype=np.int64), "words": np.zeros(0, dtype=np.uint64)})
    monkeypatch.setattr(features, "_VOCABULARY", features._Vocabulary())


def _marks(records: list[Record]) -> dict[str, tuple[str, str]]:
    return {k: (v.duplicate_of, v.duplicate_kind) for k, v in mark_copies(records).items()}


def test_a_carried_paragraph_is_not_a_copy_though_the_immutables_reach_the_threshold() -> None:
    story, carrier, brief = chain_trap()
    config = CopiesConfig()
    pair = score(_profile(carrier), _profile(brief))
    assert pair.spun >= config.spun_threshold and pair.shared >= config.spun_min_shared  # Jaccard alone: an edge
    assert verify(_profile(carrier), _profile(brief), config) is None
    assert verify(_profile(carrier), _profile(story), config) == "near"


def test_a_carrier_does_not_chain_its_story_to_the_brief() -> None:
    story, carrier, brief = chain_trap()
    records = [
        _record("story", story, D(2025, 1, 1)),
        _record("carrier", carrier, D(2025, 1, 2)),
        _record("brief", brief, D(2025, 1, 1)),
        _record("brief-copy", brief.upper(), D(2025, 1, 3)),
    ]
    assert _marks(records) == {"carrier": ("story", "near"), "brief-copy": ("brief", "exact")}


def test_the_seed_original_leads_its_spun_copy_without_any_date() -> None:
    original, spun = seeds()
    # no dates, and the spun copy has the smaller doc_id: only the wording can tell
    assert _marks([_record("a003", spun.text), _record("z000", original.text)]) == {"a003": ("z000", "spun")}


def test_a_spun_copy_reads_rarer_than_its_original() -> None:
    original, spun = seeds()
    a, b = _profile(original.text), _profile(spun.text)
    assert a.commonness > b.commonness + CopiesConfig().commonness_margin
    assert compare_text(paragraphs(original.text), a.commonness, paragraphs(spun.text), b.commonness, 0.05) == 1


def test_paragraph_evidence_points_at_the_edited_copy() -> None:
    original, _ = seeds()
    text = original.text
    full = paragraphs(text)
    assert edit_evidence(full, paragraphs(edited(text))) > 0  # last paragraph dropped, a line of furniture added
    assert edit_evidence(paragraphs(edited(text)), full) < 0
    assert edit_evidence(full, full) == 0
    # a paragraph no other text of the family holds was added by the copy that has it
    extra = "\n\n".join([text, "An unrelated paragraph about the harvest festival in a distant valley town."])
    support = {h: 2 for h in full.hashes.tolist()}
    assert edit_evidence(full, paragraphs(extra), support=__import__("collections").Counter(support)) > 0
    # a long paragraph another story holds too was added by the text that has it, unless two texts of the
    # family hold it: then it is the story's own, dropped by the other
    last = text.split("\n\n")[-1]
    assert len(last.split()) >= 15
    cut, moving = paragraphs(text.rsplit("\n\n", 1)[0]), frozenset({int(full.hashes[-1])})
    assert edit_evidence(full, cut, travelling=moving) < 0
    held = __import__("collections").Counter(full.hashes.tolist() * 2)
    assert edit_evidence(full, cut, support=held, travelling=moving) > 0


def test_texts_sharing_no_paragraph_give_no_paragraph_evidence() -> None:
    empty = Paragraphs(np.zeros(0, np.uint32), np.zeros(0, np.uint16), np.zeros(0, np.uint8))
    original, spun = seeds()
    assert edit_evidence(paragraphs(original.text), paragraphs(spun.text)) == 0
    assert edit_evidence(empty, paragraphs(original.text)) == 0


def test_same_url_recaptured_is_a_recapture_never_spun() -> None:
    original, spun = seeds()
    url = "https://www.example.com/news/story-1?utm_source=feed"
    records = [
        _record("first", original.text, D(2025, 1, 17), url),
        _record("again", edited(original.text), D(2025, 1, 17), "http://example.com/news/story-1/"),
        _record("same", original.text, D(2025, 1, 17), "https://example.com/news/story-1#top"),
        _record("spun", spun.text, D(2025, 1, 20), "https://example.org/other"),
        _record("elsewhere", original.text + "\n\nMore.", D(2025, 1, 18), "https://example.net/copy"),
    ]
    assert _marks(records) == {
        "again": ("first", "recapture"),
        "same": ("first", "recapture"),
        "spun": ("first", "spun"),
        "elsewhere": ("first", "near"),
    }


def test_a_recaptured_url_with_a_different_page_is_not_a_copy() -> None:
    original, _ = seeds()
    _, _, brief = chain_trap()
    records = [_record("a", original.text, url="https://example.com/live"), _record("b", brief, url="example.com/live")]
    assert _marks(records) == {}


def test_normalise_url_keeps_what_names_the_page() -> None:
    same = {
        "https://www.Example.com/a/b/?utm_source=x&id=3&fbclid=1#c",
        "http://example.com:80/a/b?id=3",
        "https://example.com:443/a/b?id=3",
    }
    assert {normalise_url(u) for u in same} == {"example.com/a/b?id=3"}
    assert normalise_url("https://example.com/a/b?id=4") != "example.com/a/b?id=3"
    assert normalise_url("https://example.com:8080/") == "example.com:8080/"
    assert normalise_url(None) is None and normalise_url("not a url") is None and normalise_url("mem://") is None


def test_a_paragraph_edited_inside_is_neither_added_nor_dropped() -> None:
    original, _ = seeds()
    text = original.text
    paragraphs_ = text.split("\n\n")
    # a word changed inside the fourth paragraph, and the sixth and seventh joined into one
    changed = paragraphs_[3].replace(" the ", " a ", 1)
    joined = paragraphs_[5] + " " + paragraphs_[6]
    edited_text = "\n\n".join([*paragraphs_[:3], changed, paragraphs_[4], joined, *paragraphs_[7:]])
    a, b = paragraphs(text), paragraphs(edited_text)
    only_a, only_b = only_paragraphs(a, b)
    assert not only_a.any() and not only_b.any()
    assert edit_reading(a, b) == Reading()
    # a paragraph dropped outright still tells, and a furniture line added with it reads plainly
    assert edit_reading(a, paragraphs(edited(edited_text))).plain == 1
    assert edit_reading(paragraphs(edited(edited_text)), a).plain == -1


def test_commonness_reads_only_spun_pairs_not_near_ones() -> None:
    # texts sharing no paragraph: a spinner's rarer words tell when the word shingles differ, not when they agree
    one = Paragraphs(np.array([1, 2], np.uint32), np.array([20, 20], np.uint16), np.array([80, 80], np.uint8))
    two = Paragraphs(np.array([3, 4], np.uint32), np.array([20, 20], np.uint16), np.array([80, 80], np.uint8))
    assert compare_text(one, 4.9, two, 4.6, 0.05) == 1
    assert compare_text(one, 4.9, two, 4.6, 0.05, words_agree=True) == 0
    # the family's other texts then decide
    closer_to_two = Witnesses(held=-3, closer=-0.1)
    assert compare_text(one, 4.9, two, 4.6, 0.05, witnesses=closer_to_two, words_agree=True) == -1


def test_a_first_or_last_line_other_stories_hold_is_a_sites_furniture() -> None:
    from newsclean.transforms.corpus.copies.features import node_id
    from newsclean.transforms.corpus.copies.reference import travelling

    original, _ = seeds()
    text = original.text
    # a footer made of the story's own words: its cohesion reads it as the story's line, so alone it tells nothing
    footer = "Russia and Iran: what to know about the relationship."
    copy = paragraphs(f"{text}\n\n{footer}")
    assert edit_reading(paragraphs(text), copy) == Reading()
    # held at the end of unrelated reports too, it is a site's furniture, added by the copy that has it
    texts = {
        "copy": f"{text}\n\n{footer}",
        "a": f"{summit('a')}\n\n{footer}",
        "b": f"Intro.\n\n{footer}\n\n{summit('b')}",
    }
    profiles = {node_id(content_hash(t)): _profile(t) for t in texts.values()}
    moving = travelling(profiles, {})
    footer_hash = int(copy.hashes[-1])
    assert footer_hash in moving[node_id(content_hash(texts["copy"]))]
    reading = edit_reading(paragraphs(text), copy, travelling=frozenset(moving[node_id(content_hash(texts["copy"]))]))
    assert reading.plain == 1
    # a short line inside a text is not looked up: "b" holds the footer in its middle only
    assert footer_hash not in moving[node_id(content_hash(texts["b"]))]
    # it tells before a paragraph only the copy holds that reads as the story's own (which alone says the
    # other text dropped it): a site's furniture is not in an original
    parts = text.split("\n\n")
    own = " ".join(parts[2:4])
    fuller = paragraphs("\n\n".join([*parts[:4], own, *parts[4:], footer]))
    assert edit_reading(paragraphs(text), fuller).net < 0
    assert edit_reading(paragraphs(text), fuller, travelling=frozenset({footer_hash})).plain == 1
    assert edit_reading(fuller, paragraphs(text), travelling=frozenset({footer_hash})).plain == -1


def test_a_near_copy_with_a_word_changed_in_every_paragraph_still_reads_by_its_paragraphs() -> None:
    original, _ = seeds()

    def change(paragraph: str) -> str:
        words = paragraph.split(" ")
        if len(words) > 10:
            words[len(words) // 2] = "new"
        return " ".join(words)

    text = original.text
    copy = "\n\n".join([*map(change, text.split("\n\n")), "Sign up for our newsletter to get more stories."])
    a, b = paragraphs(text), paragraphs(copy)
    # no paragraph is the same, so read by exact paragraphs the texts share nothing and nothing tells
    assert edit_reading(a, b) == Reading()
    # a paragraph edited inside is shared: the added furniture line tells (for texts whose word shingles agree)
    assert edit_reading(a, b, edited=True).plain == 1
    assert compare_text(a, 4.8, b, 4.8, 0.05, words_agree=True) == 1
    assert compare_text(b, 4.8, a, 4.8, 0.05, words_agree=True) == -1


def test_when_verdicts_go_round_in_a_circle_the_surest_one_holds() -> None:
    from newsclean.transforms.corpus.copies.canonical import Dating, _rank, sure_verdict

    original, spun = seeds()
    config = CopiesConfig()
    text, copy = _profile(original.text), _profile(edited(original.text))
    # a plain paragraph reading (a line of furniture added, a paragraph dropped) and the dates are sure;
    # commonness and the witnesses are not
    assert sure_verdict(text, Dating(), copy, Dating(), config, frozenset()) == 1
    assert sure_verdict(copy, Dating(), text, Dating(), config, frozenset()) == -1
    assert sure_verdict(text, Dating(), _profile(spun.text), Dating(), config, frozenset()) == 0
    assert sure_verdict(copy, Dating(D(2025, 1, 1)), text, Dating(D(2025, 1, 2)), config, frozenset()) == 1
    # three texts, each the original of one other: the one a sure verdict puts first leads
    verdicts = {(1, 2): 1, (2, 1): -1, (2, 3): 1, (3, 2): -1, (3, 1): 1, (1, 3): -1}
    sure = {pair: 0 for pair in verdicts} | {(3, 1): 1, (1, 3): -1}
    dates = {n: Dating() for n in (1, 2, 3)}
    closeness = {pair: 0.5 for pair in verdicts}
    assert min((1, 2, 3), key=lambda n: _rank(n, {1, 2, 3} - {n}, verdicts, dates, closeness, sure)) == 3
    none_sure = dict.fromkeys(verdicts, 0)
    assert min((1, 2, 3), key=lambda n: _rank(n, {1, 2, 3} - {n}, verdicts, dates, closeness, none_sure)) == 1


def test_the_text_more_publishers_reprinted_word_for_word_leads_when_the_texts_tell_nothing(monkeypatch) -> None:
    _without_the_word_pair_table(monkeypatch)  # fluency is silent
    original, _ = seeds()
    text = original.text
    words = text.split(" ")
    for at in (60, 160, 260):  # a word changed inside three long paragraphs: nothing added or dropped
        words[at] = "new"
    copy = " ".join(words)
    assert compare_text(paragraphs(text), 4.8, paragraphs(copy), 4.8, 0.05, words_agree=True) == 0
    for lead, other in ((text, copy), (copy, text)):
        # a second site printed ``lead`` word for word: a witness identical to it, closer to it than to ``other``
        records = [
            _record("a", lead, url="https://one.example/story"),
            _record("b", other, url="https://two.example/story"),
            _record("c", lead.upper(), url="https://three.example/reprint"),
        ]
        assert _marks(records) == {"b": ("a", "near"), "c": ("a", "exact")}
        # the same site printing it at another address is one publisher: the node decides, as with two records
        again = [*records[:2], _record("c", lead.upper(), url="https://one.example/amp/story")]
        alone = _marks(records[:2])
        assert {k: v for k, v in _marks(again).items() if k != "c"} == alone


def test_publishers_count_sites_and_records_without_an_address() -> None:
    from newsclean.transforms.corpus.copies.canonical import Member, publishers

    records = [
        Member("a", 1, url=normalise_url("https://www.one.example/x")),
        Member("b", 1, url=normalise_url("http://one.example/y?utm_source=feed")),
        Member("c", 1, url=normalise_url("https://two.example/x")),
        Member("d", 1),
        Member("e", 1),
    ]
    assert publishers(records) == 4
    assert publishers(records[:2]) == 1


def test_witnesses_agreeing_by_both_measures_overrule_a_reading_by_cohesion_not_a_sites_furniture() -> None:
    original, _ = seeds()
    cut = original.text  # the copy: the original without its closing line
    text = cut + "\n\nVisit lunacal.ai today."  # the original's own closing line, unlike the rest of the story
    a, b = paragraphs(text), paragraphs(cut)
    # read from the two texts alone, the short line only the original has looks like furniture it added
    assert edit_reading(a, b).plain == -1 and not edit_reading(a, b).site
    for_original = Witnesses(held=12, closer=0.05)  # the family's other copies hold the line: closer to ``a``
    assert compare_text(a, 4.8, b, 4.8, 0.05, witnesses=for_original) == 1
    assert compare_text(b, 4.8, a, 4.8, 0.05, witnesses=Witnesses(held=-12, closer=-0.05)) == -1
    # the witnesses' measures disagree (the counts favour ``a``, the Jaccard ``b``): the reading holds
    assert compare_text(a, 4.8, b, 4.8, 0.05, witnesses=Witnesses(held=12, closer=-0.05)) == -1
    # the same line held by another story's page too is a site's furniture: the reading holds against them
    site = frozenset({int(a.hashes[-1])})
    assert edit_reading(a, b, travelling=site).site
    assert compare_text(a, 4.8, b, 4.8, 0.05, travelling=site, witnesses=for_original) == -1


def test_a_paragraphs_broken_word_pairs_are_known_words_in_no_common_pair_within_a_line() -> None:
    # "must provide", "the user" are common English pairs; "the provide", "user new" are not
    assert paragraphs("They must provide the user interface.\nThey the provide the user new.").breaks.tolist() == [0, 2]
    # a pair across two lines is no pair, and a word the table does not know (a name) says nothing
    assert paragraphs("they have\nTehran they have").breaks.tolist() == [0, 0]
    assert paragraphs("they have\nquantum they have").breaks.tolist() == [0, 1]


def _words_edited(text: str, at: tuple[int, ...], word: str) -> str:
    words = text.split(" ")
    for i in at:
        words[i] = word
    return " ".join(words)


def test_a_copy_whose_only_edits_replaced_words_is_the_one_breaking_more_word_pairs() -> None:
    original, _ = seeds()
    text = original.text
    # three words of long paragraphs replaced: nothing added or dropped, no witness, no date
    copy = _words_edited(text, (40, 140, 240), "the")
    a, b = paragraphs(text), paragraphs(copy)
    assert edit_reading(a, b, edited=True) == Reading()
    assert int(b.breaks.sum()) > int(a.breaks.sum())
    assert compare_text(a, 4.8, b, 4.8, 0.05, words_agree=True) == 1
    assert compare_text(b, 4.8, a, 4.8, 0.05, words_agree=True) == -1
    # the records lead by the texts, not by which text's node is smaller
    for first, second in (("a", "b"), ("b", "a")):
        records = [_record(first, text), _record(second, copy)]
        assert _marks(records) == {second: (first, "near")}


def test_fluency_is_silent_without_the_word_pair_table_and_never_overrules_other_evidence(monkeypatch) -> None:

    original, _ = seeds()
    text = original.text
    copy = _words_edited(text, (40, 140, 240), "seldom")  # five more broken pairs
    # a text that added a boilerplate line reads as the copy by that line, whatever the other's words break
    assert fluency(paragraphs(text), paragraphs(copy), FLUENCY_SURE) == 1
    assert compare_text(paragraphs(copy), 4.8, paragraphs(text + "\n\nSign up for our newsletter."), 4.8, 0.05) == 1
    _without_the_word_pair_table(monkeypatch)
    a, b = paragraphs(text), paragraphs(copy)
    assert not a.breaks.any() and not b.breaks.any()
    assert compare_text(a, 4.8, b, 4.8, 0.05, words_agree=True) == 0


def test_many_broken_word_pairs_outweigh_the_net_paragraph_evidence_a_few_do_not() -> None:
    original, _ = seeds()
    text = original.text
    # the copy also added a paragraph of the story's own words: read as one its original dropped
    added = (
        "Russia and Iran agreed in Tehran that Moscow would keep the ties with Iran it built after the war in Syria."
    )
    for at, verdict in (((140,), -1), ((40, 140, 240), 1)):
        parts = _words_edited(text, at, "seldom").split("\n\n")
        parts.insert(10, added)
        a, b = paragraphs(text), paragraphs("\n\n".join(parts))
        assert edit_reading(a, b, edited=True).net < 0
        # one broken pair is too few to overrule the net evidence (read the wrong way); five are enough
        assert (fluency(a, b, FLUENCY_SURE) != 0) == (verdict == 1)
        assert compare_text(a, 4.8, b, 4.8, 0.05, words_agree=True) == verdict
        assert compare_text(b, 4.8, a, 4.8, 0.05, words_agree=True) == -verdict


def test_a_run_no_other_copy_holds_beside_a_paragraph_one_does_was_added() -> None:
    from collections import Counter

    from newsclean.transforms.corpus.copies.origin import unwitnessed

    original, _ = seeds()
    text = original.text
    parts = text.split("\n\n")
    added = "Russia and Iran agreed in Tehran that Moscow would keep the ties with Iran it built after the war."
    copy = "\n\n".join([*parts[:10], added, *parts[10:]])
    o, c = paragraphs(text), paragraphs(copy)
    only_o, only_c = only_paragraphs(o, c)
    assert not only_o.any() and only_c.sum() == 1
    # another copy of the story that dropped its first paragraph holds what is beside the run, not the run
    witness = frozenset(paragraphs("\n\n".join(parts[1:])).hashes.tolist())
    support = Counter(h for p in (o, c) for h in set(p.hashes.tolist())) + Counter(witness)
    assert unwitnessed(c, only_c, support, (witness,)).tolist() == [True]
    # read as the story's own, dropped by the original, without the other copy; as added with it
    assert edit_reading(o, c, support).net < 0
    assert compare_text(o, 4.8, c, 4.8, 0.05, support=support) == -1
    assert edit_reading(o, c, support, others=(witness,)).net > 0
    assert compare_text(o, 4.8, c, 4.8, 0.05, support=support, others=(witness,)) == 1
    # a copy cut before the run holds nothing beside it, and a copy holding the run makes it the story's
    cut = frozenset(paragraphs("\n\n".join(parts[:5])).hashes.tolist())
    assert unwitnessed(c, only_c, support, (cut,)).tolist() == [False]
    holder = frozenset(c.hashes.tolist())
    assert unwitnessed(c, only_c, support + Counter(holder), (holder,)).tolist() == [False]


def test_a_dropped_stretch_of_the_story_is_read_whole_its_short_lines_with_it() -> None:
    original, _ = seeds()
    parts = original.text.split("\n\n")
    lines = ["Watch the briefing.", "Pictured: delegates."]  # short, sharing no word with the story
    full = paragraphs("\n\n".join([*parts[:10], *lines, *parts[10:]]))
    # a copy that dropped paragraph 9 and the two lines after it: one stretch of the original, cut whole
    cut = paragraphs("\n\n".join([*parts[:9], *parts[10:]]))
    assert edit_reading(full, cut).net >= 39
    assert compare_text(full, 4.8, cut, 4.8, 0.05) == 1
    # the same two lines alone, with no paragraph of the story beside them, are furniture the text added
    kept = paragraphs("\n\n".join(parts))
    assert edit_reading(full, kept).net < 0
    assert compare_text(full, 4.8, kept, 4.8, 0.05) == -1


def test_cohesion_reads_no_paragraph_as_foreign_in_a_text_whose_paragraphs_share_few_words() -> None:
    def text(cohesion: list[int]) -> Paragraphs:
        ids = np.arange(1, len(cohesion) + 1, dtype=np.uint32)  # every paragraph, and its edges, its own
        return Paragraphs(ids, np.full(len(ids), 30, np.uint16), np.array(cohesion, np.uint8), ids + 100, ids + 200)

    def without_the_third(p: Paragraphs) -> Paragraphs:
        keep = np.arange(len(p.hashes)) != 2
        return Paragraphs(p.hashes[keep], p.words[keep], p.cohesion[keep], p.starts[keep], p.ends[keep])

    # a story whose paragraphs share their words: one that shares none was added by the text holding it
    story = text([40, 45, 0, 42, 38, 44])
    assert edit_reading(story, without_the_third(story)).net < 0
    # a digest of unrelated items: cohesion tells nothing, so the text with every paragraph is the original
    digest = text([10, 12, 0, 11, 9, 12])
    assert edit_reading(digest, without_the_third(digest)).net > 0


def test_witnesses_favouring_a_text_by_one_shared_shingle_do_not_lean() -> None:
    # one immutable shingle can span the break before two different added lines: noise, not a lean
    assert Witnesses(held=1, closer=0.3).lean() == 0
    assert Witnesses(held=-1, closer=0.3).lean() == 0
    assert Witnesses(held=2, closer=0.3).lean() == 1
    assert Witnesses(held=-1, closer=0.3).lean(jaccard=True) == 1
    # confirmed by the Jaccard, one shingle is enough to overrule a plain reading
    assert Witnesses(held=1, closer=0.3).agreed() == 1
    assert Witnesses(held=1, closer=-0.3).agreed() == 0
