"""`digest collect`: a feed whose window moves between collects loses nothing; polite polling.

A real local HTTP server shows five entries at a time and moves on by five; its
requests are counted. The poll records' clock is passed in, never slept through.
"""

from __future__ import annotations

import json
import re
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from digest.cli import main
from digest.config import load
from digest.run.collect import collect
from digest.run.pipeline import build
from digest.store import polls
from digest.store.state import State

from .conftest import SEEDS, write_config

LIMITS = 'fetch_timeout_seconds = 2\nfetch_deadline_seconds = 5\n'
NOON = datetime(2026, 11, 17, 12, 0, tzinfo=timezone.utc)


def stories(count: int = 15) -> list[tuple[str, list[str]]]:
    """``count`` different articles: (title, paragraphs) from the seeds' long paragraphs."""
    paragraphs = [p.strip() for path in sorted(SEEDS.iterdir())
                  for p in path.read_text(encoding="utf-8").split("\n")
                  if 80 <= len(p.strip()) <= 600 and "。" in p]
    assert len(paragraphs) >= 3 * count
    step = len(paragraphs) // count
    return [(f"市场观察第{n + 1}期：{paragraphs[n * step][:12]}", paragraphs[n * step:n * step + 3])
            for n in range(count)]


STORIES = stories()


class Feed(BaseHTTPRequestHandler):
    """An RSS feed showing five entries from ``window`` on, with an ETag per window; the
    entry pages (``/entry/N``) carry the whole article for ``fetch_full_text``."""

    window = 0
    hits: list[tuple[str, int]] = []      # (path, status answered)
    channel = ""                          # extra channel elements (<ttl> …)
    headers_out: dict[str, str] = {}      # extra response headers
    failing = False
    advance_each_read = False             # move the window on after each full answer
    delay = 0.0                           # seconds before answering the feed
    arrived = threading.Event()           # a request for the feed came in

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        if self.path.startswith("/entry/"):
            number = int(self.path.rsplit("/", 1)[1])
            title, paragraphs = STORIES[number]
            body = "".join(f"<p>{p}</p>" for p in paragraphs)
            page = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                    f"{body}</article></body></html>")
            return self.answer(200, page.encode())
        Feed.arrived.set()
        time.sleep(Feed.delay)
        if Feed.failing:
            return self.answer(503, b"busy")
        etag = f'"w{Feed.window}"'
        if self.headers.get("If-None-Match") == etag:
            return self.answer(304, b"")
        self.answer(200, self.feed(), ETag=etag)
        if Feed.advance_each_read and Feed.window < 10:
            Feed.window += 5

    def feed(self) -> bytes:
        base = f"http://{self.headers['Host']}"
        items = []
        for number in range(Feed.window, min(Feed.window + 5, len(STORIES))):
            title, paragraphs = STORIES[number]
            body = paragraphs[0][:60] if Feed.summaries else "".join(f"<p>{p}</p>" for p in paragraphs)
            day = format_datetime(NOON - timedelta(hours=len(STORIES) - number))
            items.append(f"<item><title>{title}</title><link>{base}/entry/{number}</link>"
                         f"<guid>{base}/entry/{number}</guid><pubDate>{day}</pubDate>"
                         f"<description><![CDATA[{body}]]></description></item>")
        return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
                f'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel>'
                f"<title>快讯</title><link>{base}/</link>{Feed.channel}{''.join(items)}"
                f"</channel></rss>").encode()

    summaries = False                     # entries carry a short summary, not the article

    def answer(self, status: int, data: bytes, **headers) -> None:
        Feed.hits.append((self.path, status))
        self.send_response(status)
        self.send_header("Content-Length", str(len(data)))
        for key, value in {**headers, **Feed.headers_out}.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def feed():
    Feed.window, Feed.hits, Feed.channel, Feed.headers_out = 0, [], "", {}
    Feed.failing = Feed.summaries = Feed.advance_each_read = False
    Feed.delay, Feed.arrived = 0.0, threading.Event()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    server.shutdown()
    server.server_close()


def project(folder: Path, url: str, extra: str = "") -> Path:
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    return write_config(folder, sources_extra=f'feeds = ["{url}"]\n{LIMITS}{extra}')


def feed_reads(path: str = "/feed.xml") -> list[int]:
    return [status for p, status in Feed.hits if p == path]


def digest_titles(folder: Path) -> list[str]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [a["title"] for a in manifest["articles"]]


