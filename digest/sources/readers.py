"""Readers: bytes on disk (or a feed) -> decoded RawText records.

A reader is picked by file extension from ``READERS``. Decoding handles UTF-8
(with or without BOM), UTF-16, GB18030/GBK and Big5. A file that cannot become
text raises :class:`Unusable`, which the build records as skipped or failed.
"""

from __future__ import annotations

import codecs
import errno
import logging
import os
import re
import stat
from pathlib import Path

from ..errors import Unusable
from ..models import RawText
from .safemarkup import printable

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
    """Decode article bytes, trying the encodings Chinese web text comes in; control
    characters other than tabs and line breaks are dropped (see :func:`printable`)."""
    return printable(_decoded(data))


def _decoded(data: bytes) -> str:
    if not data.strip():
        raise Unusable("skipped", "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16)
    nuls = data.count(b"\x00")
    if nuls > max(8, len(data) // 1000):
        raise Unusable("skipped", "binary file (contains NUL bytes)")
    if nuls:
        # A stray NUL (a bad copy, a truncated write) costs the byte, not the article.
        data = data.replace(b"\x00", b"")
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


# ---------------------------------------------------------------- local files

_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


# Characters of a file name a terminal would obey rather than show: C0 and C1 controls
# (ESC starts a terminal command) and the marks that reverse the direction of text.
_CONTROL_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def display_name(path: Path | str) -> str:
    """A path as text that can be shown and stored: bytes that are not UTF-8 in a
    file name become \\xNN escapes instead of crashing whatever prints them, and control
    characters \\xNN (\\uNNNN) escapes instead of reaching the terminal."""
    name = os.fsencode(path).decode("utf-8", errors="backslashreplace")
    return _CONTROL_IN_NAME.sub(_escaped, name)


def _escaped(found: re.Match) -> str:
    code = ord(found[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def read_local(path: Path, limit: int, within: Path | None = None) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them.

    A symbolic link is followed only to a file inside ``within`` (the source folder);
    FIFOs, devices and sockets are never opened for reading, so none can block or
    stream for ever; the size is checked before reading, and the read itself stops
    past ``limit`` in case the file grew meanwhile. What is read is decided by the opened
    descriptor, not the path: a file swapped for a link, a pipe or another folder's file
    between the checks and the open is refused, not read.
    """
    inside = os.path.realpath(within) if within is not None else None
    link = os.path.islink(path)
    if inside is not None and link:
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(inside):
            raise Unusable("skipped", f"symbolic link to {display_name(target)}, outside the "
                                      "source folder")
    info = os.stat(path)
    _require_regular(info.st_mode)
    _require_size(info.st_size, limit)
    # O_NONBLOCK: should the path have become a FIFO since the stat, opening it cannot hang;
    # O_NOFOLLOW: should a file have become a symbolic link, it is not followed.
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if inside is not None and not link:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Unusable("skipped", "became a symbolic link while being read") from None
        raise
    try:
        opened = os.fstat(fd)
        _require_regular(opened.st_mode)
        if inside is not None:
            _require_inside(fd, inside)
        _require_size(opened.st_size, limit)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    _require_size(len(data), limit)
    return data


def _require_inside(fd: int, inside: str) -> None:
    """The opened file is inside the folder ``inside`` (a real path), as the kernel names
    it: on Linux, /proc/self/fd/N is where the descriptor points, whatever links and
    folders were swapped on the way. Elsewhere the checks before the open stand."""
    try:
        opened = os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return
    if not Path(opened.removesuffix(" (deleted)")).is_relative_to(inside):
        raise Unusable("skipped", f"opened as {display_name(opened)}, outside the source folder "
                                  "(swapped for a symbolic link while being read)")


def _require_regular(mode: int) -> None:
    for test, kind in _KINDS:
        if test(mode):
            raise Unusable("skipped", f"not a regular file: {kind}")
    if not stat.S_ISREG(mode):
        raise Unusable("skipped", "not a regular file")


def _require_size(size: int, limit: int) -> None:
    if size > limit:
        shown = f"{size / 1048576:.1f} MB" if size > limit + 1 else f"over {limit / 1048576:g} MB"
        raise Unusable("skipped", f"file too large ({shown}; limit sources.max_file_mb = "
                                  f"{limit / 1048576:g})")


# ---------------------------------------------------------------- readers

def read_text(path: Path, data: bytes, mtime: float) -> list[RawText]:
    return [RawText(source=str(path), text=decode(data), fmt="txt", mtime=mtime)]


def read_markdown(path: Path, data: bytes, mtime: float) -> list[RawText]:
    """Markdown -> HTML -> text; a file with several level-1 headings holds several articles."""
    from .html import html_to_text
    from .mdtext import markdown_html

    html = markdown_html(decode(data))
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

