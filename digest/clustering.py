"""Clustering for the articles no configured theme takes: TF-IDF reduced by LSA,
k-means with restarts, and the number of groups chosen by silhouette."""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np

from .models import Document

NUMBER = re.compile(r"^[\d.,%+\-]+$")


def doc_vectors(docs: list[Document], max_terms: int = 8000, dims: int = 100,
                exact_limit: int = 16_000_000) -> np.ndarray:
    """TF-IDF of each document (terms in at least two documents), reduced by SVD (LSA).

    A small corpus gets the exact decomposition of the dense matrix; a large one a randomised
    SVD computed from the sparse rows, so memory and time grow with the text, not
    with documents x terms.
    """
    df = Counter(t for d in docs for t in set(d.tokens) if not NUMBER.match(t))
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
