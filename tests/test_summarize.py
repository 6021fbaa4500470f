"""The summariser: budget, no repeats, document order, numbers kept, hard sentences left out."""

from __future__ import annotations

from pathlib import Path

from digest.text.clean import clean
from digest.models import Article
from digest.sources.readers import read_text
from digest.api import summarize_text
from digest.editorial.document import document, eligible
from digest.editorial.summarize import summarize
from digest.text.words import tokens

from .conftest import SEEDS


def seed_articles():
    for path in sorted(SEEDS.iterdir()):
        for raw in read_text(path, path.read_bytes(), 0):
            yield from clean(raw)


def test_numbers_percentages_and_amounts_are_tokens():
    words = tokens("英伟达市值单日跌幅达17%，蒸发近6000亿美元，2024年营收增长3.5%")
    assert "17%" in words and "6000" in words and "3.5%" in words
    assert "英伟达" in words


def test_traditional_text_is_ranked_on_simplified_tokens():
    assert tokens("人工智慧晶片的壟斷地位") == tokens("人工智能芯片的垄断地位")


def test_summaries_respect_budget_order_and_never_repeat():
    for article in seed_articles():
        doc = document(article)
        summary = summarize(doc, budget=180)
        keys = [s.key for s in summary.sentences]
        assert keys, article.title
        assert len(set(keys)) == len(keys)
        assert keys == sorted(keys)
        assert all(s.article_id == article.id for s in summary.sentences)
        if len(keys) > 1:
            assert sum(len(s.text.strip()) for s in summary.sentences) <= 180
        for s in summary.sentences:
            assert s.text in article.paragraphs[s.paragraph]


def test_repeated_line_is_picked_once():
    line = "英伟达市值单日蒸发近6000亿美元，创下美股历史纪录。"
    article = Article("x", "x.txt", 0, "英伟达暴跌", (line, "市场随后反弹，投资者重新评估人工智能的前景。", line))
    summary = summarize(document(article), budget=400)
    texts = [s.text.strip() for s in summary.sentences]
    assert texts.count(line) == 1


def test_captions_questions_and_fragments_are_not_eligible():
    article = Article("y", "y.txt", 0, "t", (
        "地铁票价明年调整，市民关心新方案。", "图1：英伟达股价走势图。", "你觉得AI泡沫什么时候会破？", "暴风雨的前夜",
        "的比例降至38%，创调查以来最低。", "英伟达的市值在一天之内蒸发了近六千亿美元。"))
    doc = document(article)
    assert [eligible(s) for s in doc.sentences] == [True, False, False, False, False, True]


def test_a_reporters_question_may_lead_but_a_question_to_readers_may_not():
    article = Article("q", "q.txt", 0, "t", ("今年除夕到底放不放假？", "你觉得明年股市会涨吗？",
                                              "老师问学生“你到底在看什么？”", "以中国为例。"))
    assert [eligible(s) for s in document(article).sentences] == [True, False, True, False]


def test_list_items_headings_and_lead_ins_stay_out_of_a_summary():
    paragraphs = (
        "DeepSeek的出现打破了美股市场的三个叙事:",
        "英伟达芯片的垄断地位;",
        "人工智能竞争需要大量资本投入;",
        "闭源大模型是人工智能的未来。",
        "2. AI大量资本投入是否值得?",
        "过去两年，几乎所有人工智能巨头都投入了大量资本开支，Meta今年指引资本支出650亿美元。",
        "AI技术大爆炸，机会点有哪些?",
        "分析师认为，算力需求短期内仍将保持高速增长，芯片股估值有望获得支撑。",
    )
    doc = document(Article("l", "l.txt", 0, "三个叙事", paragraphs))
    summary = summarize(doc, budget=400)
    assert [s.paragraph for s in summary.sentences] == [5, 7]
    lead_in = document(Article("c", "c.txt", 0, "t", ("主角说出了那句简短的名言:",))).sentences[0]
    assert not eligible(lead_in)


