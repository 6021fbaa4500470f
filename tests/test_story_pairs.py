"""Candidate pairs of reports are counted block by block: the same pairs and counts
whatever the block size, and the same as counting every pair by hand."""

from __future__ import annotations

import random
from collections import Counter
from itertools import combinations

import numpy as np

from digest.editorial import pairs


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
        monkeypatch.setattr(pairs, "PAIR_CHUNK", chunk)
        assert pairs.sharing(words_of, 25, 2) == expected
        assert pairs.sharing(arrays, 25, 2, counted=False) == \
            {a: [b for b, _ in pairs] for a, pairs in expected.items()}


def test_pairs_within_reach_are_those_whose_weights_reach_their_floor():
    rng = np.random.default_rng(5)
    ids = [np.unique(rng.integers(0, 40, rng.integers(0, 12))).astype(np.int32) for _ in range(90)]
    weights = [rng.random(len(i)) for i in ids]
    weights = [w / (np.linalg.norm(w) or 1.0) for w in weights]
    firsts = np.repeat(np.arange(90), 5)
    seconds = rng.integers(0, 90, len(firsts))
    floors = rng.choice([0.15, 0.3, 0.45], len(firsts))
    exact = []
    for i, j, floor in zip(firsts, seconds, floors):
        dense = np.zeros(40)
        dense[ids[i]] = weights[i]
        exact.append(float(dense[ids[j]] @ weights[j]) >= floor)
    starts, flat_ids = pairs.flat(ids)
    reach = pairs.Weights(starts, flat_ids, np.concatenate(weights), 40).within_reach(firsts, seconds, floors)
    assert any(exact) and not all(exact)
    assert (reach >= np.array(exact)).all()                      # none that may link is left out
    assert reach.sum() <= sum(exact) + 2                         # and few more are weighed exactly
