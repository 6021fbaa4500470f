"""The state file (SQLite): every input file and article seen, every digest built.

A file is recorded as included, skipped or failed with its reason; an article
stays pending until a digest that includes it has been written. All changes of
one run are committed in a single transaction, after the outbox is durable.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from ..errors import DigestError
from .faults import point
from .private import create_private
from ..models import Article, FileOutcome
from .places import Places
from .records import DigestRecord, RunRecord, Translations  # noqa: F401 (imported from here too)
from .schema import SCHEMA, RELATIVE, article_from_json, comparable, relocate, upgrade, version
from .stash import insert_articles


LOCK_TIMEOUT = 10.0     # seconds to wait for another program's lock on the state file


def _locked(path: Path) -> DigestError:
    return DigestError(f"state file {path} is locked by another program (an open sqlite3 "
                       "shell or a backup?); nothing was recorded: close it and run again")


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


CACHE_KB = 65536


class State:
    """The state file. ``State(path, readonly=True)`` never creates or changes it.

    Use it as a context manager (``with State(path) as state:``): it is closed on the way out.
    ``root`` is the digest folder: the paths inside it are kept relative to it.
    """

    def __init__(self, path: Path, readonly: bool = False, root: Path | None = None):
        self.path = Path(path)
        try:
            if readonly:
                # A file just created by a first run, its tables not yet written, reads as new.
                fresh = not self.path.exists() or self.path.stat().st_size == 0
                self.db = sqlite3.connect(":memory:" if fresh else f"{self.path.as_uri()}?mode=ro",
                                          uri=not fresh)
            else:
                create_private(self.path)
                self.db = sqlite3.connect(self.path, timeout=LOCK_TIMEOUT)
            # A page cache that holds a big week's indexes (SQLite's default is 2 MB), so
            # recording 10,000 articles is not slowed by re-reading index pages.
            self.db.execute(f"PRAGMA cache_size = -{CACHE_KB}")
            if not readonly or fresh:
                # One transaction: a reader never sees half of a first run's tables.
                self.db.executescript(f"BEGIN IMMEDIATE;\n{SCHEMA}\nCOMMIT;")
                upgrade(self.db)
            places = Places(root)
            if places.prefix is not None and not readonly and version(self.db) < RELATIVE:
                relocate(self.db, places.prefix)
            # A file from before relative paths, opened read-only, keeps them whole.
            self.places = places if version(self.db) >= RELATIVE else Places(None)
            self.db.execute("SELECT count(*) FROM files").fetchone()
            self.comparable = comparable(self.db)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc):
                raise _locked(self.path) from None
            raise DigestError(f"state file {self.path} cannot be opened ({exc})") from None
        except sqlite3.DatabaseError as exc:
            raise DigestError(f"state file {self.path} is unusable ({exc}); move it aside to "
                              "start afresh (every article will count as new)") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "State":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ reading
    def file_sha(self, source: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM files WHERE source = ?",
                              (self.places.stored(source),)).fetchone()
        return row[0] if row else None

    def file_stats(self) -> dict[str, tuple[int, int]]:
        """(size, mtime_ns) of every local file as it was when last read: a file that
        still has both is not read again."""
        try:
            return {self.places.shown(row[0]): (row[1], row[2])
                    for row in self.db.execute("SELECT source, size, mtime_ns FROM file_stats")}
        except sqlite3.OperationalError:       # a state file older than this table, opened read-only
            return {}

    def validators(self, source: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a remote source last answered with."""
        row = self.db.execute("SELECT etag, last_modified FROM remote WHERE source = ?",
                              (self.places.stored(source),)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def sources_under(self, prefix: str) -> frozenset[str]:
        """The sources of the articles read from ``prefix`` (a feed's entries: "feed#id")."""
        prefix = self.places.stored(prefix)
        rows = self.db.execute("SELECT source FROM articles WHERE substr(source, 1, ?) = ?",
                               (len(prefix), prefix))
        return frozenset(self.places.shown(r[0]) for r in rows)

    def article_ids(self) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT id FROM articles")}

    def near(self, band_keys: tuple[int, ...]) -> dict[str, bytes]:
        """Signatures of recorded articles sharing any of ``band_keys``."""
        if not self.comparable:
            return {}
        marks = ",".join("?" * len(band_keys))
        rows = self.db.execute(
            f"SELECT DISTINCT a.id, a.minhash FROM minhash_bands b JOIN articles a ON a.id = b.article_id"
            f" WHERE b.band IN ({marks})", band_keys)
        return {row[0]: row[1] for row in rows if row[1]}

    def article_source(self, article_id: str) -> tuple[str, str] | None:
        row = self.db.execute("SELECT source, title FROM articles WHERE id = ?",
                              (article_id,)).fetchone()
        return (self.places.shown(row[0]), row[1]) if row else None

    def pending(self) -> list[Article]:
        rows = self.db.execute(
            "SELECT data FROM articles WHERE period IS NULL ORDER BY first_seen, source")
        return [article_from_json(r[0], self.places.shown) for r in rows]

    def articles_in(self, period: str) -> list[Article]:
        rows = self.db.execute("SELECT data FROM articles WHERE period = ? ORDER BY first_seen",
                               (period,))
        return [article_from_json(r[0], self.places.shown) for r in rows]

    def articles_since(self, when: str, until: str | None = None) -> list[Article]:
        """Articles first seen from ``when`` up to ``until`` (default: now). The upper bound
        keeps out what a run with its clock far ahead recorded as seen in the future:
        without it, those articles would be "new" in every brief until that date."""
        rows = self.db.execute("SELECT data FROM articles WHERE first_seen >= ? AND first_seen <= ?"
                               " ORDER BY first_seen", (when, until or utc_now()))
        return [article_from_json(r[0], self.places.shown) for r in rows]

    def articles_by_id(self, ids) -> list[Article]:
        """The recorded articles with these ids, in the order given."""
        ids = list(ids)
        found = {key: article_from_json(data, self.places.shown) for key, data in
                 self._where_in("SELECT id, data FROM articles WHERE id IN ({})", ids)}
        return [found[i] for i in ids if i in found]

    def translations(self, engine: str, texts: list[str]) -> dict[str, str]:
        """Known translations by ``engine`` of any of ``texts``."""
        return dict(self._where_in(
            "SELECT source, target FROM translations WHERE engine = ? AND source IN ({})",
            texts, engine))

    def _where_in(self, sql: str, values: list, *before) -> list[tuple]:
        """Rows of ``sql`` whose ``IN ({})`` takes ``values``, asked 500 at a time
        (SQLite limits the parameters of one statement); ``before`` fills earlier ``?``s."""
        rows = []
        for start in range(0, len(values), 500):
            chunk = values[start:start + 500]
            rows += self.db.execute(sql.format(",".join("?" * len(chunk))), [*before, *chunk])
        return rows

    def digest(self, period: str) -> DigestRecord | None:
        row = self.db.execute("SELECT * FROM digests WHERE period = ?", (period,)).fetchone()
        return self._record(row) if row else None

    def last_digest(self) -> DigestRecord | None:
        row = self.db.execute("SELECT * FROM digests ORDER BY built_at DESC LIMIT 1").fetchone()
        return self._record(row) if row else None

    def problems(self) -> list[tuple[str, str, str]]:
        """(source, status, reason) of every file that was skipped or failed."""
        rows = self.db.execute("SELECT source, status, reason FROM files WHERE status != 'included'")
        return sorted((self.places.shown(source), status, reason) for source, status, reason in rows)

    def last_run(self, kind: str) -> tuple[str, str] | None:
        row = self.db.execute("SELECT at, result FROM runs WHERE kind = ? ORDER BY id DESC LIMIT 1",
                              (kind,)).fetchone()
        return (row[0], row[1]) if row else None

    def unsent(self) -> list[DigestRecord]:
        rows = self.db.execute("SELECT * FROM digests WHERE sent_at IS NULL ORDER BY period")
        return [self._record(r) for r in rows]

    def delivered(self, period: str) -> set[str]:
        return set(self.deliveries(period))

    def deliveries(self, period: str) -> dict[str, str]:
        """Who has received ``period``'s digest, and when."""
        return dict(self.db.execute("SELECT recipient, sent_at FROM deliveries WHERE period = ?",
                                    (period,)))

    def record_delivery(self, period: str, recipient: str, message_id: str) -> None:
        """One recipient's delivery, committed at once so an interrupted send resumes after it."""
        with self.db:
            self.db.execute("INSERT OR IGNORE INTO deliveries (period, recipient, message_id, sent_at)"
                            " VALUES (?, ?, ?, ?)", (period, recipient, message_id, utc_now()))

    def mark_sent(self, period: str) -> None:
        with self.db:
            self.db.execute("UPDATE digests SET sent_at = ? WHERE period = ?", (utc_now(), period))

    def _record(self, row) -> DigestRecord:
        brief = row[6] if len(row) > 6 else None      # a read-only state file not yet upgraded
        return DigestRecord(row[0], row[1], self.places.shown(row[2]), tuple(json.loads(row[3])),
                            json.loads(row[4]), row[5], brief)

    # ------------------------------------------------------------ writing
    def record(self, outcomes: list[FileOutcome], digest: DigestRecord | None = None,
               run: RunRecord | None = None, claim: bool = True,
               translations: Translations | None = None,
               before_commit: Callable[[], object] | None = None) -> None:
        """Record a run's files, new articles and digest in one transaction.

        ``claim`` marks the digest's articles as used (a brief leaves them pending);
        ``translations`` are added to the cache. ``before_commit`` runs inside the
        transaction once everything is written: if it fails, nothing is recorded.
        """
        try:
            self._write(outcomes, digest, run, claim, translations, before_commit)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc):
                raise _locked(self.path) from None
            raise DigestError(f"cannot record the run in the state file {self.path} ({exc}); "
                              "nothing was recorded") from None
        except sqlite3.DatabaseError as exc:
            raise DigestError(f"cannot record the run in the state file {self.path} ({exc}); "
                              "nothing was recorded") from None

    def _write(self, outcomes, digest, run, claim, translations, before_commit) -> None:
        now = utc_now()
        from ..text.dedupe import band_rows

        files, stats, remote, articles, signed = [], [], [], [], []
        known = {row[0] for row in self._where_in("SELECT id FROM articles WHERE id IN ({})",
                                                  [a.id for o in outcomes for a in o.articles])}
        for o in outcomes:
            source = self.places.stored(o.source)
            files.append((source, o.sha256, o.size, o.status, o.reason, len(o.articles), now))
            if o.stat is not None:
                stats.append((source, *o.stat))
            if o.etag or o.last_modified:
                remote.append((source, o.etag, o.last_modified))
            signatures = o.signatures or (None,) * len(o.articles)
            for a, sig in zip(o.articles, signatures):
                if a.id in known:           # recorded already: the first record stays
                    continue
                known.add(a.id)
                articles.append((a.id, self.places.stored(a.source), a, sig))
                if sig:
                    signed.append((a.id, sig))
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO files (source, sha256, size, status, reason,"
                                " articles, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)", files)
            self.db.executemany("INSERT OR REPLACE INTO file_stats (source, size, mtime_ns)"
                                " VALUES (?, ?, ?)", stats)
            self.db.executemany("INSERT OR REPLACE INTO remote (source, etag, last_modified)"
                                " VALUES (?, ?, ?)", remote)
            signed += insert_articles(self.db, articles, now)
            self.db.executemany("INSERT OR IGNORE INTO minhash_bands (band, article_id) VALUES (?, ?)",
                                band_rows(signed))
            if digest is not None:
                self.db.execute(
                    "INSERT OR REPLACE INTO digests"
                    " (period, built_at, folder, articles, files, sent_at, brief)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (digest.period, digest.built_at, self.places.stored(digest.folder),
                     json.dumps(list(digest.articles)),
                     json.dumps(digest.files), digest.sent_at, digest.brief))
                if claim:
                    self.db.executemany("UPDATE articles SET period = ? WHERE id = ?",
                                        [(digest.period, i) for i in sorted(digest.articles)])
            if translations is not None:
                self.db.executemany(
                    "INSERT OR REPLACE INTO translations (engine, source, target) VALUES (?, ?, ?)",
                    [(translations.engine, source, target)
                     for source, target in translations.table.items()])
            if run is not None:
                self.db.execute("INSERT INTO runs (kind, at, result) VALUES (?, ?, ?)",
                                (run.kind, now, run.result))
            point("recording")            # inside the transaction, before it commits
            if before_commit is not None:
                before_commit()
