"""A build's spill file: per-article records the build needs again for a few articles
only, kept on disk in a temporary SQLite database rather than in memory.

Written in batches as the records arrive and read back one at a time. It is SQLite's
private temporary database (opened with an empty name): a file without a name in the
temporary folder, so it goes with its connection even when the build is killed.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections import OrderedDict

BATCH = 500        # records written at once
RECENT = 256       # records read back kept at hand, for the next few reads of the same ones


def packed(value: object) -> bytes:
    """``value`` as the spill file keeps it."""
    return pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


class Spill:
    """Values by whole-number key in a temporary database of this process alone, gone
    on :meth:`close` (SQLite keeps a few MB of it in memory, the rest on disk)."""

    def __init__(self) -> None:
        self.db = sqlite3.connect("")
        # A scratch file: nothing in it must outlive a crash, so no journal and no syncing.
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("CREATE TABLE spilled (key INTEGER PRIMARY KEY, value BLOB NOT NULL)")
        self.waiting: list[tuple[int, bytes]] = []
        self.recent: OrderedDict[int, object] = OrderedDict()

    def put(self, key: int, value: object) -> None:
        self.put_packed(key, packed(value))

    def put_packed(self, key: int, data: bytes) -> None:
        """A value :func:`packed` already (where it was made, in a worker process)."""
        self.waiting.append((key, data))
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
        self.recent.clear()

    def __enter__(self) -> "Spill":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
