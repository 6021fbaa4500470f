"""The trim of a page's body: a run that holds the headline started in the page's header,
and a site's disclaimer under the article ends it."""

from __future__ import annotations

from digest.sources.page import read_page
from digest.sources.pagebody import Block, trim

from .conftest import FIXTURES


def test_a_table_layout_page_starts_after_its_headline_and_ends_before_its_disclaimer():
    page = read_page((FIXTURES / "pages" / "table_layout.html").read_text(encoding="utf-8"))
    assert len(page.paragraphs) == 1
    assert page.paragraphs[0].startswith("【示例醒报记者王小明台北报导】春节期间")


def test_a_headline_inside_the_densest_run_cuts_what_comes_before():
    blocks = [Block("p", "订购本报即时新闻：多家门户网站、电子报与电信平台均可订阅，欢迎各界订阅与转载本报新闻。"),
              Block("p", "今日必读"), Block("p", "标题在这里一则"),
              Block("p", "正文的第一句话在这里，讲的是一件事情的经过和结果，以及各方的反应。"),
              Block("p", "正文的第二句话在这里，讲的是专家对这件事情的看法和后续的安排。")]
    found = trim(blocks, "标题在这里一则")
    assert found[0].startswith("正文的第一句话") and len(found) == 2


def test_a_disclaimer_after_the_body_ends_it():
    blocks = [Block("p", "正文的第一句话在这里，讲的是一件事情的经过和结果，以及各方的反应。"),
              Block("p", "正文的第二句话在这里，讲的是专家对这件事情的看法和后续的安排。"),
              Block("p", "某某声明：频道所载文章纯属作者个人观点，仅供投资者参考，并不构成投资建议。")]
    assert len(trim(blocks, None)) == 2


def test_a_short_closing_line_stays_with_the_body():
    blocks = [Block("p", "首页"), Block("p", "新闻"),
              Block("p", "第二届示例产业大会将于下月在本市举行，来自各地的企业代表将参加大会并交流经验。"),
              Block("p", "大会组委会表示，各项筹备工作已经就绪，欢迎社会各界积极参与和支持。"),
              Block("p", "特此通告。"), Block("p", "预祝大会圆满成功！"), Block("p", "返回首页")]
    found = trim(blocks, None)
    assert found[-2:] == ["特此通告。", "预祝大会圆满成功！"] and "返回首页" not in found


def test_hotline_login_hashtag_and_comment_lines_end_the_body():
    body = [Block("p", "正文的第一句话在这里，讲的是一件事情的经过和结果，以及各方的反应。"),
            Block("p", "正文的第二句话在这里，讲的是专家对这件事情的看法和后续的安排。")]
    for tail in ("新闻热线：0533-6123456", "会员登录", "#春运# #回家过年#", "热门评论"):
        assert len(trim(body + [Block("p", tail), Block("p", "网友甲说：这件事说明了很多问题。")], None)) == 2, tail


def test_a_headline_printed_over_several_lines_is_not_part_of_the_body():
    blocks = [Block("p", "寒流来袭暖气开整天"), Block("p", "空气干燥眼睛发红"), Block("p", "门诊患者多了四成"),
              Block("p", "这几天寒流来袭，大家都爱用电暖气，只是眼科患者也因此多了四成。"),
              Block("p", "医师建议，每看三十分钟屏幕就休息五分钟，使用暖气时也要注意湿度。")]
    found = trim(blocks, "寒流来袭暖气开整天 空气干燥眼睛发红 门诊患者多了四成")
    assert found[0].startswith("这几天寒流来袭") and len(found) == 2


def test_a_style_element_written_as_self_closing_is_no_text_of_the_page():
    body = "".join(f"<p>这是正文的第{n}段，讲的是一件事情的经过和结果，以及各方对此的看法和安排。</p>" for n in range(4))
    markup = ("<html><head><title>示例新闻标题</title></head><body><style type='text/css' />"
              "body { MARGIN: 0 0 0 0; }\n#NewsTop { padding: 3px; }</style>"
              f"<h1>示例新闻标题</h1><div>{body}</div></body></html>")
    page = read_page(markup)
    assert page.paragraphs and not any("MARGIN" in p or "padding" in p for p in page.paragraphs)


def test_a_table_cell_holding_the_article_and_a_list_of_links_gives_only_the_article():
    body = "".join(f"<p>这是正文的第{n}段，讲的是春节期间就医的安排，以及各家医院的门诊时段和挂号方式。</p>" for n in range(5))
    sidebar = "".join(f"<li>01-1{n} ◎ <a href='/a/{n}.htm'>推荐文章标题第{n}条 在这里</a></li>" for n in range(8))
    markup = ("<html><head><title>春节就医何处去</title></head><body><table><tr><td>"
              f"<h1>春节就医何处去</h1>{body}<div>推荐文章</div><ul>{sidebar}</ul>"
              "</td></tr></table></body></html>")
    page = read_page(markup)
    assert len(page.paragraphs) == 5 and not any("推荐文章" in p for p in page.paragraphs)


