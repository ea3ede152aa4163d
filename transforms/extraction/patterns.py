"""Every pattern and name list the page-metadata readers use, in one place (as trafilatura's xpaths.py)."""

from __future__ import annotations

import regex

from newsclean.transforms.fields.names import AUTHOR_PAGE_BY, AUTHOR_PAGE_LABEL

ARTICLE_TYPES = regex.compile(
    r"(?:News)?Article|BlogPosting|Report|LiveBlogPosting|ScholarlyArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|Posting",
    regex.I,
)


PAGE_TYPES = regex.compile(
    r"WebPage|ItemPage|CollectionPage|AboutPage|FAQPage|MedicalWebPage|Recipe|Review|HowTo|VideoObject|Product", regex.I
)


AUTHOR_META = (
    "author", "article:author", "og:article:author", "parsely-author", "sailthru.author", "dc.creator",
    "dcterms.creator", "byl", "citation_author", "citation_authors", "cxenseparse:author", "article.author", "authors",
    "twitter:data1",
)  # fmt: skip


DATE_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "published_time",
    "article.published", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
    "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date",
    "displaydate", "originalpublicationdate", "article_date_original", "cxenseparse:recs:publishtime",
)  # fmt: skip


MODIFIED_META = ("article:modified_time", "og:updated_time", "dateModified", "last-modified", "dcterms.modified")


BYLINE_CLASS = regex.compile(
    r"(?:^|[\s_-])(?:byline|by-line|author(?:s|-?name|-?info|-?link|-?byline)?|article-?author|post-?author|"
    r"entry-?author|writer|contributor)(?:$|[\s_-])"
    # CSS-module names: "styles_dateAndAuthorContainer__JAvHP", "ArticleByline_wrapper"
    r"|(?-i:(?<=\p{Ll})(?:Author|Byline)(?:s|Name)?(?=\p{Lu}|[\s_-]|$))",
    regex.I,
)


BYLINE_WORDS = ("author", "byline", "by-line", "writer", "contributor")


# The cheap test before BYLINE_CLASS (one pattern call, not five tests a label).
BYLINE_WORD = regex.compile("|".join(regex.escape(word) for word in BYLINE_WORDS), regex.I)


NOT_BYLINE_CLASS = regex.compile(r"bio|avatar|image|img|photo|comment|about|description|social|follow", regex.I)


URL_DATE = regex.compile(
    r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|\.|$)|/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"
)


# Library-catalogue tags print "Family, Given" ("Roy, Aniruddha"); one tag per author, or "; " between them.
INVERTED_META = frozenset({"citation_author", "citation_authors", "dc.creator", "dcterms.creator"})


FAMILY_GIVEN = regex.compile(
    r"^\s*(\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2}),\s+(\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2})\s*$"
)


# The lead in any case, the name with a capital (case-sensitive) or one lower-case handle ("by ibby"):
# "By batching, we can ..." is prose.
TEXT_BYLINE = regex.compile(
    r"^(?i:by|written\s+by|story\s+by|words\s+by|article\s+by|posted\s+by|author|autor(?:in|en|innen)?|auteure?|autore|autora"
    r"|von|par|por|door|di|av|af"
    r"|this\s+(?:post|article|story|piece|blog\s+post|guide)\s+(?:was\s+)?(?:written|authored|contributed)\s+by)"
    r"(?:\s*:\s+|\s+)(?:\p{Lu}[^!?]{1,100}|\p{Ll}[\p{L}\p{N}._-]{1,30})$"
)


