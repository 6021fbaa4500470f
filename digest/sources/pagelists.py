"""List pages told apart from articles by how they lay out their items (a body that is
the page's own link texts, summaries each under a linked headline, excerpts that end in a
"read more" link, posts in headed entries) and by what they call themselves (a ``<title>``
naming only the site over a label, a tag or archive page's name, a count of its posts).
Used by :mod:`pagekind`."""

from __future__ import annotations

import re

from ..text.script import fold_width
from .pagebody import fold_key, is_prose
from .pagedate import DATE, MONTHS

HEADLINE_CHARS = 8          # a link text this long or longer may be a headline
MAX_HEADLINE_CHARS = 60     # a longer link text is not a headline (a whole story made a link)
MIN_PROSE_CHARS = 20        # an article holds at least this many characters of sentences
LINKED_SHARE = 0.6          # a body this much made of the page's link texts is a portal or a list
LABEL_CHARS = 8             # a heading this short (letters and digits) is a label, not a headline


def label_only(title: str | None, page_title: str) -> bool:
    """An article's ``<title>`` repeats its headline, or names only the site over a headline
    of its own; a section front, a feed or a search page names only the site over a
    heading that is a label ("類別", "NBA 專題探討", "全網搜尋") or a time stamp."""
    key, page_key = fold_key(title or ""), fold_key(page_title)
    if not key or not page_key or len(key) > LABEL_CHARS:
        return False
    return not any(key[i:i + 2] in page_key for i in range(len(key) - 1))


def linked_share(paragraphs: list[str], links) -> float:
    """The share of the body's text that is the text of the page's links (a headline of
    eight characters or more found in it)."""
    body = "".join(fold_key(p) for p in paragraphs)
    if not body:
        return 0.0
    covered = sum(len(key) * body.count(key) for key in links.texts
                  if HEADLINE_CHARS <= len(key) <= MAX_HEADLINE_CHARS and key in body)
    return covered / len(body)


NUMBERED = re.compile(r"^\s*(\d{1,2})\s*[、.．)）]")
CLOSING_LIST_ITEMS = 3


def without_closing_list(paragraphs: list[str]) -> list[str]:
    """The body without the numbered list (1、 2、 3、 …) it ends with, when sentences come
    before it: a post that ends in its list of links is an article, not a list of headlines."""
    numbers = [NUMBERED.match(p) for p in paragraphs]
    end = len(paragraphs)
    start, expected = end, None           # walk back over items numbered n, n-1, …, 1
    while start > 0 and numbers[start - 1] and (expected is None or int(numbers[start - 1][1]) == expected):
        expected = int(numbers[start - 1][1]) - 1
        start -= 1
    if end - start < CLOSING_LIST_ITEMS or expected != 0:
        return paragraphs
    if sum(len(p) for p in paragraphs[:start] if is_prose(p)) < MIN_PROSE_CHARS:
        return paragraphs
    return paragraphs[:start]


HEADED_GAP_CHARS = 150     # text between two paragraphs where a headline link would sit, at most
HEADED_ITEMS = 3            # paragraphs with a linked headline before them, at least,
HEADED_SHARE = 0.6          # and this share of the gaps between the body's paragraphs
HEADED_SAMPLE = 40          # paragraphs looked at (the cost stays bounded on a huge page)
CAPTION_KEY = re.compile(r"^[图圖](?:为|為|片|\d)|(?:摄|攝|供图|供圖|提供)$")   # a linked caption is not a headline


def headed_items(paragraphs: list[str], visible: str, links) -> bool:
    """Most of the body's paragraphs are printed each after a link to another page's headline
    (a category page's summaries, the headlines themselves left out of the body); an article's
    paragraphs follow one another, with a related link between two now and then."""
    keys = _headline_links(links)
    return _items(paragraphs, visible, lambda gap: any(k in gap for k in keys if len(k) <= len(gap)))


