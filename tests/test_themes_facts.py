"""Themes from the taxonomy and clustering; English key facts from real sentences."""

from __future__ import annotations

from digest.config import DEFAULT_THEMES, ThemeSpec
from digest.editorial.facts import english_amount, figures, key_facts
from digest.models import Article, Item, KeyFacts
from digest.editorial.document import document
from digest.editorial.summarize import summarize
from digest.editorial.stories import related_groups
from digest.editorial.compose import arrange


def article(aid: str, title: str, *paragraphs: str) -> Article:
    return Article(aid, f"{aid}.txt", 0, title, paragraphs)


CHIPS = article("c1", "英伟达芯片出口管制或将放松",
                "美国国会酝酿进一步收紧向其他国家出口高端AI芯片，但黄仁勋似乎扳回一局。",
                "英伟达正就向中国出售更高端的H200芯片与白宫进行初步谈判，半导体板块应声上涨。")
CHIPS_AGAIN = article("c2", "黄仁勋会见特朗普，H200芯片对华出口有望放行",
                      "英伟达正就向中国出售更高端的H200芯片与白宫进行初步谈判，半导体板块应声上涨。",
                      "美国国会酝酿进一步收紧向其他国家出口高端AI芯片，但黄仁勋似乎扳回一局。")
COOKING = article("k1", "红烧肉的做法", "红烧肉需要先把五花肉焯水，再放冰糖炒出糖色。",
                  "小火慢炖一个小时，五花肉软糯入味，汤汁收浓即可出锅。")


def _summarised(a: Article):
    doc = document(a)
    return doc, summarize(doc)


def items_for(*articles: Article, budget: int = 180):
    docs = [document(a) for a in articles]
    items = [Item(a, summarize(d, budget), KeyFacts(), 1) for a, d in zip(articles, docs)]
    return docs, items


def test_same_story_is_related_and_shares_a_theme():
    docs, items = items_for(CHIPS, CHIPS_AGAIN, COOKING)
    assert sorted(map(sorted, related_groups(docs))) == [[0, 1], [2]]
    themes = arrange(docs, items, DEFAULT_THEMES).themes
    chips = next(t for t in themes if t.key == "ai-chips")
    assert {i.article.id for i in chips.items} == {"c1", "c2"}
    assert chips.items[0].related
    # One story, shown once: the other report is listed under it.
    assert [i.shown for i in chips.items] == [True, False]
    assert len(chips.items[0].reports) == 1
    # A lone story of another subject goes to the closing section, not under a made-up heading.
    assert [(t.key, t.kind, t.name_en) for t in themes[1:]] == [("other", "other", "Also this week")]
    assert [i.article.id for i in themes[1].items] == ["k1"] and themes[1].overview == ""


def test_near_identical_sentences_are_not_repeated_in_a_theme():
    docs, items = items_for(CHIPS, CHIPS_AGAIN)
    (theme,) = arrange(docs, items, DEFAULT_THEMES).themes
    shown = [s.text for i in theme.items for s in i.summary.sentences]
    assert len(shown) == len(set(shown))


def test_every_item_lands_in_exactly_one_theme():
    docs, items = items_for(CHIPS, COOKING)
    themes = arrange(docs, items, (ThemeSpec("x", "甲", "X", ("不存在的词",)),)).themes
    placed = [i.article.id for t in themes for i in t.items]
    assert sorted(placed) == ["c1", "k1"]


def test_amounts_in_yi_become_billions_with_currency():
    assert english_amount("6000", "亿", "美元") == "US$600 billion"
    assert english_amount("1", "万亿", "美元") == "US$1 trillion"
    assert english_amount("1.2", "万亿", "元") == "¥1.2 trillion"
    assert english_amount("5890", "万", "港元") == "HK$58.9 million"


def test_figures_and_names_from_a_real_sample_sentence():
    sentence = ("1月27日(週一),英偉達大跌17%,市值下跌了5890億美元,"
                "創下了歷史上公司市值最大單日下跌記錄。")
    a = article("n", "DeepSeek衝擊英偉達", sentence)
    facts = key_facts(*_summarised(a))
    assert "Nvidia" in facts.names
    assert facts.figures[:3] == ("27 Jan", "17%", "US$589 billion")
    assert "market value" in facts.terms
    assert figures("涨幅是3.88%") == ("3.88%",)


