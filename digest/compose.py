"""Compose: articles -> summaries, key facts and themes -> a Digest. Writes nothing."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta

from .config import Config
from .facts import key_facts
from .models import Article, Digest, Document, Item
from .summarize import document, jieba_idf, summarize
from .themes import group

CHARS_PER_MINUTE = 400  # an ordinary reading speed for Chinese text


def period_of(moment: datetime) -> tuple[str, date, date]:
    """The ISO week holding ``moment``: ("2026-W47", Monday, Sunday)."""
    year, week, _ = moment.isocalendar()
    start = date.fromisocalendar(year, week, 1)
    return f"{year}-W{week:02d}", start, start + timedelta(days=6)


def corpus_idf(docs: list[Document]) -> dict[str, float]:
    """jieba's general IDF plus this run's own: a word every article uses says little here."""
    general, median = jieba_idf()
    df = Counter(t for d in docs for t in set(d.tokens))
    n = len(docs)
    return {t: general.get(t, median) + math.log((n + 1) / (c + 1)) for t, c in df.items()}


def compose(config: Config, articles: list[Article], now: datetime,
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
    period, start, end = period_of(now)
    sources = {a.source.split("#")[0] for a in articles}
    return Digest(period=period, start=start, end=end, built_at=now,
                  title_zh=config.digest.title_zh, title_en=config.digest.title_en,
                  themes=themes, source_count=len(sources))
