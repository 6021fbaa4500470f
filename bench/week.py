"""A labelled mixed week: does the digest keep to its focus and find the stories?

Builds one digest from a folder that mixes every kind of input the program
reads, then scores the manifest against hand-made labels in ``bench/week/``.
The texts are never stored here: they are read at run time from the public
evaluation data in ``../shared/eval/`` (see its README); the labels hold only
ids and short English notes.

The week (written to a temporary folder, with the package's default
``config.toml`` and ``[sources] folders = ["articles"]``):

- cnews: 100 articles of ``cnews_dev.jsonl``, 10 per topic, the 10 with the
  lowest md5 of ``cnews/<id>`` in each topic; written as ``cnews-<id>.txt``
  exactly as stored (the title is glued to the body);
- sohu: the 136 articles of 55 same-story groups, 24 single articles that
  form the "same kind, different event" pairs or are plain economics news,
  and 14 others (the lowest md5 of ``sohu/<id>`` among the articles with more than
  150 characters of text and no near neighbour in the set: title bigram
  Jaccard <= 0.15 and text bigram Jaccard <= 0.12 with every other article),
  174 in all, each as ``sohu-<id>.txt``: title, blank line, paragraphs
  separated by blank lines. The 328 video stubs ("中新网-视频-…", no text) are
  left out;
- every page of ``pages/`` and every feed of ``feeds/``, copied as they are;
- the project's ``seeds/`` files.

Labels (``bench/week/``):

- ``focus.tsv``: ``key, focus, note`` for all 436 labelled inputs (a seed
  line covers every article of that file). Focus is judged for a reader of
  "AI and financial markets": ``on`` (AI, chips, big tech's AI moves,
  markets, company results, macro and monetary policy, trade policy,
  finance), ``edge`` (tech or business news near it: gadgets, software,
  space and robotics, general corporate news, the property market) or
  ``off`` (sports, entertainment, fashion, home, education, games, politics,
  disasters, society, forum posts). cnews took its default from the topic
  (财经 on; 科技 and 房产 edge; the others off), then every title and opening
  was read and 8 defaults corrected (see their notes). Every sohu article,
  page and feed entry was read and labelled one by one; the V2EX feed's posts
  are all off (a forum), and so are the four pages ``gold.json`` calls not
  articles.
- ``stories.tsv``: 57 groups of 2-5 articles that report one event at one
  time (55 sohu groups, and two cross-source pairs: one product news item in
  two feeds, one story on two saved pages). Candidates came from character
  bigram overlap of titles, openings and whole texts; each was read, and
  only reports of the same event kept. Follow-ups (a reaction, a later
  development, a preview) were not grouped, and their articles were left
  out of the week, so that a link between two grouped or single articles is
  wrong unless they share a group. ``groups.tsv`` says what each group is.
- ``not_same.tsv``: 20 pairs of the same kind of news about different events
  (two car bombs, two polls, two train crashes...).

Halves, split by source so that tuning on one half can be checked on the
other: an article of a story group goes by its group number's parity; other
cnews and sohu articles by their id's parity; pages, feed entries and seed
files by the parity of the first byte of the md5 of their key (``page/<site
file>``, ``feed/<file>#<entry>``, ``seed/<file>``). Even is "tune", odd is
"held-out".

Scores, for all labelled articles and for each half: how many articles are in
configured themes, clustered themes and the closing section; focus precision (share
of the articles in configured themes whose label is on) and recall (share of
on-labelled articles that reach a configured theme; a skipped one counts as
missed), the off-focus articles in configured themes, the purity of cluster
themes (share of a cluster's articles carrying its majority cnews topic or
majority focus label, weighted by size), cluster labels that break the
mechanical rules (a stopword; a lone Latin fragment or an upper-cased "OF",
"TO", "MM": a short Latin part of the Chinese, or an upper-cased one, that the
cluster's articles do not write so; an English label saying "other", an English label that is missing,
not English or drops a Latin word of the Chinese), same-story pairs (two
articles linked by ``related`` or sharing a story id): precision over the
predicted pairs between two story-labelled articles (every sohu article of the
week and every grouped article), recall over the labelled pairs whose two
articles both reach the manifest (a pair split by the duplicate filter is
counted apart); a link counts in a half when either of its articles is in
it. Then links between ``not_same`` pairs, the focus of the first ten items
(top stories first, then themes in order), excluded labelled inputs with the
reason ``digest status`` gives, and whether ``digest build --rebuild`` gives
the same digest.

Usage: python bench/week.py [--out bench/WEEK.md] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
LABELS = ROOT / "bench" / "week"
DIGEST = Path(sys.executable).with_name("digest")
if not DIGEST.exists():
    DIGEST = Path(shutil.which("digest") or "digest")

# Mechanical checks of cluster labels.
STOP_ZH = set("的 了 是 在 和 与 及 或 等 这 那 其 之 也 都 就 而 被 把 对 从 向 为 以 于 上 下 中 日 月 年 "
              "我们 他们 你们 一个 没有 进行 表示 认为 记者 报道 据悉 消息 今天 昨天 目前 其他 其它 相关 新闻 "
              "可以 已经 还是 因为 所以 如果 但是 不过 这个 那个 一些".split())
STOP_EN = set("a an the of to in on at by for and or but with from as is are was be it its this that "
              "other others more news stories story also week".split())
ACRONYMS = set("AI AR VR IT EV EU UK US USA UN GDP CPI PPI IPO ETF GPU CPU TPU LLM API ARM NBA CBA CEO FED "
               "ECB BOJ PBOC IMF WTO OPEC HK 5G 4G TV PC".split())
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.+-]*")
PARTS = re.compile(r"[·・、，,/&|:：;；+]|\band\b")


# ---------------------------------------------------------------- labels

def read_tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (LABELS / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def md5_even(text: str) -> bool:
    return hashlib.md5(text.encode("utf-8")).digest()[0] % 2 == 0


def half_of(key: str, group: dict[str, str]) -> str:
    if key in group:
        even = int(group[key][1:]) % 2 == 0
    elif key.startswith(("cnews/", "sohu/")):
        even = int(key.split("/")[1]) % 2 == 0
    else:
        even = md5_even(key)
    return "tune" if even else "held-out"


# ---------------------------------------------------------------- the week

def feed_entries(path: Path) -> list[tuple[str | None, str | None]]:
    """(id, link) of every item or entry of an RSS or Atom file."""
    root = ET.fromstring(path.read_bytes().lstrip())
    out = []
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] not in ("item", "entry"):
            continue
        ident = link = None
        for child in el:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag in ("guid", "id") and child.text:
                ident = child.text.strip()
            elif tag == "link":
                link = (child.get("href") or child.text or "").strip() or link
        out.append((ident, link))
    return out


def make_week(folder: Path, keys: list[str]) -> dict[str, str]:
    """Write config and articles; return aliases (feed entry id or link -> label key)."""
    config = (ROOT / "digest" / "data" / "config.toml").read_text(encoding="utf-8")
    config, n = re.subn(r"(?m)^folders\s*=.*$", 'folders = ["articles"]', config, count=1)
    assert n == 1, "no [sources] folders line in the default config"
    (folder / "config.toml").write_text(config, encoding="utf-8")
    articles = folder / "articles"
    articles.mkdir()
    wanted = {k.split("/", 1)[0]: set() for k in keys}
    for k in keys:
        wanted[k.split("/", 1)[0]].add(k.split("/", 1)[1])
    for line in (EVAL / "cnews_dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if str(row["id"]) in wanted["cnews"]:
            (articles / f"cnews-{row['id']}.txt").write_text(row["text"] + "\n", encoding="utf-8")
    for line in (EVAL / "sohu_dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if str(row["id"]) in wanted["sohu"]:
            text = row["title"] + "\n\n" + "\n\n".join(row["paragraphs"]) + "\n"
            (articles / f"sohu-{row['id']}.txt").write_text(text, encoding="utf-8")
    for path in sorted((EVAL / "pages").glob("*.html")) + sorted((EVAL / "feeds").glob("*.xml")):
        shutil.copy(path, articles / path.name)
    for path in sorted((ROOT / "seeds").iterdir()):
        if path.is_file():
            shutil.copy(path, articles / path.name)
    aliases = {}
    keyset = set(keys)
    for path in sorted((EVAL / "feeds").glob("*.xml")):
        for ident, link in feed_entries(path):
            key = next((f"feed/{path.name}#{x}" for x in (ident, link) if f"feed/{path.name}#{x}" in keyset), None)
            for x in (ident, link):
                if key and x:
                    aliases[f"{path.name}#{x}"] = key
    return aliases


def build(folder: Path, *extra: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([str(DIGEST), "build", "--jobs", "2", *extra], cwd=folder,
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        sys.exit(f"digest build {' '.join(extra)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - start, done.stdout.strip().replace(str(folder), "<week>")


def week_folder(folder: Path) -> Path:
    outs = sorted((folder / "outbox").glob("*/manifest.json"), key=lambda p: p.stat().st_mtime)
    return outs[-1].parent


SKIP = re.compile(r"^\s*- (?:skipped|failed): (.+?): (.+)$")


def skip_reasons(folder: Path) -> dict[str, str]:
    """File name -> reason, for the files `digest status` lists as skipped or failed."""
    done = subprocess.run([str(DIGEST), "status"], cwd=folder, capture_output=True, text=True, timeout=120)
    return {Path(m[1]).name: m[2] for line in done.stdout.splitlines() if (m := SKIP.match(line))}


def reason_class(reason: str | None) -> str:
    if reason is None:
        return "absent, no reason recorded"   # e.g. a feed entry met twice
    if reason.startswith("duplicate"):
        return "duplicate"
    if reason.startswith(("not news", "not an article")):
        return "not news or not an article"
    return "other reason"


def file_of(key: str) -> str:
    kind, _, rest = key.partition("/")
    if kind in ("cnews", "sohu"):
        return f"{kind}-{rest}.txt"
    return rest.split("#", 1)[0]


def rebuild_same(m1: dict, m2: dict, md1: str, md2: str) -> str:
    if STAMP.sub("", md1) != STAMP.sub("", md2):
        return "no (digest.md differs)"
    parts = [p for p in ("themes", "articles") if unstamped(m1.get(p)) != unstamped(m2.get(p))]
    if not parts:
        return "yes"
    def sort_related(m):
        return [{**a, "related": sorted(a.get("related") or [])} for a in unstamped(m.get("articles") or [])]
    if parts == ["articles"] and sort_related(m1) == sort_related(m2):
        return "no (only the order of articles[].related differs)"
    return f"no (manifest {' and '.join(parts)} differ)"


STAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?")


def unstamped(value):
    """Manifest parts without build times, for comparing two builds."""
    if isinstance(value, dict):
        return {k: unstamped(v) for k, v in value.items() if not k.endswith(("_at", "built", "time"))}
    if isinstance(value, list):
        return [unstamped(v) for v in value]
    return STAMP.sub("<time>", value) if isinstance(value, str) else value


# ---------------------------------------------------------------- scoring

def key_of(source: str, aliases: dict[str, str]) -> str | None:
    path, _, entry = source.partition("#")
    name = Path(path).name
    if entry and name.endswith((".xml", ".rss", ".atom")):
        return aliases.get(f"{name}#{entry}")
    if m := re.fullmatch(r"(cnews|sohu)-(\d+)\.txt", name):
        return f"{m[1]}/{m[2]}"
    if name.endswith((".html", ".htm")):
        return f"page/{name}"
    return f"seed/{name}"


def theme_kind(theme: dict, configured: set[str]) -> str:
    if theme.get("kind"):
        return theme["kind"]
    if theme["key"] in configured:
        return "configured"
    return "other" if theme["key"] == "other" else "cluster"


def cluster_text(theme: dict, arts: dict) -> str:
    """The titles and texts of a cluster's articles (the texts of its source files)."""
    parts = []
    for i in theme.get("articles", []):
        article = arts.get(i, {})
        parts.append(article.get("title", ""))
        path = Path(str(article.get("source", "")).split("#")[0])
        if path.suffix == ".txt" and path.is_file():
            parts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(parts)


