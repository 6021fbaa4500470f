"""Ordinary articles that the not-article, end-of-body and metadata rules must leave alone:
a short headline under a site-only <title>, a reported sentence about a fan page, an expand
button, a hot-comments sidebar, linked captions, footnotes under a navigation of fragment
links, a section name over the headline, a linked post headline, a share box repeating the
lead, long closing paragraphs both libraries keep."""

from __future__ import annotations

from datetime import datetime

import pytest

from digest.sources.page import read_page

LINES = ["今年春节前夕，记者跟随返乡的务工人员一同登上了开往西南的列车，车厢里挤满了带着大包小包的旅客。",
         "五十二岁的老王在广东打工已经十五年，他说今年收入比去年稍好一些，给家里的孩子买了新衣服和书包。",
         "列车上，乘务员不断提醒旅客注意保管随身物品，并为老人和孩子送上热水，整个车厢的气氛十分温馨。",
         "经过二十多个小时的旅程，列车终于抵达终点站，老王背起行囊，走出站台，远远看见了来接他的家人。",
         "回到村里，老王发现家门口的土路已经修成了水泥路，村里还新建了一座卫生院和一个文化广场，变化很大。",
         "他说，这些年家乡的发展越来越好，很多外出打工的年轻人也开始考虑回来创业，村里的人气渐渐旺了起来。"]
BODY = "".join(f"<p>{line}</p>" for line in LINES)
LEAD = "升降单位是交易所为方便撮合交易而规定的最小价格级距，不同价位的股票有不同的升降单位。"


def page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("markup", [
    page("示例日报", f"<h1>春运归途</h1><div>2024-02-05 08:00</div>{BODY}"),          # a short headline, a site-only title
    page("春运归途见闻_示例网", f"<h1>春运归途见闻</h1>{BODY}<div><a href='#'>展开阅读全文</a></div>"
         "<div class='side'><p>热门推荐：某某新闻</p><a href='/y'>打开APP阅读全文</a></div>"),     # an expand button
    page("春运归途见闻_示例网", "<h1>春运归途见闻</h1><div class='side'><h3>热门评论</h3><p>1楼 说得好</p>"
         f"<p>2楼 支持</p><p>3楼 顶一下</p></div>{BODY}"),                                     # hot comments above the body
    page("春运归途见闻_示例网", "<h1>春运归途见闻</h1><div>2024-02-05</div><div class='art'>" + f"<p>{LINES[0]}</p>"
         + "".join(f"<p class='cap'><a href='/img{i}.jpg'>图为返乡旅客在站台上候车的场景{i}</a></p><p>{LINES[i]}</p>"
                   for i in range(1, 5)) + "</div>"),                                           # linked captions
    page("春运归途见闻_示例博客", "<div class='nav'>" + "".join(
        f"<a href='http://blog.example.com/index.html#{s}'>{t}</a>" for s, t in
        [("a", "关于本站"), ("b", "最新文章"), ("c", "热门标签"), ("d", "联系方式"), ("e", "友情链接"), ("f", "文章归档")])
         + "</div><h1>春运归途见闻</h1><div>2024-02-05</div>"
         + "".join(f"<p>{line}<sup>[{i}]</sup></p>" for i, line in enumerate(LINES * 2, 1))),  # footnotes, a fragment nav
])
def test_an_ordinary_article_is_read_whole(markup):
    assert len(read_page(markup).paragraphs) >= 4


SHELTER = ["台北市一間流浪動物收容所日前因經費短缺面臨關閉危機，消息傳出後引起社會大眾的高度關注與討論。",
           "收容所負責人表示，目前所內收容了超過兩百隻貓狗，每個月的飼料與醫療費用高達數十萬元，壓力非常大。",
           "許多民眾得知消息後主動捐款捐物，也有志工自發前往幫忙清潔環境，讓工作人員感到相當溫暖。",
           None,
           "市政府動物保護處也表示，將協助收容所申請相關補助，並媒合更多企業資源，幫助其度過難關。",
           "專家建議，民眾若有意飼養寵物，應以領養代替購買，並做好長期照顧的準備，避免棄養問題持續發生。"]


