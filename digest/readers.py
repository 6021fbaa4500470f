"""Readers: bytes on disk (or a feed) -> decoded RawText records.

A reader is picked by file extension from ``READERS``. Decoding handles UTF-8
(with or without BOM), UTF-16, GB18030/GBK and Big5. A file that cannot become
text raises :class:`Unusable`, which the build records as skipped or failed.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from .errors import Unusable
from .models import RawText

log = logging.getLogger(__name__)

__all__ = ["READERS", "Unusable", "decode"]


# ---------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes) -> str:
    """Decode article bytes, trying the encodings Chinese web text comes in."""
    if not data.strip():
        raise Unusable("skipped", "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16)
    if b"\x00" in data:
        raise Unusable("skipped", "binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _legacy_chinese(data, exc)
    if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
        raise Unusable("skipped", "binary file (control characters)")
    return text


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Unusable("failed", f"not valid {encoding}: {exc.reason} at byte {exc.start}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: NUL bytes (from ASCII) only ever at odd or only at even offsets."""
    sample = data[:8000]
    if len(sample) < 4 or len(data) % 2 or b"\x00" not in sample:
        return None
    odd = sample[1::2].count(0)
    even = sample[0::2].count(0)
    encoding = "utf-16-le" if odd and not even else "utf-16-be" if even and not odd else None
    if encoding is None:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:4000])
    return encoding if printable >= 0.95 * len(text[:4000]) else None


def _legacy_chinese(data: bytes, utf8_error: UnicodeDecodeError) -> str:
    """GB18030 or Big5: keep the decodings that succeed and ask which reads as text."""
    candidates = {}
    for encoding in ("gb18030", "big5hkscs"):
        try:
            candidates[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    if not candidates:
        # Almost UTF-8 (a truncated multibyte character at the end, say): keep what is valid.
        if utf8_error.start >= len(data) - 3:
            return data[: utf8_error.start].decode("utf-8")
        raise Unusable("failed", "unknown text encoding (not UTF-8, UTF-16, GB18030 or Big5)")
    if len(candidates) == 1:
        return next(iter(candidates.values()))
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(candidates)).best()
    if best is not None and "big5" in best.encoding:
        return candidates["big5hkscs"]
    return candidates["gb18030"]


# ---------------------------------------------------------------- readers

def read_text(path: Path, data: bytes, mtime: float) -> list[RawText]:
    return [RawText(source=str(path), text=decode(data), fmt="txt", mtime=mtime)]


def read_markdown(path: Path, data: bytes, mtime: float) -> list[RawText]:
    """Markdown -> HTML -> text; a file with several level-1 headings holds several articles."""
    import markdown

    from .html import html_to_text

    html = markdown.markdown(decode(data), extensions=["extra"])
    sections = re.split(r"(?=<h1[ >])", html)
    texts = []
    for number, section in enumerate(s for s in sections if s.strip()):
        text, title, _ = html_to_text(f"<html><body>{section}</body></html>")
        if title and text.startswith(title):
            text = text[len(title):].lstrip()
        source = str(path) if len(sections) <= 2 else f"{path}#{number}"
        texts.append(RawText(source=source, text=text, fmt="md",
                             title=title if "<h1" in section else None, mtime=mtime))
    return texts


def read_html(path: Path, data: bytes, mtime: float) -> list[RawText]:
    """A saved web page: the article on it, or skipped when the page is not an article."""
    from .page import NotAnArticle, read_page

    try:
        page = read_page(decode(data))
    except NotAnArticle as exc:
        raise Unusable("skipped", str(exc)) from None
    return [RawText(source=str(path), text="\n\n".join(page.paragraphs), fmt="html",
                    title=page.title, published=page.published, author=page.author,
                    publisher=page.publisher, link=page.link, mtime=mtime)]


def read_feed(path: Path, data: bytes, mtime: float) -> list[RawText]:
    from .feeds import parse_feed

    return parse_feed(data, str(path))


READERS = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}

