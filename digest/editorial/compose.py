"""Compose: articles -> summaries, key facts and themes -> a Digest. Writes nothing."""

from __future__ import annotations

import dataclasses
import math
import sys
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from .bags import Bags, Counting, shared_counts
from ..config import Config
from .document import document
from .facts import key_facts
from ..models import Article, Digest, Document, Item, KeyFacts, Sentence, Summary, Window
from .overviews import with_overviews
from .repeats import forget, without_repeats
from .keywords import bag_keywords, corpus_idf, keywords
from .stories import lead_words
from .headlines import headline
from .summarize import repick, summarize
from .focus import theme_scores
from .themes import Placement, group
from ..store.spill import Spill, packed
from ..store.workers import pool, stream_chunks

CHARS_PER_MINUTE = 400  # an ordinary reading speed for Chinese text


def compose(config: Config, articles: list[Article], window: Window, now: datetime,
            progress: Callable[[str, int, int], None] | None = None,
            lap: Callable[[str], None] = lambda stage: None, jobs: int = 1) -> Digest:
    """Summaries, key facts and themes for ``articles``; ``lap(stage)`` marks the end
    of each stage ("summarise", "themes") for timing. With ``jobs`` > 1 the
    per-article work (the Document, its ratings and summary, the article's own keywords,
    a headline when it has none, key facts and theme scores) runs in that many
    processes; the keywords the themes are named by then come from the corpus IDF.
    Each article of ``articles`` is replaced there by its outline (no paragraphs) as soon
    as it is summarised: nothing after needs the week's whole text."""
    budget = config.digest.summary_chars
    with Spill() as spill:
        counting = Counting()
        # The first article rated here loads every table the workers use, once for all.
        with pool(jobs, len(articles), config.cluster.scheduler,
                  lambda: _rated(articles[:1], budget, config.themes)) as executor:
            rated = []
            for n, r in enumerate(stream_chunks(executor, _rated, articles, (budget, config.themes),
                                                progress, "summarising")):
                rated.append(_kept(r, counting, spill, n))
                articles[n] = articles[n].outline()     # summarised: its text is let go
        bags = counting.bags()
        del counting                    # its index of the vocabulary: the bags keep the terms
        chosen = bag_keywords(bags, [r.title_tokens for r in rated], corpus_idf(bags))
        docs = [r.document(article) for r, article in zip(rated, articles)]
        items = [Item(doc.article, dataclasses.replace(r.summary, keywords=words), r.facts,
                      max(1, math.ceil(doc.article.chars / CHARS_PER_MINUTE)))
                 for doc, r, words in zip(docs, rated, chosen)]
        # one row a document: a tenth of the memory of a list of floats each, the same numbers
        scores = np.array([r.themes for r in rated], dtype=np.float64)
        del rated, chosen
        lap("summarise")
        placement = arrange(docs, items, config.themes, budget, bags, scores,
                            start=window.start, max_age_days=config.digest.max_age_days,
                            strict=config.digest.focus == "strict", full=_Spilled(docs, spill))
        lap("themes")
    shown = {i.article.source.split("#")[0] for t in placement.themes for i in t.items}
    return Digest(period=window.period, start=window.start, end=window.end, built_at=now,
                  title_zh=window.title_zh, title_en=window.title_en,
                  themes=placement.themes, source_count=len(shown), top=placement.top,
                  left_out=placement.left_out)


def arrange(docs: list[Document], items: list[Item], specs, budget: int = 180,
            bags: Bags | None = None, scores: np.ndarray | list | None = None,
            full: Mapping[str, Document] | None = None, **placing) -> Placement:
    """The digest's themes and top stories, in three steps: place the items, show no
    sentence twice, then give each theme the overview its summaries leave unsaid.
    ``bags`` and ``scores`` (each document's focus scores, a row each) are given when
    already worked out; ``full`` gives each document with its sentences by article id when
    ``docs`` come without them; ``placing`` goes to :func:`group` (the period's start,
    max_age_days, strict)."""
    by_id = {doc.article.id: doc for doc in docs} if full is None else full
    placement = group(docs, items, specs, bags, scores, **placing)
    themes = without_repeats(placement.themes, by_id, budget)
    themes = with_overviews(themes, by_id, budget)
    forget()
    return dataclasses.replace(placement, themes=themes)


