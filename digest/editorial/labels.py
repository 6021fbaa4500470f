"""Headings for clustered themes: what their stories share, said the same in both languages.

A heading is made of two or three words that most of a group's stories use and
that are rarer outside it (BERTopic's class-based TF-IDF: what is common in the
group, not merely frequent). A word goes into a heading only with an English
rendering that is certain (the glossary, a dictionary name, a dictionary word of
one sense, or a dictionary word's first sense when it is a plain noun), so the Chinese
and the English say the same thing; never a stop word, a number, a word of time
or measure, a Latin fragment, a generic word (事件, 当地: of what kind a story is, not
what it is about) or the name of a site or news outlet (新浪, 新华社: who published
a story, not its subject). A group with fewer than two such words has no
subject: its stories go to the closing section instead of under a made-up heading.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from ..text.script import fold_width, simplified_each
from ..text.wordlists import glossary, stop_words

SHARED = 0.5              # a heading word is used by at least this share of the group's stories
DISTINCT = 2.5            # ... and by at least this many times its share of all stories
MIN_WORDS = 2
MAX_WORDS = 3
WEAKER = 0.5              # a third word's weight against the first's, at least
SHOWN = 2                 # a heading word is in at least this many of the titles and summaries shown
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
_NUMERIC = re.compile(r".*[\d０-９零〇一二三四五六七八九十百千万亿两].*")
_ASIDE = re.compile(r"\s*\([^)]*\)")
# First senses of generic nouns (事件 "event", 功能 "function; capability"): they say of
# what kind a story is, not what it is about.
_GENERIC_SENSE = re.compile(
    r"^(?:event|incident|happening|matter|affair|situation|circumstances?|condition|news|"
    r"information|thing|aspect|detail|content|function|feature|method|way|result|process)$")
# A dictionary name that is a site or news outlet (新浪 "Sina, Chinese web portal and online
# media company", 路透社 "Reuters News Agency", 人民日报 "People's Daily (PRC newspaper)").
# A person (a lifetime in brackets), an index or a regulator named after one is not.
_OUTLET_SENSE = re.compile(
    r"\b(?:[Nn]ews [Aa]gency|news service|newspaper|magazine|[Tt]elevision(?! Administration)|"
    r"broadcaster|media company|Journal|Daily|Times(?! Square)|Press)\b")
_NOT_OUTLET = re.compile(r"\(\d{0,4}-\d{0,4}\)|\bindex\b|Administration|Ministry|Bureau")
_ENGLISH_STOP = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the this to was "
    "were will with not but can more new one two all about after also into than then over "
    "out up how why what who when which com www http https".split())
# jieba's part-of-speech flags of words that cannot head a theme: time, numeral,
# measure word, pronoun, adverb, preposition, conjunction, particle, locality, and a
# place word that is relative (当地 "local", 附近 "nearby"), not a place's name.
_NO_SUBJECT_TAGS = frozenset("t tg m mq q r rr rz d p c u uj ul f s".split())
# jieba's flags of adjectives (an: one used as a noun), whose first English sense is the
# adjective's, not the noun the text may mean.
_ADJECTIVE_TAGS = frozenset("a ad an ag".split())
# English senses of words of time or measure the tags miss (a unit, a clock or calendar word).
_TIME_OR_MEASURE = re.compile(
    r"\bunit\b|\b(?:second|minute|hour|day|week|month|year|decade|century|morning|afternoon|"
    r"evening|night|today|yesterday|tomorrow|percent|meter|metre|kilometer|kilogram|gram|ton|"
    r"inch|foot|mile|yuan|dollar)s?\b", re.I)


@lru_cache(maxsize=1)
def _glossary_english() -> dict[str, str]:
    table = {}
    for hans, variants, english, _kind in glossary():
        for form in (hans, *variants):
            table[form.lower()] = english
    return table


@lru_cache(maxsize=1)
def _dictionary() -> str:
    """jieba's dictionary: a line "word frequency part-of-speech" for each word."""
    from importlib import resources

    return "\n" + resources.files("jieba").joinpath("dict.txt").read_text(encoding="utf-8")


