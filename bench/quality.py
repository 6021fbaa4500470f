"""Summary and theme quality on the public evaluation data in ../shared/eval/.

Prints one table and writes it to bench/RESULTS.md:
- character-level ROUGE-1/2/L F1 of one extracted sentence per text, for our
  summariser, Lead-1, SnowNLP and textrank4zh (the last two when installed:
  pip install -e '.[bench]'), with each method's time, on lcsts_dev and sohu_dev;
- how many of the digest's summaries do not stand alone (they open with a
  section number or list marker, lean on a sentence they do not show, hold a
  glued numbered heading or end on a list item), on the seeds, the dev sets and
  the dev pages;
- NMI, ARI and purity of our theme clustering on cnews_dev, with 10 groups
  given and with the number chosen automatically.

Usage: python bench/quality.py [--eval ../shared/eval] [--limit N]
"""

from __future__ import annotations

import argparse
import html
import json
import math
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from digest.text import rules  # noqa: E402
from digest.models import Article  # noqa: E402
from digest.text.script import fold_width  # noqa: E402
from digest.text.sentences import split  # noqa: E402
from digest.api import summarize_text  # noqa: E402
from digest.editorial.document import document  # noqa: E402
from digest.editorial.summarize import standalone_faults, summarize  # noqa: E402

KEEP = re.compile(r"[\u4e00-\u9fff]|[A-Za-z]|\d")


# ---------------------------------------------------------------- ROUGE

def units(text: str) -> list[str]:
    return KEEP.findall(text.lower())


def f1(overlap: float, a: int, b: int) -> float:
    if not overlap or not a or not b:
        return 0.0
    p, r = overlap / a, overlap / b
    return 2 * p * r / (p + r)


def ngram_f1(hyp: list[str], ref: list[str], n: int) -> float:
    h = Counter(tuple(hyp[i:i + n]) for i in range(len(hyp) - n + 1))
    r = Counter(tuple(ref[i:i + n]) for i in range(len(ref) - n + 1))
    return f1(sum((h & r).values()), sum(h.values()), sum(r.values()))


def lcs_f1(hyp: list[str], ref: list[str]) -> float:
    if not hyp or not ref:
        return 0.0
    prev = [0] * (len(ref) + 1)
    for x in hyp:
        cur = [0]
        for j, y in enumerate(ref):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return f1(prev[-1], len(hyp), len(ref))


def rouge(hyp: str, ref: str) -> tuple[float, float, float]:
    h, r = units(hyp), units(ref)
    return ngram_f1(h, r, 1), ngram_f1(h, r, 2), lcs_f1(h, r)


# ---------------------------------------------------------------- methods

def ours(paragraphs: list[str]) -> str:
    """The summariser on text that is already clean (every method gets the same text)."""
    article = Article("bench", "bench", 0, "", tuple(paragraphs))
    return summarize(document(article), budget=10_000, max_sentences=1).text


def ours_as_users_call_it(paragraphs: list[str]) -> str:
    """What `digest summarize - --sentences 1` prints: the cleaner runs first."""
    found = summarize_text("\n\n".join(paragraphs), budget=10_000, max_sentences=1)
    return found[0].text if found else ""


def lead1(paragraphs: list[str]) -> str:
    for paragraph in paragraphs:
        for sentence in split(paragraph):
            if sentence.strip():
                return sentence.strip()
    return ""


def snownlp_sentences(paragraphs: list[str], n: int) -> list[str]:
    from snownlp import SnowNLP
    return list(SnowNLP("\n".join(paragraphs)).summary(n))


def textrank4zh_sentences(paragraphs: list[str], n: int) -> list[str]:
    from textrank4zh import TextRank4Sentence
    tr = TextRank4Sentence()
    tr.analyze(text="\n".join(paragraphs), lower=True, source="all_filters")
    return [found.sentence for found in tr.get_key_sentences(num=n)]


