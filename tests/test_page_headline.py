"""A page's headline as printed: never a menu row, a placeholder, a document number or a
site name glued to <title>."""

from __future__ import annotations

import pytest

from digest.sources.page import read_page

BODY = ("<p>国家质检总局日前组织开展了春节热销的烟花爆竹产品质量抽查，抽查发现两成半的产品不合格。</p>"
        "<p>质检总局表示，将督促不合格产品的生产企业整改，并向社会公布抽查结果。</p>")


def page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_a_site_name_after_a_bare_hyphen_leaves_the_title():
    found = read_page(page("<title>质检总局：两成半烟花爆竹不合格-示例新闻网</title>", BODY))
    assert found.title == "质检总局：两成半烟花爆竹不合格"


def test_a_menu_row_above_the_body_is_not_the_headline():
    menu = "<div>网站建设 团购 游戏 数字报刊 数字广西 生活网 交通安全网</div>"
    found = read_page(page("<title>质检总局：两成半烟花爆竹不合格-示例新闻网</title>", menu + BODY))
    assert found.title == "质检总局：两成半烟花爆竹不合格"


def test_the_printed_headline_wins_over_title_when_it_says_the_same_with_a_word_more():
    head = "<title>内蒙古确保两节前农牧民工工资基本无拖欠_要闻_示例网</title>"
    body = "<h1>内蒙古9部门：确保两节前农牧民工工资基本无拖欠</h1>" + BODY
    assert read_page(page(head, body)).title == "内蒙古9部门：确保两节前农牧民工工资基本无拖欠"


@pytest.mark.parametrize("placeholder", ["无标题文档", "English", "国办发〔2024〕12号", "首页"])
def test_a_placeholder_or_document_number_is_not_the_headline(placeholder):
    head = f"<title>{placeholder}</title>"
    body = f"<h1>{placeholder}</h1><h2>质检总局：两成半烟花爆竹不合格</h2>" + BODY
    assert read_page(page(head, body)).title != placeholder


def test_a_summary_point_above_the_body_is_not_the_headline():
    body = "".join(f"<p>这是正文的第{n}段，讲的是新一轮改革的安排，以及各方对此的看法和后续的打算。</p>" for n in range(4))
    markup = ("<html><head><title>新一轮改革即将启动</title></head><body><div>新一轮改革即将启动</div>"
              "<div>■就医结算一卡通争取延伸到全省各地</div><div>■人均公共卫生经费力争不低于35元</div>"
              f"<div>{body}</div></body></html>")
    assert read_page(markup).title == "新一轮改革即将启动"


def test_a_channel_and_site_glued_on_with_bare_hyphens_leave_the_headline():
    body = "".join(f"<p>这是正文的第{n}段，讲的是娱乐圈本周的几件新闻，以及各方对此的看法和后续的安排。</p>" for n in range(4))
    markup = ("<html><head><title>女主播视频门 韩版明星炫富-女主播-示例网娱乐</title></head><body><table><tr><td>"
              "<div><a href='/more.shtml'>&lt;&lt;&lt; 更多精彩图片(点击进入)</a></div></td></tr>"
              f"<tr><td>{body}</td></tr></table></body></html>")
    assert read_page(markup).title == "女主播视频门 韩版明星炫富"


def test_a_subhead_that_repeats_part_of_the_headline_does_not_replace_it():
    body = "".join(f"<p>这是正文的第{n}段，讲的是留学生怎样看待两会，以及他们出国前后关注点的变化。</p>" for n in range(4))
    markup = ("<html><head><title>海外留学生看两会：出国前后关注点大不同</title></head><body>"
              "<div class='nav'><a href='/'>首页</a></div><div>出国前后关注点大不同</div>"
              f"<div>{body}</div></body></html>")
    assert read_page(markup).title == "海外留学生看两会：出国前后关注点大不同"


def test_the_site_name_printed_as_a_heading_is_not_the_headline():
    body = "".join(f"<p>这是正文的第{n}段，讲的是春节期间的交通安排，以及各地为返乡旅客准备的服务。</p>" for n in range(4))
    markup = ("<html><head><title>春运首日 | 示例電視台 新聞網</title></head><body>"
              "<h1>示例電視台 新聞網</h1><div class='t'>春运首日</div>"
              f"<div>{body}</div></body></html>")
    assert read_page(markup).title == "春运首日"


