"""Compose: articles -> summaries, key facts and themes -> a Digest. Writes nothing."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from datetime import date, datetime, timedelta

import numpy as np

from .bags import Bags, bags_of
from .config import Brief, Config
from .document import document
from .facts import key_facts
from .models import Article, Digest, Document, Item, Theme, Window
from .overviews import with_overviews
from .repeats import without_repeats
from .summarize import headline, jieba_idf, repick, summarize
from .themes import group
from .workers import pool, run_chunks

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


def corpus_idf(bags: Bags) -> dict[str, float]:
    """jieba's general IDF plus this run's own: a word every article uses says little here."""
    general, median = jieba_idf()
    own = np.log((len(bags) + 1) / (bags.df + 1)).tolist()
    return {t: general.get(t, median) + extra for t, extra in zip(bags.terms, own)}


def compose(config: Config, articles: list[Article], window: Window, now: datetime,
            progress: Callable[[str, int, int], None] | None = None,
            lap: Callable[[str], None] = lambda stage: None, jobs: int = 1) -> Digest:
    """Summaries, key facts and themes for ``articles``; ``lap(stage)`` marks the end
    of each stage ("summarise", "themes") for timing. With ``jobs`` > 1 the
    per-article work runs in that many processes."""
    budget = config.digest.summary_chars
    with pool(jobs, len(articles)) as executor:
        docs = run_chunks(executor, _documents, articles, (), progress, "reading")
        bags = bags_of(docs)
        idf = corpus_idf(bags)
        done = run_chunks(executor, _summaries, docs, (idf, budget), progress, "summarising")
    docs = [dataclasses.replace(doc, article=article) if article is not doc.article else doc
            for doc, (_, _, article) in zip(docs, done)]
    items = [Item(doc.article, summary, facts, max(1, math.ceil(doc.article.chars / CHARS_PER_MINUTE)))
             for doc, (summary, facts, _) in zip(docs, done)]
    lap("summarise")
    themes = arrange(docs, items, config.themes, budget, bags)
    lap("themes")
    sources = {a.source.split("#")[0] for a in articles}
    return Digest(period=window.period, start=window.start, end=window.end, built_at=now,
                  title_zh=window.title_zh, title_en=window.title_en,
                  themes=themes, source_count=len(sources))


def arrange(docs: list[Document], items: list[Item], specs, budget: int = 180,
            bags: Bags | None = None) -> tuple[Theme, ...]:
    """The digest's themes, in three steps: place the items, show no sentence twice,
    then give each theme the overview its summaries leave unsaid."""
    by_id = {doc.article.id: doc for doc in docs}
    themes = without_repeats(group(docs, items, specs, bags), by_id, budget)
    return with_overviews(themes, by_id, budget)


def _documents(articles: list[Article]) -> list[Document]:
    return [document(article) for article in articles]


def _summaries(docs: list[Document], idf: dict[str, float], budget: int):
    """(summary, key facts, article) for each document; an article whose title was
    only its first sentence gets a short headline instead."""
    out = []
    for doc in docs:
        summary = summarize(doc, budget, idf=idf)
        article = doc.article
        if article.title_from == "lead":
            title = headline(doc, summary)
            if title:
                article = dataclasses.replace(article, title=title)
            else:                       # the first sentence stays the title: not shown again
                summary = repick(doc, summary, budget, lambda s: s.index == 0)
        out.append((summary, key_facts(article, summary), article))
    return out
