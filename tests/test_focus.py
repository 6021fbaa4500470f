"""The configured themes are the digest's focus: what they do not take goes to a closing
section, or, with digest.focus = "strict", out of the digest (claimed, counted in status)."""

from __future__ import annotations

import json
from pathlib import Path

from digest.config import load
from digest.run.pipeline import build
from digest.run.status import report
from digest.store.state import State

from .conftest import write_config, write_small

COOKING = ("红烧肉的做法\n\n红烧肉需要先把五花肉焯水，再放冰糖炒出糖色。小火慢炖一个小时，"
           "五花肉软糯入味，汤汁收浓即可出锅。\n")


def project(tmp_path: Path, focus: str) -> Path:
    write_small(tmp_path / "articles", ["chips.txt", "rates.txt"])
    (tmp_path / "articles" / "cooking.txt").write_text(COOKING, encoding="utf-8")
    write_config(tmp_path, digest_extra=f'focus = "{focus}"\n')
    return tmp_path / "config.toml"


def themes_of(folder: Path) -> dict[str, list[str]]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    titles = {a["id"]: a["title"] for a in manifest["articles"]}
    return {f"{t['kind']}:{t['key']}": [titles[i] for i in t["articles"]] for t in manifest["themes"]}


def test_an_article_outside_the_focus_goes_to_the_closing_section(tmp_path: Path):
    result = build(load(project(tmp_path, "all")))
    themes = themes_of(result.folder)
    assert themes["other:other"] == ["红烧肉的做法"]
    assert list(themes)[-1] == "other:other"
    assert "## 其他 · Also this week" in (result.folder / "digest.md").read_text(encoding="utf-8")


def test_strict_focus_leaves_it_out_claimed_and_counted(tmp_path: Path):
    config = load(project(tmp_path, "strict"))
    result = build(config)
    themes = themes_of(result.folder)
    assert "红烧肉的做法" not in [t for titles in themes.values() for t in titles]
    assert all(key.startswith("configured:") for key in themes)
    with State(config.state.file, readonly=True, root=config.root) as state:
        assert state.pending() == []                 # not back as pending next week
    assert "1 article outside the digest's focus, left out" in report(config)
    again = build(config, rebuild=True)
    assert themes_of(again.folder) == themes


def _scores(title: str, *paragraphs: str) -> dict[str, float]:
    from digest.config import DEFAULT_THEMES
    from digest.editorial.document import document
    from digest.editorial.focus import theme_scores
    from digest.models import Article

    doc = document(Article("x", "x.txt", 0, title, paragraphs))
    return dict(zip((t.key for t in DEFAULT_THEMES), theme_scores(doc, DEFAULT_THEMES)))


def test_a_theme_named_in_passing_does_not_take_the_story():
    """A camera maker's restructuring whose lead gives the day's share price is about the
    company's plans, not the market: the theme is in neither its headline nor its keywords."""
    scores = _scores(
        "老牌相机厂商宣布拆分业务 出售传感器专利求生",
        "这家老牌相机厂商昨日宣布拆分业务，把胶片、打印和传感器部门分开经营。消息公布后其股价上涨。",
        "厂商表示，传感器专利的出售谈判仍在进行，买家包括多家手机厂商。胶片部门将继续裁员，"
        "打印部门则寻找合作伙伴。分析人士认为拆分能让各部门独立融资，但专利出售价格可能低于预期。",
        "厂商的管理层在说明会上说，新公司将集中力量做工业相机和医疗影像设备，胶片生产线会逐步"
        "转给合作工厂。员工对裁员计划表示担忧，工会要求厂商公布安置方案。",
        "过去三年，这家厂商的市值缩水了八成，胶片业务的收入连年下降。")
    assert scores["markets"] == 0


def test_a_story_whose_own_keywords_are_the_themes_stays_in_it():
    """Neither the headline nor the lead names the theme: the article's own keywords
    (收益率 among them) decide, and they say it is about its fund."""
    scores = _scores(
        "退休夫妇的养老账本",
        "退休后，这对夫妇把每月的养老金分成三份，一份用于日常开销，一份存起来应急。",
        "剩下的一份，他们买了基金。两人说，基金的收益率虽然不高，但比存款好，基金经理每季度寄来的报告他们都会细读。",
        "他们也提醒年轻的投资者，买基金要看清费用，不要只看过去的收益率，基金净值会涨也会跌。")
    assert scores["markets"] > 0
