"""What a new user meets first: each message and behaviour of a first run, and exit codes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import urllib.request
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.config import load
from digest.run.pipeline import build

from .conftest import ROOT, SEEDS, write_config, write_small
from .test_cli import run


def tree(folder: Path) -> dict[str, int]:
    """Every file and folder below ``folder`` with its modification time."""
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*")}


def test_a_dry_run_writes_no_file_at_all_not_even_a_lock(small_project: Path):
    project = small_project
    before = tree(project)
    result = run("build", "--dry-run", cwd=project)
    assert result.returncode == 0 and "Dry run: would build" in result.stdout, result.stderr
    assert tree(project) == before
    assert build(load(project / "config.toml")).built
    (project / "articles" / "new.txt").write_text(
        "英伟达发布新一代芯片\n\n英伟达周二发布新一代数据中心芯片，算力提升一倍。", encoding="utf-8")
    before = tree(project)
    result = run("build", "--dry-run", cwd=project)
    assert result.returncode == 0 and "Dry run: would build" in result.stdout, result.stderr
    assert tree(project) == before


def test_verbose_build_logs_each_stage_with_its_time_and_each_file(small_project: Path):
    project = small_project
    (project / "articles" / "empty.txt").write_bytes(b"")
    quiet = run("build", "--dry-run", cwd=project)
    assert "stage " not in quiet.stderr and "empty.txt: empty file" in quiet.stdout
    loud = run("-v", "build", cwd=project)
    assert loud.returncode == 0, loud.stderr
    for stage in ("ingest", "summarise", "themes", "render", "write", "record"):
        assert f"stage {stage} done in " in loud.stderr, stage
    assert "read " + str(project / "articles" / "gold.txt") in loud.stderr
    assert "skipped " + str(project / "articles" / "empty.txt") + ": empty file" in loud.stderr
    again = run("build", "-v", cwd=project)
    assert "0 new article(s) in 0 new or changed source(s)" in again.stderr


def test_from_cron_a_build_prints_its_one_line_result_and_only_real_errors(small_project: Path):
    project = small_project
    (project / "articles" / "empty.txt").write_bytes(b"")
    write_config(project, '[translate]\nengine = "libretranslate"\nurl = "http://127.0.0.1:9/"\n')
    quiet = run("build", cwd=project)                       # no terminal, as from cron
    assert quiet.returncode == 0 and quiet.stderr == "", quiet.stderr
    assert quiet.stdout.startswith("Built ") and quiet.stdout.count("\n") == 1
    assert "1 file(s) skipped or failed (see `digest status`)" in quiet.stdout
    loud = run("build", "--rebuild", "-v", cwd=project)      # -v shows the warnings too
    assert "WARNING digest.editorial.translate: translation skipped" in loud.stderr


def test_a_dry_run_lists_the_files_it_would_skip_and_warns_as_the_build_would(small_project: Path):
    project = small_project
    (project / "articles" / "empty.txt").write_bytes(b"")
    (project / "articles" / "notes.pdf").write_bytes(b"%PDF-1.4")
    write_config(project, '[translate]\nengine = "libretranslate"\nurl = "http://127.0.0.1:9/"\n')
    dry = run("build", "--dry-run", cwd=project)
    assert dry.returncode == 0, dry.stderr
    assert f"  skipped {project / 'articles' / 'empty.txt'}: empty file\n" in dry.stdout
    assert f"  skipped {project / 'articles' / 'notes.pdf'}: unsupported file type" in dry.stdout
    assert "2 file(s) would be skipped or failed." in dry.stdout and "digest status" not in dry.stdout
    assert "WARNING digest.editorial.translate: translation skipped this run" in dry.stderr
    real = run("build", "-v", cwd=project)
    assert "WARNING digest.editorial.translate: translation skipped this run" in real.stderr
    assert "skipped or failed files: 2" in run("status", cwd=project).stdout


def test_a_first_build_with_no_article_names_the_folders_it_looked_in(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    write_config(tmp_path)
    empty = run("build", cwd=tmp_path)
    assert empty.returncode == 0, empty.stderr
    assert "the sources hold no article yet (articles/)" in empty.stdout
    assert "since the last digest" not in empty.stdout
    write_small(tmp_path / "articles", ["gold.txt"])
    assert run("build", cwd=tmp_path).stdout.startswith("Built ")
    assert "no article since the last digest" in run("build", cwd=tmp_path).stdout


def test_status_before_the_first_build_says_so_and_counts_the_files_waiting(small_project: Path):
    project = small_project
    waiting = len([p for p in (project / "articles").rglob("*") if p.is_file()])
    first = run("status", cwd=project)
    assert first.returncode == 0, first.stderr
    assert "no build yet" in first.stdout and "pending articles" not in first.stdout
    assert f"files not read yet: {waiting} (`digest build` reads them)" in first.stdout
    assert not (project / "state").exists()
    assert run("build", cwd=project).returncode == 0
    (project / "articles" / "later.md").write_text("# 标题\n\n正文。", encoding="utf-8")
    after = run("status", cwd=project).stdout
    assert "no build yet" not in after and "pending articles: 0" in after
    assert "files not read yet: 1 " in after


def test_no_existing_source_is_an_error_a_missing_one_among_others_a_warning(tmp_path: Path):
    write_config(tmp_path, sources="nowhere")
    none = run("build", cwd=tmp_path)
    assert none.returncode == 1
    assert none.stderr == (f"digest: error: no source to read: source folder {tmp_path / 'nowhere'} "
                           f"does not exist; create it and put articles in it, or set "
                           f"sources.folders in {tmp_path / 'config.toml'}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["config.toml"]
    write_small(tmp_path / "articles", ["gold.txt"])
    config = (tmp_path / "config.toml").read_text(encoding="utf-8")
    (tmp_path / "config.toml").write_text(
        config.replace('folders = ["nowhere"]', 'folders = ["nowhere", "articles"]'), encoding="utf-8")
    some = run("build", "-v", cwd=tmp_path)       # -v: warnings are not shown from cron
    assert some.returncode == 0 and some.stdout.startswith("Built "), some.stderr
    assert f"source folder {tmp_path / 'nowhere'} does not exist" in some.stderr
    # A feed is a source too: with one configured, missing folders are only warned about.
    (tmp_path / "config.toml").write_text(
        config.replace('folders = ["nowhere"]', f'folders = ["nowhere"]\nfeeds = '
                       f'["{(ROOT / "tests" / "fixtures" / "feed.xml").as_posix()}"]'),
        encoding="utf-8")
    feed_only = run("build", "--dry-run", cwd=tmp_path)
    assert feed_only.returncode == 0, feed_only.stderr


def test_summarize_decodes_gbk_and_big5_on_standard_input_like_files(tmp_path: Path):
    text = (SEEDS / "000_6ab68325297169c1.txt").read_text(encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8"}

    def summarize(data: bytes) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "digest", "summarize", "-", "--chars", "120"],
                              cwd=tmp_path, input=data, capture_output=True, timeout=120, env=env)

    utf8 = summarize(text.encode("utf-8"))
    assert utf8.returncode == 0 and utf8.stdout.strip(), utf8.stderr
    gbk = summarize(text.encode("gbk", errors="replace"))
    assert gbk.returncode == 0, gbk.stderr
    assert gbk.stdout == utf8.stdout
    traditional = "美國聯準會宣布降息兩碼，這是今年第三次降息。分析人士認為，降息有助於支撐美股估值。"
    big5 = summarize(traditional.encode("big5"))
    assert big5.returncode == 0 and "聯準會" in big5.stdout.decode("utf-8"), big5.stderr


def test_an_impossible_port_is_a_usage_error(small_project: Path):
    project = small_project
    for port in ("99999", "-1", "http"):
        result = run("preview", "--no-browser", "--port", port, cwd=project)
        assert result.returncode == 2
        assert result.stderr.startswith("usage: digest preview")
        assert f"argument --port: '{port}' is not a port number (0 to 65535" in result.stderr
        assert "internal error" not in result.stderr


def test_a_failed_send_names_the_smtp_server(small_project: Path):
    project = small_project
    # A bound socket that does not listen: connections to it are refused at once.
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
        write_config(project, extra=f'[smtp]\nhost = "127.0.0.1"\nport = {port}\n'
                                    'security = "none"\nretries = 0\n')
        assert run("build", cwd=project).returncode == 0
        result = run("send", cwd=project)
    assert result.returncode == 1
    assert f"failed: reader@example.com: SMTP server 127.0.0.1:{port}: " in result.stderr
    assert "refused" in result.stderr.lower()


def test_build_without_a_config_file_says_what_to_do(tmp_path: Path):
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == (f"digest: error: config file not found: {tmp_path / 'config.toml'}; "
                             "run `digest init` here or pass --config PATH\n")


def test_an_internal_error_exits_2_in_one_line_and_with_v_shows_the_traceback(small_project: Path):
    project = small_project
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DIGEST_FAIL_AT": "ingested"}

    def digest(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "digest", *args], cwd=project, env=env,
                              capture_output=True, text=True, timeout=120)

    plain = digest("build")
    assert plain.returncode == 2
    assert plain.stderr == ("digest: internal error: RuntimeError: fault injected at 'ingested' "
                            "(run with -v for details)\n")
    detailed = digest("build", "-v")
    assert detailed.returncode == 2
    assert "Traceback (most recent call last)" in detailed.stderr
    assert 'raise RuntimeError(f"fault injected at {name!r}")' in detailed.stderr
    assert not list((project / "outbox").glob("*/digest.html"))


def first_line(proc: subprocess.Popen, words: str) -> str:
    """The first stdout line of ``proc`` holding ``words`` (failing after 60 s without it)."""
    found: list[str] = []

    def read() -> None:
        for line in proc.stdout:
            if words in line:
                found.append(line)
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(60)
    if not found:
        proc.kill()
        raise AssertionError(f"no line with {words!r}; stderr: {proc.stderr.read()}")
    return found[0]


def interrupt(args: list[str], cwd: Path, ready: str) -> tuple[subprocess.Popen, str, str]:
    """Start ``digest ARGS``, wait until it prints ``ready``, then press Ctrl-C (SIGINT)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "digest", *args], cwd=cwd, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = first_line(proc, ready)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    return proc, line, err


