"""The visible text of a saved page, as the gold strings in gold.json are checked against.

Scripts, styles, templates, comments, processing instructions, ``<head>`` and
elements hidden with ``display:none`` (or the ``hidden`` attribute) are dropped;
entities are decoded. Gold strings are compared with all whitespace removed.
"""

from __future__ import annotations

import re

import lxml.html

HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
DROP = {"script", "style", "noscript", "template", "head", "title"}


def visible_text(html: str) -> str:
    try:
        root = lxml.html.fromstring(html)
    except Exception:  # noqa: BLE001 - an empty or broken file has no visible text
        return ""
    gone = [el for el in root.iter()
            if not isinstance(el.tag, str) or el.tag in DROP
            or HIDDEN.search(el.get("style") or "") or el.get("hidden") is not None]
    for el in gone:
        if el.getparent() is not None:
            el.drop_tree()
    return root.text_content()


def squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")
