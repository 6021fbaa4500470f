"""The word lists shipped in ``digest/data``: stop words and the AI/finance glossary."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


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
def traditional_forms() -> dict[str, str]:
    """Simplified glossary form -> the form a Traditional edition writes: the first
    Traditional variant listed (輝達 for 英伟达), which may be the Simplified form itself."""
    forms = {}
    for line in _data_lines("glossary.tsv"):
        hans, hant = (line.split("\t") + ["", ""])[:2]
        first = hant.split(",")[0]
        if first:
            forms[hans] = first
    return forms
