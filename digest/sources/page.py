"""A saved news page -> its article: headline, printed date, byline, publisher, body.

The body comes from trafilatura and is trimmed in :mod:`digest.pagebody`; the
headline, date and byline are read in :mod:`digest.pagemeta`. Here: parsing
within bounds, what is invisible, and pages that are not articles at all (a
question page, a forum thread, a microblog post, dialogue fiction).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from datetime import date

from .safemarkup import bounded
from ..text.rules import INVISIBLE
from .pageblocks import blocks_of, dom_blocks
from .pagebody import fold_key, is_prose, link_texts, trim
from .pageagree import agreed_edges, readability_text
from .pageedge import recover
from .pagebyline import find_byline
from .pagedate import before_update, dateline_date, meta_date, printed_date
from .pagekind import filled_query, page_kind
from .pagewindow import footer_window, header_window
from .pagemeta import (SECTION_NAME_CHARS, body_of, first_text, headline, meta_content,
                       prefer_near, site_name, texts_of)
from .pagenear import heading_before
from .pagetitle import without_glued_date


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
SHOWN_LATER_SHARE, SHOWN_LATER_MEASURED = 0.5, 20   # a hidden element (of the first 20) holding half the text: the page
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# schema.org types of pages that are not one article.
NOT_ARTICLE_TYPES = {
    "question": "a question-and-answer page", "qapage": "a question-and-answer page",
    "answer": "a question-and-answer page",
    "discussionforumposting": "a forum thread", "socialmediaposting": "a social media post",
    "profilepage": "a profile page", "collectionpage": "a list page",
    "imagegallery": "a picture gallery", "searchresultspage": "a search results page",
}
# Open Graph types that name something other than an article (ogp.me): the page says what it is.
OPEN_GRAPH_KINDS = re.compile(r"^(?:(?P<a_video_page>video(?:\.\w+)?)|(?P<a_music_page>music(?:\.\w+)?)|"
                              r"(?P<a_product_page>(?:og:)?product(?:\.\w+)?)|(?P<a_book_page>books?(?:\.\w+)?|novel)|"
                              r"(?P<a_profile_page>profile))$")
MAX_LD_SCRIPTS = 10
LD_TAG_CHARS = 300
SCRIPT_END = re.compile(r"</script\s*>", re.IGNORECASE)
ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle",
                 "analysisnewsarticle", "techarticle", "report", "scholarlyarticle"}
# A microblog post names itself as someone's microblog in its title ("XX的微博").
MICROBLOG_TITLE = re.compile(r"的微博(?:\s|$|[-_|])|(?:\s|^)on (?:Twitter|X)\s*[:：]")
# So many lines, none longer than a headline and none with a full stop or a comma, are a list of
# headlines ("隋棠傳引退？老公說...", "炸彈文風波 憲哥泛淚說..."): an article's lines are sentences.
HEADLINE_LIST_LINES = 8
HEADLINE_LINE_CHARS = 30
CLAUSE_MARK = re.compile(r"[。，,；;]|(?<![.\d])\.(?![.\d])")
CLOSING_PARAGRAPHS = 3     # a credit among the body's last paragraphs names the author too
SHORT_PAGE_CHARS = 250     # below this, trafilatura's answer is checked against the page's blocks
DIALOGUE = re.compile(r"^[“\"「『]")
# A video player: the element, or a plugin or frame that loads one.
PLAYERS = ("//video | //embed[contains(@src, '.swf') or contains(@type, 'flash')] | //object[.//embed or @data]"
           " | //iframe[contains(@src, 'player') or contains(@src, 'video') or contains(@src, 'embed')]")

def read_page(markup: str, *, known_title: str | None = None) -> Page:
    """The article on a page; raises :class:`NotAnArticle` for other kinds of page."""
    import lxml.html
    from lxml import etree

    linked_data = ld_scripts(markup)        # read before scripts are dropped
    markup = XML_DECLARATION.sub("", bounded(INVISIBLE.sub("", markup)), count=1)   # zero-width marks, BOMs
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return Page(known_title, ())
    cms = _cms_fields(markup[:4000])
    players = len(root.xpath(PLAYERS))
    query = filled_query(root)
    _strip_invisible(root)
    kind = not_article(root, linked_data)
    if kind:
        raise NotAnArticle(kind)
    known, page_title = known_title or cms.get("title"), first_text(root, "//title")
    title, heading = headline(root, known)
    visible = " ".join(" ".join(body_of(root).itertext()).split())
    paragraphs, widen = _article_body(root, title)
    if not known and paragraphs and (heading is None or len(fold_key(heading)) < SECTION_NAME_CHARS
                                     and fold_key(heading) != fold_key(page_title)):
        near = heading_before(root, paragraphs[0])
        if near and prefer_near(root, near, title, heading):
            title = heading = near
    if not known:           # (the date glued to the headline is then read in the text after it)
        title, heading = without_glued_date(title, page_title), without_glued_date(heading, page_title)
    header, above, close = header_window(visible, heading or title, paragraphs)
    footer, ending = footer_window(visible, paragraphs, CLOSING_PARAGRAPHS)
    from_meta = meta_date(root)
    published = (printed_date(header, from_meta, updated=False) or before_update(printed_date(header, from_meta), close)
                 or printed_date(above, from_meta)
                 or (dateline_date(paragraphs[0], from_meta) if paragraphs else None)
                 or printed_date(footer, from_meta)
                 or printed_date(" ".join(texts_of(root, "//time")), from_meta)
                 or printed_date(cms.get("date", ""), None))
    author, publisher = find_byline(root, header, footer, paragraphs, cms, ending)
    if len(paragraphs) >= 10 and sum(bool(DIALOGUE.match(p)) for p in paragraphs) >= 0.6 * len(paragraphs):
        raise NotAnArticle("not an article: a story told in dialogue (fiction)")
    if paragraphs and not any(is_prose(p) for p in paragraphs) and sum(map(len, paragraphs)) < 60:
        raise NotAnArticle("not an article: only short lines, no sentences")
    kind = page_kind(root, paragraphs, title, page_title, visible, players, query)
    if kind:
        raise NotAnArticle(kind)
    if (len(paragraphs) >= HEADLINE_LIST_LINES and max(map(len, paragraphs)) <= HEADLINE_LINE_CHARS
            and not any(CLAUSE_MARK.search(p) for p in paragraphs)):
        raise NotAnArticle("not an article: a list of headlines (many short lines, no paragraph)")
    return Page(title, tuple(widen(paragraphs, title)), published, author,
                _publisher(site_name(root), publisher), _saved_from(markup[:4000]) or _canonical(root))


def _publisher(site: str | None, source: str | None) -> str | None:
    """The site, with the original source of a reprint in brackets: "证券之星（汇通网）"."""
    if site and source and fold_key(source) not in fold_key(site) and fold_key(site) not in fold_key(source):
        return f"{site}（{source}）"
    return source or site


# An XHTML page's declaration, which lxml refuses in a decoded string ("encoding declaration").
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


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



# An HTML tag written as text: a known element's name, then attributes or nothing ("vector<int>",
# "List<String>" and "a<b 且 c>d" are no tags).
TAG_TEXT = re.compile(r"</?(?:p|img|br|span|a|div|b|i|em|strong|font|h[1-6]|sup|sub|u|small|big|center|section|figure)"
                      r"(?:\s+[\w:-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))*\s*/?>", re.IGNORECASE)


def _strip_invisible(root) -> None:
    from lxml import etree

    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for element in list(root.iter(*DROP)):
        if element.getparent() is not None:
            element.drop_tree()
    hidden = root.xpath("//*[@hidden or contains(@style, 'none') or contains(@style, 'hidden')]")
    total = len("".join(root.itertext())) if hidden else 0
    for n, element in enumerate(hidden):      # (a wrapper comes first: only the first few are measured)
        if element.getparent() is not None and (element.get("hidden") is not None or HIDDEN.search(
                element.get("style", ""))) and (n >= SHOWN_LATER_MEASURED or len("".join(element.itertext())) < SHOWN_LATER_SHARE * total):
            element.drop_tree()
    # <title> is text, so markup a site wrote into it ("<p>已知反应<img …>…</p>") shows as
    # characters in a browser's tab; it is no part of the headline.
    for element in root.iter("title"):
        if element.text and "<" in element.text:
            element.text = TAG_TEXT.sub("", element.text)


def _article_body(root, title: str | None):
    """trafilatura's body, trimmed; for a short page, the page's own blocks when they hold
    more prose (trafilatura's fallbacks split a sentence at inline tags there). With it, what
    widens the body at its edges where readability agrees (:mod:`pageagree`), applied once the
    headline, date and byline have been read around the trimmed body."""
    import copy

    import trafilatura

    found = trafilatura.bare_extraction(copy.deepcopy(root), include_comments=False,
                                        include_tables=True, with_metadata=False,
                                        favor_recall=True, config=_trafilatura_config())
    body = getattr(found, "body", None) if found is not None else None
    links = link_texts(root)
    blocks = blocks_of(body) if body is not None else []
    paragraphs = trim(blocks, title, links)
    if sum(len(p) for p in paragraphs) < SHORT_PAGE_CHARS:
        own = trim(dom_blocks(body_of(root)), title, links)
        joined = fold_key("".join(own))
        mine = _prose_chars(paragraphs)
        if (mine < _prose_chars(own) <= 2 * mine + SHORT_PAGE_CHARS
                and all(fold_key(p) in joined for p in paragraphs)):
            return own, _as_is
    return recover(body_of(root), paragraphs, title, links), (
        lambda found, final: agreed_edges(blocks, found, final, links, lambda: readability_text(root)))


def _as_is(paragraphs: list[str], title: str | None) -> list[str]:
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

def ld_scripts(markup: str) -> list[str]:
    """The page's JSON-LD scripts (the first few, each found with two scans of the text, so a
    page of unclosed script tags costs no more than a few reads of it)."""
    found, at = [], 0
    while len(found) < MAX_LD_SCRIPTS:
        at = markup.find("application/ld+json", at)
        if at < 0:
            return found
        tag = markup.rfind("<", max(0, at - LD_TAG_CHARS), at)       # the tag it may stand in
        if tag < 0 or markup[tag:tag + 7].lower() != "<script" or ">" in markup[tag:at]:
            at += 1                     # named in a script's code or a comment, not a script's type
            continue
        start = markup.find(">", at) + 1
        end = SCRIPT_END.search(markup, start) if start else None
        if end is None:
            return found
        found.append(markup[start:end.start()])
        at = end.end()
    return found


def not_article(root, linked_data: list[str] = ()) -> str | None:
    """What the page is, when it is not an article: schema.org types (microdata, or the
    JSON-LD scripts read before the page's scripts were dropped), a microblog title."""
    types = [t.rsplit("/", 1)[-1].lower() for t in root.xpath("//@itemtype")]
    for script in linked_data:
        types += _ld_types(script)
    if any(t in ARTICLE_TYPES for t in types):
        return None
    for t in types:
        if t in NOT_ARTICLE_TYPES:
            return f"not an article: {NOT_ARTICLE_TYPES[t]}"
    kind = OPEN_GRAPH_KINDS.match((meta_content(root, "og:type") or "").lower())
    if kind:
        name = next(name for name, found in kind.groupdict().items() if found)
        return f"not an article: {name.replace('_', ' ')} (its og:type)"
    if MICROBLOG_TITLE.search(first_text(root, "//title")):
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
