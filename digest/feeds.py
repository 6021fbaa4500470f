"""RSS and Atom feeds (feedparser): each entry becomes one RawText."""

from __future__ import annotations

import calendar
from datetime import datetime, timezone

from .html import html_to_text
from .models import RawText
from .readers import Unusable


def parse_feed(data: bytes | str, source: str) -> list[RawText]:
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise Unusable("failed", f"not a readable feed: {parsed.get('bozo_exception')}")
        raise Unusable("skipped", "feed has no entries")
    texts = []
    for number, entry in enumerate(parsed.entries):
        markup = ""
        if entry.get("content"):
            markup = entry.content[0].get("value", "")
        markup = markup or entry.get("summary", "")
        text, _, _ = html_to_text(f"<html><body>{markup}</body></html>")
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = (datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc)
                     if stamp else None)
        texts.append(RawText(
            source=f"{source}#{entry.get('id') or entry.get('link') or number}",
            text=text, fmt="feed", title=entry.get("title"), link=entry.get("link"),
            published=published, author=entry.get("author")))
    return texts


def fetch(url: str, timeout: float = 30.0) -> bytes:
    """Download a feed over HTTP(S)."""
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "digest/0.1 (+feed reader)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except OSError as exc:
        raise Unusable("failed", f"cannot fetch feed: {exc}") from None
