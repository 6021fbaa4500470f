"""Pages that are not one article, told from what the page reader found on them.

Schema.org types and microblog titles are checked before the body is read (in
:mod:`page`); the signals here need the body, the headline and the page's links:

- no article text: the body holds almost no sentences; or few, on a page of dated
  items or mostly links (a section front, a list of announcements);
- a list of teasers: eight or more linked headlines inside the body, or four or more
  that make up two fifths of its paragraphs;
- a list: many lines, most of them links or figures, and not much prose in the rest
  (a ranking, a rolling-news list);
- an error page: the headline or ``<title>`` says the page is not there, and the
  body is short;
- a picture gallery: a short body of captions, a slide pager (下一张, 1 2 3 4 5 6 下一页)
  and a photo credit; a news feed: teasers stamped 3小时前, or nine or more short lines
  stamped so whatever else the page holds;
- a reference entry (an encyclopedia's): a table of contents of links within the
  page and numbered citation marks ([1], [2-3]) throughout;
- a video page: a player (``<video>``, a Flash plugin, a player frame) and a caption;
- a redirect or message page: a short body and "如果您的浏览器没有自动跳转…";
- a list of teasers: most paragraphs cut short with an ellipsis (…, ...more); a list page:
  a headline that says so (文章列表) over a short body or a paragraph or two;
- a search results page, a forum thread, a picture gallery or a video page: the
  headline or ``<title>`` names it, or the page carries a forum's floor marks
  (楼主, 2楼, 回复), and the body is short or made of posts;
- a search results page: a filled query box whose words the ``<title>`` repeats,
  with a title that names a search;
- a forum or comment thread: numbered posts each stamped with a date
  (#2 - 2023-3-7 00:34), around a short body;
- a question-and-answer page: two or more of a Q&A site's marks (最佳答案, 提问者采纳);
- a shop or catalogue page: a buy or shelf control (加入购物车, 加入书架) beside prices,
  or a catalogue record's fields (ISBN, 出版社, 定价, 装帧 …);
- a portal or list page: a body most of whose text is the text of the page's links;
- a section, feed or search page: a ``<title>`` that names only the site (none of the
  heading's words) over a heading that is a label (類別, 全網搜尋) or a time stamp;
- a list of summaries: most of the body's paragraphs each printed after a link to another
  page's headline;
- a list of excerpts: the body ends right before a "read more" link, one of several.
"""

from __future__ import annotations

import re

from ..text.pagerules import END_LINE
from ..text.script import fold_width
from .pagebody import fold_key, is_link, is_prose, link_texts
from .pagelists import (CAPTION_KEY, HEADLINE_CHARS, LINKED_SHARE, LIST_NAMED, MIN_PROSE_CHARS, POST_COUNT, TITLE_PARTS,
                        dated_items, excerpt_list, headed_items, label_only, linked_openings, linked_share, named_list, several_entries,
                        site_only, without_closing_list)
from .pagemeta import DATE

MIN_PAGE_CHARS = 200       # less text than this on the whole page: nothing to judge
SHORT_PROSE_CHARS = 80      # below this, a page of dated items or of links is an index
DATED_ITEMS = 8             # dates printed on an index page, at least
LINKED_HEADLINES = 8        # an article's body never holds this many linked headlines
LIST_LINES = 12             # a body of this many lines or more ...
LIST_SHARE = 0.6            # ... this share of them links or figures is a list
SHORT_BODY_CHARS = 300      # below this, a named kind (gallery, video, error) wins
GALLERY_PROSE_CHARS = 200   # a gallery's captions, at most
FEED_PROSE_CHARS = 1000     # a news feed's teasers, at most, ...
FEED_STAMPS = 3             # ... with this many "3小时前" stamps in the body
MANY_STAMPS = 9             # so many stamped short lines make a feed or a topic list whatever its teasers hold
STAMPED_LINE_CHARS = 80     # a feed's item line, at most
FEW_HEADLINES = 4           # fewer linked headlines make a list when they are ...
HEADLINE_SHARE = 0.4        # ... this share of the body's paragraphs (headline, teaser, headline, …)
# A teaser cut short, as a front page or a list prints each story: "…被小三的...", "…。...more".
TEASER_END = re.compile(r"(?<![…⋯.])(?:\.{3}|…|⋯)\s*(?:more|更多|阅读全文|閱讀全文|全文)?\s*$", re.IGNORECASE)  # not a writer's ……
TEASERS = 3                # paragraphs cut short, at least,
TEASER_SHARE = 0.6         # and this share of the body: a list of teasers, not an article
APOLOGY = re.compile(r"抱歉|對不起|对不起|sorry|oops", re.IGNORECASE)
REPORTED_ERROR = re.compile(r"[“”「」『』\"]|显示|顯示|提示|称|稱|说|說|表示")   # a flash quoting the message
ERROR_LINE_CHARS = 40       # a body no longer than this that says "404" is the error's message
VIDEO_PROSE_CHARS = 120    # beside a video player, less prose than this is a caption
FORUM_MARKS = 3             # floor marks that make a page a forum thread