def _tag(word: str) -> str | None:
    """A word's part-of-speech flag in jieba's dictionary (looked up in its text: few
    words are asked about, so no table of all of them is built)."""
    text = _dictionary()
    at = text.find(f"\n{word} ")
    if at < 0:
        return None
    end = text.find("\n", at + 1)
    fields = text[at + 1:end if end >= 0 else None].split()
    return fields[2] if len(fields) == 3 else None


def _plain(sense: str) -> str:
    """A dictionary sense without its asides and leading article."""
    text = _ASIDE.sub("", sense).strip()
    for article in ("a ", "an ", "the "):
        text = text.removeprefix(article)
    return text


@lru_cache(maxsize=4096)
def english_for(word: str) -> str | None:
    """The English of a heading word, or None when it is not certain or the word cannot
    say what a theme is about."""
    from ..text.lexicon import entries_of, name_english

    if not word or word in stop_words() or _NUMERIC.fullmatch(word) or _outlet(word):
        return None
    if (known := _glossary_english().get(word.lower())) is not None:
        return known
    if _LATIN.fullmatch(word):
        if len(word) < 3 or word.lower() in _ENGLISH_STOP:
            return None
        return word if not word.islower() else word.capitalize()
    if len(word) < 2 or _tag(word) in _NO_SUBJECT_TAGS or _everyday(word):
        return None
    entries = [e for e in entries_of(word) if not e.proper]
    if not entries:
        # A bare given name (迈克尔 "Michael (name)") is no one in particular: it heads nothing.
        senses = [s for e in entries_of(word) for s in e.senses]
        return None if senses and all(_BARE_NAME.search(s) for s in senses) else name_english(word)
    # a sense's first wording ("country; nation; state": country), without its asides
    senses = [_plain(s.split(";")[0]) for e in entries for s in e.senses
              if not s.startswith(("CL:", "variant", "see ", "old ", "fig.", "lit.", "abbr."))]
    if not senses or any(_TIME_OR_MEASURE.search(s) for s in senses[:2]) or _GENERIC_SENSE.match(senses[0]):
        return None
    if len(entries) == 1 and len(senses) == 1 and len(senses[0].split()) <= 3:
        if senses[0].startswith("to ") and "(" in _first_wording(entries[0]):
            return None         # a verb its aside completes: 拍摄 "to take (a picture)", not "take"
        return senses[0].removeprefix("to ") or None
    # Several senses: the first, only when it is the word's common one (the word is in
    # the general dictionary, and no later sense is a field's own: 导语 "preamble" is
    # "(journalism) lede" in the news), when the word is not an adjective (安全 "safe"
    # where the text means security) and when it is a plain noun (a word whose
    # first sense is a verb, 发射 "to launch", heads nothing); a later sense that is one
    # of its words is the same thing said shorter (足球 "soccer ball": soccer).
    tag = _tag(word)
    if tag is None or tag in _ADJECTIVE_TAGS or _field_sense_later(entries):
        return None
    first = senses[0]
    if first.startswith("to ") or len(first.split()) > 3 or not first.replace(" ", "").replace("-", "").isalpha():
        return None
    shorter = [s for s in senses[1:] if " " not in s and s in first.split()]
    if shorter:
        return shorter[0]
    # A first sense of several words that no other sense takes up is one meaning among
    # others (支持率 "support level", "popularity rating"): which one the text means is
    # not known.
    if " " in first and not any(set(first.split()) & set(other.split()) for other in senses[1:]):
        return None
    return first


_BARE_NAME = re.compile(r"\((?:name|surname|given name)\)$")


def _first_wording(entry) -> str:
    """An entry's first sense as the dictionary words it, asides included."""
    return next((s for s in entry.senses if not s.startswith("CL:")), "").split(";")[0]


def _field_sense_later(entries) -> bool:
    """Whether a later sense belongs to a field the first does not name (导语 "preamble",
    then "(journalism) lede"): in a text of that field the later sense is the meant one."""
    first, *others = [s for e in entries for s in e.senses if not s.startswith("CL:")]
    return not first.startswith("(") and any(s.startswith("(") for s in others)


