"""The email as its reader meets it: what shows in dark mode, where "more" points, and the
text part keeping to the same cap as the HTML part."""

from __future__ import annotations

import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.config import load
from digest.run.pipeline import build

NOW = datetime(2026, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def dark_colour_selectors(html: str) -> list[list[str]]:
    """The selectors of the dark-mode rules that set a text colour, each as its parts
    (".toc strong" -> [".toc", "strong"])."""
    block = re.search(r"prefers-color-scheme: dark\)\s*\{(.*)\}", html, re.S).group(1)
    selectors = []
    for names, body in re.findall(r"([^{}]+)\{([^{}]*)\}", block):
        if re.search(r"(^|[;\s])color\s*:", body):
            selectors += [name.split() for name in names.split(",")]
    return selectors


class TextColours(HTMLParser):
    """For each visible text node of the body: does a dark-mode rule give it its colour
    before an inline colour of the light design does?"""

    def __init__(self, selectors):
        super().__init__()
        self.selectors, self.stack, self.uncovered = selectors, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("br", "meta", "img", "link"):
            return
        self.stack.append((tag, set((attrs.get("class") or "").split()), attrs.get("style") or ""))

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def _matches(self, depth: int, parts: list[str]) -> bool:
        def simple(part, element):
            tag, classes, _ = element
            name, *wanted = part.split(".")
            return (not name or name == tag) and set(wanted) <= classes
        if not simple(parts[-1], self.stack[depth]):
            return False
        rest = parts[:-1]
        for element in reversed(self.stack[:depth]):
            if rest and simple(rest[-1], element):
                rest = rest[:-1]
        return not rest

    def handle_data(self, data):
        names = {c for _, classes, _ in self.stack for c in classes}
        if not data.strip() or not any(t == "body" for t, _, _ in self.stack) \
                or names & {"header", "preheader"}:     # the header keeps its own dark band
            return
        for depth in range(len(self.stack) - 1, -1, -1):
            if any(self._matches(depth, parts) for parts in self.selectors):
                return
            if re.search(r"(^|;)\s*color\s*:", self.stack[depth][2]):
                self.uncovered.append((data.strip(), self.stack[depth][:2]))
                return


def test_in_dark_mode_every_text_of_the_email_takes_a_light_colour(small_project: Path):
    result = build(load(small_project / "config.toml"), now=NOW)
    html = (result.folder / "email.html").read_text(encoding="utf-8")
    check = TextColours(dark_colour_selectors(html))
    check.feed(html)
    assert check.uncovered == []
    assert "目录" in html and "·" in html