def test_a_caption_in_brackets_with_its_picture_credit_is_dropped():
    blocks = [Block("p", "(车辆已经排起长龙，现场交警正在疏导交通。图/晨报记者 王小五)"),
              Block("p", "正文的第一句话在这里，讲的是一件事情的经过和结果，以及各方的反应。"),
              Block("p", "正文的第二句话在这里，讲的是专家对这件事情的看法和后续的安排。")]
    assert trim(blocks, None)[0].startswith("正文的第一句话")


def test_a_list_of_related_headlines_with_their_dates_ends_the_body():
    blocks = [Block("p", "正文的第一句话在这里，讲的是一件事情的经过和结果，以及各方的反应。"),
              Block("p", "正文的第二句话在这里，讲的是专家对这件事情的看法和后续的安排。"),
              Block("p", "网友继续热议：某某回应包装质疑 2012-01-17"), Block("p", "网友热议：某某回应包装质疑 2012-01-16"),
              Block("p", "某某等九位作家起诉某公司侵权 2012-01-06"), Block("p", "某某仿某某体称：你可以关门吗 2011-12-27")]
    assert len(trim(blocks, None)) == 2


def test_a_caption_ending_with_its_photographer_is_dropped():
    blocks = [Block("p", "正文的第一句话在这里，讲的是一件事情的经过和结果，以及各方的反应。"),
              Block("p", "为了上网推介家乡特产，一块花生地里正录制视频 李小四 摄"),
              Block("p", "正文的第二句话在这里，讲的是专家对这件事情的看法和后续的安排。")]
    assert [t[:5] for t in trim(blocks, None)] == ["正文的第一", "正文的第二"]


def test_a_caption_saying_what_the_picture_shows_and_a_closing_list_heading_are_dropped():
    blocks = [Block("p", "图为马某在悉尼游玩时的近影。"),
              Block("p", "正文的第一句话在这里，讲的是一件事情的经过和结果，以及各方的反应。"),
              Block("p", "正文的第二句话在这里，讲的是专家对这件事情的看法和后续的安排。"),
              Block("p", "精彩视频推荐")]
    assert [t[:5] for t in trim(blocks, None)] == ["正文的第一", "正文的第二"]


def test_a_lead_is_not_taken_for_a_summary_box_because_a_short_subhead_follows():
    blocks = [Block("p", "1月15日中午，一位博主在博客上贴出文章，质疑某作家的成名经过，引发网友热议。"),
              Block("p", "博主"), Block("p", "博主自称从事IT行业，在这篇文章里，他从那位作家成名之初说起，列举了种种疑点。"),
              Block("p", "作家昨天给予回应，写下博文表示自己至今没有经纪人，也从来没有请人代笔。")]
    assert trim(blocks, None)[0].startswith("1月15日中午")


def test_a_caption_next_to_the_body_is_not_put_back_as_a_lost_lead():
    body = "".join(f"<p>这是正文的第{n}段，讲的是这次捐献的经过，以及医院和家属各自的安排和打算，"
                   "还有医生对病人恢复情况的介绍。</p>" for n in range(8))
    markup = ("<html><head><title>史上最快捐献</title></head><body><h1>史上最快捐献</h1>"
              f"<div>圖為：捐献者段某捐献骨髓后，一家人其乐融融。<br>{body}</div></body></html>")
    assert read_page(markup).paragraphs[0].startswith("这是正文的第0段")


def test_a_row_of_buttons_before_a_copyright_notice_is_not_the_body_s_end():
    article = [Block("p", "满记甜品此次被检出的不合格产品为芒果布丁，质监部门已责令其整改。" * 3),
               Block("p", "满记甜品上海公司的相关负责人昨天说，上海门店已全面停售问题产品。" * 3)]
    buttons = [Block("item", "写进博客"), Block("item", "提问作者"), Block("item", "新闻首页")]
    notice = [Block("p", "本文版权归示例网所有，任何媒体、网站或个人未经本网协议授权不得转载、链接、转帖或以其他方式复制发布/发表。")]
    assert trim(article + buttons + notice, None) == [b.text for b in article]


def test_a_more_news_heading_and_headlines_dated_to_the_second_end_the_body():
    article = [Block("p", "福州一家醫院播放看病就送火車票的廣告，當日該報道被多家網站轉載並引發熱議。"),
               Block("p", "醫院負責人在短信中說，醫院搞促銷是有點欠妥，但醫院不是福利單位。")]
    more = [Block("p", "更多新聞"), Block("p", "中國銀聯稱網購火車票無需網銀 2012-01-12 02:59:41"),
            Block("p", "火車票搶票工具在網路上熱銷 2012-01-11 06:17:42")]
    assert trim(article + more, None) == [b.text for b in article]


def test_a_labelled_caption_and_a_link_to_the_video_are_not_body():
    article = [Block("p", "衛生署國民健康局推廣母嬰親善醫療院所認證，並在今天表揚通過認證的前十名醫療院所。"),
               Block("p", "國民健康局局長表示，已有158家醫療院所通過認證，成效顯著，診所數首次超過醫院數。")]
    extra = [Block("p", "圖說：第一名得主診所院長夫婦。"), Block("p", "完整影音 http://www.example.com/show.php?itemid=1")]
    assert trim(article + extra, None) == [b.text for b in article]