def test_three_collects_then_a_build_hold_all_fifteen_entries_once(tmp_path, feed, capsys):
    path = project(tmp_path, feed)
    for window in (0, 5, 10):
        Feed.window = window
        assert main(["collect", "--config", str(path)]) == 0
        assert capsys.readouterr().out == "Collected 5 new article(s) from 2 source(s)\n"
    result = build(load(path), now=NOON)
    titles = digest_titles(result.folder)
    assert sorted(titles) == sorted(t for t, _ in STORIES)      # all fifteen, once each
    assert result.articles == 15 and result.new_articles == 0  # the feed showed nothing new


def test_a_build_alone_holds_only_what_the_feed_shows_on_the_day(tmp_path, feed):
    path = project(tmp_path, feed)
    Feed.window = 10
    assert build(load(path), now=NOON).articles == 5


def test_collect_with_nothing_new_costs_one_conditional_request(tmp_path, feed):
    path = project(tmp_path, feed)
    config = load(path)
    assert collect(config, now=NOON).new_articles == 5
    again = collect(config, now=NOON + timedelta(hours=1))
    assert again.new_articles == 0 and again.message.startswith("Collected 0 new article(s)")
    assert feed_reads() == [200, 304]                        # one request, answered "unchanged"


def test_entries_collected_with_their_pages_are_built_after_leaving_the_feed(tmp_path, feed):
    Feed.summaries = True
    path = project(tmp_path, feed, "fetch_full_text = true\nallow_private = true\n")
    config = load(path)
    collect(config, now=NOON)
    assert len(feed_reads("/entry/0")) == 1                  # the page read when collected
    Feed.window = 10                                         # the first five are gone
    result = build(config, now=NOON)
    assert result.articles == 10
    state = State(config.state.file, readonly=True)
    try:
        first = next(a for a in state.articles_in(result.period) if a.title == STORIES[0][0])
    finally:
        state.close()
    assert first.paragraphs == tuple(STORIES[0][1])          # the whole article, not the summary
    assert len(feed_reads("/entry/0")) == 1                  # and not fetched again


@pytest.mark.parametrize("channel, headers, seconds", [
    ("<ttl>90</ttl>", {}, 90 * 60),
    ("<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>2</sy:updateFrequency>",
     {}, 30 * 60),
    ("", {"Cache-Control": "public, max-age=7200"}, 7200),
])
def test_a_feed_is_not_polled_sooner_than_it_asks(tmp_path, feed, channel, headers, seconds):
    Feed.channel, Feed.headers_out = channel, headers
    config = load(project(tmp_path, feed))
    collect(config, now=NOON)
    early = collect(config, now=NOON + timedelta(seconds=seconds - 300))
    assert early.resting == (feed,) and "1 feed(s) not due yet" in early.message
    assert feed_reads() == [200]
    collect(config, now=NOON + timedelta(seconds=seconds))
    assert feed_reads() == [200, 304]
    build(config, now=NOON)                                  # a build reads it, due or not
    assert feed_reads() == [200, 304, 304]


def test_a_failing_feed_backs_off_and_status_shows_it(tmp_path, feed):
    from digest.run.status import report

    config = load(project(tmp_path, feed))
    Feed.failing = True
    moment, waits = NOON, []
    for _ in range(9):
        collect(config, now=moment)
        record = poll_record(config, feed)
        next_poll = datetime.fromisoformat(record.next_poll)
        waits.append((next_poll - moment).total_seconds() / 60)
        assert collect(config, now=next_poll - timedelta(minutes=2)).resting == (feed,)
        moment = next_poll
    assert waits == [15, 30, 60, 120, 240, 480, 960, 1440, 1440]   # doubling, at most a day
    assert record.failures == 9 and "HTTP 503" in record.last_error
    assert len(feed_reads()) == 9
    lines = report(config).splitlines()
    line = next(line for line in lines if line.startswith(f"  - {feed}: "))
    assert re.search(r"last success never; last error \S+: HTTP 503 .*\(9 in a row\); next poll ",
                     line)
    Feed.failing = False
    collect(config, now=moment)
    record = poll_record(config, feed)
    assert record.failures == 0 and record.last_success and record.next_poll == record.last_success
    assert "HTTP 503" in record.last_error                    # the last error stays on record


def poll_record(config, feed: str) -> polls.PollRecord:
    with State(config.state.file, readonly=True) as state:
        return polls.read(state.db)[feed]


def test_a_state_file_without_poll_records_is_read_and_brought_up_to_date(tmp_path, feed):
    from digest.run.status import report

    config = load(project(tmp_path, feed))
    collect(config, now=NOON)
    with State(config.state.file) as state:
        state.db.execute("DROP TABLE polls")             # as an earlier version wrote it
    assert f"  - {feed}: not read yet" in report(config)   # read-only: no table, no error
    collect(config, now=NOON)
    assert poll_record(config, feed).last_success == NOON.isoformat(timespec="seconds")


