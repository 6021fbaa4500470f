"""No sentence twice: repeated sentences found by character bigrams, summaries picked anew.

A step of composing the digest, after themes are placed and before their
overviews are chosen.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter, defaultdict

from .models import Document, Item, Theme
from .script import to_simplified
from .summarize import repick

NOT_WORD = re.compile(r"\W+")
NEAR_SAME = 0.7           # character-bigram overlap above which two sentences repeat


@functools.lru_cache(maxsize=1 << 16)
def normal_form(text: str) -> str:
    """A sentence reduced to its words in Simplified script: what repeat checks compare.
    Its lower-cased form spots identical sentences; its bigrams, near-identical ones."""
    return NOT_WORD.sub("", to_simplified(text))


def _bigrams(plain: str) -> frozenset[int]:
    """A sentence's character bigrams, each as one number (smaller than a string)."""
    codes = [ord(ch) for ch in plain]
    return frozenset(a << 21 | b for a, b in zip(codes, codes[1:]))


class Shown:
    """Sentences already shown, indexed by character bigram, so asking whether a new
    sentence repeats one (NEAR_SAME of the shorter one's bigrams in common) looks at
    the few that share its rarer bigrams, not at every sentence shown."""

    COMMON = 200     # a bigram in more shown sentences than this proposes no candidates

    def __init__(self) -> None:
        self.grams: list[frozenset[int]] = []
        self.postings: dict[int, list[int]] = defaultdict(list)

    def add(self, plain: str) -> None:
        grams = _bigrams(plain)
        for g in grams:
            self.postings[g].append(len(self.grams))
        self.grams.append(grams)

    def repeats(self, plain: str) -> bool:
        grams = _bigrams(plain)
        shared: Counter[int] = Counter()
        skipped = 0
        for g in grams:
            members = self.postings.get(g, ())
            if len(members) > self.COMMON:
                skipped += 1
            else:
                shared.update(members)
        for i, count in shared.items():
            smaller = max(1, min(len(grams), len(self.grams[i])))
            # ``count`` bigrams in common are known; the skipped ones might add more.
            if count + skipped >= NEAR_SAME * smaller and \
                    len(grams & self.grams[i]) / smaller >= NEAR_SAME:
                return True
        return False


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
    out = []
    for item in items:
        story = min((item.article.id, *item.related))
        shown = stories.setdefault(story, Shown())

        def repeats(sentence, shown=shown) -> bool:
            plain = normal_form(sentence.text)
            return plain.lower() in exact or shown.repeats(plain)

        if any(repeats(s) for s in item.summary.sentences):
            summary = repick(docs[item.article.id], item.summary, budget, repeats)
            item = Item(item.article, summary, item.facts, item.reading_minutes, item.related,
                        item.english)
        for s in item.summary.sentences:
            plain = normal_form(s.text)
            shown.add(plain)
            exact.add(plain.lower())
        out.append(item)
    return out
