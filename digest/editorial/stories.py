"""Stories: articles on the same event, found by the words they share.

Each article is compared only with those sharing two of its most distinctive
words, or two words of its headline, so the cost grows with the number of
articles, not with its square. Two reports of one event from different sources
are often written apart (a wire story and a blog's rewrite) but headline it alike:
headlines sharing most of their words link two articles whose texts agree a
little, unless each headline names something the other does not (腾讯 in one,
阿里 in the other; 8% against 10%): two events of one kind, not one event.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from collections.abc import Collection

import numpy as np

from .bags import Bags, bags_of
from ..models import Document
from .pairs import Weights, sharing

RELATED = 0.45            # document cosine above which two articles are on the same story
MAX_STORY = 8             # articles at most in one story group
SAME_HEADLINE = 0.45      # share of headline words in common (Jaccard) for a headline link
HEADLINE_COSINE = 0.15    # ... when the texts agree at least this much
OWN_SHARED = 3            # headline words two reports share, one of them their own
RARE_IDF = 9.0            # a headline word this rare (jieba's general IDF) names something
LEAD_RARE_IDF = 8.5       # ... and a lead's word this rare is a name, a place or a term
LEAD_SENTENCES = 3
SHARED_NAMES = 4          # rare words of headline and lead two reports of one event share
NAMES_SHARE = 0.4         # ... as a share of the shorter list
NAMES_COSINE = 0.2        # ... when the texts agree at least this much
DATED_NAMES = 3           # rare words (a day of the month among them) two reports of one day share
DATED_COSINE = 0.3        # ... when the texts agree at least this much
_LATIN_WORD = re.compile(r"[a-z][a-z0-9.+\-]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DAY = re.compile(r"(?<!\d)(\d{1,2})日")
DAY = "\0day:"
_NONE: frozenset[str] = frozenset()     # one empty set for the many documents with none


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
    # Each kind of candidate pair is counted before the documents' weights are spread out
    # (counting holds every raw pair of a word's documents for a while), and each before
    # the words of the next kind are gathered.
    tops = [ids[np.argsort(-_row(ids, counts, idf), kind="stable")[:top_terms]]
            for ids, counts in zip(bags.ids, bags.counts)]  # the most distinctive words (first used on a tie)
    shared_terms = sharing(tops, max_postings, 2, counted=False)
    del tops
    leads = [doc.lead_words if doc.lead_words is not None else lead_words(doc) for doc in docs]
    days = [frozenset(w for w in words if w.startswith(DAY)) or _NONE for words in leads]
    named = sharing(leads, max_postings, DATED_NAMES)
    dated_lead = np.fromiter(map(bool, days), dtype=bool, count=n)
    named = named.kept((named.shared >= SHARED_NAMES) | dated_lead[named.rows] & dated_lead[named.later])
    heads = [_headline_words(doc) for doc in docs]
    _mark({w for words in heads for w in words})
    heads = list(map(_Head, heads))
    # Only the words few reports share can tell one event: a word in more reports than
    # that proposes no pair (and costs nothing).
    alike = sharing([h.words for h in heads], max_postings, 2)
    head_used = Counter(w for h in heads for w in h.words)
    # each headline's rare words no other headline but one uses: a name or a coinage
    own = [frozenset(w for w in h.names if head_used[w] == 2) or _NONE for h in heads]
    # A pair of headlines sharing too few words for either headline link below (most of
    # both headlines' words, or OWN_SHARED with a word of the first's own) is set aside
    # at once, and so is a pair of leads naming too few of the same things with a day of
    # the month missing from either.
    sizes = np.fromiter((len(h.words) for h in heads), dtype=np.int64, count=n)
    has_own = np.fromiter(map(bool, own), dtype=bool, count=n)
    alike = alike.kept((alike.shared >= OWN_SHARED) & has_own[alike.rows]
                       | (alike.shared >= SAME_HEADLINE * np.maximum(sizes[alike.rows], sizes[alike.later])))
    # every document's unit-length weights, in one array (``weights[i]`` are views of it)
    starts, flat_ids = bags.flat()
    flat_weights = np.zeros(len(flat_ids))
    for ids, counts, start in zip(bags.ids, bags.counts, starts.tolist()):
        row = _row(ids, counts, idf)
        flat_weights[start:start + len(row)] = row / (float(np.sqrt(row @ row)) or 1.0)
    weights = [flat_weights[a:b] for a, b in zip(starts[:-1].tolist(), starts[1:].tolist())]
    weigh, links = _Weigh(Weights(starts, flat_ids, flat_weights, len(bags.terms)), weights), []
    for lo in range(0, n, _Weigh.DOCUMENTS):
        hi = min(n, lo + _Weigh.DOCUMENTS)
        # each kind's pairs of these first documents, and which of them link by headline or day
        a_rows, a_later, a_shared = alike.span(lo, hi)
        by_headline = [_headline_link(heads[i], heads[j], own[i], count)
                       for i, j, count in zip(a_rows.tolist(), a_later.tolist(), a_shared.tolist())]
        m_rows, m_later, m_shared = named.span(lo, hi)
        m_pairs = list(zip(m_rows.tolist(), m_later.tolist(), m_shared.tolist()))
        by_names = [count >= SHARED_NAMES and _same_names(leads[i], leads[j], heads[i], heads[j], count)
                    for i, j, count in m_pairs]
        # reports that tell of the same day and name the same few things (both leads dated)
        by_day = [both and bool(days[i] & days[j]) and not _own_latin(heads[i], heads[j])
                  for (i, j, _), both in zip(m_pairs, (dated_lead[m_rows] & dated_lead[m_later]).tolist())]
        s_rows, s_later, _ = shared_terms.span(lo, hi)
        m_keys = m_rows.astype(np.int64) * n + m_later
        titled = np.concatenate([(a_rows.astype(np.int64) * n + a_later)[np.array(by_headline, dtype=bool)],
                                 m_keys[np.array(by_names, dtype=bool)]])
        dated = m_keys[np.array(by_day, dtype=bool)]
        keys = np.unique(np.concatenate([s_rows.astype(np.int64) * n + s_later, titled, dated]))
        firsts, seconds = keys // n, keys % n
        # reports of different days of the month tell of two events
        both = np.flatnonzero(dated_lead[firsts] & dated_lead[seconds])
        apart = [k for k, i, j in zip(both.tolist(), firsts[both].tolist(), seconds[both].tolist())
                 if not days[i] & days[j]]
        kept = np.ones(len(keys), dtype=bool)
        kept[apart] = False
        links += weigh.linked(firsts[kept], seconds[kept], np.isin(keys[kept], titled), np.isin(keys[kept], dated),
                              bags.ids)
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


def _row(ids: np.ndarray, counts: np.ndarray, idf: np.ndarray) -> np.ndarray:
    """A document's TF-IDF weights (sublinear counts), not yet made unit length."""
    return (1.0 + np.log(counts)) * idf[ids]


