"""Readers: every encoding, HTML, Markdown, feeds, and files that cannot be read."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from digest.sources.readers import READERS, Unusable, decode

SAMPLE = "英伟达市值单日蒸发近6000亿美元，人工智能芯片股全线下跌。"
SAMPLE_HANT = "英偉達市值單日蒸發近6000億美元，人工智慧晶片股全線下跌。"


@pytest.mark.parametrize("data, expected", [
    (SAMPLE.encode("utf-8"), SAMPLE),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), SAMPLE),
    (SAMPLE.encode("utf-16"), SAMPLE),
    (SAMPLE.encode("utf-16-le"), SAMPLE),
    ((SAMPLE * 3).encode("gb18030"), SAMPLE * 3),
    (SAMPLE.encode("gbk"), SAMPLE),
    ((SAMPLE_HANT * 3).encode("big5"), SAMPLE_HANT * 3),
])
def test_encodings(data, expected):
    assert decode(data) == expected


def test_truncated_multibyte_at_end_keeps_the_rest():
    data = SAMPLE.encode("utf-8") + "英".encode("utf-8")[:2]
    assert decode(data) == SAMPLE


@pytest.mark.parametrize("data, status, words", [
    (b"", "skipped", "empty"),
    (b"  \n\n ", "skipped", "empty"),
    (bytes(range(256)) * 20, "skipped", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "skipped", "binary"),
])
def test_unusable_bytes(data, status, words):
    with pytest.raises(Unusable) as caught:
        decode(data)
    assert caught.value.status == status and words in caught.value.reason


def test_html_keeps_paragraphs_and_drops_scripts(tmp_path: Path):
    page = ("<html><head><title>英伟达暴跌</title><script>alert(1)</script>"
            "<meta property='article:published_time' content='2025-01-27T09:00:00Z'></head>"
            "<body><nav>首页 | 科技</nav><article><h1>英伟达暴跌</h1><p>第一段文字。</p>"
            "<p>第二段<b>文字</b>。</p></article><footer>版权所有</footer></body></html>")
    (raw,) = READERS[".html"](tmp_path / "a.html", page.encode(), 0)
    assert raw.title == "英伟达暴跌"
    # The page prints no date: <meta article:published_time> alone is not the article's printed date.
    assert raw.published is None
    assert "第一段文字。\n\n第二段文字。" in raw.text
    assert "alert" not in raw.text and "首页" not in raw.text and "版权所有" not in raw.text


def test_markdown_is_read_as_text(tmp_path: Path):
    (raw,) = READERS[".md"](tmp_path / "a.md", "# 标题\n\n正文第一段。".encode(), 0)
    assert "正文第一段。" in raw.text
