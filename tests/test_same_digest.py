"""The same input gives the same digest, byte for byte: whichever segmenter is
installed (jieba or rjieba) and whatever Python's hash seed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import SEEDS, write_config

BUILD = """
import sys
from datetime import datetime
from zoneinfo import ZoneInfo
from digest.config import load
from digest.run.pipeline import build
build(load(sys.argv[1]), now=datetime(2026, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
"""
# Many names, each named once and equally salient: only a full sort key orders them.
TIES = ("科技公司财报季\n\n本周微软、谷歌、高通、博通、思科、腾讯、百度、美团、京东和小米都发布了财报，"
        "市场反应不一。\n\n分析师认为，三星、英特尔、华为和字节跳动的新品也将影响下一季度的竞争格局。\n")
COMPARED = ("digest.md", "digest.txt", "digest.html", "email.html", "manifest.json", "digest.eml")


def outputs(root: Path) -> dict[str, str]:
    """Every file byte for byte, but for the project folder's own path where a file names it."""
    folder = root / "outbox" / "2026-W47"
    found = {name: (folder / name).read_text(encoding="utf-8").replace(str(root), "<root>")
             for name in COMPARED}
    # The manifest's hashes cover the files as written: compare them once the path is masked.
    manifest = json.loads(found["manifest.json"])
    manifest["files"] = {name: entry for name, entry in manifest["files"].items()
                         if not _names_the_folder(folder / name, root)}
    found["manifest.json"] = json.dumps(manifest, sort_keys=True)
    return found


def _names_the_folder(path: Path, root: Path) -> bool:
    return str(root).encode() in path.read_bytes()


def test_jieba_and_rjieba_and_any_hash_seed_give_the_same_digest(tmp_path: Path):
    runs = {}
    for name, segmenter, seed in (("a", "jieba", "1"), ("b", "rjieba", "2"), ("c", "rjieba", "3")):
        root = tmp_path / name
        shutil.copytree(SEEDS, root / "articles")
        (root / "articles" / "ties.txt").write_text(TIES, encoding="utf-8")
        write_config(root)
        env = {**os.environ, "DIGEST_SEGMENTER": segmenter, "PYTHONHASHSEED": seed}
        runs[root] = subprocess.Popen([sys.executable, "-c", BUILD, str(root / "config.toml")],
                                      env=env, stderr=subprocess.PIPE, text=True)
    for root, process in runs.items():
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    first, *others = (outputs(root) for root in runs)
    assert "Key facts" in first["digest.md"]
    for other in others:
        for name in COMPARED:
            assert other[name] == first[name], name
