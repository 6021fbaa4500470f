"""Keywords: a document's top TF-IDF words (sublinear tf, title words counted thrice).

One document's come from its tokens by jieba's general IDF (:func:`keywords`); a
whole build's from the counted words of every document at once by the corpus IDF
(:func:`bag_keywords`), as numpy arrays rather than a dictionary per document.
"""

from __future__ import annotations

import heapq
import io
import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np

from .bags import Bags
from ..models import Document

NUMBER = re.compile(r"^[\d.,%+\-]+$")
TITLE_BONUS = 2           # a word of the title counts as this many more uses


@lru_cache(maxsize=1)
def jieba_idf() -> tuple[dict[str, float], float]:
    """jieba's IDF table (from a large general corpus) and its median."""
    from importlib import resources

    text = resources.files("jieba").joinpath("analyse").joinpath("idf.txt").read_text("utf-8")
    # "word value" lines, read one at a time (no list of every field), and one float object
    # per distinct value (a few thousand for 270,000 words): the table is half the memory.
    table: dict[str, float] = {}
    values: dict[float, float] = {}
    for line in io.StringIO(text):
        word, value = line.split()
        value = float(value)
        table[word] = values.setdefault(value, value)
    del text
    values = sorted(table.values())
    return table, values[len(values) // 2]


def keywords(doc: Document, k: int = 8, counted: dict[str, int] | None = None) -> tuple[str, ...]:
    """Top TF-IDF words of one document by jieba's general IDF: :func:`bag_keywords`'s
    rule, with dictionaries (for one document, faster than numpy's per-call cost; a test
    holds the two to the same words). ``counted`` is ``Counter(doc.tokens)`` when
    already counted."""
    counted = Counter(doc.tokens) if counted is None else counted
    idf = _idf_of(counted)
    counts = {t: c for t, c in counted.items() if idf[t] is not None}
    for t in doc.title_tokens:
        if t in counts:
            counts[t] += TITLE_BONUS
    log = math.log
    weights = {t: (1 + log(c)) * idf[t] for t, c in counts.items()}
    if len(weights) > k:                # only the words at or above the k-th weight are sorted
        floor = heapq.nlargest(k, weights.values())[-1]
        weights = {t: w for t, w in weights.items() if w >= floor}
    return tuple(sorted(weights, key=lambda t: (-weights[t], t))[:k])


_IDF_OF: dict[str, float | None] = {}      # word -> its general IDF; None: no keyword
_REMEMBERED = 400_000


def _idf_of(words) -> dict[str, float | None]:
    """The words' general IDF (the median for a word jieba's table lacks), or None for a
    word that is no keyword (one character, or a number), each worked out once a process."""
    known = _IDF_OF
    if len(known) > _REMEMBERED:
        known.clear()
    new = [t for t in words if t not in known]
    if new:
        general, median = jieba_idf()
        known.update((t, None if len(t) <= 1 or NUMBER.match(t) else general.get(t, median)) for t in new)
    return known


def corpus_idf(bags: Bags) -> np.ndarray:
    """For each of ``bags``' terms, jieba's general IDF plus this run's own: a word every
    article uses says little here."""
    general, median = jieba_idf()
    own = np.log((len(bags) + 1) / (bags.df + 1))
    return np.fromiter((general.get(t, median) for t in bags.terms), dtype=np.float64,
                       count=len(bags.terms)) + own


def bag_keywords(bags: Bags, titles: list[tuple[str, ...]], idf: np.ndarray,
                 k: int = 8) -> list[tuple[str, ...]]:
    """:func:`keywords` of every document of ``bags`` (``titles``: each one's title
    tokens) by the corpus IDF ``idf`` (:func:`corpus_idf`)."""
    index = {t: i for i, t in enumerate(bags.terms)}
    usable = np.fromiter((len(t) > 1 and not NUMBER.match(t) for t in bags.terms), dtype=bool,
                         count=len(bags.terms))
    out = []
    for ids, counts, title in zip(bags.ids, bags.counts, titles):
        keep = usable[ids]
        ids, counts = ids[keep], counts[keep]
        if title:
            position = {t: p for p, t in enumerate(ids.tolist())}
            counts = counts.copy()
            for t in title:
                p = position.get(index.get(t, -1))
                if p is not None:
                    counts[p] += TITLE_BONUS
        weights = (1 + np.log(counts)) * idf[ids]
        if len(weights) > k:            # only the words at or above the k-th weight are sorted
            keep = weights >= np.partition(weights, -k)[-k]
            ids, weights = ids[keep], weights[keep]
        ranked = sorted(zip((-weights).tolist(), (bags.terms[i] for i in ids.tolist())))
        out.append(tuple(t for _, t in ranked[:k]))
    return out
