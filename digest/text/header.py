"""An article's header: the title and metadata lines above its first paragraph.

:func:`read_header` looks at the first few lines and hands each to the steps
of ``STEPS`` in turn; the first step that recognises the line (a field line,
an author bio, furniture, the title, a kicker's headline, reporters, a lone
name) takes it. The first line no step takes is where the text begins, less
any dateline or reporter credit that opens it. Metadata goes into a
:class:`Meta`, where the first value found for a field wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields

from . import rules
from .droplines import dropped
from .pagerules import COMPOUND_SURNAMES, SURNAMES
from .script import fold_width

HEADER_LINES = 6          # how many lines from the top may be header lines
BIO_MAX_CHARS = 600       # an author bio longer than this is the text itself
FIELD_LINE_MAX_CHARS = 120
SOURCE_MAX_CHARS = 40     # a "来源:" value longer than this is a sentence, not a name
NOTICES = {"copyright notice", "disclaimer", "reprint notice"}


@dataclass
class Meta:
    """Metadata found while cleaning one article; the first value found for a field wins."""

    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    account: str | None = None

    def offer(self, **found: str | None) -> None:
        for key, value in found.items():
            if value and getattr(self, key) is None:
                setattr(self, key, value)

    def take(self, other: Meta) -> None:
        self.offer(**{f.name: getattr(other, f.name) for f in fields(other)})


@dataclass(frozen=True)
class FieldLine:
    """A metadata line: the fields it gives, and article text glued after them."""

    meta: Meta
    rest: str = ""


@dataclass
class _Header:
    rest: list[str]
    title: str | None
    meta: Meta


def read_header(lines: list[str], title: str | None) -> tuple[list[str], str | None, Meta]:
    """(the lines after the header, the title, the metadata) of an article."""
    header = _Header(list(lines), title, Meta())
    for _ in range(HEADER_LINES):
        if not header.rest:
            break
        line = header.rest[0]
        folded = fold_width(line)
        if not any(step(header, line, folded) for step in STEPS):
            lead = lead_in(line, header.meta)
            if lead != line:
                header.rest[0:1] = [lead] if lead else []
            break
    return header.rest, header.title, header.meta


def _field_line(header: _Header, line: str, folded: str) -> bool:
    found = field_line(folded)
    if found is None or header.title is None and _headline_with_credit(folded, found):
        return False
    header.meta.take(found.meta)
    header.rest[0:1] = [found.rest] if found.rest else []
    return True


CREDIT_WORD = re.compile(r"记者|記者")
ROLES = re.compile(r"见习记者|見習記者|特约记者|特約記者|记者|記者|通讯员|通訊員|实习生|實習生")
PUBLISHER_MAX_CHARS = 11  # "环球时报驻日本特约" is 9: more before 记者 is a headline


def _headline_with_credit(folded: str, found: FieldLine) -> bool:
    """A line that only looks like a bare credit: a headline with the credit glued on and
    no name after it ("广州基金公司跳槽的人最少每经记者")."""
    credit = CREDIT_WORD.search(folded)
    empty = not found.rest and not any(vars(found.meta).values())
    return empty and credit is not None and credit.start() > PUBLISHER_MAX_CHARS


def _author_bio(header: _Header, line: str, folded: str) -> bool:
    bio = rules.AUTHOR_BIO.match(folded)
    if not bio or len(line) >= BIO_MAX_CHARS:
        return False
    header.meta.offer(author=bio["author"])
    header.rest.pop(0)
    return True


def _furniture(header: _Header, line: str, folded: str) -> bool:
    if not (is_boilerplate(line) or is_notice(folded)):
        return False
    header.rest.pop(0)
    return True


def _glued_title(header: _Header, line: str, folded: str) -> bool:
    """A headline with the paper's credit or a dateline run on after it on one line: the
    headline, then the text after the credit."""
    opening = header.title is not None or rules.DATELINE.match(folded)   # lead_in's to read
    glued = None if opening else rules.GLUED_CREDIT.search(folded)
    if (glued is None or not GLUED_TITLE_CHARS <= glued.start() <= rules.HEADER_TITLE_MAX_CHARS
            or not looks_like_title(line[:glued.start()])):
        return False
    header.title = line[:glued.start()].rstrip()
    rest = lead_in(line[glued.start():], header.meta).strip()
    header.rest[0:1] = [rest] if rest else []
    return True


GLUED_TITLE_CHARS = 6     # a headline before a run-on credit has at least this many characters


def _title(header: _Header, line: str, folded: str) -> bool:
    if header.title is not None or not looks_like_title(line) or len(header.rest) < 2:
        return False
    header.title = lead_in(line, Meta())
    header.rest.pop(0)
    return True


def _kicker_headline(header: _Header, line: str, folded: str) -> bool:
    """A kicker ("……认为——") leads into the headline under it."""
    if (header.title is None or not rules.KICKER.search(header.title) or not looks_like_title(line)
            or len(header.rest) < 2):
        return False
    header.title = line
    header.rest.pop(0)
    return True


def _reporters(header: _Header, line: str, folded: str) -> bool:
    if not rules.REPORTERS.match(folded):
        return False
    header.meta.offer(author=" ".join(" ".join(m["names"].split())
                                      for m in rules.REPORTER.finditer(folded)))
    header.rest.pop(0)
    return True


def _lone_name(header: _Header, line: str, folded: str) -> bool:
    """A name alone between the title and the text: "许少民", "伊恩·贝格"."""
    folded = folded.strip()
    if header.title is None or len(header.rest) < 2 or folded in rules.NOT_NAMES:
        return False
    if not (rules.TRANSLITERATED_NAME.match(folded) or re.fullmatch(r"[\u4e00-\u9fff]{2,3}", folded)
            and (folded[0] in SURNAMES or folded[:2] in COMPOUND_SURNAMES) and not _common_word(folded)):
        return False            # "定义", "概要", "周报", "黄金": a word, not a name
    header.meta.offer(author=line.strip())
    header.rest.pop(0)
    return True


def _common_word(word: str) -> bool:
    """A dictionary word that is no one's name there ("周报", "石油", "简介"; not "习近平")."""
    from .lexicon import entries_of, is_word

    return is_word(word) and not any(entry.proper for entry in entries_of(word))


