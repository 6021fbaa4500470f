"""HTML fragments (Markdown output, feed entries) -> text, one paragraph per block element.

Whole saved pages go through :mod:`digest.page`, which finds the article on them.
"""

from __future__ import annotations

import re
from datetime import datetime

from .safemarkup import flattened, printable

DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer",
             "aside", "form", "iframe", "svg", "button", "select")
BLOCK_TAGS = ("p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4",
              "h5", "h6", "blockquote", "pre", "table", "tr", "br", "hr", "figure",
              "figcaption", "dd", "dt")
DATE_META = ("article:published_time", "pubdate", "publishdate", "date", "dc.date",
             "og:published_time")


def html_to_text(markup: str) -> tuple[str, str | None, datetime | None]:
    """Return (text with blank lines between paragraphs, title, publication time)."""
    import lxml.html
    from lxml import etree

    if not markup.strip():
        return "", None, None
    try:
        root = lxml.html.document_fromstring(flattened(printable(markup)))
    except (etree.ParserError, ValueError):
        return "", None, None
    title = _title(root)
    published = _published(root)
    for element in root.xpath("|".join(f"//{t}" for t in DROP_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    # Comments may sit outside <html> (page savers put the source address there),
    # where they have no parent to be dropped from.
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    body = (root.xpath("//article") or root.xpath("//body") or [root])[0]
    for element in body.iter(*BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
        if element.tag in ("br", "hr"):
            continue
        element.text = "\n\n" + (element.text or "")
    raw = body.text_content()
    lines = (re.sub(r"[ \t\r\f\v\u3000\xa0]+", " ", line).strip() for line in raw.split("\n"))
    text = "\n\n".join(line for line in lines if line)
    return text, title, published


def _title(root) -> str | None:
    for query in ("//meta[@property='og:title']/@content", "//h1", "//title"):
        found = root.xpath(query)
        if found:
            value = found[0] if isinstance(found[0], str) else found[0].text_content()
            value = " ".join(value.split())
            if value:
                return value
    return None


def _published(root) -> datetime | None:
    candidates = [v for name in DATE_META
                  for v in root.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")]
    candidates += root.xpath("//time/@datetime")
    for value in candidates:
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            continue
    return None
