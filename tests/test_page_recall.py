"""Recall at the edges of a page's body, and a body trafilatura misses altogether."""

from __future__ import annotations

import lxml.html

from digest.sources.page import read_page
from digest.sources.pagebody import link_texts
from digest.sources.pageblocks import text_blocks
from digest.sources.pageedge import recover

from .conftest import FIXTURES

PAGES = FIXTURES / "pages"


def page(name: str):
    return read_page((PAGES / name).read_text(encoding="utf-8"))


def test_a_lead_that_is_loose_text_before_the_first_paragraph_is_kept():
    found = page("loose_lead.html")
    assert found.paragraphs[0].startswith("一名三十多岁的男子在外打工多年")
    assert found.paragraphs[-1].endswith("最后就决定为村民捐建房子。")
    assert len(found.paragraphs) == 5
    assert not any("图片" in p or "相关新闻" in p for p in found.paragraphs)


def test_loose_text_is_a_block_of_its_own_with_its_container():
    root = lxml.html.fromstring("<div id='a'>开头的一句话。<p>第一段。</p>中间的话。<p>第二段。</p></div>")
    blocks = text_blocks(root)
    assert [b.text for b in blocks] == ["开头的一句话。", "第一段。", "中间的话。", "第二段。"]
    assert blocks[0].holder is root and blocks[1].holder.tag == "p"


ARTICLE = """<html><body><div class="nav"><a href="/">首页</a> <a href="/n">新闻</a></div>
<div id="main"><h1>交易所错发行情数据 多家软件报价异常</h1><div class="info">2024年05月13日 示例财经</div>
<div id="content"><p>今天由于交易所发错了静态数据，导致多家公司的行情软件出现异常，现已修复。</p>
<p>上午部分股票报价出现异常，行情软件显示八只股票涨幅超过涨停幅度，其后已恢复。</p>
<p>有证券业人士表示事件并无大碍，只是数字不对。</p>
<p>据悉，静态数据由交易所旗下信息公司提供，两者均未就该问题作出正面回应。</p></div>
<p>示例声明：频道所载文章仅供投资者参考，并不构成投资建议。</p></div>
<div class="comments"><p>网友甲：这件事说明了什么呢？值得深思。</p></div></body></html>"""


def test_the_run_after_the_headline_replaces_a_body_that_shares_nothing_with_it():
    root = lxml.html.fromstring(ARTICLE)
    wrong = ["示例声明：频道所载文章仅供投资者参考，并不构成投资建议。"]
    found = recover(root, wrong, "交易所错发行情数据 多家软件报价异常", link_texts(root))
    assert found[0].startswith("今天由于交易所发错了静态数据")
    assert found[-1].startswith("据悉，静态数据") and len(found) == 4   # not the comment


def test_a_body_that_holds_the_article_is_left_alone():
    root = lxml.html.fromstring(ARTICLE)
    right = ["今天由于交易所发错了静态数据，导致多家公司的行情软件出现异常，现已修复。",
             "上午部分股票报价出现异常，行情软件显示八只股票涨幅超过涨停幅度，其后已恢复。",
             "有证券业人士表示事件并无大碍，只是数字不对。",
             "据悉，静态数据由交易所旗下信息公司提供，两者均未就该问题作出正面回应。"]
    assert recover(root, right, "交易所错发行情数据 多家软件报价异常", link_texts(root)) == right


PARAGRAPHS = "".join(f"<p>第{i}段：程序员的能力与年龄有关吗？论文给出的数据说明，技术能力可以一直上升到很晚。</p>"
                     for i in range(5))


def test_a_lead_in_ending_in_a_colon_and_a_short_closing_remark_are_kept():
    markup = ("<html><head><title>新版本上线</title></head><body><h1>新版本上线</h1><div>"
              "<p>发布会的最后，他转过身，慢慢离开舞台，屏幕下方只留下一句话：</p><p>我就是认真。</p>"
              + PARAGRAPHS + "<p>更多新功能，依然需要大家慢慢挖掘 XD</p></div>"
              "<div><a href='/a'>首页</a> <a href='/b'>关于我们</a></div></body></html>")
    paragraphs = read_page(markup).paragraphs
    assert paragraphs[0].endswith("只留下一句话：")
    assert paragraphs[-1] == "更多新功能，依然需要大家慢慢挖掘 XD"


