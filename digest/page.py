"""A saved news page -> its article: headline, printed date, byline, publisher, body.

The body comes from trafilatura and is trimmed in :mod:`digest.pagebody`.
The metadata is read here, because on Chinese news pages the libraries get it
wrong in ways that follow a pattern: ``<title>`` and ``og:title`` carry site
and channel suffixes or are cut short, while the page prints its headline in a
heading and its date and byline on the row beneath it. So the headline is the
longest heading that ``<title>`` or ``og:title`` also holds (or, failing that,
the first segment of ``<title>``), and the date and byline are read from the
visible text between the headline and the body, before any ``<meta>`` tag.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from datetime import date, datetime

from .pagebody import blocks_of, dom_blocks, is_prose, link_texts, trim
from .script import fold_width


class NotAnArticle(Exception):
    """The page is something other than an article; the message says what."""


@dataclass(frozen=True)
class Page:
    title: str | None
    paragraphs: tuple[str, ...]
    published: date | None = None     # a datetime when the page prints the time
    author: str | None = None
    publisher: str | None = None
    link: str | None = None            # where the page was saved from, when it says


DROP = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
        "select", "textarea", "button", "input")
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# schema.org types of pages that are not one article.
NOT_ARTICLE_TYPES = {
    "question": "a question-and-answer page", "qapage": "a question-and-answer page",
    "answer": "a question-and-answer page",
    "discussionforumposting": "a forum thread", "socialmediaposting": "a social media post",
    "profilepage": "a profile page", "collectionpage": "a list page",
    "imagegallery": "a picture gallery", "searchresultspage": "a search results page",
}
ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle",
                 "analysisnewsarticle", "techarticle", "report", "scholarlyarticle"}
# A microblog post names itself as someone's microblog in its title ("XX的微博").
MICROBLOG_TITLE = re.compile(r"的微博(?:\s|$|[-_|])|(?:\s|^)on (?:Twitter|X)\s*[:：]")
TITLE_SEPARATORS = re.compile(r"\s*(?:\s[-–—|｜·:]{1,2}\s|_|\||｜|--|——|::)\s*")
SHORT_PAGE_CHARS = 250     # below this, trafilatura's answer is checked against the page's blocks
DIALOGUE = re.compile(r"^[“\"「『]")

DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    + r"(?:[^\d]{0,16}?" + r"(?P<pm>下午|晚上|PM|pm)?(?:上午|早上|AM|am)?\s*"
    + r"(?P<hh>[0-2]?\d)\s*[:：時时]\s*(?P<mm>[0-5]\d)(?:\s*[:：分]\s*(?P<ss>[0-5]\d))?)?")
# Day first: "14.12.2011 19:00", "06/02/2022 - 13:48" (month first where the day is over 12).
DAY_FIRST = re.compile(
    r"(?<![\d./])(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>(?:19|20)\d{2})(?!\d)"
    r"(?:[^\d]{0,6}?(?P<hh>[0-2]?\d):(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?)?")
MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
ENGLISH_DATE = re.compile(
    r"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?P<y>(?:19|20)\d{2})(?:[^\d]{0,6}?(?P<hh>[0-2]?\d):(?P<mm>[0-5]\d))?", re.IGNORECASE)
# Taiwanese pages print the Minguo year: 105年3月19日 is 2016-03-19.
ROC_DATE = re.compile(r"(?<!\d)(?P<y>1[0-2]\d|[89]\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
DATE_META = ("article:published_time", "og:article:published_time", "publishdate", "pubdate",
             "publish_date", "publishtime", "datepublished", "dc.date", "dc.date.issued", "date",
             "og:published_time", "sailthru.date", "article.published")
AUTHOR = re.compile(
    r"(?:作者|撰文|文|記者|记者|文字|採訪|采访|编译|編譯|Author|By)\s*[:：/｜|]?\s*"
    r"(?P<name>[\u4e00-\u9fff·]{2,5}(?![\u4e00-\u9fff])(?:[、\s]+[\u4e00-\u9fff·]{2,3}(?![\u4e00-\u9fff·])){0,3}"
    r"|[A-Za-z][A-Za-z .'-]{2,30})",
    re.IGNORECASE)
SOURCE = re.compile(r"(?:来源|來源|出处|出處|稿源|來自|来自|Source)\s*[:：]\s*(?P<name>[^\s|｜:：,，]{2,20})",
                    re.IGNORECASE)
NOT_NAMES = {"编辑", "編輯", "责任编辑", "责编", "来源", "來源", "发布", "發布", "時間", "时间", "字号",
             "字體", "字体", "分享", "本报", "本報", "報導", "报道", "摄影", "攝影"}


def read_page(markup: str, *, known_title: str | None = None) -> Page:
    """The article on a page; raises :class:`NotAnArticle` for other kinds of page."""
    import lxml.html
    from lxml import etree

    markup = _bounded(markup)
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return Page(known_title, ())
    cms = _cms_fields(markup[:4000])
    _strip_invisible(root)
    kind = not_article(root)
    if kind:
        raise NotAnArticle(kind)
    known = known_title or cms.get("title")
    title, heading = headline(root, known)
    visible = " ".join(" ".join(_body(root).itertext()).split())
    paragraphs = _article_body(root, title)
    if not known and paragraphs and (heading is None or len(_key(heading)) < SECTION_NAME_CHARS):
        near = heading_before(root, paragraphs[0])
        if near and _prefer_near(root, near, title, heading):
            title = heading = near
    header, above = _header_window(visible, heading or title, paragraphs)
    from_meta = meta_date(root)
    published = (printed_date(header, from_meta) or printed_date(above, from_meta)
                 or printed_date(_footer_window(visible, paragraphs), from_meta)
                 or printed_date(" ".join(_text_of(root, "//time")), from_meta)
                 or printed_date(cms.get("date", ""), None) or from_meta)
    author, publisher = byline(header)
    if author is None:
        author = byline(_footer_window(visible, paragraphs))[0] or byline(cms.get("author", ""))[0]
    if len(paragraphs) >= 10 and sum(bool(DIALOGUE.match(p)) for p in paragraphs) >= 0.6 * len(paragraphs):
        raise NotAnArticle("not an article: a story told in dialogue (fiction)")
    if paragraphs and not any(is_prose(p) for p in paragraphs) and sum(map(len, paragraphs)) < 60:
        raise NotAnArticle("not an article: only short lines, no sentences")
    return Page(title, tuple(paragraphs), published, author or _meta(root, "author"),
                publisher or _site_name(root), _saved_from(markup[:4000]) or _canonical(root))


SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
MAX_MARKUP_CHARS = 500_000   # what is parsed of one page, after scripts and styles


def _bounded(markup: str) -> str:
    """The page without scripts and styles, cut at ``MAX_MARKUP_CHARS``: the cost of
    reading a page stays bounded (an article's text sits well inside that on real pages;
    a page larger than that is a link farm or a feed of many stories)."""
    if len(markup) > MAX_MARKUP_CHARS // 5:
        markup = SCRIPT_OR_STYLE.sub("", markup)
    return markup[:MAX_MARKUP_CHARS]


# Chinese newsroom CMSs put an article's fields in a comment before the page:
# <!--enpproperty <date>…</date><author>记者 …</author><title>…</title> … -->
CMS_FIELD = re.compile(r"<(title|date|author)>([^<]{1,200})</\1>")


def _cms_fields(head: str) -> dict[str, str]:
    comment = re.match(r"\s*<!--(.*?)-->", head, re.DOTALL)
    if not comment:
        return {}
    return {key: " ".join(value.split()) for key, value in CMS_FIELD.findall(comment[1]) if value.strip()}


# Browsers mark a saved page with its address: <!-- saved from url=(0043)https://… -->
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)


def _saved_from(head: str) -> str | None:
    found = SAVED_FROM.search(head)
    return found[1] if found else None


def _canonical(root) -> str | None:
    for value in root.xpath("//link[@rel='canonical']/@href") + root.xpath("//meta[@property='og:url']/@content"):
        if value.strip().lower().startswith(("http://", "https://")):
            return value.strip()
    return None


def _body(root):
    found = root.find("body")
    return found if found is not None else root


def _strip_invisible(root) -> None:
    from lxml import etree

    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for element in list(root.iter(*DROP)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in root.xpath("//*[@hidden or contains(@style, 'none') or contains(@style, 'hidden')]"):
        if element.getparent() is not None and (element.get("hidden") is not None
                                                or HIDDEN.search(element.get("style", ""))):
            element.drop_tree()


def _article_body(root, title: str | None) -> list[str]:
    """trafilatura's body, trimmed; for a short page, the page's own blocks when they hold
    more prose (trafilatura's fallbacks split a sentence at inline tags there)."""
    import copy

    import trafilatura

    found = trafilatura.bare_extraction(copy.deepcopy(root), include_comments=False,
                                        include_tables=True, with_metadata=False,
                                        favor_recall=True, config=_trafilatura_config())
    body = getattr(found, "body", None) if found is not None else None
    links = link_texts(root)
    paragraphs = trim(blocks_of(body), title, links) if body is not None else []
    if sum(len(p) for p in paragraphs) < SHORT_PAGE_CHARS:
        own = trim(dom_blocks(_body(root)), title, links)
        joined = _key("".join(own))
        mine = _prose_chars(paragraphs)
        if (mine < _prose_chars(own) <= 2 * mine + SHORT_PAGE_CHARS
                and all(_key(p) in joined for p in paragraphs)):
            return own
    return paragraphs


def _prose_chars(paragraphs: list[str]) -> int:
    return sum(len(p) for p in paragraphs if is_prose(p))


@functools.cache
def _trafilatura_config():
    """trafilatura's settings for pages read here: no signal-based timeout (the build
    bounds its own work, and signals do not reach worker threads)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


# ---------------------------------------------------------------- kind

def not_article(root) -> str | None:
    """What the page is, when it is not an article: schema.org types, a microblog title."""
    types = [t.rsplit("/", 1)[-1].lower() for t in root.xpath("//@itemtype")]
    for script in root.xpath("//script[@type='application/ld+json']/text()")[:10]:
        types += _ld_types(script)
    if any(t in ARTICLE_TYPES for t in types):
        return None
    for t in types:
        if t in NOT_ARTICLE_TYPES:
            return f"not an article: {NOT_ARTICLE_TYPES[t]}"
    if MICROBLOG_TITLE.search(_text(root, "//title")):
        return "not an article: a microblog post"
    return None


def _ld_types(script: str) -> list[str]:
    try:
        data = json.loads(script)
    except ValueError:
        return []
    items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
    found = []
    for item in items:
        kind = item.get("@type") if isinstance(item, dict) else None
        found += [str(k).lower() for k in (kind if isinstance(kind, list) else [kind]) if k]
    return found


# ---------------------------------------------------------------- headline

def headline(root, known: str | None = None) -> tuple[str | None, str | None]:
    """(the headline, the heading text it was found in) without site or channel suffixes."""
    page_title = _text(root, "//title")
    og = _meta(root, "og:title") or _meta(root, "twitter:title") or ""
    if known:
        return known, None
    references = [_key(t) for t in (page_title, og) if t]
    best = None
    for text in _headings(root):
        key = _key(text)
        if len(key) >= 4 and any(key in ref for ref in references):
            if best is None or len(key) > len(_key(best)):
                best = text
    if best:
        return best, best
    for candidate in (og, page_title):
        first = _first_segment(candidate)
        if first and first != _site_name(root):
            h1 = _text(root, "//h1")
            if h1 and 4 <= len(h1) <= 80 and not references or (h1 and _key(first) not in _key(h1)
                                                                and len(first) < 6):
                return h1, h1
            return first, None
    h1 = _text(root, "//h1")
    return (h1, h1) if h1 else (None, None)


SECTION_NAME_CHARS = 6        # a heading shorter than this names a section, not a story
CREDIT_WORD = re.compile(r"记者|記者|作者|撰文|编辑|編輯|通讯员|通訊員|摄影|攝影")


def _prefer_near(root, near: str, title: str | None, heading: str | None) -> bool:
    """Whether the heading-like line right above the body is the headline: when the page's
    heading is only a section name ("新闻动态"), when <title> holds that line behind a site
    prefix ("某某新聞：headline"), or when <title> is a bare name and no og:title exists."""
    if heading is not None or len(_key(title or "")) < SECTION_NAME_CHARS:
        return True
    page_title = _text(root, "//title")
    references = [_key(t) for t in (page_title, _meta(root, "og:title") or "") if t]
    if any(_key(near) in ref for ref in references):
        return True
    bare = not TITLE_SEPARATORS.search(page_title) and _meta(root, "og:title") is None
    return bare or title is None or title == _site_name(root)


def heading_before(root, lead: str) -> str | None:
    """The last heading-like line (short, not a link, not a date or byline) before the
    element holding the body's first words."""
    start = _key(lead)[:10]
    if len(start) < 4:
        return None
    last = None
    for element in _body(root).iter():
        if not isinstance(element.tag, str) or element.tag in ("a", "script", "style"):
            continue
        own = _key(element.text or "")
        if start in own or start in _key(element.tail or ""):
            return last
        if len(element) > 3 or _inside_link(element):
            continue
        text = " ".join(" ".join(element.itertext()).split())
        key = _key(text)
        if 6 <= len(key) <= 60 and not SENTENCE_INSIDE.search(text) and not _is_meta(text):
            last = text
    return None


SENTENCE_INSIDE = re.compile(r"[。；;]|[,，:：>»›|｜]")


def _inside_link(element) -> bool:
    return any(parent.tag == "a" for parent in element.iterancestors())


def _is_meta(text: str) -> bool:
    folded = fold_width(text)
    return bool(DATE.search(folded) or CREDIT_WORD.search(folded) or SOURCE.search(folded))


def _headings(root) -> list[str]:
    texts = []
    query = ("//h1|//h2|//h3|//*[contains(@class, 'title') or contains(@id, 'title') or "
             "contains(@class, 'headline') or contains(@class, 'Title')]")
    for element in root.xpath(query)[:200]:
        text = " ".join(element.text_content().split())
        if 4 <= len(text) <= 120:
            texts.append(text)
    return texts


def _first_segment(title: str) -> str:
    title = re.sub(r"^\(\d+\+?[^)]*\)\s*", "", " ".join(title.split()))  # "(3 条消息) …"
    parts = [p for p in TITLE_SEPARATORS.split(title) if p.strip()]
    if not parts:
        return ""
    return parts[0] if len(parts[0]) >= 4 or len(parts) == 1 else max(parts, key=len)


# ---------------------------------------------------------------- date and byline

def _header_window(visible: str, heading: str | None, paragraphs: list[str]) -> tuple[str, str]:
    """The visible text between the headline and the body, where dates and bylines are
    printed, and the short stretch right above the headline, where some pages print them."""
    end = len(visible)
    if paragraphs:
        found = _loose(paragraphs[0][:16]).search(visible)
        end = found.start() if found else end
    start = max(0, end - 400)
    above = ""
    if heading:
        found = None
        for found in _loose(heading).finditer(visible, 0, max(end, 1)):
            pass
        if found is not None:
            start = found.end()
            end = min(end, start + 600)
            above = visible[max(0, found.start() - 120):found.start()]
    window = visible[start:end] if end > start else visible[max(0, end - 400):end]
    return window[-600:], above


def _footer_window(visible: str, paragraphs: list[str]) -> str:
    """The visible text right after the body: blogs print "posted @ date" there."""
    if not paragraphs:
        return ""
    found = None
    for found in _loose(paragraphs[-1][-16:]).finditer(visible):
        pass
    return visible[found.end():found.end() + 200] if found else ""


def printed_date(text: str, hint: datetime | None = None) -> date | None:
    """The first date printed in ``text``; ``hint`` (a date from the page's metadata)
    settles whether "06/02/2022" is the 6th of February or the 2nd of June."""
    folded = fold_width(text)
    found = []
    for pattern, offset in ((DATE, 0), (DAY_FIRST, 0), (ENGLISH_DATE, 0), (ROC_DATE, 1911)):
        for match in pattern.finditer(folded):
            value = _date(match, offset, hint)
            if value:
                found.append((match.start(), value))
                break
    return min(found, key=lambda f: f[0])[1] if found else None


def _date(match: re.Match, offset: int, hint: datetime | None) -> date | None:
    groups = match.groupdict()
    year = int(groups["y"]) + offset
    month = MONTHS[groups["mon"][:3].lower()] if groups.get("mon") else int(groups["m"])
    day = int(groups["d"])
    if "mon" not in groups and match.re is DAY_FIRST and (
            day <= 12 < month or (hint and day <= 12 and (hint.month, hint.day) == (day, month))):
        month, day = day, month
    hour = int(groups.get("hh") or 0)
    if groups.get("pm") and hour < 12:
        hour += 12
    try:
        if groups.get("hh") is None:
            return date(year, month, day)
        return datetime(year, month, day, hour, int(groups.get("mm") or 0), int(groups.get("ss") or 0))
    except ValueError:
        return None


def meta_date(root) -> datetime | None:
    values = [v for name in DATE_META
              for v in root.xpath(f"//meta[@property='{name}' or @name='{name}' or @itemprop='{name}']/@content")]
    values += root.xpath("//time/@datetime") + root.xpath("//*[@itemprop='datePublished']/@content")
    for script in root.xpath("//script[@type='application/ld+json']/text()")[:10]:
        values += re.findall(r'"datePublished"\s*:\s*"([^"]+)"', script)
    for value in values:
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            found = printed_date(value, None)
            if found:
                return found
    return None


def byline(text: str) -> tuple[str | None, str | None]:
    folded = fold_width(text)
    author = None
    for match in AUTHOR.finditer(folded):
        name = match["name"].strip(" 、")
        if name not in NOT_NAMES and not DATE.match(name):
            author = name
            break
    source = SOURCE.search(folded)
    return author, source["name"] if source else None


# ---------------------------------------------------------------- helpers

def _loose(text: str) -> re.Pattern:
    """``text`` as a pattern that allows any spacing between its characters."""
    return re.compile(r"\s*".join(re.escape(ch) for ch in "".join(text.split())))


def _text(root, query: str) -> str:
    found = root.xpath(query)
    if not found:
        return ""
    return " ".join((found[0] if isinstance(found[0], str) else found[0].text_content()).split())


def _text_of(root, query: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in root.xpath(query)[:5]]


def _meta(root, name: str) -> str | None:
    found = root.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")
    value = " ".join(found[0].split()) if found else ""
    return value or None


def _site_name(root) -> str | None:
    return _meta(root, "og:site_name") or _meta(root, "application-name")


_NOISE = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    return _NOISE.sub("", fold_width(text)).lower()
