"""Chinese script: detect it, normalise to Simplified for processing, convert for display.

OpenCC does the conversion phrase by phrase (人工智慧 -> 人工智能, 晶片 -> 芯片),
not character by character.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache

# Display script name -> OpenCC configuration converting *to* it from either script.
TARGETS = {
    "hans": ("tw2sp",),          # Traditional (with Taiwan phrases) -> mainland Simplified
    "hant": ("s2t",),
    "tw": ("s2twp",),
    "hk": ("s2hk",),
}
LANG_TAGS = {"hans": "zh-Hans", "hant": "zh-Hant", "tw": "zh-Hant-TW", "hk": "zh-Hant-HK"}


@lru_cache(maxsize=None)
def _converter(name: str):
    import opencc

    return opencc.OpenCC(f"{name}.json")


def convert(text: str, script: str) -> str:
    """Convert ``text`` into ``script`` ("hans", "hant", "tw" or "hk").

    Text already free of Traditional characters is left alone for "hans": the
    Taiwan phrase tables would otherwise rewrite correct Simplified (显著 -> 显着).
    """
    if script == "hans" and _converter("t2s").convert(text) == text:
        return text
    for name in TARGETS[script]:
        text = _converter(name).convert(text)
    return text


def to_simplified(text: str) -> str:
    """The Simplified, mainland-phrased copy that ranking and duplicate checks use."""
    return _converter("tw2sp").convert(text)


def detect(text: str) -> str:
    """"hant" when the text is mostly Traditional, else "hans"."""
    sample = "".join(itertools.islice((ch for ch in text if "\u4e00" <= ch <= "\u9fff"), 800))
    if not sample:
        return "hans"
    to_s = _converter("t2s").convert(sample)
    to_t = _converter("s2t").convert(sample)
    changed_by_t2s = sum(a != b for a, b in zip(sample, to_s))
    changed_by_s2t = sum(a != b for a, b in zip(sample, to_t))
    return "hant" if changed_by_t2s > changed_by_s2t else "hans"


_FULLWIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20


def fold_width(text: str) -> str:
    """Full-width ASCII letters, digits and punctuation -> half-width (for processing only)."""
    return text.translate(_FULLWIDTH)


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
