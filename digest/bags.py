"""Bags of words: each document's token counts over one shared vocabulary.

Counted once per build and shared by the corpus IDF, the story links and the
clustering, which all need the same counts; numpy arrays rather than a Counter
per document, so that document frequencies are one ``bincount``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from .models import Document


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
    vocab: dict[str, int] = {}
    ids, counts = [], []
    for doc in docs:
        counted = Counter(doc.tokens)
        ids.append(np.fromiter((vocab.setdefault(t, len(vocab)) for t in counted), dtype=np.int64,
                               count=len(counted)))
        counts.append(np.fromiter(counted.values(), dtype=np.float64, count=len(counted)))
    return Bags(tuple(vocab), tuple(ids), tuple(counts))