def test_summarize_text_api():
    text = (SEEDS / "000_6ab68325297169c1.txt").read_text(encoding="utf-8")
    summaries = summarize_text(text, 120)
    assert len(summaries) == 1 and 0 < len(summaries[0].text) <= 200
    assert summaries[0].keywords


def test_keywords_come_from_the_article():
    article = next(a for a in seed_articles() if a.author == "Saint Paul")
    keywords = summarize(document(article)).keywords
    assert "deepseek" in keywords


def test_one_documents_keywords_and_a_whole_builds_follow_one_rule():
    """keywords() (dictionaries, one document) and bag_keywords() (numpy, a build) are
    two ways of one rule: by the same IDF they choose the same words in the same order."""
    import numpy as np

    from digest.editorial.bags import bags_of
    from digest.editorial.keywords import bag_keywords, jieba_idf, keywords

    docs = [document(a) for a in seed_articles()]
    bags = bags_of(docs)
    general, median = jieba_idf()
    idf = np.array([general.get(t, median) for t in bags.terms])
    together = bag_keywords(bags, [d.title_tokens for d in docs], idf)
    assert all(together)
    assert together == [keywords(d) for d in docs]


def test_rjieba_and_jieba_give_the_same_words_on_the_samples():
    import pytest

    from digest.text.script import fold_width, to_simplified
    from digest.text.words import JiebaSegmenter, RjiebaSegmenter

    pytest.importorskip("rjieba")
    reference, fast = JiebaSegmenter(), RjiebaSegmenter()
    for path in sorted(SEEDS.iterdir()):
        text = to_simplified(fold_width(path.read_text(encoding="utf-8")))
        assert fast.cut(text) == reference.cut(text), path.name
    words = fast.cut("英伟达市值单日蒸发")
    assert words == reference.cut("英伟达市值单日蒸发") and "英伟达" in words
    for segmenter in (reference, fast):      # both tag names for the English key facts
        tags = dict(segmenter.tag("院长王文表示，北京将出台新政策"))
        assert tags["王文"] == "nr" and tags["北京"] == "ns"


def test_section_numbers_glued_headings_and_list_fragments_do_not_stand_alone():
    article = Article("s", "s.txt", 0, "t", (
        "01单仁牛商有很多学员都是制造企业，他们经常问我能不能自己做品牌。",
        "政策仍有宽松空间。二、区域市场偏好:日本稳坐第一，印度转弱区域市场偏好分化显著，日本持续领跑。",
        "三、港股市场:南向资金持续流入，恒生科技指数本周上涨。",
        "第三件大事是AI中国力量的崛起;",
        "公司营收增长了3、4倍，利润同比翻番。",
    ))
    assert [eligible(s) for s in document(article).sentences] == [False, True, False, False, False, True]


def test_a_sentence_that_leans_on_another_comes_only_right_after_it():
    paragraphs = (
        "美银发布了2026年亚洲基金经理调查，日本维持首选市场。",
        "市场普遍认为，人工智能相关股票的估值仍有上升空间，资金持续流入。",
        "这些评级也是造成人工智能泡沫的重要原因，基金经理对估值的担忧明显上升。",
        "该观点在全球科技与政策圈广泛传播，多家媒体转引。",
    )
    doc = document(Article("r", "r.txt", 0, "基金经理调查", paragraphs))
    for budget in (60, 100, 400):
        shown = [s.index for s in summarize(doc, budget=budget).sentences]
        for i in shown:
            if i in (2, 3):
                assert i - 1 in shown, (budget, shown)
    # A summary made of the leaning sentence alone is never picked.
    assert [s.index for s in summarize(doc, budget=400, max_sentences=1).sentences] != [2]


def test_the_title_is_not_repeated_as_the_first_summary_sentence():
    title = "英伟达市值单日蒸发近6000亿美元"
    article = Article("h", "h.txt", 0, title, (
        title + "。", "DeepSeek的低成本开源模型出现后，科技股普遍下跌，英伟达跌幅最大。",
        "分析师认为DeepSeek降低了训练成本，英伟达芯片的需求前景因此受到质疑。"))
    summary = summarize(document(article), budget=400)
    assert summary.sentences and summary.sentences[0].index == 1