def _headline_links(links) -> list[str]:
    """The page's link texts that may be another page's headline (no caption's)."""
    return [k for k in links.texts if HEADLINE_CHARS <= len(k) <= MAX_HEADLINE_CHARS and not CAPTION_KEY.search(k)]


OPENING_MORE_CHARS = 20     # text after the linked headline a paragraph opens with: its excerpt


def linked_openings(paragraphs: list[str], links) -> bool:
    """Most of the body's paragraphs each open with a link to another page's headline and go
    on with its excerpt in the same block ("2025年美股开户保姆级教程前言本文的主要内容是…"): a
    front or category page's cards, not an article."""
    keys = _headline_links(links)
    sample = [fold_key(p) for p in paragraphs[:HEADED_SAMPLE]]
    opened = sum(any(key.startswith(k) and len(key) >= len(k) + OPENING_MORE_CHARS for k in keys) for key in sample)
    return opened >= HEADED_ITEMS and opened >= HEADED_SHARE * len(sample)


YEARS_DAYS = 744            # a front page's dates, newest first, lie within two years
DATED_SHARE = 0.25          # of the body's lines, those that are an excerpt's date, at least
# A date with its marks folded away: "2025-10-24" as "20251024".
RUN_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")


def dated_items(paragraphs: list[str], visible: str) -> bool:
    """Most of the body's paragraphs are printed each after a date and a headline of their own,
    newest first (a front page's excerpts); an article's paragraphs and a timeline's are not."""
    days: list[int] = []

    def dated_headline(gap: str) -> bool:     # a date and a headline's words (a timeline's date alone is not one)
        found = DATE.search(gap) or RUN_DATE.search(gap)
        if found is None or len(gap) - len(found[0]) < HEADLINE_CHARS:
            return False
        days.append(_day(found))
        return True

    # (a front page lists the newest first, within two years; a timeline runs from the oldest, or over years)
    stamped = [_stamp_day(found) for p in paragraphs if (found := POSTER_STAMP.search(fold_width(p)[:STAMP_REACH]))
               and len(fold_key(found.string[:found.start()])) >= CARD_HEAD_CHARS]
    if len(stamped) >= HEADED_ITEMS and len(stamped) >= HEADED_SHARE * len(paragraphs):
        days = stamped            # each paragraph a card: a headline, its poster's "发布于 <date>", a teaser
    elif not _items(paragraphs, visible, dated_headline):
        # or each excerpt, cut off mid-clause, is followed by a line that is only its date
        days = [_day(found) for before, line in zip(paragraphs, paragraphs[1:])
                if not CLOSED.search(before) and (found := DATE.fullmatch(fold_width(line).strip()))]
        if len(days) < HEADED_ITEMS or len(days) < DATED_SHARE * len(paragraphs):
            return False
    return all(a >= b for a, b in zip(days, days[1:])) and max(days) - min(days) <= YEARS_DAYS


# A card's "<poster> 发布于 July 12, 2022" or "发表于 2022-07-12", after its headline.
POSTER_STAMP = re.compile(r"(?:发布于|發佈於|發布於|发表于|發表於|posted on)\s*(?:(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})"
                        r"\s*[-/.月]\s*(?P<d>\d{1,2})|(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
                        r"(?P<md>\d{1,2}),?\s+(?P<my>(?:19|20)\d{2}))(?!\d)", re.IGNORECASE)
STAMP_REACH = 80            # characters of a card before its poster's stamp, at most,
CARD_HEAD_CHARS = 12        # and at least (a headline and a name: a comment's "网友甲 发表于" is none)


def _stamp_day(found) -> int:
    if found["mon"]:
        return int(found["my"]) * 372 + MONTHS[found["mon"][:3].lower()] * 31 + int(found["md"])
    return _day(found)


CLOSED = re.compile(r"[。！？!?….;；”」』\"）)]\s*$")     # a paragraph that ends its sentence


def _day(found) -> int:
    return int(found["y"]) * 372 + int(found["m"]) * 31 + int(found["d"])


