"""Themes: the configured taxonomy first, clustering for whatever fits none.

Articles on the same story (similar enough word vectors) are marked related,
placed in one theme and shown together. Themes are ordered by weight; each has
a one-sentence overview drawn from its articles' summaries.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np

from .config import ThemeSpec
from .models import Document, Item, Summary, Theme
from .script import fold_width, to_simplified
from .summarize import summarize, vectors
from .words import glossary

MIN_THEME_SCORE = 3.0     # weighted term hits an article needs to join a configured theme
RELATED = 0.45            # document cosine above which two articles are on the same story
NEAR_SAME = 0.7           # character-bigram overlap above which two sentences repeat


def related_groups(docs: list[Document]) -> list[list[int]]:
    """Indices of documents grouped by story (connected by high similarity)."""
    if not docs:
        return []
    matrix, _ = vectors([d.tokens for d in docs])
    sim = matrix @ matrix.T
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            if sim[i, j] >= RELATED:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(docs)):
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
    ordered: list[Item] = []
    for item in items:
        if item in ordered:
            continue
        ordered.append(item)
        ordered.extend(o for o in items if o.article.id in item.related and o not in ordered)
    ordered = _drop_repeats(ordered, docs, budget)
    weight = sum(1.0 + min(1.0, it.article.chars / 4000) for it in ordered)
    return Theme(key, zh, en, tuple(ordered), _overview(ordered, docs, budget), weight)


def _overview(items: list[Item], docs: dict[str, Document], budget: int) -> str:
    """The theme's strongest sentence that its items' summaries do not already show
    (from its first three articles, within the summary budget)."""
    from .summarize import eligible, rate_textrank

    shown = [_bigrams(s.text) for it in items for s in it.summary.sentences]
    best: tuple[float, str] = (-1.0, "")
    for item in items[:3]:
        doc = docs[item.article.id]
        scores, _ = rate_textrank(doc)
        for sentence, score in zip(doc.sentences, scores):
            text = sentence.text.strip()
            if score <= best[0] or len(text) > budget or not eligible(sentence):
                continue
            if _repeats(_bigrams(text), shown):
                continue
            best = (float(score), text)
    return best[1]  # empty when every good sentence is already shown


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"\W+", "", to_simplified(text))
    return {text[i:i + 2] for i in range(len(text) - 1)}


def _repeats(grams: set[str], shown: list[set[str]]) -> bool:
    """Does a sentence with these bigrams say what one already shown says?"""
    return any(len(grams & g) / max(1, min(len(grams), len(g))) >= NEAR_SAME for g in shown)


def _drop_repeats(items: list[Item], docs: dict[str, Document], budget: int) -> list[Item]:
    """Within one theme, a sentence already shown for an earlier article is not shown again:
    that article's summary is picked anew from its other sentences."""
    shown: list[set[str]] = []

    def repeats(sentence) -> bool:
        return _repeats(_bigrams(sentence.text), shown)

    out = []
    for item in items:
        if any(repeats(s) for s in item.summary.sentences):
            summary = summarize(docs[item.article.id], budget, avoid=repeats)
            item = Item(item.article, summary, item.facts, item.reading_minutes, item.related)
        shown.extend(_bigrams(s.text) for s in item.summary.sentences)
        out.append(item)
    return out


# ---------------------------------------------------------------- clustering

def doc_vectors(docs: list[Document], max_terms: int = 8000, dims: int = 100) -> np.ndarray:
    """TF-IDF of each document (terms in at least two documents), reduced by SVD (LSA)."""
    from collections import Counter

    df = Counter(t for d in docs for t in set(d.tokens) if not re.match(r"^[\d.,%+\-]+$", t))
    terms = [t for t, c in df.most_common(max_terms) if c >= 2 and c <= 0.5 * len(docs)]
    index = {t: i for i, t in enumerate(terms)}
    matrix = np.zeros((len(docs), max(1, len(terms))), dtype=np.float32)
    n = len(docs)
    for row, doc in enumerate(docs):
        for t, c in Counter(doc.tokens).items():
            if t in index:
                matrix[row, index[t]] = (1 + np.log(c)) * np.log((1 + n) / (1 + df[t]))
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
    if min(matrix.shape) > dims:
        u, s, _ = np.linalg.svd(matrix, full_matrices=False)
        matrix = u[:, :dims] * s[:dims]
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
    return matrix


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