def test_an_article_without_a_headline_gets_a_short_one_about_its_subject():
    from datetime import datetime

    from digest.editorial.compose import compose
    from digest.config import Config
    from digest.models import Window

    first = "100年前,美国作家海明威,创作了《太阳照常升起》。"
    article = Article("h", "h.txt", 0, first, (
        first, "这句话很好地描述了过去两周，DeepSeek是如何冲击人工智能主导下的市场的。",
        "DeepSeek的低成本开源模型出现后，英伟达市值单日蒸发近6000亿美元，科技股普遍下跌。",
        "分析师认为DeepSeek降低了训练成本，英伟达芯片的需求前景因此受到质疑。"), title_from="lead")
    now = datetime(2026, 11, 18)
    window = Window("2026-W47", now.date(), now.date(), "zh", "en")
    (theme,) = compose(Config(path=Path("config.toml")), [article], window, now).themes
    (item,) = theme.items
    title = item.article.title
    assert title != first and 6 <= len(title) <= 30
    assert "DeepSeek" in title or "英伟达" in title
    assert item.summary.sentences[0].text.strip() != title


def test_no_seed_summary_repeats_its_title_or_leans_on_a_sentence_not_shown():
    import re
    from datetime import datetime

    from digest.editorial.compose import compose
    from digest.config import Config
    from digest.models import Window
    from digest.editorial.document import LEANS, SECTION_NUMBER
    from digest.editorial.summarize import standalone_faults

    def plain(text: str) -> str:
        return re.sub(r"\W+", "", text)

    articles = list(seed_articles())
    now = datetime(2026, 11, 18)
    window = Window("2026-W47", now.date(), now.date(), "zh", "en")
    themes = compose(Config(path=Path("config.toml")), articles, window, now).themes
    items = [i for t in themes for i in t.items]
    assert len(items) == len(articles) > 0
    for item in items:
        first = item.summary.sentences[0]
        assert plain(first.text) != plain(item.article.title), item.article.title
        if item.article.title_from == "lead":
            assert len(item.article.title) <= 30
        assert standalone_faults(item.summary) == [], item.summary.text
    for theme in themes:
        assert not LEANS.match(theme.overview) and not SECTION_NUMBER.match(theme.overview)


def test_standalone_faults_name_each_kind():
    from digest.models import Summary
    from digest.editorial.summarize import standalone_faults

    doc = document(Article("f", "f.txt", 0, "t", (
        "01单仁牛商有很多学员都是制造企业，经常问我能不能自己做品牌。", "政策仍有宽松空间，市场偏好分化显著二、区域市场偏好:日本第一。",
        "这些评级也是造成泡沫的重要原因。", "第三件大事是AI中国力量的崛起;")))
    s = doc.sentences

    def faults(*picked):
        return standalone_faults(Summary("f", tuple(picked), ()))

    assert faults(s[0], s[1], s[3]) == ["section number", "glued heading", "list fragment"]
    assert faults(s[2]) == ["reference"] and faults(s[1], s[2]) == ["glued heading"]


def test_a_made_up_headline_is_a_statement_not_a_noun_phrase():
    from digest.editorial.headlines import _nominal

    for phrase in ("DeepSeek的低成本、开源的人工智慧模型的出现", "英伟达GPU晶片的计算优势"):
        assert _nominal(phrase), phrase
    for clause in ("国产算力芯片订单排到明年", "苹果发布了新的手机", "大模型推理成本一年下降九成"):
        assert not _nominal(clause), clause


def test_a_made_up_headline_has_its_own_subject():
    """A clause that opens on its verb leans on the rest of its sentence for what it is about."""
    from digest.editorial.headlines import _subjectless

    for clause in ("去看看DeepSeek对于过去两年人工智慧主导的市场", "发布了新的手机"):
        assert _subjectless(clause), clause
    for clause in ("人工智慧的低成本化在DeepSeek后已经成为不可阻挡的趋势", "苹果发布了新的手机",
                   "大模型推理成本一年下降九成"):
        assert not _subjectless(clause), clause
