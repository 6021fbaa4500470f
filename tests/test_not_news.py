"""Forum posts, job offers and ads are not news: a feed that is a forum is skipped whole,
and a single post in a news feed is left out, each with the reason on record. News about
hiring or about a question stays."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from digest.config import load
from digest.run.pipeline import build
from digest.store.state import State

from .conftest import FIXTURES, SEEDS, write_config


def test_a_forum_feed_is_skipped_and_a_lone_ad_is_left_out(tmp_path: Path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for name in ("forum.xml", "news_with_ad.xml"):
        shutil.copy(FIXTURES / "feeds" / name, articles / name)
    write_config(tmp_path)
    config = load(tmp_path / "config.toml")
    result = build(config)
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    titles = sorted(a["title"] for a in manifest["articles"])
    assert titles == sorted(["芯片企业扩大招聘 人工智能岗位薪资上涨", "央行公开市场操作净投放资金",
                             "英伟达发布新一代数据中心芯片", "港股科技股午后走高"])
    with State(config.state.file, readonly=True) as state:
        problems = {Path(source).name: (status, reason) for source, status, reason in state.problems()}
    assert problems["forum.xml"][0] == "skipped"
    assert problems["forum.xml"][1].startswith("not news: a forum")
    outcomes = {Path(o.source).name: o for o in result.outcomes}
    assert outcomes["news_with_ad.xml"].reason == "4 article(s); 1 left out as forum posts, job offers or ads"


def test_no_seed_article_is_taken_for_chatter(tmp_path: Path):
    shutil.copytree(SEEDS, tmp_path / "articles")
    write_config(tmp_path)
    result = build(load(tmp_path / "config.toml"))
    assert not [o for o in result.outcomes if "not news" in o.reason or "left out" in o.reason]
