"""English key facts for an article: the names, figures and terms it gives.

This is not a translation: names and terms come from the curated glossary,
names already written in Latin script are kept, and figures are rewritten in
English units (亿/万亿 become millions/billions/trillions with their currency).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .lexicon import cedict, name_english, pinyin_name, term_english
from .models import Article, KeyFacts, Summary
from .script import fold_width, to_simplified
from .words import glossary, segmenter

CURRENCIES = {"美元": "US$", "元": "¥", "人民币": "¥", "港元": "HK$", "港币": "HK$",
              "日元": "JP¥", "欧元": "€", "英镑": "£", "新台币": "NT$", "台币": "NT$"}
MULTIPLIERS = {"万亿": 1e12, "兆": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8,
               "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3}
AMOUNT = re.compile(
    r"(?P<num>\d+(?:\.\d+)?)\s*(?P<mult>万亿|千亿|百亿|亿|千万|百万|万|兆)?\s*"
    r"(?P<cur>美元|人民币|港元|港币|日元|欧元|英镑|新台币|台币|元)")
PERCENT = re.compile(r"(?P<num>[+\-]?\d+(?:\.\d+)?)\s*%")
DAY = re.compile(r"(?:(?P<y>\d{4})年)?(?P<m>1[0-2]|[1-9])月(?P<d>3[01]|[12]\d|[1-9])日")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*[A-Z0-9a-z][A-Za-z0-9]*(?:\s[A-Z][a-z]+)?"
                        r"(?![A-Za-z0-9])")      # Chinese around it counts as a boundary
ORG_SUFFIX = ("科技", "公司", "集团", "银行", "资本", "证券", "基金", "控股", "半导体")
NAME_KINDS = {"company", "person", "index", "product", "org", "place"}
LATIN_STOP = {"AI", "The", "CEO", "CPI", "PPI", "GDP", "PE", "IPO", "ID", "APP", "PS", "OK", "EPS"}
NAME_TAGS = {"nr": "person", "nrt": "foreign", "ns": "place", "nt": "org", "nz": "other"}
MAX_PINYIN = 2          # names only pinyin can give, per article


def english_amount(num: str, mult: str | None, cur: str) -> str:
    value = float(num) * MULTIPLIERS.get(mult or "", 1)
    symbol = CURRENCIES[cur]
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{symbol}{_trim(value / size)} {word}"
    return f"{symbol}{_trim(value)}"


def _trim(value: float) -> str:
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text


@lru_cache(maxsize=1)
def _lookup() -> tuple[tuple[str, str, str], ...]:
    """(Simplified form, English, kind), longest forms first so 恒生科技指数 wins over 恒生科技."""
    rows = {(hans, english, kind) for hans, _variants, english, kind in glossary()}
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def figures(text: str, limit: int = 4) -> tuple[str, ...]:
    """Amounts, percentages and dates from (Simplified, width-folded) ``text``, in order."""
    found: list[tuple[int, str]] = []
    for m in AMOUNT.finditer(text):
        found.append((m.start(), english_amount(m["num"], m["mult"], m["cur"])))
    for m in PERCENT.finditer(text):
        found.append((m.start(), f"{m['num']}%"))
    for m in DAY.finditer(text):
        day = f"{int(m['d'])} {MONTHS[int(m['m']) - 1]}" + (f" {m['y']}" if m["y"] else "")
        found.append((m.start(), day))
    seen: list[str] = []
    for _, value in sorted(found):
        if value not in seen:
            seen.append(value)
    return tuple(seen[:limit])


def key_facts(article: Article, summary: Summary) -> KeyFacts:
    body = to_simplified(fold_width(article.body))
    focus = to_simplified(fold_width(article.title + " " + summary.text))
    names: Counter[str] = Counter()
    terms: Counter[str] = Counter()
    masked = body
    for hans, english, kind in _lookup():
        count = masked.count(hans)
        if not count:
            continue
        masked = masked.replace(hans, " ")
        weight = count + (3 if hans in focus else 0)
        (names if kind in NAME_KINDS else terms)[english] += weight
    latin = Counter(n for n in LATIN_NAME.findall(body) if n not in LATIN_STOP and len(n) > 2)
    for name, count in latin.items():
        longer = any(other != name and re.search(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])",
                                                  other) for other in latin)
        if count >= 2 and not longer:          # "Cody" is left out when "Cody Acree" is there
            names[name] += count + (3 if name in focus else 0)
    for english in _dictionary_names(focus, masked):
        names.setdefault(english, 1)
    if len(terms) < 4:
        for word in summary.keywords:
            if word in masked and (english := term_english(word)) and english not in terms:
                terms[english] = 0
            if len(terms) >= 4:
                break
    return KeyFacts(
        names=tuple(n for n, _ in names.most_common(6)),
        figures=figures(focus),
        terms=tuple(t for t, _ in terms.most_common(4)),
    )


def _dictionary_names(focus: str, masked: str) -> list[str]:
    """English for the names in ``focus`` the glossary lacks: CC-CEDICT's name for
    them, else pinyin for people's names (marked as such)."""
    found, pinyin = [], 0
    for word, kind, whole in _tagged_names(focus):
        if word not in masked or len(word.replace("·", "")) < 2:
            continue                              # a glossary name, or too short to trust
        english = name_english(word)
        if english is None and kind in ("person", "foreign") and whole and pinyin < MAX_PINYIN \
                and not any(not e.proper for e in cedict().get(word, ())):
            english = f"{pinyin_name(word, foreign=kind == 'foreign' or '·' in word)} (pinyin)"
            pinyin += 1
        if english and english not in found:
            found.append(english)
    return found


def _tagged_names(text: str) -> list[tuple[str, str, bool]]:
    """(name, kind, whole) for the proper names tagged in ``text``; transliterations
    split at "·" are joined again. ``whole`` is False when the name looks like a piece
    of a longer one (a lone character before it) or of a company name (科技 after it)."""
    merged: list[tuple[str, str]] = []
    for word, flag in segmenter().tag(text):
        if word in "·•・" and merged and merged[-1][1] != "-":
            merged[-1] = (merged[-1][0] + "·", "foreign")
        elif merged and merged[-1][0].endswith("·") and flag in NAME_TAGS:
            merged[-1] = (merged[-1][0] + word, "foreign")
        else:
            merged.append((word, NAME_TAGS.get(flag, "-")))
    found = []
    for i, (word, kind) in enumerate(merged):
        if kind == "-":
            continue
        before = merged[i - 1][0] if i else ""
        after = merged[i + 1][0] if i + 1 < len(merged) else ""
        whole = not (len(before) == 1 and "\u4e00" <= before <= "\u9fff") and after not in ORG_SUFFIX
        found.append((word.strip("·"), kind, whole))
    return found
