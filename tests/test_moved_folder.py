"""A digest folder copied or moved elsewhere keeps its state: the state file keeps the
paths inside the folder relative to it, and upgrades a file that kept them whole."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from digest.config import load
from digest.run.pipeline import build
from digest.run.status import report
from digest.store.schema import RELATIVE
from digest.store.state import State

from .conftest import FIXTURES, write_config, write_small


def built_folder(folder: Path) -> Path:
    articles = write_small(folder / "articles")
    shutil.copyfile(FIXTURES / "feeds" / "full_content.xml", articles / "feed.xml")
    (articles / "empty.txt").write_bytes(b"")
    write_config(folder)
    assert build(load(folder / "config.toml")).built
    return folder


def stored(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "state" / "digest.sqlite3") as db:
        names = [r[0] for r in db.execute("SELECT source FROM files UNION ALL SELECT source FROM "
                                          "articles UNION ALL SELECT folder FROM digests")]
    db.close()
    return names


def test_a_copied_digest_folder_finds_nothing_new_and_no_duplicates(tmp_path: Path):
    first = built_folder(tmp_path / "first")
    assert stored(first) and not [n for n in stored(first) if n.startswith("/")]
    assert "articles/feed.xml#" in " ".join(stored(first))            # feed entries too
    moved = tmp_path / "elsewhere" / "digest"
    shutil.copytree(first, moved)                                     # file times change
    config = load(moved / "config.toml")
    again = build(config)
    assert not again.built and again.problems == (), again.message
    text = report(config)
    assert "files not read yet: 0" in text and "skipped or failed files: 1\n" in text
    assert f"  - skipped: {moved / 'articles' / 'empty.txt'}: empty file" in text
    assert f"-> {moved / 'outbox'}" in text
    with State(config.state.file, root=config.root) as state:
        assert Path(state.last_digest().folder) == moved / "outbox" / again.period
        assert all(Path(a.source).is_relative_to(moved) for a in state.articles_in(again.period))


def test_a_state_file_that_kept_whole_paths_still_works_and_is_upgraded_when_written(tmp_path: Path):
    folder = built_folder(tmp_path / "old")
    prefix = f"{folder}/"
    with sqlite3.connect(folder / "state" / "digest.sqlite3") as db:    # as an earlier version kept it
        for table, column in (("files", "source"), ("file_stats", "source"), ("digests", "folder")):
            db.execute(f"UPDATE {table} SET {column} = ? || {column}", (prefix,))
        db.execute("UPDATE articles SET source = ? || source, data = json_set(data, '$.source', "
                   "? || json_extract(data, '$.source'))", (prefix, prefix))
        db.execute("PRAGMA user_version = 2")
    db.close()
    config = load(folder / "config.toml")
    text = report(config)                                             # read-only: as it is
    assert "files not read yet: 0" in text and "skipped or failed files: 1\n" in text
    assert all(n.startswith(prefix) for n in stored(folder))
    dry = build(config, dry_run=True)
    assert not dry.built and dry.problems == ()
    again = build(config)                                             # writing: upgraded
    assert not again.built and again.problems == ()
    assert not [n for n in stored(folder) if n.startswith("/")]
    with sqlite3.connect(folder / "state" / "digest.sqlite3") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == RELATIVE
        data = db.execute("SELECT json_extract(data, '$.source') FROM articles").fetchall()
    db.close()
    assert data and all(not d.startswith("/") for (d,) in data)
    moved = tmp_path / "new"
    shutil.move(folder, moved)
    assert build(load(moved / "config.toml")).problems == ()
