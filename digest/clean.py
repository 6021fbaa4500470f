"""Cleaner: RawText -> Articles with their own words and their metadata.

Steps, each driven by the tables in :mod:`digest.rules`: strip pinyin
annotations and invisible characters, break glued paragraphs, split a
collection file into its articles, read metadata lines, drop boilerplate, cut
at end markers, trim the trailer, then fall back for missing metadata.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import rules
from .models import Article, RawText
from .script import detect, fold_width, to_simplified


@dataclass
class _Draft:
    lines: list[str]
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def clean(raw: RawText) -> list[Article]:
    """Every article found in ``raw``; an empty list when nothing is left."""
    text = rules.INVISIBLE.sub("", raw.text.replace("\r\n", "\n").replace("\r", "\n"))
    if raw.fmt == "txt":
        text = _strip_markup(text)
    text = rules.PINYIN.sub("", text)
    text = rules.INLINE_DROP.sub("", text)
    lines = [rules.LINE_LABEL.sub("", line.strip()) for line in text.split("\n")]
    drafts = _split_collection(lines) or [_Draft(lines)]
    articles = []
    for ordinal, draft in enumerate(drafts):
        draft.lines = [piece for line in draft.lines for piece in _unglue(line)]
        article = _finish(draft, raw, ordinal)
        if article is not None:
            articles.append(article)
    return articles


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
        # A space inside brackets ("【环球时报记者 李莹 陈欣】") separates names, not paragraphs.
        if pieces and pieces[-1].count("【") > pieces[-1].count("】"):
            pieces[-1] += " " + piece
        else:
            pieces.append(piece)
    return [p.strip() for p in pieces if p.strip()]


def _split_collection(lines: list[str]) -> list[_Draft] | None:
    """Title/body pairs after an opening topic tag, or None for a single article."""
    content = [line for line in lines if line]
    if len(content) < 3 or not rules.COLLECTION_TAG.match(content[0]):
        return None
    drafts: list[_Draft] = []
    body = content[1:]
    for i, line in enumerate(body):
        following = body[i + 1] if i + 1 < len(body) else ""
        if _looks_like_title(line, rules.TITLE_MAX_CHARS) and len(following) > 2 * len(line):
            drafts.append(_Draft([], title=line))
        elif drafts:
            drafts[-1].lines.append(line)
    return drafts if len(drafts) > 1 else None


def _looks_like_title(line: str, max_chars: int = rules.HEADER_TITLE_MAX_CHARS) -> bool:
    folded = fold_width(line)
    return 0 < len(line) <= max_chars and not rules.NOT_A_TITLE.search(folded)


# ------------------------------------------------------------- one article

def _finish(draft: _Draft, raw: RawText, ordinal: int) -> Article | None:
    lines = [line for line in draft.lines if line]
    meta = dict(draft.meta)
    title = draft.title or raw.title
    title_from = "text" if draft.title else "format" if raw.title else ""
    lines, title, header_meta = _read_header(lines, title)
    if title and not title_from:
        title_from = "text"
    for key, value in header_meta.items():
        meta.setdefault(key, value)
    lines = _without_repeats([line for line in lines if not _is_boilerplate(line)])
    lines = _cut_at_end_marker(lines, meta)
    lines = _trim_trailer(lines, meta)
    if not lines:
        return None
    script = detect("".join(lines))
    if not title:
        title, title_from = _fallback_title(raw, lines)
    published, date_from = _date(meta.get("date"), raw)
    return Article(
        id=article_id(lines), source=raw.source, ordinal=ordinal, title=title,
        paragraphs=tuple(lines), author=meta.get("author") or raw.author,
        publisher=meta.get("publisher") or raw.publisher, published=published, link=raw.link,
        script=script, title_from=title_from, date_from=date_from)


def _read_header(lines: list[str], title: str | None):
    """Take the title and metadata lines from the top of an article."""
    meta: dict[str, str] = {}
    rest = list(lines)
    scanned = 0
    while rest and scanned < 6:
        scanned += 1
        line = rest[0]
        folded = fold_width(line)
        found = _meta(folded)
        if found is not None:
            glued = found.pop("_rest", "")
            for key, value in found.items():
                meta.setdefault(key, value)
            rest[0:1] = [glued] if glued else []
            continue
        bio = rules.AUTHOR_BIO.match(folded)
        if bio and len(line) < 600:
            meta.setdefault("author", bio.group("author"))
            rest.pop(0)
            continue
        if _is_boilerplate(line) or _is_notice(folded):
            rest.pop(0)
            continue
        if title is None and _looks_like_title(line) and len(rest) > 1:
            title = _lead_in(line, {})
            rest.pop(0)
            continue
        if title is not None and rules.KICKER.search(title) and _looks_like_title(line) and len(rest) > 1:
            title = line  # the kicker led into this, the headline
            rest.pop(0)
            continue
        if rules.REPORTERS.match(folded):
            meta.setdefault("author", " ".join(
                " ".join(m["names"].split()) for m in rules.REPORTER.finditer(folded)))
            rest.pop(0)
            continue
        if title is not None and len(rest) > 1 and _lone_name(folded):
            meta.setdefault("author", line)  # "伊恩·贝格" between the title and the text
            rest.pop(0)
            continue
        lead = _lead_in(line, meta)
        if lead != line:
            rest[0:1] = [lead] if lead else []
        break
    return rest, title, meta


def _lone_name(folded: str) -> bool:
    """A name alone on its line: "许少民", "伊恩·贝格"."""
    if folded in rules.NOT_NAMES:
        return False
    return bool(rules.TRANSLITERATED_NAME.match(folded) or re.fullmatch(r"[\u4e00-\u9fff]{2,3}", folded))


def _lead_in(line: str, meta: dict[str, str]) -> str:
    """``line`` without an opening dateline or reporter credit, which go into ``meta``."""
    folded = fold_width(line)
    dateline = rules.DATELINE.match(folded)
    if dateline:
        publisher = dateline["agency"] or dateline["wire"]
        author = dateline["author"] or dateline["name"]
        if publisher:
            meta.setdefault("publisher", publisher)
        if author:
            meta.setdefault("author", " ".join(author.split()))
        line, folded = line[dateline.end():], folded[dateline.end():]
    credit = rules.CREDIT.match(folded)
    if credit:
        _credit(credit["credit"], meta)
        line, folded = line[credit.end():], folded[credit.end():]
    label = rules.TITLE_LABEL.match(folded)
    return line[label.end():] if label else line


def _meta(folded: str) -> dict[str, str] | None:
    fields = list(rules.META_FIELD.finditer(folded))
    if len(fields) > 1 and fields[0].start() == 0 and len(folded) < 120:
        found = {}
        for field_match in fields:
            key = rules.META_FIELD_KEYS.get(field_match["key"])
            if key:
                found.setdefault(key, field_match["value"].strip())
        return found
    for name, pattern in rules.META_LINES:
        match = pattern.match(folded)
        if not match:
            continue
        found = {k: v.strip() for k, v in match.groupdict().items() if v and v.strip()}
        if "publisher" in found:
            account = rules.ACCOUNT.search(found["publisher"])
            if account:
                found["account"] = account.group("account")
                found["publisher"] = rules.ACCOUNT.sub("", found["publisher"]).strip()
        if name == "author":
            author, glued = _split_glued_author(found["author"])
            if author is None:
                return None
            found.pop("author")
            if author in rules.AUTHOR_PLACEHOLDERS:
                found.setdefault("publisher", author)
            else:
                found["author"] = author
            if glued:
                found["_rest"] = glued
        if name == "source" and len(found.get("publisher", "")) > 40:
            return None
        return found
    return None


def _split_glued_author(value: str) -> tuple[str | None, str]:
    """"微信文章最近其实……" -> ("微信文章", "最近其实……"); a plain name -> (name, "")."""
    for placeholder in rules.AUTHOR_PLACEHOLDERS:
        if value.startswith(placeholder) and len(value) > len(placeholder) + 10:
            return placeholder, value[len(placeholder):].strip()
    if len(value) <= rules.AUTHOR_MAX_CHARS:
        return value, ""
    head = re.split(r"[\s,，。;；]", value, maxsplit=1)[0]
    if len(head) <= 12:
        return head, value[len(head):].lstrip(" ,，")
    return None, ""


def _is_boilerplate(line: str) -> bool:
    folded = fold_width(line)
    return any(pattern.search(folded) for _, pattern in rules.DROP_LINES)


NOTICES = {"copyright notice", "disclaimer", "reprint notice"}


def _is_notice(folded: str) -> bool:
    """A copyright, disclaimer or reprint notice: at the top of an article it is page furniture."""
    return any(pattern.match(folded) for name, pattern in rules.END_MARKERS if name in NOTICES)


def _without_repeats(lines: list[str]) -> list[str]:
    """Drop a paragraph the page repeats word for word (a scraped teaser, say)."""
    seen: set[str] = set()
    kept = []
    for line in lines:
        key = _ID_NOISE.sub("", fold_width(line))
        if len(key) >= 8 and key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return kept


def _cut_at_end_marker(lines: list[str], meta: dict[str, str]) -> list[str]:
    total = sum(len(line) for line in lines)
    seen = 0
    for i, line in enumerate(lines):
        if seen >= total * 0.5:
            folded = fold_width(line)
            for name, pattern in rules.END_MARKERS:
                if pattern.match(folded):
                    if name == "source line":
                        found = _meta(folded)
                        if found and found.get("publisher"):
                            meta.setdefault("publisher", found["publisher"])
                    return lines[:i]
        seen += len(line)
    return lines


def _trim_trailer(lines: list[str], meta: dict[str, str]) -> list[str]:
    lines = list(lines)
    publisher = meta.get("publisher")
    while len(lines) > 1:
        last = fold_width(lines[-1])
        name = next((n for n, p in rules.TRAILER_LINES if p.search(last)), None)
        if name is None and publisher and last.startswith(publisher) and len(last) < 400:
            name = "company blurb"
        if name is None:
            break
        if name == "signature":
            meta.setdefault("author", lines[-1])
        lines.pop()
    if lines:
        tag = rules.CLOSING_TAG.search(lines[-1])
        if tag:
            _closing_tag(tag.group("tag"), meta)
            lines[-1] = lines[-1][: tag.start()].rstrip()
            if not lines[-1]:
                lines.pop()
    return lines


def _closing_tag(tag: str, meta: dict[str, str]) -> None:
    """"(央视记者 卢星海)" names a publisher and an author; "(单仁行)" a publisher; "(完)" nothing."""
    if tag in rules.END_WORDS:
        return
    if rules.CREDIT_AUTHOR.search(tag) is None:
        meta.setdefault("publisher", tag)
        return
    _credit(tag, meta)


def _credit(text: str, meta: dict[str, str]) -> None:
    """Publisher and reporters from a credit: "环球时报驻日本特约记者 李莹 陈欣", "央视记者 卢星海"."""
    publisher = rules.CREDIT_PUBLISHER.match(text)
    author = rules.CREDIT_AUTHOR.search(text)
    if publisher:
        meta.setdefault("publisher", publisher["publisher"])
    if author:
        meta.setdefault("author", " ".join(author["author"].split()))


def _fallback_title(raw: RawText, lines: list[str]) -> tuple[str, str]:
    """A title from a meaningful file name, else from the lead sentence."""
    stem = Path(raw.source.split("#")[0]).stem
    words = re.findall(r"[\u4e00-\u9fff]+|[A-Za-z]{3,}", stem)
    machine_made = re.fullmatch(r"[\d_\-.]*(?:[0-9a-fA-F]{8,}[\d_\-.]*)?", stem)
    if words and not machine_made and (re.search(r"[\u4e00-\u9fff]", stem) or len(words) >= 2):
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


_ID_NOISE = re.compile(r"[\W_]+")


def article_id(paragraphs: list[str] | tuple[str, ...]) -> str:
    """A stable id from the article's words, the same in either script or width."""
    normal = _ID_NOISE.sub("", to_simplified(fold_width("".join(paragraphs))).lower())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]
