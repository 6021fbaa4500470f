"""A build's spill file: per-article records the build needs again for a few articles
only, kept on disk in a temporary SQLite file rather than in memory.

Written in batches as the records arrive, read back one at a time, and deleted when
the build is done with it (or fails).
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
from collections import OrderedDict
from pathlib import Path

BATCH = 500        # records written at once
RECENT = 256       # records read back kept at hand, for the next few reads of the same ones


class Spill:
    """Values by whole-number key in a temporary file (private to this user), deleted on
    :meth:`close`. Only this process writes or reads it."""

    def __init__(self) -> None:
        handle, name = tempfile.mkstemp(prefix="digest-spill-", suffix=".sqlite3")
        os.close(handle)
        self.path = Path(name)
        self.db = sqlite3.connect(name)
        # A scratch file: nothing in it must outlive a crash, so no journal and no syncing.
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("CREATE TABLE spilled (key INTEGER PRIMARY KEY, value BLOB NOT NULL)")
        self.waiting: list[tuple[int, bytes]] = []
        self.recent: OrderedDict[int, object] = OrderedDict()

    def put(self, key: int, value: object) -> None:
        self.waiting.append((key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)))
        if len(self.waiting) >= BATCH:
            self._flush()

    def get(self, key: int) -> object:
        if key in self.recent:
            self.recent.move_to_end(key)
            return self.recent[key]
        self._flush()
        row = self.db.execute("SELECT value FROM spilled WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise KeyError(key)
        value = pickle.loads(row[0])
        self.recent[key] = value
        if len(self.recent) > RECENT:
            self.recent.popitem(last=False)
        return value

    def _flush(self) -> None:
        if self.waiting:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO spilled (key, value) VALUES (?, ?)",
                                    self.waiting)
            self.waiting = []

    def close(self) -> None:
        self.db.close()
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> "Spill":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
