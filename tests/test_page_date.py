"""The date a page prints for its article: a 12-hour clock, an American month-first date,
and a header's "today is" date that is not the article's."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from digest.sources.page import read_page
from digest.sources.pagedate import printed_date


@pytest.mark.parametrize("text, value", [
    ("2012-01-11 08:30 PM", datetime(2012, 1, 11, 20, 30)),
    ("7/5/2005 9:23 PM", datetime(2005, 7, 5, 21, 23)),           # month first with AM/PM
    ("14.12.2011 19:00", datetime(2011, 12, 14, 19, 0)),           # day first otherwise
    ("January 17, 2012 06:00 AM", datetime(2012, 1, 17, 6, 0)),
    ("2012/1/17 12:10 AM", datetime(2012, 1, 17, 0, 10)),
    ("2022-11-24 05:30:58", datetime(2022, 11, 24, 5, 30, 58)),
    ("2003-7-24", date(2003, 7, 24)),
    ("今天是2024年5月13日 星期一 要闻 2024-05-12 10:00", datetime(2024, 5, 12, 10, 0)),
    ("Today is May 13, 2024", None),
    ("四月 27, 2019 •生活科技", date(2019, 4, 27)),                 # a Chinese month name, English order
    ("十二月 3, 2020", date(2020, 12, 3)),
    ("第十一月 3, 2020", None),
    ("三月 15，2019年全国两会期间", None),                          # a sentence, not a date
    ("2月 10 2014 近期投资总结", date(2014, 2, 10)),                 # the month's number, English order
    ("12月 3, 2020", date(2020, 12, 3)),
    ("2014年2月 10 2014", date(2014, 2, 10)),
    ("共12月 3 2020年", None),
    ("截至 3月 15 2000余家企业已完成申报", None),                      # a count after the day, not a year
    ("3月 5, 2024发布", date(2024, 3, 5)),                           # after a comma, the year it is
    ("十二月 3, 2020星期四", date(2020, 12, 3)),
    ("2024年02月21日", date(2024, 2, 21)),
    ("最新推荐文章于 2024-02-02 22:51:05 发布", None),              # another story's date
    ("11-22-2014", date(2014, 11, 22)),                             # month first, with hyphens
    ("Original·19 August 2026· Finance", date(2026, 8, 19)),         # the day first, the month's English name
    ("3 Feb. 2019 10:00", date(2019, 2, 3)),
    ("Windows 10 May 2020 Update 正式推送 2020-05-28 10:00", datetime(2020, 5, 28, 10, 0)),   # a product's name
    ("iPhone 15 Sep 2023", None),
    ("Posted on 19 August 2026 by Jane", date(2026, 8, 19)),           # a word that introduces the date
    ("Wednesday 19 August 2026", date(2026, 8, 19)),
    ("3 Junk 2020", None),
])
def test_printed_dates(text, value):
    assert printed_date(text) == value


def test_a_crawl_day_header_above_the_headline_is_not_the_article_date():
    markup = ("<html><head><title>示例新闻 - 市民可实时查询主要污染物浓度</title></head><body>"
              "<div class='top'>今天是2024年5月13日 星期一</div>"
              "<h1>市民可实时查询主要污染物浓度</h1>"
              "<p>本报讯 昨天，市环保局表示，全市空气质量自动监测子站的数据将实时发布。</p>"
              "<p>市民可以在网站上查到各个监测点的主要污染物浓度，了解身边的空气质量。</p></body></html>")
    assert read_page(markup).published is None


def test_the_dateline_opening_the_body_gives_the_date_when_nothing_else_does():
    body = "".join(f"<p>这是正文的第{n}段，讲的是寒冬里如何保养皮肤，以及医师给出的几条建议和注意事项。</p>" for n in range(3))
    markup = ("<html><head><title>寒冬里如何保养皮肤</title></head><body><h1>寒冬里如何保养皮肤</h1>"
              f"<div><p>【示例台2012年1月11日讯】寒冷的天气里相对湿度降低，空气比较干燥。</p>{body}</div></body></html>")
    assert str(read_page(markup).published) == "2012-01-11"
    undated = markup.replace("2012年1月11日", "1月11日")
    assert read_page(undated).published is None          # no year printed: no date


def test_a_date_the_lead_tells_of_is_not_the_dateline():
    """A lead that opens on the date of what happened, a report word later in its clause,
    gives no publication date."""
    body = "".join(f"<p>这是正文的第{n}段，讲的是电动车行业这些年的变化，以及几位分析师的看法。</p>" for n in range(3))
    markup = ("<html><head><title>电动车行业回顾</title></head><body><h1>电动车行业回顾</h1>"
              f"<div><p>2008年10月5日，电动车企业比亚迪获得一笔投资，此后消息不断。</p>{body}</div></body></html>")
    assert read_page(markup).published is None


def test_a_date_in_the_list_of_other_stories_after_the_body_is_not_the_article_date():
    markup = ("<html><head><title>研究所召开干部职工大会</title></head><body>"
              "<h1>研究所召开干部职工大会</h1>"
              "<p>为贯彻落实全省会议精神，2月19日下午，研究所召开干部职工大会暨党风廉政建设大会。</p>"
              "<p>会议要求，全所上下要提高站位，抓好安全生产工作，营造清正廉洁的良好氛围。</p>"
              "<div>返回列表</div><div>相关推荐</div>"
              "<ul><li><a href='/a'>研究所开展良种良法推广</a> 2020年01月18日</li>"
              "<li><a href='/b'>研究所召开退休老同志情况通报会</a> 2025年06月26日</li></ul></body></html>")
    assert read_page(markup).published is None


@pytest.mark.parametrize("lead, day", [
    ("新頭殼newtalk2014.10.24 金名/高雄報導2014高雄電影節今(24)日在大東藝術文化中心開幕", date(2014, 10, 24)),
    ("【新唐人2012年1月11日訊】", date(2012, 1, 11)),
    ("2008年10月5日，电动车企业宣布破产重组", None),
])
def test_a_dateline_with_the_reporter_and_place_before_the_report_word(lead, day):
    from digest.sources.pagedate import dateline_date

    assert dateline_date(lead) == day


def test_a_readers_comment_gives_neither_the_headline_nor_the_date():
    markup = ("<html><head><title>工作区和暂存区 - 示例教程</title></head><body>"
              "<div class='x-content'><p>Git和其他版本控制系统的一个不同之处，就是有暂存区的概念。</p>"
              "<p>工作区就是你在电脑里能看到的目录，版本库里存了很多东西，其中最重要的就是暂存区。</p>"
              "<p>把文件往版本库里添加的时候，是分两步执行的，第一步是用命令把文件添加进去。</p></div>"
              "<h3>评论</h3><ul class='comment-list'><li><h4 class='comment-title'><a href='/d/1'>评论: 工作区和暂存区</a></h4>"
              "<div class='comment-meta'>某用户 created at 2016-7-9 8:59</div><p>看了一遍，理解了，感谢老师。</p></li></ul>"
              "</body></html>")
    found = read_page(markup)
    assert (found.title, found.published) == ("工作区和暂存区", None)


@pytest.mark.parametrize("text", ["3-4-2020", "03-04-2020", "编号12-11-2019号"])
def test_a_hyphenated_date_that_reads_either_way_is_no_date(text):
    assert printed_date(text) is None


def test_the_date_under_the_pages_headline_wins_over_one_printed_before_the_headline_repeated_in_the_text():
    # A decree page: headline, the page's date, the order's preamble and signing date, the title again, the articles.
    signers = "".join(f"<p>某某部部长 {name}</p>" for name in ("张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十", "郑一", "冯二"))
    articles = "".join(f"<p>第{n}条 为了规范服务，保护公民、法人和其他组织的合法权益，根据有关法律，制定本办法。</p>"
                       for n in "一二三四五六")
    markup = ("<html><head><title>服务管理暂行办法_示例网</title></head><body>"
              "<h1>服务管理暂行办法</h1><div>2023年07月13日 15:00 来源：示例网</div>"
              "<p>《服务管理暂行办法》已经审议通过，现予公布，自2023年8月15日起施行。</p>"
              f"{signers}<p>2023年7月10日</p><h2>服务管理暂行办法</h2><h3>第一章 总 则</h3>{articles}</body></html>")
    page = read_page(markup)
    assert page.published == datetime(2023, 7, 13, 15, 0)


def test_the_date_under_a_deck_that_repeats_the_lead_is_read():
    lead = "国际货币基金组织在一份新报告中发现，在与传统金融形成相互联系的过程中，去中心化金融带来了多种风险和好处。"
    rest = "".join(f"<p>报告的第{n}部分认为，监管在许多方面没有跟上金融科技的快速发展，需要各国协调应对。</p>" for n in "一二三四")
    markup = ("<html><head><title>IMF报告：去中心化金融的风险与好处 - 示例链闻</title></head><body>"
              "<h1>IMF报告：去中心化金融的风险与好处</h1>"
              f"<div class='summary'>内容简介：{lead[:40]}...</div><div class='meta'>四月 22, 2022 · 阅读耗时 2 分钟</div>"
              f"<p>{lead}</p>{rest}</body></html>")
    assert read_page(markup).published == date(2022, 4, 22)


def test_the_dates_of_the_day_before_and_after_are_not_the_pages():
    from digest.sources.pagedate import printed_date
    assert printed_date("新闻联播 上一天 2025-12-02 下一天 2025-12-04") is None
    assert printed_date("« 上一篇：2023-12-31 发布于 2024-01-02") == date(2024, 1, 2)
    assert printed_date("上一篇 下一篇 2024-02-05 10:30 来源：示例网") == datetime(2024, 2, 5, 10, 30)   # a row of buttons
    assert printed_date("新闻 上一则 2025-12-02 下一则 2025-12-04") is None


def test_a_sidebar_of_recent_releases_after_the_body_gives_no_date():
    body = "".join(f"<p>第{n}段：研究结果显示，全球手机市场中智能型手机的占比将继续上升，保障服务的需求随之增长。</p>"
                   for n in range(1, 5))
    sidebar = ("<div class='side'>Recent Press Releases <span>Jan 18, 2018</span> <a href='/p1'>Asurion Receives Top Honors</a>"
               " <span>Dec 14, 2017</span> <a href='/p2'>Asurion Expands Services</a></div>")
    markup = f"<html><head><title>荣获服务领导品牌奖</title></head><body><h1>荣获服务领导品牌奖</h1>{body}{sidebar}</body></html>"
    assert read_page(markup).published is None