def _items(paragraphs: list[str], visible: str, marks) -> bool:
    """Whether the short stretches of the page between the body's paragraphs are mostly
    ``marks``-ed (a linked headline, a date): a list of items, not an article."""
    if len(paragraphs) <= HEADED_ITEMS:
        return False
    text, at, gaps = fold_key(visible), -1, []
    for paragraph in paragraphs[:HEADED_SAMPLE]:
        key = fold_key(paragraph)
        start = text.find(key[:15], max(at, 0)) if key else -1
        if start < 0:
            return False
        if at >= 0:
            gap = text[at:start]
            gaps.append(len(gap) <= HEADED_GAP_CHARS and marks(gap))
        at = start + len(key)
    return sum(gaps) >= HEADED_ITEMS and sum(gaps) >= HEADED_SHARE * len(gaps)


# A link to the rest of a post, after its excerpt on a blog's front or category page.
READ_MORE = re.compile(r"阅读全文|閱讀全文|继续阅读|繼續閱讀|阅读更多|閱讀更多|查看全文|read\s*more|continue\s*reading", re.IGNORECASE)
# The button that unfolds the article itself, or sends to an app: "展开阅读全文", "打开APP，阅读全文",
# "剩余80%未读，点击继续阅读" (looked for in the few characters before the link's words).
UNFOLD = re.compile(r"展开|展開|打开|打開|app|客户端|客戶端|未读|未讀", re.IGNORECASE)
UNFOLD_REACH = 10
READ_MORE_LINKS = 2         # excerpts on the page, at least
READ_MORE_REACH = 12        # characters between the body's end and the link, at most,
READ_MORE_GAP = 3           # of which this many are not spaces ("…", "»")


def excerpt_list(last: str, visible: str) -> bool:
    """The body ends right before a "read more" link, on a page of several such links:
    what was read is the first excerpt of a list, not an article."""
    visible = fold_width(visible)
    tail = fold_width(" ".join(last.split())[-20:])
    links = [m for m in READ_MORE.finditer(visible) if not _unfolds(visible, m.start())]
    if not tail or len(links) < READ_MORE_LINKS:
        return False
    own = READ_MORE.search(tail)            # the link read as the excerpt's last words
    if own and not _unfolds(tail, own.start()):
        return True
    at = visible.find(tail)
    end = at + len(tail)
    # (only an ellipsis or a mark between: after a share row, "分享到：微信 微博", the links are the page's)
    return at >= 0 and any(end <= m.start() <= end + READ_MORE_REACH
                           and len("".join(visible[end:m.start()].split())) <= READ_MORE_GAP for m in links)


def _unfolds(text: str, at: int) -> bool:
    """Whether the "read more" words at ``at`` belong to a button that unfolds the article
    itself or sends to an app (展开, 打开APP … just before them)."""
    return UNFOLD.search(text, max(0, at - UNFOLD_REACH), at) is not None


ENTRIES = 2                 # headed <article> entries the body's text comes from, at least
ENTRY_KEY_CHARS = 15        # of a paragraph's opening, looked for in each
ENTRY_NAME_CHARS = 4         # a post's headline, at least ("我所理解的财富")
ENTRY_CHARS = 100           # of the body's text an entry holds, at least (a teaser pulled in holds less)


