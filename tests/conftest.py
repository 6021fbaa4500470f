"""Shared fixtures: a throw-away project folder with real seed files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def write_config(folder: Path, extra: str = "", sources: str = "articles",
                 sources_extra: str = "") -> Path:
    """A config.toml in ``folder`` using the project's real templates.

    ``sources_extra`` adds keys to [sources]; ``extra`` adds whole tables.
    """
    path = folder / "config.toml"
    path.write_text(
        f'[sources]\nfolders = ["{sources}"]\n{sources_extra}'
        f'[outbox]\nfolder = "outbox"\n'
        f'[state]\nfile = "state/digest.sqlite3"\n'
        f'[digest]\ntemplates = "{(ROOT / "templates").as_posix()}"\n' + extra,
        encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding config.toml and a copy of the five seed files in articles/."""
    shutil.copytree(SEEDS, tmp_path / "articles")
    write_config(tmp_path)
    return tmp_path


@pytest.fixture
def config(project: Path):
    from digest.config import load

    return load(project / "config.toml")
