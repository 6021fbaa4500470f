"""The size cap covers the whole message: both parts as they are sent, and the headers."""

from __future__ import annotations

import random
import re

from digest.config import load
from digest.run.pipeline import build

from .conftest import SEEDS, write_config


def test_a_large_week_gives_a_message_within_the_whole_message_budget(tmp_path):
    pool = [s for p in sorted(SEEDS.iterdir()) for s in re.split(r"(?<=[。！？])", p.read_text(encoding="utf-8"))
            if 20 <= len(s.strip()) <= 120 and "\n" not in s.strip()]
    rng = random.Random(5)
    articles = tmp_path / "articles"
    articles.mkdir()
    for n in range(400):
        body = "\n\n".join("".join(rng.sample(pool, 3)) for _ in range(3))
        (articles / f"a{n:03}.txt").write_text(f"第{n}号市场观察\n\n{body}\n", encoding="utf-8")
    # The HTML alone may take 100 KB; the whole message, 120 KB.
    write_config(tmp_path, digest_extra="max_items_per_theme = 200\nmessage_max_kb = 120\n")
    result = build(load(tmp_path / "config.toml"))
    eml = (result.folder / "digest.eml").read_bytes()
    assert len(eml) <= 120 * 1024
    html = (result.folder / "email.html").read_bytes()
    assert len(html) <= 100 * 1024
    # Capping the whole message is what cut it: the text part alone is large.
    assert "more in the web edition" in (result.folder / "email.html").read_text(encoding="utf-8")
