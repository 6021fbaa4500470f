"""Ingestion: feeds (file and local HTTP server), Markdown, duplicates and every kind of bad file."""

from __future__ import annotations

import os
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from digest.config import load
from digest.sources.ingest import ingest
from digest.sources.readers import READERS
from digest.text.script import convert
from digest.store.state import State

from .conftest import FIXTURES, SEEDS, write_config


def outcomes_for(folder: Path, sources_extra: str = ""):
    write_config(folder, sources_extra=sources_extra)
    config = load(folder / "config.toml")
    state = State(config.state.file)
    try:
        return {Path(o.source).name: o for o in ingest(config, state)}
    finally:
        state.close()


@pytest.fixture
def served_feed():
    handler = partial(SimpleHTTPRequestHandler, directory=str(FIXTURES))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    server.shutdown()
    server.server_close()


def test_local_feed_file_entries_are_articles(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "feed.xml").write_bytes((FIXTURES / "feed.xml").read_bytes())
    (outcome,) = outcomes_for(tmp_path).values()
    assert outcome.status == "included"
    first, second = outcome.articles
    assert first.title == "英伟达市值单日蒸发近6000亿美元"
    assert first.link == "https://news.example.com/a/1"
    assert first.published.startswith("2025-01-27T22:00") and first.date_from == "format"
    assert "alert" not in first.body and first.paragraphs[1].startswith("分析人士认为")
    assert second.title == "港股恒生科技指数九月大涨6.9%"


def test_atom_feed_in_traditional(tmp_path: Path):
    (raw,) = READERS[".atom"](FIXTURES / "atom.xml", (FIXTURES / "atom.xml").read_bytes(), None)
    assert raw.title.startswith("黃仁勳與川普會面") and raw.link == "https://tech.example.com/huang"


def test_feed_served_over_http(tmp_path: Path, served_feed: str):
    (tmp_path / "articles").mkdir()
    (outcome,) = outcomes_for(tmp_path, f'feeds = ["{served_feed}"]\n').values()
    assert outcome.source == served_feed and outcome.status == "included"
    assert [a.title for a in outcome.articles][0] == "英伟达市值单日蒸发近6000亿美元"


