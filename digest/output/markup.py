"""Article text and links made safe to write into the digest's Markdown and HTML."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")
# What opens a block at the start of a line: a heading ("#", which Python-Markdown takes
# without a space), a list item ("- ", "+ ", "1. ", "1) ") or a rule ("---"); the named
# group is the character a backslash must escape. (">", "*" and "_" are escaped anywhere.)
_MD_BLOCK_START = re.compile(r"^\d+(?P<list>[.)])(?=\s|$)|^(?P<mark>#|[-+](?=\s|$)|-(?=[-\s]*$))")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# An & that a renderer would read as the start of an entity ("&lt;", "&#60;").
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)|[<>]")
SAFE_SCHEMES = ("http", "https", "mailto")
# Everything a URL may keep as it is; the rest (quotes, spaces, <, >, parentheses,
# backslashes, non-ASCII) is percent-encoded.
_URL_SAFE = "/:?#[]@!$&*+,;=%~-._"
_AROUND_URL = "".join(map(chr, range(0x21))) + "\x7f"


def safe_url(url: str | None) -> str:
    """``url`` if it is http(s) or mailto, percent-encoded so that it cannot leave an
    HTML attribute or a Markdown link; otherwise "" (javascript:, data:, relative ...)."""
    from urllib.parse import quote, urlsplit

    # As browsers do: tabs and line breaks inside are dropped, controls and spaces around.
    text = re.sub(r"[\t\n\r]", "", url or "").strip(_AROUND_URL)
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES or (scheme != "mailto" and not parts.netloc):
        return ""
    return quote(text, safe=_URL_SAFE)


def md_escape(text: str) -> str:
    """Article text inside Markdown: no markup, links or HTML of its own.

    Markdown punctuation is backslash-escaped; <, > and an & that would start an
    entity become entities, which every Markdown renderer shows as the characters
    themselves (a plain "&" needs none).
    """
    text = _ENTITY_LIKE.sub(lambda m: _HTML_SPECIAL[m.group()], text)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # At the start, only what would open a block: a heading, a list item or a rule
    # ("0.3%" or "-3%" open none, and a backslash before a digit would be shown as is).
    found = _MD_BLOCK_START.match(text)
    if found is None:
        return text
    at = found.start(found.lastgroup)
    return f"{text[:at]}\\{text[at:]}"


def article_url(url: str | None) -> str:
    """``url`` as an article's "read the original" link, or "" when it cannot be one: only an
    http(s) address on a host under a real public suffix (not the "internet.e-mail" of a
    page saved from a mail, a bare name or an IP address) with a path beyond "/" (not a
    site's home page) qualifies."""
    from urllib.parse import urlsplit

    from tld import get_tld

    url = safe_url(url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.path.strip("/") == "":
        return ""
    return url if get_tld(url, fail_silently=True) else ""
