"""Untrusted HTML never reaches the network or reads local files.

The file payload is first shown to be live: an XML parser told to resolve
entities reads the secret file; and the local server does record a connection
when one is made.
Then newsclean's own path (depth check, trafilatura, page metadata, the whole
``process_document`` in its time-limited worker) on the same bytes: no
connection arrives and the secret appears in no field.
"""

from __future__ import annotations

import json
import socket
from dataclasses import asdict

import lxml.etree
import pytest

from newsclean.schemas.records import RawDocument
from newsclean.transforms.extraction.html import extract_html
from newsclean.transforms.extraction.page_meta import page_metadata
from newsclean.transforms.runtime.guard import DocumentGuard
from newsclean.transforms.runtime.limits import Limits, html_depth
from tests.hostile.corpus import page, story
from tests.hostile.server import ConnectionRecorder

SECRET = "NEWSCLEAN-SECRET-c41e"
XINCLUDE = "http://www.w3.org/2001/XInclude"


@pytest.fixture
def server():
    with ConnectionRecorder(lifetime=120) as recorder:
        yield recorder


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


def _xhtml(extra: str = "") -> str:
    """A well-formed XHTML news page (so an XML parser reads all of it), with ``extra`` after the story."""
    paragraphs = "".join(f"<p>{p}</p>" for p in story(1).split("\n\n")[1:])
    return f"<html><head><title>Budget</title></head><body><article>{paragraphs}{extra}</article></body></html>"


def _payloads(port: int, secret) -> dict[str, str]:
    url, file_url = f"http://127.0.0.1:{port}", secret.resolve().as_uri()
    body = _xhtml()
    return {
        "xxe": f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{file_url}">]>'
        + _xhtml("<p>&xxe;</p>"),
        "parameter entity": f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY % r SYSTEM "{url}/r.dtd"> %r;]>' + body,
        "external dtd": f'<?xml version="1.0"?><!DOCTYPE html SYSTEM "{url}/x.dtd">' + body,
        "linked resources": page(
            1,
            head=f"<link rel='stylesheet' href='{url}/s.css'><script src='{url}/a.js'></script>"
            f"<meta http-equiv='refresh' content='0;url={url}/r'><style>@import url('{url}/i.css');</style>",
            before=f"<img src='{url}/p.gif'><iframe src='{url}/f'></iframe><object data='{url}/o'></object>"
            f"<img src='{file_url}'><svg><image href='{url}/s.png'/></svg>",
        ),
        "xinclude": page(1, before=f"<div xmlns:xi='{XINCLUDE}'><xi:include href='{file_url}' parse='text'/></div>"),
    }  # fmt: skip


def test_the_payloads_are_live_for_a_careless_parser(server, secret) -> None:
    careless = lxml.etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False, recover=True)
    tree = lxml.etree.fromstring(_payloads(server.port, secret)["xxe"].encode(), careless)
    assert SECRET in lxml.etree.tostring(tree, encoding="unicode")
    # (libxml2 in current lxml builds has no HTTP client left, so no parser can fetch a DTD over the
    # network; the recorder itself must see a connection when one is made)
    socket.create_connection(("127.0.0.1", server.port), timeout=5).close()
    server.stop()
    assert len(server.connections) == 1


@pytest.mark.parametrize("name", ["xxe", "parameter entity", "external dtd", "linked resources", "xinclude"])
def test_newsclean_fetches_nothing_and_reads_no_file(name: str, server, secret) -> None:
    html = _payloads(server.port, secret)[name]
    extraction = extract_html(html, "https://news.example/1")
    meta = page_metadata(html, "https://news.example/1")
    html_depth(html)
    guard = DocumentGuard(Limits(max_seconds=30))
    try:
        result = guard.process(RawDocument("p.html", html.encode(), source_format="html", content_type="html"))
    finally:
        guard.close()
    server.stop()
    assert server.connections == []
    for output in (extraction, meta, result):
        assert SECRET not in json.dumps(asdict(output), default=str)
    assert "Zorblax001" in result.text  # the story itself was read
