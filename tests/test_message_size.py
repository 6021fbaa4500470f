"""The size cap covers the whole message: both parts as they are sent, and the headers."""

from __future__ import annotations

from digest.config import load
from digest.run.pipeline import build

from .conftest import write_config, write_market_week


def test_a_large_week_gives_a_message_within_the_whole_message_budget(tmp_path):
    write_market_week(tmp_path / "articles", 400, seed=5)
    # The HTML alone may take 100 KB; the whole message, 120 KB.
    write_config(tmp_path, digest_extra="max_items_per_theme = 200\nmessage_max_kb = 120\n")
    result = build(load(tmp_path / "config.toml"))
    eml = (result.folder / "digest.eml").read_bytes()
    assert len(eml) <= 120 * 1024
    html = (result.folder / "email.html").read_bytes()
    assert len(html) <= 100 * 1024
    # Capping the whole message is what cut it: the text part alone is large.
    assert "more in the web edition" in (result.folder / "email.html").read_text(encoding="utf-8")