@pytest.mark.parametrize("reported", [
    "負責人說，我們在臉書粉絲專頁上收到了上千則支持的留言，讓大家非常感動，也更有信心繼續走下去。",
    "負責人呼籲，民眾可以關注我們的臉書粉絲專頁，了解最新的領養資訊與志工招募消息。",
])
def test_a_reported_sentence_about_a_fan_page_does_not_end_the_article(reported):
    lines = [line or reported for line in SHELTER]
    found = read_page(page("收容所面臨關閉_示例新聞", "<h1>收容所面臨關閉</h1><div>2024-02-05</div>"
                           + "".join(f"<p>{line}</p>" for line in lines)))
    assert found.paragraphs[-1] == lines[-1]


@pytest.mark.parametrize("title, body, headline", [
    ("国内新闻 - 示例网", f"<h1>国内新闻</h1><h3>多地出台措施保障农民工返乡</h3><div>2024-02-05</div>{BODY}",
     "多地出台措施保障农民工返乡"),                                                   # a section's name over the headline
    ("老王的回家路 | 示例日报", f"<h2><a href='/p/1'>老王的回家路</a></h2><div>2024-02-05 08:00</div>{BODY}"
     "<h3>示例日报</h3><p>联系我们</p>", "老王的回家路"),                              # a post's headline linking to itself
])
def test_the_headline_is_not_a_section_or_site_name(title, body, headline):
    assert read_page(page(title, body)).title == headline


def test_a_share_box_that_repeats_the_lead_is_not_a_deck():
    body = (f"<h1>老王的回家路</h1><p>{LINES[0]}</p>"
            "<p>五十二岁的老王在广东打工已经十五年，他说2019年3月8日那天他第一次坐上了高铁，感觉特别快。</p>"
            f"<p>{LINES[3]}</p><div>posted @ 2024-02-06 21:10 老王</div><div class='share'>分享：{LINES[0][:30]}</div>")
    assert read_page(page("老王的回家路_示例博客", body)).published == datetime(2024, 2, 6, 21, 10)


@pytest.mark.parametrize("markup", [
    page("某某基金经理调仓曝光_示例财经", "<h1>某某基金经理调仓曝光</h1><div>2024-03-01 09:30</div>"
         "<div class='card'>某某混合A 单位净值（03-01）：1.0234 累计净值：1.5234 日增长率：0.52%</div>" + BODY),  # a quote card
    page("春运归途见闻_示例网", f"<h1>春运归途见闻</h1>{BODY}<div><a href='#'>打开App，阅读全文</a></div>"
         "<div class='side'><a href='/y'>剩余80%未读，点击继续阅读</a></div>"),                              # app buttons
    page("春运归途见闻_示例博客", "".join(f"<a class='skip' href='#{name}'>跳到{label}</a>" for name, label in
         [("content", "正文"), ("comments", "评论"), ("respond", "回复"), ("top", "顶部"), ("nav", "导航"), ("footer", "页脚")])
         + "<h1>春运归途见闻</h1><div id='content'>"
         + "".join(f"<p>{line}<sup>[{i}]</sup></p>" for i, line in enumerate(LINES + LINES[:2], 1))
         + "</div><div id='comments'></div><div id='respond'></div><div id='nav'></div><div id='footer'></div>"),  # skip links
    page("春运归途见闻_示例网", f"<h1>春运归途见闻</h1><div>2024-02-05</div>{BODY}<div>分享到：微信 微博</div>"
         "<div class='side'><a href='/a'>阅读更多</a> <a href='/b'>Read more</a></div>"),              # a share row, then links
    page("春运归途见闻_示例网", "<h1>春运归途见闻</h1><div>2024-02-05</div><div class='art'>" + f"<p>{LINES[0]}</p>"
         + "".join(f"<p><a href='/img{i}.jpg'>返乡旅客在站台上候车（张三 摄）</a></p><p>{LINES[i]}</p>" for i in range(1, 5))
         + "</div>"),                                                                                       # credited captions
])
def test_more_ordinary_articles_are_read_whole(markup):
    assert len(read_page(markup).paragraphs) >= 4