def test_clustering_separates_topics_with_given_and_chosen_counts():
    from digest.editorial.clustering import cluster_documents

    topics = {
        "chips": ["英伟达芯片出口管制放松，半导体股大涨，台积电和博通跟涨。",
                  "美国限制高端GPU芯片出口，英伟达H200芯片对华销售谈判。",
                  "半导体板块走强，芯片股领涨，算力需求推动英伟达业绩。",
                  "台积电先进制程芯片产能紧张，半导体设备订单增加。"],
        "food": ["红烧肉需要五花肉焯水，再放冰糖炒出糖色，小火慢炖。",
                 "糖醋排骨的做法：排骨焯水后炸至金黄，加糖醋汁翻炒。",
                 "五花肉切块焯水，加冰糖、酱油小火炖一个小时。",
                 "排骨炖汤要先焯水，加姜片小火慢炖两个小时。"],
    }
    docs, truth = [], []
    for label, texts in topics.items():
        for n, text in enumerate(texts):
            docs.append(document(article(f"{label}{n}", "", text)))
            truth.append(label)
    for k in (2, None):
        labels = cluster_documents(docs, k)
        groups = {}
        for label, predicted in zip(truth, labels):
            groups.setdefault(label, set()).add(predicted)
        assert all(len(g) == 1 for g in groups.values()), labels
        assert groups["chips"] != groups["food"]


def test_overview_does_not_repeat_a_summary_sentence():
    third = article("c3", "芯片股全线大涨", "费城半导体指数周三大涨4%，英伟达和博通领涨芯片股。",
                    "市场预期对华芯片出口管制将放松，算力需求持续旺盛。",
                    "分析人士认为，半导体行业景气度有望延续到明年。")
    docs, items = items_for(CHIPS, third, budget=60)
    (theme,) = arrange(docs, items, DEFAULT_THEMES, budget=60).themes
    shown = [s.text.strip() for i in theme.items for s in i.summary.sentences]
    assert theme.overview and theme.overview not in shown
    docs, items = items_for(CHIPS, budget=200)        # every sentence shown: no overview
    (theme,) = arrange(docs, items, DEFAULT_THEMES, budget=200).themes
    assert len(theme.items[0].summary.sentences) == 2 and theme.overview == ""


def test_overview_leaves_out_headings_and_list_items():
    listing = article("c4", "芯片股的三个看点",
                      "费城半导体指数周三大涨4%，英伟达和博通领涨芯片股。",
                      "2. 芯片出口管制会放松吗?",
                      "分析人士列出了三个看点:",
                      "英伟达H200芯片对华出口的审批进度与半导体板块走势;",
                      "算力需求。",
                      "市场预期算力需求将持续旺盛，半导体行业景气度有望延续到明年。")
    docs, items = items_for(listing, budget=40)
    (theme,) = arrange(docs, items, DEFAULT_THEMES, budget=60).themes
    assert theme.overview == "市场预期算力需求将持续旺盛，半导体行业景气度有望延续到明年。"


def test_names_the_glossary_lacks_come_from_cc_cedict_then_pinyin():
    from digest.text.lexicon import name_english, pinyin_name, term_english

    a = article("h", "100年前,美國作家海明威,創作了《太陽照常升起》。",
                "中國人民大學重陽金融研究院院長王文表示,海明威這句話很好地描述了過去兩週的市場。")
    facts = key_facts(*_summarised(a))
    assert "Ernest Hemingway" in facts.names           # CC-CEDICT, not the glossary
    assert "Wang Wen (pinyin)" in facts.names          # no dictionary knows him
    b = article("r", "六國15家頂媒齊轉引:中國AI開源又好又便宜",
                "法新社引述中國人民大學重陽金融研究院院長王文觀點:中國開源模型價格低廉。")
    names = key_facts(*_summarised(b)).names
    assert "AFP" in names and not any("Festival" in n for n in names)  # 重阳 of 重阳金融研究院
    assert name_english("高雄") == "Kaohsiung" and name_english("特朗普") == "Donald Trump"
    assert term_english("泡沫") == "bubble"              # the economic sense, not "foam"
    assert pinyin_name("王小明") == "Wang Xiaoming"
    assert pinyin_name("曾国藩") == "Zeng Guofan"        # the surname reading of 曾


