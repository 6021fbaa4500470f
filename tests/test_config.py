"""Configuration: the shipped file loads, paths resolve, mistakes are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.config import load
from digest.errors import ConfigError

from .conftest import ROOT


def test_shipped_config_loads_with_every_section():
    config = load(ROOT / "config.toml")
    assert config.sources.folders == (ROOT / "seeds",)
    assert config.outbox.folder == ROOT / "outbox"
    assert config.schedule.timezone == "Asia/Shanghai" and config.schedule.send is False
    assert [t.key for t in config.themes] == ["ai-chips", "ai-models", "markets", "macro"]
    assert config.digest.templates == ROOT / "templates"


def test_defaults_apply_to_an_empty_file(tmp_path: Path):
    (tmp_path / "c.toml").write_text("")
    config = load(tmp_path / "c.toml")
    assert config.state.file == tmp_path / "state" / "digest.sqlite3"
    assert config.digest.summary_chars == 180


def test_an_empty_config_reads_the_folder_digest_init_creates(tmp_path: Path):
    from digest.init import SOURCE_FOLDER, init

    (tmp_path / "c.toml").write_text("")
    assert load(tmp_path / "c.toml").sources.folders == (tmp_path / SOURCE_FOLDER,)
    made = init(tmp_path / "new")
    assert load(made.config).sources.folders == (made.sources,) == (tmp_path / "new" / "articles",)


@pytest.mark.parametrize("text, words", [
    ("[digest]\nsumary_chars = 100\n", "digest.sumary_chars"),
    ("[digest]\nsummary_chars = '100'\n", "'digest.summary_chars' must be int"),
    ("[schedule]\ntime = '25:00'\n", "schedule.time"),
    ("[schedule]\ntimezone = 'Mars/Olympus'\n", "schedule.timezone"),
    ("[schedule]\ndays = ['someday']\n", "schedule.days"),
    ("[sources]\nfolders = 'seeds'\n", "'sources.folders' must be a list"),
    ("[nonsense]\n", "unknown section or key 'nonsense'"),
    ("[[themes]]\nkey = 'a'\nzh = '甲'\nen = 'A'\n", "themes[0] is missing 'terms'"),
    ("not toml = = =", "not valid TOML"),
])
def test_mistakes_are_reported_by_key(tmp_path: Path, text: str, words: str):
    (tmp_path / "c.toml").write_text(text)
    with pytest.raises(ConfigError, match=None) as caught:
        load(tmp_path / "c.toml")
    assert words in str(caught.value)


def test_missing_file(tmp_path: Path):
    with pytest.raises(ConfigError, match="not found"):
        load(tmp_path / "absent.toml")


def test_readme_and_shipped_config_document_every_key():
    import dataclasses
    import re

    from digest.config import ARRAYS, SECTIONS

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = "\n".join(line for line in readme.splitlines() if line.startswith("| `"))
    shipped = (ROOT / "config.toml").read_text(encoding="utf-8")
    for section, cls in SECTIONS.items():
        for f in dataclasses.fields(cls):
            assert f"`{section}.{f.name}`" in table, f"README lacks {section}.{f.name}"
            assert re.search(rf"^#?\s*{f.name} = ", shipped, re.M), f"config.toml lacks {section}.{f.name}"
    for name, (cls, _) in ARRAYS.items():
        assert f"`[[{name}]]`" in table
        row = next(line for line in table.splitlines() if f"`[[{name}]]`" in line)
        for f in dataclasses.fields(cls):
            assert f"`{f.name}`" in row, f"README's [[{name}]] row lacks {f.name}"


@pytest.mark.parametrize("text, key", [
    ('[email]\nsender = "A <a@example.com>\\r\\nBcc: all@example.com"\n', "email.sender"),
    ('[email]\nrecipients = ["a@example.com\\nBcc: b@example.com"]\n', "email.recipients[0]"),
    ('[email]\nrecipients = [{address = "a@example.com", script = "hant\\r"}]\n', "email.recipients[0]"),
    ('[digest]\ntitle_en = "Weekly\\r\\nX-Evil: 1"\n', "digest.title_en"),
    ('[email]\nreply_to = "r@example.com\\n"\n', "email.reply_to"),
    ("[sources]\nmax_file_mb = nan\n", "sources.max_file_mb"),
    ("[sources]\nmax_file_mb = inf\n", "sources.max_file_mb"),
    ("[sources]\nmax_file_mb = 100000\n", "sources.max_file_mb"),
    ("[smtp]\ntimeout_seconds = 0\n", "smtp.timeout_seconds"),
    ("[smtp]\ntimeout_seconds = -1\n", "smtp.timeout_seconds"),
    ("[smtp]\ntimeout_seconds = nan\n", "smtp.timeout_seconds"),
    ("[smtp]\nport = 70000\n", "smtp.port"),
    ("[smtp]\nport = 0\n", "smtp.port"),
    ("[schedule]\nmisfire_grace_hours = -1\n", "schedule.misfire_grace_hours"),
    ("[schedule]\nmisfire_grace_hours = inf\n", "schedule.misfire_grace_hours"),
    ("[translate]\ntimeout_seconds = 0\n", "translate.timeout_seconds"),
    ("[email]\nrecipients = []\n", "email.recipients"),
    ('[email]\nrecipients = ["not an address"]\n', "email.recipients[0]"),
    ('[email]\nrecipients = ["a@example.com", "A@example.com"]\n', "email.recipients"),
    ('[email]\nrecipients = [{address = "a@example.com", script = "latin"}]\n', "email.recipients[0].script"),
    ('[email]\nunsubscribe_url = "javascript:alert(1)"\n', "email.unsubscribe_url"),
    ('[digest]\nweb_url = "data:text/html,x"\n', "digest.web_url"),
    ('[[themes]]\nkey = "x\\" onmouseover=\\"alert(1)"\nzh = "z"\nen = "e"\nterms = ["t"]\n', "themes[0].key"),
])
def test_values_that_would_fail_later_are_refused_at_load_naming_the_key(tmp_path: Path, text, key):
    (tmp_path / "c.toml").write_text(text)
    with pytest.raises(ConfigError) as error:
        load(tmp_path / "c.toml")
    assert f"'{key}" in str(error.value)


@pytest.mark.parametrize("sender", ["a@example.com", "AI 摘要 <a@example.com>",
                                    '"Doe, Jane" <a@example.com>'])
def test_a_single_sender_with_or_without_a_name_is_taken(tmp_path: Path, sender: str):
    (tmp_path / "c.toml").write_text(f"[email]\nsender = '{sender}'\n", encoding="utf-8")
    assert load(tmp_path / "c.toml").email.sender == sender


def test_recipients_may_name_the_script_they_read(tmp_path: Path):
    (tmp_path / "c.toml").write_text(
        '[email]\nrecipients = ["a@example.com", {address = "b@example.com", script = "hk"}]\n')
    recipients = load(tmp_path / "c.toml").email.recipients
    assert [(r.address, r.script) for r in recipients] == [("a@example.com", None), ("b@example.com", "hk")]


def test_the_default_themes_are_the_shipped_configs():
    import tomllib

    from digest.config import DEFAULT_THEMES

    for path in (ROOT / "config.toml", ROOT / "digest" / "data" / "config.toml"):
        shipped = tomllib.loads(path.read_text(encoding="utf-8"))["themes"]
        assert [(t["key"], t["zh"], t["en"], tuple(t["terms"])) for t in shipped] == \
            [(t.key, t.zh, t.en, t.terms) for t in DEFAULT_THEMES]
