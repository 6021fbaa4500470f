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


CHIPS = {
    "foundry.txt": "台积电先进制程产能满载\n\n台积电表示，受人工智能芯片需求推动，三纳米制程产能已经满载，"
                   "明年资本开支将继续增加。\n\n多家芯片设计公司正在排队等待产能，英伟达和苹果是其最大客户。\n",
    "accelerator.txt": "超微推出新款AI加速芯片\n\n超微半导体发布新款人工智能加速芯片，主打大模型推理市场，"
                       "内存容量领先同类产品。\n\n公司预计数据中心芯片业务收入明年将翻倍，股价盘后上涨5%。\n",
}
READERS = '[email]\nrecipients = ["a@example.com", {address = "b@example.com", script = "hant"}]\n'


def capped_build(folder: Path, digest_extra: str = ""):
    """A build whose email shows one article per theme, with a Traditional reader."""
    from .conftest import write_config, write_small

    articles = write_small(folder / "articles")
    for name, text in CHIPS.items():
        (articles / name).write_text(text, encoding="utf-8")
    write_config(folder, READERS, digest_extra="max_items_per_theme = 1\n" + digest_extra)
    result = build(load(folder / "config.toml"), now=NOW)
    assert max(count for _, _, count in result.themes) > 1, result.themes   # something capped
    return result


def parts(eml: Path) -> dict[str, str]:
    import email
    from email import policy

    message = email.message_from_bytes(eml.read_bytes(), policy=policy.default)
    return {p.get_content_type(): p.get_content() for p in message.iter_parts()}


def test_without_web_url_the_email_names_the_file_instead_of_a_dead_link_and_warns_once(
        tmp_path: Path, caplog):
    with caplog.at_level("WARNING"):
        result = capped_build(tmp_path)
    hidden = sum(count - 1 for _, _, count in result.themes)
    for name, web_file in (("digest.eml", "digest.html"), ("digest.hant.eml", "digest.hant.html")):
        html, text = parts(result.folder / name)["text/html"], parts(result.folder / name)["text/plain"]
        hrefs = re.findall(r'href="([^"]*)"', html)
        assert hrefs and all(h.startswith(("https://", "http://", "mailto:", "#")) for h in hrefs)
        assert f"more in the web edition, {web_file} in the digest's outbox folder" in html
        assert f"more in the web edition: {web_file} in the digest's outbox folder" in text
        check = TextColours(dark_colour_selectors(html))          # readable in dark mode too
        check.feed(html)
        assert check.uncovered == []
    warned = [r for r in caplog.records if "web_url is not set" in r.getMessage()]
    assert len(warned) == 1 and f"the {hidden} article(s) it leaves out" in warned[0].getMessage()


def test_with_web_url_each_script_links_to_its_own_web_edition(tmp_path: Path, caplog):
    web = "https://news.example.com/weekly/digest.html"
    with caplog.at_level("WARNING"):
        result = capped_build(tmp_path, f'web_url = "{web}"\n')
    main = (result.folder / "email.html").read_text(encoding="utf-8")
    traditional = (result.folder / "email.hant.html").read_text(encoding="utf-8")
    assert 'href="https://news.example.com/weekly/digest.html#' in main
    assert 'href="https://news.example.com/weekly/digest.hant.html#' in traditional
    assert "digest.html#" not in traditional
    assert (result.folder / "digest.hant.html").is_file()       # the page it links to
    assert not [r for r in caplog.records if "web_url is not set" in r.getMessage()]
    text = parts(result.folder / "digest.hant.eml")["text/plain"]
    assert "more in the web edition: https://news.example.com/weekly/digest.hant.html#" in text


def test_the_text_part_keeps_to_the_same_cap_as_the_html_part(tmp_path: Path):
    result = capped_build(tmp_path)
    email_parts = parts(result.folder / "digest.eml")
    shown = email_parts["text/html"].count('class="item"')
    assert shown == len(result.themes) < result.articles
    assert email_parts["text/plain"].count("\n* ") == shown
    more = re.findall(r"(\d+) more in the web edition", email_parts["text/plain"])
    assert sum(map(int, more)) == result.articles - shown
    full = (result.folder / "digest.txt").read_text(encoding="utf-8")     # the full text view
    assert full.count("\n* ") == result.articles and "more in the web edition" not in full


def test_a_capped_email_is_warned_about_once_whatever_the_number_of_scripts(tmp_path: Path, caplog):
    with caplog.at_level("WARNING"):
        capped_build(tmp_path, 'web_url = "https://news.example.com/weekly/"\n')
    assert len([r for r in caplog.records if "the email shows at most" in r.getMessage()]) == 1
    html = (tmp_path / "outbox" / "2026-W47" / "email.hant.html").read_text(encoding="utf-8")
    assert 'href="https://news.example.com/weekly/digest.hant.html#' in html   # a folder address
