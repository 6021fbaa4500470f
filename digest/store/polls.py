"""Per-feed poll records in the state file: when a feed last answered, its last error,
how many reads in a row have failed, and when `digest collect` may read it next."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class PollRecord:
    source: str                          # the feed's address, as configured
    last_success: str | None = None      # UTC ISO time of the last good answer (200 or 304)
    last_error: str | None = None        # the last failure's reason (kept after a success)
    error_at: str | None = None          # when it happened
    failures: int = 0                    # failed reads in a row, 0 after a success
    next_poll: str | None = None         # not read by `digest collect` before this (UTC ISO)
    interval: float | None = None        # seconds between updates the feed's own body declares


COLUMNS = ("source", "last_success", "last_error", "error_at", "failures", "next_poll", "interval")


def read(db: sqlite3.Connection) -> dict[str, PollRecord]:
    """Every feed's record, by address (none from a state file older than the table)."""
    try:
        rows = db.execute(f"SELECT {', '.join(COLUMNS)} FROM polls")
        return {row[0]: PollRecord(*row) for row in rows}
    except sqlite3.OperationalError:     # an earlier version's file, opened read-only
        return {}


def write(db: sqlite3.Connection, records) -> None:
    """Store ``records`` (inside the caller's transaction)."""
    db.executemany(f"INSERT OR REPLACE INTO polls ({', '.join(COLUMNS)}) VALUES "
                   f"({', '.join('?' * len(COLUMNS))})",
                   [tuple(getattr(r, c) for c in COLUMNS) for r in records])