def label_problems(zh: str, en: str, written: str = "") -> list[str]:
    """The mechanical rules a cluster label breaks. A short or upper-cased Latin word is
    an acronym, not a fragment, when the cluster's articles (``written``) write it so."""
    problems = []

    def as_written(word: str) -> bool:
        return bool(re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", written))

    for text in (zh, en):
        for part in filter(None, (x.strip() for x in PARTS.split(text))):
            words = part.split()
            if part in STOP_ZH or all(w.lower() in STOP_EN for w in words):
                problems.append(f"stopword {part!r}")
            # a fragment: a short Latin part of the Chinese, or an upper-cased one of the
            # English ("man" is an English word, "MM" is not)
            elif re.fullmatch(r"[A-Za-z]{1,3}", part) and (text is zh or part.isupper()) \
                    and part.upper() not in ACRONYMS and not as_written(part):
                problems.append(f"lone Latin fragment {part!r}")
        for word in re.findall(r"[A-Za-z]+", text):
            if word.isupper() and (word.lower() in STOP_EN
                                   or len(word) <= 3 and word not in ACRONYMS and not as_written(word)):
                problems.append(f"upper-cased Latin word {word!r}")
    if re.search(r"\bother\b", en, re.I):
        problems.append("English says 'other'")
    if not en.strip() or CJK.search(en):
        problems.append("English label missing or not English")
    missing = [w for w in LATIN.findall(zh) if w.lower() not in en.lower()]
    if missing:
        problems.append(f"Latin words of the Chinese missing in the English: {missing}")
    return sorted(set(problems))


def score(manifest: dict, focus: dict[str, str], group: dict[str, str], not_same: list[tuple[str, str]],
          topics: dict[str, str], configured: set[str], aliases: dict[str, str], halfs: dict[str, str],
          reasons: dict[str, str]):
    arts = {a["id"]: a for a in manifest.get("articles", [])}
    key = {i: key_of(a.get("source", ""), aliases) for i, a in arts.items()}
    key = {i: k for i, k in key.items() if k in focus}
    themes = manifest.get("themes", [])
    kind_of_article: dict[str, set[str]] = defaultdict(set)
    for t in themes:
        for i in t.get("articles", []):
            kind_of_article[i].add(theme_kind(t, configured))
    seen = set(key.values())
    missing = sorted(k for k in focus if k not in seen)

    # Same-story links: `related`, and articles sharing a story id when the manifest gives one.
    links = set()
    for i, a in arts.items():
        for j in a.get("related", []) or []:
            if j in arts and j != i:
                links.add(frozenset((i, j)))
    by_story = defaultdict(list)
    for i, a in arts.items():
        sid = a.get("story") or a.get("story_id")
        if sid:
            by_story[sid].append(i)
    for members in by_story.values():
        links |= {frozenset(p) for p in itertools.combinations(members, 2)}
    linked_keys = {frozenset((key[a], key[b])) for a, b in map(tuple, links) if a in key and b in key}

    def report(half: str | None) -> dict:
        def mine(k: str) -> bool:
            return half is None or halfs[k] == half
        inst = [(i, k) for i, k in key.items() if mine(k)]
        in_conf = [(i, k) for i, k in inst if "configured" in kind_of_article[i]]
        on_total = sum(1 for i, k in inst if focus[k] == "on") + sum(1 for k in missing if mine(k) and focus[k] == "on")
        on_in = sum(1 for i, k in in_conf if focus[k] == "on")
        off_in = sorted(arts[i].get("title", "") for i, k in in_conf if focus[k] == "off")
        on_out = sorted(f"{k}: {arts[i].get('title', '')}" for i, k in inst
                        if focus[k] == "on" and "configured" not in kind_of_article[i])
        no_theme = [k for i, k in inst if not kind_of_article[i]]
        # purity of cluster themes
        purities, weight = [], 0
        for t in themes:
            if theme_kind(t, configured) != "cluster":
                continue
            ks = [key[i] for i in t.get("articles", []) if i in key and mine(key[i])]
            if not ks:
                continue
            top_topic = Counter(topics[k] for k in ks if k in topics).most_common(1)
            top_focus = Counter(focus[k] for k in ks).most_common(1)
            share = max(top_topic[0][1] if top_topic else 0, top_focus[0][1]) / len(ks)
            purities.append((t["key"], len(ks), share))
            weight += len(ks)
        # story pairs over the story-labelled set: sohu articles of the week and every grouped key
        story_set = {k for k in focus if k.startswith("sohu/")} | set(group)
        pred = {p for p in linked_keys if p <= story_set and any(mine(k) for k in p)}
        good = {p for p in pred if len({group.get(k, k) for k in p}) == 1}
        gold = set()
        members = defaultdict(list)
        for k, g in group.items():
            if mine(k):
                members[g].append(k)   # a group lies in one half
        for ks in members.values():
            gold |= {frozenset(p) for p in itertools.combinations(ks, 2)}
        gold_present = {p for p in gold if p <= seen}
        return {
            "labelled": len(inst) + sum(1 for k in missing if mine(k)),
            "in_configured": len(in_conf),
            "in_clusters": sum(1 for i, k in inst if "cluster" in kind_of_article[i]),
            "in_closing": sum(1 for i, k in inst if "other" in kind_of_article[i]),
            "precision": on_in / len(in_conf) if in_conf else None,
            "recall": on_in / on_total if on_total else None,
            "off_in": off_in, "on_out": on_out,
            "wrong_links": sorted(" - ".join(sorted(p)) for p in pred - good),
            "not_same_links": sorted(f"{a} - {b}" for a, b in not_same
                                     if (mine(a) or mine(b)) and frozenset((a, b)) in linked_keys),
            "skipped": [k for k in missing if mine(k)],
            "excluded": Counter(reason_class(reasons.get(file_of(k))) for k in missing if mine(k)),
            "no_theme": no_theme,
            "purity": (sum(n * s for _, n, s in purities) / weight) if weight else None,
            "purities": purities,
            "pairs_pred": len(pred), "pairs_good": len(good),
            "pair_precision": len(good) / len(pred) if pred else None,
            "pairs_gold": len(gold_present), "pairs_gold_missing": len(gold) - len(gold_present),
            "pair_recall": len(gold_present & linked_keys) / len(gold_present) if gold_present else None,
            "not_same_linked": sum(1 for a, b in not_same if (mine(a) or mine(b)) and frozenset((a, b)) in linked_keys),
            "not_same_total": sum(1 for a, b in not_same if mine(a) or mine(b)),
        }

    # digest order: top stories, then themes in order
    order = []
    for i in (manifest.get("top_stories") or []) + [i for t in themes for i in t.get("articles", [])]:
        if i in arts and i not in order:
            order.append(i)
    first = [(arts[i].get("title", ""), focus.get(key.get(i, ""), "unlabelled")) for i in order[:30]]
    bad_labels = [(t["key"], t.get("zh", ""), t.get("en", ""), label_problems(t.get("zh", ""), t.get("en", ""),
                                                                cluster_text(t, arts)))
                  for t in themes if theme_kind(t, configured) == "cluster"]
    return {h or "all": report(h) for h in (None, "tune", "held-out")}, first, [b for b in bad_labels if b[3]], bad_labels


# ---------------------------------------------------------------- report

def pct(x) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"


def render(res, first, bad, clusters, identical, times, counts, message, has, reasons) -> str:
    out = ["# Mixed-week benchmark", "",
           "Written by `bench/week.py` (see its docstring for how the week, the labels and the halves are made).",
           f"One `digest build --jobs 2` of {counts['files']} input files: {message}", "",
           f"Build {times[0]:.1f} s, rebuild {times[1]:.1f} s. Rebuild identical (digest.md, manifest themes and "
           f"articles, build times aside): **{identical}**.", "",
           f"Labels: {counts['focus']} inputs ({counts['on']} on, {counts['edge']} edge, {counts['off']} off), "
           f"{counts['groups']} same-story groups ({counts['pairs']} pairs), {counts['not_same']} not-same pairs. "
           f"Manifest fields present: themes[].kind {has['kind']}, top_stories {has['top']}.", "",
           "| measure | all | tune | held-out |", "|---|---|---|---|"]
    def row(name, f):
        out.append(f"| {name} | " + " | ".join(f(res[h]) for h in ("all", "tune", "held-out")) + " |")
    row("labelled articles", lambda r: str(r["labelled"]))
    row("in configured themes", lambda r: str(r["in_configured"]))
    row("in clustered themes", lambda r: str(r["in_clusters"]))
    row("in the closing section", lambda r: str(r["in_closing"]))
    row("focus precision (on / in configured themes)", lambda r: pct(r["precision"]))
    row("focus recall (on reaching configured themes)", lambda r: pct(r["recall"]))
    row("off-focus in configured themes", lambda r: str(len(r["off_in"])))
    for cls in ("not news or not an article", "duplicate", "other reason", "absent, no reason recorded"):
        row(f"excluded: {cls}", lambda r, cls=cls: str(r["excluded"][cls]))
    row("excluded: in no theme", lambda r: str(len(r["no_theme"])))
    row("cluster purity (weighted)", lambda r: pct(r["purity"]))
    row("same-story pair precision", lambda r: f"{pct(r['pair_precision'])} ({r['pairs_good']}/{r['pairs_pred']})")
    row("same-story pair recall", lambda r: pct(r["pair_recall"]) + f" (of {r['pairs_gold']}; {r['pairs_gold_missing']} with an article missing)")
    row("not-same pairs linked", lambda r: f"{r['not_same_linked']} of {r['not_same_total']}")
    out += ["", "## First ten items (digest order) and their focus", "",
            " ".join(f for _, f in first[:10]) or "(none)", "",
            "## Off-focus articles in configured themes", ""]
    out += [f"- {t}" for t in res["all"]["off_in"]] or ["(none)"]
    out += ["", "## On-focus articles outside the configured themes", ""]
    out += [f"- {t}" for t in res["all"]["on_out"]] or ["(none)"]
    out += ["", "## Wrong same-story links (articles of different groups, or a group and a single article)", ""]
    out += [f"- {t}" for t in res["all"]["wrong_links"]] or ["(none)"]
    out += ["", "Not-same pairs linked: " + (", ".join(res["all"]["not_same_links"]) or "none") + "."]
    out += ["", "## Cluster themes", "", "| key | zh | en | articles labelled | purity | label problems |", "|---|---|---|---|---|---|"]
    pur = {k: (n, s) for k, n, s in res["all"]["purities"]}
    for k, zh, en, probs in clusters:
        n, s = pur.get(k, (0, None))
        out.append(f"| {k} | {zh} | {en} | {n} | {pct(s)} | {'; '.join(probs) or '-'} |")
    if not clusters:
        out.append("| (no cluster themes) | | | | | |")
    out += ["", f"Cluster labels breaking the rules: {len(bad)} of {len(clusters)}.", "",
            "## Excluded labelled inputs", "",
            "Not in the manifest: " + (", ".join(f"{k} ({reasons.get(file_of(k), 'no reason recorded')})"
                                                for k in res["all"]["skipped"] if not k.startswith("feed/v2ex"))
                                       or "none") + (f"; and the {sum(1 for k in res['all']['skipped'] if k.startswith('feed/v2ex'))}"
                                                     " V2EX posts" if any(k.startswith("feed/v2ex") for k in res["all"]["skipped"])
                                                     else "") + ".", "",
            "In no theme: " + (", ".join(res["all"]["no_theme"]) or "none") + ".", "",
            "## First 30 items (digest order)", ""]
    out += [f"{n}. [{f}] {t}" for n, (t, f) in enumerate(first, 1)]
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "WEEK.md")
    ap.add_argument("--keep", type=Path, help="build in this (new) folder and keep it")
    args = ap.parse_args()

    focus = {k: f for k, f, *_ in read_tsv("focus.tsv")}
    group = {k: g for g, k in read_tsv("stories.tsv")}
    not_same = [(a, b) for a, b, *_ in read_tsv("not_same.tsv")]
    assert set(group) <= set(focus) and {k for p in not_same for k in p} <= set(focus)
    topics = {}
    for line in (EVAL / "cnews_dev.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if f"cnews/{row['id']}" in focus:
            topics[f"cnews/{row['id']}"] = row["label"]
    halfs = {k: half_of(k, group) for k in focus}

    tmp = None
    if args.keep:
        folder = args.keep
        folder.mkdir(parents=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="digest-week-")
        folder = Path(tmp.name)
    try:
        aliases = make_week(folder, sorted(focus))
        configured = {t["key"] for t in tomllib.loads((folder / "config.toml").read_text("utf-8")).get("themes", [])}
        t1, message = build(folder)
        week = week_folder(folder)
        manifest = json.loads((week / "manifest.json").read_text("utf-8"))
        md = (week / "digest.md").read_text("utf-8")
        t2, _ = build(folder, "--rebuild")
        week2 = week_folder(folder)
        manifest2 = json.loads((week2 / "manifest.json").read_text("utf-8"))
        md2 = (week2 / "digest.md").read_text("utf-8")
        same = rebuild_same(manifest, manifest2, md, md2)
        reasons = skip_reasons(folder)
        files = len(list((folder / "articles").iterdir()))
        # scored while the week's files exist: label checks read the clusters' texts
        res, first, bad, clusters = score(manifest, focus, group, not_same, topics, configured, aliases,
                                          halfs, reasons)
    finally:
        if tmp:
            tmp.cleanup()

    c = Counter(focus.values())
    members = Counter(group.values())
    counts = {"files": files, "focus": len(focus), "on": c["on"], "edge": c["edge"], "off": c["off"],
              "groups": len(members), "pairs": sum(n * (n - 1) // 2 for n in members.values()),
              "not_same": len(not_same)}
    has = {"kind": "yes" if any("kind" in t for t in manifest.get("themes", [])) else "n/a",
           "top": "yes" if "top_stories" in manifest else "n/a"}
    text = render(res, first, bad, clusters, same, (t1, t2), counts, message, has, reasons)
    args.out.write_text(text, encoding="utf-8")
    print(text.split("## Off-focus")[0].rstrip())
    print(f"\ncluster labels breaking the rules: {len(bad)} of {len(clusters)}")
    for k, zh, en, probs in bad:
        print(f"  {k}: {zh} / {en}: {'; '.join(probs)}")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
