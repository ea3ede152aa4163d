"""Building small CC-NEWS-style WARC files with warcio, for the tests."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>{title} | Example News</title>
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-03-14T09:30:00Z">
<link rel="canonical" href="{url}">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>{title}</h1>
<p>The city council voted on Tuesday to approve a new budget for public transport, ending months of debate
over how to pay for longer opening hours and more frequent buses across the northern districts.</p>
<p>Supporters said the plan would cut waiting times in half for thousands of commuters, while critics warned that
the cost of the new routes had been underestimated by the transport authority and would grow every year.</p>
<p>The mayor said the first new routes would start running in the autumn, once drivers had been hired and trained,
and promised a public report on the results after the first full year of service.</p>
<p>Share this article</p>
<h2>Related articles</h2>
<ul><li><a href="/a">Bus drivers strike over pay</a></li><li><a href="/b">New tram line opens downtown</a></li></ul>
</article>
<footer>Copyright 2025 Example News</footer>
</body></html>
"""


def article_html(title: str, url: str, charset: str = "utf-8") -> str:
    """A small news page with a headline, three paragraphs and the usual furniture."""
    return ARTICLE_HTML.format(title=title, url=url, charset=charset)


def warc_bytes(records: list[dict], *, gzip: bool = True) -> bytes:
    """A WARC file: a warcinfo record, then one record per dict.

    Each dict has ``url`` and ``body`` (bytes), optionally ``type`` (default
    response), ``status`` (default ``200 OK``) and ``content_type``.
    """
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc.gz", {"software": "newsclean tests"}))
    for record in records:
        rec_type = record.get("type", "response")
        http_headers = None
        if rec_type in ("response", "request"):
            headers = [("Content-Type", record.get("content_type", "text/html; charset=utf-8"))]
            status = record.get("status", "200 OK")
            if rec_type == "request":
                http_headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
            else:
                http_headers = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        warc = writer.create_warc_record(
            record["url"],
            rec_type,
            payload=io.BytesIO(record["body"]),
            http_headers=http_headers,
            warc_content_type=record.get("content_type", "text/html") if rec_type == "resource" else None,
        )
        writer.write_record(warc)
    return buffer.getvalue()


def wet_bytes(texts: list[tuple[str, str]], *, language: str = "eng") -> bytes:
    """A Common Crawl WET file: a warcinfo record, then one ``conversion`` record per ``(url, text)``.

    As Common Crawl writes them: one gzip member per record, ``Content-Type: text/plain``, the
    page's URL in ``WARC-Target-URI`` and the response it was extracted from in ``WARC-Refers-To``.
    """
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    info = {"software": "newsclean tests", "description": "Wet files of extracted plain text"}
    writer.write_record(writer.create_warcinfo_record("CC-MAIN-test.warc.wet.gz", info))
    for i, (url, text) in enumerate(texts):
        headers = {
            "WARC-Refers-To": f"<urn:uuid:00000000-0000-4000-8000-{i:012d}>",
            "WARC-Identified-Content-Language": language,
        }
        record = writer.create_warc_record(
            url,
            "conversion",
            payload=io.BytesIO(text.encode("utf-8")),
            warc_content_type="text/plain",
            warc_headers_dict=headers,
        )
        writer.write_record(record)
    return buffer.getvalue()
