"""What a reader sees, pinned: the files of a digest built from a small fixed set of articles.

The build uses a fixed clock and fixed file times, so nothing in these files should
change unless the program's output does; the few fields that name the machine
(folder paths) are masked. To accept a change on purpose, run

    DIGEST_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import shutil
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.config import load
from digest.run.pipeline import build

from .conftest import FIXTURES, SEEDS, write_config

GOLDEN = Path(__file__).resolve().parent / "golden"
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
FILE_TIME = NOW.timestamp() - 86_400
INPUTS = [SEEDS / "000_6ab68325297169c1.txt", SEEDS / "003_1920a2aec77360db.txt",
          FIXTURES / "pages" / "saved_page.html", FIXTURES / "feeds" / "full_content.xml"]
FILES = ("digest.md", "digest.txt", "email.html", "digest.eml")


def masked_eml(data: bytes) -> str:
    """The message as a reader's mail program shows it: headers, then each part decoded."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    lines = [f"{name}: {value}" for name, value in message.items()
             if name.lower() not in ("content-type", "mime-version")]
    for part in message.walk():
        if part.is_multipart():
            continue
        lines += ["", f"--- {part.get_content_type()} ---", part.get_content().rstrip()]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("golden")
    (folder / "articles").mkdir()
    for path in INPUTS:
        copy = folder / "articles" / path.name
        shutil.copyfile(path, copy)
        os.utime(copy, (FILE_TIME, FILE_TIME))
    write_config(folder)
    result = build(load(folder / "config.toml"), now=NOW, jobs=1)
    assert result.folder is not None
    return result.folder


@pytest.mark.parametrize("name", FILES)
def test_digest_file_matches_its_golden_copy(built: Path, name: str):
    data = (built / name).read_bytes()
    text = masked_eml(data) if name.endswith(".eml") else data.decode("utf-8")
    text = text.replace("\r\n", "\n").replace(str(built.parent), "<PROJECT>")
    text = re.sub(r"file://\S*?/golden\d*/", "file://<PROJECT>/", text)
    golden = GOLDEN / (name + ".golden")
    if os.environ.get("DIGEST_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.is_file(), f"no golden copy yet: run with DIGEST_UPDATE_GOLDEN=1 ({golden})"
    assert text == golden.read_text(encoding="utf-8")