# A date before the byline in the same element (``03/01/2017 by …``, ``Dec 23 Written By …``,
# ``5 hours ago by …``): one to four words, each with a digit or a month, weekday or time word.
DATE_WORD = (
    r"(?:[\p{N}][\p{N}.,/:-]*(?:st|nd|rd|th|am|pm|h)?,?|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"\p{L}{0,6}\.?,?|(?i:mon|tue|wed|thu|fri|sat|sun)\p{L}{0,6}\.?,?|(?i:ago|at|on|am|pm|hours?|minutes?|mins?|days?|"
    r"weeks?|published|posted))"
)


DATED_BYLINE = regex.compile(
    rf"^(?=[^\n]{{0,40}}?\d)(?:{DATE_WORD}\s*[|·•—–-]?\s+){{1,8}}?(?=(?i:by|written\s+by|posted\s+by|story\s+by)\s)"
)


# Every first word the three byline tests above can start with (as prefixes, so a superset):
# an element whose text starts otherwise is passed over before its text is joined.
BYLINE_FIRST_WORDS = (
    *("by", "written", "story", "words", "article", "posted", "author", "contributor", "published", "this"),
    *("autor", "auteur", "verfass", "geschrieb", "text", "écrit", "escrito", "interview"),
    *("von", "par", "por", "door", "di", "av", "af"),
    *("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    *("mon", "tue", "wed", "thu", "fri", "sat", "sun", "ago", "at", "on", "am", "pm", "hour", "min", "day", "week"),
)


# Anchored: a search is one attempt, not one a space. "| By": a label printed for screen readers.
LEADING_LETTERS = regex.compile(r"\A[\s|]*+(\p{L}{1,12})")


# A label alone ("Written by") whose name sits in the next element.
BYLINE_LABEL = regex.compile(
    r"^(?:by|(?:article\s+|post\s+)?written\s+by|story\s+by|article\s+by|posted\s+by|author(?:ed\s+by|s|\(s\))?"
    r"|contributors?|words\s+by"
    # "Autor:", "Verfasst von", "Écrit par", "Escrito por", and "Text:" with its colon ("Text" alone is a heading)
    r"|autor(?:in|en|es|a)?|auteur(?:e|s)?|autore|autori|verfasser(?:in)?|(?:geschrieben|verfasst)\s+von"
    r"|[ée]crit\s+par|escrito\s+por|scritto\s+da|text(?:o|e)?(?=\s*:)|interview)\s*:?$",
    regex.I,
)


# Labels that also head menus and sections ("Interview" among a menu's topics, "Text:" before a quote): the
# name after them must be a full name with a known given name.
WEAK_BYLINE_LABEL = regex.compile(r"^(?:text(?:o|e)?|interview)\b", regex.I)


# A date (and a time) and a name alone in one element near the headline: "11.12.2019 - Amelie Loevenich",
# "04.02.2022 | 13:10 Uhr | Uta Helkenberg", "05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher)". What
# follows the date must clean to a person with a known given name (checked by the caller).
DATED_NAME = regex.compile(
    r"^(?:\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}{3,10}\.?\s+\d{4}"
    r"|\p{L}{3,10}\.?\s+\d{1,2},?\s+\d{4})(?:\s*[|·•,]?\s*\d{1,2}[:.]\d{2}(?:\s*(?i:uhr|h|[ap]\.?m\.?))?)?"
    r"\s*[|·•—–-]\s*(\p{Lu}[^|·•]{3,80})$"
)


# A press release's contact block: "Pressekontakt", "Media contact", "Contact presse", "Ansprechpartnerin",
# and a bare "Kontakt:" with its colon (without it, a menu's link). The person's name comes next.
CONTACT_LABEL = regex.compile(
    r"^(?:(?:presse|medien|media|press)[\s-]?(?:kontakt|contacts?|information)|(?:press|media)\s+(?:contacts?|enquiries|inquiries)"
    r"|ansprechpartner(?:in)?(?:\s+f[üu]r\s+(?:die\s+)?(?:medien|presse))?|contacts?\s+(?:presse|m[ée]dias?)"
    r"|contacto\s+(?:de\s+)?prensa|contatto\s+stampa|perscontact|kontakt(?=\s*:)|contact(?=\s*:))\s*:?$",
    regex.I,
)


BLOCKS = "p div span li h1 h2 h3 h4 h5 h6 address td section header a strong b em i small".split()


# A standfirst that ends on its writer's name in capitals, as Irish and British papers print it:
# "…, it is a great time to plant evergreens, says OLIVE RYAN." ("…, says NASA." is one word: no person).
STANDFIRST_CREDIT = regex.compile(
    r"[,.]\s+(?:says|writes|reports|explains)\s+(\p{Lu}[\p{Lu}'’\-]+(?:\s+\p{Lu}[\p{Lu}'’\-]+){1,2})\.?\s*$"
)


# Author pages as CMSs link them: WordPress ``/author/jane-doe/``, Arc and Brightspot ``/people/…``,
# ``/authors/…``, ``/profile/…``, ``/staff/…``, or a ``?author=Jane+Doe`` listing.
AUTHOR_HREF = regex.compile(
    r"/(?:[\w-]*authors?|autor(?:es|en)?|auteurs?|autori|people|person|profiles?|staff|writers?|"
    r"contributors?|journalists?|reporters?|columnists?|redakteur|redaktion/autor)/([^/?#]{2,80})/?(?:[?#]|$)"
    r"|[?&]_?author(?:_name)?=([^&#]{2,80})",
    regex.I,
)
# A word every alternative of AUTHOR_HREF holds, lower-cased (a test checks it).
AUTHOR_HREF_WORDS = (
    "author", "autor", "auteur", "people", "person", "profile", "staff", "writer", "contributor", "journalist",
    "reporter", "columnist", "redakt",
)  # fmt: skip


SLUG_TOKEN = regex.compile(r"[\p{L}\p{N}]+")


COMMENTS = regex.compile(r"comment|replies|discussion", regex.I)


SKIP_REGIONS = ("nav", "footer", "form", "button", "select", "noscript")


# An author box: a bio that opens with the name printed just above it ("<h3>Alban Brooke</h3>
# <p>Alban Brooke is the Head of Marketing ..."), or after an "About the author" label.
BIO_START = regex.compile(
    r"^(\p{Lu}[\p{L}'’.\-]+(?:\s+(?:\p{Lu}[\p{L}'’.\-]+|de|da|van|von|der|den|del|la|le)){0,3})\s+"
    r"(?:is|was|has|writes|covers|joined|leads|works|holds|brings|loves|specializes|specialises"
    r"|ist|war|schreibt|est|a|écrit|es|fue|escribe|è|ha|scrive|é|foi|escreve)\s"  # de, fr, es, it, pt
)


ABOUT_AUTHOR = regex.compile(
    r"^(?:about\s+the\s+(?:author|writer)|meet\s+the\s+author|author\s+bio(?:graphy)?"
    r"|über\s+(?:den\s+autor|die\s+autorin)|à\s+propos\s+de\s+l['’]auteur(?:e|rice)?|sobre\s+(?:el|la|o|a)\s+autora?"
    r"|sull['’]autore|over\s+de\s+auteur)\s*:?$",
    regex.I,
)


# "All articles by Elliot Raba", "View all posts by Jane Doe", "More stories from Jane Doe", and
# "Alle Artikel von …", "Tous les articles de …", "Todos los artículos de …", "Tutti gli articoli di …":
# the author-page labels of fields.names, before the name.
MORE_BY = regex.compile(
    r"^(?:" + AUTHOR_PAGE_LABEL + r"\s+" + AUTHOR_PAGE_BY + r"|alles\s+von|mehr\s+von)\s+(\p{Lu}.{2,60})$", regex.I
)


# The first four letters of every label MORE_BY reads (a test checks them against its alternatives).
MORE_BY_STARTS = frozenset(
    ("all ", "more", "view", "see ", "show", "read", "brow", "alle", "tous", "todo", "toda", "tutt", "zeig", "mehr",
     "voir", "ver ", "vedi", "weit", "plus")
)  # fmt: skip


# A person icon before the name ("<i class="bi bi-person"></i> Bence Kovács"), or an avatar image
# beside it ("<img class='avatar'/> Mahua Das in <a>Guides</a>").
PERSON_ICON = regex.compile(
    r"(?:^|\s)(?:fa-user(?:-circle|-o)?|fa-user-pen|bi-person(?:-circle|-fill)?|icon-user|icon-person|icon-author|"
    r"dashicons-admin-users|glyphicon-user|avatar|gravatar)(?:$|\s)",
    regex.I,
)


AUTHOR_HINT = regex.compile(r"author|writer|byline|contributor|bio(?:graphy)?(?:$|[\s_-])", regex.I)


TAIL_CONNECTIVE = regex.compile(r"(?<!\s)\s+(?:in|on|at|from|posted|published)$", regex.I)


SCRIPT_AUTHOR = regex.compile(
    r"""["'](?:author|authors|authorName|author_name|pagePostAuthor|byline|writer)["']\s*:\s*"""
    r"""(?:["']([^"'\n]{2,80})["']|\[\s*["']([^"'\n]{2,80})["'](?:\s*,\s*["']([^"'\n]{2,80})["'])?)"""
)


TITLE_SEPARATOR = regex.compile(r"\s[|—–-]\s")


TITLE_ASIDE = regex.compile(r"\(([^()]{3,40})\)\s*$")


# "© 2025 Toby Hede. All rights reserved.", "Copyright © 2019-2025 Cassidy Williams": a person owning the site,
# the line's whole start ("… 1937 © Lee Miller Archives" is a photo credit), first and last name only.
COPYRIGHT_PERSON = regex.compile(
    r"^(?:©|\((?i:c)\)|(?i:copyright))\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    r"(\p{Lu}\p{Ll}[\p{L}'’\-]*(?:\s+\p{Lu}\.)?\s+\p{Lu}\p{Ll}[\p{L}'’\-]*)"
    r"(?=\s*(?:[.,|·•]|$)|\s+(?i:all\s+rights))"
)


FOOTER = regex.compile(r"footer|copyright|colophon", regex.I)


HIDDEN = frozenset(("script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button", "select"))


UPDATED_LABEL = regex.compile(
    r"(?:updated|modified|revised|edited|aktualisiert|mis\s+à\s+jour|actualizado|aggiornato|bijgewerkt)"
    r"[\s:,.|-]{0,5}(?:on|at|am|le|el|il|op)?[\s:,.|-]{0,5}$",
    regex.I,
)


UPDATE_WORD = regex.compile(
    r"updated|modified|revised|edited|aktualisiert|mis\s+à\s+jour|actualizado|aggiornato", regex.I
)


MENUS = frozenset(("nav", "select"))


VISIBLE_DATE_CHARS = 600  # of visible text from the headline on: where a page prints its byline date


BEFORE_HEADLINE_CHARS = 200  # of visible text just above the headline: a kicker or hero line may print the date


BEFORE_HEADLINE_ELEMENTS = 300  # elements read backwards from the headline at most (empty wrappers, icons)
