"""Second opinions at the body's edges: a weak edge line that neither trafilatura nor
readability-lxml keeps is dropped; one they keep, or any line when they read nothing, stays."""

from __future__ import annotations

import lxml.html

from digest.sources.page import read_page
from digest.sources.pageagree import agree, opinions
from digest.sources.pagebody import link_texts

PARAGRAPHS = [
    "新华社北京1月12日电 国家统计局12日发布数据显示，去年全国居民消费价格总水平比上年上涨百分之二点一，涨幅比前一年回落。",
    "其中，城市上涨百分之二点零，农村上涨百分之二点三；食品价格上涨百分之四点七，非食品价格上涨百分之一点四。",
    "统计局有关负责人表示，物价总体保持平稳，居民收入增长快于物价上涨，实际购买力有所提高，消费市场运行平稳。",
    "分析人士认为，今年物价仍将运行在合理区间，但需关注国际大宗商品价格波动和输入性通胀压力对国内的影响。",
    "专家建议，应继续做好重要民生商品保供稳价工作，加强市场监测预警，稳定社会预期，保障群众基本生活需要。",
]


def page(extra_in_article: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return ("<html><head><title>去年物价温和上涨</title></head><body>"
            "<div class='nav'><a href='/a'>首页</a> <a href='/b'>财经</a></div>"
            f"<h1>去年物价温和上涨</h1><article>{body}{extra_in_article}</article>"
            "<div class='footer'><a href='/c'>关于我们</a> <a href='/d'>联系我们</a></div></body></html>")


def test_a_weak_edge_line_that_no_library_keeps_is_dropped():
    root = lxml.html.document_fromstring(page())
    kept = agree(root, PARAGRAPHS + ["分享到："], link_texts(root))
    assert kept == PARAGRAPHS


def test_a_weak_edge_line_that_the_libraries_keep_stays():
    closing = "（完）本文有删节。"        # short, so weak by our own scoring
    root = lxml.html.document_fromstring(page(f"<p>{closing}</p>"))
    assert opinions(root, PARAGRAPHS).kept_by(closing) >= 1
    assert agree(root, PARAGRAPHS + [closing], link_texts(root))[-1] == closing


def test_with_no_opinion_nothing_is_dropped():
    root = lxml.html.document_fromstring("<html><body><p>别的内容。</p></body></html>")
    assert agree(root, PARAGRAPHS + ["分享到："], link_texts(root)) == PARAGRAPHS + ["分享到："]


def test_the_page_reader_keeps_the_whole_article():
    assert list(read_page(page()).paragraphs) == PARAGRAPHS
