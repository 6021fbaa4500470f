"""What a news page prints about its article: the headline, the date, the byline.

On Chinese news pages the libraries get these wrong in ways that follow a
pattern: ``<title>`` and ``og:title`` carry site and channel suffixes or are
cut short, while the page prints its headline in a heading and its date and
byline on the row beneath it. So the headline is the longest heading that
``<title>`` or ``og:title`` also holds (or the heading-like line right above
the body, when ``<title>`` names only the site or a section), and the date and
byline are read from the visible text between the headline and the body,
before any ``<meta>`` tag.
"""

from __future__ import annotations

import re

from .pagebody import fold_key
from .pagedate import DATE, meta_date, printed_date  # noqa: F401 - read here and by the page reader
from ..text.pagerules import NOT_HEADLINE
from .pagewindow import loose
from .pagetitle import LONE_WORD, TITLE_SEPARATORS, first_segment, heading_keys, lone_h1, printed_segment, story_heading
from ..text.script import fold_width, to_simplified

SOURCE = re.compile(r"(?:来源|來源|出处|出處|稿源|來自|来自|Source)\s*[:：]\s*(?P<name>[^\s|｜:：,，]{2,20})",
                    re.IGNORECASE)

# ---------------------------------------------------------------- headline

def headline(root, known: str | None = None) -> tuple[str | None, str | None]:
    """(the headline, the heading text it was found in) without site or channel suffixes."""
    page_title = first_text(root, "//title")
    og = meta_content(root, "og:title") or meta_content(root, "twitter:title") or ""
    if known:
        return known, None
    references = [fold_key(t) for t in (page_title, og) if t]
    names = _site_names(root, page_title)
    best = None
    for text in _headings(root):
        key = fold_key(text)
        column = COLUMN_LABEL.match(text)
        if column and not any(key in ref for ref in references):
            text = text[column.end():]    # "【记者即时播报】headline": a column's name before it
            key = fold_key(text)
        if len(key) >= 4 and not any(key in name for name in names) and any(key in ref for ref in references):
            if best is None or len(key) > len(fold_key(best)):
                best = text
    if best:
        # A smaller heading that <title> names ("设置断点" of "调试 C++ 代码，设置断点 …") is a
        # section of the page whose one <h1> is longer and says something else.
        # So is one Latin word, a brand ("FoundraLab"), unless a heading of its own below the <h1> prints it.
        h1 = lone_h1(root, names) if (len(fold_key(best)) < len(fold_key(first_segment(page_title))) / 2 or (
            LONE_WORD.fullmatch(best.strip()) and not story_heading(root, best))) else None
        keep = h1 is None or len(fold_key(h1)) <= len(fold_key(best)) or fold_key(best) in fold_key(h1)
        return (best, best) if keep else (h1, h1)
    whole = _heading_holding_title(root, (og, page_title), names)
    if whole:
        return whole
    for candidate in (og, page_title):
        first = _first_segment_printed(root, candidate)
        if first and first != site_name(root) and not NOT_HEADLINE.match(first):
            h1 = first_text(root, "//h1")
            h1 = "" if fold_key(h1) in names else h1
            if h1 and 4 <= len(h1) <= 80 and not references or (h1 and fold_key(first) not in fold_key(h1)
                                                                and len(first) < 6):
                return h1, h1
            lone = lone_h1(root, names)
            if lone and not _printed(root, first):
                return lone, lone     # <title>'s part is printed nowhere (the site's name), the one <h1> is
            printed = _printed_version(root, first)
            return (printed, printed) if printed else (first, None)
    h1 = first_text(root, "//h1")
    return (h1, h1) if h1 and not NOT_HEADLINE.match(h1) else (None, None)


def _heading_holding_title(root, titles, names: set[str]) -> tuple[str, str] | None:
    """(``<title>`` or og:title, the heading) when a heading prints all of it and more ("某人 » 日志 headline")."""
    keys = [(" ".join((t or "").split()), fold_key(t or "")) for t in titles]
    return next(((text, heading) for text, key in keys if len(key) >= 8 and key not in names
                 for heading in _headings(root) if key in fold_key(heading) != key), None)


