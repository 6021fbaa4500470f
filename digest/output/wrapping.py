"""Plain-text wrapping by display width: a Chinese character takes two columns."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.script import display_width

# Punctuation that closes a clause: it stays at the end of a line, never opens one.
_NO_LINE_START = set("。，、；：？！）」』》〉】”’…·.,;:?!)%")


def wrap(text: str, width: int = 72, indent: str = "") -> str:
    """Wrap by display width (a Chinese character takes two columns); closing
    punctuation may run past ``width`` rather than stand alone at a line's start.
    The line's width is kept as it grows, so wrapping is linear in the text; a run of
    Chinese characters is placed as many at a time as the line has room for."""
    lines, line, used = [], indent, display_width(indent)
    for token in _WRAP_TOKEN.findall(text):
        if "\u4e00" <= token[0] <= "\u9fff":        # a run of ideographs, two columns each
            fresh = False
            while token:
                room = max(0, (width - used) // 2)
                if not room and (fresh or not line.strip()):
                    room = 1                        # a line holds at least one character
                if room >= len(token):
                    line, used = line + token, used + 2 * len(token)
                    break
                line, used, token = line + token[:room], used + 2 * room, token[room:]
                lines.append(line.rstrip())
                line, used, fresh = indent, display_width(indent), True
            continue
        full, shown = _widths(token)
        if used + shown > width and line.strip() and token[0] not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = indent + token.lstrip()
            used = display_width(line)
        else:
            line += token
            used += full
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines)


_WRAP_TOKEN = re.compile(r"[\u4e00-\u9fff]+|[A-Za-z0-9$%.,:;'’\-/&+()@#]+\s*|\s+|.")


@lru_cache(maxsize=1 << 16)
def _widths(token: str) -> tuple[int, int]:
    """A wrap token's display width, and its width without trailing space: tokens
    (single characters, words) recur, so each is measured once."""
    return display_width(token), display_width(token.rstrip())
