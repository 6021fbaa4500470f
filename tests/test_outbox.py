"""The outbox writer and the state file, on real files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from digest.store import outbox
from digest.errors import DigestError, LockedError
from digest.store.lock import RunLock
from digest.models import FileOutcome, Rendered
from digest.store.state import State


def rendered(text: str) -> Rendered:
    return Rendered("2026-W47", (("digest.md", text.encode()), ("manifest.json", b"{}")))


def test_write_creates_and_replaces_whole_folders(tmp_path: Path):
    folder = outbox.write(tmp_path, rendered("one"))
    assert folder == tmp_path / "2026-W47"
    assert (folder / "digest.md").read_text() == "one"
    outbox.write(tmp_path, rendered("two"))
    assert (folder / "digest.md").read_text() == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-W47"]


def test_recover_restores_a_digest_moved_aside(tmp_path: Path):
    aside = tmp_path / ".2026-W47.old"
    aside.mkdir()
    (aside / "digest.md").write_text("previous")
    staging = tmp_path / ".2026-W47.abc12345.tmp"
    staging.mkdir()
    (staging / "digest.md").write_text("half")
    outbox.recover(tmp_path)
    assert (tmp_path / "2026-W47" / "digest.md").read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-W47"]


def test_failed_write_leaves_previous_digest(tmp_path: Path):
    outbox.write(tmp_path, rendered("one"))
    bad = Rendered("2026-W47", (("digest.md", b"x"), ("sub/nested.txt", b"y")))
    with pytest.raises(DigestError, match="cannot write the digest"):
        outbox.write(tmp_path, bad)
    assert (tmp_path / "2026-W47" / "digest.md").read_text() == "one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-W47"]


def test_state_records_files_and_problems(tmp_path: Path):
    state = State(tmp_path / "s.sqlite3")
    state.record([FileOutcome("/a.txt", "abc", "skipped", "empty file")])
    assert state.file_sha("/a.txt") == "abc"
    assert state.problems() == [("/a.txt", "skipped", "empty file")]
    state.close()
    again = State(tmp_path / "s.sqlite3", readonly=True)
    assert again.problems() == [("/a.txt", "skipped", "empty file")]


def test_corrupt_state_file_is_a_clear_error(tmp_path: Path):
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DigestError, match="state file .* is unusable"):
        State(path)


def test_lock_allows_one_holder(tmp_path: Path):
    with RunLock(tmp_path / "x.lock"):
        with pytest.raises(LockedError, match=f"pid {os.getpid()}"):
            with RunLock(tmp_path / "x.lock"):
                pass
    with RunLock(tmp_path / "x.lock"):
        pass


def test_a_state_file_a_first_run_has_just_created_reads_as_new(tmp_path: Path):
    path = tmp_path / "s.sqlite3"
    path.touch()                                     # created, its tables not yet written
    with State(path, readonly=True) as state:
        assert state.problems() == [] and state.pending() == []
