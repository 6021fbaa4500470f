"""Bags of words: each document's token counts over one shared vocabulary.

Counted once per build and shared by the corpus IDF, the story links and the
clustering, which all need the same counts; numpy arrays rather than a Counter
per document, so that document frequencies are one ``bincount``.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
import numpy as np

from ..models import Document
from .pairs import flat


@dataclass(frozen=True)
class Bags:
    terms: tuple[str, ...]               # vocabulary, in order of first use
    ids: tuple[np.ndarray, ...]          # per document: its distinct term ids, in order of first use
    counts: tuple[np.ndarray, ...]       # per document: how often each of those occurs
    # (each document's start and the end, all the ids one after another) when ``ids`` are
    # views of that one array, as a build's bags are
    joined: tuple[np.ndarray, np.ndarray] | None = field(default=None, compare=False, repr=False)

    @property
    def df(self) -> np.ndarray:
        """Documents each term occurs in."""
        if not self.ids:
            return np.zeros(len(self.terms), dtype=np.int64)
        return np.bincount(self.flat()[1], minlength=len(self.terms))

    def flat(self) -> tuple[np.ndarray, np.ndarray]:
        """:func:`pairs.flat` of the documents' ids: the array they are views of, when they
        are (no copy of every id), else one made now."""
        return self.joined if self.joined is not None else flat(self.ids)

    def subset(self, rows: list[int]) -> Bags:
        """The bags of the documents ``rows``, over the same vocabulary."""
        return Bags(self.terms, tuple(self.ids[r] for r in rows), tuple(self.counts[r] for r in rows))

    def __len__(self) -> int:
        return len(self.ids)


def bags_of(docs: list[Document]) -> Bags:
    """Bags of Documents that still hold their tokens."""
    return bags_from([(tuple(c), tuple(c.values())) for c in map(Counter, (d.tokens for d in docs))])


def bags_from(counted) -> Bags:
    """Bags from each document's (tokens, counts), counted where the document was made."""
    counting = Counting()
    for terms, counts in counted:
        counting.add(terms, counts)
    return counting.bags()


class Counting:
    """Bags made one document at a time, as each document's counts arrive: its tokens
    become term ids at once, so no document keeps token strings of its own. The
    vocabulary is in order of first use; each new term is interned, so that other
    records of the same word (title tokens, lead words) can share its one string."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.ids: list[np.ndarray] = []
        self.counts: list[np.ndarray] = []
        self.shared: tuple[str, ...] | None = None   # the last shared vocabulary seen...
        self.to_ids = np.zeros(0, dtype=np.int32)     # ...and its terms' ids in this one

    def _ids(self, terms: tuple[str, ...]) -> np.ndarray:
        """The ids of ``terms`` in the vocabulary, new terms interned and added."""
        vocab = self.vocab
        ids = list(map(vocab.get, terms))      # one lookup a term, in C
        if None in ids:
            for at, term in enumerate(terms):
                if ids[at] is None:
                    found = vocab.get(term)    # a term twice in ``terms`` is added once
                    ids[at] = found if found is not None else vocab.setdefault(sys.intern(term), len(vocab))
        # 32-bit ids and whole counts: half the memory of int64 and float64, and the
        # same numbers wherever they are used (np.log of a count gives a float64).
        return np.array(ids, dtype=np.int32)

    def add(self, terms: tuple[str, ...], counts: tuple[int, ...]) -> None:
        """One document's distinct terms and how often each occurs."""
        self.ids.append(self._ids(terms))
        self.counts.append(np.asarray(counts, dtype=np.int32))

    def add_shared(self, terms: tuple[str, ...], ids: np.ndarray, counts: np.ndarray) -> None:
        """One document's counts as ids into ``terms``, a vocabulary in order of first use
        shared by the documents counted together (see :func:`shared_counts`) and given as
        the same object for each of them: its words are looked up once, not once a document."""
        if terms is not self.shared:
            self.to_ids, self.shared = self._ids(terms), terms
        self.ids.append(self.to_ids[ids])
        self.counts.append(counts)

    def bags(self) -> Bags:
        """The bags counted so far, each document's ids a view of one array of them all
        (whose copy the story links and the document frequencies would otherwise make);
        this counting lets go of its own arrays."""
        starts, every = flat(self.ids)
        ids = tuple(every[a:b] for a, b in zip(starts[:-1].tolist(), starts[1:].tolist()))
        bags = Bags(tuple(self.vocab), ids, tuple(self.counts), (starts, every))
        self.ids, self.counts = [], []
        return bags


def shared_counts(counted: list[Counter]) -> tuple[tuple[str, ...], list[tuple[np.ndarray, np.ndarray]]]:
    """Documents' counted words over one vocabulary of their own (their terms in order of
    first use) and, per document, its distinct terms' ids in it (in order of first use)
    and their counts: what :meth:`Counting.add_shared` takes."""
    vocab: dict[str, int] = {}
    rows = []
    for counts in counted:
        for term in counts:
            vocab.setdefault(term, len(vocab))
        rows.append((np.fromiter(map(vocab.__getitem__, counts), dtype=np.int32, count=len(counts)),
                     np.fromiter(counts.values(), dtype=np.int32, count=len(counts))))
    return tuple(vocab), rows
