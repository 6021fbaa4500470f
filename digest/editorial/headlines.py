"""Headlines for articles that have none: a whole clause of their best-rated sentences
that carries most of their keywords."""

from __future__ import annotations

import re

from .document import LEANS, SECTION_NUMBER
from .summarize import plain_words, title_echoes
from ..models import Document, Summary
from ..text.script import fold_width, to_simplified


HEADLINE_CHARS = 30
PAIRS = ("《》", "()", "（）", "“”", "「」", "【】")       # a headline closes what it opens
CLAUSE = re.compile(r"[^，,；;：:。！？!?…]+")
# A clause that opens with a joining word continues another one: not a headline.
JOINS = re.compile(r"^(?:但|而|并|並|且|所以|因此|因为|因為|同时|同時|此外|不过|不過|然而|如果|虽然|雖然|"
                   r"以及|或者|甚至|也|还|還|就|则|則|即|于是|於是|然后|然後|对于|對於|包括)")


def headline(doc: Document, summary: Summary, limit: int = HEADLINE_CHARS) -> str:
    """A short headline (at most ``limit`` characters) for an article that has none:
    the clause of its best-rated sentences that carries most of its keywords, not a
    sentence the summary shows whole nor the one standing as its title. Empty when no
    clause fits."""
    weights = {word: len(summary.keywords) - rank for rank, word in enumerate(summary.keywords)}
    title = plain_words(doc.article.title)
    shown = {plain_words(s.text) for s in summary.sentences} | {title}
    ratings = summary.ratings or (0.0,) * len(doc.sentences)
    top = max(ratings, default=0.0) or 1.0
    best: tuple[float, int, str] = (0.0, 0, "")
    echoes = title_echoes(doc)
    for sentence, rating in zip(doc.sentences, ratings):
        if sentence.kind != "body" or sentence.leans or sentence.index in echoes:
            continue
        for match in CLAUSE.finditer(sentence.text):
            clause = match[0].strip(" \t\u3000“”「」\"'")
            if not 6 <= len(clause) <= limit or JOINS.match(clause) or LEANS.match(clause) \
                    or SECTION_NUMBER.match(clause) or plain_words(clause) in shown \
                    or any(clause.count(a) != clause.count(b) for a, b in PAIRS):
                continue
            tagged = _tagged(clause)            # last and once: tagging costs the most
            if _nominal(clause, tagged) or _subjectless(clause, tagged):
                continue
            normal = to_simplified(fold_width(clause)).lower()
            hits = sum(w for word, w in weights.items() if word in normal)
            score = hits * (1.0 + rating / top)
            if score > best[0]:
                best = (score, -sentence.index, clause)
    return best[2]


def _tagged(clause: str) -> list[tuple[str, str]]:
    from ..text.words import segmenter

    return segmenter().tag(clause)


def _subjectless(clause: str, tagged: list[tuple[str, str]] | None = None) -> bool:
    """Does the clause open on its verb ("去看看…的市场"): a predicate whose subject is
    elsewhere in the sentence, which reads as a fragment when it stands alone?
    ``tagged`` is the clause's tagged words when already worked out."""
    tagged = _tagged(clause) if tagged is None else tagged
    return bool(tagged) and tagged[0][1] in {"v", "vd", "vg", "vi", "vq"}


def _nominal(clause: str, tagged: list[tuple[str, str]] | None = None) -> bool:
    """Is the clause a noun phrase: no verb before its last 的 but in a modifier ending
    in 的 ("英伟达GPU晶片的计算优势", "开源的人工智慧模型的出现" say nothing of it)?
    ``tagged`` is the clause's tagged words when already worked out."""
    tagged = _tagged(clause) if tagged is None else tagged
    last = max((i for i, (word, _f) in enumerate(tagged) if word == "的"), default=len(tagged))
    return not any(flag.startswith("v") and (i + 1 >= len(tagged) or tagged[i + 1][0] != "的")
                   for i, (_w, flag) in enumerate(tagged[:last]))
