"""Headings for clustered themes: what their stories share, said the same in both languages.

A label is made of the words most of the group's stories have among their
keywords, those rarer outside the group first (the idea of BERTopic's class-based
TF-IDF: what is common in the group, not merely frequent). A word goes into the label only with an English rendering
that is certain (the glossary, a dictionary name, or a dictionary word of one
sense), so the Chinese and the English say the same thing; never a stop word, a
number or a Latin fragment. A group with no such word has no subject: its stories
go to the closing section instead of under a made-up heading.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..models import Summary
from ..text.wordlists import glossary, stop_words

SHARED = 0.5              # a label word is among the keywords of at least this share of stories
MAX_WORDS = 3
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*")
_ENGLISH_STOP = frozenset(
    "a an and are as at be by for from has have in is it its of on or that the this to was "
    "were will with not but can more new one two all about after also into than then over "
    "out up how why what who when which com www http https".split())


@lru_cache(maxsize=1)
def _glossary_english() -> dict[str, str]:
    table = {}
    for hans, variants, english, _kind in glossary():
        for form in (hans, *variants):
            table[form.lower()] = english
    return table


@lru_cache(maxsize=4096)
def english_for(word: str) -> str | None:
    """The English of a label word, or None when it is not certain."""
    from ..text.lexicon import cedict, name_english

    if not word or word in stop_words() or word.isdigit():
        return None
    if (known := _glossary_english().get(word.lower())) is not None:
        return known
    if _LATIN.fullmatch(word):
        if len(word) < 3 or word.lower() in _ENGLISH_STOP:
            return None
        return word if not word.islower() else word.capitalize()
    if len(word) < 2:
        return None
    if (name := name_english(word)) is not None:
        return name
    entries = [e for e in cedict().get(word, ()) if not e.proper]
    senses = [s for e in entries for s in e.senses if not s.startswith(("CL:", "variant", "see ", "old "))]
    if len(entries) == 1 and len(senses) == 1 and len(senses[0].split()) <= 3:
        return senses[0].removeprefix("to ")
    return None


def story_words(story: list[Summary]) -> frozenset[str]:
    """The keywords of a story's reports."""
    return frozenset(w for s in story for w in s.keywords[:8])


def label(stories: list[frozenset[str]], taken: set[str], overall: Counter,
          total: int) -> tuple[str, str] | None:
    """(Chinese, English) heading for a group of stories (each its :func:`story_words`),
    from the words most of its stories share; None when none qualifies.
    Among those, the words rarer elsewhere come first (``overall``: in how many of all
    ``total`` stories being grouped a word is). Words in ``taken`` (another heading's)
    are passed over, and this heading's words are added to it."""
    import math

    counts: Counter = Counter()
    for words in stories:
        counts.update(words)
    need = max(2, SHARED * len(stories))
    shared = [w for w, n in counts.items() if n >= need and w.lower() not in taken]
    shared.sort(key=lambda w: (-counts[w] / len(stories) * math.log(1 + total / overall[w]), w))
    chosen = [(w, e) for w in shared if (e := english_for(w))][:MAX_WORDS]
    if not chosen:
        return None
    taken.update(w.lower() for w, _ in chosen)
    # A Latin word is shown as written in English (keywords are lower-cased).
    return ("、".join(e if _LATIN.fullmatch(w) else w for w, e in chosen),
            " & ".join(e for _, e in chosen))
