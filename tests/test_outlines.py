"""Outlines: a build lets go of the week's text once summarised, and records it whole."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.config import load
from digest.errors import DigestError
from digest.models import Article
from digest.run.pipeline import build
from digest.sources.ingest import ingest
from digest.store.schema import article_from_json, article_to_json
from digest.store.stash import stash
from digest.store.state import State

NOW = datetime(2026, 11, 18, 12, tzinfo=ZoneInfo("UTC"))


def _article() -> Article:
    return Article("a1", "x.txt", 0, "标题", ("第一段。", "第二段，长一些。"), publisher="某报")


def test_an_outline_keeps_the_metadata_and_length_but_not_the_text():
    whole = _article()
    outline = whole.outline()
    assert outline.paragraphs == () and outline.outlined and not whole.outlined
    assert outline.chars == whole.chars == 12
    assert (outline.id, outline.title, outline.publisher) == (whole.id, whole.title, whole.publisher)
    assert outline.outline() is outline
    assert article_from_json(article_to_json(whole)) == whole      # the length is not kept
    with pytest.raises(ValueError):
        article_to_json(outline)           # never recorded without its text


def _rows(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return [*db.execute("SELECT id, source, title, data, minhash, period FROM articles ORDER BY id"),
                *db.execute("SELECT band, article_id FROM minhash_bands ORDER BY band, article_id")]


def test_stashed_outlines_are_recorded_as_the_whole_articles(small_project: Path, tmp_path: Path):
    config = load(small_project / "config.toml")
    with State(tmp_path / "whole.sqlite3", root=config.root) as state:
        outcomes = ingest(config, state)
        state.record(outcomes)
    with State(tmp_path / "stashed.sqlite3", root=config.root) as state:
        outlined = stash(state, ingest(config, state))
        assert all(a.outlined for o in outlined for a in o.articles)
        assert [o.signatures for o in outlined] == [()] * 4     # kept aside too
        state.record(outlined)
    assert _rows(tmp_path / "stashed.sqlite3") == _rows(tmp_path / "whole.sqlite3")
    assert len(_rows(tmp_path / "whole.sqlite3")) > 4 * 2        # the articles and their bands


def test_an_outline_without_its_record_is_not_recorded(small_project: Path, tmp_path: Path):
    config = load(small_project / "config.toml")
    with State(tmp_path / "state.sqlite3", root=config.root) as state:
        outcomes = stash(state, ingest(config, state))
    with State(tmp_path / "state.sqlite3", root=config.root) as state:   # another connection
        with pytest.raises(DigestError):
            state.record(outcomes)
        assert state.article_ids() == set()


def test_a_build_records_the_text_it_let_go(small_project: Path):
    config = load(small_project / "config.toml")
    made = build(config, now=NOW)
    assert made.built and all(a.outlined for o in made.outcomes for a in o.articles)
    with State(config.state.file, root=config.root) as state:
        recorded = state.articles_in(made.period)
    assert len(recorded) == made.articles == 4
    assert all(a.paragraphs and not a.outlined for a in recorded)
    texts = {p.read_text(encoding="utf-8").split("\n\n", 1)[1].strip()
             for p in (small_project / "articles").iterdir()}
    assert {a.body for a in recorded} == texts


def test_memory_is_given_back_where_the_c_library_can():
    from digest.store.memory import give_back

    give_back()                 # glibc's malloc_trim here; a call that does nothing elsewhere
    give_back()
