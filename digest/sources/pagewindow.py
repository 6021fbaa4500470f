"""Where a page prints its date and byline: the visible text between the headline and the
body, the short stretch above the headline, and the text right after the body."""

from __future__ import annotations

import re

from .pagedate import OTHER_STORIES

DECK_REACH = 1000          # characters from a deck that repeats the lead to the lead itself, at most
CLOSE_CHARS = 40            # the stretch right above the headline: its date row, if any


def header_window(visible: str, heading: str | None, paragraphs: list[str]) -> tuple[str, str, str]:
    """The visible text between the headline and the body, where dates and bylines are
    printed; where else a date may be: the short stretch right above the headline, and
    the stretch between a deck that repeats the lead and the lead; and the line right
    above the headline alone."""
    end, deck = len(visible), ""
    if paragraphs:
        starts = [m.start() for m in loose(paragraphs[0][:16]).finditer(visible)]
        end = starts[0] if starts else end
        # A deck that repeats the lead may be printed first, the date under it, before the lead's
        # repeat close by (or a caption repeats it): the stretch between is read for a date only.
        deck = visible[end:max((at for at in starts if at - end <= DECK_REACH), default=end)]
        if len(starts) > 1 and len(paragraphs) > 1 and loose(paragraphs[-1][-16:]).search(visible, starts[0], starts[1]):
            deck = ""           # the whole body lies before the lead's repeat (a share box): no deck
    start = max(0, end - 400)
    above = close = ""
    if heading:
        found = first = None
        for found in loose(heading).finditer(visible, 0, max(end, 1)):
            first = first or found
        if found is not None:
            start = found.end()
            end = min(end, start + 600)
            above = visible[max(0, found.start() - 120):found.start()]
            close = above[-CLOSE_CHARS:]
            if first is not found:      # the headline printed again inside the text: the page's own comes first
                above = visible[first.end():min(first.end() + 600, found.start())] + " " + above
    window = visible[start:end] if end > start else visible[max(0, end - 400):end]
    return window[-600:], (above + " " + deck[:DECK_REACH]).strip(), close


def footer_window(visible: str, paragraphs: list[str], closing: int) -> tuple[str, str]:
    """The visible text right after the body, where blogs print "posted @ date"; and that
    text from where the body's last ``closing`` paragraphs start, where a credit printed
    between them ("文章作者: 某某") is too."""
    if not paragraphs:
        return "", ""
    found = None
    for found in loose(paragraphs[-1][-16:]).finditer(visible):
        pass
    if found is None:
        return "", ""
    after = OTHER_STORIES.split(visible[found.end():found.end() + 200], 1)[0]
    start = visible.rfind(paragraphs[-min(closing, len(paragraphs))][:8], 0, found.start())
    return after, visible[start:found.end()] + after if start >= 0 else after


# ---------------------------------------------------------------- helpers

def loose(text: str) -> re.Pattern:
    """``text`` as a pattern that allows any spacing between its characters."""
    return re.compile(r"\s*".join(re.escape(ch) for ch in "".join(text.split())))
