"""Line and paragraph cleaning of plain text with named rules.

``clean_text`` is the whole step: it splits the text into paragraphs, strips what
the rules in :mod:`newsclean.transforms.cleaning.rules` match, and returns the clean paragraphs,
every removed piece with its rule, and the metadata those pieces carried
(header dates, dateline, contributors, agencies, title).
"""

from __future__ import annotations

import datetime as dt

from newsclean.schemas.records import Removed
from newsclean.transforms.cleaning import rules as R
from newsclean.transforms.cleaning.classify import RULE_BOILERPLATE_LINE, LineModel, default_model, score_lines
from newsclean.transforms.cleaning.date_patterns import ENGLISH_LABEL, MONTH_FIRST_HINT, STAMP_LABEL
from newsclean.transforms.cleaning.language import detect_language, language_sample, stopwords
from newsclean.transforms.cleaning.sections import cut_tail_sections, drop_closing_calls_to_action
from newsclean.transforms.cleaning.wire_tags import CLOSING_AGENCY_TAG
from newsclean.transforms.facts import PARAGRAPH, Block, CleanedText, ParsedDate
from newsclean.transforms.fields.agency import find_agency
from newsclean.transforms.fields.contributors import parse_contributor_tail
from newsclean.transforms.fields.dateline import split_dateline
from newsclean.transforms.fields.dates import find_all_dates, find_date
from newsclean.transforms.fields.names import split_names
from newsclean.transforms.runtime.limits import regex_timeout
from newsclean.transforms.text import normalise_line, normalise_text, split_paragraphs, word_count
from newsclean.transforms.vocabulary import FieldSource, RuleName

HEAD_PARAGRAPHS = 6  # header rules look this far into a document
TAIL_PARAGRAPHS = 6  # tail rules look at this many last remaining paragraphs

REPEAT_RUN_MIN = 3  # a short line this many times in a row is furniture, not prose
REPEAT_SHORT_WORDS = 10
REPEAT_PARAGRAPH_WORDS = 20  # paragraphs this long are kept once
TITLE_MAX_WORDS = 20
_TITLE_BAD_ENDINGS = tuple('.:;,"”…')
_SENTENCE_ENDS = tuple('.!?"”’»)')


def _apply_prefix_rules(
    paragraph: str, out: CleanedText, not_after: dt.date | None, rules: R.RuleSet, language: Language
) -> str:
    for rule in rules.prefix_rules:
        match = rule.pattern.match(paragraph, **regex_timeout(paragraph))
        if not match:
            continue
        out.removed.append(Removed(rule.name, match.group().strip()))
        parsed = publication_date(match.group(), not_after, language) if "date" in rule.pattern.groupindex else None
        if parsed:  # an update stamp is noise, never the publication day
            out.dates.append((FieldSource.HEADER, parsed))
        paragraph = paragraph[match.end() :].strip()
    return paragraph


def _remove_line_rules(
    paragraphs: list[str],
    out: CleanedText,
    not_after: dt.date | None,
    rules: R.RuleSet = R.DEFAULT_RULES,
    known: str | None = None,
) -> list[str]:
    """Whole-line rules everywhere, prefix and head rules until ``HEAD_PARAGRAPHS`` lines are kept.

    The head is counted in kept lines, not input lines, so cleaning the output
    again finds the same head and removes nothing more.
    """
    kept: list[str] = []
    language = Language(paragraphs, known)
    for paragraph in paragraphs:
        in_head = len(kept) < HEAD_PARAGRAPHS
        if in_head:
            paragraph = _apply_prefix_rules(paragraph, out, not_after, rules, language)
            if not paragraph:
                continue
        rule = rules.first_line_rule(paragraph, in_head)
        if rule is not None and rule.name == RuleName.BYLINE and kept and parse_contributor_tail(paragraph):
            rule = None  # past the opening line of a short text, "Reporting by …" is its tail, parsed later
        if rule is None:
            kept.append(paragraph)
            continue
        out.removed.append(Removed(rule.name, paragraph))
        if rule.name in (RuleName.HEADER_STAMP, RuleName.DATE_LINE) and in_head:
            parsed = publication_date(paragraph, not_after, language)
            if parsed:
                out.dates.append((FieldSource.HEADER, parsed))
        elif rule.name == RuleName.BYLINE:
            out.bylines.append(paragraph)
            out.add_agency(FieldSource.BYLINE, split_names(paragraph)[1])
        elif rule.name in (RuleName.CREDIT, RuleName.PHOTO_CAPTION, RuleName.COPYRIGHT):
            out.add_agency(FieldSource.CREDIT, find_agency(paragraph))
    return kept


