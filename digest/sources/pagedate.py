"""The date a news page prints for its article.

Chinese pages print it in many shapes: 2022-11-24 05:30:58, 2003-7-24, 2012年01月12日15:57,
2012/1/17 17:23:10, 14.12.2011 19:00, January 17, 2012 06:00 AM, 7/5/2005 9:23 PM, and the
Minguo year (105年3月19日), and a Chinese month name in the English order (四月 27, 2019). A 12-hour clock is read as such; a date written month first
with AM/PM is American (7/5/2005 9:23 PM is the 5th of July); a date that a header
introduces as today's (今天是…, Today is …) is the day the page was fetched, and one that
a link introduces as another story's (最新推荐文章于…) is that story's: neither is
the article's, and both are passed over.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ..text.script import fold_width

AMPM = r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\b\.?))?"     # a 12-hour clock's AM/PM after the time
DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    + r"(?:[^\d]{0,16}?" + r"(?P<pm>下午|晚上|PM|pm)?(?:上午|早上|AM|am)?\s*"
    + r"(?P<hh>[0-2]?\d)\s*[:：時时]\s*(?P<mm>[0-5]\d)(?:\s*[:：分]\s*(?P<ss>[0-5]\d))?" + AMPM + ")?")
# Day first: "14.12.2011 19:00", "06/02/2022 - 13:48" (month first where the day is over 12,
# as in "11-22-2014").
DAY_FIRST = re.compile(
    r"(?<![\d./-])(?P<d>\d{1,2})(?P<sep>[./-])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?!\d)"
    r"(?:[^\d]{0,6}?(?P<hh>[0-2]?\d):(?P<mm>[0-5]\d)(?::(?P<ss>[0-5]\d))?" + AMPM + ")?")
MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
ENGLISH_DATE = re.compile(
    r"\b(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?P<y>(?:19|20)\d{2})(?:[^\d]{0,6}?(?P<hh>[0-2]?\d):(?P<mm>[0-5]\d)" + AMPM + ")?", re.IGNORECASE)
# The day first, in British order: "19 August 2026", "3 Feb. 2019"; read only where no other
# form is printed, and after a word only where that word introduces a date ("Posted on",
# "Wednesday"), not a product's name ("Windows 10 May 2020 Update", "iPhone 15 Sep 2023").
ENGLISH_DAY_FIRST = re.compile(
    r"(?<![\d.:/-])(?<![A-Za-z])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>January|February|March|April|May|June|"
    r"July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?),?\s+"
    r"(?P<y>(?:19|20)\d{2})(?!\d)", re.IGNORECASE)
WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
DATE_WORDS = re.compile(rf"on|posted|published|updated|date|dated|{WEEKDAY}|mon|tue|wed|thu|fri|sat|sun", re.IGNORECASE)
# A month's Chinese name in the English order, as a blog in a Chinese locale prints it: "四月 27, 2019",
# "2月 10 2014".
CHINESE_MONTH_FIRST = re.compile(
    r"(?<![\u4e00-\u9fff\d])(?:(?P<cmon>十[一二]|[一二三四五六七八九十])|(?P<m>1[0-2]|0?[1-9]))月\s*(?P<d>\d{1,2})"
    r"(?:\s*[,，]\s*|\s+)(?P<y>(?:19|20)\d{2})(?![\d年])(?!(?<=\d\s\d{4})[\u4e00-\u9fff])")   # not "3月 15 2000余家企业"
CHINESE_MONTHS = {name: i for i, name in enumerate(
    ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"), 1)}
# Taiwanese pages print the Minguo year: 105年3月19日 is 2016-03-19.
ROC_DATE = re.compile(r"(?<!\d)(?P<y>1[0-2]\d|[89]\d)年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
# What introduces the day a page was fetched on, in a site's header: not the article's date.
TODAY = re.compile(r"(?:今天是|今日是|现在是|現在是|当前时间|當前時間|现在时间|現在時間|Today is)\s*[:：,，]?\s*$",
                   re.IGNORECASE)
# What introduces the day a page was last changed, not written: "本文最后更新于", "更新于", "Updated on".
UPDATED = re.compile(r"(?:更新|修改|修订|修訂)(?:于|於|时间|時間|日期)?\s*[:：]?\s*$|updated\s*(?:on|at)?\s*:?\s*$", re.IGNORECASE)
# What introduces another story's date: "最新推荐文章于 2024-02-02 发布" (a tab named 相關文章
# right before the article's own date is no such thing).
OTHER_STORY = re.compile(r"(?:推荐|推薦|相关|相關|最新|热门|熱門)(?:文章|新闻|新聞)\s*[于於]\s*$")
# A neighbour's date between the buttons to it: "上一天 2025-12-02 下一天 2025-12-04" (not the page's own
# date printed after a row of buttons, "上一篇 下一篇 2024-02-05").
NEIGHBOUR = re.compile(r"(?P<which>上一|下一|前一|后一|後一)(?:天|篇|页|頁|期|则|則|条|條)\s*[:：]?\s*$")
# Where a list of other stories starts after the body ("相关推荐", "上一篇"): its dates and
# names are theirs, not the article's.
OTHER_STORIES = re.compile(r"(?:相关|相關|推荐|推薦|热门|熱門|延伸|往期|最新)(?:推荐|推薦|阅读|閱讀|新闻|新聞|文章|回顾|回顧)|"
                           r"猜你喜[欢歡]|上一篇|下一篇|返回列表|评论|評論|留言|[Cc]omments"      # readers' comments too
                           r"|(?i:(?:recent|related|latest|more|popular)\s+(?:press releases|posts|news|articles|stories))")
DATE_META = ("article:published_time", "og:article:published_time", "publishdate", "pubdate",
             "publish_date", "publishtime", "datepublished", "dc.date", "dc.date.issued", "date",
             "og:published_time", "sailthru.date", "article.published")


def printed_date(text: str, hint: datetime | None = None, updated: bool = True) -> date | None:
    """The first date printed in ``text``; ``hint`` (a date from the page's metadata)
    settles whether "06/02/2022" is the 6th of February or the 2nd of June. Without
    ``updated``, a date the page gives as its last update ("本文最后更新于 …") is passed over."""
    folded = fold_width(text)
    found = []
    for forms in (((DATE, 0), (DAY_FIRST, 0), (ENGLISH_DATE, 0), (CHINESE_MONTH_FIRST, 0), (ROC_DATE, 1911)),
                  ((ENGLISH_DAY_FIRST, 0),)):
        for pattern, offset in forms:
            for match in pattern.finditer(folded):
                before = folded[max(0, match.start() - 12):match.start()]
                if (TODAY.search(before) or OTHER_STORY.search(before) or (not updated and UPDATED.search(before))
                        or _neighbours(folded, match, NEIGHBOUR.search(before))):
                    continue
                word = WORD_BEFORE.search(before) if pattern is ENGLISH_DAY_FIRST else None
                if word and not DATE_WORDS.fullmatch(word[1]):
                    continue
                value = _date(match, offset, hint)
                if value:
                    found.append((match.start(), value))
                    break
        if found:
            return min(found, key=lambda f: f[0])[1]
    return None


# A dateline opening the body: "【新唐人2012年1月11日訊】", "本報北京2012年1月9日電": the date
# runs straight into the word that marks a report (a date in the lead's first clause,
# "2008年10月5日，电动车企业…", is what the story tells of, not when it was written).
DATELINE = re.compile(r"^.{0,30}?\d{4}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?\s*"
                      r"(?:[^\s,，。:：]{1,6}\s*[/／]\s*[^\s,，。:：]{1,6}\s*)?(?:訊|讯|電|电|報導|报道|消息)")   # 金名/高雄報導


def dateline_date(first_paragraph: str, hint: datetime | None = None) -> date | None:
    """The date in the dateline that opens the body, when it gives the year."""
    found = DATELINE.match(fold_width(first_paragraph[:40]))
    return printed_date(found[0], hint) if found else None


def _date(match: re.Match, offset: int, hint: datetime | None) -> date | None:
    groups = match.groupdict()
    year = int(groups["y"]) + offset
    month = (MONTHS[groups["mon"][:3].lower()] if groups.get("mon")
             else CHINESE_MONTHS[groups["cmon"]] if groups.get("cmon") else int(groups["m"]))
    day = int(groups["d"])
    if match.re is DAY_FIRST and groups.get("sep") == "-" and day <= 12 and month <= 12:
        return None                     # 03-04-2020: either order, and hyphens give no hint
    if match.re is DAY_FIRST and (
            day <= 12 < month or (hint and day <= 12 and (hint.month, hint.day) == (day, month))
            or (groups.get("ampm") and day <= 12)):
        month, day = day, month
    hour = int(groups.get("hh") or 0)
    ampm = (groups.get("ampm") or "").lower()
    if (groups.get("pm") or ampm.startswith("p")) and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
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


# A site's clock prints the weekday with the day: "2024年12月05日 星期四".
CLOCK = re.compile(rf"星期|週[一二三四五六日]|周[一二三四五六日天]|{WEEKDAY}", re.IGNORECASE)


def before_update(updated: date | None, close: str) -> date | None:
    """A last update, the only date under the headline, gives way to a date printed right
    above the headline (``close``) that comes before it and is no site's clock."""
    before = printed_date(close) if updated and not CLOCK.search(close) else None
    return before if before and _day(before) <= _day(updated) else updated


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _neighbours(folded: str, match: re.Match, label: re.Match | None) -> bool:
    """Whether a date right after a 上一X / 下一X button is that neighbour's: always after 上一X
    or a label with a colon; after 下一X only when the other neighbour's date stands before it
    (a row of buttons, "上一篇 下一篇", is followed by the page's own date)."""
    if label is None:
        return False
    if label["which"] in ("上一", "前一") or ":" in label[0] or "：" in label[0]:
        return True
    return DATE.search(folded, max(0, match.start() - 40), match.start() - len(label[0])) is not None