def test_a_last_section_of_long_points_after_a_contents_link_heading_is_kept():
    point = "这是我的一点感受，国内的公司太追求当前利益，技术的沉淀需要时间，也需要耐心和坚持，" * 3 + "所以要坚持。"
    markup = ("<html><head><title>编程能力与年龄</title></head><body><h1>编程能力与年龄</h1>"
              "<ul><li><a href='#s1'>我的感受</a></li></ul><div>" + PARAGRAPHS +
              "<h2 id='s1'>我的感受</h2><p>最后，说说感受：</p><ul>"
              + "".join(f"<li>{i}{point}</li>" for i in range(3)) + "</ul><p>（全文完）</p></div></body></html>")
    paragraphs = read_page(markup).paragraphs
    assert paragraphs[-1].startswith("2这是我的一点感受")


# ---------------------------------------------------------------- agreement with readability

from digest.sources.pageagree import agreed_edges, readability_text  # noqa: E402
from digest.sources.pageblocks import Block  # noqa: E402
from digest.sources.pagebody import Links, fold_key  # noqa: E402

BODY = ["公司今天公布了第三季度业绩，营收同比增长三成。", "分析人士认为，增长主要来自海外市场。"]
LEAD = "老罗的发布会很多人都看了，发布会的最后，屏幕下方只留下一句话："
CLOSING = "更多新功能，依然需要大家在今后的使用中慢慢挖掘 XD"


def blocks(*texts: str, kind: str = "p") -> list[Block]:
    return [Block(kind, t) for t in texts]


def test_edge_paragraphs_both_bodies_hold_are_put_back_in_order():
    found = agreed_edges(blocks("首页 新闻", LEAD, *BODY, CLOSING, "相关新闻"), BODY, None, Links(),
                         lambda: fold_key(LEAD + "".join(BODY) + CLOSING))
    assert found == [LEAD, *BODY, CLOSING]


def test_what_readability_leaves_out_is_not_put_back():
    found = agreed_edges(blocks(LEAD, *BODY, CLOSING), BODY, None, Links(), lambda: fold_key("".join(BODY) + CLOSING))
    assert found == [*BODY, CLOSING]


def test_credits_fields_dates_disclaimers_and_social_calls_stay_out_even_when_both_keep_them():
    debris = ["記者陳木隆／宜蘭報導", "發表時間：2012-01-12 11:40", "[來源：Cult of Mac]", "(2012-01-17 20:00) 晚間新聞",
              "腾讯声明：频道所载文章纯属作者个人观点，仅供投资者参考，并不构成投资建议。",
              "快點到Facebook Like我們的專頁，與朋友分享！", "责任编辑：张三，欢迎读者来信指正。"]
    for line in debris:
        found = agreed_edges(blocks(*BODY, line), BODY, None, Links(), lambda: fold_key("".join(BODY) + line))
        assert found == BODY, line


def test_a_related_reading_line_is_passed_over_and_a_point_heading_goes_back_with_its_point():
    point = "对你的行为和言辞负责，也是一种善意的修养。许多人误以为道歉就是提出弥补措施。"
    page = blocks(*BODY, "推荐阅读：拒绝不代表否定对方，用感谢与道歉的组合让人超窝心！", "5.练习「好好道歉」", point, "执行编辑：Hovis")
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731 - both libraries keep all of it
    assert agreed_edges(page, BODY, None, Links(), both) == [*BODY, "5.练习「好好道歉」", point]
    for heading in ("5、练习好好道歉", "五、结语"):
        page = blocks(*BODY, heading, point)
        assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page))) == [*BODY, heading, point]
        # a point's heading readability leaves out is passed over, its point still put back
        assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(BODY) + point)) == [*BODY, point]
    # a heading with no number, a figure that opens a sentence, or a note ends the walk as before
    for line in ("风险提示及免责条款", "3.5倍市盈率意味着什么", "（注：全文严格基于公告原文，无主观推断。）"):
        page = blocks(*BODY, line, point)
        assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY, line


