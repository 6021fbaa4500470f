"""Runs against one state file: briefs, the shared lock, concurrent builds and status."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.config import load
from digest.errors import ConfigError, LockedError
from digest.store.lock import RunLock
from digest.run.pipeline import build
from digest.run.schedule import next_run

from .conftest import ROOT, write_config
from .test_send import smtp_server  # noqa: F401 (fixture)

BRIEF = ('[[briefs]]\nname = "daily"\ntitle_zh = "AI 与金融市场日报"\n'
         'title_en = "AI & Markets Daily"\ndays = ["mon", "tue", "wed", "thu", "fri"]\n'
         'time = "18:00"\nwindow_days = 1\n')
ZONE = ZoneInfo("Asia/Shanghai")


def _digest_cli(project: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "digest", *args], cwd=project, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_brief_covers_its_window_and_leaves_articles_for_the_weekly(small_project: Path):
    project = small_project
    write_config(project, BRIEF)
    config = load(project / "config.toml")
    brief = config.brief("daily")
    now = datetime.now(ZONE)
    made = build(config, brief=brief, now=now)
    assert made.period == f"daily-{now.date().isoformat()}"
    window = _window(made.folder)
    assert window[1:] == (now.date().isoformat(),) * 2
    manifest = json.loads((made.folder / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["articles"]) == made.articles == made.new_articles > 0
    assert "AI &amp; Markets Daily" in (made.folder / "email.html").read_text(encoding="utf-8")

    again = build(config, brief=brief, now=now)
    assert not again.built                         # nothing new since the brief

    from digest.run.pipeline import rerender

    redone = rerender(config, made.period)
    assert (redone.period, redone.articles) == (made.period, made.articles)
    assert _window(redone.folder) == window
    assert "AI &amp; Markets Daily" in (redone.folder / "email.html").read_text(encoding="utf-8")
    # A state file from before digests named their brief: opening it fills the name in.
    with sqlite3.connect(config.state.file) as db:
        db.execute("ALTER TABLE digests DROP COLUMN brief")
    db.close()
    redone = rerender(config, made.period)
    assert _window(redone.folder) == window
    assert "AI &amp; Markets Daily" in (redone.folder / "email.html").read_text(encoding="utf-8")

    weekly = build(config, now=now)                # the brief left every article pending
    assert weekly.articles == made.articles and weekly.folder.name == now.strftime("%G-W%V")

    later = datetime.fromtimestamp(time.time() + 3 * 86400, ZONE)
    (project / "articles" / "late.txt").write_text(
        "铜价升至两年高位\n\n伦敦金属交易所铜价周二上涨2%，创两年来新高。矿山供应中断和"
        "电网投资增加推高了需求预期。", encoding="utf-8")
    next_day = build(config, brief=brief, now=later)
    manifest = json.loads((next_day.folder / "manifest.json").read_text(encoding="utf-8"))
    assert [a["title"] for a in manifest["articles"]] == ["铜价升至两年高位"]


def _window(folder: Path) -> tuple[str, str, str]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return manifest["period"], manifest["start"], manifest["end"]


def test_a_state_file_from_before_brief_names_is_upgraded_on_opening(tmp_path: Path):
    from digest.store.schema import SCHEMA
    from digest.store.state import State

    path = tmp_path / "digest.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(SCHEMA.replace("    sent_at  TEXT,\n    brief    TEXT\n", "    sent_at  TEXT\n"))
        db.executemany("INSERT INTO digests VALUES (?, '2026-11-21T18:00:00+08:00', 'f', '[]', '{}',"
                       " NULL)", [("2026-W47",), ("2026-W47-2",), ("daily-2026-11-21",),
                                  ("late-news-2026-11-21-2",)])
    db.close()
    with State(path, readonly=True) as state:             # read-only: left as it is
        assert state.digest("daily-2026-11-21").brief is None
    with State(path) as state:
        briefs = {p: state.digest(p).brief for p in
                  ("2026-W47", "2026-W47-2", "daily-2026-11-21", "late-news-2026-11-21-2")}
    assert briefs == {"2026-W47": None, "2026-W47-2": None, "daily-2026-11-21": "daily",
                      "late-news-2026-11-21-2": "late-news"}
    with State(path) as state:                             # opened again: nothing to do
        assert state.digest("daily-2026-11-21").brief == "daily"


def test_brief_config_is_validated(tmp_path: Path):
    write_config(tmp_path, BRIEF.replace('name = "daily"', 'name = "Daily Brief"'))
    with pytest.raises(ConfigError, match=r"briefs\[0\]\.name"):
        load(tmp_path / "config.toml")
    write_config(tmp_path, BRIEF.replace('time = "18:00"', 'time = "25:00"'))
    with pytest.raises(ConfigError, match=r"briefs\[0\]\.time"):
        load(tmp_path / "config.toml")
    write_config(tmp_path, '[[briefs]]\nname = "daily"\ntime = "18:00"\n')
    with pytest.raises(ConfigError, match="missing 'days'"):
        load(tmp_path / "config.toml")
    write_config(tmp_path, BRIEF)
    with pytest.raises(ConfigError, match="no brief named 'weekly'"):
        load(tmp_path / "config.toml").brief("weekly")


def test_brief_fires_on_its_own_days(tmp_path: Path):
    write_config(tmp_path, BRIEF)
    config = load(tmp_path / "config.toml")
    saturday = datetime(2026, 11, 21, 12, 0, tzinfo=ZONE)
    assert next_run(config, saturday, config.brief("daily")).isoformat() == "2026-11-23T18:00:00+08:00"
    friday_noon = datetime(2026, 11, 20, 12, 0, tzinfo=ZONE)
    assert next_run(config, friday_noon, config.brief("daily")).isoformat() == "2026-11-20T18:00:00+08:00"


def test_a_locked_state_file_fails_fast_or_waits(small_project: Path):
    project = small_project
    config = load(project / "config.toml")
    with RunLock(config.lock_file):
        with pytest.raises(LockedError, match="another digest run"):
            build(config)
        proc = _digest_cli(project, "build")
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 1 and "another digest run" in err
        assert not list((project / "outbox").glob("*/manifest.json"))

    holder = RunLock(config.lock_file).__enter__()
    threading.Timer(1.5, holder.__exit__, args=(None, None, None)).start()
    proc = _digest_cli(project, "build", "--wait", "60")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "Built " in out


def test_two_concurrent_builds_never_both_write(small_project: Path):
    project = small_project
    procs = [_digest_cli(project, "build") for _ in range(2)]
    results = [(p.wait(timeout=180), *p.communicate()) for p in procs]
    built = [r for r in results if r[0] == 0 and "Built " in r[1]]
    assert len(built) == 1, results
    other = next(r for r in results if r is not built[0])
    assert (other[0] == 1 and "another digest run" in other[2]) or "Nothing new" in other[1]
    folders = [p for p in (project / "outbox").iterdir() if not p.name.startswith(".")]
    assert len(folders) == 1
    db = sqlite3.connect(project / "state" / "digest.sqlite3")
    assert db.execute("SELECT count(*) FROM digests").fetchone()[0] == 1
    count = int(re.search(r"Built \S+: (\d+) article", built[0][1])[1])
    assert db.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (count, count)


def test_status_shows_a_missed_run_and_the_briefs(small_project: Path):
    project = small_project
    from digest.run.status import report

    write_config(project, BRIEF)
    config = load(project / "config.toml")
    wednesday = datetime(2026, 11, 25, 12, 0, tzinfo=ZONE)
    assert "missed run" not in report(config, now=wednesday)   # no build yet: nothing missed
    build(config)
    assert "missed run" not in report(config, now=datetime.now(ZONE))
    with sqlite3.connect(config.state.file) as db:             # that build was weeks earlier
        db.execute("UPDATE runs SET at = '2026-11-02T00:05:00+00:00'")
    text = report(config, now=wednesday)
    assert "missed run: 2026-11-23T08:00+08:00" in text
    assert "next scheduled run: 2026-11-30T08:00+08:00" in text
    assert "next daily brief: 2026-11-25T18:00+08:00" in text


def test_status_shows_times_in_the_schedules_zone_and_whether_and_to_whom_it_was_sent(
        tmp_path: Path, smtp_server):
    from digest.output.send import send_all
    from digest.run.status import report

    from .conftest import write_small
    from .test_send import Inbox

    port = smtp_server(Inbox())
    write_small(tmp_path / "articles", ["gold.txt"])
    write_config(tmp_path, '[email]\nrecipients = ["a@example.com", "b@example.com"]\n'
                           f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
                           '[schedule]\ntimezone = "America/New_York"\n')
    config = load(tmp_path / "config.toml")
    build(config, now=datetime(2026, 11, 18, 9, 0, tzinfo=ZONE))
    text = report(config)
    assert "(1 article) -> " in text and "(1 articles)" not in text
    assert "built 2026-11-17T20:00:00-05:00 " in text
    times = re.findall(r"\d{4}-\d\d-\d\dT[\d:]+([+-]\d\d:\d\d)", text)
    assert len(times) >= 3 and set(times) <= {"-05:00", "-04:00"}, text
    assert "  not sent yet" in text
    assert send_all(config)[0].failed == ()
    sent = report(config)
    assert re.search(r"\n  sent \d{4}-\d\d-\d\dT[\d:]+-0[45]:00 to 2 recipients\n", sent), sent


def test_articles_a_run_with_its_clock_a_year_ahead_recorded_are_not_in_every_later_brief(
        small_project: Path):
    write_config(small_project, BRIEF)
    config = load(small_project / "config.toml")
    brief = config.brief("daily")
    first = build(config, brief=brief, now=datetime.now(ZONE))
    assert first.built
    # What a run whose clock was a year ahead leaves: its articles first seen next year.
    with sqlite3.connect(config.state.file) as db:
        db.execute("UPDATE articles SET first_seen = '2099-01-01T00:00:00+00:00'")
    db.close()
    (small_project / "articles" / "late.txt").write_text(
        "铜价升至两年高位\n\n伦敦金属交易所铜价周二上涨2%，创两年来新高。矿山供应中断和"
        "电网投资增加推高了需求预期。", encoding="utf-8")
    later = datetime.fromtimestamp(time.time() + 2 * 86400, ZONE)
    next_brief = build(config, brief=brief, now=later)
    manifest = json.loads((next_brief.folder / "manifest.json").read_text(encoding="utf-8"))
    assert [a["title"] for a in manifest["articles"]] == ["铜价升至两年高位"]
