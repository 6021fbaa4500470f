"""Candidate pairs of documents, found by the words they share, for the story links.

Every pair of each word's documents is counted at once in numpy, a block at a time
(:func:`sharing`), and kept in arrays (:class:`Partners`) rather than Python tuples;
:class:`Weights` gives the documents' weights to check a document's candidates against
it all at once, so that only the few that may be linked are weighed one by one.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Mapping

import numpy as np

PAIR_CHUNK = 1_000_000    # pairs of documents made and counted at once
MARGIN = 1e-6             # how far below a threshold a pair is still weighed exactly


def sharing(words_of: list, most: int, least: int, counted: bool = True) -> Mapping[int, list]:
    """{document: (a later document, how many words they share) for those sharing at
    least ``least`` words}, of each document's ``words_of`` (sets of words, or arrays of
    word ids); only the later documents when not ``counted``. A word of one document pairs
    it with none, and a word of more than ``most`` tells no event. Every pair of each
    word's documents is counted at once, the words of one document count grouped
    together (no loop over pairs)."""
    n = len(words_of)
    if words_of and all(isinstance(words, np.ndarray) for words in words_of):
        flat = np.concatenate(words_of).astype(np.int64)
    else:
        vocabulary: dict = {}
        flat = np.fromiter((vocabulary.setdefault(w, len(vocabulary)) for words in words_of for w in words),
                           dtype=np.int64)
    if not len(flat):
        return Partners(np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.int32), counted)
    owners = np.repeat(np.arange(n, dtype=np.int64), np.fromiter(map(len, words_of), dtype=np.int64, count=n))
    order = np.argsort(flat, kind="stable")          # each word's documents, in order
    owners = owners[order]
    used = np.bincount(flat)
    keys, counts = _pair_counts(owners, np.cumsum(used) - used, used, n, most, least)
    return Partners((keys // n).astype(np.int32), (keys % n).astype(np.int32), counts, counted)


class Partners(Mapping):
    """{document: its later partners (with how many words each shares, when counted)},
    each document's list made when asked for: the pairs stay in numpy arrays, sixteen bytes
    a pair rather than a hundred as Python tuples (millions of pairs at 100,000 articles).
    ``rows``, ``later`` and ``shared`` are each pair's document, partner and count."""

    def __init__(self, rows: np.ndarray, later: np.ndarray, shared: np.ndarray, counted: bool):
        self.rows, self.later, self.shared, self.counted = rows, later, shared, counted
        firsts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if len(rows) else rows
        # each document with partners, ascending, and where its pairs start (and the end):
        # two lists of numbers, searched by bisection (a dictionary of spans held three
        # times the memory, at 100,000 articles tens of MB for each kind of pair)
        self.documents = rows[firsts].tolist()
        self.bounds = [*firsts.tolist(), len(rows)]

    def __getitem__(self, row: int) -> list:
        at = bisect_left(self.documents, row)
        if at == len(self.documents) or self.documents[at] != row:
            raise KeyError(row)
        a, b = self.bounds[at], self.bounds[at + 1]
        if not self.counted:
            return self.later[a:b].tolist()
        return list(zip(self.later[a:b].tolist(), self.shared[a:b].tolist()))

    def __iter__(self):
        return iter(self.documents)

    def span(self, first: int, last: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The pairs of documents ``first`` to ``last`` (exclusive): each pair's document,
        partner and count."""
        a, b = np.searchsorted(self.rows, [first, last]).tolist()
        return self.rows[a:b], self.later[a:b], self.shared[a:b]

    def kept(self, keep: np.ndarray) -> Partners:
        """Only the pairs ``keep`` marks (a test worked out for every pair at once)."""
        return Partners(self.rows[keep], self.later[keep], self.shared[keep], self.counted)

    def __len__(self) -> int:
        return len(self.documents)


def _pair_counts(owners: np.ndarray, starts: np.ndarray, used: np.ndarray, n: int,
                 most: int, least: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Each pair of documents that share at least ``least`` words (as ``first * n +
    second``, ascending) and how many words they share (32-bit), from each word's
    documents in ascending order. The pairs are made PAIR_CHUNK at a time and sorted into
    blocks by their first document, and each block is counted on its own and keeps only
    the pairs sharing enough: the whole list is held once, in 32 bits, never sorted whole
    (at 100,000 articles, counting it at once held three copies of it)."""
    sizes = np.unique(used[(used >= 2) & (used <= most)]).tolist()
    words = {size: starts[used == size] for size in sizes}
    total = sum(len(words[size]) * size * (size - 1) // 2 for size in sizes)
    if not total:
        return np.zeros(0, np.int64), np.zeros(0, np.int32)
    # Blocks of first documents few enough that a pair within one is 32 bits: its first
    # document's place in the block, times n, plus its second.
    width = max(1, min(-(-n // -(-total // PAIR_CHUNK)), 2**32 // n))
    blocks = -(-n // width)
    held: list[list[np.ndarray]] = [[] for _ in range(blocks)]
    for size in sizes:
        first, second = _triangle(size)
        step = max(1, PAIR_CHUNK // len(first))
        for at in range(0, len(words[size]), step):
            table = owners[words[size][at:at + step, None] + np.arange(size)]
            lead = table[:, first].ravel()
            block = lead // width
            order = np.argsort(block, kind="stable")
            keys = ((lead - block * width) * n + table[:, second].ravel())[order].astype(np.uint32)
            bounds = np.searchsorted(block[order], np.arange(blocks + 1)).tolist()
            for k in range(blocks):
                if bounds[k] < bounds[k + 1]:
                    held[k].append(keys[bounds[k]:bounds[k + 1]])
    counted = [(np.zeros(0, np.int64), np.zeros(0, np.int32))]
    for k in range(blocks):
        if held[k]:
            keys, counts = np.unique(np.concatenate(held[k]), return_counts=True)
            held[k] = []
            enough = counts >= least
            counted.append((keys[enough].astype(np.int64) + k * width * n, counts[enough].astype(np.int32)))
    return np.concatenate([c[0] for c in counted]), np.concatenate([c[1] for c in counted])


@functools.lru_cache(maxsize=256)
def _triangle(size: int) -> tuple[np.ndarray, np.ndarray]:
    """The index pairs (a < b) of a list of ``size``."""
    return np.triu_indices(size, 1)


class Weights:
    """Every document's weights in flat arrays: document ``i``'s term ids are
    ``ids[starts[i]:starts[i + 1]]`` and their weights the same slice of ``weights``;
    to weigh many pairs of documents at once."""

    BLOCK = 32                # documents whose weights are spread out at once

    def __init__(self, starts: np.ndarray, ids: np.ndarray, weights: np.ndarray, width: int) -> None:
        self.starts, self.ids, self.weights, self.width = starts, ids, weights, width

    def _spans(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each of ``rows``, where its terms lie in the flat arrays, all together; and
        which of ``rows`` each is of."""
        first, sizes = self.starts[rows], self.starts[rows + 1] - self.starts[rows]
        at = np.repeat(first - (np.cumsum(sizes) - sizes), sizes) + np.arange(int(sizes.sum()))
        return at, np.repeat(np.arange(len(rows)), sizes)

    def within_reach(self, firsts: np.ndarray, seconds: np.ndarray, floors: np.ndarray) -> np.ndarray:
        """Which pairs (``firsts[k]``, ``seconds[k]``, the firsts in ascending order) may
        weigh at least ``floors[k]`` (the dot product of their weights): summed in another
        order than a dot product, so what comes within MARGIN of its floor is kept, to be
        weighed exactly."""
        reach = np.zeros(len(firsts), dtype=bool)
        column = np.zeros(self.width, dtype=np.int64)
        bounds = np.searchsorted(firsts, np.arange(0, int(firsts[-1]) + self.BLOCK + 1, self.BLOCK)) \
            if len(firsts) else np.zeros(1, np.int64)
        for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
            if lo == hi:
                continue
            block = firsts[lo:hi]
            new = np.r_[True, block[1:] != block[:-1]]
            mine, row_of = block[new], np.cumsum(new) - 1
            at, owner = self._spans(mine)
            terms = self.ids[at]
            # the block's first documents' weights, one row each, in one flat array: a
            # term's place in a row is its column (0: a term none of them has)
            span = len(terms) + 1
            column[terms] = np.arange(1, span)
            spread = np.zeros(len(mine) * span)
            spread[owner * span + column[terms]] = self.weights[at]
            # each pair's second document's terms, looked up in its first's row
            second = seconds[lo:hi]
            first, sizes = self.starts[second], self.starts[second + 1] - self.starts[second]
            ends = np.cumsum(sizes)
            at = np.repeat(first - (ends - sizes), sizes)
            at += np.arange(int(ends[-1]))
            where = column[self.ids[at]]
            where += np.repeat(row_of * span, sizes)
            products = spread[where]
            products *= self.weights[at]
            sums = np.bincount(np.repeat(np.arange(hi - lo), sizes), weights=products, minlength=hi - lo)
            reach[lo:hi] = sums >= floors[lo:hi] - MARGIN
            column[terms] = 0
        return reach


def flat(arrays: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Each array's start in their concatenation (and the end of the last), and the
    concatenation."""
    lengths = np.fromiter(map(len, arrays), dtype=np.int64, count=len(arrays))
    starts = np.concatenate([[0], np.cumsum(lengths)])
    return starts, np.concatenate(arrays) if arrays else np.zeros(0, np.int32)