def test_closing_points_that_are_one_sentence_each_are_put_back():
    # a procedure's last steps, each a whole sentence with its full stop but no comma inside
    points = ["密钥扩展功能的第一个参数是上一步产生的助记词。", "扩展函数使用两千多轮哈希来扩展助记词和盐参数。"]
    page = blocks(*BODY, *points, kind="p")
    assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page))) == [*BODY, *points]
    # a related headline (no full stop) still ends the walk
    page = blocks(*BODY, "沪上24家门店已全面停售问题产品", *points)
    assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY


def test_a_closing_run_of_four_paragraphs_both_keep_is_put_back_whole():
    # a commentary's last paragraphs, written with ASCII punctuation, outside the densest run
    closing = ["软件股已经跌到去年的低点,这不是偶然.护城河正在被新工具拆掉.", "至于失业潮,最可怕的不是工作被抢走,而是我们没准备好.",
               "华尔街被一篇文章吓崩了,不是因为胆小,而是因为他们知道未来已经在发生.", "你说呢?这是危言耸听,还是我们都在假装看不见房间里的大象?"]
    page = blocks(*BODY, *closing, "相关新闻")
    assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(BODY + closing))) == [*BODY, *closing]


def test_a_lead_broken_into_lines_and_an_explanation_after_its_label_are_put_back():
    # a post that breaks its sentences into lines: the walk counts characters, not only blocks
    lines = ["這幾年通膨真的有感，物價上漲的速度比薪資成長的速度還高，投資成為必須，",
             "為了讓資產至少能夠跟上物價上漲的速度，存股也是熱門的小資投資方式，",
             "存股的概念是：把股票當作存錢一樣，持續累積，期待收益率能夠超越通膨，",
             "我自己除了把錢分配進房地產外也認為股票投資必不可少，因此也定期存ETF，",
             "在大陸四年的經驗讓我對於陸股也較為熟悉，因此也將陸股放入投資的考量，",
             "而我的做法是陸股和美股都會分配資金做存股，整體的投資組合表現更平穩，"]
    page = blocks(*lines, *BODY)
    assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(lines + BODY))) == [*lines, *BODY]


def test_the_headline_and_a_paragraph_already_in_the_body_end_the_widening():
    title = "公司第三季度营收增长三成，海外市场贡献最大"
    found = agreed_edges(blocks(title, *BODY), BODY, title, Links(), lambda: fold_key(title + "".join(BODY)))
    assert found == BODY


def test_readability_is_asked_only_when_a_block_could_be_put_back():
    asked = []

    def other() -> str:
        asked.append(1)
        return ""
    assert agreed_edges(blocks("首页", *BODY, "相关新闻"), BODY, None, Links(), other) == BODY
    assert asked == []


def test_readability_reads_a_real_page_tree_without_changing_it():
    root = lxml.html.fromstring(ARTICLE)
    before = lxml.html.tostring(root)
    text = readability_text(root)
    assert fold_key("今天由于交易所发错了静态数据") in text and lxml.html.tostring(root) == before
    assert readability_text(lxml.html.fromstring("<html><body></body></html>")) == ""


CLOSING_LINE = "最后还要感谢所有参与测试的朋友们，你们的反馈让这个版本变得更好，我们会继续努力改进体验 XD"
APP = ["公司今天发布了新版本的应用程序，带来了多项新功能和性能改进，用户可以在应用商店免费更新。",
       "新版本最大的变化是加入了离线阅读功能，用户保存的文章可以在没有网络的时候继续阅读。",
       "此外，新版本还优化了启动速度，在大多数手机上打开应用的时间缩短了一半以上。"]


def app_page(last: str) -> str:
    return ("<html><head><title>示例应用发布新版本 - 示例科技网</title></head><body><div class='nav'><a href='/'>首页</a> "
            "<a href='/a'>科技</a></div><div id='main'><h1>示例应用发布新版本</h1><div class='content'>"
            + "".join(f"<p>{p}</p>" for p in APP) + f"<p>{last}</p></div></div>"
            "<div class='links'><a href='/x'>相关新闻一则示例标题</a></div></body></html>")