ERROR = re.compile(r"(?<!\d)404(?![\d\u4e00-\u9fff])|页面不存在|頁面不存在|找不到(?:您|你)?(?:要|所)?(?:访问|訪問|存取|查找|请求|請求)?的?(?:页面|頁面|该页|該頁|网页|網頁)|(?:页面|頁面|网页|網頁)找不到|"
                   r"页面(?:已删除|已被删除|出错)|頁面(?:已刪除|出錯)|出错了|出錯了|not found|访问的页面", re.IGNORECASE)
# A page that only sends the reader on, in its browser's words: "如果您的浏览器没有自动跳转，请点击此链接",
# "3秒后自动跳转" (a story may say 页面显示正在跳转).
REDIRECT = re.compile(r"(?:浏览器|瀏覽器)(?:没有|沒有|未能|未)?自动跳转|(?:瀏覽器)(?:沒有|未能|未)?自動跳轉|秒后自动跳转|秒後自動跳轉")
SEARCH = re.compile(r"搜索结果|搜尋結果|检索结果|檢索結果|search results?", re.IGNORECASE)
GALLERY = re.compile(r"^(?:图文|圖文|组图|組圖|图集|圖集|高清(?:组图|图集|大图)|图片故事|圖片故事)\s*[-:：|｜]|"
                     r"[\[【(（](?:组图|組圖|图集|圖集|高清组图)[\]】)）]\s*$")
VIDEO = re.compile(r"^(?:视频|視頻|影音|直播)\s*[|｜丨:：]|[\[【(（](?:视频|視頻)[\]】)）]\s*$")
# 沙发 ("sofa", the first reply) counts only as a post of its own, between spaces or line ends:
# "一组迷你的沙發", "，沙发、茶几" are furniture.
FORUM = re.compile(r"楼主|樓主|(?<!\d)\d{1,4}\s*[楼樓#](?![\u4e00-\u9fff])|(?:(?<=\s)|^)(?:抢|搶)?(?:沙发|沙發)[!！~～]*(?=\s|$)"
                   r"|只看该作者|只看該作者|回复本帖|回覆本帖")