def test_a_latin_name_is_not_listed_again_inside_a_longer_one():
    a = article("l", "利空突袭", "Benchmark分析师Cody Acree宣布下调评级。Cody Acree表示,迈威尔科技在亚马逊AI芯片的设计业务上输给了对手。",
                "Cody Acree还说,值得注意的是多家华尔街机构发出了悲观展望。")
    facts = key_facts(*_summarised(a))
    assert "Cody Acree" in facts.names and "Cody" not in facts.names


def test_randomised_lsa_for_large_corpora_agrees_with_the_exact_svd():
    import random

    import numpy as np

    from digest.models import Document, Sentence
    from digest.editorial.clustering import doc_vectors

    rng = random.Random(5)
    topics = [[f"{name}{i}" for i in range(60)] for name in ("chip", "bank", "ball", "rain")]
    docs = []
    for n in range(240):
        words = rng.choices(topics[n % 4], k=40) + rng.choices(topics[rng.randrange(4)], k=8)
        docs.append(Document(article(f"d{n}", "t"), (Sentence(f"d{n}", 0, 0, "", tuple(words)),), ()))
    exact = doc_vectors(docs, dims=4)
    fast = doc_vectors(docs, dims=4, exact_limit=0)
    assert exact.shape == fast.shape == (240, 4)
    # The same topic space: the document similarities agree closely.
    assert float(np.abs(exact @ exact.T - fast @ fast.T).max()) < 0.05


# An article that talks about many companies, while its title names one person.
CROWDED = ("OpenAI、微软、谷歌、Meta和亚马逊今年都加大了资本开支,OpenAI的估值再创新高。",
           "微软与OpenAI的合作仍在加深,谷歌也发布了新模型,亚马逊和Meta紧随其后,"
           "美元计价的资本开支合计超过3000亿美元。",
           "分析人士认为,美国科技巨头的竞争还会持续,微软和谷歌的云业务受益最多,美国市场情绪偏乐观。")


def test_the_person_a_title_names_is_listed_first_and_by_any_of_his_names():
    for title in ("黄仁勋与川普会面,对华芯片出口管制或将放松", "黄仁勋与特朗普会面,对华芯片出口管制或将放松",
                  "黃仁勳與川普會面,對華晶片出口管制或將放鬆"):
        a = article("t", title, *CROWDED)
        facts = key_facts(*_summarised(a))
        assert facts.names[:2] == ("Jensen Huang", "Donald Trump"), (title, facts.names)
        assert len(facts.names) <= 6


def test_a_name_in_the_title_outranks_one_the_body_repeats():
    a = article("s", "天狼星资本:困境、复苏与机会", *CROWDED)
    facts = key_facts(*_summarised(a))
    assert facts.names[0] == "Sirius Capital"
    assert "OpenAI" in facts.names and "Microsoft" in facts.names
    plain = article("p", "科技巨头加大投入", *CROWDED)
    assert key_facts(*_summarised(plain)).names[:2] == ("OpenAI", "Microsoft")


def test_currencies_only_inside_figures_and_places_only_beside_them():
    a = article("c", "科技巨头加大投入", *CROWDED)
    facts = key_facts(*_summarised(a))
    assert "US dollar" not in facts.terms and "US dollar" not in facts.names
    assert "United States" not in facts.names          # never beside a figure here
    b = article("u", "科技巨头加大投入", "美国GDP增长3%,OpenAI、微软和谷歌今年都加大了资本开支,共3000亿美元。")
    facts = key_facts(*_summarised(b))
    assert "United States" in facts.names and "US$300 billion" in facts.figures


def test_a_dictionary_name_is_the_name_not_its_description():
    from digest.text.lexicon import name_english

    # CC-CEDICT: "Chengdu subprovincial city and capital of Sichuan province 四川[...] in southwest China"
    assert name_english("成都") == "Chengdu"
    assert name_english("呼和浩特") == "Hohhot"                     # "Hohhot prefecture-level city"
    assert name_english("纽约证券交易所") == "New York Stock Exchange"
    assert name_english("中国银行") == "Bank of China"