def test_a_call_to_follow_the_site_on_a_social_network_ends_the_body():
    article = [Block("p", "警方今日暫控一名三十八歲男子一項謀殺罪，他將於明日在裁判法院提堂。"),
               Block("p", "該名男子於上周六被拘捕，他涉嫌與其父親在住所內死亡的案件有關。")]
    promo = [Block("p", "示例新聞現已開設Facebook專頁，讓你即時掌握本地新聞，快點到Facebook Like我們的專頁！")]
    assert trim(article + promo, None) == [b.text for b in article]


def test_a_sentence_about_someone_s_social_page_stays_in_the_body():
    article = [Block("p", "警方今日暫控一名三十八歲男子一項謀殺罪，他將於明日在裁判法院提堂。"),
               Block("p", "死者家屬在臉書專頁發文，感謝各界關心。"),
               Block("p", "死者的女兒在微博上發文說：「希望社會各界繼續關注我們一家。」"),
               Block("p", "他在Facebook上寫道，歡迎大家加入我們的志願者團隊。"),
               Block("p", "該名男子於上周六被拘捕，他涉嫌與其父親在住所內死亡的案件有關。")]
    assert trim(article, None) == [b.text for b in article]


def test_a_teaser_cut_off_with_three_dots_ends_the_body_at_its_last_full_sentence():
    teaser = ("国家发改委昨天下发通知，要求落实价格调控政策，稳定发电用煤价格，合同电煤价格涨幅控制在5%以内。"
              "通知称，煤炭是重要的基础能源，煤价大幅上涨对发电企业影响较大，"
              "各有关方面要进一步提高对电煤价格调控重要性的认识。其中...")
    blocks = [Block("p", teaser), Block("p", "[点击进入浏览]"),
              Block("p", "初步测算，一季度国内生产总值107995亿元，按可比价格计算，同比增长8.1%。")]
    assert trim(blocks, None) == [teaser[:-len("其中...")]]


def test_a_paragraph_trailing_off_with_dots_before_more_of_the_article_stays_whole():
    first = "他在电话里沉默了很久，最后只说了一句话，然后挂断了电话。记者再打过去，已经无人接听。我不知道..."
    rest = [Block("p", "第二天，记者来到他的住处，邻居说他一早就出门了，去了哪里没有人知道。" * 3),
            Block("p", "警方表示，目前已经立案调查，将尽快查明事情的经过，并依法处理相关责任人。" * 3)]
    assert trim([Block("p", first * 2)] + rest, None)[0] == first * 2


POINTS = ["协议主体：甲公司与乙市政府签署《战略合作协议》，双方将在新能源领域开展长期合作。",
          "项目规划：拟在乙市建设电池研发及产业化基地，聚焦交通电动化和电池循环利用。",
          "财务影响：协议预计对当期财务状况无重大影响，但有助于完善产业链布局。"]


def test_an_article_written_as_a_list_of_points_keeps_its_points():
    blocks = [Block("p", "甲公司签署电池研发基地合作协议"), *(Block("item", p) for p in POINTS),
              Block("p", "（注：全文基于公告原文。）"), Block("p", "风险提示及免责条款"),
              Block("p", "市场有风险，投资需谨慎。本文不构成个人投资建议。")]
    assert trim(blocks, "甲公司签署电池研发基地合作协议") == [*POINTS, "（注：全文基于公告原文。）"]


def test_list_items_are_not_the_body_when_the_page_has_its_prose_in_paragraphs():
    story = ["正文的第一句话在这里，讲的是一件事情的经过和结果，以及各方的反应。",
             "正文的第二句话在这里，讲的是专家对这件事情的看法和后续的安排。"]
    blocks = [*(Block("p", p) for p in story), Block("p", "其他"),
              *(Block("item", p) for p in POINTS[:1])]
    assert trim(blocks, None) == story


def test_a_code_listing_split_into_lines_does_not_cut_the_body():
    code = [Block("code", line) for line in ("int main() {", "int n, m;", "cin >> n >> m;", "return 0;", "}")] * 8
    lead = "先用Kruskal构造出最大生成树，再在树上跑SPFA，过掉60%的数据。"
    tail = "dep数组表示节点的深度，swim函数是将两节点调到同一深度，并记录经过路径的最小权值。"
    found = trim([Block("p", lead), *code, Block("p", tail)], None)
    assert found[0] == lead and found[-1] == tail


def test_teasers_holding_a_linked_headline_are_not_an_article_written_as_a_list():
    from digest.sources.pagebody import Links

    story = ["正文的第一句话在这里，讲的是一件事情的经过和结果，以及各方的反应。"]
    teasers = [f"示例财经·第{n}则新闻的标题在这里 这是那则新闻的第一句话，讲了一些事情。" for n in range(4)]
    links = Links(frozenset(f"第{n}则新闻的标题在这里" for n in range(4)), (10,))
    blocks = [*(Block("item", t) for t in teasers), *(Block("p", p) for p in story)]
    assert trim(blocks, None, links) == story
