"""Pages that are not one article are skipped with the reason: lists, rankings, forum
threads, error pages, galleries; an article with a related list around it is not."""

from __future__ import annotations

import pytest

from digest.sources.page import NotAnArticle, read_page

from .conftest import FIXTURES

PAGES = FIXTURES / "pages"


@pytest.mark.parametrize("name, reason", [
    ("announcement_list.html", "list or index page|no article text"),
    ("ranking.html", "a list|no article text"),
    ("forum_thread.html", "a forum thread"),
    ("error_page.html", "an error page"),
])
def test_a_page_that_is_not_an_article_is_skipped_with_its_reason(name, reason):
    with pytest.raises(NotAnArticle, match=reason):
        read_page((PAGES / name).read_text(encoding="utf-8"))


def test_a_gallery_title_over_captions_is_a_gallery():
    markup = ("<html><head><title>图文-年度人物提名奖揭晓_体育_示例网</title></head><body>"
              "<h1>图文-年度人物提名奖揭晓</h1><p>12月15日，提名奖揭晓仪式现场。</p>"
              "<div>1/12</div><a href='#'>上一张</a><a href='#'>下一张</a></body></html>")
    with pytest.raises(NotAnArticle, match="a picture gallery"):
        read_page(markup)


@pytest.mark.parametrize("name", ["saved_page.html", "loose_lead.html", "byline_credits.html"])
def test_articles_are_still_read(name):
    assert read_page((PAGES / name).read_text(encoding="utf-8")).paragraphs


def test_a_one_sentence_flash_is_an_article():
    markup = ("<html><head><title>桃园轮胎行清晨大火 一人命丧火窟_示例网</title></head><body>"
              "<h1>桃园轮胎行清晨大火 一人命丧火窟</h1><div>2016-03-19 10:12</div>"
              "<p>（记者王小明桃园19日电）桃园市一家轮胎行今天清晨发生大火，7人从火场中疏散，一名女子逃生不及。</p>"
              "</body></html>")
    assert read_page(markup).paragraphs


def test_captions_over_a_slide_pager_are_a_gallery():
    nav = "".join(f"<a href='/n/{i}'>栏目{i}</a> " for i in range(40))
    markup = ("<html><head><title>北京一购物中心突发大火 现已被扑灭_娱乐_示例网</title></head><body>"
              f"<div class='nav'>{nav}</div><h1>北京一购物中心突发大火 现已被扑灭</h1><div>2024-12-15 20:06 来源：示例社</div>"
              "<div class='slide'><p>12月15日，消防车停在购物中心外。示例社发（王五 摄）</p>"
              "<p>12月15日，购物中心施工现场发生火灾，大火已被扑灭。</p>"
              "<div class='pager'>1 2 3 4 5 6 下一页</div></div></body></html>")
    with pytest.raises(NotAnArticle, match="a picture gallery"):
        read_page(markup)


def test_teasers_stamped_hours_ago_are_a_news_feed():
    items = "".join(f"<div class='item'><p>第{i}条新闻的摘要写在这里，说的是一件事情的大概经过。</p><p>{i}小时前</p>"
                    f"<a href='#'>分享</a></div>" for i in range(1, 8))
    markup = (f"<html><head><title>新闻中心-示例网</title></head><body><h1>要闻</h1>{items}</body></html>")
    with pytest.raises(NotAnArticle, match="news feed|a list"):
        read_page(markup)


def test_linked_headlines_with_teasers_are_a_list():
    # Each item: a linked headline and its teaser in one block, as a tag page prints them.
    items = "".join(f"<p><a href='/q/{i}'>类型系统的第{i}种设计方法与取舍</a>这个问题的摘要写在这里，说的是类型系统设计的"
                    f"第{i}种考虑，以及它的利弊。</p><span>{i} 赞</span>" for i in range(1, 11))
    markup = f"<html><head><title>前端 - 示例社区</title></head><body><h1>前端</h1><div>{items}</div></body></html>"
    with pytest.raises(NotAnArticle, match="not an article"):
        read_page(markup)