def test_a_deck_under_the_headline_gives_its_date_though_a_share_box_repeats_the_lead():
    body = (f"<h1>老王的回家路</h1><div class='x'>{LINES[0]}</div><div>2024-02-05 08:00</div><p>{LINES[0]}</p>"
            f"<p>{LINES[1]}</p><p>{LINES[2]}</p><div class='share'>分享：{LINES[0][:30]}</div><div>责任编辑：张三</div>")
    assert read_page(page("老王的回家路_示例日报", body)).published == datetime(2024, 2, 5, 8, 0)


def test_a_reported_call_with_a_verb_of_saying_does_not_end_the_article():
    lines = [line or "該負責人稱，民眾可以關注我們的臉書粉絲專頁，了解最新的領養資訊。" for line in SHELTER]
    found = read_page(page("收容所面臨關閉_示例新聞", "<h1>收容所面臨關閉</h1><div>2024-02-05</div>"
                           + "".join(f"<p>{line}</p>" for line in lines)))
    assert found.paragraphs[-1] == lines[-1]


def test_a_post_headline_linking_to_its_permalink_is_no_logo():
    body = (f"<h1><a href='https://example.com/laowang-huijia/'>老王的回家路</a></h1><div>2024-02-05</div>{BODY}"
            "<div class='side'><h3>示例博客</h3></div>")
    assert read_page(page("老王的回家路 | 示例博客", body)).title == "老王的回家路"


@pytest.mark.parametrize("box", [
    "基金经理：张三 成立日期：2021-03-02 管理人：某某基金 资产规模：12.3亿元 单位净值：1.0234 累计净值：1.5234 申购状态：开放申购",
    "导演：某某 编剧：某某 主演：某某 类型：剧情 制片国家：中国大陆 语言：普通话 上映日期：2024-01-12 片长：120分钟 又名：远方",
])
def test_an_article_under_an_info_box_is_read(box):
    markup = page("某某新闻_示例网", f"<h1>某某基金与电影的新闻</h1><div>2024-03-01 09:30</div><div class='box'>{box}</div>{BODY}")
    assert len(read_page(markup).paragraphs) >= 6


def test_an_article_past_a_templates_blank_lines_is_read():
    # A template that leaves a blank line for each entry of an empty menu can put a megabyte
    # of white space before the article; the page is still read, not cut before its text.
    blank = "\n" + " " * 40
    markup = page("春运归途见闻_示例网", "<div class='nav'>" + blank * 30_000 + "</div><h1>春运归途见闻</h1>"
                  f"<div>2024-02-05</div>{BODY}")
    assert len(markup) > 1_000_000
    found = read_page(markup)
    assert found.title == "春运归途见闻" and len(found.paragraphs) == len(LINES)


def test_related_posts_as_headed_entries_leave_the_article_alone():
    related = "".join(f"<article><h3>其他见闻{i}</h3><p>另一篇文章的开头{i}，讲的是别的事情。</p></article>" for i in range(4))
    markup = page("春运归途见闻_示例网", f"<article><h1>春运归途见闻</h1><div>2024-02-05</div>{BODY}</article>"
                  f"<aside>{related}</aside>")
    assert len(read_page(markup).paragraphs) == len(LINES)


def test_a_short_headline_that_asks_is_kept_over_a_sidebars_tagline():
    markup = ("<html><head><title>谁开的头？ | 经济笔记</title></head><body>"
              "<aside><p>示例作者</p><div class='desc'>聚焦宏观经济、政策周期与区域发展</div></aside>"
              f"<h1>谁开的头？</h1><div>发表于 2024-02-05</div>{BODY}</body></html>")
    assert read_page(markup).title == "谁开的头？"


def test_a_section_name_in_og_title_gives_way_to_the_story_headline():
    markup = ("<html><head><title>新闻动态 - 示例公司</title><meta property='og:title' content='新闻动态'></head><body>"
              "<h1>新闻动态</h1><div>首页 > 新闻动态</div><h2>示例公司举办2024年度表彰大会</h2>"
              f"<div>2024-02-05</div>{BODY}</body></html>")
    assert read_page(markup).title == "示例公司举办2024年度表彰大会"


