"""A build's new articles' records, set aside as soon as the articles are read.

The state records a build's new articles only at its end, once the digest is
written; until then a build needed each article whole for that record alone, long
after its text was summarised. Instead, each record (the JSON the state keeps) is
written to a temporary table of the state's connection as soon as the articles are
read, with their duplicate signatures, and the build keeps outlines of them (metadata
and length, no paragraphs) without signatures; the state's record of the run takes
each outline's record and signature from that table. The table is SQLite's temporary
database: on disk but for a few MB, and gone with the connection.
"""

from __future__ import annotations

import dataclasses
import sqlite3

from ..models import FileOutcome
from .schema import article_to_json

CHUNK = 500         # ids asked for at once (SQLite limits the parameters of one statement)


def ready(db: sqlite3.Connection) -> None:
    """The connection's table of records set aside (empty until :func:`stash`)."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS stashed (id TEXT PRIMARY KEY, data TEXT NOT NULL,"
               " minhash BLOB)")


def stash(state, outcomes: list[FileOutcome]) -> list[FileOutcome]:
    """``outcomes`` with outlines of their articles and without their signatures, once
    each whole article's record (with its source as ``state`` keeps it) and signature are
    in the table. The first of an id stays, as the state records the first article of an
    id a run meets."""
    ready(state.db)
    rows = ((a.id, article_to_json(a, state.places.stored(a.source)), sig) for o in outcomes
            for a, sig in zip(o.articles, o.signatures or (None,) * len(o.articles)) if not a.outlined)
    with state.db:
        state.db.executemany("INSERT OR IGNORE INTO temp.stashed (id, data, minhash) VALUES (?, ?, ?)",
                             rows)
    return [dataclasses.replace(o, articles=tuple(a.outline() for a in o.articles), signatures=())
            if o.articles else o for o in outcomes]


def insert_articles(db: sqlite3.Connection, articles: list[tuple], now: str) -> list[tuple[str, bytes]]:
    """Insert the articles table's rows of (id, source as kept, article, signature), by id
    (as the primary key's index is ordered), first seen ``now``: an outline's record and
    signature from the table, a whole article's as given. Every one of them is new to the
    table; one whose record was not set aside fails the run's record rather than go
    unrecorded. Returns the outlines' (id, signature), of those signed."""
    ready(db)
    rows = ((key, kept, a.title, None, key, now, None, key) if a.outlined else
            (key, kept, a.title, article_to_json(a, kept), None, now, sig, None)
            for key, kept, a, sig in sorted(articles, key=lambda row: row[0]))
    added = db.executemany(
        "INSERT OR IGNORE INTO articles (id, source, title, data, first_seen, minhash) VALUES"
        " (?, ?, ?, coalesce(?, (SELECT data FROM temp.stashed WHERE id = ?)), ?,"
        " coalesce(?, (SELECT minhash FROM temp.stashed WHERE id = ?)))", rows).rowcount
    if added != len(articles):
        raise sqlite3.IntegrityError(f"{len(articles) - added} new article(s) without a record to keep")
    outlines = [key for key, _, a, _ in articles if a.outlined]
    signed = []
    for start in range(0, len(outlines), CHUNK):
        chunk = outlines[start:start + CHUNK]
        signed += db.execute("SELECT id, minhash FROM temp.stashed WHERE minhash IS NOT NULL AND id IN"
                             f" ({','.join('?' * len(chunk))})", chunk)
    return signed