def page_kind(root, paragraphs: list[str], title: str | None, page_title: str, visible: str,
              players: int = 0, query: str = "") -> str | None:
    """What the page is, when it is not an article; None for an article. ``players``: the
    video players the page held before its plugins and frames were dropped; ``query``: what
    its search box was filled with."""
    prose = sum(len(p) for p in paragraphs if is_prose(p) and not END_LINE.match(fold_width(p).strip()))
    if query and fold_key(query) in fold_key(page_title) and SEARCH_NAMED.search(page_title):
        return "not an article: a search results page (the query in the title)"
    marked = _marked_kind(visible, prose)
    if marked:
        return f"not an article: {marked}"
    cut = [TEASER_END.search(p) is not None for p in paragraphs]
    teasers = sum(cut)
    # (the lines between teasers, a date or a count each, are the list's, not text)
    if teasers >= TEASERS and teasers >= TEASER_SHARE * sum(c or is_prose(p) for c, p in zip(cut, paragraphs)):
        return "not an article: a list of teasers (each cut short with …)"
    if LIST_NAMED.search(title or "") and (prose < SHORT_BODY_CHARS or len(paragraphs) <= 2):
        return "not an article: a list page (its headline says so)"
    if prose < SHORT_BODY_CHARS and _names_a_list(root, title or "", page_title, paragraphs, visible, prose):
        return "not an article: a tag, category or archive page"
    # (A post written in short lines without full stops, a video embedded in it, is no caption.)
    if players and prose < VIDEO_PROSE_CHARS and sum(map(len, paragraphs)) < SHORT_BODY_CHARS:
        return "not an article: a video page (a player and a few lines)"
    if len(FORUM.findall(visible)) >= FORUM_MARKS and (_posts(paragraphs) or _first_post(paragraphs, visible)):
        return "not an article: a forum thread"
    if prose < SHORT_BODY_CHARS and REDIRECT.search(visible):
        return "not an article: a redirect or message page"
    if prose < SHORT_BODY_CHARS:
        for pattern, kind in ((ERROR, "an error page"), (SEARCH, "a search results page"),
                              (GALLERY, "a picture gallery"), (VIDEO, "a video page")):
            if pattern.search(title or "") or pattern.search(page_title):
                return f"not an article: {kind}"
        # An error page whose <title> names only the site: its one line says the page is not
        # there, under no headline of its own (a flash about an outage has one).
        if (sum(map(len, paragraphs)) <= ERROR_LINE_CHARS and ERROR.search(" ".join(paragraphs))
                and site_only(title, page_title)):
            return "not an article: an error page"
        # or it says sorry to the reader for it ("抱歉，找不到您存取的頁面"), which no report does
        if any(len(p) <= ERROR_LINE_CHARS and ERROR.search(p) and APOLOGY.search(p) and not REPORTED_ERROR.search(p)
               for p in paragraphs):
            return "not an article: an error page"
    if len(fold_key(visible)) < MIN_PAGE_CHARS:
        return None           # a fragment of markup, not a page to judge
    if _reference_entry(root):
        return "not an article: a reference entry (contents and numbered citations)"
    if prose < MIN_PROSE_CHARS:
        return "not an article: no article text"
    if prose < SHORT_PROSE_CHARS:
        if len(DATE.findall(visible)) >= DATED_ITEMS:
            return "not an article: a list or index page (dated items, almost no sentences)"
    if prose < GALLERY_PROSE_CHARS and PAGER.search(visible) and PHOTO.search(visible):
        return "not an article: a picture gallery (captions and a slide pager)"
    stamped = [(len(p), len(STAMP.findall(p))) for p in paragraphs]
    stamps = sum(n for _, n in stamped)
    # many stamps on short lines (a feed's item lines), not a live blog's stamped updates
    short_stamps = sum(n for chars, n in stamped if chars <= STAMPED_LINE_CHARS)
    if (prose < FEED_PROSE_CHARS and stamps >= FEED_STAMPS) or short_stamps >= MANY_STAMPS:
        return "not an article: a news feed (items stamped N hours ago)"
    links = link_texts(root)
    paragraphs = without_closing_list(paragraphs)
    if linked_share(paragraphs, links) >= LINKED_SHARE:
        return "not an article: a portal or list page (the body is the page's links)"
    headlines = sum(is_link(p, links) and len(fold_key(p)) >= HEADLINE_CHARS and not CAPTION_KEY.search(fold_key(p))
                    for p in paragraphs)
    if headlines >= LINKED_HEADLINES or (headlines >= FEW_HEADLINES and headlines >= HEADLINE_SHARE * len(paragraphs)):
        return "not an article: a list of linked headlines with teasers"
    if headed_items(paragraphs, visible, links) or linked_openings(paragraphs, links):
        return "not an article: a list of summaries, each under a linked headline"
    if dated_items(paragraphs, visible):
        return "not an article: a list of excerpts, each under its own date"
    if several_entries(root, paragraphs):
        return "not an article: a list of posts (the text runs over several headed entries)"
    if len(paragraphs) >= LIST_LINES:
        listed = [is_link(RANK.sub("", p), links) or FIGURES.fullmatch(p) is not None
                  or STAMP.fullmatch(p) is not None or len(p) <= 4 for p in paragraphs]
        rest = sum(len(p) for p, item in zip(paragraphs, listed) if not item and is_prose(p))
        total = sum(len(p) for p in paragraphs)
        if sum(listed) >= LIST_SHARE * len(paragraphs) and (rest < SHORT_BODY_CHARS or rest < 0.1 * total):
            return "not an article: a list (lines of links and figures)"
    if prose < LABEL_PAGE_PROSE and label_only(title, page_title):
        return "not an article: a section or feed page (its title names only the site, its heading is a label)"
    if paragraphs and excerpt_list(paragraphs[-1], visible):
        return "not an article: a list of excerpts (the text goes on behind a \"read more\" link)"
    return None


def _names_a_list(root, title: str, page_title: str, paragraphs: list[str], visible: str, prose: int) -> bool:
    """A tag, category or archive page: its headline names it so, or <title>'s first part does (not
    as a kicker the headline opens with and says more after; bare: almost no prose and no date),
    or it counts its posts."""
    if named_list(title, visible, headline=True) or POST_COUNT.search(" ".join([title, *paragraphs[:2]])):
        return True
    part, key = TITLE_PARTS.split(page_title)[0], fold_key(title)
    if (key.startswith(fold_key(part)) and key != fold_key(part)) or root.xpath(ARTICLE_META):
        return False
    return named_list(part, visible, prose < SHORT_PROSE_CHARS and not DATE.search(visible))


