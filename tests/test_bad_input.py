"""Hostile input and faults: a huge file, a state file locked by another program."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from digest.config import load
from digest.errors import DigestError
from digest.run.pipeline import build

from .conftest import state_locked_by_another_program


def test_a_50_mb_file_is_skipped_without_reading_it_and_the_rest_is_built(small_project: Path):
    huge = small_project / "articles" / "dump.txt"
    with open(huge, "wb") as handle:            # 50 MB, most of it a hole on disk
        handle.write("英伟达".encode() * 1000)
        handle.truncate(50 * 1024 * 1024)
    result = build(load(small_project / "config.toml"))
    skipped = {o.source: o.reason for o in result.outcomes if o.status == "skipped"}
    assert any(source.endswith("dump.txt") and "too large" in reason for source, reason in skipped.items())
    assert result.articles == result.new_articles == sum(
        len(o.articles) for o in result.outcomes if o.status == "included") > 0


def test_a_state_file_locked_by_another_program_is_a_clear_error_and_loses_nothing(small_project: Path, monkeypatch):
    from digest.store import state

    config = load(small_project / "config.toml")
    first = build(config)
    assert first.built
    (small_project / "articles" / "late.txt").write_text(
        "铜价升至两年高位\n\n伦敦金属交易所铜价周二上涨2%，创两年来新高。矿山供应中断和"
        "电网投资增加推高了需求预期。", encoding="utf-8")
    monkeypatch.setattr(state, "LOCK_TIMEOUT", 0.5)
    with state_locked_by_another_program(config.state.file):
        with pytest.raises(DigestError, match="locked by another program"):
            build(config)
    again = build(config)                        # the late article was not lost
    assert again.articles == first.articles + 1 and again.new_articles == 1


def test_an_outbox_that_is_not_a_folder_is_a_clear_error(small_project: Path):
    config = load(small_project / "config.toml")
    (small_project / "outbox").write_text("not a folder", encoding="utf-8")
    with pytest.raises(DigestError, match="cannot write the digest into"):
        build(config)
    assert (small_project / "outbox").read_text(encoding="utf-8") == "not a folder"
    os.remove(small_project / "outbox")
    result = build(config)
    assert result.built and result.articles == result.new_articles
