"""The cleaner: rules, scripts, metadata and article splitting on small texts written here
(what it makes of the sample files is in test_seeds.py)."""

from __future__ import annotations

import pytest

from digest.text import rules
from digest.text.clean import article_id, clean
from digest.models import RawText
from digest.sources.readers import read_text

from .conftest import FIXTURES


def test_pinyin_rule_leaves_real_brackets_alone():
    text = "中國(guó)發(fā)布 他山之石(ID:weibijiben) 指数(SMH指数) 坎貝爾(Mike Campbell) 額(notional)"
    assert rules.PINYIN.sub("", text) == \
        "中國發布 他山之石(ID:weibijiben) 指数(SMH指数) 坎貝爾(Mike Campbell) 額(notional)"


def test_same_article_in_either_script_has_one_id():
    hans = ["英伟达市值单日蒸发近6000亿美元，人工智能芯片股全线下跌。"]
    hant = ["英偉達市值單日蒸發近6000億美元,人工智慧晶片股全線下跌。"]
    assert article_id(hans) == article_id(hant)
    assert article_id(hans) != article_id(["英伟达市值单日上涨。"])


def test_text_without_words_gives_no_article():
    assert clean(RawText("x.txt", "\n\n  \n", "txt")) == []


def unseen(name: str):
    path = FIXTURES / "unseen" / name
    (article,) = [a for raw in read_text(path, path.read_bytes(), 0) for a in clean(raw)]
    return article


def test_news_page_with_one_line_of_fields_breadcrumb_and_related_list():
    a = unseen("xinhua.txt")
    assert a.title == "美联储宣布降息25个基点 年内第三次降息"
    assert (a.author, a.publisher, a.published) == ("王小明", "新华网", "2025-12-10T14:30:00")
    assert len(a.paragraphs) == 3
    assert a.paragraphs[-1].endswith("有望继续受益。")
    for word in ("首页", "编辑", "相关新闻", "纳斯达克创新高", "（完）"):
        assert word not in a.body


def test_wechat_header_follow_prompts_and_end_block():
    a = unseen("wechat.txt")
    assert (a.author, a.publisher, a.published) == ("陈思", "科技投资观察", "2025-11-03T08:15:00")
    assert a.title_from == "lead" and a.title.startswith("大模型价格战")
    assert a.paragraphs[-1] == "我们认为，具备自有场景和数据的公司将在这一轮竞争中胜出。"
    for word in ("关注", "END", "往期推荐", "在看"):
        assert word not in a.body


def test_title_falls_back_to_a_meaningful_file_name_else_the_lead():
    body = "英伟达股价周一大跌17%，市值蒸发近6000亿美元。分析人士认为市场反应过度。"
    named = clean(RawText("/in/英伟达暴跌复盘.txt", body, "txt"))[0]
    assert (named.title, named.title_from) == ("英伟达暴跌复盘", "filename")
    english = clean(RawText("/in/nvidia-market-selloff.txt", body, "txt"))[0]
    assert (english.title, english.title_from) == ("nvidia market selloff", "filename")
    hashed = clean(RawText("/in/002_24391da9242f4281.txt", body, "txt"))[0]
    assert (hashed.title, hashed.title_from) == ("英伟达股价周一大跌17%，市值蒸发近6000亿美元。", "lead")


def test_markup_left_in_plain_text_repeats_and_site_footer_go():
    a = unseen("video_page.txt")
    assert a.paragraphs[0] == "国产大模型公司智谱AI 18日在北京发布新一代基座模型，推理成本较上一代下降约60%。"
    assert len(a.paragraphs) == 3  # the repeated lead and analyst lines appear once
    assert a.paragraphs[-1].endswith("投资者应关注业绩兑现情况。")
    for residue in ("<", ">", "【解说】", "http", "公网安备", "总机", "未经授权", "记者"):
        assert residue not in a.body, residue
    assert "<" not in a.title


def test_page_with_only_a_headline_and_footer_gives_no_article():
    path = FIXTURES / "unseen" / "video_stub.txt"
    assert [a for raw in read_text(path, path.read_bytes(), 0) for a in clean(raw)] == []


