"""Page markup made safe to parse, in time linear in its length.

Three jobs before a page or an HTML fragment reaches lxml:

- control characters, which lxml refuses, are dropped (:func:`printable`);
- scripts and styles are cut out by a forward scan (a regular expression like
  ``<script[^>]*>.*?</script>`` starts again at every unclosed ``<script>`` and reads
  to the end of the page each time: quadratic);
- nesting deeper than :data:`MAX_DEPTH` is flattened. libxml2 stops parsing at 256
  levels and everything below is lost, and tree walks recurse once per level, so the
  tags past that depth are replaced by line breaks and their text is kept.

Every scan moves forwards only: each character is looked at a bounded number of times.
"""

from __future__ import annotations

import re

MAX_DEPTH = 160            # open elements kept at most; libxml2 gives up at 256

# Control characters in a text: vertical tab and form feed break the line, the others go
# (python-markdown and lxml refuse them, and a terminal would obey them).
_LINE_BREAKING = re.compile(r"[\x0b\x0c]")
_UNPRINTED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` without control characters other than tabs and line breaks; a form feed or
    vertical tab becomes a line break."""
    if _UNPRINTED.search(text) or _LINE_BREAKING.search(text):
        text = _UNPRINTED.sub("", _LINE_BREAKING.sub("\n", text))
    return text


_OPENING = {names: re.compile(rf"<({'|'.join(names)})\b", re.IGNORECASE)
            for names in (("script", "style"), ("style",))}
_CLOSING = {name: re.compile(rf"</{name}\s*>", re.IGNORECASE) for name in ("script", "style")}


def without_scripts(markup: str, names: tuple[str, ...] = ("script", "style")) -> str:
    """``markup`` without its ``<script>`` and ``<style>`` elements (or only those of
    ``names``). One left open runs to the end of the page, and ``<style/>`` opens an
    element as any other ``<style>``, as a browser reads them."""
    opening = _OPENING[names]
    pieces = []
    pos = 0
    while True:
        found = opening.search(markup, pos)
        if found is None:
            pieces.append(markup[pos:])
            break
        pieces.append(markup[pos:found.start()])
        tag_end = markup.find(">", found.end())
        if tag_end < 0:
            break
        closing = _CLOSING[found[1].lower()].search(markup, tag_end + 1)
        if closing is None:
            break
        pos = closing.end()
    return "".join(pieces)


# A tag: the name, then anything up to ">" that is no "<" (so a run of "<" without ">"
# is passed over once, not read to the end from each of them).
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>")
VOID = frozenset("area base br col embed hr img input link meta param source track wbr "
                 "basefont frame keygen".split())
BLOCK = frozenset("address article aside blockquote dd details div dl dt fieldset figcaption "
                  "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
                  "table tbody td tfoot th thead tr ul".split())
# Elements a parser closes by itself when the next one starts: <p>a<p>b, <li>a<li>b.
_CLOSED_BY = {"p": BLOCK, "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"},
              "td": {"td", "th", "tr"}, "th": {"td", "th", "tr"}, "tr": {"tr"},
              "option": {"option", "optgroup"}}


def flattened(markup: str, limit: int = MAX_DEPTH) -> str:
    """``markup`` with no element nested deeper than ``limit``: the tags below that depth
    become ``<br>`` (block elements) or go (inline ones); their text stays."""
    if markup.count("<") <= limit:
        return markup                     # too few tags to nest that deep
    stack: list[str] = []
    open_count: dict[str, int] = {}
    dropped: dict[str, int] = {}
    below = 0                             # dropped elements still open: all inside goes too
    pieces: list[str] = []
    pos = 0
    for tag in _TAG.finditer(markup):
        name = tag[2].lower()
        if name in VOID:
            continue
        if tag[1]:                        # a closing tag
            if dropped.get(name):
                dropped[name] -= 1
                below -= 1
                pos = _replace(markup, pos, tag, name in BLOCK, pieces)
            elif open_count.get(name):
                while stack:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
                dropped.clear()           # closing an element closes all inside it
                below = 0
            continue
        while not below and stack and name in _CLOSED_BY.get(stack[-1], ()):
            open_count[stack[-1]] -= 1
            stack.pop()
        if not below and len(stack) < limit:
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
        else:
            dropped[name] = dropped.get(name, 0) + 1
            below += 1
            pos = _replace(markup, pos, tag, name in BLOCK, pieces)
    if not pieces:
        return markup
    pieces.append(markup[pos:])
    return "".join(pieces)


def _replace(markup: str, pos: int, tag: re.Match, block: bool, pieces: list[str]) -> int:
    """Put the text before ``tag`` and, for a block element, a line break in its place into
    ``pieces`` (one break for a run of tags with no text between); the new position."""
    between = markup[pos:tag.start()]
    if between.strip() or not pieces or pieces[-1] != "<br>":
        pieces.append(between)
        if block:
            pieces.append("<br>")
    return tag.end()


MAX_MARKUP_CHARS = 300_000   # what is parsed of one page, after scripts and styles


def bounded(markup: str) -> str:
    """The page without styles (and, when large, scripts), cut at ``MAX_MARKUP_CHARS`` and flattened
    below :data:`MAX_DEPTH` levels: the cost of reading a page stays
    bounded (an article's text sits well inside that on real pages; a page larger than
    that is a link farm or a feed of many stories)."""
    markup = without_scripts(markup, ("script", "style") if len(markup) > MAX_MARKUP_CHARS // 5 else ("style",))
    if len(markup) > MAX_MARKUP_CHARS:
        # A template's indentation can fill most of a page (blank lines for each entry of a menu
        # it left empty) and push the article past the cut; outside <pre> a browser shows such
        # a run as one space, and inside one, code is not indented that far.
        markup = LONG_SPACE.sub("\n", markup)
    return flattened(markup[:MAX_MARKUP_CHARS])


LONG_SPACE = re.compile(r"[ \t\r\n]{64,}")
