"""A build's new articles' records, set aside as soon as the articles are read.

The state records a build's new articles only at its end, once the digest is
written; until then a build needed each article whole for that record alone, long
after its text was summarised. Instead, each record (the JSON the state keeps) is
written to a temporary table of the state's connection as soon as the articles are
read, and the build keeps outlines of them (metadata and length, no paragraphs); the
state's record of the run takes each outline's record from that table. The table is
SQLite's temporary database: on disk but for a few MB, and gone with the connection.
"""

from __future__ import annotations

import dataclasses
import sqlite3

from ..models import FileOutcome
from .schema import article_to_json


def ready(db: sqlite3.Connection) -> None:
    """The connection's table of records set aside (empty until :func:`stash`)."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS stashed (id TEXT PRIMARY KEY, data TEXT NOT NULL)")


def stash(state, outcomes: list[FileOutcome]) -> list[FileOutcome]:
    """``outcomes`` with outlines of their articles, once each whole article's record (with
    its source as ``state`` keeps it) is in the table. The first record of an id stays,
    as the state records the first article of an id a run meets."""
    ready(state.db)
    rows = ((a.id, article_to_json(a, state.places.stored(a.source)))
            for o in outcomes for a in o.articles if not a.outlined)
    with state.db:
        state.db.executemany("INSERT OR IGNORE INTO temp.stashed (id, data) VALUES (?, ?)", rows)
    return [dataclasses.replace(o, articles=tuple(a.outline() for a in o.articles))
            if o.articles else o for o in outcomes]


def insert_articles(db: sqlite3.Connection, articles: list[tuple], now: str) -> None:
    """Insert the articles table's rows of (id, source as kept, article, signature), by id
    (as the primary key's index is ordered), first seen ``now``: an outline's record from
    the table, a whole article's made here. Every one of them is new to the table; one
    whose record was not set aside fails the run's record rather than go unrecorded."""
    ready(db)
    rows = ((key, kept, a.title, None if a.outlined else article_to_json(a, kept), key, now, sig)
            for key, kept, a, sig in sorted(articles, key=lambda row: row[0]))
    added = db.executemany(
        "INSERT OR IGNORE INTO articles (id, source, title, data, first_seen, minhash) VALUES"
        " (?, ?, ?, coalesce(?, (SELECT data FROM temp.stashed WHERE id = ?)), ?, ?)", rows).rowcount
    if added != len(articles):
        raise sqlite3.IntegrityError(f"{len(articles) - added} new article(s) without a record to keep")