def test_unreachable_feed_is_recorded_as_failed(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    (outcome,) = outcomes_for(tmp_path, 'feeds = ["http://127.0.0.1:9/feed.xml"]\n').values()
    assert outcome.status == "failed" and "cannot fetch http://127.0.0.1:9/feed.xml" in outcome.reason


def test_markdown_file_with_several_articles(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "week.md").write_text(
        "# 美联储降息25个基点\n\n作者：张三\n\n美联储周三宣布降息25个基点，市场普遍预期经济增长放缓。\n\n"
        "# 黄金创历史新高\n\n黄金价格本周上涨3.5%，逼近每盎司4000美元关口。\n", encoding="utf-8")
    (outcome,) = outcomes_for(tmp_path).values()
    assert [a.title for a in outcome.articles] == ["美联储降息25个基点", "黄金创历史新高"]
    assert outcome.articles[0].author == "张三"


def test_every_kind_of_bad_file_is_recorded_and_the_rest_is_read(tmp_path: Path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_bytes((SEEDS / "000_6ab68325297169c1.txt").read_bytes())
    (articles / "empty.txt").write_bytes(b"")
    (articles / "blank.md").write_text("\n\n   \n")
    (articles / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (articles / "huge.txt").write_bytes(b"a" * (2 * 1024 * 1024 + 1))
    (articles / "slides.pptx").write_bytes(b"PK\x03\x04")
    (articles / "gone.txt").symlink_to(articles / "missing-target.txt")
    (articles / "loop").symlink_to(articles, target_is_directory=True)
    (articles / "bad.html").write_bytes(b"<html><body><script>only()</script></body></html>")
    outcomes = outcomes_for(tmp_path, "max_file_mb = 2\n")
    status = {name: (o.status, o.reason) for name, o in outcomes.items()}
    assert status["good.txt"][0] == "included"
    assert status["empty.txt"] == ("skipped", "empty file")
    assert status["blank.md"][0] == "skipped"
    assert status["binary.txt"][0] == "skipped" and "binary" in status["binary.txt"][1]
    assert status["huge.txt"][0] == "skipped" and "too large" in status["huge.txt"][1]
    assert status["slides.pptx"][0] == "skipped" and "unsupported" in status["slides.pptx"][1]
    assert status["gone.txt"][0] == "failed" and "cannot read" in status["gone.txt"][1]
    assert status["bad.html"] == ("skipped", "no article text after cleaning")
    assert "loop" not in status


def test_duplicates_in_other_script_or_with_other_boilerplate(tmp_path: Path):
    articles = tmp_path / "articles"
    articles.mkdir()
    original = (SEEDS / "000_6ab68325297169c1.txt").read_text(encoding="utf-8")
    (articles / "a.txt").write_text(original, encoding="utf-8")
    (articles / "b-traditional.txt").write_text(convert(original, "hant"), encoding="utf-8")
    reposted = ("转载自：某财经网\n首页 | 科技 | 财经\n\n" + original.replace("\n\n", "\n")
                + "\n\n免责声明：本文仅代表作者观点。\n扫码关注我们的公众号\n")
    (articles / "c-repost.txt").write_text(reposted, encoding="utf-8")
    (articles / "d-other.txt").write_bytes((SEEDS / "003_1920a2aec77360db.txt").read_bytes())
    outcomes = outcomes_for(tmp_path)
    assert outcomes["a.txt"].status == "included"
    assert outcomes["d-other.txt"].status == "included"
    for name in ("b-traditional.txt", "c-repost.txt"):
        assert outcomes[name].status == "skipped", name
        assert "duplicate of '天狼星资本:2024,困境、复苏、AI机会'" in outcomes[name].reason


def test_unchanged_files_are_not_read_again(tmp_path: Path):
    import shutil

    shutil.copytree(SEEDS, tmp_path / "articles")
    write_config(tmp_path)
    config = load(tmp_path / "config.toml")
    state = State(config.state.file)
    state.record(ingest(config, state))
    assert ingest(config, state) == []
    os.utime(tmp_path / "articles" / "000_6ab68325297169c1.txt")
    assert ingest(config, state) == []


def test_signatures_stored_another_way_are_made_again_when_the_state_opens(tmp_path: Path, caplog):
    import sqlite3

    import numpy as np

    from digest.text.dedupe import article_signature, band_keys, to_blob
    from digest.store.schema import SIGNATURES, article_from_json

    articles = tmp_path / "articles"
    articles.mkdir()
    original = (SEEDS / "000_6ab68325297169c1.txt").read_text(encoding="utf-8")
    (articles / "a.txt").write_text(original, encoding="utf-8")
    write_config(tmp_path)
    config = load(tmp_path / "config.toml")
    with State(config.state.file) as state:
        state.record(ingest(config, state))
    # As an earlier version left it: other signatures, banded with text keys, no scheme number.
    with sqlite3.connect(config.state.file) as db:
        (key,) = db.execute("SELECT id FROM articles").fetchone()
        other = to_blob(np.random.default_rng(7).integers(0, 2**32, 64, dtype=np.uint32))
        db.execute("UPDATE articles SET minhash = ?", (other,))
        db.execute("DROP TABLE minhash_bands")
        db.execute("CREATE TABLE bands (band TEXT NOT NULL, article_id TEXT NOT NULL)")
        db.executemany("INSERT INTO bands VALUES (?, ?)", [(f"{b}:{b:08x}", key) for b in range(16)])
        db.execute("PRAGMA user_version = 0")
    db.close()
    # The same article with one more paragraph: another id, nearly the same words.
    parts = original.split("\n\n")
    longer = "\n\n".join([*parts[:4], "另据报道，该基金的规模目前已经超过十亿元。", *parts[4:]])
    (articles / "b-longer.txt").write_text(longer, encoding="utf-8")
    with State(config.state.file, readonly=True) as state:    # read-only: nothing compared
        assert state.near(band_keys(other)) == {}
    assert "only exact repeats" in caplog.text                 # and the dry run says so
    with State(config.state.file) as state:
        outcome = {Path(o.source).name: o for o in ingest(config, state)}["b-longer.txt"]
        assert outcome.status == "skipped" and "duplicate of" in outcome.reason
        stored = state.db.execute("SELECT data, minhash FROM articles").fetchall()
        bands = sorted(state.db.execute("SELECT band, article_id FROM minhash_bands"))
        assert state.db.execute("PRAGMA user_version").fetchone()[0] == SIGNATURES
        tables = {row[0] for row in state.db.execute("SELECT name FROM sqlite_master")}
    (data, minhash), = stored
    assert minhash == to_blob(article_signature(article_from_json(data).paragraphs))
    assert bands == sorted((b, key) for b in band_keys(minhash))
    assert "bands" not in tables


def test_band_keys_come_from_the_reading_pass_and_are_let_go_after_the_duplicate_check(tmp_path: Path,
                                                                                      monkeypatch):
    import digest.sources.ingest as ingesting
    from digest.text.dedupe import band_keys

    articles = tmp_path / "articles"
    articles.mkdir()
    original = (SEEDS / "000_6ab68325297169c1.txt").read_text(encoding="utf-8")
    parts = original.split("\n\n")
    longer = "\n\n".join([*parts[:4], "另据报道，该基金的规模目前已经超过十亿元。", *parts[4:]])
    (articles / "a.txt").write_text(original, encoding="utf-8")
    (articles / "b-longer.txt").write_text(longer, encoding="utf-8")
    write_config(tmp_path)
    config = load(tmp_path / "config.toml")
    with State(config.state.file) as state:
        outcomes = {Path(o.source).name: o for o in ingest(config, state, jobs=2)}
        read = []
        monkeypatch.setattr(ingesting, "dedupe", lambda o, seen: read.append(o) or o)
        ingesting.ingest_one(config, state, articles / "b-longer.txt")
    assert outcomes["a.txt"].status == "included" and outcomes["a.txt"].bands == ()
    assert outcomes["b-longer.txt"].status == "skipped" and "duplicate of" in outcomes["b-longer.txt"].reason
    (outcome,) = read                      # as the reading pass hands it over
    assert outcome.bands == (band_keys(outcome.signatures[0]),)
