"""Compose: articles -> summaries, key facts and themes -> a Digest. Writes nothing."""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from .bags import Bags, bags_from
from .config import Config
from .document import document
from .facts import key_facts
from .models import Article, Digest, Document, Item, Sentence, Summary, Theme, Window
from .overviews import with_overviews
from .repeats import without_repeats
from .keywords import bag_keywords, corpus_idf
from .summarize import headline, repick, summarize
from .themes import group, theme_scores
from .workers import pool, run_chunks

CHARS_PER_MINUTE = 400  # an ordinary reading speed for Chinese text


def compose(config: Config, articles: list[Article], window: Window, now: datetime,
            progress: Callable[[str, int, int], None] | None = None,
            lap: Callable[[str], None] = lambda stage: None, jobs: int = 1) -> Digest:
    """Summaries, key facts and themes for ``articles``; ``lap(stage)`` marks the end
    of each stage ("summarise", "themes") for timing. With ``jobs`` > 1 the
    per-article work runs in that many processes: a first pass makes each Document,
    rates its sentences, picks them and counts its words; keywords then come from the
    corpus IDF, and a second pass chooses headlines and key facts."""
    budget = config.digest.summary_chars
    with pool(jobs, len(articles)) as executor:
        rated = run_chunks(executor, _rated, articles, (budget, config.themes), progress, "reading")
        bags = bags_from([r.counted for r in rated])
        chosen = bag_keywords(bags, [r.doc.title_tokens for r in rated], corpus_idf(bags))
        finished = run_chunks(executor, _finished, [r.for_finishing(words) for r, words in
                                                    zip(rated, chosen)],
                              (budget,), progress, "summarising")
    docs, items = [], []
    for r, (title, summary, facts) in zip(rated, finished):
        doc = r.doc if title is None else dataclasses.replace(
            r.doc, article=dataclasses.replace(r.doc.article, title=title))
        docs.append(doc)
        summary = dataclasses.replace(summary, sentences=_shared(summary.sentences, doc),
                                      similarity=r.summary.similarity)
        items.append(Item(doc.article, summary, facts,
                          max(1, math.ceil(doc.article.chars / CHARS_PER_MINUTE))))
    lap("summarise")
    themes = arrange(docs, items, config.themes, budget, bags, [r.themes for r in rated])
    lap("themes")
    sources = {a.source.split("#")[0] for a in articles}
    return Digest(period=window.period, start=window.start, end=window.end, built_at=now,
                  title_zh=window.title_zh, title_en=window.title_en,
                  themes=themes, source_count=len(sources))


def arrange(docs: list[Document], items: list[Item], specs, budget: int = 180,
            bags: Bags | None = None, scores: list | None = None) -> tuple[Theme, ...]:
    """The digest's themes, in three steps: place the items, show no sentence twice,
    then give each theme the overview its summaries leave unsaid. ``bags`` and
    ``scores`` (each document's theme scores) are given when already worked out."""
    by_id = {doc.article.id: doc for doc in docs}
    themes = without_repeats(group(docs, items, specs, bags, scores), by_id, budget)
    return with_overviews(themes, by_id, budget)


@dataclass(frozen=True, slots=True)
class _Rated:
    """An article rated in a worker: its Document without the sentences' tokens (what
    the main process keeps), its first summary, and its counted tokens (for the corpus
    IDF, the keywords and the themes)."""

    doc: Document
    summary: Summary                  # keywords still empty: they need the corpus IDF
    counted: tuple[tuple[str, ...], tuple[int, ...]]
    themes: list[float]               # its score for each configured theme

    def for_finishing(self, keywords: tuple[str, ...]):
        """What the second pass needs: the article and its summary with its keywords;
        the whole Document only for an article whose title is its first sentence (its
        headline is chosen from its sentences)."""
        summary = dataclasses.replace(self.summary, keywords=keywords)
        if self.doc.article.title_from == "lead":
            return self.doc, summary
        return self.doc.article, dataclasses.replace(summary, similarity=None)


def _rated(articles: list[Article], budget: int, specs) -> list[_Rated]:
    out = []
    for article in articles:
        doc = document(article)
        summary = summarize(doc, budget, with_keywords=False)
        counted = Counter(doc.tokens)
        # What the main process keeps: no tokens (their counts stand for them) and no
        # ranked text (it served the theme scores).
        light = Document(article, tuple(
            Sentence(s.article_id, s.index, s.paragraph, s.text, (), s.kind, s.refers)
            for s in doc.sentences), doc.title_tokens)
        summary = dataclasses.replace(summary, sentences=_shared(summary.sentences, light))
        out.append(_Rated(light, summary, (tuple(counted), tuple(counted.values())),
                          theme_scores(doc, specs)))
    return out


def _finished(rows, budget: int):
    """(new title or None, summary, key facts) for each rated article; an article whose
    title was only its first sentence gets a short headline."""
    out = []
    for doc_or_article, summary in rows:
        article, title = doc_or_article, None
        if isinstance(doc_or_article, Document):
            doc, article = doc_or_article, doc_or_article.article
            title = headline(doc, summary) or None
            if title:
                article = dataclasses.replace(article, title=title)
            else:                       # the first sentence stays the title: not shown again
                summary = repick(doc, summary, budget, lambda s: s.index == 0)
        out.append((title, dataclasses.replace(summary, similarity=None), key_facts(article, summary)))
    return out


def _shared(sentences: tuple[Sentence, ...], doc: Document) -> tuple[Sentence, ...]:
    """A summary's sentences as the Document's own records (one object per sentence in
    memory); a sentence cut to the budget is its own."""
    return tuple(doc.sentences[s.index] if doc.sentences[s.index].text == s.text else s
                 for s in sentences)
