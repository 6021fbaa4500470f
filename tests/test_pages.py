"""Saved web pages: the article out of the page, its metadata, and pages that are not articles."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from digest.text.clean import clean
from digest.errors import Unusable
from digest.sources.page import read_page
from digest.sources.safemarkup import MAX_MARKUP_CHARS
from digest.sources.pagemeta import printed_date
from digest.sources.readers import READERS

from .conftest import FIXTURES

PAGES = FIXTURES / "pages"
BODY = (
    "记者从多家芯片企业了解到，国产算力芯片的订单已经排到明年，多家厂商正在扩产。",
    "业内人士表示，大模型训练和推理的需求持续增长，数据中心对算力的采购比去年同期增加了一倍以上。",
    "产能仍是瓶颈",
    "一位厂商负责人说，先进封装的产能仍然紧张，新产线预计要到明年下半年才能投产。",
    "分析人士认为，订单增长将带动上下游企业的业绩，但价格竞争也可能加剧。",
)


def read(name: str, data: bytes | None = None):
    path = PAGES / name
    (raw,) = READERS[".html"](path, path.read_bytes() if data is None else data, None)
    return raw


def test_the_article_without_menus_captions_credits_related_links_or_comments():
    (article,) = clean(read("saved_page.html"))
    # The summary box repeating the lead, the photo caption and its credit, the editor's
    # credit, the share row, related headlines, comments and footer are all left out.
    assert article.paragraphs == BODY
    assert article.title == "国产算力芯片订单排到明年 多家厂商扩产"     # no channel or site suffix
    assert article.published == "2024-05-13T12:03" and article.date_from == "format"
    assert article.author == "王小明" and article.publisher == "示例财经"
    assert article.link == "https://finance.example.cn/2024/05/13/chips.html"


def test_a_comment_outside_html_does_not_lose_the_page():
    page = ("<!-- saved from url=(0022)https://example.com/a -->\n<!-- another -->"
            "<html><body><h1>标题一则</h1><p>这是正文的第一句话，讲的是芯片。</p>"
            "<p>这是正文的第二句话，讲的是市场。</p></body></html><!-- after -->")
    raw = read("x.html", page.encode())
    assert raw.text == "这是正文的第一句话，讲的是芯片。\n\n这是正文的第二句话，讲的是市场。"
    assert raw.link == "https://example.com/a"


def test_the_bytes_win_over_a_wrong_declared_charset():
    page = (PAGES / "saved_page.html").read_text(encoding="utf-8").replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    assert "gb2312" in page
    raw = read("wrong_charset.html", page.encode("utf-8"))     # declares gb2312, is UTF-8
    assert tuple(raw.text.split("\n\n")) == BODY


def test_a_gbk_page_is_read_from_its_bytes():
    page = (PAGES / "saved_page.html").read_text(encoding="utf-8").replace("utf-8", "gbk")
    raw = read("gbk.html", page.encode("gbk"))
    assert tuple(raw.text.split("\n\n")) == BODY


@pytest.mark.parametrize("name, reason", [
    ("qa_page.html", "not an article: a question-and-answer page"),
    ("microblog.html", "not an article: a microblog post"),
    ("fiction.html", "not an article: a story told in dialogue (fiction)"),
])
def test_pages_that_are_not_articles_are_skipped_with_the_reason(name: str, reason: str):
    with pytest.raises(Unusable) as caught:
        read(name)
    assert caught.value.status == "skipped" and caught.value.reason == reason


@pytest.mark.parametrize("printed, expected", [
    ("发布时间：2024-05-13 12:03:10 来源：东方网", "2024-05-13 12:03:10"),
    ("2012年12月10日, 格林尼治标准时间10:41", "2012-12-10 10:41:00"),
    ("2024年5月22日週三 下午3:05", "2024-05-22 15:05:00"),
    ("最后更新 14.12.2011 19:00", "2011-12-14 19:00:00"),
    ("記者： dave ｜ 時間： Jan 17, 2012 |", "2012-01-17"),
    ("Dec 28 Sat 2013 00:28", "2013-12-28 00:28:00"),
    ("中央社記者桃園傳真 105年3月19日", "2016-03-19"),
    ("２０１１／１２／１５　１１：４５", "2011-12-15 11:45:00"),
])
def test_printed_dates(printed: str, expected: str):
    assert str(printed_date(printed)) == expected


def test_a_day_first_date_follows_the_page_metadata():
    from datetime import datetime

    assert str(printed_date("06/02/2022 - 13:48", datetime(2022, 2, 6, 12, 48))) == "2022-02-06 13:48:00"
    assert str(printed_date("06/02/2022", datetime(2022, 6, 2))) == "2022-06-02"


def test_a_link_farm_page_is_bounded_by_what_is_parsed():
    rng = random.Random(7)
    words = "股票 基金 理财 人工智能 芯片 市场 指数 黄金 银行 利率 政策 模型 算力".split()
    parts = ["<html><head><title>某网 - 首页</title></head><body>"]
    size = 0
    while size < 2_000_000:
        text = "".join(rng.choice(words) for _ in range(6))
        # (paragraphs three at a time: one each under a link would be a list of summaries)
        part = (f'<li><a href="/p/{size}.html">{text}</a></li>' if rng.random() < 0.7
                else f"<p>{text}，{text}，{text}。</p>" * 3)
        parts.append(part)
        size += len(part.encode())
    markup = "".join(parts) + "</body></html>"
    page = read_page(markup)
    # Only the first MAX_MARKUP_CHARS of markup are parsed: the text is a fraction of that.
    assert len(markup) > 2 * MAX_MARKUP_CHARS
    assert 0 < sum(len(p) for p in page.paragraphs) < MAX_MARKUP_CHARS // 2
    assert all(not p.startswith("<") for p in page.paragraphs)


def test_every_dev_shape_reads_without_crashing(tmp_path: Path):
    """Truncated and empty markup, a page with no body, nested comments: never an exception."""
    for markup in ["", "<html", "<html><head><title>只有标题</title></head></html>",
                   "<!-- a --><!-- b --><p>一句话。</p>", "<html><body><!--<p>x</p>--></body></html>"]:
        page = read_page(markup)
        assert isinstance(page.paragraphs, tuple)


def test_a_hard_line_break_joins_a_wrapped_sentence_but_not_a_short_line():
    page = ("<html><body><h1>标题在这里</h1><div class='content'>"
            "<p>发改委公告，预计明年煤炭供需将保持基本平衡，但受各种<br>不利因素影响，局部地区还会出现失衡现象。</p>"
            "<p>帮家母找家政阿姨的工作<br>家母勤劳朴实，做过很多年的家政阿姨，有需要可以联系我。</p>"
            "</div></body></html>")
    assert read_page(page).paragraphs == (
        "发改委公告，预计明年煤炭供需将保持基本平衡，但受各种不利因素影响，局部地区还会出现失衡现象。",
        "帮家母找家政阿姨的工作",
        "家母勤劳朴实，做过很多年的家政阿姨，有需要可以联系我。")


def test_an_xhtml_page_with_its_xml_declaration_is_read():
    markup = ("<?xml version='1.0' encoding='utf-8'?>\n<html><head><title>英伟达发布新芯片 - 示例网</title></head><body>"
              "<h1>英伟达发布新芯片</h1><p>英伟达周二发布了新一代人工智能芯片，称其推理性能比上一代提高了三倍。</p>"
              "<p>分析人士认为，新芯片将巩固英伟达在数据中心市场的领先地位。</p></body></html>")
    page = read_page(markup)
    assert page.title == "英伟达发布新芯片" and page.paragraphs[0].startswith("英伟达周二发布了")
