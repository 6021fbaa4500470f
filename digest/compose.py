"""Compose: articles -> summaries, key facts and themes -> a Digest. Writes nothing."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, timedelta

from .config import Config
from .facts import key_facts
from .models import Article, Digest, Item
from .summarize import document, summarize
from .themes import group

CHARS_PER_MINUTE = 400  # an ordinary reading speed for Chinese text


def period_of(moment: datetime) -> tuple[str, date, date]:
    """The ISO week holding ``moment``: ("2026-W47", Monday, Sunday)."""
    year, week, _ = moment.isocalendar()
    start = date.fromisocalendar(year, week, 1)
    return f"{year}-W{week:02d}", start, start + timedelta(days=6)


def compose(config: Config, articles: list[Article], now: datetime,
            progress: Callable[[str, int, int], None] | None = None) -> Digest:
    docs = []
    items = []
    for number, article in enumerate(articles, start=1):
        doc = document(article)
        summary = summarize(doc, config.digest.summary_chars)
        docs.append(doc)
        items.append(Item(article, summary, key_facts(article, summary),
                          max(1, math.ceil(article.chars / CHARS_PER_MINUTE))))
        if progress:
            progress("summarising", number, len(articles))
    themes = group(docs, items, config.themes, config.digest.max_items_per_theme,
                   config.digest.summary_chars)
    period, start, end = period_of(now)
    sources = {a.source.split("#")[0] for a in articles}
    return Digest(period=period, start=start, end=end, built_at=now,
                  title_zh=config.digest.title_zh, title_en=config.digest.title_en,
                  themes=themes, source_count=len(sources))
