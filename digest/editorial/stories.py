"""Stories: articles on the same event, found by the words they share.

Each article is compared only with those sharing two of its most distinctive
words, so the cost grows with the number of articles, not with its square.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np

from .bags import Bags, bags_of
from ..models import Document

RELATED = 0.45            # document cosine above which two articles are on the same story
MAX_STORY = 8             # articles at most in one story group


def related_groups(docs: list[Document], top_terms: int = 12, max_postings: int = 100,
                   bags: Bags | None = None) -> list[list[int]]:
    """Indices of documents grouped by story (TF-IDF cosine >= RELATED), at most
    MAX_STORY to a group, strongest links first, so one chain cannot swallow a week.

    Cost grows linearly with the number of documents: each document is compared
    only with those sharing two of its most distinctive words, and a word in more
    than ``max_postings`` documents proposes no pairs (it says nothing about a story).
    ``bags`` are the documents' counted words, when already counted.
    """
    if not docs:
        return []
    bags = bags_of(docs) if bags is None else bags
    n = len(docs)
    idf = np.log((n + 1) / (bags.df + 1)) + 1.0
    weights, tops = [], []
    for ids, counts in zip(bags.ids, bags.counts):
        row = (1.0 + np.log(counts)) * idf[ids]
        weights.append(row / (float(np.sqrt(row @ row)) or 1.0))
        # the most distinctive words; on equal weight, the one used first
        tops.append(ids[np.argsort(-row, kind="stable")[:top_terms]].tolist())
    postings: dict[int, list[int]] = defaultdict(list)
    for i, top in enumerate(tops):
        for t in top:
            postings[t].append(i)
    links = []
    dense = np.zeros(len(bags.terms))          # document i's weights, spread over the vocabulary
    for i, top in enumerate(tops):
        shared = Counter(j for t in top if len(postings[t]) <= max_postings
                         for j in postings[t] if j > i)
        pairs = [j for j, count in shared.items() if count >= 2]
        if not pairs:
            continue
        dense[bags.ids[i]] = weights[i]
        for j in pairs:
            similarity = float(dense[bags.ids[j]] @ weights[j])
            if similarity >= RELATED:
                links.append((-similarity, i, j))
        dense[bags.ids[i]] = 0.0
    parent, size = list(range(n)), [1] * n

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in sorted(links):
        a, b = root(i), root(j)
        if a != b and size[a] + size[b] <= MAX_STORY:
            parent[b] = a
            size[a] += size[b]
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[root(i)].append(i)
    return list(groups.values())
