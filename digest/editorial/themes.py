"""Themes: the configured taxonomy first, clustering for whatever fits none.

Articles on the same story (:mod:`digest.editorial.stories`) are marked related, placed in
one theme and shown together; stories no configured theme takes are grouped by
:mod:`digest.editorial.clustering`. Themes are ordered by weight. Their overviews
(:mod:`digest.editorial.overviews`) are chosen once repeats are gone (:mod:`digest.editorial.repeats`).
"""

from __future__ import annotations

import functools
from collections import defaultdict

import numpy as np

from .bags import Bags, bags_of
from ..config import ThemeSpec
from ..models import Document, Item, Summary, Theme
from ..text.script import fold_width, to_simplified
from .clustering import cluster_documents
from .stories import related_groups
from ..text.words import glossary

MIN_THEME_SCORE = 3.0     # weighted term hits an article needs to join a configured theme


def theme_scores(doc: Document, specs: tuple[ThemeSpec, ...]) -> list[float]:
    """Weighted hits of each theme's terms: three for one in the title, one in the text
    (scaled down for long texts)."""
    title = (doc.title_normal or to_simplified(fold_width(doc.article.title))).lower()
    body = ("\n".join(doc.normal) if doc.normal else to_simplified(fold_width(doc.article.body))).lower()
    scale = max(1.0, len(body) / 2000) ** 0.5
    return [sum(3 * title.count(term) + body.count(term) / scale for term in terms)
            for terms in _normal_terms(specs)]


@functools.lru_cache(maxsize=8)
def _normal_terms(specs: tuple[ThemeSpec, ...]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(to_simplified(fold_width(term)).lower() for term in spec.terms) for spec in specs)


def group(docs: list[Document], items: list[Item], specs: tuple[ThemeSpec, ...],
          bags: Bags | None = None, scores: list | None = None) -> tuple[Theme, ...]:
    """Place every item in exactly one theme (how many each edition shows is the renderer's call).
    The themes come without overviews: those are chosen once repeats are gone.
    ``bags`` (the documents' counted words) and ``scores`` (their :func:`theme_scores`)
    are given when already worked out."""
    bags = bags_of(docs) if bags is None else bags
    if scores is None:
        scores = [theme_scores(doc, specs) for doc in docs] if specs else [[] for _ in docs]
    stories = related_groups(docs, bags=bags)
    related_of: dict[int, tuple[str, ...]] = {}
    for story in stories:
        for i in story:
            related_of[i] = tuple(docs[j].article.id for j in story if j != i)
    items = [Item(it.article, it.summary, it.facts, it.reading_minutes, related_of.get(i, ()))
             for i, it in enumerate(items)]
    placed: dict[str, list[int]] = defaultdict(list)
    leftovers: list[list[int]] = []
    for story in stories:
        totals = np.sum([scores[i] for i in story], axis=0) if specs else []
        if len(totals) and totals.max() / len(story) >= MIN_THEME_SCORE:
            placed[specs[int(totals.argmax())].key].extend(story)
        else:
            leftovers.append(story)

    def theme(key: str, zh: str, en: str, members: list[int]) -> Theme:
        return _theme(key, zh, en, [items[i] for i in members])

    themes = [theme(spec.key, spec.zh, spec.en, placed[spec.key])
              for spec in specs if placed.get(spec.key)]
    taken: set[str] = set()
    for number, cluster in enumerate(_cluster(docs, leftovers, bags), start=1):
        zh, en = _label([items[i].summary for i in cluster], taken)
        themes.append(theme(f"more-{number}", zh, en, cluster))
    return tuple(sorted(themes, key=lambda t: (-t.weight, t.key)))


def _cluster(docs: list[Document], stories: list[list[int]], bags: Bags) -> list[list[int]]:
    """Group the stories no configured theme took: a few clusters by content (count
    chosen by silhouette), with the stories that join no other in one last group."""
    if len(stories) < 4:
        return [[i for story in stories for i in story]] if stories else []
    firsts = [story[0] for story in stories]
    labels = cluster_documents([docs[i] for i in firsts], None,
                               max_k=max(2, min(8, len(stories) // 3)), bags=bags.subset(firsts))
    groups: dict[int, list[int]] = defaultdict(list)
    for story, label in zip(stories, labels):
        groups[label].extend(story)
    clusters = sorted(groups.values(), key=len, reverse=True)
    joined = [c for c in clusters if len(c) > 1]
    alone = [i for c in clusters if len(c) == 1 for i in c]
    return joined + ([alone] if alone else [])


def _label(summaries: list[Summary], taken: set[str]) -> tuple[str, str]:
    """A bilingual label from the cluster's most shared keywords not used by another label."""
    counts: dict[str, int] = defaultdict(int)
    for summary in summaries:
        for rank, word in enumerate(summary.keywords[:5]):
            counts[word] += 5 - rank
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    top = ([w for w in ranked if w not in taken] or ranked)[:2]
    taken.update(top)
    english = {hans: en for hans, _v, en, _k in glossary()}
    zh = "、".join(w.upper() if w.isascii() else w for w in top) or "其他"
    en_words = [english.get(w) or (w.upper() if len(w) <= 4 else w.title())
                for w in top if w in english or w.isascii()]
    return zh, ("More on " + " & ".join(en_words)) if en_words else "Other stories"


def _theme(key: str, zh: str, en: str, items: list[Item]) -> Theme:
    # Related articles next to each other, strongest summaries first.
    items.sort(key=lambda it: -(it.summary.scores[0] if it.summary.scores else 0.0))
    by_id = {it.article.id: it for it in items}
    ordered: list[Item] = []
    done: set[str] = set()
    for item in items:
        if item.article.id in done:
            continue
        for member in (item, *(by_id[r] for r in item.related if r in by_id)):
            if member.article.id not in done:
                done.add(member.article.id)
                ordered.append(member)
    weight = sum(1.0 + min(1.0, it.article.chars / 4000) for it in ordered)
    return Theme(key, zh, en, tuple(ordered), "", weight)