def test_a_heading_that_glues_a_date_to_the_title_headline_is_not_the_headline():
    head = "<title>质检总局：两成半烟花爆竹不合格 - 示例健康网</title>"
    body = "<div class='title'>》质检总局：两成半烟花爆竹不合格 日期：2012.01.16</div>" + BODY
    found = read_page(page(head, body))
    assert found.title == "质检总局：两成半烟花爆竹不合格"
    assert found.published is not None and found.published.day == 16


def test_a_site_address_printed_above_the_body_is_not_the_headline():
    head = "<title>示例評論新聞：兩成半煙花爆竹不合格</title>"
    body = ("<table><tr><td>兩成半煙花爆竹不合格</td></tr><tr><td>http://www.example.com</td></tr>"
            "<tr><td>2012-01-09 10:52:51</td></tr></table>" + BODY)
    assert read_page(page(head, body)).title == "兩成半煙花爆竹不合格"


def test_og_title_naming_only_the_site_gives_way_to_the_line_above_the_body():
    head = ("<title>示例電視台 新聞網</title><meta property='og:site_name' content='示例新聞網'/>"
            "<meta property='og:title' content='示例新聞網'/>")
    body = "<table><tr><td>救護直升機 空軍正式亮相</td></tr></table>" + BODY
    assert read_page(page(head, body)).title == "救護直升機 空軍正式亮相"


def test_a_column_name_in_brackets_before_the_heading_is_not_part_of_the_headline():
    head = "<title>质检总局：两成半烟花爆竹不合格 上海_新闻中心_示例网</title>"
    body = "<h1>【记者即时播报】质检总局：两成半烟花爆竹不合格</h1>" + BODY
    assert read_page(page(head, body)).title == "质检总局：两成半烟花爆竹不合格"


def test_a_heading_that_prints_the_whole_title_after_a_breadcrumb_gives_the_title():
    from digest.sources.page import read_page

    body = "".join(f"<p>第{i}段：这是一篇日志的正文，写的是电影和灾难的主题。</p>" for i in range(4))
    markup = ("<html><head><title>向大家隆重介绍——新版本上线</title></head><body>"
              "<h1><span><a href='/user/1'>某用户</a> » <a href='/user/1/blog'>日志</a></span><br>"
              "向大家隆重介绍——新版本上线</h1>" + body + "</body></html>")
    assert read_page(markup).title == "向大家隆重介绍——新版本上线"


def test_a_column_name_before_the_headline_in_title_gives_way_to_the_printed_headline():
    body = "<div class='t'>质检总局：两成半烟花爆竹不合格</div>" + BODY
    found = read_page(page("<title>财经风云--质检总局：两成半烟花爆竹不合格</title>", body))
    assert found.title == "质检总局：两成半烟花爆竹不合格"


def test_a_blog_platform_after_a_bare_hyphen_leaves_the_title():
    found = read_page(page("<title>质检总局：两成半烟花爆竹不合格-示例博客</title>", BODY))
    assert found.title == "质检总局：两成半烟花爆竹不合格"


@pytest.mark.parametrize("line", ["阅读量545", "浏览次数：27", "本文链接： https://blog.example.com/u1/article/1"])
def test_a_counter_or_an_address_above_the_body_is_not_the_headline(line):
    found = read_page(page("<title>示例博客</title>", f"<div>{line}</div>" + BODY))
    assert found.title != line


def test_a_section_heading_that_title_names_gives_way_to_the_pages_one_h1():
    body = ("<h1>快速入门：使用调试器调试示例程序</h1><p>调试器提供了许多强大的功能以帮助调试应用，本主题介绍其中几种。</p>"
            "<h2>设置断点</h2>" + BODY)
    found = read_page(page("<title>调试示例代码，设置断点，检查变量 - 示例文档</title>", body))
    assert found.title == "快速入门：使用调试器调试示例程序"
    assert found.paragraphs[0].startswith("调试器提供了许多强大的功能")


def test_a_heading_that_is_all_of_titles_headline_beats_another_story_in_the_h1():
    body = "<h1>经济周报：央行宣布降准 股市能否向上变盘？</h1><h2>质检总局：两成半烟花爆竹不合格</h2>" + BODY
    found = read_page(page("<title>质检总局：两成半烟花爆竹不合格 | 要闻 | 示例日报</title>", body))
    assert found.title == "质检总局：两成半烟花爆竹不合格"