def test_ctrl_c_ends_preview_with_exit_status_130(small_project: Path):
    project = small_project
    build(load(project / "config.toml"), now=datetime(2026, 11, 18, tzinfo=ZoneInfo("UTC")))
    proc, line, err = interrupt(["preview", "--no-browser", "--port", "0"], project, "Serving ")
    assert proc.returncode == 130, err
    assert err.endswith("digest: interrupted\n") and "Traceback" not in err
    base = line.split(" at ")[1].split(" ")[0]
    try:
        urllib.request.urlopen(base, timeout=5)
        raise AssertionError("the server still answers after Ctrl-C")
    except OSError:
        pass


def test_ctrl_c_ends_the_scheduler_with_exit_status_130(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    write_config(tmp_path)
    proc, _, err = interrupt(["schedule"], tmp_path, "next run due")
    assert proc.returncode == 130, err
    assert "received SIGINT" in err and err.endswith("digest: interrupted\n")


def test_preview_sends_text_files_as_utf8(served_week):
    project, port = served_week
    base = f"http://127.0.0.1:{port}/2026-W47/"
    for name, kind in (("digest.txt", "text/plain"), ("digest.md", "text/markdown"),
                       ("manifest.json", "application/json"), ("digest.html", "text/html")):
        with urllib.request.urlopen(base + name, timeout=10) as response:
            assert response.headers["Content-Type"] == f"{kind}; charset=utf-8", name
            body = response.read()
        assert body == (project / "outbox" / "2026-W47" / name).read_bytes()
    text = urllib.request.urlopen(base + "digest.txt", timeout=10).read().decode("utf-8")
    assert "AI 与金融市场周报" in text


def test_the_state_file_is_closed_on_leaving_its_with_block_even_on_an_error(tmp_path: Path):
    import sqlite3

    import pytest

    from digest.store.state import State

    with State(tmp_path / "state.sqlite3") as state:
        assert state.pending() == []
    with pytest.raises(sqlite3.ProgrammingError):
        state.pending()
    with pytest.raises(KeyError), State(tmp_path / "state.sqlite3", readonly=True) as again:
        raise KeyError("a failure inside the block")
    with pytest.raises(sqlite3.ProgrammingError):
        again.last_digest()
