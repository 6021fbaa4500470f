"""Word segmentation (jieba) with the AI/finance glossary as user dictionary.

Tokens for ranking come from the Simplified, width-folded copy of the text; stop
words, punctuation and single Chinese characters are dropped, numbers,
percentages and amounts are kept.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib import resources

from .script import fold_width, to_simplified

log = logging.getLogger(__name__)

_KEEP = re.compile(r"[\w%.+\-]+")
_NUMBER = re.compile(r"^[+\-]?\d[\d,.]*%?$")
_PUNCT_ONLY = re.compile(r"^[\W_]+$")


def _data_lines(name: str):
    text = resources.files("digest").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    return frozenset(w for line in _data_lines("stopwords.txt") for w in line.split())


@lru_cache(maxsize=1)
def glossary() -> tuple[tuple[str, tuple[str, ...], str, str], ...]:
    """(Simplified, Traditional variants, English, kind) for every glossary row."""
    rows = []
    for line in _data_lines("glossary.tsv"):
        hans, hant, english, kind = (line.split("\t") + ["", "", "", ""])[:4]
        variants = tuple(v for v in hant.split(",") if v and v != hans)
        rows.append((hans, variants, english, kind))
    return tuple(rows)


@lru_cache(maxsize=1)
def tokenizer():
    """A jieba tokenizer with the glossary words (both scripts) added."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    for hans, variants, _english, _kind in glossary():
        for word in (hans, *variants):
            tk.add_word(word, freq=None)
            tk.suggest_freq(word, tune=True) if len(word) > 1 else None
    return tk


def cut(text: str) -> list[str]:
    """Raw jieba words of ``text`` as given (no normalisation, nothing dropped)."""
    return tokenizer().lcut(text)


def tokens(text: str, *, normalised: bool = False) -> list[str]:
    """Ranking tokens of ``text``: normalised, stop words and punctuation dropped."""
    if not normalised:
        text = to_simplified(fold_width(text))
    stops = stop_words()
    out = []
    for word in tokenizer().lcut(text):
        word = word.strip().lower()
        if not word or _PUNCT_ONLY.match(word) or word in stops:
            continue
        if len(word) == 1 and not word.isdigit() and not word.isascii():
            continue
        if _NUMBER.match(word) or _KEEP.fullmatch(word) or len(word) > 1:
            out.append(word)
    return out
