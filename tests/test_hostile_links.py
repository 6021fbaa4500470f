"""Links from feeds can be hostile: only http(s) and mailto links reach any output,
escaped so that they cannot leave their attribute or Markdown link."""

from __future__ import annotations

import email
import re
from datetime import datetime
from email import policy
from html.parser import HTMLParser
from pathlib import Path
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

import pytest

from digest.config import load
from digest.run.pipeline import build
from digest.preview import render_markdown
from digest.output.render import md_escape, safe_url, wrap

from .conftest import write_config

HOSTILE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "https://example.com/a) <img src=x onerror=alert(1)>",
    'https://example.com/b"><script>alert(1)</script>',
    "https://example.com/c?x=1&y=<svg onload=alert(1)>",
    "https://example.com/d'onmouseover='alert(1)",
    "//evil.example.com/e",
]

TOPICS = ["英伟达数据中心芯片", "港股恒生科技指数", "美联储降息预期", "黄金价格", "比特币行情",
          "台积电先进制程", "大模型开源社区", "A股成交额", "人民币汇率", "原油库存", "日本央行政策"]
PLACES = ["北京", "上海", "深圳", "香港", "东京", "纽约", "伦敦", "新加坡", "杭州", "广州", "首尔"]


def body(n: int) -> str:
    topic, place = TOPICS[n - 1], PLACES[n - 1]
    return (f"{place}消息，{topic}本周出现明显变化，第{n}份报告显示相关指标较上月变动{n * 7}%。"
            f"{place}的分析人士认为，{topic}的走势取决于后续政策与企业盈利。"
            f"多家机构在{place}发布研究称，{topic}仍有{n + 2}个值得关注的风险点。")


def hostile_feed() -> str:
    items = []
    for n, link in enumerate(HOSTILE, start=1):
        items.append(f"<item><title>{TOPICS[n - 1]}快讯</title><link>{escape(link)}</link>"
                     f"<guid>item-{n}</guid><description>{escape(body(n))}</description></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'
            + "".join(items) + "</channel></rss>")


