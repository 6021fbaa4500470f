"""Hostile input and faults: a huge file, a state file locked by another program."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from digest.config import load
from digest.errors import DigestError
from digest.pipeline import build

from .conftest import SEEDS


def test_a_50_mb_file_is_skipped_without_reading_it_and_the_rest_is_built(project: Path):
    huge = project / "articles" / "dump.txt"
    with open(huge, "wb") as handle:            # 50 MB, most of it a hole on disk
        handle.write("英伟达".encode() * 1000)
        handle.truncate(50 * 1024 * 1024)
    result = build(load(project / "config.toml"))
    skipped = {o.source: o.reason for o in result.outcomes if o.status == "skipped"}
    assert any(source.endswith("dump.txt") and "too large" in reason for source, reason in skipped.items())
    assert result.articles == 12


def test_a_state_file_locked_by_another_program_is_a_clear_error_and_loses_nothing(project: Path, monkeypatch):
    from digest import state

    config = load(project / "config.toml")
    first = build(config)
    assert first.articles == 12
    (project / "articles" / "late.txt").write_text(
        "英伟达发布新一代芯片\n\n英伟达周三发布新一代数据中心芯片，性能较上一代提升约30%。"
        "公司表示，新产品将于明年第一季度向云服务商供货。", encoding="utf-8")
    monkeypatch.setattr(state, "LOCK_TIMEOUT", 0.5)
    other = sqlite3.connect(config.state.file)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DigestError, match="locked by another program"):
            build(config)
    finally:
        other.rollback()
        other.close()
    again = build(config)                        # the late article was not lost
    assert again.articles == 13 and again.new_articles == 1


def test_an_outbox_that_is_not_a_folder_is_a_clear_error(project: Path):
    config = load(project / "config.toml")
    (project / "outbox").write_text("not a folder", encoding="utf-8")
    with pytest.raises(DigestError, match="cannot write the digest into"):
        build(config)
    assert (project / "outbox").read_text(encoding="utf-8") == "not a folder"
    os.remove(project / "outbox")
    assert build(config).articles == 12
