"""Focus: whether an article is about one of the configured themes, or only mentions it.

A configured theme takes an article when its terms are what the article is about:
named in the headline or the lead, or several of them through the text, often
enough for its length. A term met in passing (训练 in a sports story, 开源 once in a
software release) does not make a story about AI models; nor does a theme that is in
neither the headline nor the article's own keywords (its top words by TF-IDF) and that
the lead names only once (a company's share price in the lead of a story on its
restructuring). What no configured theme takes goes to the clustered themes or the
closing section.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from ..config import ThemeSpec
from ..models import Document
from ..text.script import convert, fold_width, to_simplified

LEAD_CHARS = 160          # the lead: about the first two sentences
MIN_SCORE = 3.0           # weighted hits: three for a term in the headline, 1.5 in the lead, 1 below
LONG_TEXT = 3000          # characters from which a text must name its theme up front
MIN_DENSITY = 4.0         # hits per thousand characters when the headline names none


COMMON_IDF = 5.5         # jieba's general IDF below which a term is an everyday word (经济, 政策)


@functools.lru_cache(maxsize=8)
def _normal_terms(specs: tuple[ThemeSpec, ...]) -> tuple[tuple[tuple[str, float], ...], ...]:
    """Each theme's terms, Simplified and lower-cased, with their weight as evidence: an
    everyday word of general Chinese (by jieba's IDF table, from a large general corpus)
    says less about a story than a specific one, so it counts half."""
    from .keywords import jieba_idf

    idf, _ = jieba_idf()
    themes = []
    for spec in specs:
        terms: dict[str, float] = {}
        for term in spec.terms:
            base = to_simplified(fold_width(term)).lower()
            weight = 0.5 if idf.get(base, 99.0) < COMMON_IDF else 1.0
            # The term as Taiwan and Hong Kong write it too (芯片: 晶片), in Simplified characters.
            regional = convert(convert(base, "tw", local=True), "hans", local=False).lower()
            for form in (base, regional):
                terms.setdefault(form, weight)
        themes.append(tuple(terms.items()))
    return tuple(themes)


def _texts(doc: Document) -> tuple[str, str, str]:
    title = (doc.title_normal or to_simplified(fold_width(doc.article.title))).lower()
    body = ("\n".join(doc.normal) if doc.normal else to_simplified(fold_width(doc.article.body))).lower()
    return title, body[:LEAD_CHARS], body


def theme_scores(doc: Document, specs: tuple[ThemeSpec, ...],
                 own: tuple[str, ...] | None = None) -> list[float]:
    """For each configured theme, how much ``doc`` is about it: its weighted term hits
    when they pass the focus rules, else 0. ``own`` is the article's own keywords (its
    top words by TF-IDF), when already worked out."""
    title, lead, body = _texts(doc)
    keywords: list[tuple[str, ...]] = []       # the keywords, normalised once if needed
    length = max(len(body), 1)
    scores = []
    # A term can be in a text only when its first two characters are: finding which keys
    # each text holds spares most of the terms' searches.
    keys = _keys(specs)
    pairs, title_pairs = _held(body, keys), _held(title, keys)
    for weight, forms, longest_first in _prepared(specs):
        in_title = [f.term for f in forms if f.key in title_pairs and f.found_in(title)]
        in_lead = [f.term for f in forms if f.key in pairs and f.found_in(lead)]
        hits = _counted(body, [f for f in longest_first if f.key in pairs])
        found = [t for t, n in hits.items() if n]
        total = sum(weight[t] * n for t, n in hits.items())
        # The headline and the lead say what a story is about; the rest of the text adds
        # a little (capped, so a long text that mentions a theme often does not outweigh
        # a headline that names it).
        score = (sum(3 * weight[t] for t in in_title) + sum(1.5 * weight[t] for t in in_lead)
                 + min(3.0, total / max(1.0, length / 2000) ** 0.5))
        dense = total * 1000 / length >= MIN_DENSITY
        named = sum(weight[t] for t in set(found) | set(in_title))
        up_front = sum(weight[t] for t in set(in_title) | set(in_lead))
        headline = max((weight[t] for t in in_title), default=0.0)
        # Two different terms of the theme at least, and where it counts; or a specific
        # term in the headline that the text takes up again.
        # A long text (a weekly roundup) must name the theme up front: density alone is a
        # section of it, not what it is about.
        dense = dense and length < LONG_TEXT
        about = (named >= 2 and (up_front >= 1 or dense or up_front > 0 and named >= 3)
                 or headline >= 1 and sum(hits.get(t, 0) for t in in_title) >= 2)
        if length >= LONG_TEXT:
            # A long text covers many things; it is about the theme when its headline
            # names it, or its lead names two of its terms (one word in a standing
            # opening, 本刊开源, or an everyday word like 经济 is not enough).
            about = about and (headline > 0 and up_front >= 1 or up_front >= 2)
        # What the article is mainly about is in its headline or among its own keywords;
        # a theme named only in passing (a company's share price in the lead of a story on
        # its restructuring) is in neither, and needs a lead that names it twice.
        if about and headline <= 0 and up_front < 2:
            keywords = keywords or [_normal_keywords(doc, own)]
            about = any(f.found_in(word) for word in keywords[0] for f in forms)
        scores.append(score if about and score >= MIN_SCORE else 0.0)
    return scores


def _normal_keywords(doc: Document, own: tuple[str, ...] | None) -> tuple[str, ...]:
    """The article's own keywords (given, or worked out), Simplified and lower-cased."""
    if own is None:
        from .keywords import keywords
        own = keywords(doc)
    return tuple(to_simplified(fold_width(word)).lower() for word in own)


