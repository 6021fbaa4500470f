"""Source files as someone hostile leaves them: a file swapped for a link while builds run,
control characters in texts and names, deep nesting, a huge file to add, a folder of
files of other types, and files deleted after they failed."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from digest.add import add
from digest.config import load
from digest.errors import DigestError
from digest.run.status import report
from digest.sources.ingest import ingest
from digest.sources.readers import Unusable, read_local
from digest.store.state import State

from .conftest import SEEDS, SMALL, write_config

SEED = SEEDS / "000_6ab68325297169c1.txt"
SECRET = "机密文件内容：这一行绝不能出现在任何摘要里。"


def ingest_folder(project: Path) -> dict[str, tuple[str, str]]:
    config = load(write_config(project))
    with State(config.state.file) as state:
        outcomes = ingest(config, state)
        state.record(outcomes)
    return {o.source: (o.status, o.reason) for o in outcomes}


def test_a_file_swapped_for_a_link_to_an_outside_file_is_never_read(tmp_path: Path):
    articles = tmp_path / "articles"
    articles.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text(SECRET * 20, encoding="utf-8")
    path = articles / "news.txt"
    path.write_bytes(SEED.read_bytes())
    stop = threading.Event()

    def swap():                      # the file, then a link to the outside file, and so on
        while not stop.is_set():
            os.symlink(outside, articles / ".link")
            os.replace(articles / ".link", path)
            (articles / ".file").write_bytes(SEED.read_bytes())
            os.replace(articles / ".file", path)

    swapper = threading.Thread(target=swap)
    swapper.start()
    read, refused = 0, 0
    try:
        for _ in range(3000):
            try:
                data = read_local(path, 1 << 20, articles)
            except (Unusable, OSError):        # refused, or gone mid-swap: never read
                refused += 1
                continue
            read += 1
            assert SECRET.encode() not in data
    finally:
        stop.set()
        swapper.join()
    assert refused                   # the swap did happen under the reads


def test_a_folder_swapped_for_a_link_is_caught_on_the_opened_file(tmp_path: Path):
    articles = tmp_path / "articles"
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "news.txt").write_text(SECRET, encoding="utf-8")
    articles.mkdir()
    (articles / "sub").symlink_to(tmp_path / "elsewhere")   # as if swapped after listing
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("the opened file is named by /proc on Linux")
    with pytest.raises(Unusable, match="outside the source folder"):
        read_local(articles / "sub" / "news.txt", 1 << 20, articles)


def test_control_characters_in_a_markdown_paragraph_are_dropped_not_fatal(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    body = SMALL["chips.txt"].split("\n\n")
    text = f"# {body[0]}\n\n{body[1][:20]}\x0c{body[1][20:]}\n\n{body[2][:10]}\x1b[2J{body[2][10:]}\x07\n"
    (tmp_path / "articles" / "chips.md").write_text(text, encoding="utf-8")
    [(status, reason)] = ingest_folder(tmp_path).values()
    assert status == "included", reason
    with State(tmp_path / "state" / "digest.sqlite3") as state:
        [article] = state.pending()
    joined = "".join(article.paragraphs)
    assert not any(ch in joined for ch in "\x0c\x1b\x07") and body[2][10:].strip() in joined


def test_an_article_nested_deeper_than_libxml2_reads_is_read(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    title, *paragraphs = [p for p in SMALL["rates.txt"].split("\n") if p]
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>"
            + "<div>" * 3000 + inner + "</div>" * 3000 + "</body></html>")
    (tmp_path / "articles" / "deep.html").write_text(page, encoding="utf-8")
    [(status, reason)] = ingest_folder(tmp_path).values()
    assert status == "included", reason
    with State(tmp_path / "state" / "digest.sqlite3") as state:
        [article] = state.pending()
    assert "".join(paragraphs) in "".join(article.paragraphs)


def test_control_characters_in_file_names_are_escaped_wherever_shown(tmp_path: Path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "chips.txt").write_text(SMALL["chips.txt"], encoding="utf-8")
    (articles / "evil\x1b]0;owned\x07\x1b[2J.txt").write_bytes(b"")
    outcomes = ingest_folder(tmp_path)
    [name] = [n for n in outcomes if "evil" in n]
    assert name.endswith("evil\\x1b]0;owned\\x07\\x1b[2J.txt") and outcomes[name][0] == "skipped"
    shown = report(load(tmp_path / "config.toml"))
    assert "evil\\x1b]0;owned" in shown and "\x1b" not in shown and "\x07" not in shown
    with pytest.raises(DigestError) as refused:
        add(load(tmp_path / "config.toml"), str(tmp_path / "\x1b[31mred.pdf"))
    assert "\x1b" not in str(refused.value)


def test_adding_a_huge_file_is_refused_before_reading_it(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    write_config(tmp_path)
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:            # 1 GB, a hole on disk
        handle.truncate(1 << 30)
    with pytest.raises(DigestError, match="too large"):
        add(load(tmp_path / "config.toml"), str(huge))
    assert list((tmp_path / "articles").iterdir()) == []


def test_files_of_other_types_are_skipped_by_name_without_reading_or_hashing(tmp_path: Path):
    folder = tmp_path / "etc"
    folder.mkdir()
    (folder / "shadow").write_text("root:$6$secret:19000:0:99999:7:::\n", encoding="utf-8")
    (folder / "app.conf").write_text("password = hunter2\n", encoding="utf-8")
    (folder / "chips.txt").write_text(SMALL["chips.txt"], encoding="utf-8")
    config = load(write_config(tmp_path, sources="etc"))
    with State(config.state.file) as state:
        outcomes = {Path(o.source).name: o for o in ingest(config, state)}
        state.record(list(outcomes.values()))
    for name in ("shadow", "app.conf"):
        assert outcomes[name].status == "skipped" and "unsupported file type" in outcomes[name].reason
        content = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        assert outcomes[name].sha256 != content and outcomes[name].size == 0
    assert outcomes["chips.txt"].status == "included"
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in config.state.file.parent.iterdir()}
    assert modes["digest.sqlite3"] == 0o600


def test_the_state_file_and_its_journal_are_private(small_project: Path):
    from digest.run.pipeline import build

    config = load(small_project / "config.toml")
    assert build(config).built
    folder = config.state.file.parent
    assert stat.S_IMODE(config.state.file.stat().st_mode) == 0o600
    assert stat.S_IMODE(config.lock_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0
    db = sqlite3.connect(config.state.file)
    try:
        db.execute("BEGIN IMMEDIATE")
        db.execute("DELETE FROM runs")
        journal = Path(f"{config.state.file}-journal")
        assert journal.exists() and stat.S_IMODE(journal.stat().st_mode) == 0o600
    finally:
        db.rollback()
        db.close()


def test_a_failed_file_that_was_deleted_drops_out_of_status(small_project: Path):
    articles = small_project / "articles"
    (articles / "empty.txt").write_bytes(b"")
    (articles / "gone.txt").write_bytes(b"\x00\x01\x02\x03" * 400)
    outcomes = ingest_folder(small_project)
    assert {Path(s).name for s, (status, _) in outcomes.items() if status != "included"} == {
        "empty.txt", "gone.txt"}
    os.remove(articles / "gone.txt")
    shown = report(load(small_project / "config.toml"))
    assert "skipped or failed files: 1" in shown and "empty.txt" in shown and "gone.txt" not in shown
