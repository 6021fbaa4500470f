"""Cleaner: RawText -> Articles with their own words and their metadata.

Steps, each driven by the tables in :mod:`digest.text.rules`: strip pinyin
annotations and invisible characters, break glued paragraphs, split a
collection file into its articles, read the header (:mod:`digest.text.header`),
drop boilerplate, cut at end markers, trim the trailer, then fall back for
missing metadata.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import furniture, rules
from .header import Meta, field_line, is_boilerplate, looks_like_title, read_credit, read_header
from ..models import Article, RawText
from .script import detect, fold_width, words_only

END_MARKER_FROM = 0.5     # end markers count only past this share of the text
BLURB_MAX_CHARS = 400     # a closing line naming the publisher, shorter than this, is its blurb
FURNITURE_MAX_CHARS = 100   # a longer line is article text even with a link or a phone number in it
SENTENCE_CJK_CHARS = 15     # Chinese characters left beside the furniture that make a sentence
CJK = re.compile(r"[\u4e00-\u9fff]")
REPEAT_MIN_CHARS = 8      # shorter repeated lines (a "Yes.") may repeat
NOTICE_HEADING = re.compile(r"^[【\[]?(?:特别|特別|重要|温馨|溫馨)?(?:提醒|提示|声明|聲明|说明|說明|注意|须知|須知)[】\]]?[:：]?$")


@dataclass
class _Draft:
    lines: list[str]
    title: str | None = None


def clean(raw: RawText) -> list[Article]:
    """Every article found in ``raw``; an empty list when nothing is left."""
    text = rules.INVISIBLE.sub("", raw.text.replace("\r\n", "\n").replace("\r", "\n"))
    if raw.fmt == "txt":
        text = _strip_markup(text)
    text = rules.PINYIN.sub("", text)
    text = rules.INLINE_DROP.sub("", text)
    lines = [rules.LINE_LABEL.sub("", unspaced(line.strip())) for line in text.split("\n")]
    drafts = _split_collection(lines) or [_Draft(lines)]
    articles = []
    for ordinal, draft in enumerate(drafts):
        draft.lines = [piece for line in draft.lines for piece in _unglue(line)]
        article = _finish(draft, raw, ordinal)
        if article is not None:
            articles.append(article)
    return articles


def unspaced(line: str) -> str:
    """``line`` without the spaces of text printed one character at a time."""
    if line.count(" ") < rules.SPACED_OUT_SHARE * rules.SPACED_OUT_MIN_CHARS:
        return line                    # too few spaces to be spaced out (the common case)
    chinese = len(CJK.findall(line))
    if chinese < rules.SPACED_OUT_MIN_CHARS:
        return line
    spaced = sum(1 for a, b in zip(line, line[1:]) if "\u4e00" <= a <= "\u9fff" and b == " ")
    return rules.SPACED_OUT.sub("", line) if spaced >= rules.SPACED_OUT_SHARE * chinese else line


def _strip_markup(text: str) -> str:
    """Tags and entities a scraper left in a plain-text file; a block tag ends a paragraph."""
    if "<" in text:
        text = rules.INLINE_TAG.sub("", rules.BLOCK_TAG.sub("\n", text))
    if "&" in text:
        text = rules.HTML_ENTITY.sub(lambda m: html.unescape(m.group()).replace("\xa0", " "), text)
    return text


def _unglue(line: str) -> list[str]:
    if len(line) < rules.GLUED_MIN_CHARS:
        return [line]
    pieces: list[str] = []
    for piece in rules.GLUED_PARAGRAPH.split(line):
        # A space inside brackets ("【环球时报记者 李莹 陈欣】", "(记者 吴倩)") separates names,
        # not paragraphs.
        if pieces and _open_bracket(pieces[-1]):
            pieces[-1] += " " + piece
        else:
            pieces.append(piece)
    return [p.strip() for p in pieces if p.strip()]


def _open_bracket(piece: str) -> bool:
    """A piece ending inside brackets that hold a credit: "【环球时报记者", "(央视记者",
    "(记者马力"."""
    return piece.count("【") > piece.count("】") or OPEN_CREDIT.search(piece) is not None


OPEN_CREDIT = re.compile(r"[(（][^()（）]{0,10}(?:记者|記者)[^()（）]{0,20}$")


def _split_collection(lines: list[str]) -> list[_Draft] | None:
    """Title/body pairs after an opening topic tag, or None for a single article."""
    content = [line for line in lines if line]
    if len(content) < 3 or not rules.COLLECTION_TAG.match(content[0]):
        return None
    drafts: list[_Draft] = []
    body = content[1:]
    for i, line in enumerate(body):
        following = body[i + 1] if i + 1 < len(body) else ""
        if looks_like_title(line, rules.TITLE_MAX_CHARS) and len(following) > 2 * len(line):
            drafts.append(_Draft([], title=line))
        elif drafts:
            drafts[-1].lines.append(line)
    return drafts if len(drafts) > 1 else None


# ------------------------------------------------------------- one article

def _finish(draft: _Draft, raw: RawText, ordinal: int) -> Article | None:
    lines = [line for line in draft.lines if line]
    title = draft.title or (unspaced(rules.INVISIBLE.sub("", raw.title).strip()) if raw.title else None)
    title_from = "text" if draft.title else "format" if raw.title else ""
    lines, title, meta = read_header(lines, title)
    if title and not title_from:
        title_from = "text"
    lines = _without_repeats([line for line in lines if not is_boilerplate(line)])
    lines = _cut_at_end_marker(lines, meta)
    lines = _trim_trailer(lines, meta)
    if not any(map(_article_text, lines)):
        return None
    script = detect("".join(lines))
    if not title:
        title, title_from = _fallback_title(raw, lines)
    published, date_from = _date(meta.date, raw)
    return Article(
        id=article_id(lines), source=raw.source, ordinal=ordinal, title=title,
        paragraphs=tuple(lines), author=meta.author or raw.author,
        publisher=meta.publisher or raw.publisher, published=published, link=raw.link,
        script=script, title_from=title_from, date_from=date_from)


_NOT_WORDS = re.compile(r"[\W_]+")


def _article_text(line: str) -> bool:
    """Whether a line can be the article's own: a long one can, a short one unless it is only
    a caption, a contact line, a call to act or a link (a page whose body is its footer): a
    sentence with a phone number in it ("…暂停开放一天，咨询电话：010-…") is still one."""
    folded = fold_width(line)
    if len(line) > FURNITURE_MAX_CHARS or not furniture.furniture(folded):
        return True
    return len(CJK.findall(furniture.FURNITURE.sub("", folded))) >= SENTENCE_CJK_CHARS


def _without_repeats(lines: list[str]) -> list[str]:
    """Drop a paragraph the page repeats word for word (a scraped teaser, say)."""
    seen: set[str] = set()
    kept = []
    for line in lines:
        key = _NOT_WORDS.sub("", fold_width(line))
        if len(key) >= REPEAT_MIN_CHARS and key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return kept


def _cut_at_end_marker(lines: list[str], meta: Meta) -> list[str]:
    """The text up to the first end marker in its second half (a closing source line
    names the publisher)."""
    total = sum(len(line) for line in lines)
    seen = 0
    for i, line in enumerate(lines):
        if seen >= total * END_MARKER_FROM:
            folded = fold_width(line)
            for name, pattern in rules.END_MARKERS:
                if pattern.match(folded):
                    found = field_line(folded) if name == "source line" else None
                    if found:
                        meta.offer(publisher=found.meta.publisher)
                    # a notice's own heading above it ("特别提醒", "声明") goes with it, never read as a signature
                    heading = i > 1 and NOTICE_HEADING.match(fold_width(lines[i - 1]).strip()) is not None
                    return lines[:i - 1] if heading else lines[:i]
        seen += len(line)
    return lines


def _trim_trailer(lines: list[str], meta: Meta) -> list[str]:
    """Drop the page's lines after the text (signature, job title, blurb), and a closing tag."""
    lines = list(lines)
    publisher = meta.publisher
    while len(lines) > 1:
        last = fold_width(lines[-1])
        name = next((n for n, p in rules.TRAILER_LINES if p.search(last)), None)
        if name is None and publisher and last.startswith(publisher) and len(last) < BLURB_MAX_CHARS:
            name = "company blurb"
        if name is None:
            break
        if name == "signature" and not NOTICE_HEADING.match(last.strip()):
            meta.offer(author=lines[-1])
        lines.pop()
    if lines:
        tag = rules.CLOSING_TAG.search(lines[-1])
        if tag:
            _closing_tag(tag.group("tag"), meta)
            lines[-1] = lines[-1][: tag.start()].rstrip()
            if not lines[-1]:
                lines.pop()
    return lines


