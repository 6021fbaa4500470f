"""Near-duplicate articles: the same text with other boilerplate, spacing or script.

Each article gets a MinHash signature of its character 5-grams (on the
Simplified, width-folded text without punctuation). Signatures are cut into
bands; two articles sharing a band are compared, and counted as the same
article when their estimated overlap is high. The bands are kept in the state
file, so finding candidates is an index lookup, not a pass over every article.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .script import plain_words, words_only

SHINGLE = 5
PERMUTATIONS = 64
BANDS = 16                 # 16 bands of 4 rows: pairs above ~0.5 overlap become candidates
SAME_ARTICLE = 0.7         # estimated Jaccard overlap above which two texts are one article
_rng = np.random.default_rng(20240218)  # fixed: signatures must be stable across runs
_A = _rng.integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _rng.integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)
_BLOCK = 65536             # shingles hashed at once (a 64 x 65536 matrix: 32 MB)


def signature(text: str) -> np.ndarray:
    """A MinHash signature (PERMUTATIONS unsigned 32-bit values) of ``text``."""
    return _minhash(plain_words(text))


def article_signature(paragraphs: tuple[str, ...]) -> np.ndarray:
    """The signature of an article's text, from the words its id is made of."""
    return _minhash(words_only(paragraphs))


def _minhash(normal: str) -> np.ndarray:
    if len(normal) < SHINGLE:
        normal = normal.ljust(SHINGLE, "_")
    # Repeated shingles need no removing: they cannot change a minimum.
    # Multiply-shift hashing: the high 32 bits of (a*x + b) mod 2^64, one (a, b) per permutation,
    # a block of shingles at a time so that a huge text needs no huge matrix.
    # The smallest a*x + b is also the one with the smallest high half, so the shift is
    # taken once per permutation, and the products are made in place.
    lowest = np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(normal) - SHINGLE + 1, _BLOCK):
        mixed = np.multiply.outer(_A, shingle_hashes(normal[start:start + _BLOCK + SHINGLE - 1]))
        mixed += _B[:, None]
        np.minimum(lowest, mixed.min(axis=1), out=lowest)
    return (lowest >> np.uint64(32)).astype(np.uint32)


# How shingles and bands are hashed: changing either means raising schema.SIGNATURES, so
# that state files work their stored signatures out again.
_MIX = np.uint64(0x9E3779B97F4A7C15)                            # odd: a bijection mod 2^64
_FINAL = (np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))   # splitmix64's


def shingle_hashes(normal: str) -> np.ndarray:
    """A 64-bit hash of every SHINGLE-character window of ``normal``, for all windows at
    once in numpy: the code points folded in one at a time (multiply, then xor), then
    mixed with splitmix64's finaliser so that every bit depends on every character."""
    codes = np.frombuffer(normal.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    count = len(codes) - SHINGLE + 1
    hashes = codes[:count].copy()
    for k in range(1, SHINGLE):
        hashes *= _MIX
        hashes ^= codes[k:k + count]
    for shift, factor in zip((30, 27), _FINAL):
        hashes ^= hashes >> np.uint64(shift)
        hashes *= factor
    hashes ^= hashes >> np.uint64(31)
    return hashes


_BAND_NUMBERS = np.arange(BANDS, dtype=np.uint64) << np.uint64(32)


def band_matrix(blobs: list[bytes]) -> np.ndarray:
    """The band keys of stored signatures, all at once: a row of BANDS integers for each,
    the band's number above a 32-bit hash of its values (the same multiply-then-xor)."""
    values = np.frombuffer(b"".join(blobs), dtype="<u4").reshape(len(blobs), BANDS, -1)
    mixed = values[:, :, 0].astype(np.uint64)
    for k in range(1, values.shape[2]):
        mixed *= _MIX
        mixed ^= values[:, :, k]
    mixed *= _MIX                          # so that the high half depends on every value
    return (_BAND_NUMBERS | (mixed >> np.uint64(32))).astype(np.int64)


@lru_cache(maxsize=4096)
def band_keys(blob: bytes) -> tuple[int, ...]:
    """The band keys of one stored signature (the check against the state and the run's
    own index both ask for the same article's keys)."""
    return tuple(band_matrix([blob])[0].tolist())


def band_rows(signed: list[tuple[str, bytes]]) -> list[tuple[int, str]]:
    """(band key, article id) rows for the state's band index, of (id, signature) pairs, in
    index order (each insert then lands beside the one before it)."""
    if not signed:
        return []
    keys = band_matrix([blob for _, blob in signed]).ravel()
    order = np.argsort(keys, kind="stable")
    return list(zip(keys[order].tolist(), [signed[i][0] for i in (order // BANDS).tolist()]))


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard overlap of the two texts' 5-gram sets."""
    return float(np.mean(a == b))


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")
