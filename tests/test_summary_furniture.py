"""Summaries of real-shaped pages stand alone: no captions, calls to action, contact
lines, labels or datelines, no sentence cut inside a name, none leaning on one left out."""

from __future__ import annotations

from digest.editorial.document import document
from digest.editorial.summarize import standalone_faults, summarize
from digest.models import Article
from digest.text.sentences import split


def summary_of(title: str, *paragraphs: str, budget: int = 400) -> str:
    doc = document(Article("s", "s.txt", 0, title, paragraphs))
    summary = summarize(doc, budget)
    assert standalone_faults(summary) == []
    return "".join(s.text for s in summary.sentences)


def test_a_photo_caption_or_credit_never_reaches_a_summary():
    text = summary_of(
        "首届养老专业本科生毕业",
        "管理学院养老服务管理专业学生杨锦（右）在为老服务中心实习。",
        "2020年高考填报志愿时，刘佳芸选择了养老服务管理专业，当年这个专业在全国首次招收本科生。",
        "经过近4年的专业学习和实习实践，她即将进入市养老服务协会工作。",
        "微软称Win8 ARM设备将无法安装运行Linux(图片来自Electronista)")
    assert "（右）" not in text and "图片来自" not in text and "刘佳芸" in text


def test_calls_to_action_contact_lines_and_links_never_reach_a_summary():
    text = summary_of(
        "尖石赏枫",
        "一波波低温寒流报到，已将尖石乡后山一带层层山峦披上嫣红的彩衣。",
        "喜欢这篇文章吗？邀请您到 FB 粉丝团 按个“赞”！",
        "营地联络电话：03-584-7231，营地地址：新竹县尖石乡。",
        "购买链接：https://amzn.to/3xYz 现在下单立减。",
        "美树营地的枫香树早已呈现金黄，泛红色彩也是爱摄人士所喜爱造访之地。")
    for clutter in ("粉丝团", "03-584", "amzn", "地址"):
        assert clutter not in text
    assert "枫香树" in text


def test_labels_and_datelines_are_taken_off_the_sentence_they_open():
    text = summary_of("美联储宣布加息", "核心提示：美联储14日宣布将联邦基金利率上调25个基点。",
                      "参考消息网1月21日报道 美国媒体称，这是今年以来的第三次加息。")
    assert text.startswith("美联储14日宣布") and "核心提示" not in text and "参考消息网" not in text


def test_a_summary_never_opens_with_a_comma_or_leans_on_a_sentence_left_out():
    text = summary_of("微软同意收购GitHub", "，微软同意收购最大的源代码托管平台GitHub。",
                      "GitHub在2015年估值20亿美元，这笔交易对双方都有利。",
                      "Slack的消息可以按频道整理，团队成员各取所需。",
                      "由于这个特点，Slack很快在工程师中流行开来。",
                      "另1人于当天下午被警方带走。", budget=60)
    assert not text.startswith("，")
    assert "由于这个特点" not in text and "另1人" not in text


def test_a_full_stop_inside_a_name_or_a_number_does_not_end_a_sentence():
    assert split("谷歌母公司Alphabet Inc。旗下的Waymo宣布扩张。下一句。") == [
        "谷歌母公司Alphabet Inc。旗下的Waymo宣布扩张。", "下一句。"]
    assert split("营收达1。5亿元。下一句。") == ["营收达1。5亿元。", "下一句。"]


def test_a_list_item_ending_on_its_semicolon_is_not_picked():
    text = summary_of("发票中奖号码", "本期千万中奖张数为18张。",
                      "1000万元特别奖号码为「12620024」；",
                      "200万元特奖号码为「39793895」，兑奖期限为4月6日至7月6日。", budget=120)
    assert not text.rstrip().endswith("；")


def test_a_contrast_an_example_or_a_that_is_comes_only_after_what_it_answers():
    from digest.editorial.document import LEANS

    for leaning in ("而它对的地方，在于股市确实能反映出困境。", "但这并不意味着市场见底。",
                    "即投资不仅是赛道的选择，更强调时机的选择。", "例如我国经济当前的结构化问题。"):
        assert LEANS.match(leaning), leaning
    for alone in ("而美国的通胀仍在上升。", "即将到来的财报季备受关注。", "即使利率下调，房价仍在下跌。",
                  "但美联储仍按兵不动。"):
        assert not LEANS.match(alone), alone
    text = summary_of("股市是国民经济的晴雨表吗",
                      "国民经济增速减缓，股市暴跌，很多人想起股市是国民经济的晴雨表这句话。",
                      "我认为这句话对也不对，下面分开来说，先讲它不对的地方，再讲它对的地方。",
                      "它不对的地方在于，当前股市已经失去了资产定价这一基本功能，估值与业绩脱节。",
                      "而它对的地方，在于股市确实能反映出我国经济当前遇到的困境和结构问题。", budget=90)
    assert "而它对的地方" not in text or "它不对的地方" in text


def test_an_interview_shows_answers_with_their_questions_and_no_charts_it_cannot_show():
    text = summary_of("大空头警告美股将重演熊市",
                      "他认为美股将因被动投资主导而面临类似2000年的长期熊市，并透露自己持有黄金。",
                      "主持人:所以你觉得两年期的认沽期权就够了?",
                      "Michael Burry:我觉得两年应该够，医疗保健类股票现在非常不受待见。",
                      "主持人:也就是说，现在基本上只有你自己的资金在运作。",
                      "看看这张德意志银行的调查图表，它展示了一个巨大的心理陷阱。",
                      "他还表示，人工智能的高成本将威胁搜索业务，大模型服务将高度商品化。", budget=120)
    assert "主持人" not in text and "图表" not in text
    assert "我觉得两年应该够" not in text or "认沽期权" in text


def test_a_hosts_greeting_or_a_submitters_lead_in_never_opens_a_summary():
    text = summary_of(
        "马克龙星期一在莫斯科与普京会面",
        "各位好，我是安东尼。",
        "欢迎收听法国报纸摘要。",
        "法国总统马克龙下星期访问莫斯科和基辅，试图缓和乌克兰边境的紧张局势。",
        "大家好！今天我们先看费加罗报对这次访问的评论。")
    assert text.startswith("法国总统马克龙下星期访问莫斯科和基辅")
    assert "安东尼" not in text and "欢迎收听" not in text
    assert text.endswith("今天我们先看费加罗报对这次访问的评论。")    # what follows a greeting stays

    quoted = summary_of("JavaScript 编程精解中文第三版翻译完成", 'Wizard 写道 "',
                        "原书：Eloquent JavaScript 3rd edition")
    assert "写道" not in quoted


def test_a_quote_whose_speaker_is_a_pronoun_leans_on_the_sentence_naming_him():
    doc = document(Article("q", "q.txt", 0, "特朗普会晤加拿大总理", (
        "美国总统特朗普13日在白宫会晤加拿大总理特鲁多。",
        "他说：“美国与加拿大的贸易关系十分重要。”",
        "Michael Burry：我觉得两年应该够了。")))
    assert [s.refers for s in doc.sentences] == [False, True, False]


def test_a_contact_line_in_traditional_characters_never_reaches_a_summary():
    assert furniture_of("營地聯絡電話:03-584-7231")
    assert furniture_of("電話:+886 2 2345 6789")
    assert not furniture_of("電話會議上，公司表示營收將增長。")


def furniture_of(sentence: str) -> bool:
    from digest.text.furniture import furniture
    from digest.text.script import fold_width

    return furniture(fold_width(sentence))
