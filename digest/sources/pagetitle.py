"""The headline inside a page's <title>: the parts a site strings together there
("headline_channel_site", "column--headline", "headline-某某网")."""

from __future__ import annotations

import re

from .pagebody import fold_key

TITLE_SEPARATORS = re.compile(r"\s*(?:\s[-–—─－|｜·:]{1,2}\s|_|\||｜|--|——|──|::)\s*")
PRINTED_PART_CHARS = 8       # a part of <title> this long that the page prints can be its headline


# A site's name glued to <title> with a bare hyphen: "河南高院院长：农民工不愿滥用诉权-法制网".
SITE_SUFFIX = re.compile(r"(?<=\S)\s*[-－–—]\s*[^-－–—\s]{1,12}(?:网|網|报|報|社|台|站|频道|頻道|新闻|新聞|在线|在線|博客|部落格|网页|網頁|\.com|\.cn)$")


# A channel and a site glued on with bare hyphens: "…少女时代爆猛料-女主播-东北网娱乐".
CHANNEL_AND_SITE = re.compile(r"(?:[-－–—][^-－–—\s]{1,10}){2,3}$")


def first_segment(title: str) -> str:
    """<title> without a message count, the site's and channel's names: its first part, or
    its longest when the first is shorter than four characters."""
    title = re.sub(r"^\(\d+\+?[^)]*\)\s*", "", " ".join(title.split()))  # "(3 条消息) …"
    title = SITE_SUFFIX.sub("", title)
    trail = CHANNEL_AND_SITE.search(title)
    if trail and len(title) - len(trail[0]) >= 8:
        title = title[:trail.start()]
    parts = [p for p in TITLE_SEPARATORS.split(title) if p.strip()]
    if not parts:
        return ""
    return parts[0] if len(parts[0]) >= 4 or len(parts) == 1 else max(parts, key=len)


def printed_segment(title: str, printed: str) -> str | None:
    """The longest part of ``title`` that the page prints (``printed``: its folded text)."""
    parts = [p for p in TITLE_SEPARATORS.split(" ".join(title.split())) if len(fold_key(p)) >= PRINTED_PART_CHARS]
    found = [p for p in parts if fold_key(p) in printed]
    return max(found, key=len) if found else None


LONE_H1_CHARS = (8, 80)      # a page's one <h1> of this length, not a link, is a headline


def lone_h1(root, names: set[str]) -> str | None:
    """The page's only ``<h1>``, when it reads as a headline: not opening with the site's
    name, not a link (a logo), of a headline's length."""
    found = root.xpath("//h1")
    if len(found) != 1 or found[0].xpath(".//a"):
        return None
    text = " ".join(found[0].text_content().split())
    key = fold_key(text)
    if not LONE_H1_CHARS[0] <= len(key) <= LONE_H1_CHARS[1] or any(key.startswith(name) for name in names if name):
        return None               # a banner: the site's name and its slogan
    return text


LONE_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.'-]*")     # one Latin word: a brand or a byline's name


def story_heading(root, text: str) -> bool:       # printed as a heading linking nowhere, below the <h1>
    key, below = fold_key(text), False
    for heading in root.iter("h1", "h2", "h3", "h4"):
        if below and fold_key(heading.text_content()) == key and not heading.xpath(".//a|ancestor::a"):
            return True
        below = below or heading.tag == "h1"
    return False


def heading_keys(root) -> set[str]:
    return {fold_key(h.text_content()) for h in root.iter("h1", "h2", "h3", "h4")}


# A date printed in the headline's element right after its last word ("…书法大会2021-04-23"):
# no space or separator between, and not in <title> with the headline, so it is the page's
# stamp, not a part of the headline ("半导体行业简报 - 2026-05-06", "每日金融早报2024-05-13"
# printed so in <title> too, keep theirs; "教程2024.1.4" is a version).
GLUED_DATE = re.compile(r"(?<=[\u4e00-\u9fff”」』》）)】!?！？])(?:19|20)\d{2}[-/]\d{1,2}[-/]\d{1,2}"
                        r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
GLUED_HEADLINE_CHARS = 6     # what is left before the date is a headline only this long at the least


def without_glued_date(title: str | None, page_title: str) -> str | None:
    """``title`` without a date glued to its end that ``page_title`` does not print with it."""
    glued = GLUED_DATE.search(title or "")
    if glued is None or len(fold_key(title[:glued.start()])) < GLUED_HEADLINE_CHARS or fold_key(title) in fold_key(page_title):
        return title
    return title[:glued.start()].rstrip()
