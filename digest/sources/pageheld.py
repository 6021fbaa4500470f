"""Which lines held at the edge of a page's body go back where the walk of :mod:`pageedge`
runs off what both libraries keep (or, going up, reaches the headline).

Held lines are the text's own shape without a sentence of their own: sub-headings, list
items, a point's heading, a lead-in ending in a colon. Where the text both libraries keep
ends, they go back up to the last that reads as text of its own (a closing list, the
points under a last heading), so a lone label or a caption at the very edge does not;
points that go on counting from the body's last point go back whole.
"""

from __future__ import annotations

import re

from ..text.pagerules import FURNITURE

SENTENCE_CHARS = 8        # a sentence, at the least ("这就是利率的双轨制。"), ...
LONG_LINE_CHARS = 40      # ... or a line this long with a clause mark in it (a point, not a headline)
LEAD_IN_CHARS = 6         # a lead-in ending in a colon ("首先总结一下："), not a label ("当前位置：")
SENTENCE_MARK = re.compile(r"[，,、；;。！？!?]")
SENTENCE_END_MARK = re.compile(r"[。！？!?；;]")
# A point's number opening a line: "1.", "一、", "（二）".
POINT_HEADING = re.compile(r"^(?:\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,2}[)）])")
HAN_DIGITS = "一二三四五六七八九"


def kept_at_end(held: list[str], at_start: bool, before: str, below_headline: bool = False) -> int:
    """How many of the ``held`` lines (nearest the body first) go back: at the end, all of
    them after a lead-in that introduces the rest (具体措施包括： and its points), and the
    points that go on counting from the point ``before`` them (九、… then 十、…); else up to
    the outermost that reads as text of its own. At the start, lead-ins ending in a colon
    count from the body up ("各中小学：" over "现将有关事项通知如下："); right under the
    headline (``below_headline``) a line counts only with a sentence's end mark, so that a
    row of fields (来源：…　作者：…、…) does not."""
    if not at_start and any(_lead_in(text) for text in held[:-1]):
        return len(held)
    points = 0 if at_start else _points_going_on(before, held)
    leading = next((n for n, text in enumerate(held) if not _lead_in(text)), len(held)) if at_start else 0
    with_sentence = [n for n, text in enumerate(held)
                     if n < leading or _sentence(text, strict=below_headline)]
    return max(points, with_sentence[-1] + 1 if with_sentence else 0)


def _points_going_on(before: str, held: list[str]) -> int:
    """How many of ``held`` go on counting from the point ``before`` them, in its style."""
    last = point_number(before)
    count = 0
    for text in held:
        number = point_number(text)
        if last is None or number is None or number != (last[0], last[1] + 1):
            break
        last, count = number, count + 1
    return count


def point_number(text: str) -> tuple[str, int] | None:
    """A point's style and number ("十一、…" -> ("一、", 11), "（2）…" -> ("1()", 2))."""
    found = POINT_HEADING.match(text.strip())
    if found is None:
        return None
    mark = found[0]
    figures = mark.strip("（()）.．、")
    style = "()" if mark[0] in "（(" else mark[-1].replace("．", ".")
    if figures.isdigit():
        return ("1" + style, int(figures))
    number = _han_number(figures)
    return ("一" + style, number) if number else None


def _han_number(figures: str) -> int:
    """一 … 九十九 as a number (0 when it is none)."""
    if "十" not in figures:
        return HAN_DIGITS.index(figures) + 1 if len(figures) == 1 and figures in HAN_DIGITS else 0
    tens, _, units = figures.partition("十")
    if len(tens) > 1 or len(units) > 1 or (tens and tens not in HAN_DIGITS) or (units and units not in HAN_DIGITS):
        return 0
    return (HAN_DIGITS.index(tens) + 1 if tens else 1) * 10 + (HAN_DIGITS.index(units) + 1 if units else 0)


def _lead_in(text: str) -> bool:
    """A lead-in ending in a colon ("首先总结一下："), not a label ("当前位置：")."""
    text = text.strip()
    return text.endswith(("：", ":")) and len(text) >= LEAD_IN_CHARS


def _sentence(text: str, strict: bool = False) -> bool:
    """A line that reads as text of its own: a sentence that ends, or (not ``strict``) a long
    line of clauses; not a related headline ("A股三大指数高开，券商股领涨"), a label, or a
    line holding a furniture word."""
    text = text.strip()
    if len(text) < SENTENCE_CHARS or FURNITURE.search(text):
        return False
    return SENTENCE_END_MARK.search(text) is not None or (
        not strict and len(text) >= LONG_LINE_CHARS and SENTENCE_MARK.search(text) is not None)
