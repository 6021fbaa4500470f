"""What the five sample files in seeds/ give: the one place that knows their contents.

Every other test asserts behaviour that holds for any input; this file pins the
samples themselves (how many articles they hold, what their digest names), so a
change to the samples or to how they are read shows here."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from digest.text.clean import clean
from digest.config import load
from digest.run.pipeline import build
from digest.sources.readers import read_text

from .conftest import SEEDS, write_config

ARTICLES_PER_FILE = {"000": 1, "001": 1, "002": 1, "003": 1, "004": 8}   # 004 is a collection


@pytest.fixture(scope="module")
def seed_digest(tmp_path_factory):
    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(SEEDS, root / "articles")
    write_config(root)
    return build(load(root / "config.toml"), now=datetime(2026, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")))


def test_each_seed_file_gives_its_articles_and_none_is_taken_for_another(seed_digest):
    read = {o.source.rsplit("/", 1)[-1][:3]: o for o in seed_digest.outcomes}
    assert {name: len(o.articles) for name, o in read.items()} == ARTICLES_PER_FILE
    assert all(o.status == "included" and "duplicate" not in o.reason for o in read.values())
    assert seed_digest.articles == seed_digest.new_articles == sum(ARTICLES_PER_FILE.values()) == 12


def test_the_seed_digest_shows_every_article_once(seed_digest):
    markdown = (seed_digest.folder / "digest.md").read_text(encoding="utf-8")
    assert markdown.count("\n### ") == 12
    assert "利空突袭!深夜,直线跳水!" in markdown            # a Traditional title, shown in Simplified
    manifest = json.loads((seed_digest.folder / "manifest.json").read_text(encoding="utf-8"))
    assert len({a["id"] for a in manifest["articles"]}) == 12


def test_key_facts_in_the_seed_digest_name_what_the_titles_name(seed_digest):
    markdown = (seed_digest.folder / "digest.md").read_text(encoding="utf-8")
    facts = {line.split("** ", 1)[1] for line in markdown.splitlines() if line.startswith("**Key facts")}
    assert len(facts) == 12
    assert any(f.startswith("Jensen Huang, Donald Trump") for f in facts)   # 黄仁勋与川普会面
    assert any(f.startswith("Sirius Capital") for f in facts)               # 天狼星资本:…
    assert not any("US dollar" in f or "Festival" in f for f in facts)      # 重阳金融研究院


# What the cleaner makes of each sample file.

PINYIN_LEFT = re.compile(r"[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
BOILERPLATE = ["热度:", "加载中", "本文来源", "本文來源", "版权", "版權", "原創欄目", "IT百科", "網友評論",
               "聚超值", "代表投资案例", "执行董事", "成立于2015年", "页:", "[1]", "本文作者", "蔚小理",
               "免责声明", "责任编辑"]


def articles_of(name: str):
    path = SEEDS / name
    return [a for raw in read_text(path, path.read_bytes(), path.stat().st_mtime) for a in clean(raw)]


@pytest.fixture(scope="module")
def seeds():
    return {p.name[:3]: articles_of(p.name) for p in sorted(SEEDS.iterdir())}


def test_header_byline_gives_publisher_and_date(seeds):
    a = seeds["000"][0]
    assert a.title == "天狼星资本:2024,困境、复苏、AI机会"
    assert a.publisher == "天狼星资本"
    assert a.published == "2024-02-18T17:34:54" and a.date_from == "text"
    assert a.author == "刘旸"  # the signature at the end
    assert a.paragraphs[0].startswith("节前的这波下跌行情")
    assert a.paragraphs[-1] == "2024,保持学习吧,共勉。"


def test_author_line_glued_to_first_paragraph(seeds):
    a = seeds["001"][0]
    assert a.title == "AI狂热最终会如何收场"
    assert a.author is None and a.publisher == "微信文章"
    assert a.paragraphs[0].startswith("最近其实可以聊的内容不算太多")
    assert a.paragraphs[-1] == "这些评级也是造成AI泡沫潮中Fomo的重要原因。"
    assert a.date_from == "file-time"


def test_opening_author_bio_and_closing_source(seeds):
    a = seeds["002"][0]
    assert a.author == "王維嘉" and a.publisher == "鈦媒體"
    assert a.script == "hant"
    assert a.paragraphs[0].startswith("元月27日DeepSeek的出現給華爾街帶來巨大沖擊")
    assert a.paragraphs[-1].endswith("才能更準確地把握下一步行業發展和投資方向。")
    assert a.title_from == "lead"


def test_author_and_source_lines_with_account_id(seeds):
    a = seeds["003"][0]
    assert a.author == "Saint Paul" and a.publisher == "他山之石觀投資"
    assert "(Mike Campbell)" in a.body
    assert a.paragraphs[-1].startswith("而“深刻的思想“")


def test_collection_file_splits_into_titled_articles(seeds):
    titles = [a.title for a in seeds["004"]]
    assert titles == [
        "美銀:2026亞洲基金經理調查——日本維持首選市場,中國AI主題熱度創新高",
        "澤平宏觀—2026年將發生五件大事:影響你的投資和財富",
        "六國15家頂媒齊轉引:中國AI開源又好又便宜",
        "2026 賭局:當 57% 的人都盯著 AI 泡沫,真正的獵人看那裡?",
        "利空突襲!深夜,直線跳水!",
        "大空頭Burry警告美股將重演「2000年」熊市:資本開支逼近頂峰,兩年足夠AI泡沫破滅!",
        "黃仁勳與川普會面,對華晶片出口管制或將放鬆",
        "壓倒世界第一,這個比OpenAI更能增長、更會賺錢的“叛徒”是誰?",
    ]
    assert [a.publisher for a in seeds["004"]][-1] == "單仁行"
    assert len({a.id for a in seeds["004"]}) == len(titles)
    assert all(not a.body.rstrip().endswith(")") for a in seeds["004"])


def test_no_boilerplate_or_pinyin_survives(seeds):
    for articles in seeds.values():
        for a in articles:
            for word in BOILERPLATE:
                assert word not in a.body, (a.title, word)
            assert not PINYIN_LEFT.search(a.body), a.title
            assert not PINYIN_LEFT.search(a.title)
