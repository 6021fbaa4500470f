"""RSS and Atom feeds (feedparser): each entry becomes one RawText.

An entry's full HTML (``content:encoded``, Atom ``content``) goes through the
same page reader as a saved page, so share rows, "related" lists and editor
credits inside it are cut the same way. For a feed that carries only
summaries, ``fetch_page`` (given when ``sources.fetch_full_text`` is on) fetches
each new entry's page, and the article on that page replaces the summary.
"""

from __future__ import annotations

import calendar
import html
import logging
import re
from collections.abc import Callable
from datetime import datetime, timezone

from ..errors import DigestError, Unusable
from ..models import RawText

log = logging.getLogger(__name__)

FULL_TEXT_CHARS = 400      # an entry with less text than this is a summary
# No real feed declares its own entities; a "billion laughs" feed does, and its
# unexpanded references would become junk articles titled "&lol9;".
ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
UNRESOLVED_ENTITY = re.compile(r"&[A-Za-z_][\w.-]*;")

FetchPage = Callable[[str], str]   # entry link -> the page's HTML text


def parse_feed(data: bytes | str, source: str, *, fetch_page: FetchPage | None = None,
               known: frozenset[str] = frozenset()) -> list[RawText]:
    """The entries of a feed. ``known`` holds entry sources already read, whose pages
    are not fetched again."""
    import feedparser

    if isinstance(data, str):
        data = data.encode("utf-8")
    if ENTITY_DECLARATION.search(data):
        raise Unusable("failed", "feed declares XML entities (refused: possible entity-expansion attack)")
    data = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise Unusable("failed", f"not a readable feed: {parsed.get('bozo_exception')}")
        raise Unusable("skipped", "feed has no entries")
    texts = []
    for number, entry in enumerate(parsed.entries):
        entry_source = f"{source}#{entry.get('id') or entry.get('link') or number}"
        raw = _entry(entry, entry_source, fetch_page if entry_source not in known else None)
        if raw is not None:
            texts.append(raw)
    return texts


def _entry(entry, source: str, fetch_page: FetchPage | None) -> RawText | None:
    from .html import html_to_text
    from .page import NotAnArticle, read_page

    title = _plain(entry.get("title")) or None
    link = entry.get("link")
    markup = _markup(entry)
    paragraphs: tuple[str, ...] = ()
    page = None
    if markup:
        try:
            page = read_page(f"<html><body>{markup}</body></html>", known_title=title)
            paragraphs = page.paragraphs
        except NotAnArticle:
            paragraphs = ()
        if not paragraphs:         # a plain summary, with no blocks to extract from
            text, _, _ = html_to_text(f"<html><body>{markup}</body></html>")
            paragraphs = tuple(p for p in text.split("\n\n") if p)
    if fetch_page is not None and link and sum(map(len, paragraphs)) < FULL_TEXT_CHARS:
        try:
            page = read_page(fetch_page(link), known_title=title)
            paragraphs = page.paragraphs or paragraphs
        except (DigestError, NotAnArticle) as exc:
            log.warning("%s: keeping the feed's summary: %s", link, exc)
    text = "\n\n".join(UNRESOLVED_ENTITY.sub("", p) for p in paragraphs).strip()
    if not text:
        return None
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published = (datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc)
                 if stamp else page.published if page else None)
    return RawText(source=source, text=text, fmt="feed", title=title, link=link,
                   published=published,
                   author=_plain(entry.get("author")) or (page.author if page else None),
                   publisher=page.publisher if page and page.publisher else None)


def _markup(entry) -> str:
    """The fullest body the entry carries: its longest content, else its summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    best = max(contents, key=len, default="")
    summary = entry.get("summary", "")
    return best if len(best) >= len(summary) else summary


def _plain(value: str | None) -> str:
    """A title or name as plain text: entities decoded, unresolved ones dropped."""
    if not value:
        return ""
    return " ".join(UNRESOLVED_ENTITY.sub("", html.unescape(value)).split())
