"""The `digest` command as a user runs it: subprocesses, real files, exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from digest.cli import EXAMPLES, main

from .conftest import ROOT, SEEDS, SMALL


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "digest", *args], cwd=cwd, input=stdin,
                          capture_output=True, text=True, timeout=120, env=env)


@pytest.mark.parametrize("command", sorted(EXAMPLES))
def test_every_command_has_help_ending_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    lines = capsys.readouterr().out.rstrip().splitlines()
    example = lines[lines.index("example:") + 1:]
    assert example and all(line.startswith("  ") and "digest " + command in line for line in example[:1])
    assert lines[-1] == example[-1]


def test_build_then_nothing_new_then_status(small_project: Path):
    project = small_project
    first = run("build", cwd=project)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Built 20") and f"{len(SMALL)} article(s)" in first.stdout
    assert first.stderr == ""  # no terminal: no progress, only the one-line result
    second = run("build", cwd=project)
    assert second.returncode == 0 and "Nothing new" in second.stdout
    (project / "articles" / "empty.txt").write_bytes(b"")
    run("build", cwd=project)
    status = run("status", cwd=project)
    assert status.returncode == 0
    assert "pending articles: 0" in status.stdout
    assert "skipped" in status.stdout and "empty.txt: empty file" in status.stdout
    assert "next scheduled run: " in status.stdout


def test_errors_are_one_line_without_traceback(tmp_path: Path):
    (tmp_path / "config.toml").write_text("[digest]\nscript = 'klingon'\n")
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("digest: error: 'digest.script' must be one of")
    assert "Traceback" not in result.stderr
    missing = run("build", "--config", "nope.toml", cwd=tmp_path)
    assert missing.returncode == 1 and "config file not found" in missing.stderr


def test_summarize_file_and_stdin(tmp_path: Path):
    text = (SEEDS / "003_1920a2aec77360db.txt").read_text(encoding="utf-8")
    from_stdin = run("summarize", "-", "--chars", "120", cwd=tmp_path, stdin=text)
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert "DeepSeek" in from_stdin.stdout
    from_file = run("summarize", str(SEEDS / "003_1920a2aec77360db.txt"), "--chars", "120",
                    cwd=tmp_path)
    assert from_file.stdout == from_stdin.stdout


def test_dry_run_writes_nothing(small_project: Path):
    project = small_project
    result = run("build", "--dry-run", cwd=project)
    assert result.returncode == 0 and result.stdout.rstrip().splitlines()[-1].startswith("Dry run")
    assert not (project / "outbox").exists()
    assert not (project / "state" / "digest.sqlite3").exists()


def test_summarize_one_sentence_skips_the_headline_and_dateline(tmp_path: Path):
    text = ("美联储宣布降息25个基点\n\n新华社华盛顿12月10日电(记者 王明)美国联邦储备委员会10日宣布降息25个基点。"
            "这是美联储今年第三次降息。\n\n分析人士认为，降息有助于支撑美股估值。")
    one = run("summarize", "-", "--sentences", "1", cwd=tmp_path, stdin=text)
    assert one.returncode == 0, one.stderr
    assert one.stdout == "美国联邦储备委员会10日宣布降息25个基点。\n"
    bad = run("summarize", "-", "--sentences", "0", cwd=tmp_path, stdin=text)
    assert bad.returncode == 1 and "--sentences must be at least 1" in bad.stderr


def readme_examples() -> list[tuple[list[str], str]]:
    """Each `$ digest summarize seeds/...` line in README.md with the output shown under it."""
    examples = []
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("$ digest summarize seeds/"):
            shown = []
            for after in lines[i + 1:]:
                if after.startswith("$") or after.startswith("```"):
                    break
                shown.append(after)
            examples.append((line[2:].split()[1:], "\n".join(shown) + "\n"))
    return examples


def test_readme_summarize_examples_print_what_readme_shows(tmp_path: Path):
    examples = readme_examples()
    assert len(examples) >= 2
    for args, shown in examples:
        result = run(*[str(ROOT / a) if a.startswith("seeds/") else a for a in args], cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout == shown, args


def test_verbose_works_before_the_command_as_after_it(tmp_path: Path):
    from digest.cli import _parser

    from .conftest import write_config

    for args, level in ((["-v", "send"], 1), (["send", "-v"], 1), (["-vv", "build"], 2),
                        (["-v", "build", "-v"], 1), (["status"], 0)):
        assert _parser().parse_args(args).verbose == level, args
    (tmp_path / "articles").mkdir()
    write_config(tmp_path)
    for args in (("-v", "status"), ("status", "-v"), ("-v", "build", "--dry-run")):
        done = run(*args, cwd=tmp_path)
        assert done.returncode == 0, done.stderr


def test_a_closed_output_pipe_ends_quietly(small_project: Path):
    project = small_project
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    status = subprocess.Popen([sys.executable, "-m", "digest", "status"], cwd=project, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    status.stdout.close()                 # as `digest status | head -0` does
    _, err = status.communicate(timeout=120)
    assert status.returncode == 0 and err == b""


def test_a_build_from_cron_quietens_the_log_for_its_own_call_only(small_project, monkeypatch):
    import logging

    monkeypatch.chdir(small_project)
    root = logging.getLogger()
    before = root.level
    assert main(["build"]) == 0                      # no terminal: only the result and errors
    assert root.level == before
