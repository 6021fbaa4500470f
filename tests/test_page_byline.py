"""A page's byline is a person's name or a named agency, else nothing: never a UI word,
a fragment of a longer word or the editor named in <meta name=author>."""

from __future__ import annotations

import pytest

from digest.sources.page import read_page
from digest.sources.pagebyline import byline, plausible

from .conftest import FIXTURES


@pytest.mark.parametrize("text, name", [
    ("（记者左娅）", "左娅"),
    ("記者：邱雯琪 羅執中 台北報導", "邱雯琪 羅執中"),
    ("（文/赵勇）", "赵勇"),
    ("本报记者 王硕报道", "王硕"),
    ("（评论员 罗博 萧海川）", "罗博 萧海川"),
    ("南海网记者陈望 通讯员林 宇", "陈望"),
    ("By: John Smith", "John Smith"),
    ("作者＼健康傳媒　凌芸斐 入冬以來氣溫漸低", "凌芸斐"),                 # a desk between credit and name
    ("健康傳媒 發表於 2018-11-22 作者＼健康傳媒 凌芸斐 入冬以來", "凌芸斐"),  # after a pen name's post line
])
def test_a_printed_byline_gives_the_names(text, name):
    assert byline(text)[0] == name


@pytest.mark.parametrize("text", [
    "本文共分1页", "文章来源：新华", "作者个人观点", "蔡英文：台灣越民主", "记者热线：010-1234",
    "记者了解到，", "作者: 手机版", "相关的链接", "分享到", "Page published at 2012-01-12 16:56:29 by loyaa",
    "作者： 见习编辑 李琼皙", "（记者 通讯员 张敏婷 陆敏仪）", "上個月參觀了上海工廠。 Pool photo by Andy Wong 過去數十年裡",
    "上個月參觀了上海工廠。 Images by Jane Doe 過去數十年裡", "本文分享自某某云社区，作者：Karmada社区。",
])
def test_words_around_a_byline_keyword_are_not_a_name(text):
    assert byline(text)[0] is None


def test_a_name_keeps_only_its_name_tokens():
    assert plausible("方南 链接 柯达") == "方南"
    assert plausible("欧阳明日") == "欧阳明日"
    assert plausible("新华社") == "新华社"          # an agency printed as the byline
    assert plausible("PConline", "PConline 太平洋电脑网") is None     # the site's own name
    for word in ("平台", "本人", "结束", "至微博", "的家", "件极客", "档信息", "见习编辑 李琼皙", "管理员", "超级管理员", "小编"):
        assert plausible(word) is None, word


def test_the_dateline_credit_wins_over_furniture_and_the_editor_in_meta():
    page = read_page((FIXTURES / "pages" / "byline_credits.html").read_text(encoding="utf-8"))
    assert page.author == "罗小沙"


def test_the_editor_in_meta_author_is_not_the_byline():
    markup = (FIXTURES / "pages" / "byline_credits.html").read_text(encoding="utf-8")
    markup = markup.replace("（记者 罗小沙 通讯员 刘洪）", "")
    assert read_page(markup).author is None


def test_a_photographer_credit_is_not_the_byline():
    assert byline("本报记者 王齐波 摄")[0] is None
    assert byline("本报记者 于涛")[0] == "于涛"


def test_a_credit_inside_a_link_to_another_story_is_not_the_byline():
    body = "".join(f"<p>这是正文的第{n}段，讲的是一件事情的经过和结果，以及各方对此的看法和安排。</p>" for n in range(4))
    markup = ("<html><head><title>示例新闻标题</title></head><body><h1>示例新闻标题</h1>"
              f"<div>{body}</div><ul><li><a href='/a/2.htm'>LIVE:桃园 记者:刘宜之 火车站月台现场一片混乱</a></li>"
              "<li><a href='/a/3.htm'>元宵灯会人气旺 庙宇掷筊民众多</a></li></ul></body></html>")
    assert read_page(markup).author is None
    linked = markup.replace("<ul>", "<p>（记者 刘宜之）</p><ul>")
    assert read_page(linked).author == "刘宜之"


def test_a_picture_credit_is_not_the_byline_but_the_dateline_credit_is():
    assert byline("(京港澳高速以北方向大堵车。图/晨报记者 华剑)")[0] is None
    body = "".join(f"<p>这是正文的第{n}段，讲的是一件事情的经过和结果，以及各方对此的看法和安排。</p>" for n in range(3))
    markup = ("<html><head><title>示例新闻标题</title></head><body><h1>示例新闻标题</h1>"
              "<p class='caption'>(车辆已经排起长龙。图/晨报记者 华剑)</p>"
              f"<div><p>红网长沙1月17日讯（晨报记者 范思远）今日下午，高速公路发生一起交通事故，造成大堵车。</p>{body}</div>"
              "</body></html>")
    assert read_page(markup).author == "范思远"


