"""Local files as a hostile or unlucky world leaves them: FIFOs, devices, sockets,
symbolic links out of the folder, names that are not UTF-8, stray NUL bytes,
files that grow past the cap and folders nobody may read."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from digest.config import load
from digest.sources.ingest import discover, ingest
from digest.sources.readers import Unusable, decode, read_local
from digest.store.state import State

from .conftest import ROOT, SEEDS, write_config

SEED = SEEDS / "000_6ab68325297169c1.txt"


def ingest_folder(project: Path, sources_extra: str = "") -> dict[str, tuple[str, str]]:
    write_config(project, sources_extra=sources_extra)
    config = load(project / "config.toml")
    state = State(config.state.file)
    try:
        outcomes = ingest(config, state)
        state.record(outcomes)
        return {o.source: (o.status, o.reason) for o in outcomes}
    finally:
        state.close()


def test_a_build_skips_fifos_devices_sockets_and_links_out_of_the_folder(tmp_path: Path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_bytes(SEED.read_bytes())
    os.mkfifo(articles / "pipe.txt")
    (articles / "zero.txt").symlink_to("/dev/zero")
    outside = tmp_path / "secret.txt"
    outside.write_bytes(SEEDS.joinpath("001_a5ac74193c901af3.txt").read_bytes())
    (articles / "secret.txt").symlink_to(outside)
    (articles / "sub").mkdir()
    (articles / "sub" / "inside.txt").symlink_to(articles / "good.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(articles / "sock.txt"))
        write_config(tmp_path)
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        # A FIFO once hung every build for ever: the timeout only ends a regression.
        done = subprocess.run([sys.executable, "-m", "digest", "build"], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    db = sqlite3.connect(tmp_path / "state" / "digest.sqlite3")
    files = {Path(s).name: (st, r) for s, st, r in db.execute("SELECT source, status, reason FROM files")}
    assert files["good.txt"][0] == "included"
    assert files["pipe.txt"] == ("skipped", "not a regular file: a named pipe (FIFO)")
    assert files["sock.txt"] == ("skipped", "not a regular file: a socket")
    assert files["zero.txt"][0] == "skipped" and "outside the source folder" in files["zero.txt"][1]
    assert files["secret.txt"][0] == "skipped" and "outside the source folder" in files["secret.txt"][1]
    # A link inside the folder is read (and found to repeat good.txt).
    assert files["inside.txt"][0] == "skipped" and "duplicate" in files["inside.txt"][1]
    titles = [t for (t,) in db.execute("SELECT title FROM articles")]
    assert len(titles) == 1


def test_a_device_named_directly_is_not_read():
    with pytest.raises(Unusable, match="character device"):
        read_local(Path("/dev/zero"), 1024)


def test_the_size_cap_is_checked_before_reading_and_the_read_stops_at_it(tmp_path: Path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(Unusable, match="too large"):
        read_local(big, 4096)
    assert read_local(big, 5000) == b"x" * 5000
    # A file whose size says nothing of its length (as /proc's, or one still growing):
    # the read itself stops at the cap.
    maps = Path("/proc/self/maps")
    if maps.exists():
        assert maps.stat().st_size == 0
        with pytest.raises(Unusable, match="too large"):
            read_local(maps, 64)


def test_a_name_that_is_not_utf8_is_recorded_not_fatal(tmp_path: Path):
    articles = tmp_path / "articles"
    articles.mkdir()
    raw = os.fsencode(articles) + b"/\xff\xfe-report.txt"
    with open(raw, "wb") as handle:
        handle.write(SEED.read_bytes())
    outcomes = ingest_folder(tmp_path)
    [(source, (status, _))] = outcomes.items()
    assert status == "included" and source.endswith("\\xff\\xfe-report.txt")
    assert ingest_folder(tmp_path) == {}            # recorded: not read again


def test_one_nul_byte_does_not_reject_an_article():
    text = SEED.read_bytes()
    middle = len(text) // 2 - len(text) // 2 % 3
    assert decode(text[:middle] + b"\x00" + text[middle:]) == text.decode("utf-8")
    with pytest.raises(Unusable, match="binary"):
        decode(b"\x00\x01\x02\x03" * 400 + text)


def _listable_by(uid: int, folder: Path, config_path: Path) -> list[tuple[str, str]]:
    """The problems ``discover`` meets, run as ``uid`` in a forked child."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:                                     # the child: drop privileges, report
        try:
            os.close(read)
            os.setgid(uid)
            os.setuid(uid)
            problems: list[tuple[str, str]] = []
            found = list(discover(load(config_path), problems))
            os.write(write, repr((problems, [p.name for p in found])).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return eval(data)  # noqa: S307 (our own repr)


def test_an_unreadable_folder_is_recorded():
    base = Path(tempfile.mkdtemp(prefix="digest-unreadable-"))
    try:
        os.chmod(base, 0o755)
        articles = base / "articles"
        (articles / "locked").mkdir(parents=True)
        (articles / "good.txt").write_bytes(SEED.read_bytes())
        (articles / "locked" / "hidden.txt").write_bytes(SEED.read_bytes())
        os.chmod(articles / "locked", 0)
        config_path = write_config(base)
        if os.getuid() == 0:
            problems, names = _listable_by(65534, articles, config_path)
        else:
            problems = []
            names = [p.name for p in discover(load(config_path), problems)]
        assert names == ["good.txt"]
        assert problems == [(str(articles / "locked"), "cannot read folder: Permission denied")]
    finally:
        os.chmod(base / "articles" / "locked", 0o755)
        import shutil

        shutil.rmtree(base)


def test_a_billion_laughs_feed_is_refused_without_a_junk_article(tmp_path: Path):
    lols = "".join(f'<!ENTITY lol{n} "{("&lol%d;" % (n - 1)) * 10}">' for n in range(1, 10))
    feed = ('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY lol0 "lol">' + lols + ']>\n'
            '<rss version="2.0"><channel><title>t</title><item><title>&lol9;</title>'
            '<description>&lol9;</description></item></channel></rss>')
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "laughs.xml").write_text(feed, encoding="utf-8")
    (tmp_path / "articles" / "good.txt").write_bytes(SEED.read_bytes())
    outcomes = {Path(k).name: v for k, v in ingest_folder(tmp_path).items()}
    assert outcomes["laughs.xml"][0] == "failed" and "entities" in outcomes["laughs.xml"][1]
    assert outcomes["good.txt"][0] == "included"
