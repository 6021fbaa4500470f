"""Themes: the configured taxonomy first, clustering for whatever fits none.

Articles on the same story (similar enough word vectors) are marked related,
placed in one theme and shown together. Themes are ordered by weight; each has
a one-sentence overview drawn from its articles' summaries.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict

import numpy as np

from .config import ThemeSpec
from .models import Document, Item, Summary, Theme
from .script import fold_width, to_simplified
from .summarize import repick
from .words import glossary

MIN_THEME_SCORE = 3.0     # weighted term hits an article needs to join a configured theme
RELATED = 0.45            # document cosine above which two articles are on the same story
MAX_STORY = 8             # articles at most in one story group
OVERVIEW_NEAR = 12        # the overview avoids near-repeats of this many items' summaries
NEAR_SAME = 0.7           # character-bigram overlap above which two sentences repeat


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


def theme_scores(doc: Document, specs: tuple[ThemeSpec, ...]) -> list[float]:
    title = to_simplified(fold_width(doc.article.title)).lower()
    body = to_simplified(fold_width(doc.article.body)).lower()
    scale = max(1.0, len(body) / 2000) ** 0.5
    scores = []
    for spec in specs:
        score = 0.0
        for term in spec.terms:
            term = to_simplified(fold_width(term)).lower()
            score += 3 * title.count(term) + body.count(term) / scale
        scores.append(score)
    return scores


def group(docs: list[Document], items: list[Item], specs: tuple[ThemeSpec, ...],
          budget: int = 180) -> tuple[Theme, ...]:
    """Place every item in exactly one theme (how many each edition shows is the renderer's call)."""
    stories = related_groups(docs)
    related_of: dict[int, tuple[str, ...]] = {}
    for story in stories:
        for i in story:
            related_of[i] = tuple(docs[j].article.id for j in story if j != i)
    items = [Item(it.article, it.summary, it.facts, it.reading_minutes, related_of.get(i, ()))
             for i, it in enumerate(items)]
    placed: dict[str, list[int]] = defaultdict(list)
    leftovers: list[list[int]] = []
    for story in stories:
        totals = np.sum([theme_scores(docs[i], specs) for i in story], axis=0) if specs else []
        if len(totals) and totals.max() / len(story) >= MIN_THEME_SCORE:
            placed[specs[int(totals.argmax())].key].extend(story)
        else:
            leftovers.append(story)
    by_id = {d.article.id: d for d in docs}

    def theme(key: str, zh: str, en: str, members: list[int]) -> Theme:
        return _theme(key, zh, en, [items[i] for i in members], by_id, budget)

    themes = [theme(spec.key, spec.zh, spec.en, placed[spec.key])
              for spec in specs if placed.get(spec.key)]
    taken: set[str] = set()
    for number, cluster in enumerate(_cluster(docs, leftovers), start=1):
        zh, en = _label([items[i].summary for i in cluster], taken)
        themes.append(theme(f"more-{number}", zh, en, cluster))
    return tuple(sorted(themes, key=lambda t: (-t.weight, t.key)))


def _cluster(docs: list[Document], stories: list[list[int]]) -> list[list[int]]:
    """Group the stories no configured theme took: a few clusters by content (count
    chosen by silhouette), with the stories that join no other in one last group."""
    if len(stories) < 4:
        return [[i for story in stories for i in story]] if stories else []
    labels = cluster_documents([docs[story[0]] for story in stories], None,
                               max_k=max(2, min(8, len(stories) // 3)))
    groups: dict[int, list[int]] = defaultdict(list)
    for story, label in zip(stories, labels):
        groups[label].extend(story)
    clusters = sorted(groups.values(), key=len, reverse=True)
    joined = [c for c in clusters if len(c) > 1]
    alone = [i for c in clusters if len(c) == 1 for i in c]
    return joined + ([alone] if alone else [])


def _label(summaries: list[Summary], taken: set[str]) -> tuple[str, str]:
    """A bilingual label from the cluster's most shared keywords not used by another label."""
    counts: dict[str, int] = defaultdict(int)
    for summary in summaries:
        for rank, word in enumerate(summary.keywords[:5]):
            counts[word] += 5 - rank
    ranked = sorted(counts, key=lambda w: (-counts[w], w))
    top = ([w for w in ranked if w not in taken] or ranked)[:2]
    taken.update(top)
    english = {hans: en for hans, _v, en, _k in glossary()}
    zh = "、".join(w.upper() if w.isascii() else w for w in top) or "其他"
    en_words = [english.get(w) or (w.upper() if len(w) <= 4 else w.title())
                for w in top if w in english or w.isascii()]
    return zh, ("More on " + " & ".join(en_words)) if en_words else "Other stories"


def _theme(key: str, zh: str, en: str, items: list[Item],
           docs: dict[str, Document], budget: int) -> Theme:
    # Related articles next to each other, strongest summaries first.
    items.sort(key=lambda it: -(it.summary.scores[0] if it.summary.scores else 0.0))
    by_id = {it.article.id: it for it in items}
    ordered: list[Item] = []
    done: set[str] = set()
    for item in items:
        if item.article.id in done:
            continue
        for member in (item, *(by_id[r] for r in item.related if r in by_id)):
            if member.article.id not in done:
                done.add(member.article.id)
                ordered.append(member)
    ordered = _drop_repeats(ordered, docs, budget)
    weight = sum(1.0 + min(1.0, it.article.chars / 4000) for it in ordered)
    return Theme(key, zh, en, tuple(ordered), _overview(ordered, docs, budget), weight)


def _overview(items: list[Item], docs: dict[str, Document], budget: int) -> str:
    """The theme's strongest sentence that its items' summaries do not already show
    (from its first three articles, within the summary budget). It stands alone, so
    it never opens with a reference to a sentence before it (该观点…, 这些评级…)."""
    from .summarize import LEANS, eligible, out_of_context

    shown = Shown()
    for it in items[:OVERVIEW_NEAR]:
        for s in it.summary.sentences:
            shown.add(_plain(s.text))
    exact = {_plain(s.text).lower() for it in items for s in it.summary.sentences}
    best: tuple[float, str] = (-1.0, "")
    for item in items[:3]:
        doc = docs[item.article.id]
        listed = out_of_context(doc)
        for sentence, score in zip(doc.sentences, item.summary.ratings):
            text = sentence.text.strip()
            if score <= best[0] or len(text) > budget or sentence.index in listed \
                    or LEANS.match(text) or not eligible(sentence):
                continue
            plain = _plain(text)
            if plain.lower() in exact or shown.repeats(plain):
                continue
            best = (float(score), text)
    return best[1]  # empty when every good sentence is already shown


def _plain(text: str) -> str:
    """A sentence reduced to its words in Simplified script: what repeat checks compare.
    Its lower-cased form spots identical sentences; its bigrams, near-identical ones."""
    return re.sub(r"\W+", "", to_simplified(text))


def _bigrams(plain: str) -> set[str]:
    return {plain[i:i + 2] for i in range(len(plain) - 1)}


class Shown:
    """Sentences already shown, indexed by character bigram, so asking whether a new
    sentence repeats one (NEAR_SAME of the shorter one's bigrams in common) looks at
    the few that share its rarer bigrams, not at every sentence shown."""

    COMMON = 200     # a bigram in more shown sentences than this proposes no candidates

    def __init__(self) -> None:
        self.grams: list[set[str]] = []
        self.postings: dict[str, list[int]] = defaultdict(list)

    def add(self, plain: str) -> None:
        grams = _bigrams(plain)
        for g in grams:
            self.postings[g].append(len(self.grams))
        self.grams.append(grams)

    def repeats(self, plain: str) -> bool:
        grams = _bigrams(plain)
        shared: Counter[int] = Counter()
        skipped = 0
        for g in grams:
            members = self.postings.get(g, ())
            if len(members) > self.COMMON:
                skipped += 1
            else:
                shared.update(members)
        for i, count in shared.items():
            smaller = max(1, min(len(grams), len(self.grams[i])))
            # ``count`` bigrams in common are known; the skipped ones might add more.
            if count + skipped >= NEAR_SAME * smaller and \
                    len(grams & self.grams[i]) / smaller >= NEAR_SAME:
                return True
        return False


def _drop_repeats(items: list[Item], docs: dict[str, Document], budget: int) -> list[Item]:
    """Within one theme, a sentence already shown for an earlier article is not shown again:
    that article's summary is picked anew from its other sentences. Near-identical
    sentences are looked for among the articles of the same story; identical ones
    (after normalising) across the whole theme."""
    stories: dict[str, Shown] = {}
    exact: set[str] = set()
    out = []
    for item in items:
        story = min((item.article.id, *item.related))
        shown = stories.setdefault(story, Shown())

        def repeats(sentence, shown=shown) -> bool:
            plain = _plain(sentence.text)
            return plain.lower() in exact or shown.repeats(plain)

        if any(repeats(s) for s in item.summary.sentences):
            summary = repick(docs[item.article.id], item.summary, budget, repeats)
            item = Item(item.article, summary, item.facts, item.reading_minutes, item.related,
                        item.english)
        for s in item.summary.sentences:
            plain = _plain(s.text)
            shown.add(plain)
            exact.add(plain.lower())
        out.append(item)
    return out


# ---------------------------------------------------------------- clustering

def doc_vectors(docs: list[Document], max_terms: int = 8000, dims: int = 100,
                exact_limit: int = 16_000_000) -> np.ndarray:
    """TF-IDF of each document (terms in at least two documents), reduced by SVD (LSA).

    A small corpus gets the exact decomposition of the dense matrix; a large one a randomised
    SVD computed from the sparse rows, so memory and time grow with the text, not
    with documents x terms.
    """
    df = Counter(t for d in docs for t in set(d.tokens) if not re.match(r"^[\d.,%+\-]+$", t))
    terms = [t for t, c in df.most_common(max_terms) if c >= 2 and c <= 0.5 * len(docs)]
    index = {t: i for i, t in enumerate(terms)}
    n = len(docs)
    rows = _Rows(docs, index, {t: math.log((1 + n) / (1 + df[t])) for t in terms})
    if n * max(1, len(terms)) > exact_limit and len(terms) > dims:
        matrix = _randomised_lsa(rows, len(terms), dims)
    else:
        matrix = rows.dense(max(1, len(terms)))
        if min(matrix.shape) > dims and n > matrix.shape[1]:
            u, s, _ = np.linalg.svd(matrix, full_matrices=False)
            matrix = u[:, :dims] * s[:dims]
        elif min(matrix.shape) > dims:
            # U * S from the documents' Gram matrix: exact, and far cheaper than the
            # SVD of documents x terms when there are fewer documents than terms.
            values, vectors = np.linalg.eigh(matrix @ matrix.T)
            top = np.argsort(values)[::-1][:dims]
            matrix = vectors[:, top] * np.sqrt(np.maximum(values[top], 0.0))
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)


class _Rows:
    """Unit-length TF-IDF rows kept sparse: (term indices, weights) per document."""

    def __init__(self, docs: list[Document], index: dict[str, int], idf: dict[str, float]):
        self.rows = []
        for doc in docs:
            pairs = [(index[t], (1 + math.log(c)) * idf[t]) for t, c in Counter(doc.tokens).items()
                     if t in index]
            cols = np.array([p[0] for p in pairs], dtype=np.int64)
            vals = np.array([p[1] for p in pairs], dtype=np.float32)
            vals /= max(float(np.linalg.norm(vals)), 1e-9) if len(vals) else 1.0
            self.rows.append((cols, vals))

    def dense(self, width: int) -> np.ndarray:
        matrix = np.zeros((len(self.rows), width), dtype=np.float32)
        for r, (cols, vals) in enumerate(self.rows):
            matrix[r, cols] = vals
        return matrix

    def times(self, m: np.ndarray) -> np.ndarray:
        """rows @ m"""
        return np.stack([vals @ m[cols] if len(cols) else np.zeros(m.shape[1], m.dtype)
                         for cols, vals in self.rows])

    def t_times(self, m: np.ndarray, width: int) -> np.ndarray:
        """rows.T @ m"""
        out = np.zeros((width, m.shape[1]), dtype=np.float32)
        for r, (cols, vals) in enumerate(self.rows):
            out[cols] += np.outer(vals, m[r])
        return out


def _randomised_lsa(rows: _Rows, width: int, dims: int, power: int = 2) -> np.ndarray:
    """The top ``dims`` left singular vectors times singular values (Halko et al.)."""
    rng = np.random.default_rng(3)
    q, _ = np.linalg.qr(rows.times(rng.standard_normal((width, dims + 10)).astype(np.float32)))
    for _ in range(power):
        q, _ = np.linalg.qr(rows.times(rows.t_times(q, width)))
    b = rows.t_times(q, width).T                       # (dims+10) x terms
    u, s, _ = np.linalg.svd(b, full_matrices=False)
    return (q @ u[:, :dims]) * s[:dims]


def kmeans(x: np.ndarray, k: int, restarts: int = 8, iterations: int = 50,
           seed: int = 7) -> tuple[np.ndarray, float]:
    """Spherical k-means with k-means++ starts; returns (labels, total cosine to centres)."""
    rng = np.random.default_rng(seed)
    best_labels, best_fit = np.zeros(len(x), dtype=int), -np.inf
    for _ in range(restarts):
        centres = [x[rng.integers(len(x))]]
        for _ in range(1, k):
            dist = np.maximum(0.0, 1.0 - np.max(x @ np.array(centres).T, axis=1))
            total = dist.sum()
            probs = dist / total if total > 0 else np.full(len(x), 1 / len(x))
            centres.append(x[rng.choice(len(x), p=probs)])
        c = np.array(centres)
        labels = np.zeros(len(x), dtype=int)
        for _ in range(iterations):
            new = np.argmax(x @ c.T, axis=1)
            if _ and np.array_equal(new, labels):
                break
            labels = new
            for j in range(k):
                members = x[labels == j]
                if len(members):
                    centre = members.sum(axis=0)
                    c[j] = centre / max(np.linalg.norm(centre), 1e-9)
        fit = float(np.sum(np.max(x @ c.T, axis=1)))
        if fit > best_fit:
            best_labels, best_fit = labels, fit
    return best_labels, best_fit


def silhouette(x: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette with cosine distance."""
    dist = 1.0 - x @ x.T
    scores = []
    for i in range(len(x)):
        same = labels == labels[i]
        if same.sum() <= 1:
            scores.append(0.0)
            continue
        a = dist[i, same].sum() / (same.sum() - 1)
        b = min(dist[i, labels == j].mean() for j in set(labels.tolist()) if j != labels[i])
        scores.append((b - a) / max(a, b) if max(a, b) > 0 else 0.0)
    return float(np.mean(scores))


def cluster_documents(docs: list[Document], k: int | None = None, max_k: int = 20) -> list[int]:
    """Group documents by content: ``k`` groups, or a count chosen by silhouette."""
    if len(docs) < 2:
        return [0] * len(docs)
    x = doc_vectors(docs)
    if k is not None:
        return kmeans(x, min(k, len(docs)))[0].tolist()
    sample = x if len(x) <= 1500 else x[np.random.default_rng(1).choice(len(x), 1500, replace=False)]
    best_k, best_score = 2, -1.0
    for candidate in range(2, min(max_k, len(sample) - 1) + 1):
        labels, _ = kmeans(sample, candidate, restarts=3)
        score = silhouette(sample, labels)
        if score > best_score:
            best_k, best_score = candidate, score
    return kmeans(x, best_k)[0].tolist()
