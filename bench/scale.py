"""Scale benchmark: a whole `digest build` from 1,000 and 10,000 articles.

The articles are made from the public evaluation data in ../shared/eval/ (read
there, never copied into the project) and written to a temporary folder: each
article takes a headline and paragraphs from several different source texts, so
that no two are duplicates. Every build runs in its own process, so the peak
memory (maxrss) is that build's alone. Next to each build, the same articles are
only segmented (the floor for any jieba-based pipeline), and a second build
with nothing new is timed.

    python bench/scale.py                  # 1,000 and 10,000 articles
    python bench/scale.py --sizes 2000 --jobs 2

Writes the table to bench/SCALE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

BUILD = """
import json, resource, sys, time
from digest.config import load
from digest.pipeline import build
start = time.perf_counter()
result = build(load(sys.argv[1]), jobs=int(sys.argv[2]))
wall = time.perf_counter() - start
print(json.dumps({"wall": wall, "articles": result.articles, "themes": len(result.themes),
                  "stages": result.stages,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

SEGMENT = """
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from digest.script import fold_width, to_simplified
from digest.words import segmenter
cut = segmenter().cut
words = 0
for path in sorted(Path(sys.argv[1]).iterdir()):
    words += len(cut(to_simplified(fold_width(path.read_text(encoding="utf-8")))))
print(json.dumps({"wall": time.perf_counter() - start, "words": words, "segmenter": segmenter().name}))
"""


def sources() -> list[tuple[str, list[str]]]:
    """(headline, paragraphs) of every evaluation text."""
    out = []
    for line in (EVAL / "sohu_dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        out.append((row["title"], [p for p in row["paragraphs"] if p.strip()]))
    for name in ("lcsts_dev.jsonl", "cnews_dev.jsonl"):
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text = row.get("text") or row.get("content") or ""
            parts = [p for p in text.replace("。", "。\n").splitlines() if p.strip()]
            if parts:
                out.append((row.get("title") or row.get("summary") or parts[0][:30], parts))
    return out


def write_articles(folder: Path, count: int, seed: int = 11) -> int:
    """``count`` article files mixing 3 source texts each; returns total characters."""
    pool = sources()
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    chars = 0
    for number in range(count):
        picks = rng.sample(range(len(pool)), 3)
        title = pool[picks[0]][0]
        paragraphs = []
        for pick in picks:
            paras = pool[pick][1]
            start = rng.randrange(max(1, len(paras) - 2))
            paragraphs.extend(paras[start:start + 3])
        text = f"{title}（{number}）\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"a{number:05d}.txt").write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def run(script: str, *args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True,
                          env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(count: int, jobs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="digest-scale-") as tmp:
        base = Path(tmp)
        chars = write_articles(base / "articles", count)
        (base / "config.toml").write_text(
            '[sources]\nfolders = ["articles"]\nmax_file_mb = 5\n'
            f'[digest]\ntemplates = "{(ROOT / "templates").as_posix()}"\n', encoding="utf-8")
        segment = run(SEGMENT, str(base / "articles"))
        first = run(BUILD, str(base / "config.toml"), str(jobs))
        started = time.perf_counter()
        again = run(BUILD, str(base / "config.toml"), str(jobs))
        nothing = time.perf_counter() - started
        assert again["articles"] == 0, "the second build should find nothing new"
        outbox_mb = sum(p.stat().st_size for p in (base / "outbox").rglob("*") if p.is_file()) / 2**20
    return {"count": count, "chars": chars, "segment": segment, "build": first,
            "nothing_new": nothing, "nothing_new_inside": again["wall"], "outbox_mb": outbox_mb}


def table(rows: list[dict], jobs: int) -> str:
    lines = [
        f"Whole `digest build` in its own process, `--jobs {jobs}`, segmenter "
        f"{rows[0]['segment']['segmenter']}, on a 2-core machine.",
        "",
        "| articles | characters | wall s | articles/s | peak MB | segmentation only s | "
        "build / segmentation | nothing new s | themes |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        b = r["build"]
        lines.append(
            f"| {r['count']:,} | {r['chars']:,} | {b['wall']:.1f} | {r['count'] / b['wall']:.0f} | "
            f"{b['peak_mb']:.0f} | {r['segment']['wall']:.1f} | {b['wall'] / r['segment']['wall']:.1f}x | "
            f"{r['nothing_new']:.2f} | {b['themes']} |")
    lines += ["", "Share of the build's time by stage:", "",
              "| articles | " + " | ".join(name for name, _ in rows[0]["build"]["stages"]) + " |",
              "|---|" + "---|" * len(rows[0]["build"]["stages"])]
    for r in rows:
        total = sum(sec for _, sec in r["build"]["stages"]) or 1.0
        lines.append(f"| {r['count']:,} | " + " | ".join(
            f"{100 * sec / total:.0f}% ({sec:.1f} s)" for _, sec in r["build"]["stages"]) + " |")
    lines += ["", "'nothing new' is the wall time of a second `digest build` process, "
              "interpreter start included."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "SCALE.md")
    args = parser.parse_args()
    if not EVAL.is_dir():
        raise SystemExit(f"evaluation data not found at {EVAL}")
    rows = []
    for count in args.sizes:
        print(f"building from {count:,} articles…", file=sys.stderr, flush=True)
        rows.append(measure(count, args.jobs))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    text = "# Scale\n\n" + table(rows, args.jobs)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