class Language:
    """A text's language, identified only if a stamp asks (an ambiguous slash date needs it)."""

    def __init__(self, paragraphs: list[str], known: str | None = None) -> None:
        self._paragraphs = paragraphs
        self._code: str | None = known
        self._known = known is not None

    def __call__(self) -> str | None:
        if not self._known:
            self._code, self._known = detect_language("\n".join(self._paragraphs[:40])), True
        return self._code


def publication_date(stamp: str, not_after: dt.date | None, language: Language | None = None) -> ParsedDate | None:
    """The publication day a header stamp prints: the first date not labelled as an update
    (``Updated Jan. 18, 2025 | Published Jan. 17, 2025`` -> Jan. 17; ``Updated 3:45 PM, Jan. 18`` -> none).

    A slash date that could be either order (``05/08/2016``) is read month first beside a 12-hour
    clock, a North American zone or an English label, day first beside another language's label or
    in a text of another ``language``."""
    labels = [(m.start(), bool(m["updated"]), m.group()) for m in STAMP_LABEL.finditer(stamp, timeout=1.0)]
    if any(not ENGLISH_LABEL.match(text) for _start, _updated, text in labels):
        day_first: bool | None = True
    elif labels or MONTH_FIRST_HINT.search(stamp, timeout=1.0):
        day_first = False
    else:
        day_first = None if language is None else language() not in (None, "en")
    for parsed in find_all_dates(stamp, not_after=not_after, day_first=day_first):
        before = [updated for start, updated, _text in labels if start < parsed.start]
        if not (before and before[-1]):
            return parsed
    return None


def _remove_tail(paragraphs: list[str], out: CleanedText, rules: R.RuleSet = R.DEFAULT_RULES) -> list[str]:
    """Contributor tails and lone agency tags, from the end until ``TAIL_PARAGRAPHS`` lines are kept."""
    tail_rules = rules.tail_rules
    kept_reversed: list[str] = []
    removed_reversed: list[Removed] = []
    index = len(paragraphs)
    tagged = False
    while index > 1 and len(kept_reversed) < TAIL_PARAGRAPHS:
        index -= 1
        paragraph = paragraphs[index]
        if not tagged and (tag := CLOSING_AGENCY_TAG.search(paragraph, **regex_timeout(paragraph))) and tag.start() > 0:
            tagged = True  # the story's last paragraph, closed by its wire: the tag goes, the paragraph stays
            removed_reversed.append(Removed(RuleName.AGENCY_TAG, paragraph[tag.start() :].strip()))
            out.add_agency(FieldSource.TAIL, find_agency(tag["agency"]))
            kept_reversed.append(paragraph[: tag.start()].rstrip())
            continue
        parsed = parse_contributor_tail(paragraph)
        if parsed is not None:
            people, agency = parsed
            removed_reversed.append(Removed(R.RULE_CONTRIBUTOR_TAIL, paragraph))
            out.contributors[:0] = [p for p in people if p not in out.contributors]
            out.add_agency(FieldSource.TAIL, agency)
            continue
        n_words = word_count(paragraph)
        rule = next((r for r in tail_rules if r.matches(paragraph, n_words)), None)
        if rule is not None:
            removed_reversed.append(Removed(rule.name, paragraph))
            out.add_agency(FieldSource.TAIL, find_agency(paragraph))
            continue
        kept_reversed.append(paragraph)
    out.removed.extend(reversed(removed_reversed))
    return paragraphs[:index] + kept_reversed[::-1]