@pytest.mark.parametrize("body", [
    "service@example.com 104 台北市南京東路二段178號13樓 ©2017 example Go Go!",
    "开心老头 原创，如需商业用途或转载请与开心老头联系,谢谢配合。\n\n更多精彩请访问 www.example.com",
])
def test_a_body_of_nothing_but_a_footer_or_reprint_terms_gives_no_article(body):
    assert clean(RawText("p.html", body, "html", title="我到底看了什么啊？")) == []


def test_a_short_article_with_a_contact_line_keeps_its_own_text():
    body = "公司宣布将于下月发布新一代推理芯片，性能提升一倍。\n\n联系电话：010-12345678"
    found = clean(RawText("p.html", body, "html", title="公司发布新芯片"))
    assert [a.paragraphs[0] for a in found] == ["公司宣布将于下月发布新一代推理芯片，性能提升一倍。"]


def test_entities_become_characters_and_inline_tags_vanish():
    text = "英伟达&nbsp;财报<b>超预期</b>，AT&amp;T与<a href='x'>OpenAI</a>合作。&#8220;好&#8221;"
    (a,) = clean(RawText("x.txt", text, "txt"))
    assert a.paragraphs == ("英伟达 财报超预期，AT&T与OpenAI合作。“好”",)


@pytest.mark.parametrize("text, lead, author, publisher", [
    ("新华社华盛顿11月18日电(记者 张伟 李娜)美国商务部18日公布新的芯片出口规则。\n\n规则将于明年生效。",
     "美国商务部18日公布新的芯片出口规则。", "张伟 李娜", "新华社"),
    ("参考消息网11月18日报道 日媒称，软银计划追加对OpenAI的投资。\n\n详情尚未公布。",
     "日媒称，软银计划追加对OpenAI的投资。", None, "参考消息网"),
    ("【环球时报驻日本特约记者 王芳 陈晨】日本央行18日维持利率不变。\n\n市场反应平淡。",
     "日本央行18日维持利率不变。", "王芳 陈晨", "环球时报"),
    ("东京11月18日电 (记者 刘洋)日经指数18日收跌2.1%，半导体股领跌。\n\n分析师称获利了结。",
     "日经指数18日收跌2.1%，半导体股领跌。", "刘洋", None),
    ("据报道，英伟达18日发布财报。\n\n营收超出预期。", "据报道，英伟达18日发布财报。", None, None),
])
def test_dateline_and_reporter_credit_become_metadata(text, lead, author, publisher):
    (a,) = clean(RawText("x.txt", text, "txt"))
    assert (a.paragraphs[0], a.author, a.publisher) == (lead, author, publisher)


def test_long_glued_line_keeps_a_bracketed_credit_whole():
    body = "日本央行18日维持利率不变，符合市场预期。" * 12
    text = f"【环球时报驻日本特约记者 王芳 陈晨】{body} 市场反应平淡，日元小幅走弱。"
    (a,) = clean(RawText("x.txt", text, "txt"))
    assert a.author == "王芳 陈晨"
    assert a.paragraphs == (body, "市场反应平淡，日元小幅走弱。")


@pytest.mark.parametrize("line, title, author, publisher", [
    ("央行下调存款准备金率□本报记者\xa0\xa0\xa0李明\xa0\xa0\xa0", "央行下调存款准备金率", "李明", None),
    ("基金开户数首周增幅超四成本报讯 (记者 吴倩) ", "基金开户数首周增幅超四成", "吴倩", None),
    ("台湾又现三起群聚感染事件中国台湾网8月1日消息 ", "台湾又现三起群聚感染事件", None, "中国台湾网"),
    ("中阿加强能源合作机制建设新华网北京6月24日电 (记者 陈寂) ", "中阿加强能源合作机制建设", "陈寂", "新华网"),
    ("地铁亦庄线成功跨五环本报讯 (记者马力 通讯员 王国海) ", "地铁亦庄线成功跨五环", "马力 王国海", None),
    ("侨界十杰获颁证书(图)中新社北京七月十四日电 ", "侨界十杰获颁证书(图)", None, "中新社"),
])
def test_a_credit_or_dateline_run_on_after_the_headline_is_cut_from_it(line, title, author, publisher):
    """Scraped text sometimes holds headline, credit and text on one line, with no break
    between the headline and the credit."""
    body = "股市大热，基金赚钱效应再现，基金新增开户数也随之大增，较此前一周增加超过四成。" * 6
    (a,) = clean(RawText("x.txt", line + body, "txt"))
    assert (a.title, a.author, a.publisher) == (title, author, publisher)
    assert a.paragraphs[0] == body