def test_a_banner_h1_opening_with_the_sites_name_is_not_the_headline():
    body = ("<h1>示例天下－发行量最大的教育品牌，最值得信赖的亲子社群平台</h1>"
            "<div class='title'>质检总局：两成半烟花爆竹不合格</div>" + BODY)
    found = read_page(page("<title>质检总局：两成半烟花爆竹不合格 ─ 示例天下─严选部落客</title>", body))
    assert found.title == "质检总局：两成半烟花爆竹不合格"


def test_the_lone_h1_is_no_headline_when_it_is_a_link_or_opens_with_the_sites_name():
    import lxml.html

    from digest.sources.pagetitle import lone_h1

    def h1(markup: str, names=frozenset()) -> str | None:
        return lone_h1(lxml.html.fromstring(f"<html><body>{markup}<p>正文。</p></body></html>"), set(names))

    assert h1("<h1>快速入门：使用调试器调试示例程序</h1>") == "快速入门：使用调试器调试示例程序"
    assert h1("<h1><a href='/'>示例天下－发行量最大的教育品牌</a></h1>") is None
    assert h1("<h1>示例天下－发行量最大的教育品牌</h1>", {"示例天下"}) is None
    assert h1("<h1>快速入门：使用调试器调试示例程序</h1><h1>另一个标题也在这里</h1>") is None


def test_markup_a_site_wrote_into_title_is_no_part_of_the_headline():
    title = ('<title><p>质检总局：两成半烟花爆竹<img alt="" src="https://example.com/a.png" '
             'style="width: 100%;">不合格</p></title>')
    assert read_page(page(title, BODY)).title == "质检总局：两成半烟花爆竹不合格"


@pytest.mark.parametrize("headline", ["Java 泛型详解：List<String> 与 List<Object> 的区别", "C++ 中 vector<int> 和 map<string, int> 的用法",
                                      "当 a<b 且 c>d 时，不等式如何变形"])
def test_angle_brackets_of_a_headline_that_are_no_html_tags_stay(headline):
    markup = page(f"<title>{headline.replace('<', '&lt;').replace('>', '&gt;')}</title>", BODY)
    assert read_page(markup).title == headline


def test_a_site_named_as_its_web_pages_after_a_bare_hyphen_and_invisible_marks_leave_the_title():
    assert read_page(page("<title>廉署貪污舉報今年跌11%- 示例日報網頁</title>", BODY)).title == "廉署貪污舉報今年跌11%"
    assert read_page(page("<title>蘋果擬棄 LCD 迎 OLED \ufeff | 示例科技新報</title>", BODY)).title == "蘋果擬棄 LCD 迎 OLED"


def test_a_breadcrumb_is_not_the_headline():
    found = read_page(page("<title>本站首页>电影>最新电影></title>", "<div class='title'>本站首页>电影>最新电影></div>" + BODY))
    assert found.title != "本站首页>电影>最新电影>"


def test_a_short_headline_that_is_all_of_title_stays_and_a_category_label_is_never_the_headline():
    body = "<p>Posted in: 学习方法</p>" + BODY
    found = read_page(page("<title>阅读与思考</title>", "<h1>阅读与思考</h1>" + body))
    assert found.title == "阅读与思考"
    found = read_page(page("<title>阅读与思考</title>", "<h1>阅读与思考</h1><h2>思维改变生活</h2>" + BODY))
    assert found.title == "阅读与思考"            # not the category heading right above the text


def test_a_title_that_names_the_site_first_gives_the_headline_a_heading_prints():
    markup = ("<html><head><title>示例科技 | 中国将关闭不符合规定的出版物</title></head><body>"
              "<h1><a href='/'>示例科技</a></h1><h4>分类</h4><h4>导航</h4>"
              "<h3>中国将关闭不符合规定的出版物</h3><div>某某 发表于 2011年4月20日 10时54分</div>"
              "<p>官方媒体报导，报刊出版单位在五年内将减至五千家，小规模、实力弱的单位将退出。</p>"
              "<p>新闻出版总署透露，今后五年将重点扶持中央主要报刊，建立报刊公共服务机制和体系。</p></body></html>")
    assert read_page(markup).title == "中国将关闭不符合规定的出版物"


