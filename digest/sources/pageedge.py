"""Recall at the edges of a page's body: what trafilatura and the densest-run trim leave out.

Two ways a real page loses article text before the trim in :mod:`pagebody` can keep it:

- the lead or the closing line is loose text in the article's container, outside any
  ``<p>`` ("重庆30多岁男子…。<p>据了解，…"), or a paragraph trafilatura judged too
  short or too linked; it sits right next to the body, in the same container;
- trafilatura settles on the wrong part of the page altogether (a disclaimer and a
  related-links table), while the page's own blocks hold a long run of prose.

Here the page's text is read as blocks in document order, loose text included, each with
the element that holds it. A prose block next to the body's first or last paragraph, in
the same container, that is not a caption, a credit, a date row or page furniture, is put
back; and when the page's own densest run holds far more prose than trafilatura's body,
that run is the body.
"""

from __future__ import annotations

from typing import Callable

from ..text.pagerules import END_LINE, FURNITURE, PHOTO_CREDIT, SENTENCE_END, SOCIAL_PAGE, TAGS_LINE
from ..text.script import fold_width
from .pageblocks import Block, TextBlock, text_blocks
from .pagebody import SHORT_HEADLINE_CHARS, Links, fold_key, is_link, is_prose
from .pagecaption import is_caption
from .pageheld import SENTENCE_END_MARK, kept_at_end

MAX_EDGE_BLOCKS = 3       # how far from the body's edge a lost paragraph may sit
EDGE_MIN_CHARS = 8        # a shorter line is a label, however it ends
CONTAINERS = {"div", "td", "section", "article", "main", "body", "center", "form", "dd"}


def extend_edges(blocks: list[TextBlock], paragraphs: list[str], title: str | None,
                 links: Links) -> list[str]:
    """``paragraphs`` with a lost lead or closing line put back from the page's blocks: prose
    next to the body's edge, in the same container, at most :data:`MAX_EDGE_BLOCKS` away."""
    def judge_from(edge: int, step: int):
        box = _box(blocks[edge].holder)
        return lambda i: TAKE if _box(blocks[i].holder) is box and _keeps(blocks[i].text, links) else STOP

    return widen_edges([b.text for b in blocks], paragraphs, title, judge_from, reach=MAX_EDGE_BLOCKS)


TAKE, PASS, STOP, HOLD = "take", "pass", "stop", "hold"
MAX_HELD = 8              # blocks held at an edge until a block is taken beyond them
SHORT_KEY_CHARS = 8       # a shorter block is in the body only as one of its paragraphs
HEADLINE_EXTRA_CHARS = 16  # a block holding the headline with more than this besides is a sentence


def widen_edges(texts: list[str], paragraphs: list[str], title: str | None,
                judge_from: Callable[[int, int], Callable[[int], str]],
                reach: int | None = None, most: int | None = None) -> list[str]:
    """``paragraphs`` widened at both edges with the ``texts`` (a page's blocks in document
    order) next to where the first and last paragraphs stand among them. From each edge,
    going ``step`` (-1 before, 1 after), ``judge_from(edge, step)`` says of each nonempty
    block whether it is taken, passed over, held, or stops the walk; the headline or text
    already in the body always stops it. Held blocks (a sub-heading, a short line of the
    text's own) are taken with the next block taken beyond them, and dropped where the walk
    stops first; where the walk runs off the page's blocks, the two sides agreed up to the
    end, and the held blocks are taken up to the outermost one with a sentence in it (a
    closing list, the points under a last heading), so that a lone label or a caption at
    the very end is not. At most ``most`` blocks are taken at an edge, none further than
    ``reach`` from it, and no more than MAX_HELD held in a row."""
    if not paragraphs or not texts:
        return paragraphs
    keys = [fold_key(t) for t in texts]
    edges = edge_positions(keys, paragraphs)
    if edges is None:
        return paragraphs
    own = [fold_key(p) for p in paragraphs]
    known, whole = "".join(own), set(own)
    title_key = fold_key(title or "")
    taken: list[list[int]] = []
    for edge, step in ((edges[0], -1), (edges[1], 1)):
        judge, found, held, i = judge_from(edge, step), [], [], edge + step
        below_headline = False
        while 0 <= i < len(keys) and (reach is None or abs(i - edge) <= reach) and (most is None or len(found) < most):
            key = keys[i]
            if key:
                # A short block ("大盘") is the body's own only as a whole paragraph of it, not
                # as a few characters that happen to stand somewhere in its text.
                ours = key in whole or (len(key) >= SHORT_KEY_CHARS and key in known)
                # (the headline, or a line opening with it or holding it and a few words more: not a
                # sentence that names it)
                if ours or (title_key and (title_key in key and (len(key) - len(title_key) <= HEADLINE_EXTRA_CHARS or (
                        key.startswith(title_key) and not SENTENCE_END_MARK.search(texts[i])))
                        if len(title_key) >= SHORT_HEADLINE_CHARS else title_key == key)):
                    below_headline = step < 0 and not ours
                    break
                verdict = judge(i)
                if verdict == STOP or (verdict == HOLD and len(held) == MAX_HELD):
                    held = []
                    break
                if verdict == HOLD:
                    held.append(i)
                elif verdict == TAKE:
                    if most is not None and len(found) + len(held) >= most:
                        held = []
                        break
                    found += held + [i]
                    held = []
            i += step
        if held and (below_headline or not 0 <= i < len(keys)):
            kept = kept_at_end([texts[j] for j in held], step < 0, texts[held[0] - step], below_headline)
            found += held[:kept if most is None else max(0, min(kept, most - len(found)))]
        taken.append(found)
    return [texts[i] for i in reversed(taken[0])] + list(paragraphs) + [texts[i] for i in taken[1]]