def test_a_headline_with_a_bare_credit_glued_on_is_not_dropped_as_a_credit_line():
    body = "每每岁末年初，都是各大基金公司进入人事变动高峰期，今年也不例外，基金经理变更公告频出。" * 8
    (a,) = clean(RawText("x.txt", f"广州基金公司跳槽的人最少每经记者\xa0巩万龙\xa0发自深圳{body}", "txt"))
    assert (a.title, a.author) == ("广州基金公司跳槽的人最少每经记者", "巩万龙")


def test_a_closing_credit_with_a_name_and_a_place_gives_no_publisher_made_of_them():
    body = "火箭主场迎战小牛，赛前姚明接受了采访，他说球队坚持到现在已经很不容易。" * 6
    last = "他说球队坚持到现在已经很不容易。(新浪体育 张海彦 发自休斯敦)"
    (a,) = clean(RawText("x.txt", f"姚明接受采访\n\n{body}\n\n{last}", "txt"))
    assert a.publisher is None and a.paragraphs[-1] == "他说球队坚持到现在已经很不容易。"


def test_a_title_that_happens_to_end_in_news_words_keeps_them():
    body = "比利时一列车当天脱轨，造成1人死亡、27人受伤，目前暂无中国公民受伤的消息。" * 2
    (a,) = clean(RawText("x.txt", f"比利时一列车脱轨 暂无中国人受伤消息\n\n{body}", "txt"))
    assert a.title == "比利时一列车脱轨 暂无中国人受伤消息"


def test_headline_after_a_dateline_becomes_the_title():
    text = "东京11月18日电 题：日本AI投资热潮下的冷思考\n\n日本企业今年的人工智能投资创下新高。\n\n但回报仍待观察。"
    (a,) = clean(RawText("x.txt", text, "txt"))
    assert a.title == "日本AI投资热潮下的冷思考"
    assert a.paragraphs[0] == "日本企业今年的人工智能投资创下新高。"


def test_closing_credit_names_author_and_keeps_a_short_last_paragraph():
    text = "英伟达18日发布财报，营收超出预期。\n\n股价盘后上涨。(央视记者 卢明)"
    (a,) = clean(RawText("x.txt", text, "txt"))
    assert (a.author, a.publisher) == ("卢明", "央视")
    assert a.paragraphs[-1] == "股价盘后上涨。"


@pytest.mark.parametrize("byline, author", [
    ("记者 刘海", "刘海"),
    ("新华社记者沈明 朱晟", "沈明 朱晟"),
    ("本报驻联合国记者袁 博", "袁 博"),
    ("作者 赵楠", "赵楠"),
    ("伊恩·格林", "伊恩·格林"),
])
def test_byline_between_title_and_text_becomes_the_author(byline, author):
    text = f"白宫记者会火药味浓\n\n{byline}\n\n资料图：白宫新闻发布室。\n\n白宫18日举行记者会，讨论芯片关税。"
    (a,) = clean(RawText("x.txt", text, "txt"))
    assert (a.title, a.author) == ("白宫记者会火药味浓", author)
    assert a.paragraphs == ("白宫18日举行记者会，讨论芯片关税。",)


def test_newspaper_kicker_headline_reporters_and_section_label():
    text = ("国际货币基金组织最新报告认为——\n\n“人工智能将重塑全球劳动力市场”(国际视点)\n\n"
            "本报驻德国记者 管克江 本报驻美国记者 高 石\n\n核心阅读\n\n"
            "国际货币基金组织14日发布报告，认为人工智能将影响全球约四成工作岗位。")
    (a,) = clean(RawText("x.txt", text, "txt"))
    assert a.title == "“人工智能将重塑全球劳动力市场”(国际视点)"
    assert a.author == "管克江 高 石"
    assert a.paragraphs == ("国际货币基金组织14日发布报告，认为人工智能将影响全球约四成工作岗位。",)


