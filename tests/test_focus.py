"""The configured themes are the digest's focus: what they do not take goes to a closing
section, or, with digest.focus = "strict", out of the digest (claimed, counted in status)."""

from __future__ import annotations

import json
from pathlib import Path

from digest.config import load
from digest.run.pipeline import build
from digest.run.status import report
from digest.store.state import State

from .conftest import write_config, write_small

COOKING = ("红烧肉的做法\n\n红烧肉需要先把五花肉焯水，再放冰糖炒出糖色。小火慢炖一个小时，"
           "五花肉软糯入味，汤汁收浓即可出锅。\n")


def project(tmp_path: Path, focus: str) -> Path:
    write_small(tmp_path / "articles", ["chips.txt", "rates.txt"])
    (tmp_path / "articles" / "cooking.txt").write_text(COOKING, encoding="utf-8")
    write_config(tmp_path, digest_extra=f'focus = "{focus}"\n')
    return tmp_path / "config.toml"


def themes_of(folder: Path) -> dict[str, list[str]]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    titles = {a["id"]: a["title"] for a in manifest["articles"]}
    return {f"{t['kind']}:{t['key']}": [titles[i] for i in t["articles"]] for t in manifest["themes"]}


def test_an_article_outside_the_focus_goes_to_the_closing_section(tmp_path: Path):
    result = build(load(project(tmp_path, "all")))
    themes = themes_of(result.folder)
    assert themes["other:other"] == ["红烧肉的做法"]
    assert list(themes)[-1] == "other:other"
    assert "## 其他 · Also this week" in (result.folder / "digest.md").read_text(encoding="utf-8")


def test_strict_focus_leaves_it_out_claimed_and_counted(tmp_path: Path):
    config = load(project(tmp_path, "strict"))
    result = build(config)
    themes = themes_of(result.folder)
    assert "红烧肉的做法" not in [t for titles in themes.values() for t in titles]
    assert all(key.startswith("configured:") for key in themes)
    with State(config.state.file, readonly=True, root=config.root) as state:
        assert state.pending() == []                 # not back as pending next week
    assert "1 article outside the digest's focus, left out" in report(config)
    again = build(config, rebuild=True)
    assert themes_of(again.folder) == themes
