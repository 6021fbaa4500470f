"""Compose: articles -> summaries, key facts and themes -> a Digest. Writes nothing."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta

from .config import Brief, Config
from .facts import key_facts
from .models import Article, Digest, Document, Item, Window
from .summarize import document, jieba_idf, summarize
from .themes import group

CHARS_PER_MINUTE = 400  # an ordinary reading speed for Chinese text


def period_of(moment: datetime) -> tuple[str, date, date]:
    """The ISO week holding ``moment``: ("2026-W47", Monday, Sunday)."""
    year, week, _ = moment.isocalendar()
    start = date.fromisocalendar(year, week, 1)
    return f"{year}-W{week:02d}", start, start + timedelta(days=6)


def window_for(config: Config, now: datetime, brief: Brief | None = None) -> Window:
    """The weekly digest's ISO week, or a brief's last ``window_days`` days up to ``now``."""
    if brief is None:
        period, start, end = period_of(now)
        return Window(period, start, end, config.digest.title_zh, config.digest.title_en)
    end = now.date()
    return Window(f"{brief.name}-{end.isoformat()}", end - timedelta(days=brief.window_days - 1),
                  end, brief.title_zh, brief.title_en)


def corpus_idf(docs: list[Document]) -> dict[str, float]:
    """jieba's general IDF plus this run's own: a word every article uses says little here."""
    general, median = jieba_idf()
    df = Counter(t for d in docs for t in set(d.tokens))
    n = len(docs)
    return {t: general.get(t, median) + math.log((n + 1) / (c + 1)) for t, c in df.items()}


def compose(config: Config, articles: list[Article], window: Window, now: datetime,
            progress: Callable[[str, int, int], None] | None = None) -> Digest:
    docs = [document(article) for article in articles]
    idf = corpus_idf(docs)
    items = []
    for number, (article, doc) in enumerate(zip(articles, docs), start=1):
        summary = summarize(doc, config.digest.summary_chars, idf=idf)
        items.append(Item(article, summary, key_facts(article, summary),
                          max(1, math.ceil(article.chars / CHARS_PER_MINUTE))))
        if progress:
            progress("summarising", number, len(articles))
    themes = group(docs, items, config.themes, config.digest.summary_chars)
    sources = {a.source.split("#")[0] for a in articles}
    return Digest(period=window.period, start=window.start, end=window.end, built_at=now,
                  title_zh=window.title_zh, title_en=window.title_en,
                  themes=themes, source_count=len(sources))