def test_a_title_that_names_the_site_last_keeps_its_first_part_over_a_linked_site_heading():
    markup = ("<html><head><title>助记词的生成原理 | Check it out</title></head><body>"
              "<span class='site-title'><a href='/'>Check it out</a></span><h1 class='post-title'>助记词的生成原理</h1>"
              "<p>钱包从一个熵源开始，添加一个校验和，然后将熵映射到一个单词列表，用户由此得到一串助记词。</p>"
              "<p>助记词代表长度为128到256位的熵，然后通过密钥扩展函数导出更长的种子，用于构建钱包。</p></body></html>")
    assert read_page(markup).title == "助记词的生成原理"


def test_a_short_headline_that_title_opens_with_is_not_replaced_by_a_label_above_the_body():
    body = "".join(f"<p>第{n}天早上和朋友在车站出口集合，然后顺着人潮来到了展览中心，逛了很久才回家。</p>" for n in range(1, 5))
    markup = ("<html><head><title>書展一遊 - 某某的空間 - 示例小站</title></head><body>"
              "<h1><a href='/'>示例小站</a></h1><h3 class='title'>書展一遊</h3><div>January 31, 2010</div>"
              f"<div class='label'>Article</div>{body}</body></html>")
    assert read_page(markup).title == "書展一遊"


def test_a_subtitle_opening_with_a_dash_is_not_the_headline():
    # a feature's short headline, all of <title>, over its "——记…" line right above the body
    markup = page("<title>诚实守信福彩人</title>", "<h4>诚实守信福彩人</h4><h5>——记寿光市一家福彩站的销售员</h5>" + BODY)
    assert read_page(markup).title == "诚实守信福彩人"
    markup = page("<title>诚实守信福彩人 - 示例福彩网</title>", "<h4>诚实守信福彩人</h4><h5>—访一家福彩站的销售员</h5>" + BODY)
    assert read_page(markup).title == "诚实守信福彩人"


@pytest.mark.parametrize("head, body, headline", [
    # <title> names only the site and its branch; the page prints neither, and its one <h1> is the story's
    ("<title>示例市公共资源交易信息网-示例信息网---示例分中心</title>",
     "<div>当前位置： 首页 > 新闻动态 > 中心新闻</div><h1>三大抓手促场内规范管理</h1>"
     "<p>【信息发布时间：2020-06-02 阅读次数： 】 【 我要打印 】 【 关闭 】</p>", "三大抓手促场内规范管理"),
    # the post's name in <title> is typed into the banner by script; the page prints its own heading
    ("<title>时政-2022-01 - 示例学习站</title>", "<div class='nav'>首页 归档 分类 标签</div>"
     "<span class='typed' data-text='时政-2022-01'></span><h2>第一章 政治经济篇</h2>", "第一章 政治经济篇"),
    # where the page prints <title>'s first part, <title> still gives the headline over a banner <h1>
    ("<title>质检总局：两成半烟花爆竹不合格-示例新闻网</title>",
     "<h1>示例新闻网 权威发布</h1><div class='title'>质检总局：两成半烟花爆竹不合格</div>", "质检总局：两成半烟花爆竹不合格"),
])
def test_a_title_printed_nowhere_on_the_page_gives_way_to_the_printed_heading(head, body, headline):
    assert read_page(page(head, body + BODY)).title == headline


def test_a_speakers_headline_over_a_line_of_fields_is_the_headline():
    # <title> names only the site; the headline opens with who speaks ("证监会：…"), not a label
    body = ("<p class='title'>证监会：强化监管 切实提高资本市场财务信息质量</p>"
            "<p class='message'><span>时间：2021-03-01</span><span>来源：示例网</span><span>浏览次数：27</span></p>")
    assert read_page(page("<title>示例企业信息网</title>", body + BODY)).title == "证监会：强化监管 切实提高资本市场财务信息质量"


@pytest.mark.parametrize("line", ["点击量：1234", "发稿人：张三丰", "所属栏目：财经要闻", "人气值：88"])
def test_a_field_or_counter_line_above_the_body_never_replaces_a_title_in_the_other_script(line):
    # <title> in Traditional, the page in Simplified: <title>'s headline is printed after all
    markup = page("<title>央行決定降準0.5個百分點，將釋放長期資金約1萬億元_某某網</title>",
                  f"<div>央行决定降准0.5个百分点，将释放长期资金约1万亿元</div><div>{line}</div>" + BODY)
    assert read_page(markup).title != line


