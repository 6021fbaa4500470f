"""Collecting between builds: what a collect costs, and what it saves the weekly build.

For each size, the same articles (made as bench/scale.py makes them, from the
evaluation data in ../shared/eval/) are built two ways, each run a whole process
timed from outside:

- cold: all the week's files in the folder, one `digest build`;
- collected: the files arrive in seven daily batches, each followed by a
  `digest collect`, then one `digest collect` with nothing new (as the hourly
  ones between batches are), then the weekly `digest build`.

It also times, in one process, the per-article pass the build runs at compose
time (Document, ratings, summary, keywords, key facts, theme scores) on the same
articles: what storing that pass's results at collect time could take off the
weekly build at most. And a collect with nothing new on the project's seeds.

    python bench/collect.py                  # 300 and 2,500 articles, --jobs 2
    python bench/collect.py --sizes 500

Writes its section of bench/SCALE.md (from "## Collecting between builds" on).
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from scale import BUILD, EVAL, ROOT, options, run, write_articles

COLLECT = """
import json, sys, time
from digest.config import load
from digest.run.collect import collect
start = time.perf_counter()
result = collect(load(sys.argv[1]), jobs=int(sys.argv[2]))
print(json.dumps({"wall": time.perf_counter() - start, "new": result.new_articles}))
"""

PASS = """
import json, sys, time
from pathlib import Path
from digest.config import load
from digest.store.state import State
config = load(sys.argv[1])
with State(config.state.file, readonly=True) as state:
    articles = state.pending()
start = time.process_time()
from digest.editorial import compose
loaded = time.process_time()
compose._rated(articles[:1], config.digest.summary_chars, config.themes)
warm = time.process_time()
compose._rated(articles, config.digest.summary_chars, config.themes)
print(json.dumps({"import": loaded - start, "first": warm - loaded,
                  "pass": time.process_time() - warm, "articles": len(articles)}))
"""

SECTION = "## Collecting between builds"


def timed(script: str, *args: str) -> tuple[float, dict]:
    """(wall seconds, output) of one process; the output gains "cpu": the CPU seconds of the
    process and its workers, which another program's load on the host barely changes."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    out = run(script, *args)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    out["cpu"] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, out


def project(base: Path) -> Path:
    (base / "articles").mkdir(parents=True, exist_ok=True)
    path = base / "config.toml"
    path.write_text('[sources]\nfolders = ["articles"]\nmax_file_mb = 5\n'
                    f'[digest]\ntemplates = "{(ROOT / "templates").as_posix()}"\n', encoding="utf-8")
    return path


def best_builds(folders: list[Path], jobs: int, repeats: int) -> list[tuple[float, dict]]:
    """For each folder, the fastest of ``repeats`` builds, each from the state the folder had
    before (the state names files by path, so the folder stays where it is); the folders take
    turns, so that a busy spell of the shared host slows both alike."""
    kept = []
    for folder in folders:
        kept.append(folder.with_name(folder.name + "-state"))
        if (folder / "state").exists():
            shutil.copytree(folder / "state", kept[-1])
    runs: list[list[tuple[float, dict]]] = [[] for _ in folders]
    for _ in range(repeats):
        for folder, state, done in zip(folders, kept, runs):
            for made in (folder / "state", folder / "outbox"):
                shutil.rmtree(made, ignore_errors=True)
            if state.exists():
                shutil.copytree(state, folder / "state")
            done.append(timed(BUILD, str(folder / "config.toml"), str(jobs)))
    return [min(done, key=lambda r: r[0]) for done in runs]


def measure(count: int, jobs: int, repeats: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="digest-collect-") as tmp:
        base = Path(tmp)
        write_articles(base / "all", count)
        files = sorted((base / "all").iterdir())
        project(base / "cold")
        for path in files:
            shutil.copy(path, base / "cold" / "articles" / path.name)
        week = project(base / "week")
        daily = []
        for day in range(7):
            for path in files[day::7]:
                shutil.copy(path, base / "week" / "articles" / path.name)
            daily.append(timed(COLLECT, str(week), str(jobs)))
        idle_wall, idle = timed(COLLECT, str(week), str(jobs))
        per_article = run(PASS, str(week))
        (cold_wall, cold_build), (week_wall, week_build) = best_builds(
            [base / "cold", base / "week"], jobs, repeats)
    assert sum(d[1]["new"] for d in daily) == cold_build["new"] == week_build["articles"]
    return {"count": count, "cold": (cold_wall, cold_build), "daily": daily,
            "idle": (idle_wall, idle), "pass": per_article, "week": (week_wall, week_build)}