def _remove_repeats(paragraphs: list[str], out: CleanedText) -> list[str]:
    """Lines an article would not repeat.

    A run of the same line back to back is furniture: a run of three or more
    short lines goes entirely, a shorter run keeps its first line. Lines that
    recur apart from each other are kept (labels such as ``Pros:`` legitimately
    recur in real articles), except long paragraphs, which are kept once.
    """
    keys = [normalise_line(p) for p in paragraphs]
    seen: set[str] = set()
    kept: list[str] = []
    i = 0
    while i < len(paragraphs):
        j = i
        while j + 1 < len(paragraphs) and keys[j + 1] == keys[i]:
            j += 1
        run = paragraphs[i : j + 1]
        keep_first = not (keys[i] and len(run) >= REPEAT_RUN_MIN and word_count(run[0]) <= REPEAT_SHORT_WORDS)
        for k, paragraph in enumerate(run):
            key = keys[i]
            if not key or (k == 0 and keep_first):
                if key and key in seen and word_count(paragraph) >= REPEAT_PARAGRAPH_WORDS:
                    out.removed.append(Removed(R.RULE_REPEATED_PARAGRAPH, paragraph))
                    continue
                seen.add(key)
                kept.append(paragraph)
            else:
                out.removed.append(Removed(R.RULE_REPEATED_LINE, paragraph))
        i = j + 1
    return kept


def _split_dateline(paragraphs: list[str], out: CleanedText) -> bool:
    """Split a dateline off the first body paragraph (after a title-like line, if any).

    Returns whether the paragraphs changed. A chain such as ``MOSCOW — LONDON —``
    is removed whole, the first place kept, so cleaning the output again finds none.
    """
    for i, paragraph in enumerate(paragraphs[:2]):
        found = split_dateline(paragraph)
        if found is not None:
            out.dateline = found
            out.add_agency(FieldSource.DATELINE, found.agency)
            rest = found
            while rest is not None:
                out.removed.append(Removed(R.RULE_DATELINE, rest.printed))
                paragraphs[i] = rest.rest
                rest = split_dateline(rest.rest)
            return True
        if not _looks_like_title(paragraph):
            return False  # the body has started without a dateline
    return False


def _looks_like_title(paragraph: str) -> bool:
    """Short, unpunctuated, opening on a capital or a number ("6 Tips …", "“Quoted” …"), not shouting,
    and not a date line."""
    n_words = word_count(paragraph)
    lead = next((ch for ch in paragraph if ch.isalnum()), "")
    if not (2 <= n_words <= TITLE_MAX_WORDS and (lead.isupper() or lead.isdigit())):
        return False
    if paragraph.endswith(_TITLE_BAD_ENDINGS) or paragraph.isupper():
        return False
    printed = find_date(paragraph)
    return printed is None or (printed.end - printed.start) * 2 < len(paragraph)


def _take_title(paragraphs: list[str], out: CleanedText) -> list[str]:
    """A short, unpunctuated first line followed by prose is the headline: one of the next three
    paragraphs (past a standfirst or subheadings) is at least twice as long and ends as a sentence."""
    if len(paragraphs) < 2 or not _looks_like_title(paragraphs[0]):
        return paragraphs
    first = paragraphs[0]
    needed = 2 * word_count(first)
    if any(word_count(p) >= needed and p.rstrip().endswith(_SENTENCE_ENDS) for p in paragraphs[1:4]) or (
        word_count(paragraphs[1]) >= needed
    ):
        out.title = first
        out.removed.append(Removed(R.RULE_TITLE, first))
        return paragraphs[1:]
    return paragraphs


def clear_line_caches() -> None:
    """Forget every per-line verdict cleaning keeps for the lines it meets again (rules, features,
    sections, comparison keys): for benchmarks that must time lines as new, and to give memory back."""
    from newsclean.transforms import text as text_module
    from newsclean.transforms.cleaning import linefeatures, sections
    from newsclean.transforms.fields import contributors

    R._first_line_rule.cache_clear()
    contributors._parse_tail.cache_clear()
    linefeatures._OWN_CACHE.clear()
    sections._section_rule_of.cache_clear()
    text_module.normalise_line.cache_clear()


def rule_cleaned(text: str, *, today: dt.date | None = None) -> tuple[list[str], CleanedText]:
    """The paragraphs after one pass of the named line rules and repeats: what the line classifier
    first sees inside :func:`clean_text`, and what ``benchmarks/train_lines.py`` trains on."""
    not_after = today + dt.timedelta(days=1) if today else None
    out = CleanedText(paragraphs=[])
    paragraphs = split_paragraphs(normalise_text(text))
    paragraphs = _remove_line_rules(paragraphs, out, not_after)
    paragraphs = _remove_repeats(paragraphs, out)
    return paragraphs, out


