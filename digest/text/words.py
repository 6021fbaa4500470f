"""Word segmentation (jieba) with the AI/finance glossary as user dictionary.

Tokens for ranking come from the Simplified, width-folded copy of the text; stop
words, punctuation and single Chinese characters are dropped, numbers,
percentages and amounts are kept.
"""

from __future__ import annotations

import logging
import re
from itertools import chain
from sys import intern
from functools import lru_cache

from .script import fold_width, to_simplified
from .wordlists import glossary, stop_words

log = logging.getLogger(__name__)

_PUNCT_ONLY = re.compile(r"^[\W_]+$")


class JiebaSegmenter:
    """The reference: jieba, with the glossary words added."""

    name = "jieba"

    def __init__(self) -> None:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.tk = jieba.Tokenizer()
        self.tk.initialize()
        for word in glossary_words():
            self.tk.add_word(word)
            self.tk.suggest_freq(word, tune=True)

    def cut(self, text: str) -> list[str]:
        return self.tk.lcut(text)

    def raw_cut(self, text: str) -> list[str]:
        return self.tk.lcut(text)

    @staticmethod
    def pieces(word: str) -> list[str]:
        return [word]

    def tag(self, text: str) -> list[tuple[str, str]]:
        """(word, part-of-speech flag) pairs: nr person, ns place, nt organisation…"""
        import jieba.posseg

        if not hasattr(self, "pos"):
            self.pos = jieba.posseg.POSTokenizer(self.tk)
        return [(pair.word, pair.flag) for pair in self.pos.lcut(text)]


class RjiebaSegmenter:
    """jieba-rs through rjieba: the same dictionary and algorithm, many times faster."""

    name = "rjieba"

    def __init__(self) -> None:
        import rjieba

        self.tk = rjieba.Jieba()
        for word in glossary_words():
            self.tk.add_word(word, None, None)
            self.tk.add_word(word, self.tk.suggest_freq(word), None)

    def cut(self, text: str) -> list[str]:
        return [piece for word in self.tk.cut(text) for piece in self.pieces(word)]

    def raw_cut(self, text: str) -> list[str]:
        """jieba-rs's own words: :meth:`pieces` turns each into what :meth:`cut` gives."""
        return self.tk.cut(text)

    @staticmethod
    def pieces(word: str) -> list[str]:
        return _as_jieba(word) if word.isascii() and ("." in word or "-" in word) else [word]

    def tag(self, text: str) -> list[tuple[str, str]]:
        return list(self.tk.tag(text))


# jieba-rs keeps "2024-02-18", "MSFT.US" and "4.5GW" whole, where jieba's fallback cuts
# non-Chinese runs into [A-Za-z0-9]+ with an optional decimal part and percent sign
# (3.5%, Saas45.29%) and single punctuation marks; cut them the same way.
_JIEBA_PIECES = re.compile(r"[A-Za-z0-9]+(?:\.\d+)?%?|.")


def _as_jieba(word: str) -> list[str]:
    """An ASCII word holding "." or "-", cut as jieba cuts it."""
    if any(c.isalnum() for c in word):
        return _JIEBA_PIECES.findall(word)
    return [word]


SEGMENTERS = {"rjieba": RjiebaSegmenter, "jieba": JiebaSegmenter}


def glossary_words() -> list[str]:
    """The glossary's Chinese forms (a Latin name is segmented as any Latin word is)."""
    words = []
    for hans, variants, _english, _kind in glossary():
        words.extend(w for w in (hans, *variants) if len(w) > 1 and not w.isascii())
    return words


@lru_cache(maxsize=None)
def segmenter(name: str | None = None):
    """The named segmenter, or the fastest one installed (DIGEST_SEGMENTER overrides)."""
    import os

    name = name or os.environ.get("DIGEST_SEGMENTER")
    if name:
        return SEGMENTERS[name]()
    for candidate in SEGMENTERS.values():
        try:
            return candidate()
        except ImportError:
            continue
    raise RuntimeError("no segmenter available")


def tokens(text: str, *, normalised: bool = False) -> list[str]:
    """Ranking tokens of ``text``: normalised, stop words and punctuation dropped.

    Kept: words of two or more characters that are not all punctuation, and single
    digits or ASCII letters; dropped: single Chinese characters and marks. Tokens are
    interned: a word is one string object however often it occurs, in memory and when
    documents travel between processes. What a segmented word becomes is remembered
    (:data:`_TOKENS_OF`): words recur, so most take one dictionary lookup."""
    if not normalised:
        text = to_simplified(fold_width(text))
    seg = segmenter()
    return list(chain.from_iterable(_made(seg, seg.raw_cut(text))))


def tokens_each(texts: list[str]) -> list[list[str]]:
    """:func:`tokens` of each of the normalised ``texts``, segmented in one call. The
    segmenter cuts only the runs of Chinese, letters and digits into words; a line break
    between them is a word of its own (a carriage return before it would join it), so
    texts without either are cut joined by line breaks and their words parted there."""
    if len(texts) < 2 or any("\n" in text or "\r" in text for text in texts):
        return [tokens(text, normalised=True) for text in texts]
    seg = segmenter()
    cut = seg.raw_cut("\n".join(texts))
    made = _made(seg, cut)
    breaks = [at for at, word in enumerate(cut) if word == "\n"]
    if len(breaks) != len(texts) - 1:      # never, but then one call a text
        return [tokens(text, normalised=True) for text in texts]
    starts, ends = [0, *(at + 1 for at in breaks)], [*breaks, len(cut)]
    return [list(chain.from_iterable(made[start:end])) for start, end in zip(starts, ends)]


def _made(seg, cut: list[str]) -> list[tuple[str, ...]]:
    """The tokens of each word of ``cut``."""
    known = _TOKENS_OF.setdefault(seg.name, {})
    if len(known) > _REMEMBERED:
        known.clear()
    made = list(map(known.get, cut))
    if None in made:                       # words not seen yet (looked up in C, not one by one)
        for at, word in enumerate(cut):
            if made[at] is None:
                got = known.get(word)          # made at an earlier place in this text
                if got is None:
                    got = known[word] = _tokens_of(seg.pieces(word))
                made[at] = got
    return made


_TOKENS_OF: dict[str, dict[str, tuple[str, ...]]] = {}    # segmenter -> word -> its tokens
_REMEMBERED = 400_000      # words remembered at most (a few tens of MB)


def _tokens_of(pieces: list[str]) -> tuple[str, ...]:
    stops = stop_words()
    out = []
    for word in pieces:
        word = word.strip().lower()
        if not word or word in stops:
            continue
        if len(word) > 1:
            if not _PUNCT_ONLY.match(word):
                out.append(intern(word))
        elif word.isdigit() or (word.isascii() and word.isalnum()):
            out.append(intern(word))
    return tuple(out)