COLUMN_LABEL = re.compile(r"^\s*[【\[［][^】\]］]{2,10}[】\]］]\s*")


def _site_names(root, page_title: str) -> set[str]:
    """The site's and channel's names: what <title> holds after its first part ("headline |
    公共電視台 新聞網"), and og:site_name."""
    parts = [fold_key(p) for p in TITLE_SEPARATORS.split(" ".join(page_title.split())) if p.strip()]
    # The headline comes first, unless the first part is printed only as a logo's heading (a link
    # home) and a later part as a heading of its own ("Solidot | headline"); a post's own headline
    # may be a link to the post.
    headings = [(fold_key(h.text_content()), any(a.get("href") and HOME.match(a.get("href")) for a in h.xpath(".//a|ancestor::a")))
                for h in root.xpath("//h1|//h2|//h3")]
    plain = {key for key, linked in headings if not linked}
    head = parts[0] if parts else ""
    if head and head not in plain and (head, True) in headings:
        head = next((p for p in parts[1:] if p in plain), head)
    names = {p for p in parts if p != head} | {fold_key(site_name(root) or "")}
    if len(parts) > 2 and head == parts[0]:
        names.add("".join(parts[1:]))
    return names - {"", head}     # some sites fill og:site_name with the headline


# A link to the site's front page: "/", "https://example.com/", "index.html" (a one-word path may
# be a post's own permalink, /laowang-huijia/).
HOME = re.compile(r"^(?:(?:https?:)?//[^/?#]+)?/?(?:index\.\w+)?$", re.IGNORECASE)
SECTION_NAME_CHARS = 6        # a heading shorter than this names a section, not a story
SAME_HEADLINE = 0.75          # a heading this close to <title>'s headline is its printed form


def _printed_version(root, first: str) -> str | None:
    """A heading that prints <title>'s headline with a word or two changed ("内蒙古9部门：确保…"
    for "内蒙古确保…"): the headline as printed."""
    from difflib import SequenceMatcher

    key = to_simplified(fold_key(first))
    if len(key) < SECTION_NAME_CHARS:
        return None
    for text in _headings(root):
        other = to_simplified(fold_key(text))
        if other != key and SequenceMatcher(None, key, other).ratio() >= SAME_HEADLINE \
                and not _with_furniture(text, first):
            return text
    return None


def _first_segment_printed(root, title: str) -> str:
    """<title>'s headline; when its first part is only a column's name ("财经风云--headline")
    that the page never prints on its own, a longer part the page prints."""
    first = first_segment(title)
    key = fold_key(first)
    if not first or len(key) >= SECTION_NAME_CHARS:
        return first
    texts = list(body_of(root).itertext())
    if any(fold_key(text) == key for text in texts):
        return first
    return printed_segment(title, fold_key(" ".join(texts))) or first


CREDIT_WORD = re.compile(r"记者|記者|作者|撰文|编辑|編輯|通讯员|通訊員|摄影|攝影")