class _Weigh:
    """Candidate pairs of documents weighed all at once, and only those near enough
    weighed exactly."""

    DOCUMENTS = 4096          # first documents whose candidate pairs are gathered at once

    def __init__(self, every: Weights, weights: list[np.ndarray]) -> None:
        self.every, self.weights = every, weights
        self.dense = np.zeros(every.width)           # a document's weights over the vocabulary

    def linked(self, firsts: np.ndarray, seconds: np.ndarray, titled: np.ndarray, dated: np.ndarray,
               ids: tuple[np.ndarray, ...]) -> list[tuple[float, int, int]]:
        """The links among the pairs (``firsts`` ascending), as (-strength, i, j): the least
        cosine that links a pair is a story's, or a headline's or a day's when they apply."""
        floors = np.minimum(np.where(titled, min(RELATED, HEADLINE_COSINE, NAMES_COSINE), RELATED),
                            np.where(dated, DATED_COSINE, RELATED))
        near = self.every.within_reach(firsts, seconds, floors)
        # (current -1: ids[-1] is zeroed, a no-op, as dense is all zeros between documents)
        links, dense, weights, current = [], self.dense, self.weights, -1
        for i, j, floor, by_headline in zip(firsts[near].tolist(), seconds[near].tolist(),
                                            floors[near].tolist(), titled[near].tolist()):
            if i != current:
                dense[ids[current]] = 0.0
                dense[ids[i]] = weights[i]
                current = i
            similarity = float(dense[ids[j]] @ weights[j])
            if similarity >= floor:
                links.append((-max(similarity, RELATED if by_headline else 0.0), i, j))
        dense[ids[current]] = 0.0
        return links


def lead_words(doc: Document) -> frozenset[str]:
    """The rare words of a document's headline and lead: mostly the names of who and where,
    which two reports of one event share however differently they are written."""
    tokens = [*doc.title_tokens, *(t for s in doc.sentences[:LEAD_SENTENCES] for t in s.tokens)]
    rare = _rare(tokens)
    words = {t.lower() for t in tokens if rare[t]}
    # The days of the month the lead tells of ("25日"), marked apart from the words.
    lead = doc.article.title + "".join(s.text for s in doc.sentences[:LEAD_SENTENCES])
    return frozenset(words | {DAY + d for d in _DAY.findall(lead)})


_RARE: dict[str, bool] = {}     # token -> is it a lead word (worked out once a process)


def _rare(tokens: list[str]) -> dict[str, bool]:
    """Which tokens are rare words of a lead: two characters or more, no stop word, no
    number, and rare by jieba's general IDF (a word it lacks is rare)."""
    if len(_RARE) > 400_000:
        _RARE.clear()
    new = [t for t in tokens if t not in _RARE]
    if new:
        from ..text.wordlists import stop_words
        from .keywords import jieba_idf

        idf, _ = jieba_idf()
        stop = stop_words()
        _RARE.update((t, len(t) >= 2 and t not in stop and not _NUMBER.fullmatch(t)
                      and idf.get(t, 99.0) >= LEAD_RARE_IDF) for t in new)
    return _RARE


