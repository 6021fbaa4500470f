"""Markdown -> HTML with python-markdown, in time linear in the text's length.

python-markdown is the converter (it keeps the HTML a writer puts in Markdown, and
its ``extra`` set reads tables, footnotes and fenced code), but its work on one
paragraph grows with the square of the paragraph's length on some shapes: for every
``[`` it looks for the matching ``]`` up to the paragraph's end, for every ``](`` the
closing ``)``, and each inline match rebuilds the whole paragraph's string. So:

1. the text goes to python-markdown in segments of at most :data:`SEGMENT_CHARS`,
   cut at blank lines (a longer paragraph at line ends, a longer line after a sentence
   end or a space; a fenced code block or a table stays whole up to
   :data:`WHOLE_CHARS`); the cost of one segment is bounded, so the whole is linear.
   Link references defined anywhere in the file are known in every segment;
2. in each segment, a bracket or parenthesis without its partner, or nested deeper
   than :data:`MAX_NESTING`, is taken out of python-markdown's sight (see
   :data:`STAND_IN`), and so are the brackets of a link whose parentheses hold a quote
   that is not a title, so that no scan runs past a partner;
3. block quotes nest at most :data:`MAX_QUOTE_DEPTH` deep and indentation is cut at
   :data:`MAX_INDENT` columns, which bounds python-markdown's recursion.
"""

from __future__ import annotations

import re

