"""Near-duplicate articles: the same text with other boilerplate, spacing or script.

Each article gets a MinHash signature of its character 5-grams (on the
Simplified, width-folded text without punctuation). Signatures are cut into
bands; two articles sharing a band are compared, and counted as the same
article when their estimated overlap is high. The bands are kept in the state
file, so finding candidates is an index lookup, not a pass over every article.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np

from .script import fold_width, to_simplified

SHINGLE = 5
PERMUTATIONS = 64
BANDS = 16                 # 16 bands of 4 rows: pairs above ~0.5 overlap become candidates
SAME_ARTICLE = 0.7         # estimated Jaccard overlap above which two texts are one article
_rng = np.random.default_rng(20240218)  # fixed: signatures must be stable across runs
_A = _rng.integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) | np.uint64(1)  # odd multipliers
_B = _rng.integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)
_NOISE = re.compile(r"[\W_]+")
_BLOCK = 65536             # shingles hashed at once (a 64 x 65536 matrix: 32 MB)


def signature(text: str) -> np.ndarray:
    """A MinHash signature (PERMUTATIONS unsigned 32-bit values) of ``text``."""
    normal = _NOISE.sub("", to_simplified(fold_width(text)).lower())
    if len(normal) < SHINGLE:
        normal = normal.ljust(SHINGLE, "_")
    count = len(normal) - SHINGLE + 1
    # Repeated shingles need no removing: they cannot change a minimum.
    hashes = np.fromiter((zlib.crc32(normal[i:i + SHINGLE].encode("utf-8")) for i in range(count)),
                         dtype=np.uint64, count=count)
    # Multiply-shift hashing: the high 32 bits of (a*x + b) mod 2^64, one (a, b) per permutation,
    # a block of shingles at a time so that a huge text needs no huge matrix.
    # The smallest a*x + b is also the one with the smallest high half, so the shift is
    # taken once per permutation, and the products are made in place.
    lowest = np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, count, _BLOCK):
        mixed = np.multiply.outer(_A, hashes[start:start + _BLOCK])
        mixed += _B[:, None]
        np.minimum(lowest, mixed.min(axis=1), out=lowest)
    return (lowest >> np.uint64(32)).astype(np.uint32)


@lru_cache(maxsize=4096)
def band_keys(blob: bytes) -> list[str]:
    """The band keys of a stored signature (the check against the state, the run's own
    index and the state's record each ask for the same article's keys)."""
    step = 4 * PERMUTATIONS // BANDS
    return [f"{b}:{zlib.crc32(blob[b * step:(b + 1) * step]):08x}" for b in range(BANDS)]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard overlap of the two texts' 5-gram sets."""
    return float(np.mean(a == b))


def to_blob(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")
