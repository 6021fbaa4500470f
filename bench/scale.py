"""Scale benchmark: a whole `digest build` from 2,500 and 10,000 articles.

The articles are made from the public evaluation data in ../shared/eval/ (read
there, never copied into the project) and written to a temporary folder. Each
article is a headline and paragraphs of sentences drawn at random from the whole
pool of evaluation sentences, so that every article is different (the build's
duplicate check must keep at least 95% of them) rather than the same
paragraphs shuffled. Every build runs in its own process, timed from outside
(interpreter start and imports included), and its peak memory is the largest
of that process and its workers. Next to each build, the same articles are
only segmented (the floor for any jieba-based pipeline), and a second build
with nothing new is timed. Between the two sizes, each stage's growth exponent
is log(t_large / t_small) / log(n_large / n_small): 1.0 is linear.

    python bench/scale.py                  # 2,500 and 10,000 articles, --jobs 2
    python bench/scale.py --sizes 1000 4000 --jobs 2

Writes the tables to bench/SCALE.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the evaluation data beside the checkout, or beside the folder of worktrees it is in
EVAL = next((p / "shared" / "eval" for p in (ROOT.parent, ROOT.parent.parent)
             if (p / "shared" / "eval").is_dir()), ROOT.parent / "shared" / "eval")

BUILD = """
import json, resource, sys, time
from digest.config import load
from digest.run.pipeline import build
start = time.perf_counter()
result = build(load(sys.argv[1]), jobs=int(sys.argv[2]))
wall = time.perf_counter() - start
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "articles": result.articles, "themes": len(result.themes),
                  "stages": result.stages, "new": result.new_articles, "peaks": result.peaks,
                  "cpu": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
                  "main_cpu": own.ru_utime + own.ru_stime, "stage_cpu": getattr(result, "cpu", ()),
                  "skipped": sum(o.status != "included" for o in result.outcomes),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "workers_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

SEGMENT = """
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from digest.text.script import fold_width, to_simplified
from digest.text.words import segmenter
cut = segmenter().cut
words = 0
for path in sorted(Path(sys.argv[1]).iterdir()):
    words += len(cut(to_simplified(fold_width(path.read_text(encoding="utf-8")))))
print(json.dumps({"wall": time.perf_counter() - start, "words": words, "segmenter": segmenter().name}))
"""


def sentence_pool() -> tuple[list[str], list[str]]:
    """(headlines, sentences) of every evaluation text."""
    import re

    titles, sentences = [], []
    for name in ("sohu_dev.jsonl", "lcsts_dev.jsonl", "cnews_dev.jsonl"):
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            text = "".join(row.get("paragraphs") or []) or row.get("text") or ""
            if row.get("title"):
                titles.append(row["title"])
            sentences.extend(s for s in re.findall(r"[^。！？!?]+[。！？!?]", text) if 8 <= len(s) <= 200)
    return titles, sentences


def write_articles(folder: Path, count: int, seed: int = 11) -> int:
    """``count`` different articles of 3-5 paragraphs of random pool sentences; total characters."""
    titles, pool = sentence_pool()
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    chars = 0
    for number in range(count):
        paragraphs = ["".join(rng.sample(pool, rng.randint(2, 4))) for _ in range(rng.randint(3, 5))]
        text = f"{rng.choice(titles)}（{number}）\n\n" + "\n\n".join(paragraphs) + "\n"
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
        started = time.perf_counter()
        first = run(BUILD, str(base / "config.toml"), str(jobs))
        process = time.perf_counter() - started
        started = time.perf_counter()
        again = run(BUILD, str(base / "config.toml"), str(jobs))
        nothing = time.perf_counter() - started
        assert again["articles"] == 0, "the second build should find nothing new"
        outbox_mb = sum(p.stat().st_size for p in (base / "outbox").rglob("*") if p.is_file()) / 2**20
    return {"count": count, "chars": chars, "segment": segment, "build": first, "process": process,
            "nothing_new": nothing, "nothing_new_inside": again["wall"], "outbox_mb": outbox_mb}


