"""Script conversion changes how words are written, never which words they are."""

from pathlib import Path

import pytest

from digest import config as config_module
from digest.text.script import convert, simplified_each, to_simplified, use_local_vocabulary

# Words whose meaning a regional word swap would change, or that every script writes alike.
SURVIVE = ["核心", "开启", "显著", "信息", "软件", "网络", "数据", "内存", "打印机", "出租车", "视频",
           "质量", "支持", "项目", "默认", "程序"]
# Words the opt-in vocabulary setting does change, Simplified -> Taiwan and back.
LOCALISED = {"芯片": "晶片", "软件": "軟體", "网络": "網路", "信息": "資訊", "内存": "記憶體",
             "打印机": "印表機", "出租车": "計程車", "数据": "資料"}


@pytest.mark.parametrize("script", ["hant", "tw", "hk"])
def test_words_survive_both_ways(script: str):
    for word in SURVIVE:
        there = convert(word, script, local=False)
        assert convert(there, "hans", local=False) == word, (word, there)
        assert to_simplified(there) == word


def test_traditional_words_keep_their_meaning_in_simplified():
    text = "來自六國的15家核心媒體轉引,都會開啟新一輪降息。"
    assert convert(text, "hans", local=False) == "来自六国的15家核心媒体转引,都会开启新一轮降息。"
    assert convert("显著", "hans", local=False) == "显著"


def test_local_vocabulary_is_a_separate_setting():
    for hans, tw in LOCALISED.items():
        assert convert(hans, "tw", local=True) == tw
        assert convert("臺灣的" + tw, "hans", local=True) == "台湾的" + hans
        assert convert(hans, "tw", local=False) != tw
        assert convert("臺灣的" + tw, "hans", local=False) != "台湾的" + hans
    # Simplified text is mainland usage already: the setting leaves its words alone.
    assert convert("核心技术和芯片", "hans", local=True) == "核心技术和芯片"


def test_config_turns_local_vocabulary_on(tmp_path: Path):
    path = tmp_path / "config.toml"
    try:
        path.write_text("[digest]\nlocal_vocabulary = true\n", encoding="utf-8")
        config_module.load(path)
        assert convert("台積電的晶片", "hans") == "台积电的芯片"
        path.write_text("", encoding="utf-8")
        config_module.load(path)
        assert convert("台積電的晶片", "hans") == "台积电的晶片"
    finally:
        use_local_vocabulary(False)


@pytest.mark.parametrize("script", ["hant", "tw", "hk"])
def test_a_traditional_edition_writes_one_name_per_company(script: str):
    text = convert("英伟达、輝達与英偉達的芯片；大摩认为", script)
    assert text.count("輝達") == 3 and "英偉達" not in text and "英伟达" not in text
    assert "摩根士丹利" in text and "大摩" not in text


def test_a_short_name_inside_another_word_is_left_alone():
    for script in ("hans", "hant"):
        text = convert("他骑着小摩托车去大摩天轮，说四川普通话", script)
        assert "摩根" not in text and "特朗普" not in text, script
    assert to_simplified("小摩托车") == "小摩托车"
    assert to_simplified("小摩分析师表示") == "摩根大通分析师表示"


def test_many_texts_are_converted_as_each_alone():
    texts = ["小摩分析师表示", "他骑着小摩托车去大摩天轮", "輝達與英偉達的晶片", "", "川普", "说四川普通话",
             "两行\n文字：川普", "盯著屏幕的人工智慧", "英伟达发布新芯片", "摩托", "小摩"]
    for together in (1, 2, 3, 32):
        assert simplified_each(texts * 3, together) == [to_simplified(t) for t in texts * 3], together
    assert simplified_each([]) == []
