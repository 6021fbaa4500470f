"""The body of a saved news page: trafilatura finds the main content, this trims it.

trafilatura keeps the article's first and last sentence on more pages than
readability-lxml or gne (bench/PAGES.md), but it also keeps what Chinese news
pages put around the article: the headline again, breadcrumbs, a date and byline
row, a summary box that repeats the lead, and after the body the editor's credit,
"related news" lists and share rows. None of the libraries trims those, so that part is written here:

1. blocks (:mod:`pageblocks`): each paragraph, heading, list item, quote or table cell;
2. the densest run of prose (a maximum-sum run over the blocks, where a block
   with sentence punctuation counts for its length and a short line without
   it counts against), so menus and link lists on either side fall away;
3. the headline and a summary box repeating a later paragraph are dropped, and
   the body ends at the first end marker (责任编辑, 原标题, 相关新闻 …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.pagerules import CAPTION, DISCLAIMER, END_LINE, FURNITURE, PHOTO_CREDIT, SENTENCE_END, TAGS_LINE
from ..text.script import fold_width
from .pageblocks import Block
from .pagecaption import without_captions
from .pageend import LIST_HEADING, dated_list, follows_us, names_furniture

PROSE_MIN_CHARS = 6        # shorter lines are labels, links or counters, whatever their ending
LINE_PENALTY = 12          # what a line without sentence punctuation costs the run
HELD_LINK_CHARS = 8        # a linked text this long inside a list item makes it a teaser


def is_prose(text: str) -> bool:           # a full stop, or a long run of clauses never closed
    return len(text) >= PROSE_MIN_CHARS and (bool(SENTENCE_END.search(text)) or (
        len(text) >= CLAUSES_CHARS and len(CLAUSE_MARKS.findall(text)) >= CLAUSES))


CLAUSES, CLAUSES_CHARS, CLAUSE_MARKS = 4, 100, re.compile(r"，")   # so many clauses: sentences unclosed
DASH_LEAD = re.compile(r"^[^—─―\s][^。！？!?]{4,}[^—─―\s-](?:——|──|――)$")     # "有这么一种非常朴素的道理——"
LEAD_IN_CHARS = 20        # a lead-in ending in a colon ("…，如下：") is at least this long
FOLLOW_OR_CLICK = re.compile(r"^\W*(?:点击|點擊|戳|长按|長按|扫码|掃碼|关注|關注|订阅|訂閱|追蹤|追踪)|(?:点击|點擊|戳|长按|扫码).{0,16}(?:关注|關注|订阅|訂閱|追蹤|追踪|星标|星標)|(?:关注|關注)(?:本号|本號|公众号|公眾號)")
# A short closing remark that trails off without a full stop ("更多新功能，依然需要大家慢慢挖掘 XD").
TRAILING_CLAUSE = re.compile(r"[，,][^，,。！？!?：:]{4,}[\w)）]$")
TRAILING_CHARS = (12, 40)


@dataclass(frozen=True)
class Links:
    """A page's link texts (normalised), and the lengths they come in."""

    texts: frozenset[str] = frozenset()
    sizes: tuple[int, ...] = ()


def densest_run(blocks: list[Block], links: Links = Links()) -> list[Block]:
    """The run of blocks with the most prose, less the link lines around it.

    ``links`` holds the page's link texts: a line that is a link (a menu entry, a
    related headline) costs the run; a short line that is not (a sub-heading, a
    "票价：30元" fact) costs little. A page that never uses sentence punctuation
    (a photo blog with one phrase a line) counts its longer lines as prose.
    """
    unpunctuated = _unpunctuated(blocks)
    listed = _written_as_list(blocks, links)
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, block in enumerate(blocks):
        linked = is_link(block.text, links)
        if block.kind in ("p", "quote", "cell") and not linked and (
                is_prose(block.text) or (unpunctuated and _is_phrase_line(block.text))):
            score = len(block.text)
        elif listed and block.kind == "item" and not linked and is_prose(block.text):
            score = len(block.text)
        elif block.kind == "code":
            # A code listing between paragraphs, however many lines it was split into.
            score = 0 if i and blocks[i - 1].kind == "code" else -1
        elif not linked and (block.kind == "head" or len(block.text) <= 60):
            score = -1           # a sub-heading or a short fact between paragraphs
        elif not linked and is_prose(block.text):
            score = -1           # a list item that reads as a sentence
        else:
            score = -min(len(block.text), LINE_PENALTY * 4) * 0.25 - LINE_PENALTY * 0.5
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return blocks[best_span[0]:best_span[1]]