def seeds_idle() -> dict:
    """A collect with nothing new on the project's seeds: process and in-process times."""
    with tempfile.TemporaryDirectory(prefix="digest-seeds-") as tmp:
        shutil.copytree(ROOT / "seeds", Path(tmp) / "articles")
        path = project(Path(tmp))
        run(COLLECT, str(path), "1")
        walls = [timed(COLLECT, str(path), "1") for _ in range(5)]
    return {"process": min(w for w, _ in walls), "inside": min(o["wall"] for _, o in walls)}


def section(rows: list[dict], seeds: dict, jobs: int, repeats: int) -> str:
    stages = [name for name, _ in rows[0]["cold"][1]["stages"]]
    lines = [SECTION, "",
             f"`python bench/collect.py`: the same articles built cold (all files there, one "
             f"`digest build`) and after a week of collects (seven daily batches, each followed by "
             f"`digest collect`, then the weekly build); every run a whole process timed from "
             f"outside, `--jobs {jobs}`, on the shared 2-core machine; each build the fastest of "
             f"{repeats}, each from the state the folder had before it, cold and collected builds "
             f"taking turns.", "",
             "| articles | cold build s (CPU s) | daily collect s (mean of 7) | collect, nothing "
             "new s | build after the collects s (CPU s) | saved (CPU) |",
             "|---|---|---|---|---|---|"]
    for r in rows:
        (cold, c), (week, w) = r["cold"], r["week"]
        mean = sum(wall for wall, _ in r["daily"]) / len(r["daily"])
        lines.append(f"| {r['count']:,} | {cold:.1f} ({c['cpu']:.1f}) | {mean:.2f} | "
                     f"{r['idle'][0]:.2f} | {week:.1f} ({w['cpu']:.1f}) | "
                     f"{100 * (cold - week) / cold:.0f}% ({100 * (1 - w['cpu'] / c['cpu']):.0f}%) |")
    lines += ["", "Seconds by stage, cold / after the collects:", "",
              "| articles | " + " | ".join(stages) + " |", "|---|" + "---|" * len(stages)]
    for r in rows:
        pairs = zip(r["cold"][1]["stages"], r["week"][1]["stages"])
        lines.append(f"| {r['count']:,} | "
                     + " | ".join(f"{a:.2f} / {b:.2f}" for (_, a), (_, b) in pairs) + " |")
    lines += ["", "The per-article pass of the summarise stage alone, in CPU seconds (Document, "
              "ratings, summary, keywords, key facts, theme scores; one process, after the "
              "summariser is loaded), "
              "the most that keeping its results from collect time could take off the build, "
              "and what loading the summariser would add to every collect that finds something "
              "new:", "",
              "| articles | per-article pass s | loading the summariser s |", "|---|---|---|"]
    for r in rows:
        p = r["pass"]
        lines.append(f"| {r['count']:,} | {p['pass']:.2f} | {p['import'] + p['first']:.2f} |")
    big = rows[-1]
    lines += ["", f"Reading and cleaning move to the collects (the ingest stage above); the rest "
              f"of the weekly build is the summarise pass and the steps that see the whole week. "
              f"Keeping the summarise pass's per-article results in the state at collect time "
              f"would take at most {big['pass']['pass']:.1f} CPU s off a build of "
              f"{big['count']:,} articles, while every collect that finds something new would "
              f"load the summariser ({big['pass']['import'] + big['pass']['first']:.1f} s, and a "
              f"build's memory); with hourly collects that costs more within a day than the "
              f"weekly build saves, so it is not done."]
    lines += ["", f"A collect with nothing new on the project's seeds: {seeds['process']:.2f} s "
              f"as a process (interpreter start included), {seeds['inside']:.3f} s inside it "
              f"(best of five)."]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = options(__doc__, [300, 2500])
    parser.add_argument("--repeats", type=int, default=5, help="builds of each kind; the fastest counts")
    args = parser.parse_args()
    if not EVAL.is_dir():
        raise SystemExit(f"evaluation data not found at {EVAL}")
    rows = []
    for count in args.sizes:
        print(f"{count:,} articles…", file=sys.stderr, flush=True)
        rows.append(measure(count, args.jobs, args.repeats))
    text = section(rows, seeds_idle(), args.jobs, args.repeats)
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else "# Scale\n"
    kept = old.split(SECTION)[0].rstrip("\n")
    args.out.write_text(kept + "\n\n" + text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