def prefer_near(root, near: str, title: str | None, heading: str | None) -> bool:
    """Whether the heading-like line right above the body is the headline (never a line that
    is none, such as a subtitle opening with a dash): when the page's heading is only a section name ("新闻动态"), when <title> holds that line behind a site
    prefix ("某某新聞：headline"), or when <title> is a bare name and no og:title exists."""
    page_title = first_text(root, "//title")
    if NOT_HEADLINE.match(near) or fold_key(near) in _site_names(root, page_title) or (LONE_WORD.fullmatch(near.strip())
                                                           and fold_key(near) not in heading_keys(root)):
        return False              # the site's name printed as a heading, or one Latin word outside one (a byline's name)
    named = {fold_key(first_segment(page_title)), fold_key(meta_content(root, "og:title") or page_title)}
    if heading is not None and fold_key(heading) in named \
            and fold_key(near) not in fold_key(page_title) and (
                near.isascii() or fold_key(heading) in fold_key(near) or heading.rstrip().endswith(("？", "?", "！", "!"))):
        # <title>'s (or og:title's) short headline over an interface label ("書展一遊" over "Article"), over a
        # sub-heading that asks about it ("如何理解升降單位？" under 升降單位), or asking or
        # exclaiming itself ("谁开启周期？"): a section's name does neither
        return False
    if heading is None and len(fold_key(title or "")) >= SECTION_NAME_CHARS and _with_furniture(near, title):
        return False              # <title>'s headline with a breadcrumb mark or a date glued on
    prefix = SITE_PREFIX.match(title or "")
    if prefix and fold_key(title[prefix.end():]) == fold_key(near):
        return True               # <title> is "site：headline" and the page prints the headline
    if heading is not None or len(fold_key(title or "")) < SECTION_NAME_CHARS:
        return True
    if fold_key(near) in fold_key(title or ""):
        return False              # a piece of the headline found already (a deck or subhead)
    references = [fold_key(t) for t in (page_title, meta_content(root, "og:title") or "") if t]
    if any(fold_key(near) in ref for ref in references) or len(fold_key(near)) >= SECTION_NAME_CHARS and (
            not FIELD_LINE.match(near) and not _printed(root, title or "")):
        return True               # (<title>'s first part printed nowhere on the page: the site's name)
    og = meta_content(root, "og:title")
    names_site = og is not None and fold_key(og) == fold_key(site_name(root) or "")
    bare = not TITLE_SEPARATORS.search(page_title) and (og is None or names_site)
    return bare or title is None or title == site_name(root)


FIELD_LINE = re.compile(r"^[^：:，,。]{0,5}(?:人|者|栏目|欄目|量|数|數|次|值|来源|來源|时间|時間|日期|编辑|編輯|作者)\s*[：:]"
                        r"|^[^：:，,。]{1,6}[：:]\s*[\d,.\s]+$")      # "发稿人：张三丰", "所属栏目：…", "点击量：1234"


def _printed(root, text: str) -> bool:
    """Whether the page prints ``text`` (in either script, spacing and marks aside)."""
    return to_simplified(fold_key(text)) in to_simplified(fold_key(" ".join(body_of(root).itertext())))


# A site's name before the headline in <title>: "中國評論新聞：headline".
SITE_PREFIX = re.compile(r"^[^：:，,。\s]{2,12}(?:新闻|新聞|网|網|报|報|社|台)\s*[：:]\s*")


def _with_furniture(line: str, headline: str) -> bool:
    """Whether ``line`` is the whole of ``headline`` and only marks, a date or a credit besides."""
    found = loose(headline).search(line)
    if not found or fold_key(line) == fold_key(headline):
        return False
    rest = line[:found.start()] + " " + line[found.end():]
    return not re.search(r"\w", rest) or is_meta(rest)


def is_meta(text: str) -> bool:
    folded = fold_width(text)
    return bool(DATE.search(folded) or CREDIT_WORD.search(folded) or SOURCE.search(folded))


def _headings(root) -> list[str]:
    texts = []
    query = ("(//h1|//h2|//h3|//body//*[contains(@class, 'title') or contains(@id, 'title') or contains(@class, 'headline') or "
             "contains(@class, 'Title')])[not(ancestor::*[contains(@class, 'comment') or contains(@id, 'comment')])]")
    for element in root.xpath(query)[:200]:
        text = " ".join(element.text_content().split())
        if 4 <= len(text) <= 120 and not NOT_HEADLINE.match(text):
            texts.append(text)
    return texts


def first_text(root, query: str) -> str:
    found = root.xpath(query)
    if not found:
        return ""
    return " ".join((found[0] if isinstance(found[0], str) else found[0].text_content()).split())


def texts_of(root, query: str) -> list[str]:
    return [" ".join(e.text_content().split()) for e in root.xpath(query)[:5]]


def meta_content(root, name: str) -> str | None:
    found = root.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")
    value = " ".join(found[0].split()) if found else ""
    return value or None


def site_name(root) -> str | None:
    return meta_content(root, "og:site_name") or meta_content(root, "application-name")


def body_of(root):
    found = root.find("body")
    return found if found is not None else root
