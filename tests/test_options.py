"""Options a user sets: `build --since`, `digest.web_url` for the email's "more" links, and
the unsubscribe headers `email.unsubscribe_url` gives (RFC 2369, and RFC 8058 one-click)."""

from __future__ import annotations

import email
import json
import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.config import load
from digest.run.pipeline import build

from .conftest import ROOT, SMALL, write_config, write_small

ZONE = ZoneInfo("Asia/Shanghai")
WEEK_47 = datetime(2026, 11, 18, 9, 0, tzinfo=ZONE)
WEEK_48 = datetime(2026, 11, 25, 9, 0, tzinfo=ZONE)
LATE = "英伟达发布新一代芯片\n\n英伟达周三发布新一代数据中心芯片，性能较上一代提升约30%。公司表示，新产品将于明年第一季度向云服务商供货。"


def titles(folder: Path) -> set[str]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return {a["title"] for a in manifest["articles"]}


def first_seen(config, when: dict[str, str]) -> None:
    """Say when each article (by title) was first seen, as the state file keeps it (UTC)."""
    with sqlite3.connect(config.state.file) as db:
        for title, moment in when.items():
            assert db.execute("UPDATE articles SET first_seen = ? WHERE title = ?",
                              (moment, title)).rowcount == 1


def title_of(name: str) -> str:
    return SMALL[name].split("\n", 1)[0]


def test_since_brings_back_articles_first_seen_from_that_local_day(tmp_path: Path):
    write_small(tmp_path / "articles", ["rates.txt", "gold.txt", "models.txt"])
    write_config(tmp_path)                                   # the schedule's zone: Asia/Shanghai
    config = load(tmp_path / "config.toml")
    first = build(config, now=WEEK_47)
    assert titles(first.folder) == {title_of(n) for n in ("rates.txt", "gold.txt", "models.txt")}
    first_seen(config, {
        title_of("rates.txt"): "2026-11-09T23:30:00+00:00",   # 10 November, 07:30 in Shanghai
        title_of("gold.txt"): "2026-11-10T15:59:59+00:00",    # 10 November, 23:59:59
        title_of("models.txt"): "2026-11-10T16:00:00+00:00",  # 11 November, 00:00
    })
    (tmp_path / "articles" / "late.txt").write_text(LATE, encoding="utf-8")

    plain = build(config, now=WEEK_48, dry_run=True)
    assert plain.articles == 1                               # only what is new
    later = build(config, now=WEEK_48, since=date(2026, 11, 11))
    assert later.period == "2026-W48"
    assert titles(later.folder) == {"英伟达发布新一代芯片", title_of("models.txt")}
    wider = build(config, now=WEEK_48, since=date(2026, 11, 10))
    assert titles(wider.folder) == titles(first.folder) | {"英伟达发布新一代芯片"}
    assert titles(first.folder) == {title_of(n) for n in ("rates.txt", "gold.txt", "models.txt")}


def test_build_since_on_the_command_line(small_project: Path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def digest(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "digest", "build", *args], cwd=small_project,
                              env=env, capture_output=True, text=True, timeout=120)

    built = build(load(small_project / "config.toml"))
    bad = digest("--since", "2026-13-01")
    assert bad.returncode == 2 and "--since" in bad.stderr and "YYYY-MM-DD" in bad.stderr
    again = digest("--dry-run", "--since", "2000-01-01")
    assert again.returncode == 0, again.stderr
    assert (f"Dry run: would build {built.period} with {built.articles} article(s)"
            in again.stdout.splitlines()[-1])


def test_capped_themes_link_to_the_web_edition_at_web_url(tmp_path: Path):
    articles = write_small(tmp_path / "articles")
    (articles / "foundry.txt").write_text(
        "台积电先进制程产能满载\n\n台积电表示，受人工智能芯片需求推动，三纳米制程产能已经满载，"
        "明年资本开支将继续增加。\n\n多家芯片设计公司正在排队等待产能，英伟达和苹果是其最大客户。\n",
        encoding="utf-8")
    (articles / "accelerator.txt").write_text(
        "超微推出新款AI加速芯片\n\n超微半导体发布新款人工智能加速芯片，主打大模型推理市场，"
        "内存容量领先同类产品。\n\n公司预计数据中心芯片业务收入明年将翻倍，股价盘后上涨5%。\n",
        encoding="utf-8")
    web = "https://news.example.com/digests/weekly.html"
    write_config(tmp_path, digest_extra=f'max_items_per_theme = 1\nweb_url = "{web}"\n')
    result = build(load(tmp_path / "config.toml"), now=WEEK_47)
    capped = [(key, count) for key, (_, _, count) in zip(theme_keys(result.folder), result.themes)
              if count > 1]
    assert capped, result.themes                             # the test needs a theme to cap
    email_html = (result.folder / "email.html").read_text(encoding="utf-8")
    web_html = (result.folder / "digest.html").read_text(encoding="utf-8")
    assert email_html.count('class="item"') == len(result.themes)
    assert web_html.count('class="item"') == result.articles
    for key, count in capped:
        link = f'<a href="{web}#{key}"'
        assert link in email_html
        more = email_html.split(link, 1)[1].split("</a>", 1)[0]
        assert f"{count - 1} more in the web edition" in more
        assert f'id="{key}"' in web_html                      # where the link lands
    assert email_html.count(f'href="{web}#') == len(capped)
    message = email.message_from_bytes((result.folder / "digest.eml").read_bytes(), policy=policy.default)
    html_part = next(p for p in message.iter_parts() if p.get_content_type() == "text/html")
    assert f'href="{web}#{capped[0][0]}"' in html_part.get_content()


def theme_keys(folder: Path) -> list[str]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return [t["key"] for t in manifest["themes"]]


@pytest.mark.parametrize("url, header, one_click", [
    ("https://news.example.com/unsubscribe?list=weekly", None, True),
    ("HTTPS://news.example.com/unsubscribe", None, True),           # the scheme in any case
    ("https://news.example.com/退订", "https://news.example.com/%E9%80%80%E8%AE%A2", True),
    ("http://news.example.com/unsubscribe?list=weekly", None, False),    # one-click needs HTTPS
    ("mailto:digest@example.com?subject=unsubscribe", None, False),
])
def test_unsubscribe_headers(tmp_path: Path, url: str, header: str | None, one_click: bool):
    write_small(tmp_path / "articles", ["gold.txt"])
    write_config(tmp_path, f'[email]\nunsubscribe_url = "{url}"\n')
    result = build(load(tmp_path / "config.toml"), now=WEEK_47)
    raw = (result.folder / "digest.eml").read_bytes()
    assert raw.isascii()                                     # no encoded word in the headers
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message.get_all("List-Unsubscribe") == [f"<{header or url}>"]
    if one_click:
        # RFC 8058: this exact value, beside a List-Unsubscribe holding an HTTPS URI.
        assert message.get_all("List-Unsubscribe-Post") == ["List-Unsubscribe=One-Click"]
    else:
        assert message["List-Unsubscribe-Post"] is None
    text_part = next(p for p in message.iter_parts() if p.get_content_type() == "text/plain")
    assert (header or url) in text_part.get_content()        # the footer's link