def _remove_boilerplate_lines(
    paragraphs: list[str], out: CleanedText, model: LineModel, stop: frozenset[str] | None = None
) -> list[str]:
    """Lines the line classifier scores as boilerplate (menus, link lists, teasers, footers)."""
    if stop is None:
        stop = stopwords(detect_language(language_sample(paragraphs)))
    scores = score_lines(paragraphs, stop, model)
    # a contributor tail reads like boilerplate to the classifier; the tail step parses it instead
    scores = [s if s >= model.threshold or parse_contributor_tail(p) is None else model.threshold
              for p, s in zip(paragraphs, scores, strict=True)]  # fmt: skip
    kept = [p for p, s in zip(paragraphs, scores, strict=True) if s >= model.threshold]
    if not kept:
        return paragraphs  # nothing reads like body: leave the decision to the caller, not to a guess
    out.removed.extend(
        Removed(RULE_BOILERPLATE_LINE, p) for p, s in zip(paragraphs, scores, strict=True) if s < model.threshold
    )
    return kept


def _remove_sections(paragraphs: list[str], out: CleanedText) -> list[str]:
    """A related, contact or references section closing the text, and the calls to action after the story:
    the HTML path's block rules, for text that reached us without its markup."""
    blocks = [Block(PARAGRAPH, p) for p in paragraphs]
    for step in (cut_tail_sections, drop_closing_calls_to_action):
        blocks, dropped = step(blocks)
        out.removed.extend(dropped)
    return [b.text for b in blocks]


def clean_text(
    text: str,
    *,
    today: dt.date | None = None,
    repeats: bool = True,
    take_title: bool = True,
    classify: bool = True,
    sections: bool = True,
    line_model: LineModel | None = None,
    rules: R.RuleSet = R.DEFAULT_RULES,
    language: str | None = None,
) -> CleanedText:
    """Clean one plain-text document; ``today`` bounds the dates it will accept.

    ``language``, when the caller knows it (a page's declared language), is the text's: its
    stopwords, its ambiguous slash dates and the result's ``language``, with nothing identified.

    ``classify`` runs the line classifier after the named rules (``line_model``,
    or the shipped one), so boilerplate the rules do not name goes too; ``sections``
    cuts related, contact and reference sections and closing calls to action.
    The removal steps run until nothing changes, because one removal can expose
    another (a run of repeats closing up, a header line moving into the head), and
    the result must be a fixed point: cleaning clean text changes nothing.

    Text extracted from HTML turns ``repeats``, ``take_title`` and ``sections`` off (its
    blocks went through the section rules before they were joined): the
    extractor already dropped the page's menus, so a repeated short line there
    is content (a table's "Yes"), and the headline comes from the page's metadata.
    """
    not_after = today + dt.timedelta(days=1) if today else None
    out = CleanedText(paragraphs=[])
    paragraphs = split_paragraphs(normalise_text(text))
    model = line_model or (default_model() if classify else None)
    known = language
    stop: frozenset[str] | None = stopwords(known) if known and model is not None else None
    read_on = ""  # the sample whose language gave ``stop``
    relanguaged = 0
    while True:
        before = list(paragraphs)
        paragraphs = _remove_line_rules(paragraphs, out, not_after, rules, known)
        if repeats:
            paragraphs = _remove_repeats(paragraphs, out)
        if model is not None and paragraphs:
            if stop is None:  # once per document, from a bounded sample
                read_on = language_sample(paragraphs)
                language = detect_language(read_on)
                stop = stopwords(language)
            paragraphs = _remove_boilerplate_lines(paragraphs, out, model, stop)
        paragraphs = _remove_tail(paragraphs, out, rules)
        if sections:
            paragraphs = _remove_sections(paragraphs, out)
        if out.dateline is None:
            _split_dateline(paragraphs, out)
        paragraphs = [p for p in paragraphs if p]
        if paragraphs == before and known:
            break
        if paragraphs == before:
            # Cleaning the result again reads its language from the result's sample: when that is
            # another sample giving other stopwords (a short text whose removed dateline decided it),
            # run on with them, so the result stays a fixed point.
            settled_on = language_sample(paragraphs)
            if settled_on != read_on or stop is None:
                read_on, language = settled_on, detect_language(settled_on)
                if stop is not None and paragraphs and relanguaged < 2 and stopwords(language) != stop:
                    stop = stopwords(language)
                    relanguaged += 1
                    continue
            break
    out.paragraphs = _take_title(paragraphs, out) if take_title else paragraphs
    if known:
        out.language = known
        return out
    final_sample = language_sample(out.paragraphs)
    out.language = language if final_sample == read_on else detect_language(final_sample)
    return out