EDGE_KEY_CHARS = 12       # how much of the body's first or last paragraph finds it among the blocks


def edge_positions(keys: list[str], paragraphs: list[str]) -> tuple[int, int] | None:
    """Where the body's first and last paragraphs stand among blocks folded to ``keys``
    (by their first and last characters), or None when they cannot both be found in order.
    A short first or last paragraph ("定义", a sub-heading) is found beside the nearest one
    long enough to be told apart."""
    own = [fold_key(p) for p in paragraphs]
    keyed = [n for n, key in enumerate(own) if len(key) >= 6]
    if not keyed:
        return None
    head, tail = own[keyed[0]][:EDGE_KEY_CHARS], own[keyed[-1]][-EDGE_KEY_CHARS:]
    start = next((i for i, key in enumerate(keys) if head in key), None)
    if start is None:
        return None
    # The last paragraph's ending may come back further down (a line of code, a refrain): the
    # body ends at the block holding it as often, from the start, as the body itself does.
    times = sum(tail in key for key in own)
    found = [i for i in range(start, len(keys)) if tail in keys[i]]
    if not found:
        return None
    end = found[min(times, len(found)) - 1]
    for short in reversed(own[:keyed[0]]):
        if start == 0 or keys[start - 1] != short:
            break
        start -= 1
    for short in own[keyed[-1] + 1:]:
        if end + 1 == len(keys) or keys[end + 1] != short:
            break
        end += 1
    return start, end


def _box(holder):
    """The container a block's text belongs to: the element itself for loose text in a
    container, else the element around the paragraph."""
    return holder if holder.tag in CONTAINERS else holder.getparent()


def _keeps(text: str, links: Links) -> bool:
    folded = fold_width(text).strip()
    return (len(folded) >= EDGE_MIN_CHARS and is_prose(folded) and SENTENCE_END.search(folded[-3:]) is not None
            and not is_furniture(folded, links))


def is_furniture(folded: str, links: Links, words: bool = True) -> bool:
    """Whether a width-folded line next to the body is the page's, not the article's: a link,
    an end marker, a tag line, a caption or photo credit, a call to follow the site, furniture
    (with ``words``, any line holding one of its words: 二维码, 隐私政策 …)."""
    return bool(is_link(folded, links) or END_LINE.match(folded) or TAGS_LINE.match(folded)
                or (words and FURNITURE.search(folded)) or is_caption(folded) or PHOTO_CREDIT.search(folded)
                or SOCIAL_PAGE.search(folded))


def as_blocks(blocks: list[TextBlock]) -> list[Block]:
    """Text blocks as the trim's blocks (paragraphs)."""
    return [Block("p", b.text) for b in blocks]


def recover(body, paragraphs: list[str], title: str | None, links: Links) -> list[str]:
    """The body with what trafilatura lost put back (see the module's docstring)."""
    blocks = text_blocks(body)
    own = _run_after_headline(blocks, title, links)
    mine, theirs = _prose_chars(own), _prose_chars(paragraphs)
    joined = "".join(fold_key(p) for p in own)
    apart = not any(fold_key(p)[:12] in joined for p in paragraphs if len(fold_key(p)) >= 12)
    if mine >= LOST_BODY_FACTOR * theirs + LOST_BODY_CHARS or (apart and mine > theirs):
        paragraphs = own
    return extend_edges(blocks, paragraphs, title, links)


# The run after the headline stands for the body when it holds this many times trafilatura's
# prose plus this many characters, or simply more prose when the two share no paragraph.
LOST_BODY_FACTOR = 2
LOST_BODY_CHARS = 200
HEADLINE_REACH = 30       # blocks between the headline and the start of that run, at most


def _run_after_headline(blocks: list[TextBlock], title: str | None, links: Links) -> list[str]:
    """The densest run of prose in the page's own blocks, when it starts soon after the
    headline (a run elsewhere is a comment thread or a sidebar, not the article)."""
    from .pagebody import trim

    key = fold_key(title or "")
    if len(key) < 4:
        return []
    keys = [fold_key(b.text) for b in blocks]
    at = next((i for i, k in enumerate(keys) if k == key or (key in k and len(k) < len(key) + 12)), None)
    if at is None:
        return []
    window = blocks[at + 1:at + 1 + HEADLINE_REACH * 20]
    own = trim(as_blocks(window), None, links)
    lead = fold_key(own[0])[:12] if own else ""
    at = next((i for i, b in enumerate(window[:HEADLINE_REACH]) if lead and lead in fold_key(b.text)), None)
    if at is None:
        return []
    # The article is the lead's container: blocks elsewhere (a list of related headlines,
    # the next story) do not join it, however close.
    box = _box(window[at].holder)
    if box is None:
        return []
    inside = [b for b in window[at:] if b.holder is box or any(a is box for a in b.holder.iterancestors())]
    return trim(as_blocks(inside), None, links)


def _prose_chars(paragraphs: list[str]) -> int:
    return sum(len(p) for p in paragraphs if is_prose(p))