def test_a_title_element_with_a_title_class_is_not_a_printed_heading():
    # themes that reload pages in place mark <title class="pjax-title">; the <h1> prints the headline
    head = ("<title class='pjax-title'>遇冷的电影节背后：元宇宙能为其成功续热吗？ - 示例元宇宙导航</title>"
            "<meta property='og:site_name' content='示例元宇宙导航'>")
    markup = page(head, "<h1 class='single-title'>遇冷的电影节背后：元宇宙能为其成功续热吗？</h1>" + BODY)
    assert read_page(markup).title == "遇冷的电影节背后：元宇宙能为其成功续热吗？"


def test_a_speakers_short_headline_printed_above_the_body_is_no_field_line():
    markup = page("<title>中国经济形势分析_某某网</title>", "<div>2024年：中国经济的关键一年</div>" + BODY)
    assert read_page(markup).title == "2024年：中国经济的关键一年"


def test_a_traditional_title_gives_way_to_its_simplified_printed_version():
    markup = page("<title>內蒙古確保兩節前農牧民工工資無拖欠_示例網</title>",
                  "<h1>要闻</h1><h2>内蒙古9部门：确保两节前农牧民工工资无拖欠</h2>" + BODY)
    assert read_page(markup).title == "内蒙古9部门：确保两节前农牧民工工资无拖欠"


def test_a_date_glued_to_the_printed_headline_is_not_part_of_it():
    title = "【党史学习教育】我校举办“学四史·迎百年”第三届“春晓杯”书法大会"
    head = f"<title>{title}  某某学院教务处_某某大学</title>"
    body = f"<h2>{title}<span>2021-04-23</span></h2>" + BODY
    found = read_page(page(head, body))
    assert (found.title, str(found.published)[:10]) == (title, "2021-04-23")     # the date is still the page's
    # a date that the headline itself names, after a separator or in <title> too, stays; so does a version
    for headline in ("半导体行业简报 - 2026-05-06", "每日金融早报2024-05-13", "IDEA安装激活教程2024.1.4"):
        head = f"<title>{headline}_示例财经网</title>"
        assert read_page(page(head, f"<h1>{headline}</h1>" + BODY)).title == headline
    # and a headline the caller knows is taken as it is
    known = "每日金融早报2024-05-13"
    assert read_page(page("<title>示例财经网</title>", BODY), known_title=known).title == known


def test_a_logo_heading_that_is_part_of_the_sites_name_is_not_the_headline():
    head = "<title>我的AI工具使用笔记 - SincereCSL's Blog</title><meta property=\"og:site_name\" content=\"SincereCSL's Blog\">"
    body = "<header><h1><a href=\"/\">SincereCSL</a></h1></header><h1>我的AI工具使用笔记</h1>" + BODY
    assert read_page(page(head, body)).title == "我的AI工具使用笔记"



def test_the_line_above_a_lead_split_over_inline_elements_is_found():
    import lxml.html

    from digest.sources.pagenear import heading_before

    lead = "".join(f"<span>{piece}</span>" for piece in ("2018", "年", "5", "月", "9", "日下午，"))
    markup = ("<html><body><p>示例小学欢迎您！</p><div class='tit'>示例小学举行“传唱经典 童心向党”一年级新队员入队仪式</div>"
              f"<div>[发布时间2018年5月10日]</div><div><p>{lead}示例小学在操场举行了一年级新队员入队仪式。</p></div></body></html>")
    root = lxml.html.document_fromstring(markup)
    assert heading_before(root, "2018年5月9日下午，示例小学在操场举行了一年级新队员入队仪式。") == "示例小学举行“传唱经典 童心向党”一年级新队员入队仪式"


@pytest.mark.parametrize("label", ["所需閱讀時間 ≈", "文章字數： 2.4k", "看完這篇將學到："])
def test_a_label_above_the_body_is_not_the_headline(label):
    head = "<title>股票-除權息 | 示例資訊網</title>"
    body = f"<div>{label}</div>" + BODY
    assert read_page(page(head, body)).title == "股票-除權息"