@dataclass(frozen=True, slots=True)
class _Rated:
    """An article summarised in a worker. Not the article itself (the main process has
    it) but what its Document adds: the sentences without their tokens, packed for the
    spill file (with the summary's ratings and sentence similarity, needed again only to
    pick a few summaries anew), the title's tokens and the sentences repeating it, and a
    headline made for it; then its summary, its counted tokens (for the corpus IDF, the keywords and
    the themes), its key facts and its theme scores."""

    spilled: bytes                    # (sentences, each Simplified, ratings, similarity), packed
    title_tokens: tuple[str, ...]
    title_echoes: frozenset[int] | None
    lead_words: tuple[str, ...]       # the headline's and lead's rare words, for story links
    headline: str | None              # a title made for an article that had none
    summary: Summary                  # keywords still empty (they need the corpus IDF); its
                                      # ratings and similarity are in ``spilled``
    counted: tuple                    # (terms shared by its chunk, its ids in them, counts)
    facts: KeyFacts
    themes: list[float]               # its score for each configured theme

    def document(self, article: Article) -> Document:
        """The Document the main process keeps, of ``article`` as the worker had it."""
        if self.headline is not None:
            article = dataclasses.replace(article, title=self.headline)
        return Document(article, (), self.title_tokens, (), title_echoes=self.title_echoes, lead_words=self.lead_words)


_NO_ECHOES: frozenset[int] = frozenset()


def _kept(rated: _Rated, counting: Counting, spill: Spill, number: int) -> _Rated:
    """A worker's result as the main process keeps it: its counted words go into the
    build's bags at once (no token strings of its own), its other words are the bags'
    interned strings, and its sentences go to the spill file under ``number``, read back
    only for the articles whose summary is picked again or whose sentences an overview
    weighs."""
    counting.add_shared(*rated.counted)
    spill.put_packed(number, rated.spilled)
    echoes = _NO_ECHOES if rated.title_echoes == _NO_ECHOES else rated.title_echoes
    return dataclasses.replace(rated, counted=(), spilled=b"", title_echoes=echoes,
                               title_tokens=tuple(map(sys.intern, rated.title_tokens)),
                               lead_words=tuple(map(sys.intern, rated.lead_words)))


class _Spilled(Mapping):
    """Each of ``docs`` by article id with the sentences the spill file keeps for it, and
    (:meth:`rated`) each summary with the ratings kept there."""

    def __init__(self, docs: list[Document], spill: Spill) -> None:
        self.docs, self.spill = docs, spill
        self.at = {doc.article.id: number for number, doc in enumerate(docs)}

    def __getitem__(self, key: str) -> Document:
        number = self.at[key]
        sentences, normal, _ratings, _similarity = self.spill.get(number)
        return dataclasses.replace(self.docs[number], sentences=sentences, normal=normal)

    def rated(self, summary: Summary) -> Summary:
        """``summary`` with its ratings and sentence similarity, as the spill file keeps them."""
        *_, ratings, similarity = self.spill.get(self.at[summary.article_id])
        return dataclasses.replace(summary, ratings=ratings, similarity=similarity)

    def __iter__(self):
        return iter(self.at)

    def __len__(self) -> int:
        return len(self.at)


def _rated(articles: list[Article], budget: int, specs) -> list[_Rated]:
    """Everything one article needs on its own. Its headline (when it has none) and key
    facts come from its own keywords, by jieba's general IDF: they do not change with
    whatever else arrived that week. Their counted words share one vocabulary, and
    their sentences (with their Simplified forms, the same string where they are equal)
    are packed for the spill file here: the main process only stores them."""
    out, counted_words = [], []
    for article in articles:
        doc = document(article)
        summary = summarize(doc, budget, with_keywords=False)
        counted = Counter(doc.tokens)
        own = dataclasses.replace(summary, keywords=keywords(doc, counted=counted))
        made = None
        if article.title_from == "lead":
            made = headline(doc, own) or None
            if made:
                article = dataclasses.replace(article, title=made)
                # The title is no longer the lead's: its normal form and echoes are not either.
                doc = dataclasses.replace(doc, article=article, title_normal="", title_echoes=None)
            else:                       # the first sentence stays the title: not shown again
                summary = repick(doc, summary, budget, lambda s: s.index == 0)
                own = dataclasses.replace(summary, keywords=own.keywords)
        # What the main process keeps: no tokens (their counts stand for them).
        sentences = tuple(Sentence(s.article_id, s.index, s.paragraph, s.text, (), s.kind, s.refers)
                          for s in doc.sentences)
        summary = dataclasses.replace(summary, sentences=_shared(summary.sentences, sentences))
        normal = tuple(s.text if s.text == n else n for s, n in zip(sentences, doc.normal))
        spilled = packed((sentences, normal + doc.normal[len(normal):], summary.ratings, summary.similarity))
        out.append(_Rated(spilled, doc.title_tokens, doc.title_echoes, tuple(lead_words(doc)), made,
                          dataclasses.replace(summary, ratings=(), similarity=None), (),
                          key_facts(doc, own), theme_scores(doc, specs, own.keywords)))
        counted_words.append(counted)
    terms, rows = shared_counts(counted_words)
    return [dataclasses.replace(r, counted=(terms, *row)) for r, row in zip(out, rows)]


def _shared(chosen: tuple[Sentence, ...], sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """A summary's sentences as the Document's own records (one object per sentence in
    memory); a sentence cut to the budget is its own."""
    return tuple(sentences[s.index] if sentences[s.index].text == s.text else s for s in chosen)
