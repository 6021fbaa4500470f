"""Feeds and pages that misbehave, from a real local server: addresses in Chinese, links to
private addresses, slow entry pages, broken characters, credentials, unlabelled gzip."""

from __future__ import annotations

import base64
import gzip
import logging
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from digest.add import add
from digest.cli import main
from digest.config import load
from digest.errors import SourceError
from digest.run.pipeline import build
from digest.sources.fetch import Limits, fetch
from digest.store.state import State

from .conftest import FIXTURES, write_config
from .test_remote import run as read_feeds

LIMITS = 'fetch_timeout_seconds = 1\nfetch_deadline_seconds = 3\nfetch_max_mb = 1\n'
SECRET = "内网机密：这台服务器只应在本机访问，里面记着数据库口令与内部系统的地址，不得外传。"
TOPICS = ["英伟达数据中心芯片", "港股恒生科技指数", "美联储降息预期", "黄金价格", "比特币行情",
          "台积电先进制程", "大模型开源社区", "A股成交额", "人民币汇率", "原油库存", "日本央行政策",
          "欧洲央行利率"]
LOGIN = ("reader", "s3cret-pass")
SLOW = range(9, 13)                  # the entry pages that take longer than the feed's deadline


def story(n: int) -> str:
    topic = TOPICS[n % len(TOPICS)]
    return (f"<p>{topic}本周出现明显变化，第{n}份报告显示相关指标较上月变动{n * 7}%，市场关注度持续上升。</p>"
            f"<p>分析人士认为，{topic}的走势取决于后续政策与企业盈利，短期内波动可能加大。</p>"
            f"<p>多家机构发布研究称，{topic}仍有{n + 2}个值得关注的风险点，投资者应保持谨慎。</p>")


def page(n: int) -> bytes:
    return (f"<html><head><title>{TOPICS[n % len(TOPICS)]}观察第{n}期</title></head><body>"
            f"<article><h1>{TOPICS[n % len(TOPICS)]}观察第{n}期</h1>{story(n)}</article>"
            "</body></html>").encode()


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """A feed of (title, link, summary) items."""
    body = "".join(f"<item><title>{t}</title><link>{link}</link><guid>g{n}</guid>"
                   f"<description>{summary}</description></item>"
                   for n, (t, link, summary) in enumerate(items))
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>'
            f"{body}</channel></rss>").encode()


class Hostile(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    hosts: list[str] = []
    slow = True

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        path = unquote(urlsplit(self.path).path)
        Hostile.hits[path] = Hostile.hits.get(path, 0) + 1
        port = self.server.server_address[1]
        base = f"http://127.0.0.1:{port}"
        if path == "/订阅/芯片.xml":
            self.answer((FIXTURES / "feeds" / "full_content.xml").read_bytes())
        elif path == "/utf8-redirect.xml":      # a Location in raw UTF-8, as many servers send it
            self.redirect("/订阅/芯片.xml?栏目=科技".encode().decode("latin-1"))
        elif path == "/cn-links.xml":
            self.answer(rss([("芯片新闻", f"{base}/文章/芯片 新闻.html?来源=首页", "摘要")]))
        elif path in ("/文章/芯片 新闻.html", "/页面.html"):
            self.answer((FIXTURES / "pages" / "saved_page.html").read_bytes())
        elif path == "/secret.html":
            self.answer(f"<html><body><article><p>{SECRET}</p><p>{SECRET}</p></article></body></html>"
                        .encode())
        elif path == "/ssrf.xml":
            links = [f"{base}/secret.html", f"http://localhost:{port}/secret.html",
                     f"http://[::1]:{port}/secret.html", f"http://0.0.0.0:{port}/secret.html",
                     f"http://[::ffff:127.0.0.1]:{port}/secret.html", f"http://2130706433:{port}/secret.html",
                     "http://10.0.0.1/secret.html", "http://169.254.169.254/latest/meta-data/"]
            self.answer(rss([(f"{TOPICS[n]}快讯", link, story(n).replace("<", "&lt;"))
                             for n, link in enumerate(links)]))
        elif path == "/to-localhost.xml":
            self.redirect(f"http://localhost:{port}/secret.html")
        elif path == "/to-metadata.xml":
            self.redirect("http://169.254.169.254/latest/meta-data/")
        elif path == "/pages.xml":
            if self.headers.get("If-None-Match") == '"p1"':
                self.send_response(304)
                self.end_headers()
                return
            self.answer(rss([(f"{TOPICS[n % 12]}观察第{n}期", f"{base}/page/{n}.html", "摘要")
                             for n in range(1, 13)]), ETag='"p1"')
        elif path.startswith("/page/"):
            n = int(path.split("/")[-1].split(".")[0])
            if Hostile.slow and n in SLOW:
                self.drip(page(n))
            else:
                self.answer(page(n))
        elif path == "/auth.xml":
            Hostile.hosts.append(self.headers["Host"])
            token = base64.b64encode(":".join(LOGIN).encode()).decode()
            if self.headers.get("Authorization") != f"Basic {token}":
                self.answer(b"login required", status=401)
                return
            self.answer(rss([(f"{TOPICS[n]}快讯", f"https://news.example.cn/{n}", story(n).replace(
                "<", "&lt;")) for n in range(3)]))
        elif path == "/gzip.xml":
            self.answer(gzip.compress((FIXTURES / "feeds" / "full_content.xml").read_bytes()))
        elif path == "/bomb.xml":
            self.answer(BOMB)
        else:
            self.send_error(404)

    def answer(self, data: bytes, status: int = 200, **headers) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        try:
            self.wfile.write(data)
        except OSError:
            pass

    def drip(self, data: bytes) -> None:
        """One byte every 0.1 s: every read gets an answer, the page takes minutes."""
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    def redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()


BOMB = gzip.compress(b" " * (8 * 1024 * 1024), compresslevel=9)   # 8 MB from about 8 KB


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Hostile.hits, Hostile.hosts, Hostile.slow = {}, [], True
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def run(folder: Path, feeds: list[str], extra: str = "") -> dict:
    return read_feeds(folder, feeds, extra, LIMITS)


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
    assert "%E9%A1%B5%E9%9D%A2.html" in added.path.read_text(encoding="utf-8").splitlines()[0]


def test_an_address_that_cannot_be_fetched_fails_that_source_alone(tmp_path: Path, site: str):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "local.txt").write_text(
        "国产大模型开源引发关注\n\n一家北京人工智能公司发布开源大模型，训练成本仅为同类产品的十分之一。"
        "开发者社区下载量在一周内突破百万次。\n", encoding="utf-8")
    bad = ["http://例子.invalid/订阅.xml", "http://[::1/x.xml", "http://127.0.0.1:99999/x.xml"]
    write_config(tmp_path, sources_extra=f"feeds = {bad!r}\n{LIMITS}".replace("'", '"'))
    assert main(["build", "--config", str(tmp_path / "config.toml")]) == 0
    with State(tmp_path / "state" / "digest.sqlite3") as state:
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