@pytest.mark.parametrize("markup", [
    # a blog's newest post is listed in its own sidebar, its lead as the excerpt
    page("春运归途见闻_示例博客", f"<article><h1>春运归途见闻</h1><div>2024-02-05</div>{BODY}</article><aside><h2>最新文章</h2>"
         + "".join(f"<article><h3><a href='/p{i}'>春运归途见闻{i}</a></h3><p>{LINES[0]}</p></article>" for i in range(3))
         + "</aside>"),
    # a long feature in parts, each an <article> with its own heading
    page("春运归途见闻_示例网", "<h1>春运归途见闻</h1><div>2024-02-05</div>"
         + "".join(f"<article><h2>第{i + 1}部分</h2><p>{LINES[2 * i]}</p><p>{LINES[2 * i + 1]}</p></article>" for i in range(3))),
    # a live blog, each update an <article> under its time
    page("春运直播_示例网", "<h1>春运直播：归途见闻</h1><div>2024-02-05</div>"
         + "".join(f"<article class='update'><h3>0{i}:00</h3><p>{line}</p></article>" for i, line in enumerate(LINES))),
    # related stories' teasers inside the story's own container
    page("春运归途见闻_示例网", f"<div class='post'><h1>春运归途见闻</h1><div>2024-02-05</div>{BODY}"
         + "".join(f"<article><h3><a href='/r{i}'>其他见闻{i}</a></h3><p>另一篇文章的开头{i}，讲的是别的事情和别的人。</p></article>"
                   for i in range(3)) + "</div>"),
])
def test_headed_entries_that_are_no_list_of_posts_leave_the_article_read(markup):
    assert len(read_page(markup).paragraphs) >= len(LINES)


@pytest.mark.parametrize("flash", ["多名用户反映某银行App页面找不到，客服称正在修复。", "某网站首页出现404，随后恢复。"])
def test_a_flash_about_a_missing_page_is_an_article(flash):
    markup = page("某银行App故障_示例网", f"<h1>某银行App故障</h1><div>2024-02-05 09:30</div><p>【快讯】{flash}</p>")
    assert read_page(markup).title == "某银行App故障"


@pytest.mark.parametrize("markup, headline", [
    ("<html><head><title>示例财经</title></head><body><h1>怎么办？</h1><h2>年终奖该存银行还是买基金</h2>"
     f"<div>2024-02-05</div><p>{LEAD}</p>{BODY}</body></html>", "年终奖该存银行还是买基金"),   # a column's name that asks
    ("<html><head><title>升降單位 - 台股通識課</title></head><body><h1>升降單位</h1><div>發布於 2022-07-24</div>"
     f"<h2>什麼是升降單位？</h2><p>{LEAD}</p><h2>如何理解升降單位？</h2>{BODY}</body></html>", "升降單位"),
])
def test_a_short_headline_and_its_subheadings(markup, headline):
    found = read_page(markup)
    assert found.title == headline
    assert LEAD in found.paragraphs[:2]             # the lead under the first sub-heading stays


def test_a_flash_under_a_title_that_is_only_its_headline_is_an_article():
    markup = ("<html><head><title>某银行App故障</title></head><body><h1>某银行App故障</h1><em>2月5日 09:30</em>"
              "<p>【快讯】多名用户反映某银行App页面找不到，客服称正在修复。</p></body></html>")
    assert read_page(markup).title == "某银行App故障"


