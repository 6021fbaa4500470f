"""English key facts for an article: the names, figures and terms it gives.

This is not a translation: names and terms come from the curated glossary,
names already written in Latin script are kept, and figures are rewritten in
English units (亿/万亿 become millions/billions/trillions with their currency).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from ..text.lexicon import english_words, term_english
from .document import normal_lines
from . import companies
from .tagging import dictionary_names, tagged_names, used_as_itself
from ..models import Document, KeyFacts, Summary
from ..text.script import fold_width, to_simplified
from ..text.words import glossary

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
# A Latin name, hyphenated parts and up to two more capitalised words included
# (LongCat-Audio-Codec, Motorola One Power); a piece of an identifier (SPRING_DATASOURCE,
# $HOME, PATH=) is none. Chinese around it counts as a boundary.
LATIN_NAME = re.compile(r"(?<![A-Za-z0-9_\-./$])[A-Z][A-Za-z0-9]*[A-Z0-9a-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
                        r"(?:\s[A-Z][a-z]+){0,2}(?![A-Za-z0-9_\-=/])")
NAME_KINDS = {"company", "person", "index", "product", "org", "place"}
LATIN_STOP = {"AI", "The", "CEO", "CPI", "PPI", "GDP", "PE", "IPO", "ID", "APP", "PS", "OK", "EPS"}
# An all-capital Latin word this long is a word in capitals (PLAINTEXT), not an acronym.
LONGEST_ACRONYM = 6


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
    """(Simplified form, English, kind) for every glossary form, Traditional variants
    included (as the processing copy writes them: 輝達 -> 辉达), longest forms first
    so 恒生科技指数 wins over 恒生科技; equal lengths in a fixed order."""
    rows = {(to_simplified(form), english, kind)
            for hans, variants, english, kind in glossary() for form in (hans, *variants)}
    return tuple(sorted(rows, key=lambda r: (-len(r[0]), r)))


@lru_cache(maxsize=1)
def _company_words() -> frozenset[str]:
    """The glossary's companies and products in lower case: "apple" is Apple's name."""
    return frozenset(english.lower() for _h, english, kind in _lookup() if kind in ("company", "product"))


@lru_cache(maxsize=1)
def _glossary_scan() -> tuple[re.Pattern, dict[str, frozenset[str]]]:
    """One pattern for every glossary form, longest first, and the forms inside each."""
    forms = sorted({hans for hans, _e, _k in _lookup()}, key=lambda f: (-len(f), f))
    return re.compile("|".join(map(re.escape, forms))), {f: frozenset(g for g in forms if g in f) for f in forms}


def _glossary_in(text: str) -> set[str]:
    """The glossary forms ``text`` holds: one scan, started again just after each find's
    start so that overlapping forms are found too (a form inside a longer one is in
    its set)."""
    pattern, inside = _glossary_scan()
    found: set[str] = set()
    hit = pattern.search(text)
    while hit:
        found |= inside[hit[0]]
        hit = pattern.search(text, hit.start() + 1)
    return found


@lru_cache(maxsize=1)
def _short_forms() -> tuple[tuple[str, str], ...]:
    return tuple(companies.short_forms(_lookup()))


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


# Salience: a name in the title matters most (more than all the rest together), then
# one in the opening paragraph or the summary; how often the article uses it adds a
# little (log-scaled, capped).
IN_TITLE, IN_LEAD, IN_SUMMARY, MAX_FREQUENCY = 6.5, 2.0, 1.0, 3.0
LEAD_CHARS = 200
# Words that say little alone: listed only when the title uses them or a figure stands
# beside them ("美国GDP增长3%"); a currency shows only inside its figures (US$600 billion).
GENERIC_TERMS = {"人工智能", "美元", "人民币"} | set(CURRENCIES)
NEAR_FIGURE = 6          # characters between a generic word and a digit
MAX_NAMES, MAX_TERMS = 6, 4
TITLE_KINDS = {"person", "company", "org", "foreign", "product"}


def key_facts(doc: Document, summary: Summary) -> KeyFacts:
    """Names, figures and terms of ``doc``'s article, most salient first, in a fixed order.
    They are looked for in the text normalised when the Document was built, when that
    text is the whole article."""
    article = doc.article
    lines = normal_lines(doc)
    if lines is None or sum(len(s.text) for s in doc.sentences) != article.chars:
        # No normalised text, or an article longer than its ranked opening: all of it.
        body = to_simplified(fold_width(article.body))
        text = to_simplified(fold_width(summary.text))
    else:                           # the ranked text, its paragraphs apart as in the article
        paragraphs: dict[int, list[str]] = {}
        for sentence, line in zip(doc.sentences, lines):
            paragraphs.setdefault(sentence.paragraph, []).append(line)
        body = "\n\n".join("".join(part) for part in paragraphs.values())
        text = "".join(lines[s.index].strip() if s.text == doc.sentences[s.index].text
                       else to_simplified(fold_width(s.text.strip())) for s in summary.sentences)
    title = doc.title_normal or to_simplified(fold_width(article.title))
    lead = body[:LEAD_CHARS]
    parts = (title, lead, text)
    names: dict[str, list] = {}      # English -> [salience, first position, a who the title names]
    terms: dict[str, list] = {}
    masked, masked_parts = body, list(parts)
    anywhere = title + "\n" + body
    present = _glossary_in(anywhere)
    for hans, english, kind in _lookup():
        if hans not in present:
            continue
        if hans.isascii() and not _has_word(anywhere, hans):
            continue                    # Shell of PowerShell
        if not used_as_itself(hans, kind, anywhere):
            continue                    # 道指 of 报道指出, 印度 of 印度教 (Hinduism)
        count = masked.count(hans)
        in_parts = [hans in part for part in masked_parts]
        if not count and not in_parts[0]:
            continue
        masked = masked.replace(hans, " ")
        masked_parts = [part.replace(hans, " ") for part in masked_parts]
        generic = hans in GENERIC_TERMS or kind == "place"
        if hans in CURRENCIES or generic and not in_parts[0] and not _beside_figure(hans, body):
            continue
        table = names if kind in NAME_KINDS else terms
        _add(table, english, _salience(in_parts, count), _where(hans, title, body), in_parts[0]
             and kind in TITLE_KINDS)
    for hans, english in companies.listed(title, anywhere) + companies.lead_company(title, body) + [
            (short, english) for short, english in _short_forms() if short in anywhere and companies.named_as_company(short, anywhere)]:
        in_parts = [hans in part for part in masked_parts]
        if in_parts[0] or hans in masked:
            _add(names, english, _salience(in_parts, masked.count(hans)), _where(hans, title, body),
                 in_parts[0])
            masked = masked.replace(hans, " ")
            masked_parts = [part.replace(hans, " ") for part in masked_parts]
    latin = Counter(n for n in LATIN_NAME.findall(body + " " + title) if n not in LATIN_STOP and len(n) > 2)
    for name, count in sorted(latin.items()):
        longer = any(other != name and (_has_word(other, name) or other.lower() == name.lower()
                                        and (latin[other], name) > (count, other)) for other in latin)
        in_parts = [_has_word(part, name) for part in parts]
        # "Cody" is left out beside "Cody Acree", and so is an English word (Token)
        if not longer and (count >= 2 or in_parts[0]) and not _latin_word(name, in_parts[0]):
            _add(names, name, _salience(in_parts, count), _where(name, title, body), in_parts[0])
    tagged = tagged_names(title + "。" + text)
    for english, word, kind in dictionary_names(tagged, title, body, masked):
        in_parts = [word in part for part in parts]
        if kind == "place" and not in_parts[0] and not _beside_figure(word, body):
            continue
        _add(names, english, _salience(in_parts, body.count(word)), _where(word, title, body),
             in_parts[0] and kind in TITLE_KINDS)
    named_words = {word for word, *_ in tagged}      # 中兴 the company is no "resurgence"
    if len(terms) < MAX_TERMS:
        for word in summary.keywords:
            if word in masked and word not in named_words and (english := term_english(word)) \
                    and english not in terms and english.lower() not in _company_words():
                _add(terms, english, 0.0, _where(word, title, body), False)
            if len(terms) >= MAX_TERMS:
                break
    return KeyFacts(names=_ranked(names, MAX_NAMES), figures=figures(title + "。" + text),
                    terms=_ranked(terms, MAX_TERMS))


def _latin_word(name: str, in_title: bool) -> bool:
    """Is the Latin ``name`` an English word rather than a name: a long word in capitals
    (PLAINTEXT), or a common word (Token, PATH) the title does not give and that is no
    glossary company's ("Apple")?"""
    if not name.isalpha():
        return False
    if name.isupper() and len(name) > LONGEST_ACRONYM:
        return True
    lower = name.lower()
    return not in_title and lower in english_words() and lower not in _company_words()