def test_the_scheduler_collect_job_keeps_every_window(tmp_path, feed):
    """The real scheduler, its collect job on a short interval, for a bounded time."""
    from digest.run.schedule import make_scheduler

    path = project(tmp_path, feed, extra="")
    config = load(path)
    assert config.schedule.collect_minutes == 60
    scheduler = make_scheduler(config)
    assert scheduler.get_job("collect") is not None
    scheduler.reschedule_job("collect", trigger="interval", seconds=0.3)
    Feed.advance_each_read = True                 # each collect sees the next five entries
    scheduler.start()
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and collects(config) < 4:
            time.sleep(0.1)
    finally:
        scheduler.shutdown(wait=True)
    assert collects(config) >= 4
    assert feed_reads()[:3] == [200, 200, 200]
    result = build(config, now=NOON)
    assert sorted(digest_titles(result.folder)) == sorted(t for t, _ in STORIES)


def test_a_build_due_during_a_collect_waits_for_it_and_stops_new_ones(tmp_path, feed):
    from digest.run.schedule import build_job, collect_job
    from digest.run.turns import Turns

    config = load(project(tmp_path, feed))
    turns = Turns()
    Feed.delay = 1.0                                   # a slow feed: the collect takes a while
    collecting = threading.Thread(target=collect_job, args=(config, turns))
    collecting.start()
    assert Feed.arrived.wait(10)
    build_job(config, turns=turns)                     # falls due while the collect reads
    collecting.join(10)
    with State(config.state.file, readonly=True) as state:
        kinds = [row[0] for row in state.db.execute("SELECT kind FROM runs ORDER BY id")]
        built = state.last_digest()
    assert kinds == ["collect", "build"] and len(built.articles) == 5
    with turns.building():                             # no collect starts while a build runs
        collect_job(config, turns)
    assert collects(config) == 1


def collects(config) -> int:
    if not config.state.file.exists():
        return 0
    state = State(config.state.file, readonly=True)
    try:
        return state.db.execute("SELECT count(*) FROM runs WHERE kind = 'collect'").fetchone()[0]
    finally:
        state.close()


def test_collect_minutes_zero_turns_the_job_off(tmp_path, feed):
    from digest.run.schedule import make_scheduler

    path = project(tmp_path, feed, "")
    path.write_text(path.read_text(encoding="utf-8") + "[schedule]\ncollect_minutes = 0\n",
                    encoding="utf-8")
    assert make_scheduler(load(path)).get_job("collect") is None


def test_collect_help_ends_with_an_example(capsys):
    with pytest.raises(SystemExit):
        main(["collect", "--help"])
    assert capsys.readouterr().out.rstrip().splitlines()[-2:] == [
        "  digest collect --config config.toml --wait 600",
        "  crontab: 0 * * * * cd ~/ai-digest && digest collect"]


def test_readme_crontab_runs_commands_that_exist():
    from digest.cli import _parser

    from .conftest import ROOT

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"^```crontab\n(.*?)^```", text, re.S | re.M)
    commands = [part.split() for line in block.splitlines() if line and not line.startswith("#")
                for part in line.split("&&") if part.split()[0] == "digest"]
    assert [c[1] for c in commands] == ["collect", "build", "send"]
    for command in commands:
        _parser().parse_args(command[1:])


@pytest.mark.parametrize("body, header, seconds", [
    (b"<rss><channel><ttl>30</ttl></channel></rss>", None, 1800),
    (b"<channel><sy:updatePeriod>daily</sy:updatePeriod></channel>", None, 86400),
    (b"<channel><sy:updateFrequency>4</sy:updateFrequency></channel>", None, 21600),
    (b"<channel><ttl>10</ttl><sy:updatePeriod>hourly</sy:updatePeriod></channel>", None, 3600),
    (b"<channel><sy:updatePeriod>sometimes</sy:updatePeriod></channel>", None, None),
    (b"<rss/>", "max-age=300, must-revalidate", 300),
    (b"<rss/>", "s-maxage=900", None),
    (b"<rss/>", "no-store, max-age=300", None),
])
def test_what_a_feed_says_about_its_pace(body, header, seconds):
    from digest.sources.pacing import declared_interval, max_age

    found = [v for v in (declared_interval(body), max_age(header)) if v is not None]
    assert (max(found) if found else None) == seconds