def several_entries(root, paragraphs: list[str]) -> bool:
    """The body's text comes from two or more of the page's ``<article>`` entries, each under
    a headline that links to a page of its own: a list page that prints its posts whole or in
    long excerpts. An article is one entry; the parts of a long feature or a live blog's
    updates link nowhere (or under a time, no headline), and a sidebar's posts are left out."""
    keys = [fold_key(p) for p in paragraphs]
    aside = {element for side in root.iter("aside", "nav") for element in side.iter()}
    held = 0
    for entry in root.iter("article"):
        if entry in aside or entry.xpath("ancestor::article or .//article"):
            continue
        heading = entry.xpath("(.//h1|.//h2|.//h3|.//h4)[1]")
        name = fold_key(heading[0].text_content()) if heading else ""
        if len(name) >= ENTRY_NAME_CHARS and _permalink(entry, name):
            text = fold_key(entry.text_content())
            # the body's characters the entry holds: a paragraph whole, or only its opening
            chars = sum(len(key) if key in text else ENTRY_KEY_CHARS for key in keys
                        if len(key) >= HEADLINE_CHARS and key[:ENTRY_KEY_CHARS] in text)
            held += chars >= ENTRY_CHARS
            if held >= ENTRIES:
                return True
    return False


def _permalink(entry, name: str) -> bool:
    """Whether the entry links to another page under its headline: the headline is the link's
    text, or the link is labelled with it ("post link to …")."""
    for link in entry.iter("a"):
        href = link.get("href") or ""
        label = fold_key(" ".join((link.get("aria-label") or "", link.get("title") or "")))
        if href and not href.startswith("#") and (fold_key(link.text_content()) == name or name in label):
            return True
    return False


# A headline that names the page a list of stories: "看板 NBA 文章列表", "新闻列表".
LIST_NAMED = re.compile(r"(?:文章|新闻|新聞|资讯|資訊|帖子|贴子)列表|文章清单|文章清單")
# A tag, category or archive page names itself so in its heading or <title>'s first part ("Tag: 港股",
# "彙整 | 某博客", "文章 · 某站"), or counts its posts ("共计 2 篇文章", "目前共计 49 篇日志").
# Labels that never head a story (专题：…, Topic: … may be a kicker over one): with their term they name a list.
LABEL_TERM_CHARS = 8        # a tag's or category's name; a longer one after 分类： is a story's headline
LIST_LABEL = re.compile(r"tags?|categor(?:y|ies)|archives?|标签|標籤|分类|分類|归档|歸檔|彙整|存档|存檔", re.IGNORECASE)
TAXONOMY = re.compile(rf"^\s*(?:(?P<label>{LIST_LABEL.pattern}|topics?|专题|專題|(?:全部|所有)?文章)"
                      r"(\s*[-:：|·/]\s*[^|｜·]{1,20})?|时间轴|時間軸)\s*$", re.IGNORECASE)   # (时间轴：… is a kicker)
TAXONOMY_DATES = 3          # dates on a page that names a tag or topic with its term
TITLE_PARTS = re.compile(r"\s+[-–—_|｜·]\s+|\s*[|｜·]\s*")
POST_COUNT = re.compile(r"共(?:计|計|有)?\s*\d+\s*篇(?:文章|日志|日誌|博文|贴文|貼文)")


def named_list(name: str, visible: str, bare: bool = False, headline: bool = False) -> bool:
    """A list page's own name: a bare label ("标签", "彙整"), or one with its term ("Tag: 港股") as
    the page's ``headline``, over a ``bare`` body (almost no prose) or on a page of dated entries
    (a kicker, "专题：两会代表谈经济", heads one story with one date)."""
    found = TAXONOMY.match(name)
    short_term = found is not None and found[2] is not None and len(fold_key(found[2])) <= LABEL_TERM_CHARS
    return found is not None and (not found[2] or bare or (headline and short_term and LIST_LABEL.fullmatch(found["label"] or "") is not None)
                                  or len(DATE.findall(visible)) >= TAXONOMY_DATES)


def site_only(title: str | None, page_title: str) -> bool:
    """Whether <title> is a site's name behind a separator and the headline found is no more
    than that name, printed as the page's heading ("- 老罗投资" over "老罗投资"); a <title>
    that is only the headline ("某银行App故障") is not."""
    if not TITLE_PARTS.search(f" {page_title.strip()} "):
        return False
    rest = fold_key(page_title)
    for part in (title or "").split():
        rest = rest.replace(fold_key(part), "")
    return not rest
