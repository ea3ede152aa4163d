"""Metadata candidates from an HTML page: JSON-LD, meta tags, <time>, rel=author, bylines, URL.

Every candidate keeps its source, so the field choosers in :mod:`newsclean.transforms.fields.choose`
can rank them with a stated order and ``date_source`` can say which one won.
The parser never fetches anything: lxml's HTML parser resolves no external
entities and loads no linked resources.
"""

from __future__ import annotations

import lxml.etree
import lxml.html

from newsclean.transforms.cleaning.language_codes import iso639_1
from newsclean.transforms.extraction.bylines import (
    author_box,
    author_links,
    byline_elements,
    copyright_person,
    press_contact,
    signature,
    site_person,
    standfirst_credit,
    text_bylines,
)
from newsclean.transforms.extraction.page_dates import headline_text, time_elements, url_date, visible_dates
from newsclean.transforms.extraction.structured import itemprop_and_rel, json_ld, meta_tags, script_authors
from newsclean.transforms.extraction.tree import PageMeta, element_text, headline_wrappers, scan_page
from newsclean.transforms.vocabulary import FieldSource


def names_someone(meta: PageMeta, url: str | None) -> bool:
    """Whether a source read so far names a convincing person (as
    :func:`newsclean.transforms.fields.choose.choose_authors` judges it): then no last resort
    (author box, personal site, copyright owner) can be chosen, and they are not searched for
    (about 2 ms a page)."""
    from newsclean.transforms.fields.choose import clean_author_list, convincing_people
    from newsclean.transforms.fields.names import outlet_keys

    not_names = outlet_keys(meta.site_name, url)
    return any(convincing_people(clean_author_list(raws, not_names), not_names) for _source, raws in meta.authors)


def page_metadata(html: str | bytes | lxml.html.HtmlElement, url: str | None = None) -> PageMeta:
    """All metadata candidates of a page (markup, or a tree parsed already, which is only read).

    An unparsable page gives an empty :class:`PageMeta`.
    """
    meta = PageMeta()
    if isinstance(html, lxml.html.HtmlElement):
        tree = html
    else:
        try:
            tree = lxml.html.fromstring(html)
        except (ValueError, lxml.etree.ParserError):
            return meta
    meta.language = iso639_1(tree.get("lang") or tree.get("xml:lang"))
    scan = scan_page(tree)
    meta.canonical_url = scan.canonical.strip() if scan.canonical is not None else None
    json_ld(scan, meta)
    meta_tags(tree, meta)
    itemprop_and_rel(scan, meta)
    byline_elements(scan, meta)
    wrappers = headline_wrappers(scan)
    text_bylines(tree, scan, meta, wrappers)
    author_links(tree, scan, meta, wrappers)
    after, before, first_time = headline_text(tree)
    standfirst_credit(after, meta)
    script_authors(scan, meta)
    if not names_someone(meta, url):  # the last resorts, read only when they can count
        author_box(tree, scan, meta, wrappers)
        signature(tree, scan, meta, wrappers)
        press_contact(tree, meta, wrappers)
        site_person(tree, meta, url)
        copyright_person(tree, meta)
    visible = visible_dates(after, before)
    time_elements(scan, meta, first_time)
    meta.dates.extend(visible)
    found = url_date(url) or url_date(meta.canonical_url)
    if found:
        meta.dates.append((FieldSource.URL, found))
    if not meta.title:
        titles = tree.xpath("//title")
        meta.title = element_text(titles[0]) if titles else None
    return meta