def test_a_closing_line_both_libraries_keep_is_read_with_the_page():
    # The trim drops a last line with no full stop; readability's body and trafilatura's hold it.
    assert read_page(app_page(CLOSING_LINE)).paragraphs == (*APP, CLOSING_LINE)


def test_a_call_to_follow_the_site_both_libraries_keep_is_not_read_with_the_page():
    call = "香港新浪科技正式登陸Facebook專頁，快點到Facebook Like我們的專頁，與朋友分享最新消息"
    assert read_page(app_page(call)).paragraphs == tuple(APP)


def test_a_line_that_is_only_a_date_is_never_the_rest_of_a_wrapped_sentence():
    from digest.sources.pageblocks import lines_of

    text = "DAVID E. SANGER, STEVEN LEE MYERS\n2023年9月11日\n过去数十年里，美国的企业老总们将中国视作一棵摇钱树。"
    assert lines_of(text) == ["DAVID E. SANGER, STEVEN LEE MYERS", "2023年9月11日",
                              "过去数十年里，美国的企业老总们将中国视作一棵摇钱树。"]
    # a sentence wrapped before a date that it goes on after is still one line
    for date_line in ("2023年9月11日 星期一", "2023-09-11 10:30 来源：纽约时报"):
        assert lines_of(text.replace("2023年9月11日", date_line))[1] == date_line
    assert lines_of("公司董事会在今天上午举行的例行会议上正式决定于\n2023年9月11日发布第三季度业绩。") == [
        "公司董事会在今天上午举行的例行会议上正式决定于2023年9月11日发布第三季度业绩。"]


def test_a_caption_that_ends_in_its_pictures_credit_is_not_the_lead():
    caption = "電影節今日開幕，導演與主演等受邀出席。圖：某市政府提供"
    body = ["電影節今日在藝術文化中心開幕，多部影片的導演與劇組受邀出席，並為市民帶來祝福。",
            "市長感謝劇組的到來，表示電影節經過多年的推動，已成為亞洲重要的短片競賽之一。",
            "電影節從即日起到下月九日舉行，閉幕片的女主角今天也代表劇組出席了開幕活動。"]
    markup = ("<html><head><title>電影節開幕 劇組為市民祈福</title></head><body><h1>電影節開幕 劇組為市民祈福</h1>"
              f"<p>{caption}</p>" + "".join(f"<p>{p}</p>" for p in body) + "</body></html>")
    assert read_page(markup).paragraphs[0] == body[0]


def test_a_sentence_that_names_a_privacy_statement_does_not_end_the_article():
    paragraphs = ["据安全机构监测，今年上半年共发现九款借贷软件在用户不知情时拍照并上传，涉及用户数十万人。",
                  "用户登录成功后必须先完成多重认证才能借款，这类软件借机收集用户短信、通话记录与安装软件列表。",
                  "在这一环节，隐私收集与明文上传同样让用户无任何感知，且在首页、认证页与个人页都看不到隐私声明，环环相扣，不留痕迹，其用心不言而喻。",
                  "一位用户说：“我在注册时从没见过隐私政策，也不知道自己的通讯录被上传，直到催收公司的电话一个接一个地打到了我的同事和家人那里。”",
                  "安全厂商应结合新技术完善检测机制，尽快发现存在隐私不规范采集行为的应用，并协助有关部门共同控制问题应用传播。"]
    footer = "示例公司 经营许可证 : 沪ICP备12009211号 未经许可，不得转载，免责声明：本站竭力确保其提供之数据准确可靠。"
    markup = ("<html><head><title>借贷软件偷拍用户调查</title></head><body><h1>借贷软件偷拍用户调查</h1>"
              + "".join(f"<p>{p}</p>" for p in paragraphs) + f"<p>{footer}</p></body></html>")
    assert list(read_page(markup).paragraphs) == paragraphs


def test_a_short_line_ending_in_a_comma_goes_on_in_the_next():
    from digest.sources.pageblocks import lines_of
    assert lines_of("今日早晨，\n和朋友在车站出口集合。\n小标题\n正文的一句话。") == [
        "今日早晨，和朋友在车站出口集合。", "小标题", "正文的一句话。"]