def test_a_lone_name_under_the_title_is_the_author_but_a_section_word_is_not():
    (named,) = clean(RawText("x.txt", "真假新闻的攻防战\n\n许少民\n\n假新闻的泛滥已经让各国焦头烂额。", "txt"))
    assert (named.author, named.paragraphs) == ("许少民", ("假新闻的泛滥已经让各国焦头烂额。",))
    (leader,) = clean(RawText("x.txt", "真假新闻的攻防战\n\n習近平\n\n假新闻的泛滥已经让各国焦头烂额。", "txt"))
    assert leader.author == "習近平"
    (intro,) = clean(RawText("x.txt", "真假新闻的攻防战\n\n导读\n\n假新闻的泛滥已经让各国焦头烂额。", "txt"))
    assert intro.author is None and intro.paragraphs[0] == "导读"
    # a short word that opens the text ("定义", "概要") names no one: it starts with no surname
    for word in ("定义", "概要", "资料图", "周报", "黄金", "简介"):
        (opening,) = clean(RawText("x.txt", f"债券\n\n{word}\n\n债券是一种有价证券，代表投资者提供的一笔借款。", "txt"))
        assert opening.author is None and opening.paragraphs[0] == word, word


def test_text_printed_one_character_at_a_time_reads_as_words():
    raw = RawText("spaced.html", "大 连 港 预 期 ， 去 年 全 年 盈 利 将 按 年 下 跌 15% 至 20% 。\n\n"
                  "英伟达 GPU 芯片 今天 大涨，市场情绪回暖。", "html", title="大 连 港 料 去 年 盈 利 最 少 跌 15%")
    (article,) = clean(raw)
    assert article.title == "大连港料去年盈利最少跌15%"
    assert article.paragraphs == ("大连港预期，去年全年盈利将按年下跌15%至20%。",
                                  "英伟达 GPU 芯片 今天 大涨，市场情绪回暖。")


def test_a_photographer_credit_closing_the_text_is_neither_author_nor_publisher():
    text = "英伟达18日发布财报，营收超出预期。\n\n股价盘后上涨，分析师上调了目标价。（記者王強攝）"
    (a,) = clean(RawText("x.txt", text, "txt"))
    assert a.author is None and a.publisher is None


def test_an_about_the_author_heading_ends_the_article_and_reprint_terms_go():
    body = ("公司宣布将于下月发布新一代推理芯片，性能提升一倍。\n\n分析师认为，新芯片将巩固公司在数据中心市场的地位。\n\n"
            "＊ 本篇文章由【某某的部落格】授權刊登，未經同意禁止轉載。\n\n作者介紹\n\n"
            "大家好，我是两个孩子的妈妈，目前在幼儿园担任园长，曾在纽约生活与工作了三年。")
    found = clean(RawText("p.html", body, "html", title="公司发布新芯片"))
    assert [a.paragraphs for a in found] == [("公司宣布将于下月发布新一代推理芯片，性能提升一倍。",
                                              "分析师认为，新芯片将巩固公司在数据中心市场的地位。")]


def test_a_risk_section_run_into_its_heading_is_text_but_a_risk_notice_ends_the_article():
    body = ("公司与区政府、市能源集团签署战略合作协议，三方将在新能源领域开展长期合作，拟建设高比能固态电池研发及产业化基地，"
            "聚焦交通电动化、新能源产业拓展、电池循环利用等领域。\n\n"
            "财务影响协议预计对当期财务状况无重大影响，但有助于完善产业链布局，提升公司的核心竞争力和长期盈利能力。\n\n"
            "风险提示协议履行可能受政策、市场等因素影响，存在不确定性。公司将依法履行信息披露义务。\n\n"
            "风险提示：市场有风险，投资需谨慎。本文不构成个人投资建议。")
    found = clean(RawText("p.html", body, "html", title="公司签署固态电池合作协议"))
    assert [a.paragraphs[-1] for a in found] == ["风险提示协议履行可能受政策、市场等因素影响，存在不确定性。公司将依法履行信息披露义务。"]


