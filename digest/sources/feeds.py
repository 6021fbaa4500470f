"""RSS and Atom feeds (feedparser): each entry becomes one RawText.

An entry's full HTML (``content:encoded``, Atom ``content``) goes through the
same page reader as a saved page, so share rows, "related" lists and editor
credits inside it are cut the same way. For a feed that carries only
summaries, ``fetch_pages`` (given when ``sources.fetch_full_text`` is on) fetches
the new entries' pages, and the article on each page replaces the summary.
Titles and text lose control characters and lone surrogates; the bytes are
made safe to parse first (:mod:`.feedbytes`).
"""

from __future__ import annotations

import calendar
import html
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

from ..errors import DigestError, Unusable
from ..models import RawText
from .address import redact
from .feedbytes import prepare

log = logging.getLogger(__name__)

FULL_TEXT_CHARS = 400      # an entry with less text than this is a summary
UNRESOLVED_ENTITY = re.compile(r"&[A-Za-z_][\w.-]*;")
# C0 and C1 controls but tab and newline (a carriage return becomes a newline first).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SURROGATE = re.compile(r"[\ud800-\udfff]")
MAX_FEED_BYTES = 10 * 1024 * 1024   # a gzip feed decompressed, unless the caller says

# Entry links -> (link, the page's HTML text or why it could not be fetched), as they
# are fetched; a link left out was not fetched in time (see :mod:`.fulltext`).
FetchPages = Callable[[list[str]], Iterable[tuple[str, "str | DigestError"]]]


@dataclass(frozen=True)
class _Draft:
    """An entry as the feed gives it, before its page (if any) is read."""
    source: str
    title: str | None
    link: str | None
    paragraphs: tuple[str, ...]
    page: object | None          # the Page read from the entry's own HTML
    stamp: object | None
    author: str


def parse_feed(data: bytes | str, source: str, *, fetch_pages: FetchPages | None = None,
               known: frozenset[str] = frozenset(), max_bytes: int = MAX_FEED_BYTES) -> list[RawText]:
    """The entries of a feed. ``known`` holds entry sources already read, whose pages
    are not fetched again; an entry whose page was not fetched in time is left out."""
    import feedparser

    if isinstance(data, str):
        data = data.encode("utf-8", "replace")
    parsed = feedparser.parse(prepare(data, max_bytes))
    if not parsed.entries:
        if parsed.get("bozo"):
            raise Unusable("failed", f"not a readable feed: {plain(str(parsed.get('bozo_exception')))}")
        raise Unusable("skipped", "feed has no entries")
    drafts = [_draft(entry, f"{source}#{_chars(str(entry.get('id') or entry.get('link') or number))}")
              for number, entry in enumerate(parsed.entries)]
    short = [] if fetch_pages is None else [
        d for d in drafts if d.link and sum(map(len, d.paragraphs)) < FULL_TEXT_CHARS]
    # A known summary entry was read from its page before: its summary is not news.
    read_before = {d.source for d in short if d.source in known}
    wanted = {d.link: d.title for d in short if d.source not in known}
    pages = _pages(fetch_pages, wanted) if wanted else {}
    texts = []
    for draft in drafts:
        if draft.source in read_before:
            continue
        if draft.link in wanted and draft.link not in pages:
            log.info("%s: page not fetched in time; the entry waits for the next run", draft.link)
            continue
        raw = _entry(draft, pages.get(draft.link))
        if raw is not None:
            texts.append(raw)
    if not texts and read_before:
        raise Unusable("skipped", "no new entries (the others were read before)")
    return texts


def _draft(entry, source: str) -> _Draft:
    from .html import html_to_text
    from .page import NotAnArticle, read_page

    title = plain(entry.get("title")) or None
    link = _chars(redact(entry.get("link") or "")).strip() or None
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
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return _Draft(source, title, link, paragraphs, page, stamp, plain(entry.get("author")))


def _pages(fetch_pages: FetchPages, wanted: dict[str, str | None]) -> dict:
    """The article on each entry page fetched in time (None where there is none)."""
    from .page import NotAnArticle, read_page

    pages = {}
    for link, got in fetch_pages(list(wanted)):
        pages[link] = None
        if isinstance(got, DigestError):
            log.warning("%s: keeping the feed's summary: %s", link, got)
            continue
        try:
            pages[link] = read_page(got, known_title=wanted[link])
        except NotAnArticle as exc:
            log.warning("%s: keeping the feed's summary: %s", link, exc)
    return pages


def _entry(draft: _Draft, fetched) -> RawText | None:
    page = fetched or draft.page
    paragraphs = (fetched.paragraphs if fetched is not None else ()) or draft.paragraphs
    text = plain_block("\n\n".join(UNRESOLVED_ENTITY.sub("", p) for p in paragraphs))
    if not text:
        return None
    published = (datetime.fromtimestamp(calendar.timegm(draft.stamp), tz=timezone.utc)
                 if draft.stamp else page.published if page else None)
    return RawText(source=draft.source, text=text, fmt="feed", title=draft.title, link=draft.link,
                   published=published, author=draft.author or (plain(page.author) if page else None)
                   or None, publisher=plain(page.publisher) or None if page and page.publisher else None)


def _markup(entry) -> str:
    """The fullest body the entry carries: its longest content, else its summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    best = max(contents, key=len, default="")
    summary = entry.get("summary", "")
    return best if len(best) >= len(summary) else summary


def plain(value: str | None) -> str:
    """A title or name as plain text on one line: entities decoded, unresolved ones
    dropped, control characters removed, a lone surrogate replaced."""
    if not value:
        return ""
    return " ".join(plain_block(UNRESOLVED_ENTITY.sub("", html.unescape(value))).split())


def plain_block(text: str) -> str:
    """Text with its paragraphs, without control characters (tab and newline stay; a
    carriage return becomes a newline) and with U+FFFD for a lone surrogate."""
    return _chars(text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _chars(text: str) -> str:
    return SURROGATE.sub("\ufffd", CONTROL.sub("", text))
