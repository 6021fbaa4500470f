"""Hostile-input benchmark: peak memory of a whole `digest build` given one huge article.

Inputs, made in a temporary folder from the public evaluation data in ../shared/eval/
(read there, never copied into the project):

- ``big-20mb.txt``: a text file just under the default 20 MB limit (paragraphs of real
  articles, repeated with a counter so that no two paragraphs are alike);
- ``line-5mb.txt``: a headline, then one 5 MB line of Chinese text with every punctuation
  mark removed.

Each build runs in its own process (``digest build``), so its peak RSS (maxrss) is its
own; the run is also held to an address-space limit so that a regression cannot take
the machine down. The summary and email.html sizes are reported beside the memory.

    python bench/hostile.py

Writes the table to the top of bench/HOSTILE.md; the sections after it (``## …``) stay.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
LIMIT_GB = 1.0                   # the bound the build must stay under
GUARD_GB = 4.0                   # address-space guard against a runaway build
PUNCTUATION = re.compile(r"[\s\W_]+")


def texts() -> list[str]:
    found = []
    for name in ("sohu_dev.jsonl", "cnews_dev.jsonl", "lcsts_dev.jsonl"):
        with open(EVAL / name, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    row = json.loads(line)
                    found.append(row.get("text") or "".join(row.get("paragraphs", ())))
    return found


def big_file(path: Path, size: int) -> None:
    """Paragraphs of real text, each made unique, up to ``size`` bytes."""
    source = texts()
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write("人工智能与市场的长篇合集\n\n")
        number = 0
        while written < size:
            paragraph = f"第{number}段。{source[number % len(source)]}\n\n"
            data = paragraph.encode("utf-8")
            if written + len(data) > size:
                break
            out.write(paragraph)
            written += len(data)
            number += 1


def long_line(path: Path, size: int) -> None:
    """One line of Chinese text without any punctuation, ``size`` bytes long."""
    source = "".join(PUNCTUATION.sub("", t) for t in texts()[:2000])
    data = (source * (size // len(source.encode("utf-8")) + 1)).encode("utf-8")[:size]
    path.write_bytes("一篇没有标点的超长文章\n\n".encode("utf-8")
                     + data.decode("utf-8", errors="ignore").encode("utf-8"))


def guard() -> None:
    limit = int(GUARD_GB * 1024 ** 3)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


CHILD = """
import json, resource, sys
from digest.cli import main
code = main(["build"])
print(json.dumps({"code": code, "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}),
      file=sys.stderr)
"""


def build(folder: Path) -> dict:
    """One `digest build` in its own process: exit code, wall time, peak RSS."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD], cwd=folder, env=env, capture_output=True,
                          text=True, preexec_fn=guard)
    wall = time.perf_counter() - start
    lines = done.stderr.strip().splitlines()
    try:
        report = json.loads(lines[-1])
    except (IndexError, ValueError):
        report = {"code": done.returncode, "peak_kb": 0}
    return {"code": report["code"], "wall": wall, "peak_mb": report["peak_kb"] / 1024,
            "out": done.stdout.strip(), "err": "\n".join(lines[:-1])[-400:]}


def measure(name: str, make) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "articles").mkdir()
        path = folder / "articles" / name
        make(path)
        (folder / "config.toml").write_text(
            f'[sources]\nfolders = ["articles"]\n[digest]\ntemplates = "{(ROOT / "templates").as_posix()}"\n',
            encoding="utf-8")
        result = build(folder)
        weeks = [p for p in (folder / "outbox").glob("*") if p.is_dir()] if (folder / "outbox").is_dir() else []
        sizes = {}
        if weeks:
            week = weeks[0]
            sizes = {f: (week / f).stat().st_size for f in ("email.html", "digest.eml", "digest.md")}
            manifest = json.loads((week / "manifest.json").read_text(encoding="utf-8"))
            sizes["articles"] = len(manifest["articles"])
            summary = re.search(r'<p class="summary"[^>]*>(.*?)</p>',
                                (week / "email.html").read_text(encoding="utf-8"), re.S)
            sizes["summary_chars"] = len(summary.group(1)) if summary else 0
        return {"input": name, "bytes": path.stat().st_size, **result, **sizes}


def main() -> int:
    seed = ROOT / "seeds" / "000_6ab68325297169c1.txt"
    rows = [measure("seed.txt", lambda p: p.write_bytes(seed.read_bytes())),
            measure("big-20mb.txt", lambda p: big_file(p, 20 * 1024 * 1024 - 4096)),
            measure("line-5mb.txt", lambda p: long_line(p, 5 * 1024 * 1024))]
    lines = ["# Hostile inputs: peak memory of one build",
             "",
             "Written by `python bench/hostile.py`: one `digest build` per input, each in its own",
             f"process; peak RSS is that process's maxrss. The bound is {LIMIT_GB:g} GB.",
             "",
             "| input | size | exit | wall | peak RSS | articles | summary chars | email.html | digest.eml |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| `{r['input']}` | {r['bytes'] / 1048576:.1f} MB | {r['code']} | {r['wall']:.1f} s | "
                     f"{r['peak_mb']:.0f} MB | {r.get('articles', 0)} | {r.get('summary_chars', 0)} | "
                     f"{r.get('email.html', 0) / 1024:.1f} KB | {r.get('digest.eml', 0) / 1024:.1f} KB |")
    ok = all(r["code"] == 0 and r["peak_mb"] < LIMIT_GB * 1024 for r in rows)
    base, big = rows[0], rows[1]
    per_mb = (big["peak_mb"] - base["peak_mb"]) / (big["bytes"] / 1048576)
    lines += ["", f"Every build under {LIMIT_GB:g} GB and successful: {'yes' if ok else 'NO'}.",
              "", f"Beyond the {base['peak_mb']:.0f} MB of a one-article build, the 20 MB file adds "
              f"{per_mb:.1f} MB of peak memory per MB of input."]
    for r in rows:
        if r["code"] != 0:
            lines += ["", f"`{r['input']}` failed: {r['err']}"]
    # The sections below this table (## headings) are measured elsewhere: kept as they are.
    target = ROOT / "bench" / "HOSTILE.md"
    before = target.read_text(encoding="utf-8") if target.exists() else ""
    kept = before[before.index("\n## "):] if "\n## " in before else ""
    target.write_text("\n".join(lines) + "\n" + kept, encoding="utf-8")
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
