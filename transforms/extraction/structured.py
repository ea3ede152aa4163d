"""Structured page metadata: JSON-LD, meta tags, itemprop/rel links and script-embedded authors."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator

import regex

from newsclean.transforms.extraction.patterns import (
    ARTICLE_TYPES,
    AUTHOR_META,
    DATE_META,
    FAMILY_GIVEN,
    INVERTED_META,
    MODIFIED_META,
    PAGE_TYPES,
    SCRIPT_AUTHOR,
)
from newsclean.transforms.extraction.tree import PageMeta, PageScan, element_text
from newsclean.transforms.vocabulary import FieldSource


def _names_from_ld(value) -> list[str]:
    """Author names from a JSON-LD ``author`` value: a string, a Person, or a list of them."""
    if isinstance(value, str):
        return [html.unescape(value)]  # CMSs often escape JSON-LD strings as HTML: "Maria &amp; Katerina"
    if isinstance(value, dict):
        kind = str(value.get("@type", "Person"))
        if "Organization" in kind or "Organisation" in kind:
            return []
        name = value.get("name")
        if isinstance(name, str):
            return [html.unescape(name)]
        if isinstance(name, list):
            return [n for n in name if isinstance(n, str)]
        given, family = value.get("givenName"), value.get("familyName")
        return [f"{given} {family}"] if isinstance(given, str) and isinstance(family, str) else []
    if isinstance(value, list):
        return [n for item in value for n in _names_from_ld(item)]
    return []


def _ld_objects(data) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in data:
                yield from _ld_objects(data[key])


_LDJSON = str.maketrans("LDJSON", "ldjson")  # the XPath translate() it replaces: these capitals only


def json_ld(scan: PageScan, meta: PageMeta) -> None:
    found_article = False
    page_objects: list[dict] = []
    for script in (s for s in scan.scripts if "ld+json" in (s.get("type") or "").translate(_LDJSON)):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:
                data = json.loads(regex.sub(r"[\x00-\x1f]", " ", raw))
            except ValueError:
                continue
        for obj in _ld_objects(data):
            kind = obj.get("@type", "")
            kind = " ".join(kind) if isinstance(kind, list) else str(kind)
            if ARTICLE_TYPES.search(kind):
                found_article = True
                _take_ld(obj, "json-ld", meta)
            elif PAGE_TYPES.search(kind):
                page_objects.append(obj)
            if not meta.site_name and "Organization" in kind and isinstance(obj.get("name"), str):
                pass
    if not found_article:
        for obj in page_objects:
            _take_ld(obj, "json-ld-page", meta)


def _take_ld(obj: dict, source: str, meta: PageMeta) -> None:
    names = _names_from_ld(obj.get("author")) or _names_from_ld(obj.get("creator"))
    if names:
        meta.authors.append((source, names))
    for key in ("datePublished", "dateCreated", "uploadDate"):
        if isinstance(obj.get(key), str):
            meta.dates.append((source, obj[key]))
            break
    if isinstance(obj.get("dateModified"), str):
        meta.modified.append((source, obj["dateModified"]))
    headline = obj.get("headline") or obj.get("name")
    if isinstance(headline, str) and not meta.title:
        meta.title = headline.strip()
    publisher = obj.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and not meta.site_name:
        meta.site_name = publisher["name"].strip()


def _uninverted(content: str) -> str:
    """``Roy, Aniruddha; Patel, Jyoti`` -> ``Aniruddha Roy; Jyoti Patel``, when the part before each comma is
    one word (or has a particle: ``van der Merwe``) or the part after starts with a given name;
    ``Jane Doe, Reuters`` is left as it is."""
    from newsclean.transforms.fields.agency import canonical_agency
    from newsclean.transforms.fields.firstnames import is_known_given_name

    def family_first(match) -> bool:
        family = match[1].split()
        if canonical_agency(match[2]):
            return False
        return len(family) == 1 or any(w.islower() for w in family) or is_known_given_name(match[2].split()[0])

    parts = [p for p in content.split(";") if p.strip()]
    matches = [FAMILY_GIVEN.match(p) for p in parts]
    if not parts or not all(m and family_first(m) for m in matches):
        return content
    return "; ".join(f"{m[2]} {m[1]}" for m in matches)


def meta_tags(tree, meta: PageMeta) -> None:
    authors: list[str] = []
    for element in tree.iter("meta"):
        key = (element.get("name") or element.get("property") or element.get("itemprop") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if not key or not content:
            continue
        if key in AUTHOR_META:
            if key == "twitter:data1" and not any(
                (m.get("name") or "").lower() == "twitter:label1" and "written" in (m.get("content") or "").lower()
                for m in tree.iter("meta")
            ):
                continue
            if not content.startswith(("http://", "https://", "/")):
                authors.append(_uninverted(content) if key in INVERTED_META else content)
        elif key in DATE_META:
            meta.dates.append((FieldSource.HTML_META, content))
        elif key in {k.lower() for k in MODIFIED_META}:
            meta.modified.append((FieldSource.HTML_META, content))
        elif key in ("og:site_name", "application-name") and not meta.site_name:
            meta.site_name = content
        elif key in ("og:title", "twitter:title") and not meta.title:
            meta.title = content
    if authors:
        meta.authors.append((FieldSource.HTML_META, list(dict.fromkeys(authors))))


def _in_comment_label(element) -> bool:
    """Whether an ancestor's ``class`` or ``id`` holds ``comment`` (as written: the XPath it replaces)."""
    return any("comment" in (a.get("class") or "") or "comment" in (a.get("id") or "") for a in element.iterancestors())


def itemprop_and_rel(scan: PageScan, meta: PageMeta) -> None:
    names = []
    for element in (e for e in scan.item_authors if not _in_comment_label(e)):
        inner = element.xpath('.//*[@itemprop="name"]')
        if inner:
            names.append(inner[0].get("content") or element_text(inner[0]))
        elif element.tag != "meta":
            names.append(element_text(element))
        elif element.get("content"):
            names.append(element.get("content"))
    names = [n for n in names if n and len(n) < 120]
    if names:
        meta.authors.append((FieldSource.ITEMPROP, list(dict.fromkeys(names))))
    rel = [element_text(a) for a in scan.rel_authors]
    rel = [n for n in rel if n and len(n) < 80]
    if rel:
        meta.authors.append((FieldSource.REL_AUTHOR, list(dict.fromkeys(rel))))


def script_authors(scan: PageScan, meta: PageMeta) -> None:
    """Author fields in analytics objects (``dataLayer``, page config), the last resort."""
    names: list[str] = []
    for script in (s for s in scan.scripts if s.get("src") is None):
        text = script.text or ""
        if "uthor" not in text and "yline" not in text and "riter" not in text:
            continue
        for match in SCRIPT_AUTHOR.finditer(text[:200000], timeout=1.0):
            names.extend(n for n in match.groups() if n)
        if names:
            break
    if names:
        meta.authors.append((FieldSource.SCRIPT, list(dict.fromkeys(names))[:5]))