def _closing_tag(tag: str, meta: Meta) -> None:
    """"(央视记者 卢星海)" names a publisher and an author; "(单仁行)" a publisher; "(完)" nothing."""
    if tag in rules.END_WORDS or tag.rstrip().endswith(("摄", "攝")):    # a photographer's credit
        return
    tag = CREDIT_TAIL.sub("", tag).strip()
    if rules.CREDIT_AUTHOR.search(tag) is None:
        if not re.search(r"\s", tag):          # "(新浪体育 张海彦)" holds a name: no publisher
            meta.offer(publisher=tag)
        return
    read_credit(tag, meta)


# What a credit says after the names: "前方报道", "发自休斯敦".
CREDIT_TAIL = re.compile(r"(?:\s*(?:(?:前方|现场|現場)?(?:报道|報道|報導)|(?:发自|發自)\S+))+$")


def _fallback_title(raw: RawText, lines: list[str]) -> tuple[str, str]:
    """A title from a meaningful file name, else from the lead sentence."""
    stem = Path(raw.source.split("#")[0]).stem
    words = re.findall(r"[\u4e00-\u9fff]+|[A-Za-z]{3,}", stem)
    machine_made = re.fullmatch(r"[\d_\-.]*(?:[0-9a-fA-F]{8,}[\d_\-.]*)?", stem)
    if words and not machine_made and (CJK.search(stem) or len(words) >= 2):
        return re.sub(r"[_\-]+", " ", stem).strip(), "filename"
    from .sentences import split

    first = split(lines[0])[0].strip()
    if len(first) > 40:
        first = first[:38].rstrip("，,、；; ") + "…"
    return first, "lead"


def _date(value: str | None, raw: RawText) -> tuple[str | None, str]:
    if value:
        parsed = _parse_date(value)
        if parsed:
            return parsed, "text"
    if isinstance(raw.published, datetime):
        return raw.published.isoformat(timespec="minutes"), "format"
    if raw.published:
        return raw.published.isoformat(), "format"
    if raw.mtime:
        return datetime.fromtimestamp(raw.mtime).date().isoformat(), "file-time"
    return None, "none"


def _parse_date(value: str) -> str | None:
    match = re.match(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                     r"(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?", value)
    if not match:
        return None
    y, m, d, hh, mm, ss = match.groups()
    try:
        if hh:
            return datetime(int(y), int(m), int(d), int(hh), int(mm), int(ss or 0)).isoformat()
        return datetime(int(y), int(m), int(d)).date().isoformat()
    except ValueError:
        return None


def article_id(paragraphs: list[str] | tuple[str, ...]) -> str:
    """A stable id from the article's words, the same in either script or width."""
    return hashlib.sha256(words_only(tuple(paragraphs)).encode("utf-8")).hexdigest()[:16]