def test_a_name_in_meta_author_that_the_page_does_not_print_is_not_the_byline():
    body = "".join(f"<p>这是正文的第{n}段，讲的是一件事情的经过和结果，以及各方对此的看法和安排。</p>" for n in range(4))
    markup = ("<html><head><title>示例新闻标题</title><meta name='author' content='李闽'></head><body>"
              f"<h1>示例新闻标题</h1><div>{body}</div></body></html>")
    assert read_page(markup).author is None
    printed = markup.replace("<div>", "<p>作者 李闽</p><div>")
    assert read_page(printed).author == "李闽"


def test_a_name_in_meta_author_printed_only_as_the_sites_owner_is_not_the_byline():
    # A blog that reposts a press release names its owner in <meta name=author>, in a profile
    # card after the post and in the copyright line, but nowhere as the post's credit.
    body = "".join(f"<p>这是转载的新闻稿第{n}段，讲的是一项政策的内容和推行的范围，以及各方的安排。</p>" for n in range(4))
    markup = ("<html><head><title>示例新闻标题</title><meta name='author' content='Xiao Ming'></head><body>"
              f"<article><h1>示例新闻标题</h1><div>{body}</div>"
              "<aside class='profile'><p>Xiao Ming</p><p>农民</p><a href='mailto:x@example.com'>Contact me</a></aside>"
              "</article><footer>© Copyright Xiao Ming</footer></body></html>")
    assert read_page(markup).author is None
    credited = markup.replace("<aside", "<p>文章作者 Xiao Ming</p><aside")
    assert read_page(credited).author == "Xiao Ming"


@pytest.mark.parametrize("credit", ["文｜Xiao Ming　图｜李四", "撰稿：Xiao Ming", "written by xiao ming"])
def test_a_name_in_meta_author_after_a_credit_is_the_byline(credit):
    body = "".join(f"<p>这是博客文章的第{n}段，讲的是一件事情的经过和结果，以及作者对此的看法。</p>" for n in range(4))
    markup = ("<html><head><title>示例文章标题</title><meta name='author' content='Xiao Ming'></head><body>"
              f"<article><h1>示例文章标题</h1><div>{body}</div><p>{credit}</p></article>"
              "<footer>© Copyright Xiao Ming</footer></body></html>")
    assert read_page(markup).author == "Xiao Ming"


@pytest.mark.parametrize("text, name", [
    ("【台灣醒報記者潘姿羽台北報導】春節期間", "潘姿羽"),
    ("（記者王強台中報導）", "王強"),
    ("记者王强新北市报道", "王强"),
])
def test_a_credit_that_runs_the_name_into_the_place_gives_the_name(text, name):
    assert byline(text)[0] == name


def test_a_press_conference_is_not_a_reporter():
    assert byline("記者會台北報導")[0] is None


def test_the_dateline_credit_is_found_past_a_deck_and_a_bracket_that_is_no_credit():
    assert byline("（中央社記者劉世怡台北11日電）傅姓男子涉嫌")[0] == "劉世怡"
    body = "".join(f"<p>这是正文的第{n}段，讲的是这次手术之后的经过，以及医院和家属各自的说法。</p>" for n in range(3))
    markup = ("<html><head><title>孩子鼻中取出纱布</title></head><body><h1>孩子鼻中取出纱布</h1><div>"
              "<p>做了一次手术，5岁的小杰(化名)就感觉鼻子难受，睡觉打鼾。</p>"
              f"<p>本报讯 (记者刘立春)做了一次手术以后，孩子一直感觉鼻子难受，睡觉总是打鼾。</p>{body}</div></body></html>")
    assert read_page(markup).author == "刘立春"


def test_a_blog_credit_before_the_readers_comments_wins():
    assert byline("正文完。 张三 发表于 2020-02-05 | 固定链接 评论 Posted by: Vincent")[0] == "张三"
    # a pen name in that place is declined, and the commenter is not taken instead
    assert byline("正文完。 云风 提交于 February 5, 2020 | 评论 Posted by: Vincent")[0] is None
    assert byline("标题 2013年11月13日 陈皓 评论 472 条评论")[0] == "陈皓"


def test_the_mark_that_closes_a_post_is_not_a_name():
    assert plausible("全文完") is None
    assert plausible("未完待续") is None


