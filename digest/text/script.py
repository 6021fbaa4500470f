"""Chinese script: detect it, normalise to Simplified for processing, convert for display.

Conversion is faithful by default: OpenCC's character and variant-phrase tables
(``t2s``, ``s2t``, ``s2tw``, ``s2hk``) change how a word is written, never which
word it is, so 核心 stays 核心 and 開啟 becomes 开启. Regional vocabulary
(晶片 -> 芯片, 軟體 -> 软件) is a separate choice, ``digest.local_vocabulary``,
because it swaps words and a wrong swap changes the meaning (核心 -> 内核).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

# Display script name -> OpenCC configuration converting *to* it from either script:
# characters and variant phrases only.
TARGETS = {
    "hans": "tw2s",              # Taiwan variant forms too (盯著 -> 盯着), no vocabulary
    "hant": "s2t",
    "tw": "s2tw",
    "hk": "s2hk",
}
# The same with regional vocabulary (opt-in): Taiwan words to mainland ones and back.
LOCAL_TARGETS = {**TARGETS, "hans": "tw2sp", "tw": "s2twp"}
_local = {"on": False}
LANG_TAGS = {"hans": "zh-Hans", "hant": "zh-Hant", "tw": "zh-Hant-TW", "hk": "zh-Hant-HK"}


@lru_cache(maxsize=None)
def _converter(name: str):
    import opencc

    return opencc.OpenCC(f"{name}.json")


def use_local_vocabulary(on: bool) -> None:
    """Whether :func:`convert` also localises vocabulary (``digest.local_vocabulary``)."""
    _local["on"] = bool(on)


def convert(text: str, script: str, local: bool | None = None) -> str:
    """Convert ``text`` into ``script`` ("hans", "hant", "tw" or "hk"); a Simplified
    edition also writes the glossary's companies in their mainland form (辉达 -> 英伟达),
    a Traditional one in the form the glossary lists first (英偉達 -> 輝達).

    ``local`` (default: the configured ``digest.local_vocabulary``) also swaps
    regional vocabulary. Text already free of Traditional characters is left alone
    for "hans": it is Simplified already, and the Taiwan tables would rewrite it
    (显著 -> 显着, and with ``local`` mainland words too: 核心 -> 内核).
    """
    if script != "hans":
        pattern, edition = _traditional_names(script)
        text = _plain_convert(text, script, local)
        return _named(pattern, edition, text)
    return _one_brand_name(_plain_convert(text, script, local))


def _plain_convert(text: str, script: str, local: bool | None = None) -> str:
    local = _local["on"] if local is None else local
    if script == "hans" and _converter("t2s").convert(text) == text:
        return text
    return _converter((LOCAL_TARGETS if local else TARGETS)[script]).convert(text)


def _one_brand_name(text: str) -> str:
    """A Simplified edition writes a company the way the mainland does: the glossary's
    regional forms of a name (辉达 of 輝達) become its Simplified form (英伟达), so one
    company has one name in the edition. Other words stay as written (晶片 is not 芯片
    unless ``digest.local_vocabulary`` says so)."""
    pattern, mainland = _glossary_variants(names_only=True)
    return _named(pattern, mainland, text)


@lru_cache(maxsize=None)
def _traditional_names(script: str):
    """A pattern matching every other form of the glossary's names in ``script`` and
    the form a Traditional edition writes: the first Traditional variant listed."""
    from .wordlists import glossary, traditional_forms

    edition = {}
    for hans, variants, _english, kind in glossary():
        first = traditional_forms().get(hans)
        if kind not in NAME_KINDS or not first:
            continue
        first = _plain_convert(first, script, local=False)
        for form in {_plain_convert(f, script, local=False) for f in (hans, *variants)}:
            if form != first and len(form) > 1:
                edition.setdefault(form, first)
    alternatives = "|".join(map(re.escape, sorted(edition, key=lambda f: (-len(f), f))))
    return re.compile(alternatives or r"(?!)"), edition


def to_simplified(text: str) -> str:
    """The Simplified copy that ranking, ids and duplicate checks use: characters and
    variant forms converted, and the glossary's regional names for one thing made
    one (人工智慧 -> 人工智能, 輝達 -> 英伟达), never other words (核心 stays 核心)."""
    text = _plain_convert(text, "hans", local=False)
    pattern, mainland = _glossary_variants()
    return _named(pattern, mainland, text)


def simplified_each(texts: list[str], together: int = 32) -> list[str]:
    """:func:`to_simplified` of each of ``texts``, ``together`` at a time in one pass when
    none of them holds a line break or a character to convert: then only the glossary's
    regional names are looked for, and neither a name nor a dictionary phrase spans a line
    break. Many short texts (a theme's titles and summaries) cost far less so."""
    out: list[str] = []
    for at in range(0, len(texts), together):
        some = texts[at:at + together]
        joined = "\n".join(some)
        if any("\n" in text for text in some) or _converter("t2s").convert(joined) != joined:
            out += map(to_simplified, some)
        else:
            pattern, mainland = _glossary_variants()
            out += _named(pattern, mainland, joined).split("\n")
    return out


SHORT_FORM = 2          # a form this short may be a piece of another word (小摩 of 小摩托车)


def _named(pattern: re.Pattern, forms: dict[str, str], text: str) -> str:
    """``text`` with every form ``pattern`` finds written as ``forms`` says; a short form
    only where it is no piece of another word (小摩 but not 小摩托车, 川普 but not 四川普通话)."""
    if not pattern.search(text):
        return text
    return pattern.sub(lambda m: forms[m[0]] if len(m[0]) > SHORT_FORM or not _inside_word(text, m)
                       else m[0], text)


def _inside_word(text: str, found: re.Match) -> bool:
    """Do the form's first or last character make a dictionary word with the characters
    before or after it (四川 of 四川普, 摩托 of 小摩托车)?"""
    from .lexicon import is_word

    start, end = found.start(), found.end()
    return any(is_word(text[start - n:start + 1]) for n in (1, 2) if start >= n) \
        or any(is_word(text[end - 1:end + n]) for n in (1, 2) if end + n <= len(text))


NAME_KINDS = ("company", "product", "person", "org", "index")


@lru_cache(maxsize=2)
def _glossary_variants(names_only: bool = False):
    """A pattern matching the glossary's regional forms (after conversion) and their
    mainland forms, longest first: every entry's, or only names' (``names_only``)."""
    import re

    from .wordlists import glossary

    mainland = {}
    for hans, variants, _english, kind in glossary():
        if names_only and kind not in NAME_KINDS:
            continue
        for form in variants:
            form = _plain_convert(form, "hans", local=False)
            if form != hans and len(form) > 1:
                mainland.setdefault(form, hans)
    alternatives = "|".join(map(re.escape, sorted(mainland, key=lambda f: (-len(f), f))))
    return re.compile(alternatives or r"(?!)"), mainland


_NOT_WORDS = re.compile(r"[\W_]+")


def plain_words(text: str) -> str:
    """``text``'s words and nothing else: Simplified, width-folded, lower-cased, without
    marks, spaces or breaks."""
    return _NOT_WORDS.sub("", to_simplified(fold_width(text)).lower())


@lru_cache(maxsize=256)
def words_only(paragraphs: tuple[str, ...]) -> str:
    """:func:`plain_words` of an article. Its id (made when the file is cleaned) and its
    duplicate signature (made after) both come from it: remembered, so each article is
    converted once. Whoever reads a file clears it afterwards (``words_only.cache_clear()``)."""
    return plain_words("".join(paragraphs))


_HAN_RUN = re.compile("[\u4e00-\u9fff]+")


def detect(text: str) -> str:
    """"hant" when the text is mostly Traditional, else "hans"."""
    sample = "".join(itertools.islice((m[0] for m in _HAN_RUN.finditer(text)), 800))[:800]
    if not sample:
        return "hans"
    to_s = _converter("t2s").convert(sample)
    if to_s == sample:                     # no Traditional character at all: the common case
        return "hans"
    to_t = _converter("s2t").convert(sample)
    changed_by_t2s = sum(a != b for a, b in zip(sample, to_s))
    changed_by_s2t = sum(a != b for a, b in zip(sample, to_t))
    return "hant" if changed_by_t2s > changed_by_s2t else "hans"


_FULLWIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_WIDE = re.compile("[\u3000\uff01-\uff5e]")
_LONG = 20_000             # characters above which a text is folded by the table


_REMEMBERED = 2_000        # characters up to which a folded text is remembered


def fold_width(text: str) -> str:
    """Full-width ASCII letters, digits and punctuation -> half-width (for processing only).
    A line or a sentence is folded again and again as the cleaner's steps look at it
    (its header, boilerplate, repeats, end markers, trailer): the last few hundred short
    texts folded are remembered."""
    return _fold_remembered(text) if len(text) <= _REMEMBERED else _fold(text)


@lru_cache(maxsize=512)
def _fold_remembered(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    """Each distinct full-width character present is replaced in one pass: a translation
    table would walk every character in Python's slow path, and a text holds few kinds."""
    if len(text) > _LONG:                # no list of every occurrence for a huge text
        return text.translate(_FULLWIDTH)
    for wide in set(_WIDE.findall(text)):
        text = text.replace(wide, chr(_FULLWIDTH[ord(wide)]))
    return text


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
