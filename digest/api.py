"""The Python API beyond a build: summarise free text as `digest summarize` does.

    from digest import summarize_text
    for summary in summarize_text(open("article.txt", encoding="utf-8").read(), 120):
        print(summary.text, summary.keywords)
"""

from __future__ import annotations

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
