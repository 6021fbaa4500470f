"""Clustering for the articles no configured theme takes: TF-IDF reduced by LSA,
k-means with restarts, and the number of groups chosen by silhouette."""

from __future__ import annotations

import re

import numpy as np

from .bags import Bags, bags_of
from ..models import Document

NUMBER = re.compile(r"^[\d.,%+\-]+$")
LARGE_TERMS = 5000        # terms kept for the randomised decomposition of a large corpus


def doc_vectors(docs: list[Document], max_terms: int = 8000, dims: int = 100,
                exact_limit: int = 16_000_000, bags: Bags | None = None) -> np.ndarray:
    """TF-IDF of each document (terms in at least two documents), reduced by SVD (LSA).

    A small corpus gets the exact decomposition of the dense matrix; a large one a randomised
    SVD computed a block of rows at a time, so memory grows with the text, not
    with documents x terms. ``bags`` are the documents' counted words, when already counted.
    """
    bags = bags_of(docs) if bags is None else bags
    n = len(bags)
    df = bags.df
    df[[i for i, t in enumerate(bags.terms) if NUMBER.match(t)]] = 0
    # the most widespread terms (on equal counts, the one used first), then those in
    # at least two documents and at most half of them
    top = np.argsort(-df, kind="stable")[:max_terms]
    terms = top[(df[top] >= 2) & (df[top] <= 0.5 * n)]
    if n * len(terms) > exact_limit:
        # a large corpus: its most widespread terms are enough to tell its topics apart
        terms = terms[:LARGE_TERMS]
    column = np.full(len(bags.terms), -1, dtype=np.int64)
    column[terms] = np.arange(len(terms))
    rows = _Rows(bags, column, np.log((1 + n) / (1 + df[terms])))
    width = max(1, len(terms))
    if n * width > exact_limit and len(terms) > dims:
        matrix = _randomised_lsa(rows, width, dims)
    else:
        matrix = rows.dense(0, n, width)
        if min(matrix.shape) > dims and n > matrix.shape[1]:
            u, s, _ = np.linalg.svd(matrix, full_matrices=False)
            matrix = u[:, :dims] * s[:dims]
        elif min(matrix.shape) > dims:
            # U * S from the documents' Gram matrix: exact, and far cheaper than the
            # SVD of documents x terms when there are fewer documents than terms.
            values, vectors = np.linalg.eigh(matrix @ matrix.T)
            top = np.argsort(values)[::-1][:dims]
            matrix = vectors[:, top] * np.sqrt(np.maximum(values[top], 0.0))
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)   # in place: no copy
    return matrix


class _Rows:
    """Unit-length TF-IDF rows kept sparse (compressed rows: column and weight arrays
    with each row's start), made dense a block of rows at a time for products."""

    BLOCK = 1024

    def __init__(self, bags: Bags, column: np.ndarray, idf: np.ndarray):
        # Each row is written into arrays made once at their full size (no list of
        # rows to join: at 100,000 documents that held every row twice); the weights
        # are worked out for a block of rows at once, each row made unit length on its own.
        self.count = len(bags)
        spans = range(0, self.count, self.BLOCK)
        total = sum(int(np.count_nonzero(column[np.concatenate(bags.ids[first:first + self.BLOCK])] >= 0))
                    for first in spans)
        self.starts = np.zeros(self.count + 1, dtype=np.int64)
        self.cols = np.zeros(total, dtype=np.int32)
        self.vals = np.zeros(total, dtype=np.float32)
        end = 0
        for first in spans:
            ids, counts = bags.ids[first:first + self.BLOCK], bags.counts[first:first + self.BLOCK]
            at = column[np.concatenate(ids)]
            keep = at >= 0
            owner = np.repeat(np.arange(len(ids)), np.fromiter(map(len, ids), dtype=np.int64, count=len(ids)))
            sizes = np.bincount(owner[keep], minlength=len(ids))
            weights = ((1 + np.log(np.concatenate(counts)[keep])) * idf[at[keep]]).astype(np.float32)
            self.cols[end:end + len(weights)] = at[keep]
            self.vals[end:end + len(weights)] = weights
            for size in sizes.tolist():
                row = self.vals[end:end + size]
                row /= max(float(np.linalg.norm(row)), 1e-9) if size else 1.0
                end += size
            self.starts[first + 1:first + 1 + len(ids)] = self.starts[first] + np.cumsum(sizes)

    def dense(self, first: int, last: int, width: int) -> np.ndarray:
        """Rows ``first`` to ``last`` (exclusive) as a dense matrix."""
        lo, hi = self.starts[first], self.starts[last]
        row = np.repeat(np.arange(last - first), np.diff(self.starts[first:last + 1]))
        matrix = np.zeros((last - first, width), dtype=np.float32)
        matrix[row, self.cols[lo:hi]] = self.vals[lo:hi]
        return matrix

    def _blocks(self, width: int):
        for first in range(0, self.count, self.BLOCK):
            last = min(self.count, first + self.BLOCK)
            yield first, last, self.dense(first, last, width)

    def times(self, m: np.ndarray) -> np.ndarray:
        """rows @ m, each block's product written into the one result"""
        out = np.empty((self.count, m.shape[1]), dtype=np.result_type(self.vals, m))
        for first, last, block in self._blocks(m.shape[0]):
            out[first:last] = block @ m
            del block                   # not held while the next block is made
        return out

    def t_times(self, m: np.ndarray, width: int) -> np.ndarray:
        """rows.T @ m"""
        out = np.zeros((width, m.shape[1]), dtype=np.float32)
        for first, last, block in self._blocks(width):
            out += block.T @ m[first:last]
            del block
        return out


