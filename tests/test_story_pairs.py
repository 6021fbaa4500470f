"""Candidate pairs of reports are counted block by block: the same pairs and counts
whatever the block size, and the same as counting every pair by hand."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

import numpy as np

from digest.editorial import stories


def by_hand(words_of, most, least):
    postings: dict = {}
    for i, words in enumerate(words_of):
        for w in set(words):
            postings.setdefault(w, []).append(i)
    shared = Counter(pair for docs in postings.values() if 2 <= len(docs) <= most
                     for pair in combinations(sorted(docs), 2))
    out: dict = {}
    for (a, b), count in sorted(shared.items()):
        if count >= least:
            out.setdefault(a, []).append((b, count))
    return out


def test_pairs_are_the_same_in_one_block_or_many(monkeypatch):
    rng = random.Random(7)
    words_of = [frozenset(rng.sample(range(60), rng.randint(0, 9))) for _ in range(300)]
    arrays = [np.array(sorted(w), dtype=np.int64) for w in words_of]
    expected = by_hand(words_of, 25, 2)
    assert expected                                     # the sample has pairs to find
    for chunk in (4_000_000, 50, 7, 1):
        monkeypatch.setattr(stories, "PAIR_CHUNK", chunk)
        assert stories._pairs(words_of, 25, 2) == expected
        assert stories._pairs(arrays, 25, 2, counted=False) == \
            {a: [b for b, _ in pairs] for a, pairs in expected.items()}
