"""Check that every gold string of gold.json is in its page's visible text.

Titles, first and last sentences, authors and dates are compared with all
whitespace removed. Prints the misses and exits non-zero when there is one.

Usage: python bench/pages_more/check.py [folder]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from visible import squash, visible_text  # noqa: E402

CHARSET = re.compile(rb"charset\s*=\s*[\"']?([\w-]+)", re.I)


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        found = CHARSET.search(data[:4000])
        name = found.group(1).decode() if found else "gb18030"
        if name.lower() in ("gb2312", "gbk"):
            name = "gb18030"
        return data.decode(name, "replace")


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    misses = 0
    for page in gold:
        text = squash(visible_text(decode((folder / page["file"]).read_bytes())))
        for field in ("title", "first", "last", "author", "date"):
            value = page.get(field)
            for part in (value or "").split():
                if squash(part) not in text:
                    misses += 1
                    print(f"{page['file']}: {field} {part!r} not in the visible text")
    print(f"{len(gold)} pages, {misses} gold string(s) missing")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