def table(rows: list[dict], jobs: int) -> str:
    lines = [
        f"Whole `digest build` in its own process, `--jobs {jobs}`, segmenter "
        f"{rows[0]['segment']['segmenter']}, on a 2-core machine.",
        "",
        "| articles | characters | kept as new | process wall s | CPU s | main process CPU s | articles/s | "
        "peak MB (main / worker) | segmentation only s | build / segmentation | nothing new s | themes |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        b = r["build"]
        lines.append(
            f"| {r['count']:,} | {r['chars']:,} | {100 * b['new'] / r['count']:.1f}% | {r['process']:.1f} | "
            f"{b['cpu']:.1f} | {b['main_cpu']:.1f} | {r['count'] / r['process']:.0f} | {b['peak_mb']:.0f} / {b['workers_peak_mb']:.0f} | "
            f"{r['segment']['wall']:.1f} | {r['process'] / r['segment']['wall']:.1f}x | "
            f"{r['nothing_new']:.2f} | {b['themes']} |")
    stages = [name for name, _ in rows[0]["build"]["stages"]]
    lines += ["", "Seconds by stage, and each stage's growth exponent between the smallest and "
              "largest size (1.0 is linear; a stage under 0.5 s at the largest size is too "
              "small to tell):", "",
              "| articles | " + " | ".join(stages) + " |", "|---|" + "---|" * len(stages)]
    for r in rows:
        lines.append(f"| {r['count']:,} | " + " | ".join(f"{sec:.2f}" for _, sec in r["build"]["stages"]) + " |")
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        ratio = math.log(large["count"] / small["count"])
        exponents = []
        for (name, a), (_, b) in zip(small["build"]["stages"], large["build"]["stages"]):
            exponents.append("—" if b < 0.5 or a <= 0 else f"{math.log(b / a) / ratio:.2f}")
        total = math.log(large["process"] / small["process"]) / ratio
        lines.append("| growth | " + " | ".join(exponents) + f" |\n\nWhole process: growth {total:.2f}.")
    lines += ["", "CPU s by stage (the build process's with its workers'; in brackets its own), and "
              "each stage's growth exponent of CPU s:", "",
              "| articles | " + " | ".join(stages) + " |", "|---|" + "---|" * len(stages)]
    for r in rows:
        lines.append(f"| {r['count']:,} | " + " | ".join(
            f"{cpu:.2f}" + (f" ({own:.2f})" if own < cpu - 0.005 else "")
            for _, cpu, own in r["build"]["stage_cpu"]) + " |")
    if len(rows) > 1:
        small, large = rows[0]["build"]["stage_cpu"], rows[-1]["build"]["stage_cpu"]
        lines.append("| growth | " + " | ".join(
            "—" if b < 0.5 or a <= 0 else f"{math.log(b / a) / ratio:.2f}"
            for (_, a, _), (_, b, _) in zip(small, large)) + " |")
    lines += ["", "The main process's peak memory (MB) at the end of each stage:", "",
              "| articles | " + " | ".join(stages) + " |", "|---|" + "---|" * len(stages)]
    for r in rows:
        lines.append(f"| {r['count']:,} | " + " | ".join(f"{mb:.0f}" for _, mb in r["build"]["peaks"]) + " |")
    lines += ["", "CPU s is the build process's user and system time with its worker processes'. "
              "'nothing new' is the wall time of a second `digest build` process, "
              "interpreter start included."]
    return "\n".join(lines) + "\n"


def options(doc: str, sizes: list[int]) -> argparse.ArgumentParser:
    """The options of a scale benchmark: sizes, worker processes, where the tables go."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=sizes)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "SCALE.md")
    return parser


def main() -> None:
    args = options(__doc__, [2500, 10000]).parse_args()
    if not EVAL.is_dir():
        raise SystemExit(f"evaluation data not found at {EVAL}")
    rows = []
    for count in args.sizes:
        print(f"building from {count:,} articles…", file=sys.stderr, flush=True)
        rows.append(measure(count, args.jobs))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    text = "# Scale\n\n" + table(rows, args.jobs)
    # Later sections (bench/collect.py's) are kept.
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    later = old[old.index("\n## "):] if "\n## " in old else ""
    args.out.write_text(text + later, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
