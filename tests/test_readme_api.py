"""The Python API as README.md documents it: its Python examples run as written."""

from __future__ import annotations

import re

import digest

from .conftest import ROOT, SMALL, write_small


def python_examples() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^```python\n(.*?)^```", text, re.S | re.M)


def test_the_documented_names_are_exported():
    from digest import build, load_config, summarize_text  # noqa: F401

    assert {"build", "load_config", "summarize_text"} <= set(digest.__all__)


def test_readme_python_examples_run_in_a_digest_folder(tmp_path, monkeypatch, capsys):
    examples = python_examples()
    assert examples and any("from digest import" in code for code in examples)
    # The folder a reader would run them in: a config.toml (no templates of their own)
    # and articles, and the article.txt an example summarises.
    write_small(tmp_path / "articles")
    (tmp_path / "config.toml").write_text('[sources]\nfolders = ["articles"]\n', encoding="utf-8")
    article = SMALL["rates.txt"]
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for code in examples:
        exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    lines = capsys.readouterr().out.splitlines()
    built = re.fullmatch(rf"Built (\S+): {len(SMALL)} article\(s\) in \d+ theme\(s\) -> (.+)\.", lines[0])
    assert built, lines[0]
    assert (tmp_path / "outbox" / built[1] / "digest.eml").is_file()
    [summary] = lines[1:]                             # one article: one summary and its keywords
    text, keywords = summary.split(" (", 1)
    assert text and all(sentence + "。" in article for sentence in text.split("。") if sentence)
    assert "美联储" in keywords or "降息" in keywords