def test_key_facts_read_all_of_an_article_longer_than_its_ranked_opening():
    from digest.editorial.document import RANKED_CHARS

    filler = "市场今天整体表现平稳，成交量与上周大致相当。" * 40
    paragraphs = [filler] * (RANKED_CHARS // len(filler) + 2)
    a = article("long", "市场周评", *paragraphs, "会后，英伟达与微软宣布扩大合作，微软将采购更多英伟达芯片。")
    doc, summary = _summarised(a)
    assert sum(len(s.text) for s in doc.sentences) < a.chars       # only its opening is ranked
    assert {"Nvidia", "Microsoft"} <= set(key_facts(doc, summary).names)


def test_two_events_of_one_kind_on_different_days_are_two_stories():
    first = article("b1", "伊拉克首都发生汽车炸弹袭击 致45人死亡",
                    "伊拉克首都巴格达15日发生一起汽车炸弹袭击，造成至少45人死亡、56人受伤。",
                    "伊拉克内政部官员表示，爆炸发生在巴格达南部一处二手车市场附近。")
    second = article("b2", "伊拉克首都汽车炸弹袭击致9人死亡",
                     "伊拉克首都巴格达16日发生一起汽车炸弹袭击，造成至少9人死亡。",
                     "伊拉克内政部官员表示，爆炸发生在巴格达南部一处二手车市场附近。")
    same_day = article("b3", "巴格达汽车炸弹袭击死亡人数升至48人",
                       "伊拉克首都巴格达15日发生的汽车炸弹袭击死亡人数已升至48人。",
                       "伊拉克内政部官员表示，爆炸发生在巴格达南部一处二手车市场附近。")
    docs, _ = items_for(first, second, same_day)
    assert sorted(map(sorted, related_groups(docs))) == [[0, 2], [1]]


def test_two_releases_of_one_model_family_are_two_stories():
    omni = article("m1", "LongCat-Flash-Omni正式发布并开源：开启全模态实时交互时代",
                   "美团LongCat团队今天正式发布LongCat-Flash-Omni，这是LongCat-Flash系列的全模态模型，并同步开源。",
                   "该模型支持文本、图像、音频和视频的实时交互，在多项评测中达到开源模型的领先水平。")
    thinking = article("m2", "LongCat-Flash-Thinking 正式发布，更强、更专业，保持极速！",
                       "美团LongCat团队正式发布LongCat-Flash-Thinking，这是LongCat-Flash系列的推理模型，并同步开源。",
                       "该模型在数学、代码和智能体任务上的推理能力明显增强，同时保持了极快的生成速度。")
    docs, _ = items_for(omni, thinking)
    assert sorted(map(sorted, related_groups(docs))) == [[0], [1]]


def test_reports_of_one_day_naming_the_same_places_are_one_story_however_headlined():
    first = article("p1", "巴基斯坦清真寺遭袭致逾70死150伤 极端组织宣称负责",
                    "巴基斯坦信德省塞赫万镇一处苏菲派清真寺16日晚遭自杀式炸弹袭击，已造成70多人死亡、150多人受伤。",
                    "警方说，袭击者混入正在举行宗教仪式的人群后引爆炸弹，伤者已被送往附近医院。",
                    "巴基斯坦总理谢里夫发表声明，强烈谴责这一袭击事件，并下令全力救治伤者。",
                    "这是巴基斯坦今年以来死伤最惨重的一起恐怖袭击，近一周内该国已发生多起爆炸袭击事件。")
    second = article("p2", "巴基斯坦南部一宗教场所遇袭两百余人伤亡",
                     "巴基斯坦南部信德省塞赫万镇一处宗教场所16日发生爆炸袭击，造成两百余人伤亡。",
                     "当地官员表示，爆炸发生时场所内正在举行宗教活动，不少人伤势严重。",
                     "政府对袭击表示谴责，安全部门已在全国加强戒备。",
                     "这是巴基斯坦今年以来死伤最惨重的一起恐怖袭击，近一周内该国已多次发生爆炸袭击事件。")
    docs, _ = items_for(first, second)
    assert sorted(map(sorted, related_groups(docs))) == [[0, 1]]


def test_one_event_retold_under_another_headline_is_one_story():
    # Two reports (Traditional script) headline one plan in different words ("建設…超級工廠",
    # "新工廠將會幾乎全靠"): only they name the place in a headline, and their texts agree a little.
    plan = article("r1", "特斯拉將在冰島雷克雅未克建設全地熱超級工廠(圖)",
                   "據冰島媒體報導，特斯拉計劃在雷克雅未克郊外建設一座完全使用地熱能源的超級工廠，工廠將生產電池。",
                   "報導稱，工廠選址靠近現有地熱電站，預計兩年內完工，可提供約兩千個就業崗位。")
    retold = article("r2", "特斯拉雷克雅未克新工廠將會幾乎全靠地熱",
                     "有人稱這家車廠一直追求清潔能源，這次的新工廠將把這一點做到極致。",
                     "據稱整間工廠的電力都來自附近的地熱，只有備用發電機使用柴油，電池生產線全天運轉，"
                     "工廠預計兩年內完工，將生產電池。")
    other = article("r3", "特斯拉上海工厂电池产能提升", "特斯拉上海超级工厂的电池生产线完成改造，产能提升三成。",
                    "工厂负责人表示，新生产线将在下月全面投产。")
    docs, _ = items_for(plan, retold, other)
    assert sorted(map(sorted, related_groups(docs))) == [[0, 1], [2]]


def test_a_theme_overview_comes_from_its_lead_story_whatever_later_ratings_say():
    """Sentence ratings compare within one article only: a later story's higher number
    does not make its sentence the theme's overview."""
    from digest.editorial.overviews import overview
    from digest.models import Summary

    lead = article("lead", "芯片订单排到明年", "芯片企业的订单已经排到明年。", "多家厂商正在扩产，新产线明年投产。",
                   "分析人士认为价格竞争可能加剧。")
    later = article("later", "股市下跌", "节前的下跌行情让很多人不舒服。", "这是衰退通道的大环境造成的结果。",
                    "不成熟的金融市场让下跌更加惨烈。")
    docs = {a.id: document(a) for a in (lead, later)}

    def item(a: Article, ratings: tuple[float, ...]) -> Item:
        shown = (docs[a.id].sentences[0],)
        return Item(a, Summary(a.id, shown, (), ratings=ratings), KeyFacts(), 1)

    items = (item(lead, (0.9, 0.3, 0.2)), item(later, (0.9, 0.8, 0.7)))
    assert overview(items, docs, 180) == "多家厂商正在扩产，新产线明年投产。"


def test_a_theme_overview_is_never_a_sentence_about_the_text_it_stands_in():
    """Under a theme's heading, "本文…" would seem to speak of the whole theme."""
    from digest.editorial.overviews import overview
    from digest.models import Summary

    lead = article("meta", "多模态推理竞赛冠军方法分享", "团队在国际会议上发表了五篇论文。",
                   "本文也分享了这三道赛题的解题思路，希望能给同学们带来一些启发。",
                   "冠军方法把视觉定位和空间问答放进同一个模型里训练。")
    docs = {lead.id: document(lead)}
    shown = (docs[lead.id].sentences[0],)
    item = Item(lead, Summary(lead.id, shown, (), ratings=(0.9, 0.8, 0.3)), KeyFacts(), 1)
    assert overview((item,), docs, 180) == "冠军方法把视觉定位和空间问答放进同一个模型里训练。"


def test_a_sentence_about_japan_is_no_sentence_about_the_text_itself():
    from digest.editorial.overviews import overview
    from digest.models import Summary

    lead = article("jp", "日本推动学校使用生成式AI", "日本政府公布了新的人工智能指引。",
                   "日本文部科学省宣布，明年起中小学可在课堂上使用生成式人工智能。")
    docs = {lead.id: document(lead)}
    item = Item(lead, Summary(lead.id, (docs[lead.id].sentences[0],), (), ratings=(0.9, 0.8)), KeyFacts(), 1)
    assert overview((item,), docs, 180) == "日本文部科学省宣布，明年起中小学可在课堂上使用生成式人工智能。"
