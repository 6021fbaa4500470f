"""Installable anywhere: packaged default templates, a user's overrides, `digest init`,
and a fresh install outside the checkout."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import venv
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.config import load
from digest.init import default_config
from digest.run.pipeline import build
from digest.output.render import default_templates

from .conftest import ROOT, SEEDS
from .test_cli import run

WEEK = datetime(2026, 11, 18, tzinfo=ZoneInfo("UTC"))


def built_with_templates(project: Path, templates: Path) -> Path:
    config = load(project / "config.toml")
    config = dataclasses.replace(config, digest=dataclasses.replace(config.digest,
                                                                     templates=templates))
    return build(config, now=WEEK).folder


def test_without_a_templates_folder_the_package_defaults_are_used(project: Path):
    folder = built_with_templates(project, project / "no-such-folder")
    assert "AI 与金融市场周报" in (folder / "email.html").read_text(encoding="utf-8")
    assert "AI 与金融市场周报" in (folder / "digest.txt").read_text(encoding="utf-8")


def test_a_users_template_overrides_its_default_file_by_file(project: Path):
    mine = project / "templates"
    mine.mkdir()
    (mine / "digest.txt.j2").write_text("MY DIGEST {{ d.period }}: {{ articles }} articles\n",
                                        encoding="utf-8")
    (mine / "digest.css").write_text(
        (default_templates() / "digest.css").read_text(encoding="utf-8").replace("#12355b", "#7a1f1f"),
        encoding="utf-8")
    folder = built_with_templates(project, mine)
    assert (folder / "digest.txt").read_text(encoding="utf-8").startswith("MY DIGEST 2026-W47: ")
    email_html = (folder / "email.html").read_text(encoding="utf-8")
    assert "#7a1f1f" in email_html and "#12355b" not in email_html     # the user's CSS ...
    assert "AI 与金融市场周报" in email_html                               # ... in the default page
    assert "## " in (folder / "digest.md").read_text(encoding="utf-8")    # default Markdown


def test_the_package_ships_the_projects_templates_and_documented_config():
    assert default_templates() == ROOT / "templates"     # a checkout: one copy, shipped as is
    project_config = (ROOT / "config.toml").read_text(encoding="utf-8")
    assert default_config() == project_config.replace('folders = ["seeds"]', 'folders = ["articles"]')
    assert 'folders = ["articles"]' in default_config()


def test_init_writes_config_sources_and_templates_and_never_overwrites(tmp_path: Path):
    target = tmp_path / "new" / "digest"
    done = run("init", str(target), "--templates", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "`digest build`" in done.stdout
    assert (target / "config.toml").read_text(encoding="utf-8") == default_config()
    assert (target / "articles").is_dir() and not list((target / "articles").iterdir())
    shipped = sorted(p.name for p in default_templates().iterdir())
    assert sorted(p.name for p in (target / "templates").iterdir()) == shipped
    for name in shipped:
        assert (target / "templates" / name).read_bytes() == (default_templates() / name).read_bytes()
    assert load(target / "config.toml").sources.folders == (target / "articles",)

    (target / "config.toml").write_text("# mine\n", encoding="utf-8")
    again = run("init", cwd=target)
    assert again.returncode == 1
    assert again.stderr == (f"digest: error: {target / 'config.toml'} already exists; nothing "
                            "was written (edit it, or run `digest init` in another folder)\n")
    assert (target / "config.toml").read_text(encoding="utf-8") == "# mine\n"


def test_init_templates_in_a_set_up_folder_adds_the_missing_ones_and_leaves_the_rest(tmp_path: Path):
    assert run("init", cwd=tmp_path).returncode == 0
    (tmp_path / "config.toml").write_text("# mine\n", encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "digest.css").write_text("/* mine */\n", encoding="utf-8")
    added = run("init", "--templates", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert "left as it was" in added.stdout and "digest.css" not in added.stdout
    assert (tmp_path / "config.toml").read_text(encoding="utf-8") == "# mine\n"
    assert (tmp_path / "templates" / "digest.css").read_text(encoding="utf-8") == "/* mine */\n"
    shipped = sorted(p.name for p in default_templates().iterdir())
    assert sorted(p.name for p in (tmp_path / "templates").iterdir()) == shipped
    for name in set(shipped) - {"digest.css"}:
        assert (tmp_path / "templates" / name).read_bytes() == (default_templates() / name).read_bytes()
    again = run("init", "--templates", cwd=tmp_path)
    assert again.returncode == 1 and "already holds every template" in again.stderr


@pytest.mark.slow
def test_a_fresh_install_outside_the_checkout_inits_and_builds(tmp_path: Path):
    """`pip install <checkout>` into a new virtual environment, then `digest init` and
    `digest build` in an empty folder. About 30 s: pip installs every dependency (from
    its cache and the configured index) and the build loads the segmenter once."""
    # A copy of the checkout's sources, so that pip's build leaves nothing in the checkout.
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT, checkout, ignore=shutil.ignore_patterns(
        ".git", ".venv", "__pycache__", "*.egg-info", "build", "outbox", "state", ".pytest_cache"))
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / "bin"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{bindir}{os.pathsep}{env.get('PATH', '')}"
    installed = subprocess.run([bindir / "python", "-m", "pip", "install", "-q", str(checkout)],
                               capture_output=True, text=True, timeout=600, env=env)
    assert installed.returncode == 0, installed.stderr[-3000:]

    home = tmp_path / "my digest"
    home.mkdir()

    def digest(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([bindir / "digest", *args], cwd=home, capture_output=True, text=True,
                              timeout=300, env=env)

    init = digest("init")
    assert init.returncode == 0, init.stderr
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, home / "articles")
    built = digest("build")
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("Built "), built.stdout
    assert not (home / "templates").exists()
    (folder,) = (home / "outbox").iterdir()
    assert "AI 与金融市场周报" in (folder / "email.html").read_text(encoding="utf-8")
    assert (folder / "digest.eml").stat().st_size > 0
    # The installed package is the one just built, not the checkout, with its templates.
    where = subprocess.run([bindir / "python", "-c", "from digest.output.render import default_templates "
                            "as d; print(d())"], cwd=home, capture_output=True, text=True,
                           timeout=60, env=env)
    packaged = Path(where.stdout.strip())
    assert packaged.is_relative_to(env_dir) and packaged.name == "templates", where.stderr
    for template in (ROOT / "templates").iterdir():
        assert (packaged / template.name).read_bytes() == template.read_bytes()
