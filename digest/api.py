"""The Python API beyond a build: summarise free text as `digest summarize` does.

    from digest import summarize_text
    for summary in summarize_text(open("article.txt", encoding="utf-8").read(), 120):
        print(summary.text, summary.keywords)
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import DigestError
from .text.clean import clean
from .editorial.document import document
from .models import RawText, Summary
from .editorial.summarize import summarize


def summarize_text(text: str, budget: int = 180, source: str = "<stdin>",
                   max_sentences: int = 5) -> list[Summary]:
    """Clean and summarise free text (one or several articles).

    The cleaner sets aside the title line, datelines, bylines and page
    furniture first, so the summary is drawn from the article's own sentences.
    """
    return [summarize(document(article), budget, max_sentences=max_sentences)
            for article in clean(RawText(source, text, "txt"))]


def read_text(file: str) -> tuple[str, str]:
    """(source, text) of an article file as `digest summarize` reads it; ``-`` reads standard
    input, as bytes decoded as a .txt file is (UTF-8, UTF-16, GB18030/GBK, Big5), whatever
    the terminal's locale says."""
    from .sources.readers import READERS, Unusable

    path = Path("<stdin>" if file == "-" else file)
    try:
        data = sys.stdin.buffer.read() if file == "-" else path.read_bytes()
    except OSError as exc:
        raise DigestError(f"cannot read {path}: {exc.strerror}") from None
    reader = READERS.get(path.suffix.lower(), READERS[".txt"])
    try:
        return str(path), "\n\n".join(r.text for r in reader(path, data, None))
    except Unusable as exc:
        raise DigestError(f"{path}: {exc.reason}") from None