def _salience(in_parts: list[bool], count: int) -> float:
    title, lead, summary = in_parts
    return IN_TITLE * title + IN_LEAD * lead + IN_SUMMARY * summary \
        + min(MAX_FREQUENCY, math.log2(1 + count))


def _add(table: dict[str, list], english: str, score: float, at: int, named: bool) -> None:
    """Record a name or term; one English name reached by several forms keeps the best."""
    old = table.get(english)
    if old is None:
        table[english] = [score, at, named]
    else:
        table[english] = [max(old[0], score), min(old[1], at), old[2] or named]


def _ranked(table: dict[str, list], limit: int) -> tuple[str, ...]:
    """The people and companies the title names, in its order, then the most salient
    of the rest (ties: first mentioned, then alphabetical), ``limit`` in all unless
    the title names more."""
    order = sorted(table, key=lambda e: (-table[e][0], table[e][1], e))
    named = sorted((e for e in order if table[e][2]), key=lambda e: (table[e][1], e))
    rest = [e for e in order if not table[e][2]]
    return tuple(named + rest[:max(0, limit - len(named))])


def _where(word: str, title: str, body: str) -> int:
    """Where ``word`` first appears: in the title first, then in the body."""
    if word in title:
        return title.find(word)
    return len(title) + body.find(word) if word in body else 1 << 30


def _has_word(text: str, latin: str) -> bool:
    """Does ``latin`` stand in ``text`` as a word of its own (no ASCII letter or digit
    touching it)? Found with str.find: a regex per name would be compiled per name."""
    at = text.find(latin)
    while at >= 0:
        end = at + len(latin)
        if not (at and _ascii_alnum(text[at - 1])) and not (end < len(text) and _ascii_alnum(text[end])):
            return True
        at = text.find(latin, at + 1)
    return False


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


_DIGIT = re.compile(r"\d")


def _beside_figure(word: str, text: str) -> bool:
    """Does a digit stand within NEAR_FIGURE characters of some use of ``word``?"""
    at = text.find(word) if word else -1
    while at >= 0:
        if _DIGIT.search(text, max(0, at - NEAR_FIGURE), at + len(word) + NEAR_FIGURE):
            return True
        at = text.find(word, at + len(word))
    return False