def is_link(text: str, links: Links) -> bool:
    key = fold_key(text)
    if not key:
        return False
    if key in links.texts:
        return True
    # A related-news item: its linked headline makes up a good part of it.
    if len(key) >= 200:
        return False
    return any(key[:size] in links.texts for size in links.sizes
               if len(key) // 3 <= size <= len(key) and size >= 8)


def _written_as_list(blocks: list[Block], links: Links) -> bool:
    """Whether the page's prose is mostly in list items that are not links: an article written as a
    list of points (a summary, steps, a book's quotations), whose items are its paragraphs."""
    opening = next((b for b in blocks if is_prose(b.text) and not is_link(b.text, links)), None)
    if opening is None:
        return False
    paragraphs = sum(len(b.text) for b in blocks if b.kind in ("p", "quote", "cell") and is_prose(b.text))
    paragraphs *= 1 if opening.kind == "item" else 3    # a list under "9分，再读一遍。" outweighs it 3 times
    anchors: dict[str, list[str]] = {}
    for link in links.texts:
        if len(link) >= HELD_LINK_CHARS:
            anchors.setdefault(link[:HELD_LINK_CHARS], []).append(link)
    items, opened = 0, False
    for block in blocks:
        if opened and END_LINE.match(fold_width(block.text).strip()):
            break                   # readers' comments or related stories listed after the text
        opened = opened or block is opening
        if block.kind == "item" and is_prose(block.text) and not _holds_link(fold_key(block.text), anchors):
            items += len(block.text)
            if items > paragraphs:
                return True
    return False


def _holds_link(key: str, anchors: dict[str, list[str]]) -> bool:
    """Whether a linked text stands anywhere in ``key`` (a teaser: a source's name, the
    linked headline, then its first lines). ``anchors``: the page's longer link texts by
    their first characters, so that each position of ``key`` costs one lookup."""
    return any(key.startswith(link, start) for start in range(len(key) - HELD_LINK_CHARS + 1)
               for link in anchors.get(key[start:start + HELD_LINK_CHARS], ()))


def _unpunctuated(blocks: list[Block]) -> bool:
    lines = [b for b in blocks if b.kind == "p" and len(b.text) >= 10]
    return len(lines) >= 5 and sum(bool(SENTENCE_END.search(b.text)) for b in lines) < 0.2 * len(lines)


def _is_phrase_line(text: str) -> bool:
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    return len(text) >= 10 and cjk >= 0.5 * len(text)


def trim(blocks: list[Block], title: str | None, links: Links = Links()) -> list[str]:
    """The article's paragraphs out of trafilatura's blocks."""
    blocks = without_captions(_after_title(blocks, title))
    run = _after_title(_widen(blocks, densest_run(blocks, links), links), title, len(blocks))
    if not run:
        return []
    texts = _cut_at_end([b.text for b in run])
    if len(texts) < len(run):
        # The run reached past the end of the article only to take in a notice; the list
        # items it crossed on the way ("写进博客", "提问作者") are a row of buttons.
        while len(texts) > 1 and run[len(texts) - 1].kind == "item" and not is_prose(texts[-1]):
            texts.pop()
    return _without_summary_box(_until_cut_short(texts))


CUT_SHORT = re.compile(r"(?<![.。…])(?:\.{3}|…)\s*$")     # "...其中..." (a CMS's teaser), not "……"
LAST_SENTENCE_END = re.compile(r".*[。！？!?](?:[”」』\"'）)]*)", re.DOTALL)
CUT_SHORT_MIN_CHARS = 100   # a paragraph this long, cut off mid-clause, ends a teaser of the article
AFTER_CUT_MAX_CHARS = 200   # what may follow the cut paragraph: a "more" link and a sidebar line


def _until_cut_short(texts: list[str]) -> list[str]:
    """The body up to a long paragraph that the page cut off mid-clause with "...", without
    the unfinished clause: a teaser of the article, and what follows it is not the article."""
    for i, text in enumerate(texts):
        full = LAST_SENTENCE_END.match(text)
        if (len(text) >= CUT_SHORT_MIN_CHARS and CUT_SHORT.search(text) and full
                and re.search(r"\w", text[full.end():])          # an unfinished clause after it
                and sum(len(t) for t in texts[i + 1:]) <= AFTER_CUT_MAX_CHARS):
            return texts[:i] + [full[0]]
    return texts


def _widen(blocks: list[Block], run: list[Block], links: Links) -> list[Block]:
    """The run with a sentence right before or after it put back: a short lead, a line that
    leads into the run with a colon, or a closing line (特此通告。预祝大会圆满成功！, or a short
    remark without a full stop) costs the run less than it adds to the article."""
    if not run:
        return run
    start = next(i for i, b in enumerate(blocks) if b is run[0])
    end = start + len(run)
    first = start
    while start > 0 and _sentence_line(blocks[start - 1], links, lead_in=start == first):
        start -= 1
    while end < len(blocks) and _sentence_line(blocks[end], links):
        end += 1
    return blocks[start:_closing_points(blocks, end, links)]


POINT_CHARS = 100          # a list item this long that reads as sentences is one of the article's points


def _closing_points(blocks: list[Block], end: int, links: Links) -> int:
    """Where the run ends once a last section of long points is taken in: its short sub-heading,
    the line that introduces the list ("最后，我说一说我的一些感受："), and list items each a
    paragraph long; a list of links or of short items does not count."""
    i = end
    if i < len(blocks) and blocks[i].kind == "head" and len(blocks[i].text) <= 20 and not is_link(blocks[i].text, links):
        i += 1
    if i < len(blocks) and blocks[i].kind == "p" and fold_width(blocks[i].text).strip().endswith(":"):
        i += 1
    points = i
    while (points < len(blocks) and blocks[points].kind == "item" and len(blocks[points].text) >= POINT_CHARS
           and is_prose(blocks[points].text) and not is_link(blocks[points].text, links)):
        points += 1
    return points if points > i + 1 else end


def _sentence_line(block: Block, links: Links, lead_in: bool = True) -> bool:
    """A paragraph that reads as a sentence; a ``lead_in`` may end in a colon or a dash (only the
    line right before the run does: an addressee line before it is not the article's)."""
    folded = fold_width(block.text).strip()
    ends = (SENTENCE_END.search(folded[-3:]) is not None
            or (lead_in and ((len(folded) >= LEAD_IN_CHARS and folded.endswith(":") and "," in folded)
                             or (DASH_LEAD.match(folded) is not None and not FOLLOW_OR_CLICK.search(folded))))
            or (TRAILING_CHARS[0] <= len(folded) <= TRAILING_CHARS[1] and TRAILING_CLAUSE.search(folded) is not None))
    return (block.kind == "p" and len(folded) >= 4 and ends
            and fold_key(folded) not in links.texts and not END_LINE.match(folded) and not DISCLAIMER.match(folded)
            and not FURNITURE.search(folded) and not CAPTION.search(folded) and not PHOTO_CREDIT.search(folded))


def link_texts(root) -> Links:
    """The normalised text of every link on the page, but a link to a section of the page
    itself (a table of contents repeats the article's sub-headings)."""
    found = set()
    for anchor in root.iter("a"):
        if len(anchor.get("href") or "") > 1 and anchor.get("href").startswith("#"):
            continue
        key = fold_key(anchor.text_content())
        if len(key) >= 2:
            found.add(key)
    return Links(frozenset(found), tuple(sorted({len(key) for key in found})))


SHORT_HEADLINE_CHARS = 8   # a shorter headline inside a longer line is its own words ("如何理解升降單位？")


def _after_title(blocks: list[Block], title: str | None, reach: int = 12) -> list[Block]:
    """Drop the blocks up to the headline, when it shows near the top (or, in a run of
    prose, anywhere: a run that holds the headline started in the page's header)."""
    if not title:
        return blocks
    key = fold_key(title)
    pieces = ""                       # a headline printed over several lines, one per block
    for i, block in enumerate(blocks[:reach]):
        block_key = fold_key(block.text)
        if block_key and (block_key == key or (key in block_key and len(block_key) < len(key) + 12
                                               and len(key) >= SHORT_HEADLINE_CHARS)):
            return blocks[i + 1:]
        if block_key:
            pieces = (pieces + block_key if key.startswith(pieces + block_key)
                      else block_key if key.startswith(block_key) else "")
        if pieces == key:
            return blocks[i + 1:]
    return blocks


def _cut_at_end(texts: list[str]) -> list[str]:
    """The body up to its first end marker (past the first third of the text) or
    line of page furniture (anywhere after the first paragraph)."""
    total = sum(len(t) for t in texts)
    seen = 0
    for i, text in enumerate(texts):
        folded = fold_width(text).strip()
        marker = seen >= total * 0.3 and (END_LINE.match(folded) or TAGS_LINE.match(folded)
                                          or DISCLAIMER.match(folded) or LIST_HEADING.match(folded))
        if i and (marker or seen >= total * 0.3 and follows_us(folded) or dated_list(texts[i:i + 3])
                  or (len(folded) < 200 and FURNITURE.search(folded) and not names_furniture(folded))):
            return texts[:i]
        seen += len(text)
    return texts


def _without_summary_box(texts: list[str]) -> list[str]:
    """Drop an opening paragraph that a later one repeats (a summary or lead box)."""
    if len(texts) < 2:
        return texts
    keep = []
    keys = [fold_key(t) for t in texts]
    for i, text in enumerate(texts):
        key = keys[i]
        repeated = i < 3 and len(key) >= 20 and any(
            key[:60] in other or other[:60] in key for other in keys[i + 1:i + 4] if len(other) >= 20)
        if not repeated:
            keep.append(text)
    return keep


_NOISE = re.compile(r"[\W_]+")


def fold_key(text: str) -> str:
    """``text`` reduced to its letters and digits, width-folded and lower-cased: what
    comparisons of a page's lines use."""
    return _NOISE.sub("", fold_width(text)).lower()