def test_markup_that_marks_the_author_under_the_headline_gives_the_names():
    body = ("<p>过去数十年里，美国的企业老总们将中国视作一棵摇钱树，称赞中国的数亿消费者。</p>"
            "<p>现在，这些高管们在最近访华后带回了更清醒的看法，在中国做生意的公司正面临压力。</p>")

    def page(byline: str, after: str = "") -> str:
        return (f"<html><head><title>跨国企业为何难以离开</title></head><body><h1>跨国企业为何难以离开</h1>"
                f"<div class='byline-row'>{byline}<time>2023年9月11日</time></div>{body}{after}</body></html>")

    assert read_page(page("<address>艾莎</address>")).author == "艾莎"
    assert read_page(page("<address>DAVID E. SANGER</address><address>STEVEN LEE MYERS</address>")).author == \
        "DAVID E. SANGER STEVEN LEE MYERS"
    assert read_page(page("<a class='author-link' href='/ig'>Instagram</a>")).author is None   # no one's name
    assert read_page(page("<address>李和平</address>")).author == "李和平"
    for furniture in ("<span class='author'>Follow Us</span>", "<span class='author'>Staff Reporter</span>",
                      "<div>编辑：<span class='author'>张三</span></div>"):
        assert read_page(page(furniture)).author is None, furniture
    site = page("<span class='author'>示例科技网</span>").replace("</head>", "<meta property='og:site_name' content='示例科技网'></head>")
    assert read_page(site).author is None
    comment = "<div class='comments'><span class='author'>王小明</span><p>写得真好，支持一下。</p></div>"
    assert read_page(page("", comment)).author is None          # a commenter, printed after the body


def test_a_lead_is_not_cut_inside_a_word_that_a_credit_names():
    lead = "摘要：在最新版本中，跨集群故障迁移特性支持优雅迁移，确保迁移过程平滑。作者：Karmada社区。在多云多集群应用场景下，为了提高业务的可用性。"
    markup = ("<html><head><title>跨集群故障迁移特性解析</title></head><body><h1>跨集群故障迁移特性解析</h1>"
              f"<p>{lead}</p><p>用户通常会将同一个应用部署在多个集群中，当某个集群发生故障时，应用能够自动迁移到其他集群。</p></body></html>")
    assert read_page(markup).author is None


def test_a_credit_cut_at_the_leads_limit_is_not_read_as_a_shorter_name():
    lead = "在最新版本中，跨集群故障迁移特性支持优雅迁移，确保迁移过程平滑完成。作者：Karmada社区。在多云多集群应用场景下，为了提高业务的可用性。"
    assert lead.index("Karmada") < 40 < lead.index("社区")          # the lead is read up to 40 characters
    markup = ("<html><head><title>跨集群故障迁移特性解析</title></head><body><h1>跨集群故障迁移特性解析</h1>"
              f"<p>{lead}</p><p>用户通常会将同一个应用部署在多个集群中，当某个集群发生故障时，应用能够自动迁移到其他集群。</p></body></html>")
    assert read_page(markup).author is None


@pytest.mark.parametrize("page_text", [
    "<h1>示例文章标题</h1><div>来源：Bloomberg English</div><div>{body}</div>",            # "Li" inside a word
    "<h1>示例文章标题</h1><div>{body}</div><div class='related'>{related}</div><footer>Made with love by Li Wei</footer>",
])
def test_a_name_in_meta_author_must_stand_whole_under_the_headline_or_as_the_texts_credit(page_text):
    body = "".join(f"<p>这是转载文章的第{n}段，讲的是一件事情的经过和结果，以及各方的看法。</p>" for n in range(4))
    related = "".join(f"<p>其他文章标题第{n}篇的名字比较长一些</p>" for n in range(12))
    markup = ("<html><head><title>示例文章标题</title><meta name='author' content='Li Wei'></head><body>"
              + page_text.format(body=body, related=related) + "</body></html>")
    assert read_page(markup).author is None


def test_a_meta_author_credited_between_the_text_and_its_licence_is_the_byline():
    body = "".join(f"<p>这是博客文章的第{n}段，讲的是一件事情的经过和结果，以及作者对此的看法。</p>" for n in range(5))
    markup = ("<html><head><title>示例文章标题 | 示例博客</title><meta name='author' content='明哥'></head><body>"
              f"<article><h1>示例文章标题</h1><div>发表于 2026-02-26</div><div>{body}</div>"
              "<div class='copyright'><p>文章作者: <a href='/about'>明哥</a></p><p>文章链接: <a href='/p/1'>https://example.com/p/1</a></p>"
              "<p>版权声明: 本博客所有文章除特别声明外，均采用 CC BY-NC-SA 4.0 许可协议。转载请注明来源 示例博客！</p></div>"
              "</article></body></html>")
    assert read_page(markup).author == "明哥"


@pytest.mark.parametrize("footer", ["© 2026 示例博客 · Powered by Hugo & PaperMod", "Proudly powered by Hexo and Theme by Hacker",
                                    "Copyright © Moon 2022. Generated by Hugo", "Rendered by Hugo"])
def test_a_site_generator_or_theme_in_the_footer_is_no_byline(footer):
    body = "".join(f"<p>这是博客文章的第{n}段，讲的是一件事情的经过和结果，以及作者对此的看法。</p>" for n in range(4))
    markup = (f"<html><head><title>示例文章标题</title></head><body><h1>示例文章标题</h1><div>2026-02-26</div>"
              f"<div>{body}</div><p>财务自由 读书 投资</p><footer>{footer}</footer></body></html>")
    assert read_page(markup).author is None