def _outlet(word: str) -> bool:
    """Whether the dictionary names ``word`` as a site or news outlet."""
    from ..text.lexicon import entries_of

    return any(e.proper and _OUTLET_SENSE.search(s) and not _NOT_OUTLET.search(s)
               for e in entries_of(word) for s in e.senses)


def _everyday(word: str) -> bool:
    """Whether a word is an everyday word of general Chinese (by jieba's IDF table, from
    a large general corpus): 国家, 有关, 活动 say nothing of what a group is about."""
    from .focus import COMMON_IDF
    from .keywords import jieba_idf

    return jieba_idf()[0].get(word, 99.0) < COMMON_IDF


def _cased(word: str, texts: Sequence[str]) -> str | None:
    """How ``texts`` mostly write a Latin word (CCD, iPhone), if they write it."""
    pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])", re.I)
    forms = Counter(m.group(0) for text in texts for m in pattern.finditer(text))
    return min(forms, key=lambda f: (-forms[f], f)) if forms else None


def label(counts: np.ndarray, size: int, overall: np.ndarray, total: int,
          terms: Sequence[str], taken: set[str],
          texts: Sequence[str] = (),
          outlets: Callable[[int], int] | None = None) -> tuple[tuple[str, ...], str, str] | None:
    """(heading words, Chinese, English) for a group of ``size`` stories, of which
    ``counts[t]`` use term ``t``; ``overall[t]`` is how many of all ``total`` stories being
    grouped use it. None when fewer than two words qualify. Words in ``taken`` (another
    heading's) are passed over, and this heading's words are added to it. A Latin word
    is written as ``texts`` (the group's titles and summaries) mostly write it. ``outlets``,
    when the group's stories come from several outlets, tells how many of them use term
    ``t``: a word of one outlet only is its page furniture (a gallery's 组图), not the
    group's subject. A heading word is one the group's titles and summaries (``texts``)
    show, twice at least: a word found only in text the reader does not see (a copyright
    line under every report of one source) does not say what the group holds."""
    from .keywords import jieba_idf

    need = max(2, math.ceil(SHARED * size))
    share = counts / size
    lift = share / np.maximum(overall / total, 1e-9)
    candidates = np.flatnonzero((counts >= need) & (lift >= DISTINCT))
    # class-based TF-IDF: the share of the group's stories, times how rare the word is overall
    weights = share[candidates] * np.log(1 + total / overall[candidates])
    # a specific word (rare in general Chinese) before an ordinary one
    general, median = jieba_idf()
    weights = weights * np.fromiter((general.get(terms[t], median) for t in candidates.tolist()),
                                    dtype=np.float64, count=len(candidates))
    # what the reader sees of the group: a word only its unseen text holds (a copyright
    # line, a credit) does not say what the group holds
    shown = [text.lower() for text in simplified_each(list(map(fold_width, texts)))] if texts else None
    chosen: list[tuple[str, str]] = []
    first = 0.0                         # the weight of the first word looked at for a place
    order = np.lexsort((candidates, -weights))
    for at, weight in zip(candidates[order].tolist(), weights[order].tolist()):
        word = terms[at]
        if len(chosen) >= MIN_WORDS and weight < WEAKER * first:
            break                       # a third word only when it says nearly as much
        first = weight if not chosen else first
        if word.lower() in taken or outlets is not None and outlets(at) < 2 \
                or shown is not None and sum(word.lower() in text for text in shown) < SHOWN \
                or not (english := english_for(word)):
            continue
        # the English says each word once: no word whose English another's already says
        if any(english.lower() in e.lower() or e.lower() in english.lower() or w in word or word in w
               for w, e in chosen):
            continue
        if _LATIN.fullmatch(word):
            english = _cased(word, texts) or english
        chosen.append((word, english))
        if len(chosen) == MAX_WORDS:
            break
    if len(chosen) < MIN_WORDS:
        return None
    taken.update(w.lower() for w, _ in chosen)
    english = [e for _, e in chosen]
    # A Latin word is shown as written in English (the counted words are lower-cased).
    return (tuple(w for w, _ in chosen),
            "、".join(e if _LATIN.fullmatch(w) else w for w, e in chosen),
            " & ".join(english) if len(english) == 2 else f"{english[0]}, {english[1]} & {english[2]}")
