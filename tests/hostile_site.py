"""A local web server that misbehaves as real ones do, for the hostile-network tests:
addresses in Chinese, links to private addresses, slow entry pages, a login, unlabelled gzip."""

from __future__ import annotations

import base64
import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .conftest import FIXTURES
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


def serve():
    """Runs the server for one test; yields its base address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Hostile.hits, Hostile.hosts, Hostile.slow = {}, [], True
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def run(folder: Path, feeds: list[str], extra: str = "") -> dict:
    return read_feeds(folder, feeds, extra, LIMITS)
