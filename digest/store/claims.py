"""Articles a digest leaves out on purpose: with ``digest.focus = "strict"``, those outside
the digest's focus are claimed by the digest's period (so they do not come back as
pending every week) without being in it; `digest status` counts them."""

from __future__ import annotations

import sqlite3


def claim(db: sqlite3.Connection, period: str, ids: tuple[str, ...]) -> None:
    """Mark ``ids`` as taken by ``period``; run inside the run's transaction."""
    db.executemany("UPDATE articles SET period = ? WHERE id = ?", [(period, i) for i in sorted(ids)])


def left_out(db: sqlite3.Connection, period: str, shown: int) -> int:
    """How many articles ``period`` claimed beyond the ``shown`` ones its digest holds."""
    claimed = db.execute("SELECT count(*) FROM articles WHERE period = ?", (period,)).fetchone()[0]
    return max(0, claimed - shown)
