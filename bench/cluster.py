"""The per-article work on a Dask cluster against the built-in process pool, same articles.

Builds the same made-up articles (bench/scale.py's, from ../shared/eval) twice, each a
whole `digest build` process timed from outside: once with `--jobs 2` (the built-in
fork pool) and once with `[cluster] scheduler` pointing at a LocalCluster of two worker
processes started here. Then projects the time of 1,000,000 articles on N workers from the
measured split: the per-article stages (ingest, summarise) divide among the workers, the
central ones (themes, translate, render, write, record) stay on one machine and grow as
measured by bench/scale.py (exponents at most about 1).

    python bench/cluster.py                  # 2,500 articles
    python bench/cluster.py --count 10000

Writes the section "## On a Dask cluster" of bench/SCALE.md (the other sections are kept).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import BUILD, ROOT, run, write_articles  # noqa: E402

CONFIG = ('[sources]\nfolders = ["articles"]\nmax_file_mb = 5\n'
          '[digest]\ntemplates = "{templates}"\n{cluster}')
PER_ARTICLE = ("ingest", "summarise")


def build_once(count: int, jobs: int, scheduler: str = "") -> dict:
    with tempfile.TemporaryDirectory(prefix="digest-cluster-") as tmp:
        base = Path(tmp)
        write_articles(base / "articles", count)
        cluster = f'[cluster]\nscheduler = "{scheduler}"\n' if scheduler else ""
        (base / "config.toml").write_text(CONFIG.format(
            templates=(ROOT / "templates").as_posix(), cluster=cluster), encoding="utf-8")
        started = time.perf_counter()
        result = run(BUILD, str(base / "config.toml"), str(jobs))
        result["process"] = time.perf_counter() - started
    return result


def cpu_so_far() -> float:
    """User and system seconds of this process and every child it has waited for (the
    build processes, the cluster's scheduler thread and worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def projection(pool: dict, count: int, target: int, workers: int) -> float:
    """Seconds for ``target`` articles: the per-article stages shared by ``workers`` two-core
    machines (measured here on one such machine), the rest on one machine, linear."""
    stages = dict(pool["stages"])
    per_article = sum(stages.get(s, 0.0) for s in PER_ARTICLE)
    central = sum(v for s, v in stages.items() if s not in PER_ARTICLE)
    scale = target / count
    return per_article * scale / workers + central * scale


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=2500)
    args = ap.parse_args()
    from distributed import LocalCluster

    mark = cpu_so_far()
    pool = build_once(args.count, 2)
    pool["cpu"], mark = cpu_so_far() - mark, cpu_so_far()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as local:
        dask = build_once(args.count, 2, local.scheduler_address)
    dask["cpu"] = cpu_so_far() - mark        # the workers' too, ended with their cluster
    rows = [("built-in pool, `--jobs 2`", pool), ("LocalCluster, 2 worker processes", dask)]
    names = [name for name, _ in pool["stages"]]
    lines = ["## On a Dask cluster", "",
             f"`python bench/cluster.py --count {args.count}`: the same {args.count:,} articles, each "
             "build a whole process timed from outside, on this 2-core machine (shared with other "
             "work while measured, so compare the two rows, not other tables).", "",
             "| engine | process wall s | CPU s (all processes) | main peak MB | "
             + " | ".join(names) + " |",
             "|---|---|---|---|" + "---|" * len(names)]
    for label, r in rows:
        stages = dict(r["stages"])
        lines.append(f"| {label} | {r['process']:.1f} | {r['cpu']:.1f} | {r['peak_mb']:.0f} | "
                     + " | ".join(f"{stages.get(n, 0.0):.2f}" for n in names) + " |")
    ratio = dask["process"] / pool["process"]
    lines += ["", f"Cluster / pool: {ratio:.2f}x on the same two cores (the cluster's scheduling "
              "and pickling against the pool's fork; the machine's other load moves either row by "
              "several seconds).", "",
              "Projection to 1,000,000 articles from the pool's split at this size (per-article "
              "stages shared among N two-core workers, the central steps on one machine, both "
              "linear):", "", "| workers | projected wall |", "|---|---|"]
    for workers in (1, 4, 16, 64):
        seconds = projection(pool, args.count, 1_000_000, workers)
        lines.append(f"| {workers} | {seconds / 60:.0f} min |")
    lines += ["", "The central steps set the floor: at 1,000,000 articles they are about "
              f"{projection(pool, args.count, 1_000_000, 10**9) / 60:.0f} min on one machine "
              "whatever the number of workers, and they hold the week's per-article records in "
              "memory.", ""]
    section = "\n".join(lines)
    target = ROOT / "bench" / "SCALE.md"
    text = target.read_text(encoding="utf-8")
    if "## On a Dask cluster" in text:
        start = text.index("## On a Dask cluster")
        end = text.find("\n## ", start + 5)
        text = text[:start] + section + (text[end + 1:] if end != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    target.write_text(text, encoding="utf-8")
    print(section)


if __name__ == "__main__":
    main()
