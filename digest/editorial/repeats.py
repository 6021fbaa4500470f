"""No sentence twice: repeated sentences found by character bigrams, summaries picked anew.

A step of composing the digest, after themes are placed and before their
overviews are chosen.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping

import numpy as np

from .document import words_of
from ..models import Document, Item, Sentence, Summary, Theme
from ..text.script import fold_width, to_simplified
from .summarize import repick

NEAR_SAME = 0.7           # character-bigram overlap above which two sentences repeat


@functools.lru_cache(maxsize=1 << 16)
def normal_form(text: str) -> str:
    """A sentence reduced to its words in Simplified script: what repeat checks compare.
    Its lower-cased form spots identical sentences; its bigrams, near-identical ones."""
    return words_of(to_simplified(fold_width(text)))


def sentence_form(sentence: Sentence, doc: Document) -> str:
    """:func:`normal_form` of one of ``doc``'s sentences, from the Simplified text its
    Document was built with when it carries it (a sentence cut to the budget is
    converted now)."""
    if doc.normal and sentence.index < len(doc.normal) \
            and doc.sentences[sentence.index].text == sentence.text:
        return _words_of(doc.normal[sentence.index])
    return normal_form(sentence.text)


# a sentence is asked about when it is checked and again when it is shown
_words_of = functools.lru_cache(maxsize=1 << 16)(words_of)


def forget() -> None:
    """Let go of the normal forms remembered for the repeat checks, once a digest's
    themes are arranged: two caches of 65,536 sentences read back from a build's spill
    file (about 80 MB at 40,000 articles) would otherwise stay to the process's end."""
    normal_form.cache_clear()
    _words_of.cache_clear()


def _bigrams(plain: str) -> frozenset[int]:
    """A sentence's character bigrams, each as one number (smaller than a string): a
    character's code shifted past the largest code, then the next character's."""
    codes = np.frombuffer(plain.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    return frozenset(((codes[:-1] << 21) | codes[1:]).tolist())


class Shown:
    """Sentences already shown for one story. A story holds at most MAX_STORY articles
    of at most five summary sentences each, so a new sentence is compared with each
    shown one directly: few comparisons, each one set intersection."""

    def __init__(self) -> None:
        self.grams: list[frozenset[int]] = []

    def add(self, plain: str) -> None:
        self.grams.append(_bigrams(plain))

    def repeats(self, plain: str) -> bool:
        if not self.grams:
            return False
        grams = _bigrams(plain)
        for other in self.grams:
            smaller = max(1, min(len(grams), len(other)))
            if len(grams & other) >= NEAR_SAME * smaller:
                return True
        return False


def rated(summary: Summary, docs: Mapping[str, Document]) -> Summary:
    """``summary`` with its ratings: its own, or those ``docs`` keep apart (a build keeps
    them in its spill file, with the sentences, until a summary is picked anew)."""
    restore = getattr(docs, "rated", None)
    return summary if restore is None else restore(summary)


def without_repeats(themes: tuple[Theme, ...], docs: dict[str, Document],
                    budget: int) -> tuple[Theme, ...]:
    """No sentence twice in a digest: a sentence already shown for an earlier article
    (in theme order) is not shown again, and that article's summary is picked anew from
    the ratings it has. Identical sentences (after normalising) are looked for across
    the whole digest, near-identical ones among the articles of the same story."""
    exact: set[str] = set()
    return tuple(dataclasses.replace(theme, items=tuple(_drop_repeats(list(theme.items), docs,
                                                                      budget, exact)))
                 for theme in themes)


def _drop_repeats(items: list[Item], docs: dict[str, Document], budget: int,
                  exact: set[str]) -> list[Item]:
    stories: dict[str, Shown] = {}
    keys = [min((item.article.id, *item.related)) for item in items]
    last = {story: number for number, story in enumerate(keys)}
    out = []
    for number, (item, story) in enumerate(zip(items, keys)):
        if last[story] == number:       # the story's last article here: then let it go
            shown = stories.pop(story, None) or Shown()
        else:
            shown = stories.setdefault(story, Shown())

        doc = docs[item.article.id]

        def repeats(sentence, shown=shown, doc=doc) -> bool:
            plain = sentence_form(sentence, doc)
            return plain.lower() in exact or shown.repeats(plain)

        if any(repeats(s) for s in item.summary.sentences):
            full = rated(item.summary, docs)
            summary = repick(doc, full, budget, repeats)
            if full is not item.summary:    # ratings read back stay where they were kept
                summary = dataclasses.replace(summary, ratings=item.summary.ratings,
                                              similarity=item.summary.similarity)
            item = dataclasses.replace(item, summary=summary)
        for s in item.summary.sentences:
            plain = sentence_form(s, doc)
            shown.add(plain)
            exact.add(plain.lower())
        out.append(item)
    return out