def _randomised_lsa(rows: _Rows, width: int, dims: int, power: int = 2) -> np.ndarray:
    """The top ``dims`` left singular vectors times singular values (Halko et al.)."""
    rng = np.random.default_rng(3)
    q, _ = np.linalg.qr(rows.times(rng.standard_normal((width, dims + 10)).astype(np.float32)))
    for _ in range(power):
        small = rows.t_times(q, width)
        del q                                          # not held beside the next one
        q, _ = np.linalg.qr(rows.times(small))
    b = rows.t_times(q, width).T                       # (dims+10) x terms
    u, s, _ = np.linalg.svd(b, full_matrices=False)
    out = q @ u[:, :dims]
    del q
    out *= s[:dims]                                    # in place: no second copy
    return out


def kmeans(x: np.ndarray, k: int, restarts: int = 8, iterations: int = 50,
           seed: int = 7) -> tuple[np.ndarray, float]:
    """Spherical k-means with k-means++ starts; returns (labels, total cosine to centres)."""
    rng = np.random.default_rng(seed)
    best_labels, best_fit = np.zeros(len(x), dtype=int), -np.inf
    for _ in range(restarts):
        centres = [x[rng.integers(len(x))]]
        nearest = x @ centres[0]                 # each point's cosine to its nearest centre
        for _ in range(1, k):
            dist = np.maximum(0.0, 1.0 - nearest)
            total = dist.sum()
            probs = dist / total if total > 0 else np.full(len(x), 1 / len(x))
            centres.append(x[rng.choice(len(x), p=probs)])
            nearest = np.maximum(nearest, x @ centres[-1])
        c = np.array(centres)
        labels = np.zeros(len(x), dtype=int)
        rows = np.arange(len(x))
        for _ in range(iterations):
            new = np.argmax(x @ c.T, axis=1)
            if _ and np.array_equal(new, labels):
                break
            labels = new
            # every centre at once: the sum of its members, made unit length (an empty
            # cluster keeps its centre)
            member = np.zeros((len(x), k), dtype=x.dtype)
            member[rows, labels] = 1.0
            sums = member.T @ x
            filled = member.any(axis=0)
            c[filled] = sums[filled] / np.maximum(np.linalg.norm(sums[filled], axis=1, keepdims=True), 1e-9)
        fit = float(np.sum(np.max(x @ c.T, axis=1)))
        if fit > best_fit:
            best_labels, best_fit = labels, fit
    return best_labels, best_fit


def silhouette(x: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette with cosine distance (a point alone in its cluster scores 0)."""
    present = np.unique(labels)
    if len(present) < 2:
        return 0.0
    dist = 1.0 - x @ x.T
    member = labels[:, None] == present[None, :]           # points x clusters
    sizes = member.sum(axis=0)
    totals = dist @ member                                  # each point's distance to each cluster
    own = np.searchsorted(present, labels)
    rows = np.arange(len(x))
    own_size = sizes[own]
    a = totals[rows, own] / np.maximum(own_size - 1, 1)
    means = totals / sizes
    means[rows, own] = np.inf
    b = means.min(axis=1)
    larger = np.maximum(a, b)
    scores = np.where((own_size > 1) & (larger > 0), (b - a) / np.where(larger > 0, larger, 1.0), 0.0)
    return float(np.mean(scores))


def cluster_documents(docs: list[Document], k: int | None = None, max_k: int = 20,
                      bags: Bags | None = None) -> list[int]:
    """Group documents by content: ``k`` groups, or a count chosen by silhouette."""
    if len(docs) < 2:
        return [0] * len(docs)
    x = doc_vectors(docs, bags=bags)
    if k is not None:
        return kmeans(x, min(k, len(docs)))[0].tolist()
    sample = x if len(x) <= 1500 else x[np.random.default_rng(1).choice(len(x), 1500, replace=False)]
    best_k, best_score = 2, -1.0
    # every count to eight, then about a quarter more each step (... 8, 10, 12, 16, 20)
    counts = sorted({c for c in (*range(2, 9), *(round(8 * 1.25 ** e) for e in range(1, 12))) if c <= max_k}
                    | {max_k})
    for candidate in (c for c in counts if c <= len(sample) - 1):
        labels, _ = kmeans(sample, candidate, restarts=3)
        score = silhouette(sample, labels)
        if score > best_score:
            best_k, best_score = candidate, score
    return kmeans(x, best_k)[0].tolist()
