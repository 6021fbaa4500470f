"""The heading-like line right above a page's body: where a page prints its headline as a
plain line (no heading element, or one the site fills with a section's name), it is the
last short line before the body's first words that is not a link, a date or byline row, a
label, a menu row or an address."""

from __future__ import annotations

import re

from lxml import etree

from ..text.pagerules import NOT_HEADLINE
from .pagebody import fold_key
from .pagemeta import body_of, is_meta

LABEL_ENDS = "：:≈=<>~～|｜/"   # a line ending so leads into a value ("所需閱讀時間 ≈"): a label


def heading_before(root, lead: str) -> str | None:
    """The last heading-like line (short, not a link, not a date or byline) before the
    element holding the body's first words."""
    start = fold_key(lead)[:10]
    if len(start) < 4:
        return None
    last = None
    linked: set = set()
    for link in root.iter("a"):
        if link not in linked:            # a link inside a link: counted with the outer one
            linked.update(link.iterdescendants())
    for side in root.iter("aside", "nav"):   # a sidebar's tagline or a menu is no headline
        linked.update(side.iter())
    seen = ""                             # the page's last words so far, in reading order
    for event, element in etree.iterwalk(body_of(root), events=("start", "end")):
        piece = ("" if element.tag in ("a", "script", "style") else element.tail if event == "end"
                 else element.text if isinstance(element.tag, str) else "")     # (not a comment's words)
        seen += fold_key(piece or "")
        if start in seen:                 # (the lead's first words may be split over inline elements)
            return last
        seen = seen[-len(start):]
        if event == "end" or not isinstance(element.tag, str) or element.tag in ("a", "script", "style") \
                or len(element) > 3 or element in linked:
            continue
        text = _short_text(element)
        key = fold_key(text)
        if key and key == fold_key(" ".join(a.text_content() for a in element.iter("a"))):
            continue                      # only a link's words: a menu or "more" link
        if 6 <= len(key) <= 60 and not SENTENCE_INSIDE.search(text) and not is_meta(text) \
                and not ADDRESS.match(text) \
                and not LABEL.match(text) and not BULLET.match(text) and not _menu_like(text) \
                and not NOT_HEADLINE.match(text) and text.rstrip()[-1:] not in LABEL_ENDS:
            last = text
    return None


def _short_text(element, chars: int = 240, pieces: int = 40) -> str:
    """An element's text when it is short enough for a heading, else "": only so much of it
    is read, so that asking each of a deep chain of elements costs no more than a few."""
    found = []
    total = 0
    for number, piece in enumerate(element.itertext()):
        total += len(piece)
        if total > chars or number >= pieces:
            return ""
        found.append(piece)
    return " ".join(" ".join(found).split())


ADDRESS = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)   # the site's address printed as a line
BULLET = re.compile(r"^\s*[■□●○◆◇▲△★☆•▶►]")     # a deck's summary points, not the headline
SENTENCE_INSIDE = re.compile(r"[。；;]|[,，>»›|｜]")
# 导读：…, 摘要：…, 时间：…, 关键词：…; a headline's "X：Y" has more before, or a speaker (证监会：…)
LABEL = re.compile(r"^(?:[^:：]{1,2}|关键词|關鍵詞|关键字|關鍵字|编者按|編者按|发布者|發布者)\s*[:：]")


def _menu_like(text: str) -> bool:
    """A row of short words separated by spaces: a menu, not a headline."""
    words = text.split()
    return len(words) >= 6 or (len(words) >= 4 and sum(len(w) <= 4 for w in words) >= 0.75 * len(words))
