"""A build's log stays short whatever it skipped: problem files listed up to a limit,
duplicates counted on one line, `digest status` pointed to for the rest."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from digest.run.status import LISTED_PROBLEMS

from .conftest import SEEDS, write_config


def test_repeats_are_one_line_and_other_problems_are_capped(tmp_path: Path):
    articles = tmp_path / "articles"
    articles.mkdir()
    original = (SEEDS / "001_a5ac74193c901af3.txt").read_bytes()
    (articles / "original.txt").write_bytes(original)
    for number in range(25):       # the same article again, under other names and spacing
        (articles / f"copy{number:02d}.txt").write_bytes(original + b"\n" * (number + 1))
    for number in range(LISTED_PROBLEMS + 5):
        (articles / f"empty{number:02d}.txt").write_bytes(b"")
    write_config(tmp_path)
    done = subprocess.run([sys.executable, "-m", "digest", "build", "-v", "--jobs", "1"], cwd=tmp_path,
                          capture_output=True, text=True, check=True)
    warnings = [line for line in done.stderr.splitlines() if line.startswith("WARNING")]
    assert sum("empty file" in line for line in warnings) == LISTED_PROBLEMS
    assert any(line.endswith("… and 5 more skipped or failed file(s)") for line in warnings)
    assert [line for line in warnings if "duplicate" in line.split(":", 1)[1]] == [
        "WARNING digest: 25 file(s) skipped as duplicates of articles already seen"]
    assert warnings[-1].endswith("`digest status` lists every file with its reason")
    status = subprocess.run([sys.executable, "-m", "digest", "status"], cwd=tmp_path,
                            capture_output=True, text=True, check=True).stdout
    assert status.count("duplicate of") == 25 and status.count("empty file") == LISTED_PROBLEMS + 5