@pytest.mark.parametrize("markup", [
    # the post's headline links to its permalink, and a latest-posts block (no <aside>) quotes its lead
    page("春运归途见闻_示例博客", "<article><h1><a href='/p/1'>春运归途见闻</a></h1><div>2024-02-05</div>"
         f"{BODY}</article><div class='latest'><h2>最新文章</h2>"
         + "".join(f"<article><h3><a href='/p/{i}'>春运归途见闻之{i}号</a></h3><p>{LINES[0][:40]}…</p></article>" for i in range(2, 5))
         + "</div>"),
    # a live blog whose time headings link to each update's own page
    page("春运直播_示例网", "<h1>春运直播：归途见闻</h1><div>2024-02-05</div>"
         + "".join(f"<article><h3><a href='/live?update={i}'>0{i}:00</a></h3><p>{line}</p><p>{line}</p></article>"
                   for i, line in enumerate(LINES))),
])
def test_linked_entries_that_are_no_list_of_posts_leave_the_article_read(markup):
    assert len(read_page(markup).paragraphs) >= len(LINES)


@pytest.mark.parametrize("flash", ["页面显示“抱歉，页面找不到了”。", "有网友截图显示：“对不起，404 Not Found”。",
                                   "页面提示“您访问的页面不存在”。"])
def test_a_flash_quoting_an_error_message_is_an_article(flash):
    markup = page("某银行App故障_示例网", "<h1>某银行App故障</h1><div>2024-02-05 09:30</div>"
                  f"<p>【快讯】今天上午，多名用户反映某银行App无法打开。</p><p>{flash}</p>")
    assert read_page(markup).title == "某银行App故障"


@pytest.mark.parametrize("headline, extra", [
    ("多地用户称找不到微信支付页面", ""),                       # a headline about a missing page
    ("专题：两会代表谈经济", ""),                               # a kicker before the headline
    ("春运归途见闻", "<aside><p>本站共 128 篇文章</p></aside>"),  # a blog's post count in its sidebar
])
def test_a_short_story_whose_words_recall_a_list_or_error_page_is_an_article(headline, extra):
    markup = page(f"{headline}_示例网", f"<h1>{headline}</h1><div>2024-02-05 09:30</div>"
                  f"<p>{LINES[0]}</p><p>{LINES[1]}</p>{extra}")
    assert read_page(markup).title == headline


def test_a_question_headline_that_og_title_gives_is_kept_over_a_section_heading():
    markup = ("<html><head><title>示例财经</title><meta property='og:title' content='谁开启周期？'></head><body>"
              f"<h1>谁开启周期？</h1><div>2024-02-05</div><h2>市场回顾与展望</h2>{BODY}</body></html>")
    assert read_page(markup).title == "谁开启周期？"


def test_a_short_headline_over_a_sub_heading_that_names_it():
    markup = ("<html><head><title>升降單位 - 台股通識課</title></head><body><h1>升降單位</h1><div>發布於 2022-07-24</div>"
              f"<h2>如何理解升降單位？</h2><p>{LEAD}</p>{BODY}</body></html>")
    assert read_page(markup).title == "升降單位"


def test_a_short_headline_named_again_by_a_sub_heading_does_not_cut_the_lead():
    markup = ("<html><head><title>示例课堂</title></head><body><h1>升降單位</h1><div>2022-07-24</div>"
              f"<h2>什麼是升降單位？</h2><p>{LEAD}</p><p>交易所的說明：</p><blockquote>{LINES[2]}{LINES[3]}</blockquote>"
              f"<h2>如何理解升降單位？</h2>{BODY}</body></html>")
    found = read_page(markup)
    assert found.title == "升降單位" and LEAD in found.paragraphs


def test_a_latest_posts_block_quoting_a_long_lead_leaves_the_post_read():
    lead = LEAD * 4
    markup = page("春运归途见闻_示例博客", "<article><h1><a href='/p/1'>春运归途见闻与感想</a></h1><div>2024-02-05</div>"
                  f"<p>{lead}</p>{BODY}</article><div class='latest'><h2>最新文章</h2>"
                  f"<article><h3><a href='/p/1'>春运归途见闻与感想</a></h3><p>{lead[:40]}…</p></article></div>")
    assert len(read_page(markup).paragraphs) >= len(LINES)


