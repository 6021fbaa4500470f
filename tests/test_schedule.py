"""The schedule: next runs in the configured zone, and a real scheduler process."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.config import load
from digest.run.schedule import next_run

from .conftest import write_config
from .test_send import smtp_server  # noqa: F401 (fixture)


def test_next_run_is_monday_eight_in_shanghai(tmp_path: Path):
    write_config(tmp_path)
    config = load(tmp_path / "config.toml")
    after = datetime(2026, 11, 21, 12, 0, tzinfo=ZoneInfo("UTC"))  # a Saturday
    upcoming = next_run(config, after)
    assert upcoming.isoformat() == "2026-11-23T08:00:00+08:00"


def test_next_run_across_new_york_dst_change(tmp_path: Path):
    write_config(tmp_path, '[schedule]\ndays = ["sun"]\ntime = "09:30"\ntimezone = "America/New_York"\n')
    config = load(tmp_path / "config.toml")
    before_change = datetime(2026, 10, 31, 12, 0, tzinfo=ZoneInfo("UTC"))
    upcoming = next_run(config, before_change)  # DST ends on Sunday 1 November 2026
    assert upcoming.isoformat() == "2026-11-01T09:30:00-05:00"


def test_missed_weeks_are_made_up_once(tmp_path: Path):
    from digest.run.schedule import missed_run

    write_config(tmp_path)  # Mondays 08:00 Asia/Shanghai
    config = load(tmp_path / "config.toml")
    zone = ZoneInfo("Asia/Shanghai")
    now = datetime(2026, 11, 25, 12, 0, tzinfo=zone)            # a Wednesday
    three_weeks_ago = datetime(2026, 11, 2, 8, 5, tzinfo=zone)
    assert missed_run(config, three_weeks_ago, now) == datetime(2026, 11, 23, 8, 0, tzinfo=zone)
    after_make_up = datetime(2026, 11, 25, 12, 1, tzinfo=zone)
    assert missed_run(config, after_make_up, after_make_up) is None
    assert missed_run(config, None, now) == datetime(2026, 11, 23, 8, 0, tzinfo=zone)
    on_time = datetime(2026, 11, 23, 8, 0, 30, tzinfo=zone)
    assert missed_run(config, on_time, now) is None


def test_scheduler_process_builds_missed_run_and_stops_on_sigterm(small_project: Path):
    project = small_project
    import os
    import signal
    import subprocess
    import sys
    import time

    from .conftest import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "digest", "schedule", "-v"], cwd=project,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "no digest built yet; building now" in proc.stdout.readline()
        assert "next run due" in proc.stdout.readline()
        deadline = time.monotonic() + 90
        while not list((project / "outbox").glob("*/manifest.json")):
            assert time.monotonic() < deadline and proc.poll() is None, proc.stderr.read()
            time.sleep(0.2)
        time.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "stopped" in out
    assert "INFO digest.run.schedule: Built " in err and "INFO digest.run.schedule: next run due" in err
    assert "WARNING digest.run.schedule: Built" not in err


@pytest.mark.parametrize("at", ["01:30", "02:30", "09:30"])
def test_daily_run_fires_once_a_day_across_both_new_york_transitions(tmp_path: Path, at: str):
    """Fall back (1 Nov 2026) repeats 01:00-02:00; spring forward (14 Mar 2027) skips 02:00-03:00."""
    from datetime import timedelta

    from digest.run.schedule import trigger

    days = '["mon", "tue", "wed", "thu", "fri", "sat", "sun"]'
    write_config(tmp_path, f'[schedule]\ndays = {days}\ntime = "{at}"\ntimezone = "America/New_York"\n')
    config = load(tmp_path / "config.toml")
    trig = trigger(config)
    zone = ZoneInfo("America/New_York")
    for start in (datetime(2026, 10, 30, tzinfo=zone), datetime(2027, 3, 12, tzinfo=zone)):
        fires, moment = [], trig.get_next_fire_time(None, start)
        while len(fires) < 4:
            fires.append(moment)
            moment = trig.get_next_fire_time(moment, moment + timedelta(seconds=1))
        local = [m.astimezone(timezone.utc).astimezone(zone) for m in fires]  # real instants
        assert [m.date() for m in local] == [start.date() + timedelta(days=i) for i in range(4)]
        hour, minute = map(int, at.split(":"))
        for m in local:
            skipped = (m.month, m.day, hour) == (3, 14, 2)     # 02:30 does not exist that day
            assert (m.hour, m.minute) == ((3, minute) if skipped else (hour, minute)), m


def test_a_make_up_run_that_finds_nothing_new_is_recorded_once(small_project: Path):
    project = small_project
    import sqlite3

    from digest.run.pipeline import build
    from digest.run.schedule import last_build_time, missed_run, run_job

    config = load(project / "config.toml")
    assert build(config).built
    db = sqlite3.connect(config.state.file)
    with db:                                      # that build was three weeks ago
        db.execute("UPDATE runs SET at = '2026-01-01T00:00:00+00:00'")
    now = datetime.now(config.schedule.zone)
    assert missed_run(config, last_build_time(config), now) is not None
    run_job(config)                               # the make-up run: nothing new
    assert missed_run(config, last_build_time(config), now) is None
    rows = db.execute("SELECT result FROM runs WHERE at > '2026-01-01T00:00:00+00:00'").fetchall()
    assert rows == [("nothing new",)]
    db.close()


def test_with_send_on_a_scheduled_build_sends_it(tmp_path: Path, smtp_server, caplog):
    import email
    import sqlite3
    from email import policy

    from digest.run.schedule import run_job

    from .conftest import write_small
    from .test_send import Inbox

    inbox = Inbox()
    port = smtp_server(inbox)
    articles = write_small(tmp_path / "articles", ["chips.txt", "gold.txt"])
    smtp = f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n'
    recipients = '[email]\nrecipients = ["a@example.com", "b@example.com"]\n'
    write_config(tmp_path, recipients + smtp + "[schedule]\nsend = false\n")
    run_job(load(tmp_path / "config.toml"))           # the job the scheduler runs at its time
    assert inbox.messages == []                        # built, not sent
    db = sqlite3.connect(tmp_path / "state" / "digest.sqlite3")
    [(period, sent_at)] = db.execute("SELECT period, sent_at FROM digests").fetchall()
    assert sent_at is None

    write_small(articles, ["rates.txt"])
    write_config(tmp_path, recipients + smtp + "[schedule]\nsend = true\n")
    with caplog.at_level("INFO", logger="digest.run.schedule"):
        run_job(load(tmp_path / "config.toml"))
    folder = tmp_path / "outbox" / period
    built = email.message_from_bytes((folder / "digest.eml").read_bytes(), policy=policy.default)
    assert sorted(to for tos, _ in inbox.messages for to in tos) == ["a@example.com", "b@example.com"]
    for _, raw in inbox.messages:
        got = email.message_from_bytes(raw, policy=policy.default)
        assert got["Message-ID"] == built["Message-ID"] and got["Subject"] == built["Subject"]
    assert "美联储宣布降息25个基点" in built.get_body(("plain",)).get_content()   # the new article
    assert db.execute("SELECT sent_at IS NOT NULL FROM digests").fetchall() == [(1,)]
    assert f"sent {period} to 2 recipient(s), 0 failed" in caplog.text
    db.close()
