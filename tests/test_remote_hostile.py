"""Remote reads against a misbehaving local server: addresses in Chinese, links and redirects
to non-public addresses, a feed whose entry pages are slow."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from digest.add import add
from digest.cli import main
from digest.config import load
from digest.errors import SourceError
from digest.sources.fetch import Limits, fetch
from digest.store.state import State

from .conftest import write_config
from .hostile_site import LIMITS, SECRET, Hostile, run, serve


@pytest.fixture
def site():
    yield from serve()


# ---------------------------------------------------------------- addresses in Chinese

def test_addresses_in_chinese_are_encoded_in_feeds_redirects_links_and_add(tmp_path: Path, site: str):
    feed, moved, linked = (f"{site}/订阅/芯片.xml?栏目=科技", f"{site}/utf8-redirect.xml",
                           f"{site}/cn-links.xml")
    found = run(tmp_path, [feed, moved, linked], "fetch_full_text = true\nallow_private = true\n")
    assert found[feed].status == "included" and found[feed].source == feed, found[feed].reason
    assert "duplicate of" in found[moved].reason and Hostile.hits["/订阅/芯片.xml"] == 2
    (article,) = found[linked].articles
    assert len(article.paragraphs) == 5 and Hostile.hits["/文章/芯片 新闻.html"] == 1
    added = add(load(tmp_path / "config.toml"), f"{site}/页面.html")
    assert added.outcome.reason == "duplicate of '芯片新闻'"    # the page the feed linked to
    # Fetched under its encoded address; the copy of a duplicate is not kept.
    assert Hostile.hits.get("/页面.html") == 1 and not added.path.exists()


def test_an_address_that_cannot_be_fetched_fails_that_source_alone(tmp_path: Path, site: str):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "local.txt").write_text(
        "国产大模型开源引发关注\n\n一家北京人工智能公司发布开源大模型，训练成本仅为同类产品的十分之一。"
        "开发者社区下载量在一周内突破百万次。\n", encoding="utf-8")
    bad = ["http://例子.invalid/订阅.xml", "http://[::1/x.xml", "http://127.0.0.1:99999/x.xml"]
    write_config(tmp_path, sources_extra=f"feeds = {bad!r}\n{LIMITS}".replace("'", '"'))
    assert main(["build", "--config", str(tmp_path / "config.toml")]) == 0
    with State(tmp_path / "state" / "digest.sqlite3", root=tmp_path) as state:
        assert state.file_sha(str(tmp_path / "articles" / "local.txt"))
        for url in bad:
            assert state.file_sha(url) is not None       # recorded, as failed


# ---------------------------------------------------------------- non-public addresses

def test_entry_links_to_non_public_addresses_are_not_fetched(tmp_path: Path, site: str):
    url = f"{site}/ssrf.xml"
    outcome = run(tmp_path / "off", [url], "fetch_full_text = true\n")[url]   # the feed: typed, allowed
    assert outcome.status == "included", outcome.reason
    assert Hostile.hits.get("/secret.html", 0) == 0
    assert not any(SECRET[:10] in a.body for a in outcome.articles)
    outcome = run(tmp_path / "on", [url], "fetch_full_text = true\nallow_private = true\n")[url]
    assert Hostile.hits["/secret.html"] >= 1
    assert any(SECRET[:10] in a.body for a in outcome.articles)


@pytest.mark.parametrize("path", ["/to-localhost.xml", "/to-metadata.xml"])
def test_redirects_to_non_public_addresses_are_refused(tmp_path: Path, site: str, path: str):
    limits = Limits(timeout=1, deadline=3)
    for typed in (True, False):
        with pytest.raises(SourceError, match="non-public address"):
            fetch(site + path, limits, typed=typed)
    outcome = run(tmp_path, [site + path])[site + path]
    assert outcome.status == "failed" and "non-public address" in outcome.reason
    assert Hostile.hits.get("/secret.html", 0) == 0
    got = fetch(site + "/to-localhost.xml", Limits(timeout=1, deadline=3, allow_private=True))
    assert SECRET.encode() in got.data


@pytest.mark.parametrize("answers", [["8.8.8.8", "127.0.0.1"], ["127.0.0.1", "8.8.8.8"]])
def test_the_check_is_made_on_the_address_connected_to(site: str, monkeypatch, answers):
    """A name that resolves to a public address once and to a private one the next time
    (DNS rebinding) never reaches the private one."""
    port = int(site.rsplit(":", 1)[1])
    real = socket.getaddrinfo
    calls = []

    def rebinding(host, *args, **kwargs):
        if host != "rebind.example":
            return real(host, *args, **kwargs)
        ip = answers[min(len(calls), 1)]
        calls.append(ip)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port if ip == "127.0.0.1" else 0))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with pytest.raises(SourceError):
        fetch(f"http://rebind.example:{port}/secret.html", Limits(timeout=1, deadline=2))
    assert Hostile.hits.get("/secret.html", 0) == 0 and len(calls) == 1


# ---------------------------------------------------------------- entry pages, one deadline

def test_entry_pages_share_one_deadline_and_the_late_ones_wait_for_the_next_run(tmp_path: Path,
                                                                                site: str):
    url = f"{site}/pages.xml"
    extra = "fetch_full_text = true\nallow_private = true\nfetch_pages_deadline_seconds = 1.5\n"
    started = time.monotonic()
    outcome = run(tmp_path, [url], extra)[url]
    assert time.monotonic() - started < 5           # 12 pages one by one would take 16 s or more
    assert len(outcome.articles) == 8 and "4 entry page(s) not fetched within 1.5 s" in outcome.reason
    assert all(len(a.paragraphs) == 3 for a in outcome.articles)
    Hostile.slow = False
    outcome = run(tmp_path, [url], extra)[url]      # read again in full, not "not modified"
    assert len(outcome.articles) == 4 and "not fetched" not in outcome.reason
    assert [Hostile.hits[f"/page/{n}.html"] for n in range(1, 13)] == [1] * 8 + [2] * 4
    assert run(tmp_path, [url], extra) == {}        # now complete: 304, nothing to read
    with State(tmp_path / "state" / "digest.sqlite3") as state:
        assert len(state.sources_under(url + "#")) == 12