def test_reading_notes_written_as_a_list_under_a_one_line_opening_are_one_run():
    from digest.sources.pageblocks import Block
    from digest.sources.pagebody import densest_run

    blocks = [Block("p", "9分，再读一遍，再读一遍。"), Block("p", "书名：春运见闻"), Block("head", "自序"),
              *[Block("item", line) for line in LINES * 3]]
    assert len(densest_run(blocks)) == len(blocks)


def test_a_byline_name_right_above_the_text_is_not_a_short_headline():
    markup = ("<html><head><title>亏麻了 - 示例博客</title></head><body><div>亏麻了</div><div>Mavelsate</div>"
              f"<div>2026-03-26 约 1800 字 预计阅读 4 分钟</div>{BODY}</body></html>")
    assert read_page(markup).title == "亏麻了"


def test_a_last_update_under_the_headline_gives_way_to_the_date_right_above_it():
    markup = page("春运归途见闻 - 示例博客", "<nav>首页 分类 标签</nav><div>2026-06-03 3.6k 字 30 分钟</div>"
                  f"<h1>春运归途见闻</h1><div>本文最后更新于 2026-06-17</div>{BODY}")
    assert str(read_page(markup).published).startswith("2026-06-03")
    only = page("春运归途见闻 - 示例网", f"<h1>春运归途见闻</h1><div>最后更新 14.12.2011 19:00</div>{BODY}")
    assert str(read_page(only).published).startswith("2011-12-14")


def test_a_lead_in_that_ends_in_a_dash_opens_the_body():
    markup = page("春运归途见闻 - 示例博客", "<h1>春运归途见闻</h1><div>2023-11-02</div>"
                  f"<p>有这么一种非常朴素的道理——</p>{BODY}")
    assert read_page(markup).paragraphs[0] == "有这么一种非常朴素的道理——"


def test_a_last_update_keeps_its_date_over_a_site_clock_above_the_headline():
    markup = page("春运归途见闻 - 示例网", "<div>2024年12月05日 星期四</div><div>首页 新闻</div><h1>春运归途见闻</h1>"
                  f"<div>更新时间：2024-02-05 09:30</div>{BODY}")
    assert str(read_page(markup).published).startswith("2024-02-05")


@pytest.mark.parametrize("line", ["————————————", "点击上方蓝字关注我们——", "—— 本期导读 ——",
                                  '↑ 点击上方"示例财经"关注我们——', '戳蓝字"示例财经"关注我们哦——', "喜欢本文的朋友记得关注本号——", "喜歡本文的朋友記得關注本號——"])
def test_a_separator_or_a_call_ending_in_a_dash_does_not_open_the_body(line):
    markup = page("春运归途见闻 - 示例博客", f"<h1>春运归途见闻</h1><div>2023-11-02</div><p>{line}</p>{BODY}")
    assert read_page(markup).paragraphs[0] == LINES[0]


@pytest.mark.parametrize("title, banner", [("示例科技", "<div>示例科技</div>"),
                                           ("DeepSeek", "<h1>示例科技网专注人工智能前沿资讯</h1>")])
def test_a_one_word_latin_headline_in_a_heading_is_kept(title, banner):
    markup = (f"<html><head><title>{title}</title></head><body>{banner}<h2>DeepSeek</h2>"
              f"<div>2024-02-05</div>{BODY}</body></html>")
    assert read_page(markup).title == "DeepSeek"


def test_readers_comments_listed_after_the_text_are_not_its_points():
    from digest.sources.pageblocks import Block
    from digest.sources.pagebody import densest_run

    comments = [Block("item", f"网友{i}：说得很有道理，春运回家确实不容易，大家都辛苦了，祝一路平安。") for i in range(12)]
    blocks = [Block("p", LINES[0]), Block("p", LINES[1]), Block("head", "网友评论"), *comments]
    assert len(densest_run(blocks)) == 2


def test_a_timeline_under_bare_dates_is_an_article():
    items = "".join(f"<h3>2023年{i + 1}月5日</h3><p>{line}</p>" for i, line in enumerate(LINES))
    markup = page("示例公司大事记_示例网", f"<h1>示例公司大事记</h1><div>2024-02-05</div>{items}")
    assert len(read_page(markup).paragraphs) >= len(LINES)