def test_four_long_closing_paragraphs_both_keep_are_all_put_back():
    closing = [f"第{n}段收尾，" + "这是一段很长的结尾文字，讲述了事件的后续发展和各方的反应，以及专家对未来走势的判断。" * 5
               for n in "一二三四"]
    page = blocks(*BODY, *closing, "相关新闻")
    assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(BODY + closing))) == [*BODY, *closing]


def test_the_body_ends_where_its_last_line_first_stands_though_the_line_comes_back():
    from digest.sources.pageedge import edge_positions

    paragraphs = ["接下来我们看一个最简单的请求示例，先导入库再发出请求。", "r = requests.get(url)", "print r.text"]
    texts = ["首页 博客 关于", *paragraphs, "运行结果如下，可以看到返回的类型和状态码。", "r = requests.post(url)",
             "print r.text", "练习才是王道，大家尽快投注于实践中吧。"]
    assert edge_positions([fold_key(t) for t in texts], paragraphs) == (1, 3)
    # A body whose own last line comes twice ends at its second showing.
    twice = [*paragraphs[:2], "print r.text", "r = requests.post(url)", "print r.text"]
    assert edge_positions([fold_key(t) for t in texts[:1] + twice + texts[4:]], twice) == (1, 5)


def test_a_last_line_that_repeats_a_word_counts_once():
    from digest.sources.pageedge import edge_positions

    paragraphs = ["这是一篇博客文章的开头，作者讲了一件开心的事情。", "哈" * 24]
    texts = ["首页", *paragraphs, "哈" * 24 + "（读者评论）", "页脚"]
    assert edge_positions([fold_key(t) for t in texts], paragraphs) == (1, 2)


def test_a_short_sub_heading_before_the_texts_last_section_is_passed_over_at_the_end():
    last = ["根据官网披露，开源的模型有以下几个特点，", "在大量文本数据上训练的基础模型，没有针对任何特定任务进行微调。"]
    page = [*blocks(*BODY), Block("head", "一些细节"), *blocks(*last)]
    assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(BODY + last))) == [*BODY, *last]
    # where readability holds the sub-heading too, it goes back with its section
    assert agreed_edges(page, BODY, None, Links(),
                        lambda: fold_key("".join(b.text for b in page))) == [*BODY, "一些细节", *last]
    # a heading that opens what follows the text (references, a disclaimer, the author) ends the walk
    for heading in ("参考资料", "风险提示", "作者简介", "猜你喜欢", "大家都在看", "Related Posts", "最新资讯", "热门阅读",
                    "Recent Posts", "Related Stories", "Leave a Comment", "3 Comments", "Share this article",
                    "You may also like...", "Recommended for you"):
        page = [*blocks(*BODY), Block("head", heading), *blocks(*last)]
        assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY, heading


def test_a_closing_section_under_an_ordinary_sub_heading_is_put_back():
    last = ["根据官网披露，开源的模型有以下几个特点，", "在大量文本数据上训练的基础模型，没有针对任何特定任务进行微调。"]
    for heading in ("最新进展", "下一步计划", "网友热议", "精选案例", "Conclusion", "DeepSeek R1", "最新消息", "Market share",
                    "Notes on valuation", "Commentary", "Share buybacks", "Related parties", "Recommended Actions"):
        page = [*blocks(*BODY), Block("head", heading), *blocks(*last)]
        assert agreed_edges(page, BODY, None, Links(),
                            lambda: fold_key("".join(b.text for b in page))) == [*BODY, heading, *last], heading


def test_a_last_heading_and_its_points_to_the_end_of_both_bodies_go_back():
    # a closing section of short points under its heading, the last blocks both libraries keep
    # (the last one reads as a sentence: a line of clauses with no end is a related headline's shape)
    points = ["第一步：剔除业绩下滑的公司；", "第二步：建立自选股；", "第三步：从行业龙头企业开始筛选，再看估值。"]
    page = [*blocks(*BODY), Block("head", "选股步骤"), *blocks(*points, kind="item")]
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, BODY, None, Links(), both) == [*BODY, "选股步骤", *points]
    # what follows the last point with a clause mark in it is a label or a caption, not text
    for tail in ("图片来源", "全文完", "2024年股票交易汇总"):
        page = [*blocks(*BODY), Block("head", "选股步骤"), *blocks(*points, kind="item"), Block("head", tail)]
        assert agreed_edges(page, BODY, None, Links(),
                            lambda: fold_key("".join(b.text for b in page))) == [*BODY, "选股步骤", *points], tail
    # short lines with no clause mark at all, alone after the body, stay out
    page = [*blocks(*BODY), Block("head", "附图一"), Block("head", "数据来源")]
    assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY


def test_headings_before_the_body_go_back_with_the_lead_above_them():
    lead = ["有财富自由吗？我个人认为是没有。", "投资可以赚大钱吗？运气而已。"]
    page = [Block("head", "先说结论"), *blocks(*lead), Block("head", "一些故事"), Block("head", "大盘"), *blocks(*BODY)]
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    # the first heading, above everything both keep, is a label with nothing of its own before it
    assert agreed_edges(page, BODY, None, Links(), both) == [*lead, "一些故事", "大盘", *BODY]


def test_a_short_block_stops_the_walk_only_as_a_whole_paragraph_of_the_body():
    # "大盘" stands inside the body's text, but is not one of its paragraphs
    body = ["大盘今天高开低走，成交量比昨天少了一成。", "分析人士认为，资金仍在观望。"]
    lead = "今天的行情可以用一句话概括，先涨后跌。"
    page = [*blocks(lead), Block("head", "大盘"), *blocks(*body)]
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, body, None, Links(), both) == [lead, "大盘", *body]
    page = [*blocks(lead), *blocks(body[1]), *blocks(*body)]            # a paragraph of the body itself
    assert agreed_edges(page, body, None, Links(), both) == body


def test_held_lines_go_back_only_with_a_paragraph_taken_beyond_them():
    point = "对你的行为和言辞负责，也是一种善意的修养。许多人误以为道歉就是提出弥补措施。"
    # the walk stops at a related headline: the sub-heading before it is not put back
    page = [*blocks(*BODY), Block("head", "写在最后"), *blocks("沪上24家门店已全面停售问题产品"), *blocks(point)]
    assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY
    # nor a long run of short lines (a sidebar's list) before a paragraph both keep
    lines = [f"第{n}名：某某股份；" for n in range(1, 11)]
    page = [*blocks(*BODY), *blocks(*lines, kind="item"), *blocks(point)]
    assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY


def test_a_body_that_opens_or_ends_with_a_short_line_is_still_widened():
    # the body's first paragraph is a sub-heading too short to be told apart among the blocks
    closing = "已持有债券的投资者：若市场利率上升，固定利息会显得过低，导致其市场价格下跌。"
    body = ["定义", *BODY]
    page = blocks("债券", "定义", *BODY, closing)
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, body, None, Links(), both) == [*body, closing]
    # and one that ends with a short line: the lead before it still goes back
    body = [*BODY, "小结"]
    page = blocks(LEAD, *BODY, "小结")
    assert agreed_edges(page, body, None, Links(), lambda: fold_key("".join(b.text for b in page))) == [LEAD, *body]


def test_a_lead_that_names_the_headline_in_a_sentence_goes_back_but_the_headline_does_not():
    title = "关于做好2019年高职扩招专项招生考试工作的通知"
    lead = f"从教育厅了解到，{title}公布了，现将具体事项公布如下："
    page = blocks(title, lead, *BODY)
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, BODY, title, Links(), both) == [lead, *BODY]
    # the headline with a few words glued on (a site's name, a date) still ends the walk
    page = blocks(f"{title}_示例教育网 2019-09-25", *BODY)
    assert agreed_edges(page, BODY, title, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY


def test_a_lead_in_ending_in_a_colon_at_the_very_start_of_both_bodies_goes_back():
    page = blocks("这篇文章想回答三个问题：", *BODY)
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, BODY, None, Links(), both) == ["这篇文章想回答三个问题：", *BODY]
    # at the very end, a line ending in a colon introduces nothing that is there
    page = blocks(*BODY, "下一步的计划如下：")
    assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY


