"""One huge article costs what a long one does: what is ranked is capped (not what is
kept), and every output stays within its budgets whatever the input."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np

from digest.config import load
from digest.text.dedupe import signature
from digest.models import Article
from digest.run.pipeline import build
from digest.editorial.document import LONGEST_SENTENCE, RANKED_CHARS, document

from .conftest import SEEDS, write_config

NO_STOPS = re.compile(r"[\s\W_]+")


def unpunctuated(chars: int) -> str:
    text = "".join(NO_STOPS.sub("", p.read_text(encoding="utf-8")) for p in sorted(SEEDS.iterdir()))
    return (text * (chars // len(text) + 1))[:chars]


def test_only_the_opening_is_ranked_in_sentences_of_bounded_length():
    line = unpunctuated(200_000)
    article = Article(id="x", source="x", ordinal=0, title="长文", paragraphs=(line, "第二段。" * 10_000))
    doc = document(article)
    pieces = [s.text for s in doc.sentences]
    assert sum(map(len, pieces)) <= RANKED_CHARS
    assert max(map(len, pieces)) <= LONGEST_SENTENCE
    assert "".join(pieces) == line[:RANKED_CHARS]         # nothing dropped in what is ranked
    assert article.chars == 240_000                       # the article itself is kept whole


def test_a_signature_of_a_huge_text_is_the_one_of_its_distinct_shingles():
    text = unpunctuated(300_000)
    assert np.array_equal(signature(text), signature(text + text[:1000]))


def test_a_huge_line_without_stops_keeps_the_email_and_summary_within_budget(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "line.txt").write_text(
        "一行没有标点的超长文本\n\n" + unpunctuated(400_000), encoding="utf-8")
    (tmp_path / "articles" / "seed.txt").write_bytes((SEEDS / "000_6ab68325297169c1.txt").read_bytes())
    write_config(tmp_path)
    config = load(tmp_path / "config.toml")
    result = build(config, now=datetime(2026, 11, 18, tzinfo=ZoneInfo("UTC")))
    assert result.articles >= 2
    email_html = (result.folder / "email.html").read_bytes()
    assert len(email_html) <= config.digest.email_max_kb * 1024
    summaries = re.findall(r'<p class="summary"[^>]*>(.*?)</p>', email_html.decode(), re.S)
    assert summaries and max(len(s) for s in summaries) <= config.digest.summary_chars
    assert (result.folder / "digest.eml").stat().st_size <= 4 * config.digest.email_max_kb * 1024
