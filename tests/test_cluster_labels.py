"""Headings of clustered themes: words the group shares, English that says the same."""

import numpy as np

from digest.editorial.labels import english_for, label


def test_a_word_of_several_senses_takes_its_plainest_noun():
    assert english_for("足球") == "soccer"            # "soccer ball", said shorter
    assert english_for("发射") is None              # its first sense is a verb
    assert english_for("大学") == "university"       # not the Confucian classic's name


def test_words_of_time_measure_or_everyday_use_head_nothing():
    for word in ("小时", "英寸", "今年", "分钟", "国家", "有关", "2024"):
        assert english_for(word) is None, word


def test_a_heading_is_two_or_three_shared_words_rarer_outside_the_group():
    terms = ("球员", "比赛", "球队", "记者", "电影")
    # 10 stories in the group, 100 in all
    counts = np.array([8, 9, 7, 6, 1])
    overall = np.array([9, 12, 8, 60, 20])
    taken: set[str] = set()
    words, zh, en = label(counts, 10, overall, 100, terms, taken)
    assert set(words) <= {"球员", "比赛", "球队"} and 2 <= len(words) <= 3
    assert "记者" not in zh and "、" in zh and "&" in en
    assert taken == set(words)
    # the same words do not head a second group
    assert label(counts, 10, overall, 100, terms, taken) is None


def test_a_latin_word_is_written_as_the_articles_write_it():
    terms = ("ccd", "像素", "变焦")
    counts = np.array([6, 7, 6])
    overall = np.array([6, 8, 6])
    words, zh, en = label(counts, 8, overall, 120, terms, set(),
                          ["这款相机采用 CCD 传感器，1200万像素", "1/2.3 英寸 CCD，5倍变焦",
                           "像素更高的 CCD 机型", "光学变焦镜头"])
    assert "CCD" in en and "CCD" in zh and "Ccd" not in en


def test_english_is_given_only_when_its_sense_is_certain():
    assert english_for("安全") is None        # "safe" first: an adjective, the text means security
    assert english_for("导语") is None        # "preamble", but "(journalism) lede" in the news
    assert english_for("变焦") == "zoom"      # its first sense is the field's own
    assert english_for("总统") == "president"
    assert english_for("版本") == "version"
    assert english_for("拍摄") is None        # "to take (a picture)": "take" alone says another thing


def test_generic_words_and_outlets_head_nothing():
    for word in ("事件", "当地", "消息", "功能"):       # of what kind a story is, not its subject
        assert english_for(word) is None, word
    for word in ("新浪", "搜狐", "新华社", "路透社", "人民日报", "央视"):   # who published it
        assert english_for(word) is None, word
    assert english_for("腾讯") == "Tencent"       # a company, not an outlet
    # a shop, a Q&A site, a newspaper's editor: no outlets either
    assert (english_for("淘宝"), english_for("知乎"), english_for("胡锡进")) == ("Taobao", "Zhihu", "Hu Xijin")
    assert english_for("警方") == "police" and english_for("大学") == "university"


def test_a_first_sense_no_other_takes_up_is_not_certain():
    assert english_for("支持率") is None          # "support level" or "popularity rating"
    assert english_for("足球") == "soccer"


def test_a_heading_leaves_out_a_generic_word_and_an_outlet():
    terms = ("警方", "当地", "事件", "新浪", "嫌犯")
    counts = np.array([8, 9, 9, 9, 7])
    overall = np.array([9, 10, 10, 10, 8])
    words, zh, en = label(counts, 10, overall, 120, terms, set())
    assert set(words) == {"警方", "嫌犯"}, (zh, en)


def test_a_word_the_reader_does_not_see_heads_nothing():
    """Words shared only through a copyright line under every report (not in a title or a
    summary) do not head the group."""
    terms = ("镜像", "违者", "叙利亚", "难民")
    counts = np.array([9, 9, 7, 6])
    overall = np.array([9, 9, 8, 7])
    shown = ["叙利亚难民营地 冬季物资短缺", "联合国为叙利亚难民募款", "难民涌入边境 叙利亚局势紧张"]
    words, zh, en = label(counts, 10, overall, 120, terms, set(), shown)
    assert set(words) == {"叙利亚", "难民"}, (zh, en)


def test_a_word_only_one_outlet_uses_heads_nothing():
    terms = ("论坛", "时尚", "模特")
    counts = np.array([6, 6, 5])
    overall = np.array([6, 7, 6])
    outlets = {0: 1, 1: 3, 2: 2}           # "forum" comes from one site's stories only: its furniture
    words, zh, en = label(counts, 8, overall, 120, terms, set(), outlets=outlets.get)
    assert "论坛" not in words and set(words) == {"时尚", "模特"}
    # without outlets known, the same counts let it in
    assert "论坛" in label(counts, 8, overall, 120, terms, set())[0]


def test_a_word_is_looked_up_without_the_whole_dictionary():
    from digest.text.lexicon import _lines, cedict, entries_of

    _lines.cache_clear()            # whatever ran before, the table is not built yet
    words = ("马克", "馬克", "足球", "安全", "不是一个词", "")
    found = [entries_of(word) for word in words]
    assert _lines.cache_info().currsize == 0                # looked up in the file's text
    assert len(found[0]) == 2 and found[0] == found[1]      # Simplified and Traditional forms
    assert found[4] == () and found[5] == ()
    assert found == [cedict().get(word, ()) for word in words]


def test_a_group_from_one_outlet_can_still_have_a_heading():
    """The one-outlet check rules out a site's furniture among several outlets' stories;
    with a single outlet there is nothing to compare, so it does not apply."""
    from digest.editorial.themes import _outlet_counter
    from digest.models import Article, Item, KeyFacts, Summary

    def item(i: int, site: str) -> Item:
        article = Article(f"a{i}", f"{site}/{i}.txt", 0, "标题", ("正文。",), publisher=site)
        return Item(article, Summary(article.id, (), ()), KeyFacts(), 1)

    used = [np.array([0, 1]), np.array([1, 2])]
    assert _outlet_counter([[0], [1]], used, [item(0, "甲网"), item(1, "甲网")]) is None
    count = _outlet_counter([[0], [1]], used, [item(0, "甲网"), item(1, "乙网")])
    assert count(1) == 2 and count(0) == 1


def test_a_bare_given_name_heads_no_group_but_a_known_person_does():
    from digest.editorial.labels import english_for

    assert english_for("迈克尔") is None          # "Michael (name)": no one in particular
    assert english_for("约翰") is None            # John, Johan or Johann
    assert english_for("特朗普") == "Donald Trump"


def test_a_story_belongs_to_a_clustered_theme_only_by_most_of_its_heading_words():
    import numpy as np

    from digest.editorial.themes import heading_members

    used = [np.array([1, 2, 9]), np.array([1, 7]), np.array([2, 3]), np.array([8])]
    assert heading_members([0, 1, 2, 3], used, np.array([1, 2])) == [0]             # both of two
    assert heading_members([0, 1, 2, 3], used, np.array([1, 2, 3])) == [0, 2]       # two of three
