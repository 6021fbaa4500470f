"""A file whose size and modification time are what they were when it was read is
not read again: a build with nothing new costs a stat per file, not a read."""

from __future__ import annotations

import os
from pathlib import Path

from digest.config import load
from digest.sources.ingest import ingest
from digest.store.state import State

from .conftest import SEEDS, write_config


def read_again(folder: Path) -> list[str]:
    config = load(folder / "config.toml")
    with State(config.state.file) as state:
        outcomes = ingest(config, state, jobs=1)
        state.record(outcomes)
    return [Path(o.source).name for o in outcomes]


def test_only_files_whose_size_or_time_changed_are_read(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    first, second = sorted(SEEDS.iterdir())[:2]
    for path in (first, second):
        (tmp_path / "articles" / path.name).write_bytes(path.read_bytes())
    write_config(tmp_path)
    assert sorted(read_again(tmp_path)) == sorted([first.name, second.name])
    assert read_again(tmp_path) == []
    # Other bytes of the same size, with the old time put back: not read (by design).
    target = tmp_path / "articles" / first.name
    before = os.stat(target)
    data = bytearray(target.read_bytes())
    data[-2:] = b"\n\n"
    target.write_bytes(bytes(data))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert read_again(tmp_path) == []
    # A new time: read, found changed, recorded again.
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert read_again(tmp_path) == [first.name]
    assert read_again(tmp_path) == []
