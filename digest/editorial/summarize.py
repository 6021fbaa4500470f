"""Extractive summaries: graph ranking plus what news needs.

Contract (one per algorithm): rate every sentence of a Document, then the shared
:func:`pick` chooses the best within a character budget, avoiding redundancy,
and restores document order. The default rater is TextRank over TF-IDF cosine
similarity, blended with a position prior and similarity to the title.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import numpy as np

from .document import GLUED_HEADING, LIST_MARKER, SECTION_NUMBER, greeting_only, list_fragment, opens_quote, plain
from ..text import furniture
from .keywords import keywords
from ..models import Document, Sentence, Summary
from ..text.script import fold_width, to_simplified


REDUNDANT = 0.75        # cosine above which two sentences say the same thing
MMR_LAMBDA = 0.75
WEIGHTS = {"rank": 0.2, "position": 0.6, "title": 0.15, "paragraph_start": 0.05}


def plain_words(text: str) -> str:
    """The lower-cased words of ``text`` (:func:`repeats.normal_form`, lower-cased)."""
    return plain(to_simplified(fold_width(text)))


def title_echoes(doc: Document) -> frozenset[int]:
    """Sentences that repeat the title word for word (worked out when the Document was
    built, or now for one that does not carry it)."""
    if doc.title_echoes is not None:
        return doc.title_echoes
    title = plain_words(doc.article.title)
    return frozenset(s.index for s in doc.sentences if plain_words(s.text) == title)


# A sentence ending at a full stop inside a name ("Alphabet Inc。").
CUT_END = re.compile(r"\b(?:Inc|Ltd|Co|Corp|LLC|PLC)[。．]$")


def standalone_faults(summary: Summary) -> list[str]:
    """What keeps ``summary`` from standing alone: "section number" (it opens with one
    or with a list marker), "reference" (a sentence leans on one not shown right before
    it), "glued heading", "list fragment" (it ends on a list item's semicolon),
    "caption" (a photo caption or credit, a pointer to a chart), "call to action" (or a contact line, a
    link), "label" (a label or dateline opens a sentence), "comma" (it opens with a
    comma), "cut" (a sentence ends at a full stop inside a name or number) or "greeting"
    (a host's greeting, or a line that only introduces a quotation it does not hold)."""
    found = []
    shown = {s.index for s in summary.sentences}
    texts = [fold_width(s.text.strip()) for s in summary.sentences]
    if any(furniture.CAPTION_MARK.search(t) or furniture.FIGURE.search(t) for t in texts):
        found.append("caption")
    if any(p.search(t) for t in texts for p in (furniture.CALL_TO_ACTION, furniture.CONTACT, furniture.LINK)):
        found.append("call to action")
    if any(furniture.LEADING_LABEL.match(t) for t in texts):
        found.append("label")
    if any(greeting_only(t) or opens_quote(t) for t in texts):
        found.append("greeting")
    if texts and texts[0][:1] in "，,、；;：:":
        found.append("comma")
    if any(CUT_END.search(t) for t in texts):
        found.append("cut")
    if texts and (SECTION_NUMBER.match(texts[0]) or LIST_MARKER.match(texts[0])):
        found.append("section number")
    if any(s.leans and s.index - 1 not in shown for s in summary.sentences):
        found.append("reference")
    if any(GLUED_HEADING.search(t) for t in texts):
        found.append("glued heading")
    if texts and (list_fragment(texts[-1]) or texts[-1].rstrip("”」』’\"')）").endswith((";", "；"))):
        found.append("list fragment")
    return found


# ---------------------------------------------------------------- rating

def vectors(token_lists):
    """Row-normalised TF-IDF matrix (sublinear tf, IDF from these rows) and the
    vocabulary: counted with one ``bincount`` over (row, term) cells rather than cell
    by cell."""
    vocab: dict[str, int] = {}
    ids = [vocab.setdefault(t, len(vocab)) for toks in token_lists for t in toks]
    n, width = len(token_lists), max(1, len(vocab))
    rows = np.repeat(np.arange(n), [len(toks) for toks in token_lists])
    counts = np.bincount(rows * width + np.asarray(ids, dtype=np.int64),
                         minlength=n * width).reshape(n, width).astype(np.float64)
    present = counts > 0
    weight = np.log((n + 1) / (present.sum(axis=0) + 1)) + 1.0
    tf = np.zeros_like(counts)
    np.log(counts, out=tf, where=present)
    matrix = np.where(present, (1.0 + tf) * weight, 0.0).astype(np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms, vocab


def pagerank(sim: np.ndarray, damping: float = 0.85) -> np.ndarray:
    """PageRank over the similarity graph, solved exactly as one small linear system
    (a sentence with no similar sentence spreads its rank evenly)."""
    n = sim.shape[0]
    if n == 0:
        return np.zeros(0)
    weights = sim.astype(np.float64)
    np.fill_diagonal(weights, 0.0)
    sums = weights.sum(axis=1, keepdims=True)
    dangling = (sums == 0).ravel()
    sums[dangling] = 1.0
    transition = weights / sums
    # rank = (1 - d)/n + d * (transition^T rank + (rank of dangling rows) / n)
    system = np.eye(n) - damping * transition.T - (damping / n) * dangling[None, :]
    return np.linalg.solve(system, np.full(n, (1.0 - damping) / n))


def sentence_vectors(doc: Document) -> tuple[np.ndarray, np.ndarray]:
    """Row-normalised TF-IDF of the sentences, and of the title."""
    matrix, _ = vectors([s.tokens for s in doc.sentences] + [doc.title_tokens])
    return matrix[:-1], matrix[-1]


def rate_textrank(doc: Document) -> tuple[np.ndarray, np.ndarray]:
    """Scores for every sentence, and the sentence similarity matrix."""
    sent, title = sentence_vectors(doc)
    sim = sent @ sent.T
    rank = pagerank(sim)
    if len(rank):
        rank = rank / rank.max()
    n = len(doc.sentences)
    position = np.array([1.0 / (1.0 + i) for i in range(n)])
    first_in_paragraph = np.array(
        [1.0 if i == 0 or doc.sentences[i - 1].paragraph != s.paragraph else 0.0
         for i, s in enumerate(doc.sentences)])
    title_sim = sent @ title if doc.title_tokens else np.zeros(n)
    # News puts the point first: the position prior outweighs centrality, which
    # breaks ties and lifts a strong later sentence over a weak opening.
    scores = (WEIGHTS["rank"] * rank + WEIGHTS["position"] * position
              + WEIGHTS["title"] * title_sim + WEIGHTS["paragraph_start"] * first_in_paragraph)
    return scores, sim


RATERS = {"textrank": rate_textrank}


# ---------------------------------------------------------------- picking

def pick(doc: Document, scores: np.ndarray, sim: np.ndarray, budget: int,
         max_sentences: int = 5, avoid: Callable[[Sentence], bool] | None = None
         ) -> tuple[tuple[Sentence, ...], tuple[float, ...]]:
    """Best sentences within ``budget`` characters, no two alike, in document order.

    ``avoid`` rules sentences out (those already shown for another article).
    """
    allowed = [i for i, s in enumerate(doc.sentences)
               if s.kind != "boilerplate" and s.text.strip() and not (avoid and avoid(s))]
    if doc.article.title_from != "lead":       # a title the text repeats is not shown twice
        echoes = title_echoes(doc)
        allowed = [i for i in allowed if i not in echoes] or allowed
    alone = [i for i in allowed if doc.sentences[i].kind != "fragment"]
    candidates = [i for i in alone if doc.sentences[i].kind == "body"] or alone or allowed
    chosen: list[int] = []
    used = 0
    while candidates and len(chosen) < max_sentences:
        def mmr(i: int) -> float:
            overlap = max((sim[i, j] for j in chosen), default=0.0)
            return MMR_LAMBDA * scores[i] - (1 - MMR_LAMBDA) * overlap
        # A sentence leaning on the one before it comes only right after that one.
        fitting = [i for i in candidates
                   if used + len(doc.sentences[i].text.strip()) <= budget
                   and all(sim[i, j] < REDUNDANT for j in chosen)
                   and (not doc.sentences[i].leans or i - 1 in chosen)]
        if not fitting:
            if chosen:
                break
            # nothing fits: the single best sentence (one that stands on its own), shortened
            fitting = [i for i in candidates if not doc.sentences[i].leans] or candidates
        best = max(fitting, key=mmr)
        chosen.append(best)
        used += len(doc.sentences[best].text.strip())
        candidates.remove(best)
    chosen.sort()
    chosen = _not_ending_on_semicolon(doc, chosen, budget)
    shown = tuple(doc.sentences[i] for i in chosen)
    if len(shown) == 1 and len(shown[0].text.strip()) > budget:
        shown = (shortened(shown[0], budget),)
    return shown, tuple(float(scores[i]) for i in chosen)


ON_SEMICOLON = re.compile(r"[；;][”」』’\"')）]*\s*$")


def _not_ending_on_semicolon(doc: Document, chosen: list[int], budget: int) -> list[int]:
    """A summary does not stop on a clause or list item ending in a semicolon: the
    sentences after it join while they fit and stand as body text, until one ends
    the sentence; failing that, the clauses go (unless they are all there is)."""
    if not chosen or not ON_SEMICOLON.search(doc.sentences[chosen[-1]].text):
        return chosen
    used = sum(len(doc.sentences[i].text.strip()) for i in chosen)
    longer = list(chosen)
    while ON_SEMICOLON.search(doc.sentences[longer[-1]].text) and longer[-1] + 1 < len(doc.sentences):
        nxt = doc.sentences[longer[-1] + 1]
        used += len(nxt.text.strip())
        if nxt.kind not in ("body", "list item") or used > budget:
            break
        longer.append(nxt.index)
    if not ON_SEMICOLON.search(doc.sentences[longer[-1]].text):
        return longer
    shorter = list(chosen)
    while len(shorter) > 1 and ON_SEMICOLON.search(doc.sentences[shorter[-1]].text):
        shorter.pop()
    return shorter


CLAUSE_END = re.compile(r"[，,；;：:、]")


def shortened(sentence: Sentence, budget: int) -> Sentence:
    """A sentence longer than the whole budget, cut after its last clause that fits
    (or at the budget) and marked with an ellipsis: the summary keeps its length."""
    text = sentence.text.strip()
    room = text[:budget - 1]
    ends = [m.end() for m in CLAUSE_END.finditer(room)]
    cut = ends[-1] - 1 if ends and ends[-1] > budget // 2 else len(room)
    return dataclasses.replace(sentence, text=text[:cut].rstrip("，,；;：:、 ") + "…")


def summarize(doc: Document, budget: int = 180, method: str = "textrank",
              avoid: Callable[[Sentence], bool] | None = None,
              max_sentences: int = 5, with_keywords: bool = True) -> Summary:
    """The summary of ``doc``; its keywords (jieba's general IDF) unless ``with_keywords``
    is False (a build names its themes by its own corpus IDF)."""
    scores, sim = RATERS[method](doc)
    chosen, chosen_scores = pick(doc, scores, sim, budget, max_sentences, avoid)
    return Summary(doc.article.id, chosen, keywords(doc) if with_keywords else (),
                   chosen_scores, tuple(float(x) for x in scores), sim)


def repick(doc: Document, summary: Summary, budget: int,
           avoid: Callable[[Sentence], bool], max_sentences: int = 5) -> Summary:
    """The summary picked again from the ratings it already has, leaving out what
    ``avoid`` rules out (sentences another article's summary shows): nothing is rated twice."""
    if len(summary.ratings) != len(doc.sentences):
        return summarize(doc, budget, avoid=avoid, max_sentences=max_sentences)
    sim = summary.similarity
    if sim is None or sim.shape[0] != len(doc.sentences):
        sent, _ = sentence_vectors(doc)
        sim = sent @ sent.T
    chosen, scores = pick(doc, np.asarray(summary.ratings), sim, budget, max_sentences, avoid)
    return Summary(summary.article_id, chosen, summary.keywords, scores, summary.ratings, sim)
