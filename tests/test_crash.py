"""Crash safety for real: a build killed with SIGKILL at each risky moment, then a
normal build, which must give the complete digest with every article exactly once.

Only the killed build runs in a process of its own; the builds around it run here,
on a few small articles."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from digest.config import load
from digest.run.pipeline import build

from .conftest import ROOT, write_config, write_small


@pytest.mark.parametrize("crash_at", ["ingested", "staged", "moved-aside", "written", "recording",
                                      "swapped"])
def test_a_build_killed_at_any_point_is_completed_by_the_next(tmp_path: Path, crash_at: str):
    articles = write_small(tmp_path / "articles", ["chips.txt", "rates.txt"])
    write_config(tmp_path)
    config = load(tmp_path / "config.toml")
    first = build(config)                                     # this week's digest
    assert first.built
    write_small(articles, ["gold.txt", "models.txt"])         # more for the same week

    env = {**os.environ, "PYTHONPATH": str(ROOT), "DIGEST_CRASH_AT": crash_at}
    killed = subprocess.run([sys.executable, "-m", "digest", "build"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=180)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    after = build(config)
    assert after.built and after.new_articles == 2           # the killed run recorded nothing
    total = first.articles + after.new_articles
    outbox = tmp_path / "outbox"
    assert [p.name for p in outbox.iterdir() if p.name.startswith(".")] == []
    [folder] = list(outbox.iterdir())
    assert folder == after.folder
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    ids = [a["id"] for a in manifest["articles"]]
    assert len(ids) == len(set(ids)) == total == after.articles
    db = sqlite3.connect(config.state.file)
    assert db.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (total, total)
    assert db.execute("SELECT count(*) FROM articles WHERE period IS NULL").fetchone() == (0,)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
