"""Bags of words: each document's token counts over one shared vocabulary.

Counted once per build and shared by the corpus IDF, the story links and the
clustering, which all need the same counts; numpy arrays rather than a Counter
per document, so that document frequencies are one ``bincount``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import chain

import numpy as np

from ..models import Document


@dataclass(frozen=True)
class Bags:
    terms: tuple[str, ...]               # vocabulary, in order of first use
    ids: tuple[np.ndarray, ...]          # per document: its distinct term ids, in order of first use
    counts: tuple[np.ndarray, ...]       # per document: how often each of those occurs

    @property
    def df(self) -> np.ndarray:
        """Documents each term occurs in."""
        if not self.ids:
            return np.zeros(len(self.terms), dtype=np.int64)
        return np.bincount(np.concatenate(self.ids), minlength=len(self.terms))

    def subset(self, rows: list[int]) -> Bags:
        """The bags of the documents ``rows``, over the same vocabulary."""
        return Bags(self.terms, tuple(self.ids[r] for r in rows), tuple(self.counts[r] for r in rows))

    def __len__(self) -> int:
        return len(self.ids)


def bags_of(docs: list[Document]) -> Bags:
    """Bags of Documents that still hold their tokens."""
    return bags_from([(tuple(c), tuple(c.values())) for c in map(Counter, (d.tokens for d in docs))])


def bags_from(counted: list[tuple[tuple[str, ...], tuple[int, ...]]]) -> Bags:
    """Bags from each document's (tokens, counts), counted where the document was made."""
    # The vocabulary in order of first use, then each document's ids by lookups made in C.
    vocab = {t: i for i, t in enumerate(dict.fromkeys(chain.from_iterable(terms for terms, _ in counted)))}
    ids = tuple(np.fromiter(map(vocab.__getitem__, terms), dtype=np.int64, count=len(terms))
                for terms, _ in counted)
    counts = tuple(np.asarray(c, dtype=np.float64) for _, c in counted)
    return Bags(tuple(vocab), ids, counts)
