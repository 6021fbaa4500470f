"""English key facts for an article: the names, figures and terms it gives.

This is not a translation: names and terms come from the curated glossary,
names already written in Latin script are kept, and figures are rewritten in
English units (亿/万亿 become millions/billions/trillions with their currency).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .models import Article, KeyFacts, Summary
from .script import fold_width, to_simplified
from .words import glossary

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
LATIN_NAME = re.compile(r"\b[A-Z][A-Za-z0-9]*[A-Z0-9a-z][A-Za-z0-9]*(?:\s[A-Z][a-z]+)?\b")
NAME_KINDS = {"company", "person", "index", "product", "org", "place"}
LATIN_STOP = {"AI", "The", "CEO", "CPI", "PPI", "GDP", "PE", "IPO", "ID", "APP", "PS", "OK", "EPS"}


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
    for name, count in Counter(LATIN_NAME.findall(body)).items():
        if name not in LATIN_STOP and count >= 2 and len(name) > 2:
            names[name] += count + (3 if name in focus else 0)
    return KeyFacts(
        names=tuple(n for n, _ in names.most_common(6)),
        figures=figures(focus),
        terms=tuple(t for t, _ in terms.most_common(4)),
    )