# A page that says in its markup it is an article, with its time ("article:published_time").
ARTICLE_META = ("//meta[@property='article:published_time' or @name='article:published_time' or "
                "(@property='og:type' and @content='article')]")
SEARCH_NAMED = re.compile(r"搜索|搜尋|检索|檢索|search", re.IGNORECASE)
# A numbered post with its time: "#2 - 2023-3-7 00:34", "#1-3 - …", "5楼 2019-01-02".
POST_STAMP = re.compile(r"(?:#\d{1,4}(?:-\d{1,3})?|(?<!\d)\d{1,4}\s*[楼樓])\s*[-–]?\s*(?:发表于|發表於)?\s*"
                        r"(?:19|20)\d{2}-\d{1,2}-\d{1,2}")
POST_STAMPS = 2
QA_MARK = re.compile(r"最佳答案|满意答案|滿意答案|提问者采纳|提問者採納|推荐答案|推薦答案|网友采纳|網友採納"
                     r"|我来回答|我來回答|我要提问|我要提問|采纳率|採納率|(?<!\d)\d+\s*(?:个|個|条|條)?回答(?![\u4e00-\u9fff])")
QA_MARKS = 2
COUNT = re.compile(r"\d+\s*(?:个|個|条|條)?")
BUY = re.compile(r"加入购物车|加入購物車|放入购物车|放入購物車|立即购买|立即購買|加入书架|加入書架|免费试读|免費試讀"
                 r"|add to (?:cart|bag)", re.IGNORECASE)
PRICE = re.compile(r"[¥￥]\s*\d|NT\$\s*\d|(?:定价|定價|售价|售價|优惠价|優惠價|原价|原價|价格|價格)\s*[:：]")
PRICES = 3
CATALOGUE = re.compile(r"ISBN|出版社\s*[:：]|出版(?:年|日期)\s*[:：]|页数|頁數|装帧|裝幀|裝訂|(?:定价|定價|售价|售價|优惠价|優惠價)\s*[:：]")
CATALOGUE_FIELDS = 3        # distinct fields of a catalogue record
# A film or work's record: "导演: …", "主演: …", "上映日期: …"; an article's info box holds a few.
RECORD = re.compile(r"(?:导演|導演|编剧|編劇|主演|类型|類型|制片国家|製片國家|语言|語言|上映日期|首播|片长|片長|集数|集數"
                    r"|又名|作者|译者|譯者|出品方|字数|字數)\s*(?:/[^:：\s]{1,4})?\s*[:：]"
                    # a download site's film record: "◎译　　名", "◎片　　名", "◎导　　演"
                    r"|◎\s*(?:译|譯|片|年|产|產|类|類|语|語|字|上|导|導|主|编|編|简|簡)\s*\S?\s*(?:名|代|地|别|別|言|幕|映|演|剧|劇|介|长|長)")
RECORD_FIELDS = 6
RECORD_PROSE_CHARS = 200   # a review's text under its film's info box is longer than a record's synopsis
# A fund's live data on a fund portal: "单位净值（11-15）：", "交易状态：", "购买手续费：" (a news story's
# info box gives the fund's record, 成立日期 基金经理 管理人, not its trading state).
FUND_QUOTE = re.compile(r"(?:单位净值|單位淨值|累计净值|累計淨值|交易状态|交易狀態|申购状态|申購狀態|申购费率|申購費率"
                        r"|购买手续费|購買手續費|日增长率|日增長率)\s*(?:[(（][^()（）]{1,12}[)）])?\s*[:：]")
FUND_QUOTES = 3
# a trading state or a buying fee: a fund page's own, not a news story's quote card or info box
TRADING = re.compile(r"(?:交易状态|交易狀態|购买手续费|購買手續費)\s*[:：]")
LISTED_RECORDS = 4          # one catalogue field printed this often: a list of records (editions)


