"""An article's date in the manifest is the date it prints, never the file's time."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.config import load
from digest.run.pipeline import build

NOW = datetime(2026, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_an_undated_file_says_not_printed_in_the_manifest(project: Path):
    undated = project / "articles" / "undated.md"
    undated.write_text("# 美联储降息\n\n美联储周三宣布降息25个基点，这是今年第三次降息，市场普遍预期经济增长放缓。"
                       "\n\n分析人士认为，降息将支撑美股估值，科技股有望继续上涨。", encoding="utf-8")
    stamp = NOW.timestamp() - 3600
    os.utime(undated, (stamp, stamp))
    result = build(load(project / "config.toml"), now=NOW)
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    (entry,) = [a for a in manifest["articles"] if a["title"] == "美联储降息"]
    assert entry["published"] == "not printed"
