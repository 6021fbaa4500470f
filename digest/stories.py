"""Stories: articles on the same event, found by the words they share.

Each article is compared only with those sharing two of its most distinctive
words, so the cost grows with the number of articles, not with its square.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict

from .models import Document

RELATED = 0.45            # document cosine above which two articles are on the same story
MAX_STORY = 8             # articles at most in one story group


def related_groups(docs: list[Document], top_terms: int = 12, max_postings: int = 100) -> list[list[int]]:
    """Indices of documents grouped by story (TF-IDF cosine >= RELATED), at most
    MAX_STORY to a group, strongest links first, so one chain cannot swallow a week.

    Cost grows linearly with the number of documents: each document is compared
    only with those sharing two of its most distinctive words, and a word in more
    than ``max_postings`` documents proposes no pairs (it says nothing about a story).
    """
    if not docs:
        return []
    n = len(docs)
    df = Counter(t for d in docs for t in set(d.tokens))
    weights, tops = [], []
    for doc in docs:
        row = {t: (1.0 + math.log(c)) * (math.log((n + 1) / (df[t] + 1)) + 1.0)
               for t, c in Counter(doc.tokens).items()}
        norm = math.sqrt(sum(w * w for w in row.values())) or 1.0
        weights.append({t: w / norm for t, w in row.items()})
        tops.append(heapq.nlargest(top_terms, row, key=row.get))
    postings: dict[str, list[int]] = defaultdict(list)
    for i, top in enumerate(tops):
        for t in top:
            postings[t].append(i)
    links = []
    for i, top in enumerate(tops):
        shared = Counter(j for t in top if len(postings[t]) <= max_postings
                         for j in postings[t] if j > i)
        for j, count in shared.items():
            if count >= 2:
                small, large = sorted((weights[i], weights[j]), key=len)
                similarity = sum(w * large.get(t, 0.0) for t, w in small.items())
                if similarity >= RELATED:
                    links.append((-similarity, i, j))
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
