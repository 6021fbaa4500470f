"""The state file's tables, their upgrade from earlier versions, and how an article is kept
in a row (JSON of its record)."""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import sqlite3

from ..models import Article

log = logging.getLogger(__name__)


SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    source   TEXT PRIMARY KEY,
    sha256   TEXT NOT NULL,
    size     INTEGER NOT NULL DEFAULT 0,
    status   TEXT NOT NULL CHECK (status IN ('included', 'skipped', 'failed')),
    reason   TEXT NOT NULL DEFAULT '',
    articles INTEGER NOT NULL DEFAULT 0,
    seen_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    id         TEXT PRIMARY KEY,
    source     TEXT NOT NULL,
    title      TEXT NOT NULL,
    data       TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    period     TEXT,
    minhash    BLOB
);
CREATE INDEX IF NOT EXISTS articles_period ON articles(period);
CREATE TABLE IF NOT EXISTS minhash_bands (
    band       INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS digests (
    period   TEXT PRIMARY KEY,
    built_at TEXT NOT NULL,
    folder   TEXT NOT NULL,
    articles TEXT NOT NULL,
    files    TEXT NOT NULL,
    sent_at  TEXT,
    brief    TEXT
);
CREATE TABLE IF NOT EXISTS deliveries (
    period     TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    message_id TEXT NOT NULL,
    sent_at    TEXT NOT NULL,
    PRIMARY KEY (period, recipient)
);
CREATE TABLE IF NOT EXISTS translations (
    engine TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (engine, source)
);
CREATE TABLE IF NOT EXISTS file_stats (
    source   TEXT PRIMARY KEY,
    size     INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS remote (
    source        TEXT PRIMARY KEY,
    etag          TEXT,
    last_modified TEXT
);
CREATE TABLE IF NOT EXISTS polls (
    source       TEXT PRIMARY KEY,
    last_success TEXT,
    last_error   TEXT,
    error_at     TEXT,
    failures     INTEGER NOT NULL DEFAULT 0,
    next_poll    TEXT,
    interval     REAL
);
CREATE TABLE IF NOT EXISTS runs (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    kind     TEXT NOT NULL,
    at       TEXT NOT NULL,
    result   TEXT NOT NULL
);
"""


# The file's version, kept as its PRAGMA user_version. From 2 on, the stored duplicate
# signatures hash their shingles (``dedupe.shingle_hashes``) and key their bands
# (``dedupe.band_matrix``) as now (before: crc32 per shingle, text band keys); changing
# either means a new version that signs again. From 3 on, the sources and digest folders
# inside the digest folder are kept relative to it (``places.Places``).
SIGNATURES = 2
RELATIVE = 3


def upgrade(db: sqlite3.Connection) -> None:
    """Bring a state file written by an earlier version up to date (but for the paths,
    which need the digest folder: :func:`relocate`)."""
    _add_brief(db)
    if version(db) < SIGNATURES:
        _sign_again(db)


def comparable(db: sqlite3.Connection) -> bool:
    """Do the file's stored signatures compare with new ones? Not for a file from an
    earlier version opened read-only (a dry run), which says what that means."""
    if version(db) >= SIGNATURES:
        return True
    if db.execute("SELECT 1 FROM articles LIMIT 1").fetchone():
        log.warning("the state file is from an earlier version and opened read-only: only "
                    "exact repeats of the articles it holds are found, not near-duplicates, "
                    "until a build brings it up to date")
    return False


def version(db: sqlite3.Connection) -> int:
    """The file's version (:data:`SIGNATURES`, :data:`RELATIVE`)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def relocate(db: sqlite3.Connection, prefix: str) -> None:
    """Keep the paths under ``prefix`` (the digest folder and a separator) relative to it,
    as a file of version :data:`RELATIVE` does: those an earlier version kept whole."""
    with db:
        db.execute("BEGIN IMMEDIATE")       # another program may be upgrading it too
        if version(db) >= RELATIVE:
            return
        cut = (len(prefix) + 1, len(prefix), prefix)
        for table, column in (("files", "source"), ("file_stats", "source"),
                              ("remote", "source"), ("digests", "folder")):
            db.execute(f"UPDATE OR REPLACE {table} SET {column} = substr({column}, ?)"
                       f" WHERE substr({column}, 1, ?) = ?", cut)
        moved = []
        for key, data in db.execute("SELECT id, data FROM articles WHERE substr(source, 1, ?) = ?",
                                    cut[1:]).fetchall():
            record = json.loads(data)
            record["source"] = record["source"][len(prefix):]
            moved.append((record["source"], json.dumps(record, ensure_ascii=False), key))
        db.executemany("UPDATE articles SET source = ?, data = ? WHERE id = ?", moved)
        db.execute(f"PRAGMA user_version = {RELATIVE}")


def _sign_again(db: sqlite3.Connection) -> None:
    """Work out every stored article's signature and band keys again from its text, so
    that they compare with the ones made now. A new file has nothing to work out."""
    from ..text.dedupe import article_signature, band_rows, to_blob

    with db:
        db.execute("BEGIN IMMEDIATE")       # another program may be upgrading it too
        if version(db) >= SIGNATURES:
            return
        stored = db.execute("SELECT count(*) FROM articles WHERE minhash IS NOT NULL").fetchone()[0]
        if stored:
            log.info("state file from an earlier version: working out the duplicate signatures "
                     "of its %d article(s) again (once)", stored)
        signed = [(key, to_blob(article_signature(article_from_json(data).paragraphs)))
                  for key, data in db.execute("SELECT id, data FROM articles WHERE minhash IS NOT NULL")]
        db.executemany("UPDATE articles SET minhash = ? WHERE id = ?", [(b, k) for k, b in signed])
        db.execute("DROP TABLE IF EXISTS bands")            # text keys, before scheme 2
        db.execute("DELETE FROM minhash_bands")
        db.executemany("INSERT INTO minhash_bands (band, article_id) VALUES (?, ?)", band_rows(signed))
        db.execute(f"PRAGMA user_version = {SIGNATURES}")


def _add_brief(db: sqlite3.Connection) -> None:
    """The digests' ``brief`` column, filled in for the briefs already built from their
    period ("daily-2026-11-21", "daily-2026-11-21-2")."""
    if _has_brief(db):
        return
    with db:
        db.execute("BEGIN IMMEDIATE")       # another program may be upgrading it too
        if _has_brief(db):
            return
        db.execute("ALTER TABLE digests ADD COLUMN brief TEXT")
        periods = [row[0] for row in db.execute("SELECT period FROM digests")]
        db.executemany("UPDATE digests SET brief = ? WHERE period = ?",
                       [(dated[1], period) for period in periods
                        if (dated := _BRIEF_PERIOD.fullmatch(period))])


def _has_brief(db: sqlite3.Connection) -> bool:
    return "brief" in {row[1] for row in db.execute("PRAGMA table_info(digests)")}


_BRIEF_PERIOD = re.compile(r"(.+)-\d{4}-\d{2}-\d{2}(-\d+)?")


# The fields an article's record keeps: an outline's length is not one of them.
RECORDED = tuple(f.name for f in dataclasses.fields(Article) if f.name != "length")


def article_to_json(article: Article, source: str | None = None) -> str:
    """The article's record; ``source`` in place of its own (as the file keeps it)."""
    if article.outlined:
        raise ValueError(f"article {article.id} is an outline: its text is not at hand to record")
    # The fields one by one: dataclasses.asdict deep-copies every value first.
    data = {name: getattr(article, name) for name in RECORDED}
    if source is not None:
        data["source"] = source
    return json.dumps(data, ensure_ascii=False)


def article_from_json(text: str, shown=None) -> Article:
    """The article of a record; ``shown`` turns the kept source into the one shown."""
    data = json.loads(text)
    data["paragraphs"] = tuple(data["paragraphs"])
    if shown is not None:
        data["source"] = shown(data["source"])
    return Article(**data)