SEGMENT_CHARS = 2000
WHOLE_CHARS = 16_000       # a fenced code block or a table up to this length stays in one piece
MAX_NESTING = 2
MAX_QUOTE_DEPTH = 8
MAX_INDENT = 16

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_TABLE_RULE = re.compile(r" {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_CUT_AFTER = re.compile(r"[。！？!?；;.,，\s]")
_DEEP_QUOTE = re.compile(r"^((?:[ \t]*>){%d})(?:[ \t]*>)+" % MAX_QUOTE_DEPTH, re.MULTILINE)
_DEEP_INDENT = re.compile(r"^([ \t]{%d})[ \t]+" % MAX_INDENT, re.MULTILINE)
_REFERENCE = re.compile(r"^ {0,3}\[([^\[\]\n]{1,200})\]:[ \t]*<?([^\s>]+)>?", re.MULTILINE)


# What an escaped bracket stands as while python-markdown works (characters of Unicode's
# private use area, which mean nothing in a text): cheaper than a backslash escape, which
# python-markdown keeps aside one at a time.
STAND_IN = {"[": "\ue000", "]": "\ue001", "(": "\ue002", ")": "\ue003"}
_BACK = str.maketrans({value: key for key, value in STAND_IN.items()})
_OWN_STAND_INS = re.compile("[\ue000-\ue003]")


def markdown_html(text: str) -> str:
    """The HTML of Markdown ``text``."""
    import markdown

    text = _OWN_STAND_INS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _DEEP_INDENT.sub(r"\1", _DEEP_QUOTE.sub(r"\1", text))
    references = {key.lower(): (url, None) for key, url in _REFERENCE.findall(text)}
    converter = markdown.Markdown(extensions=["extra"])
    html = []
    for segment in segments(text):
        converter.reset()
        converter.references.update(references)
        html.append(converter.convert(neutralised(segment)))
    return "\n".join(html).translate(_BACK)


def segments(text: str, size: int = SEGMENT_CHARS) -> list[str]:
    """``text`` in pieces of at most ``size`` characters, cut at blank lines where it can
    (a fenced code block or a table of up to :data:`WHOLE_CHARS` is kept whole)."""
    pieces = (piece for unit in _units(_BLANK_LINE.split(text))
              for piece in ((unit,) if len(unit) <= size or _kept_whole(unit, size)
                            else _pieces(unit, size)))
    return _packed(pieces, size, "\n\n")


def _packed(pieces, size: int, separator: str) -> list[str]:
    """``pieces`` joined by ``separator`` into as few runs of at most ``size`` characters as
    their order allows (a piece longer than ``size`` is a run of its own)."""
    found: list[str] = []
    current: list[str] = []
    length = 0
    for piece in pieces:
        if current and length + len(piece) + len(separator) > size:
            found.append(separator.join(current))
            current, length = [], 0
        current.append(piece)
        length += len(piece) + len(separator)
    if current:
        found.append(separator.join(current))
    return found


def _units(blocks: list[str]) -> list[str]:
    """The blocks, with those of one fenced code block (blank lines inside) joined again;
    a fence left open, or spanning more than :data:`WHOLE_CHARS`, leaves its blocks apart."""
    units: list[str] = []
    pending: list[str] = []
    fence, length = None, 0
    for block in blocks:
        pending.append(block)
        length += len(block) + 2
        fence = _fence_after(block, fence)
        if fence is None:
            units.append("\n\n".join(pending))
            pending, length = [], 0
        elif length > WHOLE_CHARS:
            units += pending
            pending, length, fence = [], 0, None
    return units + pending


def _fence_after(block: str, fence: str | None) -> str | None:
    """The fence still open after ``block`` (``fence``: the one open before it)."""
    if "```" not in block and "~~~" not in block:
        return fence
    for line in block.split("\n"):
        if fence is None:
            found = _FENCE.match(line)
            fence = found[1] if found else None
        elif line.strip() == fence:
            fence = None
    return fence


def _kept_whole(unit: str, size: int) -> bool:
    """A fenced code block, or a table whose rows are each shorter than ``size``, of up to
    :data:`WHOLE_CHARS`: cut, it would lose its fence or its header."""
    if len(unit) > WHOLE_CHARS:
        return False
    if _FENCE.match(unit):
        return True
    lines = unit.split("\n")
    return len(lines) > 2 and bool(_TABLE_RULE.match(lines[1])) and max(map(len, lines)) <= size


def _pieces(block: str, size: int) -> list[str]:
    """A paragraph longer than ``size``: its lines grouped, a longer line cut."""
    parts = (part for line in block.split("\n")
             for part in (_cut(line, size) if len(line) > size else (line,)))
    return _packed(parts, size, "\n")


def _cut(line: str, size: int) -> list[str]:
    """A line longer than ``size`` in parts: each ends after the last sentence end or space
    in its second half, or at ``size`` when there is none."""
    parts = []
    start = 0
    while len(line) - start > size:
        end = start + size
        last = None
        for last in _CUT_AFTER.finditer(line, start + size // 2, end):
            pass
        end = last.end() if last else end
        parts.append(line[start:end])
        start = end
    parts.append(line[start:])
    return parts


def neutralised(segment: str) -> str:
    """``segment`` with a stand-in for each bracket or parenthesis python-markdown would
    scan past its partner for: one without a partner, or nested more than
    :data:`MAX_NESTING` deep; and before the ``]`` of a link whose parentheses hold a quote
    that is not its title (python-markdown then reads on to the segment's end)."""
    if "[" not in segment and "]" not in segment:
        return segment
    escape: set[int] = set()
    partner: dict[int, int] = {}
    stacks: dict[str, list[tuple[int, bool]]] = {"[": [], "(": []}
    opener = {"]": "[", ")": "("}
    skip = False
    for pos, char in enumerate(segment):
        if skip:
            skip = False
        elif char == "\\":
            skip = True
        elif char in stacks:
            deep = len(stacks[char]) >= MAX_NESTING
            stacks[char].append((pos, deep))
            if deep:
                escape.add(pos)
        elif char in opener:
            stack = stacks[opener[char]]
            if not stack:
                escape.add(pos)
                continue
            start, deep = stack.pop()
            partner[start] = pos
            if deep:
                escape.add(pos)
    escape.update(pos for stack in stacks.values() for pos, _ in stack)
    for start, end in partner.items():
        if segment[start] == "[" and end + 1 in partner and segment[end + 1] == "(" \
                and end + 1 not in escape:
            if not _title_closes(segment[end + 2:partner[end + 1]]):
                escape.update((start, end))
    if not escape:
        return segment
    pieces = []
    last = 0
    for pos in sorted(escape):
        pieces += (segment[last:pos], STAND_IN[segment[pos]])
        last = pos + 1
    pieces.append(segment[last:])
    return "".join(pieces)


def _title_closes(inside: str) -> bool:
    """Whether python-markdown's scan of a link's parentheses stops at their partner: they
    hold no quote, or a title in quotes right before the closing parenthesis."""
    quotes = [i for i in (inside.find('"'), inside.find("'")) if i >= 0]
    if not quotes:
        return True
    quote = inside[min(quotes)]
    return inside.rstrip().endswith(quote) and inside.count(quote) >= 2
