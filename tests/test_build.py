"""The whole build, end to end, on the real seed files in a temporary project."""

from __future__ import annotations

import email
import json
import re
import sqlite3
from datetime import datetime
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.config import load
from digest.run.pipeline import build
from digest.text.script import convert

NOW = datetime(2026, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.endswith(".lock")}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One real build of the five seed files (module-wide: it is the slow part)."""
    import shutil

    from .conftest import SEEDS, write_config

    root = tmp_path_factory.mktemp("project")
    shutil.copytree(SEEDS, root / "articles")
    write_config(root)
    config = load(root / "config.toml")
    result = build(config, now=NOW)
    return config, result


def test_build_writes_every_file(built):
    config, result = built
    assert result.period == "2026-W47"
    assert result.folder == config.outbox.folder / "2026-W47"
    names = sorted(p.name for p in result.folder.iterdir())
    assert names == ["digest.eml", "digest.html", "digest.md", "digest.txt", "email.html",
                     "manifest.json"]


def test_digest_holds_every_article_once_under_a_theme(built):
    _, result = built
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["articles"]) == result.articles == result.new_articles > 0
    in_themes = [a for t in manifest["themes"] for a in t["articles"]]
    assert sorted(in_themes) == sorted(a["id"] for a in manifest["articles"])
    markdown = (result.folder / "digest.md").read_text(encoding="utf-8")
    for article in manifest["articles"]:
        assert article["id"] in in_themes
    assert markdown.count("\n### ") == result.articles


def test_manifest_checksums_match_files(built):
    import hashlib

    _, result = built
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((result.folder / name).read_bytes()).hexdigest() == digest


def test_html_has_all_styles_inline(built):
    _, result = built
    import re

    html = (result.folder / "email.html").read_text(encoding="utf-8")
    # Only media queries (mobile width, dark mode) may stay in a <style> block.
    for block in re.findall(r"<style[^>]*>(.*?)</style>", html, re.S):
        outside = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", block)
        assert outside.strip() == "", outside
    assert "@media only screen and (max-width: 620px)" in html
    assert "prefers-color-scheme: dark" in html
    assert 'style="' in html and "font-family" in html
    assert 'width="600"' in html
    assert 'lang="zh-Hans"' in html and 'lang="en"' in html
    assert "Not investment advice" in html


def test_eml_is_multipart_alternative_utf8(built):
    config, result = built
    message = email.message_from_bytes((result.folder / "digest.eml").read_bytes(),
                                       policy=policy.default)
    assert message.get_content_type() == "multipart/alternative"
    parts = {p.get_content_type(): p for p in message.iter_parts()}
    assert set(parts) == {"text/plain", "text/html"}
    assert all(p.get_content_charset() == "utf-8" for p in parts.values())
    assert "AI 与金融市场周报" in message["Subject"] and "AI & Markets Weekly" in message["Subject"]
    assert message["From"] == config.email.sender
    assert re.fullmatch(r"<digest\.2026-W47\.[0-9a-f]{16}@example\.com>", message["Message-ID"])
    assert "英伟达" in parts["text/plain"].get_content()


def test_second_build_reports_nothing_new_and_writes_nothing(built):
    config, _ = built
    root = config.root
    before = snapshot(root)
    again = build(config, now=NOW)
    assert not again.built and "Nothing new" in again.message
    assert snapshot(root) == before


def test_rebuild_and_dry_run(built):
    config, first = built
    dry = build(config, now=NOW, dry_run=True, rebuild=True)
    assert dry.dry_run and dry.articles == first.articles and dry.folder is None
    redone = build(config, now=NOW, rebuild=True)
    assert redone.articles == first.articles and redone.folder == first.folder


def test_state_records_files_articles_and_digest(built):
    config, result = built
    db = sqlite3.connect(config.state.file)
    files = sum(1 for p in config.sources.folders[0].rglob("*") if p.is_file())
    assert db.execute("SELECT count(*) FROM files WHERE status = 'included'").fetchone()[0] == files
    assert db.execute("SELECT count(*) FROM articles WHERE period = '2026-W47'").fetchone()[0] == result.articles
    assert db.execute("SELECT period FROM digests").fetchall() == [("2026-W47",)]


def test_new_and_bad_files_are_recorded_and_the_rest_goes_on(project: Path):
    config = load(project / "config.toml")
    first = build(config, now=NOW)
    articles = project / "articles"
    (articles / "empty.txt").write_bytes(b"")
    (articles / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    (articles / "notes.docx").write_bytes(b"PK\x03\x04")
    original = (articles / "003_1920a2aec77360db.txt").read_text(encoding="utf-8")
    simplified = convert(original, "hans")
    assert simplified != original
    (articles / "copy-in-simplified.txt").write_text(simplified, encoding="utf-8")
    (articles / "new.md").write_text(
        "# 美联储降息\n\n美联储周三宣布降息25个基点，这是今年第三次降息，市场普遍预期经济增长放缓。"
        "\n\n分析人士认为，降息将支撑美股估值，科技股有望继续上涨。", encoding="utf-8")
    result = build(config, now=NOW)
    assert result.new_articles == 1 and result.articles == first.articles + 1
    problems = {Path(o.source).name: (o.status, o.reason) for o in result.problems}
    assert problems["empty.txt"] == ("skipped", "empty file")
    assert problems["image.txt"][0] == "skipped" and "binary" in problems["image.txt"][1]
    assert problems["notes.docx"][0] == "skipped" and "unsupported" in problems["notes.docx"][1]
    assert problems["copy-in-simplified.txt"][0] == "skipped"
    assert "duplicate" in problems["copy-in-simplified.txt"][1]


def test_markup_in_articles_never_reaches_the_output_as_markup(project: Path):
    hostile = project / "articles" / "hostile.md"
    hostile.write_text(
        "# 英伟达<script>alert(1)</script>股价[点我](javascript:alert(2))\n\n"
        "英伟达股价大跌17%，<img src=x onerror=alert(3)>市场恐慌情绪蔓延，投资者纷纷抛售芯片股。\n\n"
        "分析人士认为，芯片股估值过高是下跌的主要原因，**短期内**仍有调整压力。\n", encoding="utf-8")
    (project / "articles" / "hostile.txt").write_text(
        "芯片股<script>alert(4)</script>暴跌 [点我](javascript:alert(5))\n\n"
        "<b>黄金</b>价格本周上涨3.5%，<a href=\"javascript:alert(6)\">逼近</a>每盎司4000美元关口，避险需求升温。\n\n"
        "分析人士认为，美联储降息预期是推动金价上涨的主要原因，短期内仍有上行空间。\n", encoding="utf-8")
    result = build(load(project / "config.toml"), now=NOW)
    html = (result.folder / "digest.html").read_text(encoding="utf-8")
    markdown_text = (result.folder / "digest.md").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in html  # shown as text, escaped
    assert "<script" not in html and "<img" not in html and "onerror" not in html
    assert '<a href="javascript' not in html and "<b>" not in html
    import markdown

    rendered = markdown.markdown(markdown_text)
    assert "<script" not in rendered and "<img" not in rendered and '<a href="javascript' not in rendered
    assert "&lt;script&gt;" in rendered


def test_each_edition_is_wholly_in_its_own_script(project: Path):
    text = (project / "config.toml").read_text()
    (project / "config.toml").write_text(text.replace("[digest]\n", '[digest]\nscript = "hant"\neditions = ["hans"]\n'))
    result = build(load(project / "config.toml"), now=NOW)
    traditional = (result.folder / "digest.md").read_text(encoding="utf-8")
    simplified = (result.folder / "digest.hans.md").read_text(encoding="utf-8")
    # one name per company per edition: the Traditional edition writes the glossary's own form
    assert "輝達" in traditional and "英偉達" not in traditional
    assert "英伟达" in simplified and "辉达" not in simplified
    assert convert(traditional, "hant") == traditional
    assert convert(simplified, "hans") == simplified
    for name in ("digest.hans.html", "digest.hans.txt"):
        body = (result.folder / name).read_text(encoding="utf-8")
        assert convert(body, "hans") == body
    html = (result.folder / "digest.html").read_text(encoding="utf-8")
    assert 'lang="zh-Hant"' in html


def test_email_is_capped_to_its_size_budget_and_the_web_edition_keeps_everything(tmp_path: Path, caplog):
    from .conftest import write_config, write_market_week

    write_market_week(tmp_path / "articles", 500, seed=47)
    write_config(tmp_path)
    with caplog.at_level("WARNING"):
        result = build(load(tmp_path / "config.toml"), now=NOW)
    assert result.articles == 500
    email_html = (result.folder / "email.html").read_bytes()
    web = (result.folder / "digest.html").read_text(encoding="utf-8")
    assert len(email_html) <= 100 * 1024
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    stories = sum(a["shown"] for a in manifest["articles"])
    assert len(manifest["articles"]) == 500 and stories > 100
    # Every story once in the web edition (an entry of a theme, or a line of the closing
    # section), besides the top stories that open it.
    entries = web.count('class="item"') + web.count("<li>") - len(manifest["top_stories"])
    assert entries == stories
    assert email_html.decode().count('class="item"') + email_html.decode().count("<li>") < stories
    assert "more in the web edition" in email_html.decode()
    assert any("more are in the web edition" in r.message for r in caplog.records)
    message = email.message_from_bytes((result.folder / "digest.eml").read_bytes(), policy=policy.default)
    html_part = next(p for p in message.iter_parts() if p.get_content_type() == "text/html")
    assert len(html_part.get_content().encode()) <= 100 * 1024


def test_a_broken_template_is_named_and_nothing_is_written(project: Path):
    import dataclasses
    import shutil

    from digest.errors import DigestError

    from .conftest import ROOT

    shutil.copytree(ROOT / "templates", project / "mine")
    (project / "mine" / "digest.txt.j2").write_text("{{ d.period }\n", encoding="utf-8")
    config = load(project / "config.toml")
    config = dataclasses.replace(config, digest=dataclasses.replace(
        config.digest, templates=project / "mine"))
    with pytest.raises(DigestError, match=r"template digest.txt.j2 line 1"):
        build(config)
    assert not list((project / "outbox").glob("*/*"))
    db = sqlite3.connect(config.state.file)
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (0,)   # nothing recorded


def test_a_process_pool_gives_the_same_digest(tmp_path: Path, monkeypatch):
    import shutil

    from digest.store import workers

    from .conftest import SEEDS, write_config

    from digest.output import render

    used = []

    class Watched(workers.Background):
        def result(self):
            value = super().result()
            used.append(self.apart)
            return value

    monkeypatch.setattr(workers, "Background", Watched)
    digests = []
    for jobs in (1, 2):
        folder = tmp_path / f"jobs{jobs}"
        shutil.copytree(SEEDS, folder / "articles")
        write_config(folder)
        monkeypatch.setattr(workers, "PAYS_FROM", 0)
        monkeypatch.setattr(workers, "CHUNK", 3)
        monkeypatch.setattr(render, "APART_FROM", 1)       # the text view in a second process
        result = build(load(folder / "config.toml"), now=datetime(2026, 11, 18, tzinfo=ZoneInfo("UTC")),
                       jobs=jobs)
        digests.append({name: (result.folder / name).read_text(encoding="utf-8")
                        for name in ("digest.md", "digest.txt", "digest.html", "email.html")})
    assert digests[0] == digests[1] and "英伟达" in digests[0]["digest.txt"]
    assert used == [False, True]        # the second build's text view came from its child