def _entry(citations: int) -> str:
    sections = ["早年经历", "演艺经历", "主要作品", "社会活动", "获奖记录", "人物评价"]
    contents = "".join(f"<li><a href='#{n}'>{name}</a></li>" for n, name in enumerate(sections, 1))
    parts = "".join(f"<h2 id='{n}'>{name}</h2><p>她在这一时期发行了多张专辑，作品获得了广泛的好评，也得到了业内的认可。"
                    f"<sup>[{2 * n}]</sup>此后她继续创作，并为其他歌手写歌。<sup>[{2 * n + 1}]</sup></p>"
                    for n, name in enumerate(sections[:citations // 2], 1))
    return (f"<html><head><title>示例歌手_示例百科</title></head><body><h1>示例歌手</h1>"
            f"<div class='toc'><h2>目录</h2><ol>{contents}</ol></div>{parts}</body></html>")


def test_an_encyclopedia_entry_with_contents_and_citations_is_skipped():
    with pytest.raises(NotAnArticle, match="a reference entry"):
        read_page(_entry(12))


def test_an_article_with_a_table_of_contents_but_few_citations_is_read():
    assert read_page(_entry(4)).paragraphs


def test_a_player_with_a_caption_is_a_video_page_and_an_article_with_a_clip_is_read():
    player = "<video src='/clip.mp4' controls></video>"
    markup = ("<html><head><title>台风登陆现场画面</title></head><body><h1>台风登陆现场画面</h1>"
              f"<div>{player}<p>台风今天下午在沿海登陆。</p></div></body></html>")
    with pytest.raises(NotAnArticle, match="a video page"):
        read_page(markup)
    body = "".join(f"<p>这是正文的第{n}段，讲的是台风登陆后各地的雨情和交通，以及有关部门的应对安排。</p>" for n in range(4))
    assert read_page(markup.replace("<p>台风今天下午在沿海登陆。</p>", body)).paragraphs


def test_a_post_written_in_short_lines_with_a_clip_embedded_is_read():
    lines = ["阿信芋头丸是华荣街与中正路口附近的小摊车", "从士林捷运站步行过来大约只要五分钟", "每次经过都看到摊车前排着长长的队伍",
             "芋头丸的外皮带点嚼劲，咬下去是满满的芋头泥", "香气很浓但吃起来不会太甜", "原味一颗十五元，价格相当实在",
             "另外还有芋头蛋黄口味可以选择", "老板说每天都是早上现做的", "下午三点开始营业，卖完就收摊",
             "旁边还有一家卖豆花的老店", "吃完芋头丸也可以顺便尝尝", "豆花的糖水是用黑糖慢慢熬出来的",
             "配料有花生、红豆和粉圆可以任选三样", "一碗四十元，夏天来吃特别消暑", "两家店都只收现金，记得先准备零钱",
             "假日人潮比平日多上不少，建议早点去", "如果遇到下雨天，摊车可能会提早收摊", "附近的停车位不多，搭捷运前往比较方便",
             "整体来说是很值得专程去吃的银板美食", "附近的夜市晚上六点以后才比较热闹", "白天来的话可以先逛逛旁边的传统市场",
             "市场里卖的水果和熟食也都很有特色", "逛累了再回来买一袋芋头丸边走边吃", "下次经过还要再试试芋头蛋黄口味！"]
    # as such posts print them: most lines end in a comma, a few in a full stop
    lines = [line if line.endswith("！") else line + ("。" if n % 5 == 4 else "，") for n, line in enumerate(lines)]
    markup = ("<html><head><title>士林阿信芋头丸</title></head><body><h1>士林阿信芋头丸</h1>"
              "<iframe src='https://example.com/video/player?id=1'></iframe>"
              + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>")
    assert read_page(markup).paragraphs[-1] == lines[-1]


def test_a_section_front_of_four_linked_headlines_with_teasers_is_a_list():
    items = "".join(
        f"<div><p><a href='/a{i}'>第{i}篇文章的标题在这里讲一件事</a></p>"
        f"<p>这是第{i}篇文章的导语，介绍这篇文章讲了什么事情，以及为什么值得一读。</p></div>" for i in range(4))
    markup = ("<html><head><title>前端-示例网</title></head><body><h1>前端</h1>"
              "<p>在这里关注前端领域的实践和方向，了解科技企业的前端工作。</p>" + items + "</body></html>")
    with pytest.raises(NotAnArticle, match="linked headlines"):
        read_page(markup)


def test_a_topic_list_stamped_many_times_is_a_feed_whatever_its_teasers_hold():
    rows = "".join(
        f"<div><p>第{i}个话题：接口自动化测试的覆盖率应该怎么制定？</p>"
        "<p>" + "有人问到这个问题，大家在工作中是怎么做的，请分享一下经验和方法，谢谢各位。" * 4 + "</p>"
        f"<p>用户{i} • 发布于 {i + 1} 小时前</p></div>" for i in range(10))
    markup = "<html><head><title>社区</title></head><body>" + rows + "</body></html>"
    with pytest.raises(NotAnArticle):
        read_page(markup)


FILLER = "".join(f"<p>第{i}段：市场人士认为，今年的走势仍取决于利率和盈利的变化。</p>" for i in range(3))


@pytest.mark.parametrize("markup, reason", [
    ("<html><head><title>芯片_示例搜索</title></head><body><input name='q' value='芯片'>"
     "<h3><a href='/1'>芯片行业的新变化</a></h3><p>2020年1月1日 - 芯片行业今年出现了新的变化。</p>"
     "<h3><a href='/2'>芯片价格走势</a></h3><p>2020年2月3日 - 芯片价格近期有所回落。</p></body></html>",
     "a search results page"),
    ("<html><head><title>示例商品 蓝色</title></head><body><h1>示例商品 蓝色</h1>"
     "<p>这款商品做工精细，适合家庭日常使用。</p><div>价格：￥59.00</div><div>原价：￥99.00</div>"
     "<div>会员价 ￥49.00</div><a href='/cart'>加入购物车</a></body></html>",
     "a shop or catalogue page"),
    ("<html><head><title>怎样跑步最健康</title></head><body><h1>怎样跑步最健康</h1>"
     "<p>每天跑多久比较合适？</p><div>最佳答案</div><p>每周三次、每次半小时左右比较合适，量力而行。</p>"
     "<div>其他2条回答</div><a href='/ask'>我要提问</a></body></html>",
     "a question-and-answer page"),
    ("<html><head><title>第7期协力楼</title></head><body><h1>第7期协力楼</h1>"
     "<div>#1 - 2023-3-7 00:34</div><p>请先看须知。</p><div>#2 - 2023-3-7 00:40</div><p>已读。</p>"
     "<div>#3 - 2023-3-8 10:02</div><p>收到。</p>" + "<p>" + "说明文字" * 60 + "</p></body></html>",
     "a forum or comment thread"),
])
def test_a_page_told_by_its_interface_marks_is_skipped(markup, reason):
    with pytest.raises(NotAnArticle, match=reason):
        read_page(markup)


def test_an_article_that_quotes_a_price_is_still_an_article():
    markup = ("<html><head><title>新款手机发布</title></head><body><h1>新款手机发布</h1>"
              "<p>新款手机今天发布，售价：￥3999起，起售价比上一代低。</p>" + FILLER + "</body></html>")
    assert read_page(markup).paragraphs


def test_a_post_that_ends_in_its_numbered_list_of_links_is_an_article():
    items = "".join(f"<p><a href='/r{i}'>{i}、第{i}个直播源资源的集合与地址汇总</a></p>" for i in range(1, 10))
    markup = ("<html><head><title>直播源合集</title></head><body><h1>直播源合集</h1>"
              "<p>一些电视直播源，做成了捷径，添加后直接打开，选择需要观看的频道即可跳转浏览器观看。</p>"
              + items + "<h3>猜你喜欢</h3><p><a href='/x'>另一篇文章的标题在这里</a></p></body></html>")
    assert read_page(markup).paragraphs[0].startswith("一些电视直播源")


def test_a_book_review_with_the_books_details_is_still_an_article():
    markup = ("<html><head><title>读《黄金时代》</title></head><body><h1>读《黄金时代》</h1>" + FILLER +
              "<p>书名：黄金时代</p><p>出版社：花城出版社</p><p>定价：25.00元</p><p>ISBN：9787536083455</p>"
              "<p>装帧：平装</p></body></html>")
    assert read_page(markup).paragraphs


def test_sofas_in_a_hotel_review_do_not_make_a_forum_thread():
    paragraphs = ["旅館的大門緩緩打開，午後的陽光灑在淺色系的沙發與木椅上，綠化與盆栽擺在木樁之上。",
                  "長條形的大堂被分割為沙發區、小商店和酒吧，撲面而來的是濃濃的森林氣息。",
                  "房間一角擺著一個龍貓沙發，相信客人都一定會喜歡，窗外就是河口湖。"]
    markup = ("<html><head><title>富士山下的森林溫泉</title></head><body><h1>富士山下的森林溫泉</h1>"
              + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>")
    assert read_page(markup).paragraphs == tuple(paragraphs)


def test_furniture_words_beside_punctuation_are_no_first_reply():
    paragraphs = [f"客厅的布置很讲究，沙发、茶几和地毯都选了浅色系，整体显得干净明亮，第{n}处细节也很用心。"
                  for n in range(1, 4)]
    markup = ("<html><head><title>小户型客厅这样布置</title></head><body><h1>小户型客厅这样布置</h1>"
              + "".join(f"<p>{p}</p>" for p in paragraphs) + "<p>1楼</p><p>2楼</p></body></html>")
    assert read_page(markup).paragraphs[:3] == tuple(paragraphs)


def test_a_first_reply_on_its_own_counts_as_a_forum_mark():
    from digest.sources.pagekind import FORUM

    assert len(FORUM.findall("楼主 正文 沙发 板凳 沙發！ 我家的沙发很舒服")) == 3


def test_floor_marks_and_a_first_reply_make_a_forum_thread():
    posts = [f"<div><p>{n}楼 网友{n}</p><p>这个问题我也遇到过，后来换了一个版本就好了，大家可以试试。</p></div>"
             for n in range(1, 5)]
    markup = ("<html><head><title>求助：软件打不开怎么办</title></head><body><h1>求助：软件打不开怎么办</h1>"
              "<p>楼主</p><p>沙发</p>" + "".join(posts) + "</body></html>")
    with pytest.raises(NotAnArticle, match="forum"):
        read_page(markup)


def test_many_short_lines_and_no_paragraph_are_a_list_of_headlines():
    lines = ["周蕙意外挖出演技魂！", "宇珊回应火箭少女事件", "隋棠传引退？老公说...", "郭采洁244字爆气驳整形",
             "张钧甯被问到差点晕倒", "炸弹文风波 宪哥泛泪说...", "新片首映观众大排长龙！", "歌手新专辑销量破纪录！",
             "天后演唱会门票秒杀？", "新剧收视登顶！"]
    markup = ("<html><head><title>娱乐新闻 - 示例影音</title></head><body><h1>娱乐新闻</h1>"
              + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>")
    with pytest.raises(NotAnArticle, match="list of headlines"):
        read_page(markup)


def test_a_flash_of_short_sentences_is_an_article():
    lines = ["记者从市气象台获悉，今天夜间有暴雨。", "全市中小学明天停课一天。", "地铁部分线路将延长运营时间。",
             "市民出行请注意安全。", "低洼路段可能出现积水。", "交警将在主要路口加强疏导。", "公交公司增开了夜间班次。",
             "气象台将适时发布最新预警。"]
    markup = ("<html><head><title>今夜有暴雨 明天停课 - 示例新闻网</title></head><body><h1>今夜有暴雨 明天停课</h1>"
              + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>")
    assert read_page(markup).paragraphs[0] == lines[0]


@pytest.mark.parametrize("og_type, reason", [("video.movie", "a video page"), ("product", "a product page"),
                                             ("book", "a book page"), ("music.song", "a music page")])
def test_an_open_graph_type_that_is_no_article_names_the_page(og_type, reason):
    markup = (f"<html><head><title>示例 - 示例网</title><meta property='og:type' content='{og_type}'></head><body>"
              "<h1>示例</h1><p>英伟达周二发布了新一代人工智能芯片，称其推理性能比上一代提高了三倍。</p></body></html>")
    with pytest.raises(NotAnArticle, match=reason):
        read_page(markup)


def test_an_article_or_website_open_graph_type_says_nothing_against_the_page():
    for og_type in ("article", "website"):
        markup = (f"<html><head><title>示例 - 示例网</title><meta property='og:type' content='{og_type}'></head><body>"
                  "<h1>示例</h1><p>英伟达周二发布了新一代人工智能芯片，称其推理性能比上一代提高了三倍。</p></body></html>")
        assert read_page(markup).paragraphs


@pytest.mark.parametrize("ld_type, reason", [("QAPage", "question-and-answer"), ("DiscussionForumPosting", "forum"),
                                             ("ProfilePage", "profile")])
def test_a_schema_org_type_in_a_json_ld_script_declines_the_page_however_large(ld_type, reason):
    body = "".join(f"<p>这是正文的第{n}段，讲的是台风登陆后各地的雨情和交通，以及有关部门的应对安排。</p>" for n in range(4))
    padding = "<script>var x = 1;</script>" * 4000          # a large page: its scripts go before parsing
    script = f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "{ld_type}"}}</script>'
    markup = f"<html><head><title>某问题</title>{script}{padding}</head><body><h1>某问题</h1>{body}</body></html>"
    with pytest.raises(NotAnArticle, match=reason):
        read_page(markup)
    assert read_page(markup.replace(ld_type, "NewsArticle")).paragraphs


def test_unclosed_json_ld_scripts_are_read_a_few_at_most():
    from digest.sources.page import MAX_LD_SCRIPTS, ld_scripts

    assert ld_scripts('<script type="application/ld+json">{"@type": "QAPage"}') == []
    code = "<script>var q = 'script[type=\"application/ld+json\"]';</script>"    # named in code, not a script's type
    assert ld_scripts(code + '<script type="application/ld+json">{"@type": "QAPage"}</SCRIPT >') == ['{"@type": "QAPage"}']
    assert ld_scripts("<" + "application/ld+json " * 2000) == []             # mentions far from any tag
    many = '<script type="application/ld+json">{}</script>' * 50
    assert len(ld_scripts(many)) == MAX_LD_SCRIPTS


def test_a_news_piece_listing_shops_and_their_prices_is_an_article():
    shops = "".join(f"<p>第{n}间店铺有口罩补货，售价每盒{20 + n}元，优惠价会员再减两元，每人限购一盒，售完即止。</p>"
                    for n in range(6))
    markup = ("<html><head><title>口罩哪里买 各店补货情况一文看清</title></head><body><h1>口罩哪里买 各店补货情况一文看清</h1>"
              "<p>本港抗疫产品缺货，不少店铺陆续有口罩补货，本报将不断更新各店的供应情况，供读者参考。</p>"
              f"{shops}</body></html>")
    assert len(read_page(markup).paragraphs) == 7


def test_a_front_page_of_teasers_cut_short_is_a_list_and_an_article_with_an_ellipsis_is_not():
    teasers = [f"第{n}篇：一个人久了，会活得像条狗。我是不信这句话的，从大一到大二，我一直是一个人吃饭、上课、去图书馆..."
               for n in range(5)]
    markup = ("<html><head><title>首页 - 示例社区</title></head><body><h1>创作你的创作</h1>"
              + "".join(f"<div><p>{t}</p></div>" for t in teasers) + "</body></html>")
    with pytest.raises(NotAnArticle, match="teasers"):
        read_page(markup)
    prose = ["他停顿了一下，说：“这件事……我们还要再想想。”", "会议一直开到深夜，仍然没有结论……",
             "第二天一早，公司宣布推迟发布新产品，具体时间另行通知。", "分析人士认为，推迟发布反映出公司对市场前景的担忧。"]
    markup = ("<html><head><title>公司推迟发布新品</title></head><body><h1>公司推迟发布新品</h1>"
              + "".join(f"<p>{t}</p>" for t in prose) + "</body></html>")
    assert read_page(markup).paragraphs


def test_a_page_whose_headline_calls_it_a_list_of_articles_is_a_list():
    items = " ".join(f"[新聞] 第{n}则球队新闻的标题在这里 作者{n} 2/20" for n in range(30))
    markup = (f"<html><head><title>看板 NBA 文章列表 - 示例论坛</title></head><body><h1>看板 NBA 文章列表</h1>"
              f"<div><p>{items}。</p></div></body></html>")
    with pytest.raises(NotAnArticle, match="list page"):
        read_page(markup)


def test_a_page_that_only_sends_the_reader_on_is_a_message_page():
    markup = ("<html><head><title>提示信息 - 示例论坛</title></head><body><div>你好，会员 退出</div>"
              "<div class='alert'><p>欢迎参加本周六的技术沙龙，现在就报名，名额有限。</p>"
              "<p><a href='/x'>如果您的浏览器没有自动跳转，请点击此链接</a></p></div></body></html>")
    with pytest.raises(NotAnArticle, match="redirect or message"):
        read_page(markup)


def test_a_download_sites_film_record_is_a_catalogue_page():
    fields = "".join(f"<p>◎{name}　{value}</p>" for name, value in [
        ("译　　名", "你能原谅我吗？"), ("片　　名", "Can You Ever Forgive Me?"), ("年　　代", "2018"), ("产　　地", "美国"),
        ("类　　别", "剧情/传记"), ("语　　言", "英语"), ("字　　幕", "中英双字"), ("导　　演", "玛丽勒·海勒")])
    markup = ("<html><head><title>2018年获奖剧情《你能原谅我吗？》BD中英双字</title></head><body>"
              "<h1>2018年获奖剧情《你能原谅我吗？》BD中英双字</h1>" + fields +
              "<p>一位过气的传记作家为了生计，开始伪造名人书信出售，却意外找回了写作的乐趣。</p></body></html>")
    with pytest.raises(NotAnArticle, match="catalogue"):
        read_page(markup)


def test_a_travel_diary_beside_a_box_of_question_counts_is_an_article():
    diary = "".join(f"<p>第{n}天，我们在海边走了一整天，吃了当地的海鲜，晚上又去夜市逛了很久才回酒店休息。</p>" for n in range(8))
    box = "<div class='qa'><a>三亚哪里好玩？ 42回答</a><a>海鲜去哪里吃？ 103回答</a><a>住哪里方便？ 25回答</a></div>"
    markup = ("<html><head><title>海岛之冬，和闺蜜的三亚之旅</title></head><body><h1>海岛之冬，和闺蜜的三亚之旅</h1>"
              f"{diary}{box}</body></html>")
    assert len(read_page(markup).paragraphs) == 8


@pytest.mark.parametrize("headline, paragraphs", [
    ("Python 列表排序详解", ["列表是 Python 中最常用的数据结构之一，排序是对列表最常见的操作，本文介绍两种排序方法的区别。",
                          "sort 方法在原列表上排序，sorted 函数则返回一个新列表，原列表保持不变，两者都支持自定义键。"]),
    ("央行公布第二批系统重要性银行名单列表", ["中国人民银行今天公布了第二批系统重要性银行名单，共有十九家银行入选，比上一批增加了两家。"]),
    ("地铁应用故障 乘客无法进站", ["今天早高峰，多名乘客反映地铁应用的乘车码页面显示正在跳转，随后长时间白屏，无法刷码进站。",
                            "运营方表示，故障由服务器升级引起，已于九点前全部恢复，当天受影响的乘客可申请补登行程。"]),
    ("车站的黄昏", ["他站在月台上，看着最后一班车慢慢开走，车站里的人越来越少……",
                  "广播里反复播着同一段通知，声音在空荡荡的大厅里回响，没有人停下来听……",
                  "售票窗口早就关了，只剩下一盏灯还亮着，照着墙上那张褪了色的时刻表……",
                  "我想起很多年前，也是在这样一个黄昏，我第一次离开家，第一次坐上这趟车……",
                  "那时候的车站还很新，人也很多，每个人都急着去往某个地方。"]),
])
def test_ordinary_articles_that_mention_lists_redirects_or_trail_off_are_read(headline, paragraphs):
    markup = (f"<html><head><title>{headline}</title></head><body><h1>{headline}</h1>"
              + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>")
    assert read_page(markup).paragraphs


SECTION_ITEMS = "".join(
    f"<div class='card'><p>{who}昨天在活动上说，今年的计划已经定下来了，下个月会在发布会上公布更多细节。</p></div>"
    for who in ("张先生", "李女士", "王教授", "赵经理", "陈主任", "刘老师"))


def test_a_page_titled_only_with_the_sites_name_under_a_label_heading_is_a_section_page():
    # a line or two of text under the label, and the section's entries (names and counts, no sentences)
    entries = "".join(f"<div class='card'><span>{who}的专栏</span> <span>{n}篇文章 {n * 37}次阅读</span></div>"
                      for n, who in enumerate(("张先生", "李女士", "王教授", "赵经理", "陈主任", "刘老师", "周编辑", "吴记者", "郑律师", "孙医生", "钱会计"), 1))
    markup = (f"<html><head><title>示例观点网 - 分享观点从这里开始</title></head><body>"
              f"<h1>類別</h1><p>本栏目收录各位作者对时事的观点与评论，欢迎读者踊跃来稿。</p>{entries}"
              "<div class='footer'>关于我们 联系方式 投稿须知 隐私政策 使用条款 广告合作 友情链接 网站地图</div></body></html>")
    with pytest.raises(NotAnArticle, match="names only the site"):
        read_page(markup)


@pytest.mark.parametrize("page_title, heading", [
    ("示例观点网 - 分享观点从这里开始", "春运返乡高峰今日到来 铁路加开夜间列车"),   # a headline under the site's name
    ("春运观察_示例观点网", "春运观察"),                                         # a short headline <title> repeats
])
def test_an_article_under_a_sites_name_or_with_a_short_headline_is_read(page_title, heading):
    markup = (f"<html><head><title>{page_title}</title></head><body>"
              f"<h1>{heading}</h1>{SECTION_ITEMS}</body></html>")
    assert read_page(markup).paragraphs


def test_teasers_between_their_dates_are_a_list_of_teasers():
    items = "".join(f"<p>第{i}篇文章的开头是这样写的，作者先讲了市场的走向，又讲了黄金价格的变化，最后还提到了...</p>"
                    f"<p>2020/06/0{i}</p>" for i in range(1, 6))
    markup = f"<html><head><title>Commodities - 示例翻译</title></head><body><h1>Commodities</h1>{items}</body></html>"
    with pytest.raises(NotAnArticle, match="a list of teasers"):
        read_page(markup)


def test_summaries_each_under_a_linked_headline_are_a_list():
    items = "".join(f"<li><a href='/post/{i}'>示例项目发布第{i}个新版本</a><span>2024-02-0{i}</span>"
                    f"<p>这个版本带来了第{i}组改进和新增功能，修复了许多用户报告的问题。</p></li>" for i in range(1, 7))
    markup = (f"<html><head><title>新闻 - 示例开源社区</title></head><body><h1>新闻</h1><ol>{items}</ol>"
              "</body></html>")
    with pytest.raises(NotAnArticle, match="not an article"):
        read_page(markup)


def test_excerpts_that_each_end_in_a_read_more_link_are_a_list():
    posts = "".join(f"<article><h2><a href='/p/{i}'>第{i}篇文章的标题在这里</a></h2>"
                    f"<p>这是第{i}篇文章开头的几段话，讲的是一家公司如何把一项技术做成了产品，又怎样卖给了更多的人，"
                    f"中间还有许多曲折的故事值得一读，作者在文章里把这些故事一个一个讲给读者听，也说了自己从中学到的东西。</p><a href='/p/{i}'>Read More →</a></article>" for i in range(1, 3))
    markup = f"<html><head><title>Posts List - 示例博客</title></head><body>{posts}</body></html>"
    with pytest.raises(NotAnArticle, match="not an article"):
        read_page(markup)


def test_an_article_with_one_related_link_between_its_paragraphs_is_read():
    paragraphs = [f"<p>第{i}段：公司今天公布了季度业绩，营收同比增长三成，分析人士认为增长主要来自海外市场。</p>"
                  for i in range(1, 6)]
    paragraphs.insert(2, "<p><a href='/other'>另一家公司的季度业绩也超出了市场预期</a></p>")
    markup = (f"<html><head><title>公司季度营收增长三成_示例网</title></head><body><h1>公司季度营收增长三成</h1>"
              f"{''.join(paragraphs)}<a href='/more'>阅读更多</a></body></html>")
    assert len(read_page(markup).paragraphs) >= 5


def test_a_funds_data_page_on_a_fund_portal_is_not_an_article():
    fields = ("盘中估算：0.9681 单位净值（11-15）：0.9699 交易状态：暂停申购 购买手续费：1.50% "
              "成立日期：2016-12-07 基金经理：某某 类型：混合型 管理人：某某资管 资产规模：2.21亿元")
    markup = ("<html><head><title>某某定增混合(169201)基金基本概况_示例基金网</title></head><body>"
              f"<h1>某某定增灵活配置混合</h1><div>{fields}</div><h3>投资目标</h3>"
              "<p>在封闭期内，本基金主要投资于定向增发的证券，基金管理人在严格控制风险的前提下，力争基金资产的长期稳定增值。</p>"
              "<h3>投资范围</h3><p>本基金的投资范围为具有良好流动性的金融工具，包括国内依法发行上市的股票、债券、货币市场工具等。</p>"
              "</body></html>")
    with pytest.raises(NotAnArticle, match="a fund's data page"):
        read_page(markup)


def test_fund_news_and_a_film_review_with_info_boxes_are_read():
    body = "".join(f"<p>第{n}段：某某基金今日发布公告称，旗下一只混合型基金将于下周开放申购，业内人士看好后市的结构性机会。</p>"
                   for n in range(1, 7))
    box = "类型：混合型 成立日期：2021-03-02 基金经理：张三 管理人：某某基金 托管人：某某银行 资产规模：12.3亿元"
    markup = (f"<html><head><title>某某基金逆势布局新品_示例财经</title></head><body><h1>某某基金逆势布局新品</h1>"
              f"<div>2024-03-01 09:30</div><div class='box'>{box}</div>{body}</body></html>")
    assert len(read_page(markup).paragraphs) >= 6
    info = "中文名：远方 英文名：Far Away 导演：某某 主演：某某 类型：剧情 地区：中国大陆 语言：普通话"
    markup = (f"<html><head><title>影评：远方的孤独与成长_示例影评</title></head><body><h1>影评：远方的孤独与成长</h1>"
              f"<div>2024-01-20</div><div class='info'>{info}</div>{body}</body></html>")
    assert len(read_page(markup).paragraphs) >= 6



def test_an_entry_saved_with_its_own_address_before_each_section_link_is_still_a_reference_entry():
    saved = _entry(12).replace("href='#", "href='http://zh.example.org/wiki/%E6%AD%8C%E6%89%8B#")
    assert "href='#" not in saved
    with pytest.raises(NotAnArticle, match="a reference entry"):
        read_page(saved)


def test_a_thread_whose_first_post_sits_under_its_floor_mark_is_a_forum_thread():
    post = "".join(f"<p>第{n}段：看完这篇报道心里很难受，一个人在山村里教了这么多年书，却被这样对待，我们能做些什么？</p>"
                   for n in range(1, 5))
    replies = "".join(f"<div class='reply'><span>{n}楼</span><p>支持这个看法，希望他一切都好。</p></div>" for n in range(2, 6))
    markup = ("<html><head><title>我只能为你痛彻心扉 - 示例社区</title></head><body><h1>我只能为你痛彻心扉</h1>"
              f"<div class='post'><span>楼主</span> <span>头衔：新手上路</span>{post}</div>{replies}</body></html>")
    with pytest.raises(NotAnArticle, match="a forum thread"):
        read_page(markup)


def test_a_thread_whose_first_post_sits_under_the_new_post_button_is_a_forum_thread():
    post = "".join(f"<p>第{n}段：这款显示器从接口到色彩都做得很扎实，适合做设计的朋友，价格也比同类产品更合适一些。</p>"
                   for n in range(1, 5))
    replies = "".join(f"<table class='reply'><tr><td>{n} # 用户{n} 发表于 2020-8-12 14:0{n}</td></tr>"
                      f"<tr><td class='t_f'>赞一个</td></tr><tr><td>回复 支持 反对 举报</td></tr></table>" for n in range(2, 7))
    markup = ("<html><head><title>强大，旗舰显示器就要有样儿！ - 示例社区</title></head><body>"
              "<div class='pg'>1 2 3 / 3 页 下一页 返回列表 <a href='/post'>发新帖</a></div>"
              f"<h1>强大，旗舰显示器就要有样儿！</h1><div class='meta'>发表于 2020-8-12 11:42 | 来自PC浏览器</div>"
              f"<div class='t_f'>{post}</div>{replies}</body></html>")
    with pytest.raises(NotAnArticle, match="a forum thread"):
        read_page(markup)
    # a forum's button in an article page's navigation, far above its story, changes nothing
    article = ("<html><head><title>公司季度营收增长三成_示例网</title></head><body><div class='nav'><a href='/bbs/post'>发新帖</a>"
               + "".join(f"<a href='/c{n}'>栏目{n}</a>" for n in range(40)) + "</div><h1>公司季度营收增长三成</h1>"
               + "".join(f"<p>第{n}段：公司今天公布了季度业绩，营收同比增长三成，分析人士认为增长主要来自海外市场的需求。</p>"
                         for n in range(1, 5))
               + "<h3>网友评论</h3>" + "".join(f"<div><span>{n}楼</span><p>不错。</p></div>" for n in range(1, 6))
               + "</body></html>")
    assert len(read_page(article).paragraphs) >= 4


def test_comment_floors_after_an_article_leave_it_an_article():
    body = "".join(f"<p>第{n}段：公司今天公布了季度业绩，营收同比增长三成，分析人士认为增长主要来自海外市场的需求。</p>"
                   for n in range(1, 5))
    comments = "".join(f"<div class='comment'><span>{n}楼</span><p>这家公司的产品确实不错。</p></div>" for n in range(1, 6))
    markup = ("<html><head><title>公司季度营收增长三成_示例网</title></head><body><h1>公司季度营收增长三成</h1>"
              f"<div>2024-05-12 10:00</div>{body}<h3>网友评论</h3>{comments}</body></html>")
    assert len(read_page(markup).paragraphs) >= 4


def test_an_entry_whose_sections_are_divs_opening_with_their_heading_is_a_reference_entry():
    sections = ["早年经历", "演艺经历", "主要作品", "社会活动", "获奖记录", "人物评价"]
    contents = "".join(f"<li><a href='#s{n}'>{name}</a></li>" for n, name in enumerate(sections, 1))
    parts = "".join(f"<div id='s{n}'><h2>{name}</h2><p>她在这一时期发行了多张专辑，作品获得了广泛的好评。<sup>[{2 * n}]</sup>"
                    f"此后她继续创作，并为其他歌手写歌。<sup>[{2 * n + 1}]</sup></p></div>" for n, name in enumerate(sections, 1))
    markup = (f"<html><head><title>示例歌手_示例百科</title></head><body><h1>示例歌手</h1>"
              f"<div class='toc'><ol>{contents}</ol></div>{parts}</body></html>")
    with pytest.raises(NotAnArticle, match="a reference entry"):
        read_page(markup)


def test_a_list_of_posts_printed_whole_under_their_headings_is_a_list():
    lines = ["今年春节前夕，记者跟随返乡的务工人员一同登上了开往西南的列车，车厢里挤满了旅客。",
             "五十二岁的老王在广东打工已经十五年，他说今年收入比去年稍好一些，给孩子买了新衣服。",
             "回到村里，老王发现家门口的土路已经修成了水泥路，村里还新建了一座卫生院和文化广场。"]
    entries = "".join(f"<article><header><h2>春运路上的见闻之{n}</h2></header><section><p>{line}</p><p>{line[::-1]}</p></section>"
                      f"<footer>2021-12-0{n} · 1 min</footer><a aria-label='post link to 春运路上的见闻之{n}' href='/p/{n}/'></a></article>"
                      for n, line in enumerate(lines * 2, 1))
    markup = f"<html><head><title>财经 | 示例博客</title></head><body><h1>财经</h1>{entries}</body></html>"
    with pytest.raises(NotAnArticle, match="list of posts"):
        read_page(markup)


def test_a_tag_page_of_two_posts_with_short_headlines_and_excerpts_is_a_list():
    excerpts = ["前几天写了《我所理解的财富》，把别人和自己的想法和经历揉杂成一篇文章，今天接着写下篇，谈谈财富和自由之间的关系，以及我在交易中学到的东西。钱能买来时间，时间才是真正的财富。",
                "这个文章标题可以说是向一本书致敬。但是把生活换成财富似乎少了一些诗意，多了一些铜臭味，完整的标题应该更长，我就简称为我所理解的财富。这些年的起起落落，让我慢慢有了新的理解。"]
    entries = "".join(f"<article class='post'><a href='/p{n}/'><h2>我所理解的财富{'（下）' if n else ''}</h2></a>"
                      f"<div><span>2022-01-0{n + 1}</span> <span>5 min read</span> <a href='/tag/x/'># 财富</a></div>"
                      f"<div class='excerpt'>{text}</div></article>" for n, text in enumerate(excerpts))
    markup = (f"<html><head><title>财富 | 示例博客</title></head><body><h1>示例博客</h1><h2>标签：# 财富</h2>{entries}"
              "<footer>一个记录投资、交易与生活的个人博客，欢迎交流。Powered by Gridea</footer></body></html>")
    with pytest.raises(NotAnArticle, match="list of posts"):
        read_page(markup)
    # a post of its own, its headline a link to itself, with one related post's excerpt below, is an article
    body = "".join(f"<p>{text}</p>" for text in excerpts * 2)
    markup = (f"<html><head><title>我所理解的财富 | 示例博客</title></head><body><article class='post'><a href='/p0/'><h2>我所理解的财富</h2></a>"
              f"<div>2022-01-01</div>{body}</article><h3>相关文章</h3><article class='post'><a href='/p1/'><h2>我所理解的生活</h2></a>"
              f"<div class='excerpt'>{excerpts[0]}</div></article></body></html>")
    assert read_page(markup).title == "我所理解的财富"


def test_a_front_page_of_cards_each_a_linked_headline_run_into_its_excerpt_is_a_list():
    posts = [("2025年美股开户保姆级教程", "前言本文的主要内容是介绍目前境内居民线上开通美股账户并跑通出入金流程的方法，步骤详细。"),
             ("全球汇款工具开户教程：从注册到入金", "前言这篇文章介绍如何注册、验证和入金，以及常见的问题和避坑指南，供大家参考。"),
             ("2025年最新境外银行开户及入金验证教程", "前言随着境外银行账户审核政策持续收紧，此前备受青睐的一些方法已经不再可行。"),
             ("关税战下的美股：我的应对和思考", "前言这段时间市场波动很大，我把自己的持仓和操作思路写下来，也算是一份记录。")]
    cards = "".join(f"<div class='card'><a href='/p/{n}/'>{t}</a>{x}<span>发表于 2025-04-0{n + 1}</span></div>"
                    for n, (t, x) in enumerate(posts))
    markup = (f"<html><head><title>示例博客</title></head><body><h1>示例博客</h1>{cards}"
              "<aside>公告：欢迎来到我的博客，这里记录投资与生活。</aside></body></html>")
    with pytest.raises(NotAnArticle, match="linked headline"):
        read_page(markup)
    # an article whose paragraphs open with a linked name now and then stays an article
    body = "".join(f"<p><a href='/p/{n}/'>{t}</a>一文发布后，{x}</p>" if n == 0 else f"<p>{x}这是第{n}段的补充说明，内容与上文相关。</p>"
                   for n, (t, x) in enumerate(posts))
    markup = f"<html><head><title>开户经验谈 - 示例博客</title></head><body><h1>开户经验谈</h1>{body}</body></html>"
    assert read_page(markup).title == "开户经验谈"


@pytest.mark.parametrize("line", ["404，页面找不到了！", "对不起，页面找不到了！"])
def test_an_error_page_whose_title_names_only_the_site_is_skipped(line):
    markup = ("<html><head><title>- 示例投资</title></head><body><header><a href='/'>示例投资</a>"
              "<nav><a href='/'>首页</a> <a href='/tags'>标签</a> <a href='/about'>关于</a></nav></header>"
              f"<p>{line}</p><a href='/'>点击返回</a><footer>© 示例投资</footer></body></html>")
    with pytest.raises(NotAnArticle, match="error page"):
        read_page(markup)


ENTRY_LINES = "".join(f"<li><span>2025-06-1{i}</span> <a href='/p/{i}'>港股开户流程与注意事项第{i}篇</a></li>" for i in range(3))
SIDEBAR = "<aside><p>一个分享投资与生活记录的个人博客，欢迎交流。</p><ul>" + ENTRY_LINES + "</ul></aside>"


@pytest.mark.parametrize("title, heading, extra", [
    ("Tag: 港股 | 示例博客", "Tag - 港股", ""),                    # a tag page names itself so
    ("彙整 | 示例博客", "示例博客", ""),                            # an archive page
    ("专题: 经济 | 示例博客", "专题 - 经济", ""),                    # a topic page
    ("时间轴 | 示例博客", "时间轴", ""),                            # a blog's timeline of its posts
    ("标签 - 新闻 - 示例手册", "新闻", "<p>共计 2 篇文章</p>"),      # a page that counts its posts
])
def test_a_tag_category_or_archive_page_is_a_list(title, heading, extra):
    markup = (f"<html><head><title>{title}</title></head><body><h1>{heading}</h1>{extra}"
              f"<ul>{ENTRY_LINES}</ul>{SIDEBAR}<footer>本站由 Hexo 驱动</footer></body></html>")
    with pytest.raises(NotAnArticle, match="tag, category or archive"):
        read_page(markup)


def test_an_error_page_that_says_sorry_under_the_bare_site_name_is_skipped():
    markup = ("<html><head><title>台股示例课</title></head><body><header><a href='/'>台股示例课</a></header>"
              "<p>歡迎來到 台股示例课 ，祝旗開得勝！</p><p>抱歉，找不到您存取的頁面</p><p>可能是網址有誤或已經刪除</p>"
              "<a href='/'>返回首頁</a><footer>本站由 @某某 建立，使用 Stellar 作為主題。</footer></body></html>")
    with pytest.raises(NotAnArticle, match="error page"):
        read_page(markup)


def test_a_tag_named_in_the_title_only_over_two_dated_posts_is_a_list():
    entries = "".join(f"<li><span>0{i}-15</span> <a href='/p/{i}'>港股开户流程与注意事项第{i}篇</a></li>" for i in (3, 5))
    markup = ("<html><head><title>標籤: ETF | 示例博客</title></head><body><h1>示例博客</h1>"
              f"<p>一个分享投资与生活记录的个人部落格，欢迎交流。</p><h2>2025</h2><ul>{entries}</ul></body></html>")
    with pytest.raises(NotAnArticle, match="tag, category or archive"):
        read_page(markup)


def test_excerpts_each_under_a_date_and_an_unlinked_headline_are_a_list():
    lines = ["特斯拉的使命从未改变，加速世界向可持续能源的转变，这不仅是一句印在官网的宣言。",
             "福特汽车近期投下一枚重磅炸弹，暂停其标志性电动皮卡的生产，引发行业广泛关注。",
             "自动驾驶赛道风起云涌，技术迭代日新月异，当多数玩家仍在模块化感知上投入时。",
             "特斯拉能源工程副总裁在财报电话会上表示，储能业务将迎来新一轮的快速增长。",
             "电动汽车新势力近日掷出两亿五千万美元巨款，与因车型涨价引发的诉讼达成和解。"]
    cards = "".join(f"<div class='card'><div>2025-10-2{9 - i}</div><h3>示例新闻网的第{i}条新闻标题在这里</h3><p>{line}</p>"
                    f"<a href='/p/{i}' aria-label='read'></a></div>" for i, line in enumerate(lines))
    markup = f"<html><head><title>示例日报</title></head><body><h1>示例日报</h1>{cards}</body></html>"
    with pytest.raises(NotAnArticle, match="excerpts"):
        read_page(markup)


def test_a_category_page_headed_by_its_name_is_a_list_though_its_excerpt_is_long():
    excerpt = ("GDP，中文名叫国内生产总值，是目前衡量一国经济发展最重要的宏观指标，在本篇报告中，我们从书本到实际，"
               "向读者呈现统计局是如何一步步核算出这个数字的。")
    markup = ("<html><head><title>分类: 宏观经济 | 示例博客</title></head><body><h1>分类: 宏观经济</h1>"
              f"<div>2020-12-01</div><h2><a href='/p/1'>GDP分析手册</a></h2><p>{excerpt}</p><div>2020-11-01</div></body></html>")
    with pytest.raises(NotAnArticle, match="tag, category or archive"):
        read_page(markup)


def test_excerpts_cut_off_mid_clause_each_followed_by_its_date_are_a_list():
    from digest.sources.pagelists import dated_items

    teasers = ["行业总结与展望在很长的时间里，我们为地方政府提供解决方案，大多都是义务劳动。目前，我们的整个策划案已经增值到了",
               "乡村发展最缺的是什么？前面的案例中，我提到公司摘拍了首宗集建用地，在当时区位优势不明显的情况下",
               "玩转集建用地，你玩转了吗？集建用地分为宅基地和集体经营性建设用地，宅基地以村民居住为主要功能",
               "只盯建设用地和乡居营造的尴尬，在乡村振兴战略实施的鼓舞下，越来越多企业、机构进入到乡村这片热土"]
    # the body as read from a company's list page: each excerpt, then its date on a line of its own
    listed = [line for t in teasers for line in (t, "2022-04-15")]
    assert dated_items(listed, " ".join(listed))
    # a diary whose days close their sentences, or a timeline from the oldest, is no list
    diary = [line for t in teasers for line in (t + "。", "2022-04-15")]
    assert not dated_items(diary, " ".join(diary))
    timeline = [line for n, t in enumerate(teasers) for line in (t, f"20{19 + n}-04-15")]
    assert not dated_items(timeline, " ".join(timeline))


def test_a_forums_new_post_button_in_a_news_sites_header_leaves_its_article_an_article():
    body = "".join(f"<p>第{n}段：公司今天公布了季度业绩，营收同比增长三成，分析人士认为增长主要来自海外市场的需求。</p>"
                   for n in range(1, 5))
    comments = "".join(f"<div class='comment'><span>{n}楼</span><p>这家公司的产品确实不错。</p></div>" for n in range(1, 6))
    markup = ("<html><head><title>公司季度营收增长三成_示例网</title></head><body><div class='top'><a href='/bbs'>论坛</a>"
              "<a href='/bbs/post'>发新帖</a></div><h1>公司季度营收增长三成</h1><div>2024-05-12 10:00 来源：示例网</div>"
              f"{body}<h3>网友评论</h3>{comments}</body></html>")
    assert len(read_page(markup).paragraphs) >= 4


def test_cards_each_with_a_posters_stamp_are_a_list_of_posts():
    from digest.sources.pagelists import dated_items

    cards = [f"{title} MineW 发布于 July 12, 2022 {teaser}" for title, teaser in (
        ("为什么说元宇宙会是下一个技术风口？", "如果说近年科技领域最热门的探索方向，那么非元宇宙莫属，去年也被认为是元宇宙元年。"),
        ("元宇宙技术对人格权的侵害风险及法制应对", "与当前的移动互联网应用相对比，元宇宙技术有与人体直接联通更强的特点。"),
        ("元宇宙技术综述", "元宇宙作为一个新兴的概念受到了产业界、学术界、媒体界及公众的广泛关注。"),
        ("元宇宙的关键技术和实现路径", "一千个人心中，有一千个元宇宙，它出自1992年出版的一部科幻小说。"))]
    assert dated_items(cards, " ".join(cards))
    # an article that says once where it was first posted is none
    article = ["本文发表于 2022-07-12 的内部通讯，现经作者同意转载。"] + [c.split(" 2022 ", 1)[1] for c in cards]
    assert not dated_items(article, " ".join(article))


def test_comments_or_quoted_posts_with_their_stamps_are_no_list_of_cards():
    from digest.sources.pagelists import dated_items

    article = ["公司今天公布了季度业绩，营收同比增长三成，分析人士认为增长主要来自海外市场。"] * 2
    comments = [f"网友{n} 发表于 2022-07-13 10:2{n} 写得真好，学习了，感谢作者的分享。" for n in range(6)]
    assert not dated_items(article + comments, " ".join(article + comments))
    quoted = [f"网友“小{n}”发表于2022-07-1{5 - n}的帖子称，这家公司的产品确实不错，值得推荐。" for n in range(4)]
    assert not dated_items(quoted, " ".join(quoted))


def test_a_thread_whose_first_post_is_stamped_with_its_time_under_a_long_profile_is_a_forum_thread():
    post = "".join(f"<p>第{n}段：这款显示器从接口到色彩都做得很扎实，适合做设计的朋友，价格也比同类产品更合适一些。</p>"
                   for n in range(1, 5))
    replies = "".join(f"<table class='reply'><tr><td>{n} # 用户{n} 发表时间：2020-8-12 14:0{n}</td></tr>"
                      f"<tr><td class='t_f'>赞一个</td></tr></table>" for n in range(2, 7))
    profile = "<div class='profile'>" + "积分 1234 帖子 567 精华 8 注册时间 2015-3-4 最后登录 2020-8-1 " * 3 + "</div>"
    markup = ("<html><head><title>强大，旗舰显示器就要有样儿！ - 示例社区</title></head><body>"
              f"<div class='pg'>返回列表 <a href='/post'>发新帖</a></div>{profile}"
              f"<h1>强大，旗舰显示器就要有样儿！</h1><div class='meta'>发表时间：2020-8-12 11:42</div>"
              f"<div class='t_f'>{post}</div>{replies}</body></html>")
    with pytest.raises(NotAnArticle, match="a forum thread"):
        read_page(markup)
