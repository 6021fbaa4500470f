"""Feeds with broken characters, a login in their address, or gzip bytes nobody announced."""

from __future__ import annotations

import gzip
import logging
import re
from pathlib import Path

import pytest

from digest.config import load
from digest.run.pipeline import build
from digest.store.state import State

from .conftest import FIXTURES, write_config
from .hostile_site import LIMITS, LOGIN, Hostile, rss, run, serve, story


@pytest.fixture
def site():
    yield from serve()


# ---------------------------------------------------------------- characters, login, gzip

def feed_with_bad_characters() -> bytes:
    items = [("芯片&#xD800;快讯\x01", "https://news.example.cn/0", story(0)),
             ("港股\x00快讯&#x1;&#x110000;", "https://news.example.cn/1", story(1)),
             ("降息\u0085快讯", "https://news.example.cn/2", story(2) + "\x02\x1b[31m")]
    data = rss([(t, link, s.replace("<", "&lt;")) for t, link, s in items])
    return data.replace("快讯".encode(), b"\xed\xa0\x80\xe5\xbf\xab\xe8\xae\xaf", 1)


def test_bad_characters_cost_the_character_not_the_feed(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "bad.xml").write_bytes(feed_with_bad_characters())
    write_config(tmp_path)
    result = build(load(tmp_path / "config.toml"))
    assert result.articles == 3
    for path in result.folder.iterdir():
        text = path.read_text(encoding="utf-8", errors="strict")
        bad = [c for c in text if (ord(c) < 32 and c not in "\t\n\r") or 0x7F <= ord(c) <= 0x9F]
        assert not bad, (path.name, bad)
    titles = re.findall(r"^### (.*)$", (result.folder / "digest.md").read_text(encoding="utf-8"), re.M)
    assert len(titles) == 3 and re.fullmatch("芯片\ufffd+快讯", titles[0]), titles


def test_a_login_in_a_feed_address_is_used_but_never_kept(tmp_path: Path, site: str, caplog):
    caplog.set_level(logging.DEBUG)
    port = site.rsplit(":", 1)[1]
    url = f"http://{LOGIN[0]}:{LOGIN[1]}@127.0.0.1:{port}/auth.xml"
    wrong = f"http://{LOGIN[0]}:wrong-{LOGIN[1]}@127.0.0.1:{port}/auth.xml?again"
    (tmp_path / "articles").mkdir()
    write_config(tmp_path, sources_extra=f'feeds = ["{url}", "{wrong}"]\n{LIMITS}')
    result = build(load(tmp_path / "config.toml"))
    assert result.articles == 3
    assert Hostile.hosts == [f"127.0.0.1:{port}"] * 2
    files = [*result.folder.iterdir(), *(tmp_path / "state").iterdir()]
    for path in files:
        assert LOGIN[1].encode() not in path.read_bytes(), path.name
    assert LOGIN[1] not in caplog.text
    with State(tmp_path / "state" / "digest.sqlite3") as state:
        assert state.file_sha(f"{site}/auth.xml") and state.file_sha(f"{site}/auth.xml?again")


def test_a_gzip_feed_without_a_label_is_read_and_a_gzip_bomb_refused(tmp_path: Path, site: str):
    local = tmp_path / "feed.xml.gz"
    local.write_bytes(gzip.compress((FIXTURES / "feeds" / "full_content.xml").read_bytes()))
    found = run(tmp_path, [f"{site}/gzip.xml", f"{site}/bomb.xml", str(local)])
    assert found[f"{site}/gzip.xml"].status == "included"
    assert found[f"{site}/bomb.xml"].status == "failed"
    assert "larger than 1 MB when decompressed" in found[f"{site}/bomb.xml"].reason
    (local_outcome,) = [o for name, o in found.items() if name.endswith("feed.xml.gz")]
    assert local_outcome.status in ("included", "skipped")   # the same article as gzip.xml