class Elements(HTMLParser):
    """Every tag and attribute of an HTML page."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(k, v or "") for k, v in attrs]


def assert_inert(page: str) -> None:
    found = Elements()
    found.feed(page)
    assert not {"script", "img", "svg", "iframe", "object"} & set(found.tags)
    assert not [k for k, _ in found.attrs if k.startswith("on")]
    for key, value in found.attrs:
        if key in ("href", "src"):
            assert re.match(r"(https?://|mailto:|#|digest\.html)", value), value
            assert not re.search(r"[\s\"'<>()]", value), value


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, str]:
    project = tmp_path_factory.mktemp("hostile")
    (project / "articles").mkdir()
    (project / "articles" / "feed.xml").write_text(hostile_feed(), encoding="utf-8")
    write_config(project)
    result = build(load(project / "config.toml"), now=datetime(2026, 11, 18, tzinfo=ZoneInfo("UTC")))
    assert result.articles == len(HOSTILE)
    folder = result.folder
    eml = email.message_from_bytes((folder / "digest.eml").read_bytes(), policy=policy.default)
    return {"md": (folder / "digest.md").read_text(encoding="utf-8"),
            "txt": (folder / "digest.txt").read_text(encoding="utf-8"),
            "html": (folder / "digest.html").read_text(encoding="utf-8"),
            "email.html": (folder / "email.html").read_text(encoding="utf-8"),
            "eml": eml.get_body(("html",)).get_content()}


@pytest.mark.parametrize("name", ["html", "email.html", "eml"])
def test_no_active_element_or_scheme_survives_in_html_outputs(outputs, name):
    assert_inert(outputs[name])
    assert not re.search(r"(java|vb)script:|data:text", outputs[name], re.I)
    # The safe links are kept, percent-encoded.
    assert "https://example.com/a)" not in outputs[name]
    assert "https://example.com/a%29%20%3Cimg" in outputs[name]


def test_markdown_and_text_keep_only_safe_links(outputs):
    for name in ("md", "txt"):
        assert not re.search(r"(java|vb)script:|data:text|<img|<script|<svg", outputs[name], re.I)
    links = [u for u in re.findall(r"\]\(([^)]*)\)", outputs["md"]) if not u.startswith("#")]
    assert links and all(re.fullmatch(r"https://example\.com/[^\s()<>\"']*", u) for u in links)
    assert_inert(render_markdown(outputs["md"]))


def test_the_markdown_view_shows_raw_html_as_text():
    page = render_markdown('# T\n\n<script>alert(1)</script>\n\nx <img src=x onerror=alert(1)> '
                           '[a](javascript:alert(1)) ![b](data:image/png;base64,AAAA)\n\n'
                           '<a id="markets"></a>\n')
    assert_inert(page)
    assert "&lt;script&gt;" in page and '<a id="markets"></a>' in page


@pytest.mark.parametrize("url", HOSTILE)
def test_safe_url_keeps_only_http_and_mailto(url):
    kept = safe_url(url)
    assert kept == "" or (kept.startswith("https://example.com/")
                          and not re.search(r"[\s\"'<>()]", kept))


def test_safe_url_keeps_ordinary_links_as_they_are():
    for url in ("https://news.example.com/a/1?x=1&y=2#top", "mailto:me@example.com?subject=hi",
                "http://例子.cn/路径"):
        assert safe_url(url).startswith(url.split("例")[0])
    assert safe_url("https://news.example.com/a/1?x=1&y=2#top") == "https://news.example.com/a/1?x=1&y=2#top"


def test_markdown_text_needs_no_entity_for_an_ampersand():
    assert md_escape("Markets & allocation") == "Markets & allocation"
    assert md_escape("a &lt; b <i>") == "a &amp;lt; b &lt;i&gt;"


def test_closing_punctuation_never_starts_a_wrapped_line():
    for n in range(30, 40):
        text = "字" * n + "。下一句" + "，" + "字" * n + "。"
        for line in wrap(text, 72, "  ").splitlines():
            assert line.strip()[0] not in "。，"


def test_the_seeds_digest_text_has_no_lone_full_stop_and_markdown_no_entities(project: Path):
    result = build(load(project / "config.toml"), now=datetime(2026, 11, 18, tzinfo=ZoneInfo("UTC")))
    text = (result.folder / "digest.txt").read_text(encoding="utf-8")
    assert not [line for line in text.splitlines() if line.strip() in ("。", ".")]
    markdown = (result.folder / "digest.md").read_text(encoding="utf-8")
    assert "&amp;" not in markdown and "Markets & allocation" in markdown


@pytest.mark.parametrize("text", ["0.3%", "-3%", "+5%", "2024.5亿", "- 列表", "1. 开头", "1) 开头",
                                  "# 标题", "#1 位", "---", "12.", "a_b *c* [d]"])
def test_markdown_escapes_only_what_would_be_markup_and_shows_the_text_as_it_is(text):
    from digest.preview import render_markdown

    escaped = md_escape(text)
    if text[0].isdigit() and not re.match(r"\d+[.)](\s|$)", text):
        assert escaped == text               # "0.3%" opens no list: no stray backslash
    assert "\\" + text[0] not in escaped or not text[0].isalnum()
    assert render_markdown(escaped) == f"<p>{text}</p>"


@pytest.mark.parametrize("url, kept", [
    ("https://finance.example.cn/2024/05/13/chips.html", True),
    ("https://www.bbc.co.uk/news/business-1", True),
    ("http://internet.e-mail", False),          # what a page saved from a mail says
    ("http://internet.e-mail/x", False),
    ("https://finance.example.cn/", False),      # a site's home page
    ("https://finance.example.cn", False),
    ("http://127.0.0.1:8000/a.html", False),
    ("http://intranet/a.html", False),
    ("mailto:editor@example.cn", False),
])
def test_only_an_article_address_becomes_the_original_link(url, kept):
    from digest.output.render import article_url

    assert article_url(url) == (url if kept else "")


@pytest.mark.parametrize("saved_from", ["http://internet.e-mail", "https://finance.example.cn/"])
def test_a_page_saved_from_no_real_article_address_gets_no_original_link(tmp_path: Path, saved_from):
    from .conftest import FIXTURES, write_config

    page = (FIXTURES / "pages" / "saved_page.html").read_text(encoding="utf-8")
    page = page.replace("https://finance.example.cn/2024/05/13/chips.html", saved_from, 1)
    assert saved_from in page.splitlines()[0]
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "page.html").write_text(page, encoding="utf-8")
    write_config(tmp_path)
    result = build(load(tmp_path / "config.toml"), now=datetime(2026, 11, 18, tzinfo=ZoneInfo("UTC")))
    assert result.articles == 1
    for name in ("digest.md", "digest.txt", "digest.html", "email.html"):
        text = (result.folder / name).read_text(encoding="utf-8")
        assert saved_from.rstrip("/") not in text and "Read the original" not in text, name