def _same_names(a: Collection[str], b: Collection[str], head_a: _Head, head_b: _Head, least: int = 0) -> bool:
    """Whether two reports name enough of the same rare words (``a``, ``b``: each one's distinct
    words, ``least`` of them known to be shared; their headlines no different figures)."""
    if least < SHARED_NAMES or least < NAMES_SHARE * min(len(a), len(b)):   # else enough
        both_sets = isinstance(a, frozenset) and isinstance(b, frozenset)
        shared = len(a & b) if both_sets else len(set(a).intersection(b))
        if shared < SHARED_NAMES or shared < NAMES_SHARE * min(len(a), len(b)):
            return False
    # the figures of each headline the other lacks
    numbers_a, numbers_b = head_a.numbers - head_b.words, head_b.numbers - head_a.words
    return not (numbers_a and numbers_b) and not _own_latin(head_a, head_b)


def _own_latin(head_a: _Head, head_b: _Head) -> bool:
    """Whether each headline names a thing in Latin letters the other does not: two
    products or models of one family (LongCat-Flash-Omni, LongCat-Flash-Thinking), two
    releases of one kind, not one event."""
    return not head_a.latin <= head_b.words and not head_b.latin <= head_a.words


def _headline_words(doc: Document) -> frozenset[str]:
    """The words of a headline that can say what it is about (no stop word, no single
    character but a digit or letter run), each word one string for the whole week."""
    from ..text.wordlists import stop_words

    stop = stop_words()
    return frozenset(sys.intern(t.lower()) for t in doc.title_tokens
                     if t.strip() and t not in stop and (len(t) >= 2 or t.isalnum() and t.isascii()))


class _Head:
    """A headline's words, and its figures, Latin words and names found once, not once a pair."""

    __slots__ = ("words", "numbers", "latin", "names")

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        self.numbers = self.latin = self.names = _NONE
        if not _MARKS.keys().isdisjoint(words):
            self.numbers = frozenset(w for w in words if _MARKS.get(w, 0) & _FIGURE) or _NONE
            self.latin = frozenset(w for w in words if _MARKS.get(w, 0) & _LATIN) or _NONE
            self.names = frozenset(w for w in words if _MARKS.get(w, 0) & _NAME) or _NONE


_FIGURE, _LATIN, _NAME = 1, 2, 4
_MARKS: dict[str, int] = {}     # word -> which of the three it is (none: not there)
_MARKED: set[str] = set()       # the words looked at (at most 400,000 a process)


def _mark(words: Collection[str]) -> None:
    """Which of ``words`` are figures, Latin words or names, found once a process."""
    if len(_MARKED) > 400_000:
        _MARKED.clear(), _MARKS.clear()
    for w in [w for w in words if w not in _MARKED]:
        _MARKED.add(w)
        marks = (_FIGURE if _NUMBER.fullmatch(w) else 0) | (_LATIN if _LATIN_WORD.fullmatch(w) else 0) \
            | (_NAME if _names((w,)) else 0)
        if marks:
            _MARKS[w] = marks


def _headline_link(a: _Head, b: _Head, own_a: frozenset[str], count: int) -> bool:
    """Whether two headlines (sharing ``count`` words that few headlines use) tell of one
    event, and neither names a thing (a rare word, a figure) the other leaves out while
    the other names its own: most words shared; or OWN_SHARED words shared, one of them
    a rare word no other headline of the period uses (a name or a coinage: one of
    ``own_a``), one event retold in other words (门店 in one, 商店 in the other)."""
    shared = a.words & b.words
    union = len(a.words) + len(b.words) - len(shared)
    if count >= SAME_HEADLINE * union and len(shared) >= 2 and len(shared) / union >= SAME_HEADLINE \
            or count >= OWN_SHARED and len(shared) >= OWN_SHARED and not own_a.isdisjoint(shared):
        return not _headlines_differ(a, b)
    return False


def _headlines_differ(a: _Head, b: _Head) -> bool:
    """Whether each of two headlines gives a figure, or names a thing (a rare word), the
    other leaves out: two events of one kind."""
    numbers_a, numbers_b = a.numbers - b.words, b.numbers - a.words
    return bool(numbers_a and numbers_b) or not a.names <= b.words and not b.names <= a.words


def _names(words: Collection[str]) -> bool:
    """Whether any of ``words`` is a name: two characters or more, no figure, rare by IDF."""
    from .keywords import jieba_idf

    idf, _ = jieba_idf()
    return any(len(w) >= 2 and not _NUMBER.fullmatch(w) and idf.get(w, 99.0) >= RARE_IDF
               for w in words)