def _marked_kind(visible: str, prose: int) -> str | None:
    """A kind of page told by the marks its interface prints."""
    if prose < SHORT_BODY_CHARS and len(POST_STAMP.findall(visible)) >= POST_STAMPS:
        return "a forum or comment thread (numbered, dated posts)"
    # (kinds of mark: "42回答" and "103回答" beside a travel diary's Q&A box are one)
    if len({COUNT.sub("", m) for m in QA_MARK.findall(visible)}) >= QA_MARKS:
        return "a question-and-answer page"
    quotes = {fold_key(m)[:2] for m in FUND_QUOTE.findall(visible)}
    if len(quotes) >= FUND_QUOTES and TRADING.search(visible):
        return "a fund's data page (net value, trading status, fees)"
    buy, prices = set(BUY.findall(visible)), len(PRICE.findall(visible))
    labels = [fold_key(m)[:2] for m in CATALOGUE.findall(visible)]
    fields = set(labels)
    listed = len(fields) >= 2 and max(labels.count(f) for f in fields) >= LISTED_RECORDS
    record = fields | {fold_key(m)[:2] for m in RECORD.findall(visible)}
    # A book's details under a review (出版社, 定价, ISBN) come once and with one price; a shop
    # prints several prices, a list of editions the same fields again and again.
    if ((buy and prices >= PRICES) or len(buy) >= 2 or (len(fields) >= CATALOGUE_FIELDS and prices >= 2) or listed
            or len(record) >= RECORD_FIELDS and prose < RECORD_PROSE_CHARS):
        return "a shop or catalogue page (buy controls, prices or a record's fields)"
    return None


def filled_query(root) -> str:
    """What a page's search box was filled with (a text box with a value), else ""."""
    for box in root.iter("input"):
        value = (box.get("value") or "").strip()
        if value and (box.get("type") or "text").lower() in ("text", "search"):
            return value
    return ""


PAGER = re.compile(r"[上下]一[张張]|(?<!\d)1\s*2\s*3\s*4\s*5\s*6?\s*[下后後]一[页頁]|(?<![\d/])\d{1,2}\s*/\s*\d{1,2}\s*[张張]")
PHOTO = re.compile(r"(?:摄|攝)[)）]|(?:摄|攝)\s*$|[(（](?:图|圖)[/／]", re.MULTILINE)
FIGURES = re.compile(r"[\d\s,.%:：/-]+")
RANK = re.compile(r"^\d{1,3}\.?\s*")          # a ranking's number before the headline
STAMP = re.compile(r"\d{1,2}\s*(?:分钟|分鐘|小时|小時|天)前|(?:昨天|今天)\s*\d{1,2}:\d{2}")


CONTENTS_LINKS = 6          # links to sections of the same page: a table of contents
CITATION_MARKS = 8          # numbered citation marks: an encyclopedia's references
CITATION = re.compile(r"\[\d{1,3}(?:[-–,]\d{1,3})?\]")


def _reference_entry(root) -> bool:
    """A table of contents (links to "#section" of the page itself, with a name) and numbered citations."""
    # (a saved page may write its own address before "#section": the section is one this page holds)
    # (a section is a heading, a mark inside one, or an empty mark before one: skip links to
    # #content or #comments, whole containers, are not)
    anchors = {e.get("id") or e.get("name") for e in root.xpath(
        "//*[self::h1 or self::h2 or self::h3 or self::h4 or parent::h1 or parent::h2 or parent::h3 or parent::h4"
        " or not(node()) or *[1][self::h1 or self::h2 or self::h3 or self::h4]][@id or @name]")} - {None, ""}
    contents = sum(1 for a in root.iter("a") if (a.get("href") or "").partition("#")[2] in anchors
                   and 2 <= len(fold_key(a.text_content())) <= 20)
    if contents < CONTENTS_LINKS:
        return False
    marks = sum(1 for sup in root.iter("sup") if CITATION.fullmatch(sup.text_content().strip()))
    return marks >= CITATION_MARKS


LABEL_PAGE_PROSE = 120     # a page under a label heading with more prose than this may be a short article
FIRST_POST_REACH = 200      # characters above the body where a thread marks its first post
FIRST_POST = re.compile(r"楼主|樓主|(?:发|發)(?:表)?新(?:帖|话题|話題)\W.{0,200}?(?:发表于|發表於|发表时间|發表時間)")


def _first_post(paragraphs: list[str], visible: str) -> bool:
    """The original poster's mark (楼主), or the thread's new-post button (发新帖) and then a post's
    stamp (发表于), printed right above the body: the body is a thread's first post (a sidebar
    of hot comments, 1楼 2楼, or a site's menu with a forum's button, above an article is not)."""
    at = visible.find(" ".join(paragraphs[0].split())[:12]) if paragraphs else -1
    return at > 0 and FIRST_POST.search(visible, max(0, at - FIRST_POST_REACH), at) is not None


def _posts(paragraphs: list[str]) -> bool:
    """Whether the body reads as posts: several paragraphs with a floor mark of their own."""
    return sum(bool(FORUM.search(p)) for p in paragraphs) >= 2 or len(paragraphs) < 3
