"""A feed's bytes made safe to parse: decompressed, refused, or repaired.

A feed saved or served as gzip without saying so is decompressed (within a cap on
the decompressed size, so a small "gzip bomb" cannot fill memory); a feed that
declares its own XML entities is refused; character references the parser
cannot represent (a lone surrogate such as ``&#xD800;``, a number past U+10FFFF)
become U+FFFD, and references to control characters go; a UTF-8 feed with a few
invalid byte sequences gets U+FFFD for them, instead of being read as
Windows-1252 from end to end.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib

from ..errors import Unusable

GZIP_MAGIC = b"\x1f\x8b"
# No real feed declares its own entities; a "billion laughs" feed does, and its
# unexpanded references would become junk articles titled "&lol9;".
ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
CHARREF = re.compile(rb"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));")
DECLARED = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]+)""")
UTF_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
REPAIRABLE = 0.01      # at most this share of invalid UTF-8 sequences is repaired


def prepare(data: bytes, max_bytes: int) -> bytes:
    """The bytes to give the feed parser; raises :class:`Unusable` for a refused feed."""
    if data[:2] == GZIP_MAGIC:
        data = gunzip(data, max_bytes)
    if ENTITY_DECLARATION.search(data):
        raise Unusable("failed", "feed declares XML entities (refused: possible entity-expansion attack)")
    data = CHARREF.sub(_charref, data)
    if not data.startswith(UTF_BOMS[1:]):
        data = _repaired_utf8(data)
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")


def gunzip(data: bytes, limit: int) -> bytes:
    """A gzip body decompressed, up to ``limit`` bytes: more is refused, however small
    the input. Read in chunks, so time stays linear in the size."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise Unusable("failed", f"not valid gzip data: {exc}") from None
    if len(out) > limit:
        raise Unusable("failed", f"gzip feed larger than {limit / 1048576:g} MB when "
                                 "decompressed (refused)")
    return out


def _charref(match: re.Match) -> bytes:
    digits = (match[1] or match[2]).lstrip(b"0") or b"0"
    if len(digits) > 8:
        return b"&#xFFFD;"
    value = int(digits, 16) if match[1] else int(digits)
    if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
        return b"&#xFFFD;"
    if value < 0x20 and value not in (0x9, 0xA, 0xD) or value == 0x7F:
        return b""
    return match[0]


def _repaired_utf8(data: bytes) -> bytes:
    """A UTF-8 feed with a few bad sequences, with U+FFFD for them; any other is left."""
    declared = DECLARED.match(data[:300])
    if declared and declared[1].lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return data
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "replace")
    if text.count("\ufffd") > REPAIRABLE * len(text):
        return data                   # not UTF-8 at all: the parser finds its encoding
    return text.encode("utf-8")
