"""The schedule: next runs in the configured zone, and a real scheduler process."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.config import load
from digest.schedule import next_run

from .conftest import write_config


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
