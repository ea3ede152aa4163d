"""The shared names: stages, reject codes, field sources and rule names, each said once.

Every one is a :class:`enum.StrEnum`, so a record still holds the plain string
(``reject.stage == "read"``) while code names the member; a name missing here is
a typo waiting to happen, and ``tests/transforms/test_vocabulary.py`` checks that
every rule, reject and source the code produces is one of these.
"""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """Where a document is when it fails (``Reject.stage``)."""

    READ = "read"
    DECODE = "decode"
    EXTRACT = "extract"
    CLEAN = "clean"
    FIELDS = "fields"


class RejectCode(StrEnum):
    """Why a document failed (``Reject.error``)."""

    # limits (runtime.limits)
    TOO_LARGE = "too_large"
    COMPRESSION_RATIO = "compression_ratio"
    LINE_TOO_LONG = "line_too_long"
    TOO_DEEP = "too_deep"
    TIMEOUT = "timeout"
    REGEX_TIMEOUT = "regex_timeout"
    WORKER_DIED = "worker_died"
    # reading
    NO_RECORDS = "no_records"
    IO_ERROR = "io_error"
    UNSUPPORTED_FORMAT = "unsupported_format"
    CORRUPT_GZIP = "corrupt_gzip"
    TRUNCATED_GZIP = "truncated_gzip"
    TRUNCATED_RECORD = "truncated_record"
    CORRUPT_WARC = "corrupt_warc"
    BAD_PAYLOAD = "bad_payload"
    BAD_JSON = "bad_json"
    NOT_AN_OBJECT = "not_an_object"
    BAD_TEXT = "bad_text"
    # decoding
    EMPTY = "empty"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    # extraction and cleaning
    NO_CONTENT = "no_content"
    EMPTY_AFTER_CLEANING = "empty_after_cleaning"


class DuplicateKind(StrEnum):
    """What kind of copy a record is of its cluster's canonical record (``Article.duplicate_kind``)."""

    EXACT = "exact"  # the same words
    NEAR = "near"  # an edited copy
    SPUN = "spun"  # synonyms swapped in by a spinner
    RECAPTURE = "recapture"  # the same URL captured again, its text the same or a verified copy


class FieldSource(StrEnum):
    """Where a field's value came from (``date_source``; the author sources' order)."""

    # structured data
    JSON_LD = "json-ld"
    JSON_LD_PAGE = "json-ld-page"  # a JSON-LD object of the page (WebPage), not the article
    HTML_META = "html-meta"
    ITEMPROP = "itemprop"
    TIME = "time"  # a <time> element
    URL = "url"
    SCRIPT = "script"  # authors named in an inline script's data
    # what the page prints
    REL_AUTHOR = "rel-author"
    BYLINE_ELEMENT = "byline-element"
    TEXT_BYLINE = "text"  # a 'By …' text in the page's markup
    BODY_BYLINE = "body-byline"  # a byline line the cleaner removed from the body text
    AUTHOR_LINK = "author-link"
    STANDFIRST = "standfirst"
    VISIBLE = "visible"  # a date printed near the headline
    AUTHOR_BOX = "author-box"
    SIGNATURE = "signature"  # a name signed under the story, set apart in bold, italics or to the right
    PRESS_CONTACT = "press-contact"  # the person a press release's contact block names
    SITE_PERSON = "site-person"
    COPYRIGHT = "copyright"
    # other systems and containers
    TRAFILATURA = "trafilatura"
    HTMLDATE = "htmldate"
    JSONL = "jsonl"  # the input record's own field
    # plain text, found by the cleaner
    HEADER = "header"
    DATELINE = "dateline"
    BYLINE = "byline"
    TAIL = "tail"
    CREDIT = "credit"


class RuleName(StrEnum):
    """What removed a piece of text (``Removed.rule``): line, prefix, section and procedural rules."""

    # prefix and line rules (cleaning.rules)
    HEADER_DATE = "header_date"
    BYLINE = "byline"
    CREDIT = "credit"
    PHOTO_CAPTION = "photo_caption"
    SEPARATOR = "separator"
    READING_TIME = "reading_time"
    HEADER_STAMP = "header_stamp"
    SHARE = "share"
    SUBSCRIBE = "subscribe"
    FOLLOW = "follow"
    ADVERTISEMENT = "advertisement"
    RELATED = "related"
    COPYRIGHT = "copyright"
    GALLERY_UI = "gallery_ui"
    DISCLOSURE = "disclosure"
    DATE_LINE = "date_line"
    NAVIGATION = "navigation"
    SIGNUP_FORM = "signup_form"
    AGENCY_TAG = "agency_tag"
    COMMENT_COUNT = "comment_count"
    EDITING_CREDIT = "editing_credit"
    # language rules (cleaning.phrases: one rule per category, phrases of many languages)
    PAYWALL = "paywall"
    DONATION = "donation"
    LINK_COPIED = "link_copied"
    TRUST_NOTE = "trust_note"
    NEWSLETTER = "newsletter"
    COOKIE_NOTICE = "cookie_notice"
    POST_META = "post_meta"
    # procedural rules (cleaning.clean, cleaning.classify, corpus.boilerplate)
    TITLE = "title"
    DATELINE = "dateline"
    CONTRIBUTOR_TAIL = "contributor_tail"
    REPEATED_LINE = "repeated_line"
    REPEATED_PARAGRAPH = "repeated_paragraph"
    BOILERPLATE_LINE = "boilerplate_line"
    RECURRING_IN_SOURCE = "recurring_in_source"
    # block and section rules of HTML (cleaning.sections, cleaning.rules.SECTION_RULES)
    TABLE_OF_CONTENTS = "table_of_contents"
    AUTHOR_BIO = "author_bio"
    CALL_TO_ACTION = "call_to_action"
    RELATED_SECTION = "related_section"
    REFERENCES_SECTION = "references_section"
    AUTHOR_SECTION = "author_section"
    ENGAGEMENT_SECTION = "engagement_section"
    CONTACT_SECTION = "contact_section"
    CONTACT_LINE = "contact_line"
    SERVER_MESSAGE = "server_message"
