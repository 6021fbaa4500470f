"""The outbox heals: a run killed (SIGKILL) at each named point of `digest build
--rebuild` and of the preview's watch re-render, then one plain `digest build`
that finds nothing new, leaves a clean and complete outbox."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from digest.config import load
from digest.run.pipeline import build
from digest.run.status import report

from .conftest import ROOT, write_config, write_small

POINTS = ["staging", "staged", "moved-aside", "swapped", "written", "recording"]


def env_at(point: str) -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT), "DIGEST_CRASH_AT": point}


@pytest.fixture
def built(tmp_path: Path) -> Path:
    write_small(tmp_path / "articles", ["chips.txt"])
    write_config(tmp_path)
    assert build(load(tmp_path / "config.toml")).built
    return tmp_path


def assert_clean_and_complete(project: Path) -> None:
    config = load(project / "config.toml")
    result = build(config)                        # a plain build: nothing new
    assert not result.built
    outbox = project / "outbox"
    entries = sorted(p.name for p in outbox.iterdir())
    assert [e for e in entries if e.startswith(".")] == [] and len(entries) == 1
    folder = outbox / entries[0]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["files"]) == sorted(p.name for p in folder.iterdir() if p.name != "manifest.json")
    for name, sha in manifest["files"].items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == sha
    assert f"-> {folder}" in report(config)


@pytest.mark.parametrize("point", POINTS)
def test_a_rebuild_killed_at_each_point_is_healed_by_a_plain_build(built: Path, point: str):
    killed = subprocess.run([sys.executable, "-m", "digest", "build", "--rebuild"], cwd=built,
                            env=env_at(point), capture_output=True, text=True, timeout=180)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert_clean_and_complete(built)


@pytest.mark.parametrize("point", POINTS)
def test_a_watch_rerender_killed_at_each_point_is_healed_by_a_plain_build(built: Path, point: str):
    preview = subprocess.Popen([sys.executable, "-m", "digest", "preview", "--no-browser",
                                "--port", "0", "--watch"], cwd=built, env=env_at(point),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert preview.stdout.readline().startswith("Serving ")
        assert preview.stdout.readline().startswith("Watching ")
        config = built / "config.toml"
        config.write_text(config.read_text() + "\n# changed\n")
        stamp = time.time() + 5                    # a later mtime, whatever the clock's grain
        os.utime(config, (stamp, stamp))
        assert preview.wait(timeout=120) == -signal.SIGKILL
    finally:
        if preview.poll() is None:
            preview.kill()
            preview.wait()
        preview.stdout.close()
        preview.stderr.close()
    hidden = [p.name for p in (built / "outbox").iterdir() if p.name.startswith(".")]
    assert hidden or point in ("written", "recording")   # something to heal, before the swap
    assert_clean_and_complete(built)