def installed(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def snownlp_method():
    if not installed("snownlp"):
        return None
    return lambda paragraphs: "".join(snownlp_sentences(paragraphs, 1))


def textrank4zh_method():
    if not installed("textrank4zh"):
        return None
    return lambda paragraphs: "".join(textrank4zh_sentences(paragraphs, 1)[:1])


def load(path: Path, limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def cleaned(paragraphs: list[str]) -> list[str]:
    """The text as the digest sees it: after the cleaner (its title line set aside)."""
    from digest.text.clean import clean
    from digest.models import RawText

    articles = clean(RawText("bench.txt", "\n\n".join(paragraphs), "txt"))
    return [p for a in articles for p in a.paragraphs]  # [] when the page held no article


def raw(paragraphs: list[str]) -> list[str]:
    return paragraphs


# A line that ends like a sentence; anything else Lead-1 returns from sohu is a
# headline, an "原标题:"/"题:" line, a keyword line or page furniture.
SENTENCE_END = re.compile(r"[。！？!?][”」’\"）)]*$")
LABELLED = re.compile(r"^(?:原标题|关键词|题)\s*[:：]")
TAG = re.compile(r"<[^>]*>")


def is_body_sentence(line: str) -> bool:
    text = TAG.sub("", line).strip()
    return bool(SENTENCE_END.search(text)) and not LABELLED.match(text)


def summary_table(eval_dir: Path, limit: int | None, prepare) -> list[str]:
    lcsts = [([r["text"]], r["summary"]) for r in load(eval_dir / "lcsts_dev.jsonl", limit)]
    sohu = [(r["paragraphs"], r["title"]) for r in load(eval_dir / "sohu_dev.jsonl", limit)]
    sets = {"lcsts_dev": [(prepare(p), ref) for p, ref in lcsts],
            "sohu_dev": [(prepare(p), ref) for p, ref in sohu]}
    methods = {"digest (ours)": ours if prepare is cleaned else ours_as_users_call_it, "Lead-1": lead1}
    for name, factory in (("SnowNLP", snownlp_method), ("textrank4zh", textrank4zh_method)):
        method = factory()
        if method is not None:
            methods[name] = method
        else:
            print(f"note: {name} is not installed (pip install -e '.[bench]'); left out", file=sys.stderr)
    ours(["预热。"])  # load jieba and OpenCC before timing
    lines = ["| data | method | ROUGE-1 | ROUGE-2 | ROUGE-L | time (s) | ms/text |",
             "|---|---|---|---|---|---|---|"]
    label = "" if prepare is raw else ", cleaned"
    for set_name, rows in sets.items():
        scores: dict[str, list[tuple[float, float, float]]] = {}
        times: dict[str, float] = {}
        outputs: dict[str, list[str]] = {}
        for name, method in methods.items():
            start = time.perf_counter()
            outputs[name] = [method(paragraphs) if paragraphs else "" for paragraphs, _ in rows]
            times[name] = time.perf_counter() - start
            scores[name] = [rouge(out, ref) for out, (_, ref) in zip(outputs[name], rows)]
        subsets = [(f"{set_name} ({len(rows)}{label})", list(range(len(rows))))]
        if set_name == "sohu_dev" and prepare is raw:
            body = [i for i, line in enumerate(outputs["Lead-1"]) if is_body_sentence(line)]
            rest = sorted(set(range(len(rows))) - set(body))
            subsets += [(f"{set_name} ({len(body)} where Lead-1 gives a sentence)", body),
                        (f"{set_name} ({len(rest)} where Lead-1 gives a headline line)", rest)]
        for subset, index in subsets:
            mean = {}
            for name in methods:
                means = [100 * sum(scores[name][i][k] for i in index) / max(1, len(index)) for k in range(3)]
                mean[name] = means
                timing = (f"{times[name]:.2f} | {1000 * times[name] / len(rows):.1f}"
                          if len(index) == len(rows) else "– | –")
                lines.append(f"| {subset} | {name} | {means[0]:.2f} | {means[1]:.2f} | {means[2]:.2f} | {timing} |")
                print(lines[-1], file=sys.stderr)
            gap = [a - b for a, b in zip(mean["digest (ours)"], mean["Lead-1"])]
            lines.append(f"| {subset} | **gap: digest − Lead-1** | {gap[0]:+.2f} | {gap[1]:+.2f} | "
                         f"**{gap[2]:+.2f}** | – | – |")
            print(lines[-1], file=sys.stderr)
    return lines


# ---------------------------------------------------------------- defects

DEFECT_TEXTS = 300
SPACE = re.compile(r"[ \t\u3000\xa0]+")
STOPS = "。！？!?…；;"
BEFORE_SENTENCE = set(STOPS + "\n”」’\"）)】")


def faults(piece: str, source: str) -> tuple[bool, bool]:
    """(text or punctuation lost, not a whole sentence) for one picked piece."""
    at = source.find(piece)
    if at < 0:
        return True, False
    after = source[at + len(piece):at + len(piece) + 1]
    lost_stop = not SENTENCE_END.search(piece) and after != "" and after in STOPS
    ends = bool(SENTENCE_END.search(piece)) or after == "" or after in STOPS + "\n"
    opening = source[source.rfind("\n", 0, at) + 1:at]  # what precedes it in its paragraph
    starts = at == 0 or source[at - 1] in BEFORE_SENTENCE or bool(opening) and any(
        (m := pattern.match(fold_width(opening))) and m.end() == len(opening)
        for pattern in (rules.DATELINE, rules.CREDIT))
    return lost_stop, not (starts and ends and (SENTENCE_END.search(piece) or after in STOPS))


def defects_table(eval_dir: Path, limit: int | None) -> list[str]:
    """Three-sentence summaries of sohu texts, checked for the faults users meet."""
    rows = [r["paragraphs"] for r in load(eval_dir / "sohu_dev.jsonl", limit or DEFECT_TEXTS)]

    def digest_sentences(paragraphs: list[str], n: int) -> list[str]:
        found = summarize_text("\n\n".join(paragraphs), budget=10_000, max_sentences=n)
        return [s.text.strip() for s in found[0].sentences] if found else []

    def lead_sentences(paragraphs: list[str], n: int) -> list[str]:
        return [s.strip() for p in paragraphs for s in split(p) if s.strip()][:n]

    methods = {"digest (ours)": digest_sentences, "Lead-3": lead_sentences}
    for name, module, method in (("SnowNLP", "snownlp", snownlp_sentences),
                                 ("textrank4zh", "textrank4zh", textrank4zh_sentences)):
        if installed(module):
            methods[name] = method
    lines = ["| method | sentences | text or punctuation lost | not a whole sentence | "
             "summaries repeating a sentence | summaries out of text order |",
             "|---|---|---|---|---|---|"]
    for name, method in methods.items():
        total = lost = partial = repeats = disorder = 0
        for paragraphs in rows:
            source = "\n".join(SPACE.sub("", html.unescape(p).strip()) for p in paragraphs)
            picked = [p for p in (SPACE.sub("", s) for s in method(paragraphs, 3)) if p]
            total += len(picked)
            for piece in picked:
                text_lost, not_whole = faults(piece, source)
                lost += text_lost
                partial += not_whole
            repeats += len(set(picked)) < len(picked)
            where = [source.find(p) for p in picked if p in source]
            disorder += where != sorted(where)
        n = len(rows)
        lines.append(f"| {name} | {total} | {100 * lost / max(1, total):.1f}% | "
                     f"{100 * partial / max(1, total):.1f}% | {100 * repeats / n:.1f}% | "
                     f"{100 * disorder / n:.1f}% |")
        print(lines[-1], file=sys.stderr)
    return lines


# ---------------------------------------------------------------- summaries that stand alone

FAULTS = ("section number", "reference", "glued heading", "list fragment", "caption", "call to action",
          "label", "comma", "cut", "greeting")


def standalone_sets(eval_dir: Path, limit: int | None) -> dict[str, list[Article]]:
    """The cleaned articles of the seeds, each dev set and the dev pages."""
    from digest.text.clean import clean
    from digest.models import RawText
    from digest.sources.readers import read_feed, read_html, read_text

    def cleaned_articles(source: str, text: str) -> list[Article]:
        return clean(RawText(source, text, "txt"))

    seeds = [a for path in sorted((ROOT / "seeds").iterdir())
             for raw in read_text(path, path.read_bytes(), 0) for a in clean(raw)]
    sets = {"seeds": seeds,
            "lcsts_dev": [a for r in load(eval_dir / "lcsts_dev.jsonl", limit)
                          for a in cleaned_articles("lcsts.txt", r["text"])],
            "sohu_dev": [a for r in load(eval_dir / "sohu_dev.jsonl", limit)
                         for a in cleaned_articles("sohu.txt", "\n\n".join(r["paragraphs"]))],
            "cnews_dev": [a for r in load(eval_dir / "cnews_dev.jsonl", limit)
                          for a in cleaned_articles("cnews.txt", r["text"])]}
    sets["pages"] = []
    for path in sorted((eval_dir / "pages").glob("*.htm*"))[:limit]:
        try:
            raws = read_html(path, path.read_bytes(), 0)
        except Exception as exc:          # a page the reader cannot take counts as no article
            print(f"note: {path.name} not read ({type(exc).__name__}: {exc})", file=sys.stderr)
            continue
        sets["pages"] += [a for raw in raws for a in clean(raw)]
    sets["pages + feeds"] = list(sets["pages"])
    for path in sorted((eval_dir / "feeds").glob("*.xml"))[:limit]:
        sets["pages + feeds"] += [a for raw in read_feed(path, path.read_bytes(), 0) for a in clean(raw)]
    return sets


STANDALONE_HEADING = "## Summaries that do not stand alone (seeds, dev sets, dev pages and feeds, after the cleaner)"
STANDALONE_TEXT = (
    "Summaries as the digest shows them (180 characters) that open with a section number or a list "
    "marker, show a sentence leaning on one they leave out (这/该/此/上述/其/他/她 + noun, 由于这个…, "
    "对此, 另1人 at its start), hold a numbered heading run into the text, end on a semicolon, show a "
    "photo caption or credit, a call to action, a contact line or a link, open a sentence with a label "
    "or dateline (核心提示:, 参考消息网1月21日报道), open with a comma, or end a sentence at a full "
    "stop inside a name or number (Alphabet Inc。), or show a host's greeting or a line that only "
    "introduces a quotation it does not hold (各位好，我是…; X 写道 \"). A reference also counts a contrast, an example or a \"that "
    "is\" opening on one (而它…, 例如…, 即…), an interview's answer without its question and a short sentence naming "
    "its subject only by 这一点/这些; a caption also counts a pointer to a chart (看看这张调查图表). \"pages + "
    "feeds\" is every dev page and feed entry.")


def standalone_table(eval_dir: Path, limit: int | None, budget: int = 180) -> list[str]:
    """Summaries as the digest shows them (its default budget) that do not stand alone."""
    lines = ["| data | summaries | opens with a section number or list marker | unresolved reference | "
             "glued heading | ends on a semicolon | caption or credit | call to action, contact or link | "
             "label or dateline | opens with a comma | cut inside a name or number | greeting or quote lead-in | any |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, articles in standalone_sets(eval_dir, limit).items():
        counts = Counter()
        for article in articles:
            found = standalone_faults(summarize(document(article), budget))
            counts.update(found)
            counts["any"] += bool(found)
        cells = " | ".join(str(counts[f]) for f in (*FAULTS, "any"))
        lines.append(f"| {name} | {len(articles)} | {cells} |")
        print(lines[-1], file=sys.stderr)
    return lines


# ---------------------------------------------------------------- themes

def nmi(truth: list[str], pred: list[int]) -> float:
    n = len(truth)
    joint = Counter(zip(truth, pred))
    ct, cp = Counter(truth), Counter(pred)
    mi = sum(c / n * math.log(c * n / (ct[t] * cp[p])) for (t, p), c in joint.items())
    ht = -sum(c / n * math.log(c / n) for c in ct.values())
    hp = -sum(c / n * math.log(c / n) for c in cp.values())
    return mi / math.sqrt(ht * hp) if ht and hp else 0.0


def ari(truth: list[str], pred: list[int]) -> float:
    def pairs(x: int) -> float:
        return x * (x - 1) / 2
    n = len(truth)
    index = sum(pairs(c) for c in Counter(zip(truth, pred)).values())
    a = sum(pairs(c) for c in Counter(truth).values())
    b = sum(pairs(c) for c in Counter(pred).values())
    expected = a * b / pairs(n)
    top = (a + b) / 2
    return (index - expected) / (top - expected) if top != expected else 0.0


def purity(truth: list[str], pred: list[int]) -> float:
    groups: dict[int, Counter] = {}
    for t, p in zip(truth, pred):
        groups.setdefault(p, Counter())[t] += 1
    return sum(c.most_common(1)[0][1] for c in groups.values()) / len(truth)


def theme_table(eval_dir: Path, limit: int | None) -> list[str]:
    from digest.editorial.clustering import cluster_documents

    rows = load(eval_dir / "cnews_dev.jsonl", limit)
    docs = [document(Article(str(r["id"]), "cnews", 0, "", (r["text"],))) for r in rows]
    truth = [r["label"] for r in rows]
    lines = ["| data | grouping | groups | NMI | ARI | purity | time (s) |", "|---|---|---|---|---|---|---|"]
    for label, k in (("10 given", 10), ("chosen automatically", None)):
        start = time.perf_counter()
        pred = cluster_documents(docs, k)
        elapsed = time.perf_counter() - start
        lines.append(f"| cnews_dev ({len(rows)}) | {label} | {len(set(pred))} | {nmi(truth, pred):.3f} | "
                     f"{ari(truth, pred):.3f} | {purity(truth, pred):.3f} | {elapsed:.2f} |")
        print(lines[-1], file=sys.stderr)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, help="use only the first N rows of each set")
    parser.add_argument("--only", choices=("summaries", "themes", "standalone"))
    args = parser.parse_args()
    if args.only == "standalone":              # this table alone, put in place in RESULTS.md
        table = "\n".join(standalone_table(args.eval, args.limit))
        print(table)
        results = ROOT / "bench" / "RESULTS.md"
        old = results.read_text(encoding="utf-8")
        start = old.index("| data | summaries | opens with a section number")
        end = old.index("\n\n", start)
        if not args.limit:
            results.write_text(old[:start] + table + old[end:], encoding="utf-8")
        return
    out = ["# Quality benchmark", "",
           "Written by `python bench/quality.py` (competitors: `pip install -e '.[bench]'`). "
           "Character-level ROUGE F1 x 100 (CJK characters, Latin letters and digits), one extracted "
           "sentence per text against the reference summary (lcsts) or headline (sohu); times are "
           "for the whole set on one core and include each method's own segmentation.", ""]
    if args.only != "themes":
        out += ["## Summaries on the texts as given", "",
                "Each tool gets the text as it is. The digest runs its cleaner first, as "
                "`digest summarize` does, so it never returns the title line. sohu's reference is the "
                "editor's headline, and in about a third of its texts the first line is that headline, "
                "an 原标题 (original title) line, a keyword line or a video page with no body: there "
                "Lead-1 returns the reference itself. The two sohu rows below split the set by what "
                "Lead-1 returned: a line ending like a sentence, or not.", ""]
        out += summary_table(args.eval, args.limit, raw) + [""]
        out += ["## Summaries on the texts after the digest's cleaner (every method gets the same text)",
                "", "The cleaner drops page furniture such as keyword lines, 原标题 lines and reprint "
                "notices, which Lead-1 otherwise copies from the first line.", ""]
        out += summary_table(args.eval, args.limit, cleaned) + [""]
        out += [f"## Faults in three-sentence summaries (first {args.limit or DEFECT_TEXTS} sohu texts, as given)",
                "", "Share of picked sentences whose words or closing punctuation are not as in the "
                "text, or that are not a whole sentence of it (a clause cut at a comma, a headline or "
                "keyword line); share of summaries that repeat a sentence or do not follow the text's "
                "order. The digest cleans the text first, so its sentences come from the body.", ""]
        out += defects_table(args.eval, args.limit) + [""]
        out += [STANDALONE_HEADING, "", STANDALONE_TEXT, ""]
        out += standalone_table(args.eval, args.limit) + [""]
    if args.only != "summaries":
        out += ["## Theme grouping (jieba tokens, TF-IDF, LSA, spherical k-means)", ""]
        out += theme_table(args.eval, args.limit) + [""]
    text = "\n".join(out)
    print(text)
    if not args.limit and not args.only:
        (ROOT / "bench" / "RESULTS.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