def test_paragraphs_of_clauses_with_no_full_stop_are_text():
    clauses = ["在银行的资产结构当中，大部分都来自于储户的存款，只有少部分是银行的自有资金，而最近这些年，"
               "银行把大量资金投向了地产行业，一旦房企们接连躺平，居民被迫断贷，那么这些风险就会全部转嫁给银行，"
               "这也就是为什么说银行已经和国内地产行业深度绑定的原因",
               "在需求低迷之下，国内企业，除了基本功扎实的，或处于新兴产业的，大多数都面临经营困难，企业的财务崩溃，"
               "又必然导致银行坏账的上升，这就是宏观经济下，银行风险上升的必然性，也是这两年银行股整体不振的根本原因"]
    markup = page("美联储加息风暴 | 示例博客", "<h1>美联储加息风暴</h1><div>2022-09-10</div>"
                  + "".join(f"<p>{c}</p>" for c in clauses))
    assert list(read_page(markup).paragraphs) == clauses


def test_a_brand_word_in_title_gives_way_to_the_pages_one_h1():
    markup = ("<html><head><title>FoundraLab</title></head><body><div class='site-title'>FoundraLab</div>"
              f"<h1>2026-01-29 科技圈新闻汇总</h1><div>发布于 2026年01月29日</div>{BODY}</body></html>")
    assert read_page(markup).title == "2026-01-29 科技圈新闻汇总"


def test_a_company_timeline_in_dated_cards_is_an_article():
    cards = "".join(f"<div class='card'><div>20{10 + 2 * i}-10-20</div><h3>示例公司完成第{i + 1}轮融资</h3><p>{line}</p>"
                    f"<a href='/p/{i}' aria-label='read'></a></div>" for i, line in enumerate(LINES[:5]))
    markup = page("示例公司大事记_示例网", f"<h1>示例公司大事记</h1><div>2024-02-05</div>{cards}")
    assert len(read_page(markup).paragraphs) >= 5


@pytest.mark.parametrize("title, headline", [
    ("专题：两会代表谈经济_示例网", "专题：两会代表谈经济"),
    ("分类: 财经 | 央行宣布降准0.5个百分点 | 示例网", "央行宣布降准0.5个百分点"),
])
def test_a_short_story_under_a_section_or_kicker_title_is_an_article(title, headline):
    markup = page(title, f"<h1>{headline}</h1><div>2024-03-05</div><p>【快讯】{LINES[0]}</p>")
    assert read_page(markup).title == headline


@pytest.mark.parametrize("line", ["COVID-19带来的最大改变其实是——", "最值得关注的其实是这一点——", "答案只有一个词：AI——"])
def test_lead_ins_ending_in_a_dash_with_other_words_before_it(line):
    markup = page("春运归途见闻 - 示例博客", f"<h1>春运归途见闻</h1><div>2023-11-02</div><p>{line}</p>{BODY}")
    assert read_page(markup).paragraphs[0] == line


def test_a_notice_above_a_list_of_points_does_not_end_it():
    from digest.sources.pageblocks import Block
    from digest.sources.pagebody import densest_run

    blocks = [Block("p", "原标题：春运归途见闻"), Block("p", "9分，再读一遍，再读一遍。"),
              *[Block("item", line) for line in LINES * 3]]
    assert Block("item", LINES[5]) in densest_run(blocks)


def test_a_blog_front_page_of_rare_posts_newest_first_is_a_list():
    from digest.sources.page import NotAnArticle

    dates = ["2024-05-01", "2024-02-11", "2023-11-20", "2023-08-02", "2023-03-15"]
    cards = "".join(f"<div class='card'><div>{d}</div><h3>示例博客的第{i + 1}篇文章标题</h3><p>{LINES[i]}</p>"
                    f"<a href='/p/{i}' aria-label='read'></a></div>" for i, d in enumerate(dates))
    with pytest.raises(NotAnArticle):
        read_page(page("示例博客", f"<h1>示例博客</h1>{cards}"))


