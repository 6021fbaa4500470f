"""Feeds and pages over HTTP, from a real local server: feed shapes, limits, errors, `digest add`."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from digest.add import add
from digest.config import load
from digest.errors import DigestError, SourceError
from digest.sources.fetch import Limits, fetch
from digest.sources.ingest import ingest
from digest.store.state import State

from .conftest import FIXTURES, write_config

LIMITS = 'fetch_timeout_seconds = 0.5\nfetch_deadline_seconds = 1.5\nfetch_max_mb = 1\n'


class Site(BaseHTTPRequestHandler):
    """Serves the fixtures, and the misbehaving answers real servers give."""

    hits: dict[str, int] = {}

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        Site.hits[self.path] = Site.hits.get(self.path, 0) + 1
        base = f"http://{self.headers['Host']}"
        route = {
            "/full.xml": lambda: self.send(FIXTURES / "feeds" / "full_content.xml"),
            "/summary.xml": lambda: self.send(FIXTURES / "feeds" / "summary_only.xml", base),
            "/atom.xml": lambda: self.send(FIXTURES / "atom.xml"),
            "/spaced.xml": lambda: self.send(FIXTURES / "feed.xml", prefix=b"\n\n   \n"),
            "/pages/saved_page.html": lambda: self.send(FIXTURES / "pages" / "saved_page.html"),
            "/etag.xml": self.etag,
            "/slow.xml": self.slow,
            "/drip.xml": self.drip,
            "/big.xml": self.big,
            "/to-file.xml": lambda: self.redirect("file:///etc/passwd"),
            "/moved.xml": lambda: self.redirect("/full.xml"),
        }.get(self.path)
        if route is None:
            self.send_error(404)
            return
        route()

    def send(self, path: Path, base: str | None = None, prefix: bytes = b"") -> None:
        data = path.read_bytes()
        if base:
            data = data.replace(b"{base}", base.encode())
        self.answer(200, prefix + data)

    def answer(self, status: int, data: bytes, **headers) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(data)

    def redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def etag(self) -> None:
        if self.headers.get("If-None-Match") == '"v1"':
            Site.hits["304"] = Site.hits.get("304", 0) + 1
            self.send_response(304)
            self.end_headers()
            return
        self.answer(200, (FIXTURES / "feed.xml").read_bytes(), ETag='"v1"')

    def slow(self) -> None:
        time.sleep(1.2)                          # longer than the 0.5 s read timeout
        self.answer(200, b"<rss/>")

    def drip(self) -> None:
        self.send_response(200)
        self.end_headers()
        for _ in range(40):                      # one byte every 0.1 s: each read succeeds
            try:
                self.wfile.write(b" ")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.1)

    def big(self) -> None:
        self.send_response(200)
        self.end_headers()                       # no Content-Length: only the cap stops it
        chunk = b"<!-- filler -->" * 4096
        try:
            for _ in range(200):                 # about 12 MB offered
                self.wfile.write(chunk)
        except OSError:
            pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Site.hits = {}
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def run(folder: Path, feeds: list[str], extra: str = "", limits: str = LIMITS) -> dict:
    """Read ``feeds`` as a build would, with ``[sources]`` keys ``extra``; recorded."""
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    listed = ", ".join(f'"{f}"' for f in feeds)
    write_config(folder, sources_extra=f"feeds = [{listed}]\n{limits}{extra}")
    config = load(folder / "config.toml")
    state = State(config.state.file)
    try:
        outcomes = ingest(config, state)
        state.record(outcomes)
        return {o.source: o for o in outcomes}
    finally:
        state.close()


def test_full_content_entries_go_through_the_page_reader(tmp_path: Path, site: str):
    url = f"{site}/full.xml"
    outcome = run(tmp_path, [url])[url]       # the source is the address as given
    (article,) = outcome.articles
    assert article.title == "大模型推理成本一年下降九成"
    assert article.paragraphs == (
        "多家云服务商近日再次下调大模型接口价格，与一年前相比，同等能力模型的推理成本已经下降了九成左右。",
        "业内人士认为，价格下降主要来自更高效的推理框架和专用芯片，也与厂商之间的竞争有关。",
        "成本下降让更多中小企业开始把大模型用在客服、营销和数据分析等场景。")
    assert article.source == f"{url}#https://tech.example.cn/p/101"


def test_a_summary_only_feed_fetches_the_entry_pages_when_asked(tmp_path: Path, site: str):
    url = f"{site}/summary.xml"
    (article,) = run(tmp_path / "off", [url])[url].articles
    assert article.body == "记者从多家芯片企业了解到……"
    (article,) = run(tmp_path / "on", [url], "fetch_full_text = true\nallow_private = true\n")[url].articles
    assert len(article.paragraphs) == 5 and article.paragraphs[0].startswith("记者从多家芯片企业了解到，")
    assert article.author == "王小明"


def test_an_entry_page_already_read_is_not_fetched_again(tmp_path: Path, site: str):
    url = f"{site}/summary.xml"
    run(tmp_path, [url], "fetch_full_text = true\nallow_private = true\n")
    assert Site.hits["/pages/saved_page.html"] == 1
    state = State(tmp_path / "state" / "digest.sqlite3")
    try:
        assert state.sources_under(url + "#") == frozenset({url + "#chips-2024-05-13"})
        state.db.execute("UPDATE files SET sha256 = 'changed' WHERE source = ?", (url,))
        state.db.commit()
    finally:
        state.close()
    # The feed reads as changed, so it is parsed again, but its known entry's page is not fetched.
    run(tmp_path, [url], "fetch_full_text = true\nallow_private = true\n")
    assert Site.hits["/summary.xml"] == 2 and Site.hits["/pages/saved_page.html"] == 1


def test_atom_and_leading_whitespace_feeds(tmp_path: Path, site: str):
    found = run(tmp_path, [f"{site}/atom.xml", f"{site}/spaced.xml"])
    assert found[f"{site}/atom.xml"].articles[0].title.startswith("黃仁勳與川普會面")
    assert len(found[f"{site}/spaced.xml"].articles) == 2


def test_conditional_get_keeps_the_validators_and_skips_an_unchanged_feed(tmp_path: Path, site: str):
    url = f"{site}/etag.xml"
    assert run(tmp_path, [url])[url].status == "included"
    assert run(tmp_path, [url]) == {}                    # 304: nothing to read
    assert Site.hits["/etag.xml"] == 2 and Site.hits["304"] == 1


@pytest.mark.parametrize("path, reason", [
    ("/slow.xml", "no answer within 0.5 s"),
    ("/drip.xml", "took longer than 1.5 s"),
    ("/big.xml", "too large (over 1 MB)"),
    ("/to-file.xml", "refused redirect to 'file:///etc/passwd'"),
    ("/missing.xml", "HTTP 404"),
])
def test_remote_errors_are_recorded_with_their_reason_and_tried_again(tmp_path: Path, site: str,
                                                                      path: str, reason: str):
    url = site + path
    started = time.monotonic()
    outcome = run(tmp_path, [url])[url]
    assert time.monotonic() - started < 10       # bounded; the exact limits are asserted by reason
    assert outcome.status == "failed" and reason in outcome.reason
    assert run(tmp_path, [url]) == {}            # the same failure is not recorded twice...
    assert Site.hits[path] == 2                  # ...but the source is fetched again


def test_redirects_are_followed_to_http_only(site: str):
    got = fetch(f"{site}/moved.xml", Limits(timeout=2, deadline=5), typed=True)
    assert got.url == f"{site}/full.xml" and b"content:encoded" in got.data
    with pytest.raises(SourceError, match="only http and https"):
        fetch("ftp://example.com/feed.xml")


def test_add_saves_a_fetched_page_into_the_first_source_folder(tmp_path: Path, site: str):
    (tmp_path / "articles").mkdir()
    write_config(tmp_path, sources_extra=LIMITS)
    config = load(tmp_path / "config.toml")
    added = add(config, f"{site}/pages/saved_page.html")
    assert added.path.parent == tmp_path / "articles" and added.path.suffix == ".html"
    assert added.path.read_bytes().startswith(b"<!-- saved from url=(")
    assert added.outcome.status == "included"
    (article,) = added.outcome.articles
    assert article.link == f"{site}/pages/saved_page.html"
    assert added.message.startswith("Added 国产算力芯片订单排到明年 多家厂商扩产 (")
    state = State(config.state.file)
    try:
        assert [a.title for a in state.pending()] == [article.title]
    finally:
        state.close()
    assert add(config, f"{site}/pages/saved_page.html").outcome is None    # same bytes again
    with pytest.raises(DigestError, match="HTTP 404"):
        add(config, f"{site}/nothing.html")


def test_add_takes_back_only_the_copy_it_made_of_what_is_not_added(tmp_path: Path):
    from digest.run.pipeline import build
    from digest.run.status import report

    from .conftest import SMALL, write_small

    articles = write_small(tmp_path / "articles", ["gold.txt"])
    write_config(tmp_path)
    config = load(tmp_path / "config.toml")
    assert build(config).built
    elsewhere = tmp_path / "downloads"
    elsewhere.mkdir()
    (elsewhere / "gold-again.txt").write_text(SMALL["gold.txt"], encoding="utf-8")
    again = add(config, str(elsewhere / "gold-again.txt"))           # a duplicate
    assert again.outcome.status == "skipped" and "duplicate of" in again.outcome.reason
    assert again.removed and not (articles / "gold-again.txt").exists()
    assert (elsewhere / "gold-again.txt").exists()                    # the user's own file stays
    (articles / "qa_page.html").write_bytes((FIXTURES / "pages" / "qa_page.html").read_bytes())
    there = add(config, str(articles / "qa_page.html"))              # already in the folder
    assert there.outcome.status == "skipped" and not there.removed
    assert (articles / "qa_page.html").exists()
    assert "skipped or failed files: 1\n" in report(config)          # only the user's own file
    assert "gold-again" not in report(config)


def test_add_copies_a_file_and_records_a_page_that_is_not_an_article(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    write_config(tmp_path)
    config = load(tmp_path / "config.toml")
    added = add(config, str(FIXTURES / "pages" / "qa_page.html"))
    assert added.path == tmp_path / "articles" / "qa_page.html"
    assert added.outcome.status == "skipped"
    assert added.message == (f"Not added: {added.path} was skipped: "
                             "not an article: a question-and-answer page; the copy saved there "
                             "was removed.")
    assert not added.path.exists()
    with pytest.raises(DigestError, match="not a file"):
        add(config, str(tmp_path / "missing.html"))
