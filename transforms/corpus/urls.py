"""One spelling per page address, so two captures of the same page can be told apart from two pages.

A crawler fetches the same story again (a WARC holds both captures) under
spellings that differ only in what does not name the page: the scheme, the
host's case and ``www.``, a default port, a fragment, tracking parameters, a
trailing slash, the order of query parameters.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit

# Query parameters that track a visit and never select content.
_TRACKING = frozenset(
    "fbclid gclid dclid msclkid mc_cid mc_eid igshid yclid _ga ref ref_src cmpid ocid smid mbid".split()
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_url(url: str | None) -> str | None:
    """``host/path?query`` in one spelling, or None for no URL or one without a host."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return None
    if host.startswith("www."):
        host = host[4:]
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING
    )
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")
