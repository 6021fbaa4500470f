"""The outbox never holds a digest the state file does not record: a failure to record
puts the previous digest back, and a state file that lost its record of the outbox's
digests stops the build instead of building and sending them again."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from digest.config import load
from digest.errors import DigestError
from digest.run.pipeline import build
from digest.store import outbox, state as state_module

from .conftest import state_locked_by_another_program, write_config, write_small


def manifest_ids(folder: Path) -> list[str]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [a["id"] for a in manifest["articles"]]


def recorded_ids(config) -> set[str]:
    db = sqlite3.connect(config.state.file)
    try:
        return {r[0] for r in db.execute("SELECT id FROM articles WHERE period IS NOT NULL")}
    finally:
        db.close()


@pytest.fixture
def built_once(tmp_path: Path):
    write_small(tmp_path / "articles", ["chips.txt", "rates.txt"])
    write_config(tmp_path)
    config = load(tmp_path / "config.toml")
    first = build(config)
    assert first.built
    write_small(tmp_path / "articles", ["gold.txt", "models.txt"])
    return config, first


def test_a_state_file_locked_by_another_program_leaves_the_outbox_as_recorded(built_once, monkeypatch):
    config, first = built_once
    before = manifest_ids(first.folder)
    monkeypatch.setattr(state_module, "LOCK_TIMEOUT", 0.2)
    with state_locked_by_another_program(config.state.file):
        with pytest.raises(DigestError, match="locked by another program"):
            build(config)
    assert manifest_ids(first.folder) == before
    assert set(before) == recorded_ids(config)
    assert sorted(p.name for p in config.outbox.folder.iterdir()) == [first.folder.name]
    again = build(config)                        # and the next run publishes all of it
    assert again.articles == len(before) + 2 == len(set(manifest_ids(again.folder)))


def test_a_record_failing_after_the_swap_puts_the_previous_digest_back(built_once, monkeypatch):
    config, first = built_once
    before = (first.folder / "digest.md").read_bytes()
    monkeypatch.setenv("DIGEST_FAIL_AT", "swapped")    # fails inside the state's transaction
    with pytest.raises(RuntimeError, match="swapped"):
        build(config)
    monkeypatch.delenv("DIGEST_FAIL_AT")
    assert (first.folder / "digest.md").read_bytes() == before
    assert sorted(p.name for p in config.outbox.folder.iterdir()) == [first.folder.name]
    assert set(manifest_ids(first.folder)) == recorded_ids(config)


def test_a_first_digest_that_cannot_be_recorded_is_taken_back_out(tmp_path: Path, monkeypatch):
    write_small(tmp_path / "articles", ["chips.txt"])
    write_config(tmp_path)
    config = load(tmp_path / "config.toml")
    monkeypatch.setenv("DIGEST_FAIL_AT", "swapped")
    with pytest.raises(RuntimeError):
        build(config)
    assert list(config.outbox.folder.iterdir()) == []


@pytest.mark.parametrize("damage", ["truncate", "delete"])
def test_a_lost_state_beside_built_digests_is_refused(built_once, damage: str):
    config, first = built_once
    if damage == "truncate":
        config.state.file.write_bytes(b"")
    else:
        config.state.file.unlink()
    with pytest.raises(DigestError, match="records no digest, but the outbox .* holds 1"):
        build(config)
    assert len(manifest_ids(first.folder)) == first.articles    # untouched


def test_recovery_touches_only_names_the_outbox_writer_makes(tmp_path: Path):
    mine = tmp_path / ".2026-W47.abcd1234.tmp"
    mine.mkdir()
    theirs = {".thesis.tmp": "dir", ".vim.tmp": "file", ".photos.old": "dir", ".W47.old": "dir",
              ".2026-W47.tmp": "file"}
    for name, kind in theirs.items():
        if kind == "dir":
            (tmp_path / name).mkdir()
            (tmp_path / name / "keep.txt").write_text("user's")
        else:
            (tmp_path / name).write_text("user's")
    outbox.recover(tmp_path)
    assert not mine.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(theirs)
    assert not (tmp_path / "photos").exists()


def test_an_empty_marker_left_by_a_first_swap_is_removed_with_the_unrecorded_folder(tmp_path: Path):
    (tmp_path / ".2026-W47.old").mkdir()
    (tmp_path / "2026-W47").mkdir()
    (tmp_path / "2026-W47" / "manifest.json").write_text("{}")
    outbox.recover(tmp_path, lambda period, folder: False)
    assert list(tmp_path.iterdir()) == []
