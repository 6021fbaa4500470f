"""A page's text as blocks: trafilatura's XML body or the page's own block elements,
each paragraph, heading, list item, quote or table cell one block; a hard line break
inside a sentence joins, one after a full stop starts a new paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.pagerules import SENTENCE_END

# A line broken without a sentence end continues on the next only when it is at least
# this long (text wrapped at a fixed width); a shorter one is a line of its own (a heading,
# a forum post's first line).
WRAPPED_LINE_CHARS = 20
CLAUSE_ENDS = "，,、"     # a line ending in one of these goes on in the next, however short (no heading does)
# A line that is only a date (and time) is a field of its own, never the rest of a wrapped sentence.
# (A weekday, a time, and a short field after it are part of the line: "2023-09-11 10:30 来源：某报".)
BARE_DATE = re.compile(r"^(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*(?:星期|周|週)[一二三四五六日天])?"
                       r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+\S{2,4}\s*[:：]\s*\S{1,20})?$")
MAX_BLOCKS = 4000          # a page with more blocks than this is cut (a link farm)


@dataclass(frozen=True)
class Block:
    kind: str          # "p", "head", "item", "quote", "cell"
    text: str


BLOCK_TAGS = ("p", "head", "item", "quote", "cell", "code")


def blocks_of(body) -> list[Block]:
    """trafilatura's XML body -> blocks, in document order. A table cell that holds
    paragraphs of its own is walked into, not read as one block: a page laid out in a
    table has its article and its sidebars in cells (a list item or a quote stays one)."""
    found: list[Block] = []
    _walk(body, found)
    return found[:MAX_BLOCKS + 1]


def _walk(element, found: list[Block]) -> None:
    for child in element:
        if len(found) > MAX_BLOCKS:
            return
        if child.tag == "cell" and _holds_blocks(child):
            found.extend(Block(child.tag, text) for text in lines_of(child.text or ""))
            _walk(child, found)
        elif child.tag in BLOCK_TAGS:
            found.extend(Block(child.tag, text) for text in _paragraphs(child))
        else:
            _walk(child, found)
        if element.tag == "cell" and child.tail and child.tail.strip():
            found.extend(Block(element.tag, text) for text in lines_of(child.tail))


def _holds_blocks(element) -> bool:
    return any(True for _ in element.iterdescendants("p", "head", "list", "table", "quote"))


DOM_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd",
              "dt", "figcaption")


def dom_blocks(body) -> list[Block]:
    """The page's own innermost block elements, for pages too short for trafilatura."""
    found: list[Block] = []
    for element in body.iter(*DOM_BLOCKS):
        if any(True for _ in element.iterdescendants(*DOM_BLOCKS)):
            continue
        kind = "head" if element.tag[0] == "h" else "item" if element.tag == "li" else "p"
        found.extend(Block(kind, text) for text in lines_of(_with_breaks(element)))
        if len(found) > MAX_BLOCKS:
            break
    return found


def _paragraphs(element) -> list[str]:
    """One element's text; ``<lb/>`` after a sentence end starts a new paragraph."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            pieces.append("\n")
        elif child.tag not in ("item", "cell", "quote"):
            pieces.append("".join(child.itertext()))
        pieces.append(child.tail or "")
    return lines_of("".join(pieces))


def _with_breaks(element) -> str:
    """An element's text, in document order, with a line break where it has a ``<br>``."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "br":
            pieces.append("\n")
        elif isinstance(child.tag, str):
            pieces.append(_with_breaks(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def lines_of(text: str) -> list[str]:
    """Paragraphs of text broken into lines: a line wrapped mid-sentence joins the next."""
    lines = [" ".join(p.split()) for p in text.split("\n")]
    # Each paragraph as its pieces, joined once at the end (joining as it grows would copy
    # a long paragraph once per line), with its length and last characters.
    paragraphs: list[list[str]] = []
    size, tail, dated = 0, "", False
    for line in (line for line in lines if line):
        date_line = BARE_DATE.match(line) is not None
        if paragraphs and not SENTENCE_END.search(tail) and (size >= WRAPPED_LINE_CHARS or tail[-1] in CLAUSE_ENDS) \
                and not (date_line or dated):
            if tail[-1].isascii() and line[0].isascii():
                paragraphs[-1].append(" ")      # two halves of an English sentence
                size += 1
            paragraphs[-1].append(line)
            size, tail = size + len(line), (tail + line)[-3:]
        else:
            paragraphs.append([line])
            size, tail = len(line), line[-3:]
        dated = date_line and len(paragraphs[-1]) == 1
    return ["".join(pieces) for pieces in paragraphs]


# Elements whose text flows into the block around them.
INLINE = {"a", "span", "b", "strong", "em", "i", "u", "font", "sup", "sub", "small", "big", "img",
          "label", "abbr", "cite", "code", "q", "s", "strike", "mark", "time", "wbr", "nobr", "ins"}
SKIP = {"script", "style", "noscript", "template", "head", "title", "select", "button", "option"}
MAX_TEXT_BLOCKS = 6000


@dataclass(frozen=True)
class TextBlock:
    text: str
    holder: object        # the element whose content this text is


def text_blocks(body) -> list[TextBlock]:
    """The page's text in document order: each run of text between block boundaries,
    loose text in a container included, split into lines at ``<br>`` after a sentence end."""
    found: list[TextBlock] = []
    pieces: list[str] = []
    holder = [body]

    def flush(element) -> None:
        text = "".join(pieces)
        pieces.clear()
        if text.strip() and len(found) < MAX_TEXT_BLOCKS:
            found.extend(TextBlock(line, element) for line in lines_of(text))

    def walk(element) -> None:
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if not tag or tag in SKIP:
                pieces.append(child.tail or "")
                continue
            if tag == "br":
                pieces.append("\n")
            elif tag in INLINE:
                pieces.append(child.text or "")
                walk(child)
            else:
                flush(element)
                pieces.append(child.text or "")
                walk(child)
                flush(child)
            pieces.append(child.tail or "")

    pieces.append(body.text or "")
    walk(body)
    flush(holder[0])
    return found