@pytest.mark.parametrize("brand", ["<h2 class='site-title'><a href='/'>FoundraLab</a></h2>", "<h2>FoundraLab</h2>"])
def test_a_brand_heading_above_the_h1_gives_way_to_it(brand):
    markup = (f"<html><head><title>FoundraLab</title></head><body>{brand}<h1>示例公司完成新一轮融资 估值翻倍</h1>"
              f"<div>2024-02-05</div>{BODY}</body></html>")
    assert read_page(markup).title == "示例公司完成新一轮融资 估值翻倍"


@pytest.mark.parametrize("title", ["时间轴：美联储本轮加息全回顾_示例财经", "时间轴 | 美联储本轮加息全回顾 | 示例财经"])
def test_a_timeline_story_under_a_kicker_is_an_article(title):
    dated = "".join(f"<p>2022年{m}月16日，美联储宣布加息25个基点。</p>" for m in (3, 5, 6, 7, 9, 11))
    markup = page(title, f"<h1>时间轴：美联储本轮加息全回顾</h1><div>2024-02-05</div>{dated}")
    assert read_page(markup).title == "时间轴：美联储本轮加息全回顾"


def test_a_kicker_flash_dated_only_in_its_meta_is_an_article():
    markup = ("<html><head><title>专题：两会代表谈经济_示例网</title>"
              "<meta property='article:published_time' content='2024-03-05T10:00:00+08:00'></head><body>"
              f"<h1>专题：两会代表谈经济</h1><p>【快讯】{LINES[0]}</p></body></html>")
    assert read_page(markup).title == "专题：两会代表谈经济"


@pytest.mark.parametrize("line", ["点击上方蓝字，设为星标——", "點擊上方藍字追蹤我們――"])
def test_more_promos_ending_in_a_dash_do_not_open_the_body(line):
    markup = page("春运归途见闻 - 示例博客", f"<h1>春运归途见闻</h1><div>2023-11-02</div><p>{line}</p>{BODY}")
    assert read_page(markup).paragraphs[0] == LINES[0]


@pytest.mark.parametrize("line", ["请大家关注我们身边最容易被忽视的风险——", "最值得留意的其实是這一點――"])
def test_lead_ins_that_mention_following_or_use_a_long_dash(line):
    markup = page("春运归途见闻 - 示例博客", f"<h1>春运归途见闻</h1><div>2023-11-02</div><p>{line}</p>{BODY}")
    assert read_page(markup).paragraphs[0] == line


@pytest.mark.parametrize("headline", ["分类：垃圾分类新规下月起施行", "Archive: 1998年金融危机回顾"])
def test_a_flash_whose_headline_opens_with_a_list_word_is_an_article(headline):
    markup = page(f"{headline}_示例网", f"<h1>{headline}</h1><div>2024-03-05</div><p>【快讯】{LINES[0]}{LINES[1]}</p>")
    assert read_page(markup).title == headline


def test_a_timeline_story_under_a_bare_label_title_with_article_markup_is_an_article():
    dated = "".join(f"<p>2022年{m}月16日，美联储宣布加息25个基点。</p>" for m in (3, 5, 6, 7, 9))
    markup = ("<html><head><title>时间轴｜美联储本轮加息全回顾_示例财经</title><meta property='og:type' content='article'>"
              f"</head><body><h1>美联储本轮加息全回顾</h1>{dated}</body></html>")
    assert read_page(markup).title == "美联储本轮加息全回顾"


def test_a_quarters_review_in_dated_cards_oldest_first_is_an_article():
    days = ["2024-01-03", "2024-01-13", "2024-01-23", "2024-02-03", "2024-02-13"]
    cards = "".join(f"<div class='card'><div>{d}</div><h3>示例公司第{i + 1}次经营会议的回顾</h3><p>{LINES[i]}</p>"
                    f"<a href='/p/{i}' aria-label='read'></a></div>" for i, d in enumerate(days))
    markup = page("示例公司一季度回顾_示例网", f"<h1>示例公司一季度回顾</h1><div>2024-04-05</div>{cards}")
    assert len(read_page(markup).paragraphs) >= 5
