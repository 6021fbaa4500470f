"""Second opinions at the body's edges: what two other extractors keep there.

The trim in :mod:`pagebody` and the recovery in :mod:`pageedge` decide each edge of
the body by the page's own signals (sentence punctuation, links, containers). Where
those signals are weak, a page from a new site can go either way: a short line of
furniture stays before the lead, or a real closing sentence is left out. Two
independent main-content extractors, trafilatura (in its default, balanced mode, not
the recall mode the body starts from) and readability-lxml, settle those cases by
agreement over their outputs rather than by a longer list of rules:

a leading or trailing paragraph that neither library keeps, and that our own scoring
marks as weak (a link, a line without a sentence, a short line), is dropped. The
libraries are asked only when an edge paragraph is weak, so most pages cost nothing more.

The other direction, putting back an edge paragraph that both libraries keep and the
trim left out, was measured and is not done: on the pages it was tried on, every such
paragraph was a disclaimer, a "follow us" line, a caption or a notice that the rules
here remove on purpose (bench/PAGES.md).

The agreement is over the libraries' outputs, not their internals: each is run on
the parsed page and its text compared with ours with punctuation and spaces removed.
A library whose output shares less than half of our body is treated as having no
opinion (it read another part of the page), and with no opinion at all nothing is
dropped.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass

from .pagebody import Links, fold_key, is_link, is_prose
from ..text.script import fold_width

WEAK_CHARS = 40           # a paragraph shorter than this (letters and digits) is weak at an edge
SHARED_SHARE = 0.5        # of our body's characters a library's output must hold to count
PIECE_CHARS = 16          # a long paragraph counts as kept when its start or end is kept


@dataclass(frozen=True)
class Opinions:
    """The folded text of each library's main content, or None where it has no opinion."""

    texts: tuple[str | None, ...]

    def kept_by(self, paragraph: str) -> int:
        key = fold_key(paragraph)
        return sum(1 for text in self.texts if text is not None and _holds(text, key))

    def any(self) -> bool:
        return any(text is not None for text in self.texts)


def _holds(text: str, key: str) -> bool:
    if not key:
        return False
    if key in text:
        return True
    return len(key) >= 3 * PIECE_CHARS and (key[:PIECE_CHARS] in text or key[-PIECE_CHARS:] in text)


def opinions(root, paragraphs: list[str]) -> Opinions:
    """trafilatura's and readability-lxml's main content of the page at ``root``."""
    ours = [fold_key(p) for p in paragraphs]
    total = sum(len(k) for k in ours)
    found = []
    for read in (_trafilatura_text, _readability_text):
        try:
            text = fold_key(read(copy.deepcopy(root)))
        except Exception:  # noqa: BLE001 - a library that fails on a page has no opinion on it
            text = ""
        shared = sum(len(k) for k in ours if k and _holds(text, k))
        found.append(text if total and shared >= SHARED_SHARE * total else None)
    return Opinions(tuple(found))


def _trafilatura_text(root) -> str:
    import trafilatura

    found = trafilatura.bare_extraction(root, include_comments=False, include_tables=True,
                                        with_metadata=False, config=trafilatura_config())
    return (getattr(found, "text", None) or "") if found is not None else ""


def _readability_text(root) -> str:
    import lxml.html
    from readability import Document

    summary = Document(root).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


@functools.cache
def trafilatura_config():
    """trafilatura's settings for pages read here: no signal-based timeout (the build
    bounds its own work, and signals do not reach worker threads)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def is_weak(paragraph: str, links: Links) -> bool:
    """What our own scoring gives little weight: a link line, a line without a sentence,
    or a short line."""
    folded = fold_width(paragraph).strip()
    return is_link(folded, links) or not is_prose(folded) or len(fold_key(folded)) < WEAK_CHARS


def agree(root, paragraphs: list[str], links: Links) -> list[str]:
    """``paragraphs`` less the weak edge paragraphs that no library keeps (see the module's
    docstring); the page at ``root`` is left as it is."""
    if len(paragraphs) < 2 or not (is_weak(paragraphs[0], links) or is_weak(paragraphs[-1], links)):
        return paragraphs
    said = opinions(root, paragraphs)
    if not said.any():
        return paragraphs
    kept = list(paragraphs)
    while len(kept) > 1 and is_weak(kept[0], links) and not said.kept_by(kept[0]):
        kept.pop(0)
    while len(kept) > 1 and is_weak(kept[-1], links) and not said.kept_by(kept[-1]):
        kept.pop()
    return kept