def test_related_headlines_neighbours_and_labels_at_the_edges_stay_out_though_both_keep_them():
    related = ["A股三大指数高开，券商股领涨", "港股恒指收涨1%，科技股走强"]
    for page in ([*blocks(*BODY), Block("head", "热点新闻"), *blocks(*related, kind="item")],
                 [*blocks(*BODY), *blocks(*related, kind="item")],
                 blocks(*BODY, "下一篇：国家统计局：3月CPI同比上涨0.3%，PPI同比下降2.8%，降幅收窄"),
                 blocks("当前位置：", *BODY)):
        assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY


def test_a_line_opening_with_the_headline_and_its_fields_ends_the_walk():
    title = "央行宣布降准0.5个百分点，释放长期资金约1万亿元"
    page = blocks(f"{title} 2024-03-05 10:20 来源：某某网 作者：李明，阅读1234", *BODY)
    assert agreed_edges(page, BODY, title, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY


def test_held_lines_count_toward_the_most_blocks_put_back():
    lines = [f"公司在第{n}个方面做了安排，目前进展顺利。" for n in range(1, 12)]
    heads = [Block("head", f"第{n}节") for n in range(1, 8)]
    page = [*blocks(*BODY), *blocks(*lines), *heads, *blocks("最后一段话说明了全部安排的来龙去脉，供大家参考。")]
    found = agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page)))
    assert len(found) - len(BODY) <= 12


def test_a_closing_lead_in_brings_the_points_it_introduces():
    points = ["加大信贷投放，支持小微企业", "降低融资成本，减轻企业负担", "优化审批流程，提高服务效率"]
    page = [*blocks(*BODY), *blocks("具体措施包括：", *points, kind="item")]
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, BODY, None, Links(), both) == [*BODY, "具体措施包括：", *points]


def test_an_ordinary_sub_heading_that_names_an_ending_word_does_not_end_the_walk():
    last = ["广告收入同比下降两成，公司表示将调整业务结构，加大内容投入。"]
    page = [*blocks(*BODY), Block("head", "广告业务承压"), *blocks(*last)]
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, BODY, None, Links(), both) == [*BODY, "广告业务承压", *last]


def test_a_lost_lead_that_opens_with_the_headline_goes_back():
    title = "李强主持召开国务院常务会议"
    lead = f"{title}，研究部署进一步做好稳就业工作，讨论通过有关法律草案。"
    page = blocks(title, lead, *BODY)
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, BODY, title, Links(), both) == [lead, *BODY]


def test_lines_held_to_the_end_of_both_bodies_count_toward_the_cap():
    body = [f"公司在第{n}个方面做了安排，目前进展顺利。" for n in range(1, 4)]
    more = [f"第{n}方面的工作也在推进之中，效果良好。" for n in range(4, 14)]
    points = [f"第{n}点：细节安排见附件；" for n in range(1, 6)]
    page = blocks(*body, *more, *points)
    found = agreed_edges(page, body, None, Links(), lambda: fold_key("".join(b.text for b in page)))
    assert len(found) - len(body) <= 12


def test_a_sentence_that_names_a_furniture_word_goes_back_with_the_text_beyond_it():
    named = "小程序可以通过二维码和搜索进入，当然，诱导分享仍然会被强力管控。"
    closing = "同时打开页面最多五个，不适合做太深层级页面的交互，这一点开发者需要留意。"
    page = blocks(*BODY, named, closing)
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, BODY, None, Links(), both) == [*BODY, named, closing]
    # at the very end of both bodies it is the page's call, and a reprint notice never goes back
    for page in (blocks(*BODY, named), blocks(*BODY, "本文转载自某某周刊，版权归原作者所有，未经许可不得转载。", closing),
                 blocks(*BODY, "详情请扫描二维码关注公众号，联系作者，更有机会领取精美礼物。")):
        assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY


def test_points_that_go_on_from_a_point_in_the_body_go_back_at_the_end_of_both_bodies():
    body = [*BODY, "九、确定买入或卖出的价格，并且严格执行。"]
    points = ["十、获利的时机", "十一、累计盈余", "十二、不要为了分红买进"]
    page = blocks(*body, *points)
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, body, None, Links(), both) == [*body, *points]
    # short lines after a body that ends in no point are still left out
    page = blocks(*BODY, *points)
    assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY


