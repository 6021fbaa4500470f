"""Theme overviews: one sentence per theme that its summaries do not already show."""

from __future__ import annotations

import dataclasses
import re

from ..models import Document, Item, Theme
from .repeats import Shown, rated, sentence_form

OVERVIEW_NEAR = 12        # the overview avoids near-repeats of this many items' summaries
# A sentence about the text it stands in ("本文也分享了…", "笔者认为…"): under a theme's
# heading it would seem to speak of the whole theme.
# (日本文化 and 本期净利润 are not that; the words open a clause.)
ABOUT_ITSELF = re.compile(r"(?:^|[，,。；;：:“「\"\s])(?:本文|本篇|这篇文章|這篇文章|笔者|筆者|小编|小編)")


def with_overviews(themes: tuple[Theme, ...], docs: dict[str, Document], budget: int) -> tuple[Theme, ...]:
    return tuple(dataclasses.replace(t, overview=overview(t.shown, docs, budget))
                 if t.kind != "other" else t for t in themes)


def overview(items: tuple[Item, ...], docs: dict[str, Document], budget: int) -> str:
    """The theme's strongest sentence that its items' summaries do not already show
    (from its lead story, the most important, within the summary budget; failing that,
    from the next two). It stands alone, so
    it never opens with a reference to a sentence before it (该观点…, 这些评级…)."""
    shown = Shown()
    exact = set()
    for number, it in enumerate(items):
        doc = docs[it.article.id]           # read from a build's spill file once an item
        for s in it.summary.sentences:
            plain = sentence_form(s, doc)
            if number < OVERVIEW_NEAR:
                shown.add(plain)
            exact.add(plain.lower())
    for item in items[:3]:
        # Ratings are comparable within one article only: the lead story's best sentence
        # wins, whatever a later story's ratings say.
        best: tuple[float, str] = (-1.0, "")
        doc = docs[item.article.id]
        for sentence, score in zip(doc.sentences, rated(item.summary, docs).ratings):
            text = sentence.text.strip()
            if score <= best[0] or len(text) > budget or sentence.kind != "body" or sentence.refers \
                    or ABOUT_ITSELF.search(text):
                continue
            plain = sentence_form(sentence, doc)
            if plain.lower() in exact or shown.repeats(plain):
                continue
            best = (float(score), text)
        if best[1]:
            return best[1]
    return ""  # every good sentence is already shown
