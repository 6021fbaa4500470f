"""Crash safety for real: a build killed with SIGKILL at each risky moment, then a
normal build, which must give the complete digest with every article exactly once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS, write_config


def digest_build(project: Path, crash_at: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DIGEST_CRASH_AT", None)
    if crash_at:
        env["DIGEST_CRASH_AT"] = crash_at
    return subprocess.run([sys.executable, "-m", "digest", "build"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=180)


@pytest.mark.parametrize("crash_at", ["ingested", "staged", "moved-aside", "written", "recording"])
def test_a_build_killed_at_any_point_is_completed_by_the_next(tmp_path: Path, crash_at: str):
    seeds = sorted(SEEDS.iterdir())
    (tmp_path / "articles").mkdir()
    for path in seeds[:4]:
        (tmp_path / "articles" / path.name).write_bytes(path.read_bytes())
    write_config(tmp_path)
    assert digest_build(tmp_path).returncode == 0           # this week's digest, 4 articles
    (tmp_path / "articles" / seeds[4].name).write_bytes(seeds[4].read_bytes())   # 8 more

    killed = digest_build(tmp_path, crash_at)
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    after = digest_build(tmp_path)
    assert after.returncode == 0, after.stderr
    outbox = tmp_path / "outbox"
    assert sorted(p.name for p in outbox.iterdir()) == [p.name for p in outbox.iterdir()
                                                        if not p.name.startswith(".")]
    [folder] = list(outbox.iterdir())
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    ids = [a["id"] for a in manifest["articles"]]
    assert len(ids) == len(set(ids)) == 12
    db = sqlite3.connect(tmp_path / "state" / "digest.sqlite3")
    assert db.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (12, 12)
    assert db.execute("SELECT count(*) FROM articles WHERE period IS NULL").fetchone() == (0,)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