def test_a_lead_in_far_above_the_body_does_not_bring_the_lines_under_it():
    page = [*blocks("以下为赞助内容："), *blocks("注册开户立享优惠", "每笔手续费均可免去两成", kind="item"), *blocks(*BODY)]
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, BODY, None, Links(), both) == BODY


def test_lines_held_between_the_headline_and_the_body_go_back_as_at_the_very_start():
    title = "关于开展2020学年第一学期教育科研培训活动的通知"
    page = blocks(title, "区属中小学、幼儿园：", *BODY)
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, BODY, title, Links(), both) == ["区属中小学、幼儿园：", *BODY]
    # a sub-heading there with no sentence of its own stays out
    page = [*blocks(title), Block("head", "教育科研培训"), *blocks(*BODY)]
    assert agreed_edges(page, BODY, title, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY


def test_a_furniture_sentence_said_to_the_reader_does_not_go_back_with_the_line_after_it():
    thanks = "感谢每一位读者的支持，我们会继续为大家带来更多优质的原创内容。"
    for call in ("如果您觉得本文对您有帮助，欢迎扫描下方二维码打赏作者，您的支持是我们最大的动力。",
                 "本网站使用cookie来改善浏览体验，继续浏览即表示同意我们使用cookie。"):
        page = blocks(*BODY, call, thanks)
        assert agreed_edges(page, BODY, None, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY, call


def test_a_row_of_fields_under_the_headline_stays_out_and_a_salutation_over_a_lead_in_goes_back():
    title = "示例区召开暑期学生安全工作部署会"
    for row in ("来源：示例区教育局　作者：王小明、李华　发布时间：2024-07-01 16:30:00　浏览次数：1024",
                "文/图：示例区教育局融媒体中心 王小明、李华、张伟，审核：示例区教育局办公室 赵强"):
        page = blocks(title, row, *BODY)
        assert agreed_edges(page, BODY, title, Links(), lambda: fold_key("".join(b.text for b in page))) == BODY, row
    page = blocks(title, "各中小学、幼儿园：", "现将有关事项通知如下：", *BODY)
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, BODY, title, Links(), both) == ["各中小学、幼儿园：", "现将有关事项通知如下：", *BODY]


def test_only_points_that_go_on_counting_in_the_same_style_go_back():
    body = [*BODY, "三、加强交通安全教育，教育学生遵守交通法规。"]
    related = ["1. 示例区召开2024年教育工作会议", "2. 我区3所学校获评市级文明校园", "3. 2024年示例区中考成绩查询通知"]
    page = blocks(*body, *related)
    assert agreed_edges(page, body, None, Links(), lambda: fold_key("".join(b.text for b in page))) == body
    page = blocks(*body, "四、做好假期安全值守", "五、及时报送信息")
    both = lambda: fold_key("".join(b.text for b in page))      # noqa: E731
    assert agreed_edges(page, body, None, Links(), both) == [*body, "四、做好假期安全值守", "五、及时报送信息"]


def test_a_page_a_script_shows_once_loaded_is_read_and_a_hidden_box_inside_it_is_not():
    from digest.sources.page import read_page

    body = "".join(f"<p>{p}</p>" for p in ["2月17日，步入兴义市威舍镇发哈村红军临时电台指挥部旧址，斑驳的民居小院内，石头垒砌的房屋、榨油坊、石磨等保存完好。",
                                          "近年来，兴义市先后多次组织专家对旧址进行考证和修缮，并在小院内布置了红色文化陈列，吸引了大批游客前来参观。",
                                          "当地还把红色旅游与乡村振兴结合起来，发展民宿和特色农产品，带动了周边村民增收致富，村里的年轻人也陆续回乡创业。"])
    hidden = "<div style='display:none'>扫码关注我们的公众号，获取更多精彩内容和最新活动信息。</div>"
    markup = (f"<html><head><title>深耕红色文化 打造红火产业</title></head><body><div id='loading'>加载中</div>"
              f"<div v-show='show_page' style='display: none;'><h1>深耕红色文化 打造红火产业</h1>{hidden}<div class='content'>{body}</div></div>"
              "</body></html>")
    found = read_page(markup)
    assert len(found.paragraphs) == 3 and not any("公众号" in p for p in found.paragraphs)