@pytest.mark.parametrize("line", ["本周六上午9点起，市图书馆暂停开放一天，咨询电话：010-12345678。",
                                  "上图为新落成的市图书馆，将于下月正式开放。"])
def test_a_one_line_notice_with_a_phone_number_or_a_picture_pointer_is_still_an_article(line):
    assert [a.paragraphs for a in clean(RawText("p.html", line, "html", title="市图书馆周六闭馆"))] == [(line,)]


def test_invisible_characters_leave_the_title():
    found = clean(RawText("p.html", "苹果据报将在明年的新机上改用OLED面板。", "html", title="苹果拟弃 LCD 迎 OLED \ufeff"))
    assert [a.title for a in found] == ["苹果拟弃 LCD 迎 OLED"]


def test_news_about_reprinting_is_kept_and_a_risk_notice_heading_ends_the_article():
    body = ("国家版权局今天发布新规，对网络转载行为作出进一步规范，新规将于下月起正式施行。\n\n"
            "新规要求，各网站不得转载未经核实的新闻。\n\n法院最终判决，涉案作品的著作权归原告所有。\n\n"
            "业内人士认为，新规有助于保护原创内容，也将提高平台的审核成本。\n\n风险提示及免责条款\n\n"
            "市场有风险，投资需谨慎。本文不构成个人投资建议。")
    found = clean(RawText("p.html", body, "html", title="国家版权局规范网络转载"))
    assert [a.paragraphs for a in found] == [tuple(body.split("\n\n")[:4])]


def test_a_credit_of_this_papers_reporter_names_no_one():
    text = "【本報記者報道】美國國務卿宣布擴大「潔淨網絡」行動，點名多家中國企業的雲端服務。\n\n中國外交部批評美國濫用國家力量，打壓中國高科技企業。"
    found = clean(RawText("p.html", text, "html", title="美國擴「潔淨網絡」"))
    assert [(a.author, a.publisher, a.paragraphs[0][:6]) for a in found] == [(None, None, "美國國務卿宣")]


def test_a_body_that_is_only_the_sites_own_notice_gives_no_article():
    notice = "公告：本站所有代理IP地址均收集整理自国内公开互联网，本站不维护运营任何代理服务器，请自行筛选。"
    assert clean(RawText("p.html", notice, "html", title="免费代理IP")) == []


def test_a_stations_own_words_are_news_not_a_sites_notice():
    text = "据车站工作人员介绍，本站所有进站口均已开启人脸识别闸机，旅客刷脸即可进站。\n\n站长表示，本站不负责代售其他车站的车票。"
    assert [a.paragraphs for a in clean(RawText("p.html", text, "html", title="车站启用刷脸进站"))] == [tuple(text.split("\n\n"))]


def test_a_notice_and_its_heading_end_the_article_and_name_no_one():
    text = ("活动礼物公布\n\n[某某原创专稿，未经允许请勿转载！]\n\n"
            "所有前来参加活动并成功签退的玩家，均可以免费获得由组委会提供的纪念品。\n\n"
            "纪念品包括腕带两条、徽章三枚和卡片四张，数量有限，先到先得，每人最多领取一份。\n\n"
            "活动当天欢迎大家准时到场，现场还有更多惊喜等着你。\n\n"
            "特别提醒\n\n如果我们使用了您的图片，请与我们联系索取稿酬，如您不希望作品出现在本站，可联系我们撤下。\n")
    (article,) = clean(RawText("gifts.txt", text, "txt"))
    assert article.paragraphs[0].startswith("所有前来参加活动")
    assert article.paragraphs[-1] == "活动当天欢迎大家准时到场，现场还有更多惊喜等着你。"
    assert article.author is None


def test_a_notice_heading_left_at_the_end_is_no_signature():
    text = ("活动礼物公布\n\n所有前来参加活动并成功签退的玩家，均可以免费获得由组委会提供的纪念品。\n\n"
            "纪念品包括腕带两条、徽章三枚和卡片四张，数量有限，先到先得，每人最多领取一份。\n\n"
            "活动当天欢迎大家准时到场，现场还有更多惊喜等着你。\n\n注意\n")
    (article,) = clean(RawText("gifts.txt", text, "txt"))
    assert article.author is None
