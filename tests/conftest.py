"""Shared fixtures: a throw-away project folder with real seed files."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def write_config(folder: Path, extra: str = "", sources: str = "articles",
                 sources_extra: str = "", digest_extra: str = "") -> Path:
    """A config.toml in ``folder`` using the project's real templates.

    ``sources_extra`` and ``digest_extra`` add keys to [sources] and [digest]; ``extra``
    adds whole tables.
    """
    path = folder / "config.toml"
    path.write_text(
        f'[sources]\nfolders = ["{sources}"]\n{sources_extra}'
        f'[outbox]\nfolder = "outbox"\n'
        f'[state]\nfile = "state/digest.sqlite3"\n'
        f'[digest]\ntemplates = "{(ROOT / "templates").as_posix()}"\n{digest_extra}' + extra,
        encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding config.toml and a copy of the five seed files in articles/."""
    shutil.copytree(SEEDS, tmp_path / "articles")
    write_config(tmp_path)
    return tmp_path


@pytest.fixture
def config(project: Path):
    from digest.config import load

    return load(project / "config.toml")


# Small articles on different stories, for tests that need a digest but not the seeds.
SMALL = {
    "chips.txt": "英伟达发布新一代芯片\n\n英伟达周三发布新一代数据中心芯片，性能较上一代提升约30%。"
                 "公司表示，新产品将于明年第一季度向云服务商供货。\n\n"
                 "分析人士认为，云计算巨头的资本开支仍在增长，芯片需求短期内不会放缓。\n",
    "rates.txt": "美联储宣布降息25个基点\n\n美联储周三宣布将联邦基金利率下调25个基点，这是今年第三次降息。"
                 "声明称，就业市场降温，通胀压力有所缓和。\n\n"
                 "市场普遍预期经济增长放缓，美股三大指数收盘小幅上涨，美元指数走弱。\n",
    "gold.txt": "国际金价创下历史新高\n\n受避险需求推动，国际金价本周上涨3.5%，逼近每盎司4000美元关口。"
                "多国央行继续增持黄金储备。\n\n"
                "交易员表示，地缘政治风险和降息预期是金价上涨的主要原因，短期内仍有上行空间。\n",
    "models.txt": "国产大模型开源引发关注\n\n一家北京人工智能公司发布开源大模型，训练成本仅为同类产品的十分之一。"
                  "开发者社区下载量在一周内突破百万次。\n\n"
                  "业内人士指出，低成本模型将加速人工智能应用落地，也给海外竞争对手带来压力。\n",
}


def write_small(folder: Path, names=None) -> Path:
    """Write the small articles (all, or those named) into ``folder``; returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or SMALL:
        (folder / name).write_text(SMALL[name], encoding="utf-8")
    return folder


@pytest.fixture
def small_project(tmp_path: Path) -> Path:
    """A folder holding config.toml and the small articles in articles/."""
    write_small(tmp_path / "articles")
    write_config(tmp_path)
    return tmp_path


@pytest.fixture
def served_week(small_project: Path):
    """The small project built for week 2026-W47 and its outbox served by the preview
    server in this process: yields (project folder, port)."""
    import threading
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from digest.config import load
    from digest.run.pipeline import build
    from digest.preview import make_server

    config = load(small_project / "config.toml")
    build(config, now=datetime(2026, 11, 18, tzinfo=ZoneInfo("UTC")))
    server = make_server(config, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield small_project, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def shown_in_full(folder: Path) -> int:
    """How many articles a digest shows as full entries (a story once, at its best report;
    the closing section's one-line entries not counted), from its manifest."""
    import json

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    shown = {a["id"] for a in manifest["articles"] if a["shown"]}
    return sum(len(shown.intersection(t["articles"])) for t in manifest["themes"]
               if t["kind"] != "other")


def write_market_week(folder: Path, count: int, seed: int) -> Path:
    """``count`` different articles made of the seeds' sentences drawn at random (each a
    headline and three paragraphs of three sentences), written into ``folder``."""
    import random
    import re

    pool = [s for p in sorted(SEEDS.iterdir()) for s in re.split(r"(?<=[。！？])", p.read_text(encoding="utf-8"))
            if 20 <= len(s.strip()) <= 120 and "\n" not in s.strip()]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        body = "\n\n".join("".join(rng.sample(pool, 3)) for _ in range(3))
        (folder / f"a{n:03}.txt").write_text(f"第{n}号市场观察\n\n{body}\n", encoding="utf-8")
    return folder


@contextlib.contextmanager
def state_locked_by_another_program(path: Path):
    """Another program holding the state file's write lock for the length of the block."""
    import sqlite3

    other = sqlite3.connect(path)
    other.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        other.rollback()
        other.close()