STEPS: tuple[Callable[[_Header, str, str], bool], ...] = (
    _field_line, _author_bio, _furniture, _glued_title, _title, _kicker_headline, _reporters, _lone_name)


def looks_like_title(line: str, max_chars: int = rules.HEADER_TITLE_MAX_CHARS) -> bool:
    folded = fold_width(line)
    return 0 < len(line) <= max_chars and not rules.NOT_A_TITLE.search(folded)


def is_boilerplate(line: str) -> bool:
    return dropped(fold_width(line))


def is_notice(folded: str) -> bool:
    """A copyright, disclaimer or reprint notice: at the top of an article it is page furniture."""
    return any(pattern.match(folded) for name, pattern in rules.END_MARKERS if name in NOTICES)


def lead_in(line: str, meta: Meta) -> str:
    """``line`` without an opening dateline or reporter credit, which go into ``meta``."""
    folded = fold_width(line)
    dateline = rules.DATELINE.match(folded)
    if dateline:
        author = dateline["author"] or dateline["name"]
        meta.offer(publisher=dateline["agency"] or dateline["wire"],
                   author=" ".join(author.split()) if author else None)
        line, folded = line[dateline.end():], folded[dateline.end():]
    paper = rules.PAPER_CREDIT.match(folded)
    if paper:
        names = ROLES.sub(" ", paper["author"] or "").split()   # 记者 马力 通讯员 王国海
        meta.offer(author=" ".join(names) if names else None)
        line, folded = line[paper.end():], folded[paper.end():]
    credit = rules.CREDIT.match(folded)
    if credit:
        read_credit(credit["credit"], meta)
        line, folded = line[credit.end():], folded[credit.end():]
    label = rules.TITLE_LABEL.match(folded)
    return line[label.end():] if label else line


def read_credit(text: str, meta: Meta) -> None:
    """Publisher and reporters from a credit: "环球时报驻日本特约记者 李莹 陈欣", "央视记者 卢星海"."""
    publisher = rules.CREDIT_PUBLISHER.match(text)
    if publisher and text[publisher.end("publisher"):].startswith("特派"):
        publisher = None              # "华盛顿特派记者": a correspondent's post, not a publisher
    author = rules.CREDIT_AUTHOR.search(text)
    meta.offer(publisher=publisher["publisher"] if publisher else None,
               author=" ".join(author["author"].split()) if author else None)


def field_line(folded: str) -> FieldLine | None:
    """The metadata on a line of fields ("发布时间:… 来源:…") or a metadata line of ``rules.META_LINES``."""
    found = list(rules.META_FIELD.finditer(folded))
    if len(found) > 1 and found[0].start() == 0 and len(folded) < FIELD_LINE_MAX_CHARS:
        meta = Meta()
        for match in found:
            key = rules.META_FIELD_KEYS.get(match["key"])
            if key:
                meta.offer(**{key: match["value"].strip()})
        return FieldLine(meta)
    for name, pattern in rules.META_LINES:
        match = pattern.match(folded)
        if match:
            return _meta_line(name, {k: v.strip() for k, v in match.groupdict().items() if v and v.strip()})
    return None


def _meta_line(name: str, found: dict[str, str]) -> FieldLine | None:
    publisher, account = found.get("publisher"), None
    if publisher:
        match = rules.ACCOUNT.search(publisher)
        if match:
            account, publisher = match["account"], rules.ACCOUNT.sub("", publisher).strip()
        if name == "source" and len(publisher) > SOURCE_MAX_CHARS:
            return None
    author, rest = found.get("author"), ""
    if name == "author":
        author, rest = split_glued_author(found["author"])
        if author is None:
            return None
        if author in rules.AUTHOR_PLACEHOLDERS:       # a platform, not a person
            publisher, author = publisher or author, None
    meta = Meta(author=author, publisher=publisher, date=found.get("date"), account=account)
    return FieldLine(meta, rest)


def split_glued_author(value: str) -> tuple[str | None, str]:
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