@dataclasses.dataclass(frozen=True)
class _Form:
    """A theme's term as it is looked for: a short Latin term (AI, GPU) as a whole word
    only ("ai" inside "email" or "Thailand" is not AI); ``key``, its first two characters
    (empty for a one-character term), which a text must hold for the term to be in it."""

    term: str
    word: re.Pattern | None
    key: str

    def found_in(self, text: str) -> bool:
        return self.term in text if self.word is None else self.word.search(text) is not None


@functools.lru_cache(maxsize=8)
def _prepared(specs: tuple[ThemeSpec, ...]):
    """Per theme, worked out once: each term's weight, its forms, and the forms longest
    first."""
    out = []
    for terms in _normal_terms(specs):
        forms = tuple(_Form(t, _short_latin(t), t[:2] if len(t) > 1 else "") for t, _ in terms)
        out.append((dict(terms), forms, tuple(sorted(forms, key=lambda f: len(f.term), reverse=True))))
    return tuple(out)


@functools.lru_cache(maxsize=8)
def _keys(specs: tuple[ThemeSpec, ...]) -> frozenset[str]:
    """Every term's key (its first two characters, or "" for a one-character term)."""
    return frozenset(f.key for _weight, forms, _longest in _prepared(specs) for f in forms)


def _held(text: str, keys: frozenset[str]) -> set[str] | frozenset[str]:
    """What a term's key is looked up in: the keys ``text`` holds, each looked for (when
    there are fewer keys than half the text's characters: a search is about twice as
    dear as a character's pair), or else every pair of characters in the text."""
    if len(keys) < len(text) // 2:
        return {key for key in keys if key in text}
    return _pairs(text)


def _pairs(text: str) -> set[str]:
    """Every two characters in a row in ``text``, and the empty key of one-character terms."""
    return {text[i:i + 2] for i in range(len(text) - 1)} | {""}


def _counted(text: str, longest_first: list[_Form]) -> dict[str, int]:
    """How often each term occurs, a longer term first: 经济 inside 经济增长 is not counted
    again as 经济."""
    counts = {}
    for form in longest_first:
        if form.word is not None:
            text, counts[form.term] = form.word.subn("\0", text)
            continue
        counts[form.term] = text.count(form.term)
        if counts[form.term]:
            text = text.replace(form.term, "\0")
    return counts


def _short_latin(term: str) -> re.Pattern | None:
    """A short Latin term (AI, GPU) as a pattern matching it as a whole word only."""
    if len(term) > 3 or not term.isascii() or not term.isalpha():
        return None
    return re.compile(rf"(?<![a-z]){term}(?![a-z])")


def best_theme(scores: list[float]) -> int | None:
    """The configured theme an article (or story) belongs to, by its scores, if any."""
    if not scores or max(scores) <= 0:
        return None
    return max(range(len(scores)), key=lambda i: (scores[i], -i))
