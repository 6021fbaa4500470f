"""What a digest covers: the ISO week of a weekly digest, or a brief's last days."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .config import Brief, Config
from .models import Window


def period_of(moment: datetime) -> tuple[str, date, date]:
    """The ISO week holding ``moment``: ("2026-W47", Monday, Sunday)."""
    year, week, _ = moment.isocalendar()
    start = date.fromisocalendar(year, week, 1)
    return f"{year}-W{week:02d}", start, start + timedelta(days=6)


def window_for(config: Config, now: datetime, brief: Brief | None = None) -> Window:
    """The weekly digest's ISO week, or a brief's last ``window_days`` days up to ``now``."""
    if brief is None:
        period, start, end = period_of(now)
        return Window(period, start, end, config.digest.title_zh, config.digest.title_en)
    end = now.date()
    return Window(f"{brief.name}-{end.isoformat()}", end - timedelta(days=brief.window_days - 1),
                  end, brief.title_zh, brief.title_en)
