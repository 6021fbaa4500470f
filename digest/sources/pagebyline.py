"""A news page's byline: a person's name or a named agency as printed, else nothing.

The words around a byline on Chinese pages (记者, 作者, 文／) also open ordinary
words and page furniture: 文章来源, 本文共分1页, 作者个人观点, 蔡英文：, 记者热线,
记者了解到, 作者：手机版. So a byline keyword counts only at the start of a word
(记者 excepted: 本报记者, 新华社记者), 文 and 作者 only with their separator, and what
follows must read as a name: Chinese names start with a common surname and run two
to four characters (a compound surname allows one more); a name in Latin letters is a
few capitalised words; an agency ends in 社. A byline taken from ``<meta name=author>``
or a CMS field passes the same test, and is not the site's own name.
"""

from __future__ import annotations

import re

from ..text.pagerules import COMPOUND_SURNAMES, SURNAMES
from ..text.script import fold_width
from .pagedate import DATE

CJK = "\u4e00-\u9fff"
AUTHOR = re.compile(
    rf"(?:(?<![{CJK}])(?:作者|撰文|文字|採訪|采访|编译|編譯)\s*[:：/／｜|＼\\\s]|(?<![{CJK}])文\s*[:：/／｜|＼\\]"
    rf"|記者|记者|评论员|評論員|(?<![A-Za-z])(?<!powered\s)(?<!designed\s)(?<!hosted\s)(?<!built\s)(?<!theme\s)(?:Author|By)\b)"
    rf"\s*[:：/／｜|＼\\]?\s*"      # (a site's "Powered by Hugo" names no author)
    rf"(?P<name>[{CJK}·]{{2,5}}(?![{CJK}])(?:[、\s]+[{CJK}·]{{2,4}}(?![{CJK}·])){{0,3}}"
    r"|[A-Za-z][A-Za-z .'-]{2,30}(?![A-Za-z\u4e00-\u9fff]))",      # not a word's start (Karmada社区)
    re.IGNORECASE)
SOURCE = re.compile(r"(?:来源|來源|出处|出處|稿源|來自|来自|Source)\s*[:：]\s*(?P<name>[^\s|｜:：,，]{2,20})",
                    re.IGNORECASE)
# A photographer's credit under a picture: "本报记者 王五 摄".
PHOTO_BY = re.compile(r"\s*(?:摄|攝|拍摄|拍攝|摄影|攝影|/摄|／攝|图|圖)(?![\u4e00-\u9fff])")
# What a credit word is followed by in a name's place, and trailing words a name carries.
NAME_TAIL = re.compile(r"(?:报道|報導|報道|摄影|攝影|摄|攝|撰|整理|编译|編譯|供稿|发自|發自|通讯员|通訊員)$")
CREDIT_WORDS = re.compile(r"编辑|編輯|责编|責編|来源|來源|发布|發布|实习|實習|见习|見習|通讯员|通訊員")
# The mark that closes a post, in brackets like a credit: "（全文完）", "（未完待续）".
END_MARK = re.compile(r"^(?:全文完|全文终|全文終|全文结束|全文結束|本文完|未完待续|未完待續|待续|待續)$")
LATIN_NAME = re.compile(r"^(?:[A-Z][a-z'’-]+\.?)(?:\s+[A-Z][a-z'’-]*\.?){0,3}$")


# A blog's credit: the name before "提交于 <date>" or "发表于", or between the date and the
# post's counters ("2013年11月13日 陈皓 评论 472 条评论").
POSTED_BY = re.compile(rf"(?<![{CJK}])(?P<name>[{CJK}]{{2,4}})\s*(?:提交于|提交於|发表于|發表於|发布于|發佈於)")
WORDS = re.compile(rf"[A-Za-z{CJK}]")
DATED_BY = re.compile(rf"(?:日|\d{{1,2}}:\d{{2}})\s+(?P<name>[{CJK}]{{2,4}})\s+(?:评论|評論|阅读|閱讀|浏览|瀏覽|\d+\s*条评论)")


def byline(text: str) -> tuple[str | None, str | None]:
    """(the first plausible byline name, the source line's name) printed in ``text``."""
    folded = fold_width(text)
    author, at = None, len(folded)
    for match in AUTHOR.finditer(folded):
        name = plausible(match["name"])
        if (name and not PHOTO_BY.match(folded, match.end())
                and not PICTURE_CREDIT.search(folded[max(0, match.start() - 20):match.start()])):
            author, at = name, match.start()
            break
    # An earlier blog credit wins, and a later "By" is a reader's comment: a pen name there
    # that does not read as a name leaves the page without a byline.
    # (A credit word right after a pen name's "发表于 <date>", nothing but the date between,
    # is the post's own credit.)
    match = POSTED_BY.search(folded, 0, at)
    if match and not (author and not WORDS.search(DATE.sub("", folded[match.end():at]))
                      and not plausible(match["name"])):
        author, at = plausible(match["name"]), match.start()
    match = DATED_BY.search(folded, 0, at)
    if match and (name := plausible(match["name"])):
        author = name
    if author is None:
        author = _reporter_and_place(folded)
    source = SOURCE.search(folded)
    return author, source["name"] if source else None


# A credit that runs the reporter's name into the place: "記者潘某某台北報導", "记者王强新北市报道".
REPORTED_FROM = re.compile(rf"(?:記者|记者)\s*(?P<run>[{CJK}]{{4,6}})(?:報導|报道|報道|\d{{1,2}}日(?:電|电))")
PLACE_END = "市縣县區区鄉乡鎮镇"


def _reporter_and_place(text: str) -> str | None:
    """The name in such a credit: the place is the last two characters (three when they end
    in 市, 縣 …); what is left must read as a name."""
    found = REPORTED_FROM.search(text)
    if not found:
        return None
    run = found["run"]
    name = run[:-3] if len(run) >= 5 and run[-1] in PLACE_END else run[:-2]
    return plausible(name) if 2 <= len(name) <= 3 else None


def plausible(value: str | None, site: str | None = None) -> str | None:
    """``value`` as a byline (names separated by spaces), or None when it is not one."""
    if not value:
        return None
    text = " ".join(fold_width(value).replace("、", " ").replace("，", " ").split())
    if not text or (site and text.lower() in site.lower()) or DATE.search(text) or "http" in text or "www." in text:
        return None
    if LATIN_NAME.match(text):
        return text
    names = []
    tokens = text.split()
    # A desk or outlet may stand between the credit word and the name ("作者＼健康傳媒　凌芸斐").
    if (len(tokens) > 1 and re.fullmatch(rf"[{CJK}]{{2,6}}", tokens[0]) and not CREDIT_WORDS.search(tokens[0])
            and not _chinese_name(tokens[0]) and not _agency(tokens[0]) and _chinese_name(tokens[1])):
        tokens = tokens[1:]
    for token in tokens:
        token = NAME_TAIL.sub("", token)
        if _chinese_name(token) or (names == [] and _agency(token)):
            names.append(token)
        else:
            break
    return " ".join(names) or None


# A site's roles, printed in the byline's place by a CMS: no one's name (管 and 站 start none here).
ROLES = re.compile(r"^(?:超级|超級|系统|系統)?(?:管理员|管理員)$|^(?:站长|站長|小编|小編|编辑部|編輯部|本站|本网|本網)$")


def _chinese_name(token: str) -> bool:
    if (not re.fullmatch(rf"[{CJK}]{{2,5}}", token) or CREDIT_WORDS.search(token) or END_MARK.match(token)
            or ROLES.match(token)):
        return False
    if token[:2] in COMPOUND_SURNAMES:
        return 3 <= len(token) <= 4
    return token[0] in SURNAMES and len(token) <= 3


def _agency(token: str) -> bool:
    return bool(re.fullmatch(rf"[{CJK}]{{2,8}}社", token))


def find_byline(root, header: str, footer: str, paragraphs, cms: dict,
                ending: str = "") -> tuple[str | None, str | None]:
    """(author, source) of a page: the row under the headline, a closing credit in the last
    paragraph ("…。（记者 张三）"), the text after the body, a CMS field, ``<meta name=author>``
    (credited in ``ending``, the text from the body's last paragraphs on)."""
    from .pagemeta import meta_content, site_name

    author, source = byline(header)
    # The dateline's credit, in brackets or not, in one of the first two paragraphs (a deck
    # may come first); a bracket that holds no byline ("(化名)") does not stop the search.
    openings = [m[1] for m in (OPENING_CREDIT.match(p) for p in paragraphs[:2])
                if m and not PICTURE_CREDIT.search(m[1])]
    closing = [m for m in (CLOSING_CREDIT.search(p[-40:]) for p in paragraphs[-3:][::-1])
               if m and not PICTURE_CREDIT.search(m[1])]
    bare = [m[1] for m in closing] + [m[1] for m in [BARE_CREDIT.match(footer)] if m]
    lead = openings + [_head(p) for p in paragraphs[:2]]
    credit_lines = [p for p in paragraphs[-3:][::-1] if len(p) <= 30]      # "本报记者 于涛"
    for text in lead + [m[0] for m in closing] + credit_lines + [footer, cms.get("author", "")]:
        if author is None:
            author = byline(text)[0]
            if author and text is footer and _only_in_links(root, author, footer):
                author = None
    pictures = " ".join(root.itertext()) if bare else ""
    for text in bare:
        if author is None and len(text) <= 12 and not re.search(r"摄|攝|图|圖", text):
            author = plausible(text)
            if author and re.search(re.escape(author) + r"\s*(?:摄|攝)", pictures):
                author = None           # the photographer's name repeated under the picture
    own_names = site_name(root), meta_content(root, "og:site_name")
    if author is None:
        author = _marked(root, header, " ".join(filter(None, own_names)))
    if author:
        return author, source
    site = " ".join(filter(None, (own_names[0], source, own_names[1])))
    meta = plausible(meta_content(root, "author"), site)
    # Newsroom systems fill <meta name=author> with the editor the page credits as such.
    if meta and re.search(EDITOR + r"\W{0,3}" + re.escape(meta.split()[0]), fold_width(header + footer)):
        meta = None
    # A name in <meta name=author> is a byline where the page prints it, whole, under the headline,
    # or after a credit word at the text's end or right after it ("文章作者 某某"). Printed only
    # bare (a profile card beside the text, a copyright line) or further away, it names the
    # site's owner, no author of a repost; not printed at all, it is no byline of the page.
    if meta:
        name = r"(?<![A-Za-z])" + re.escape(meta) + r"(?![A-Za-z])"
        if not (re.search(name, fold_width(header), re.IGNORECASE)
                or re.search(CREDITED + name, fold_width(ending or footer), re.IGNORECASE)):
            meta = None
    return meta, source


EDITOR = r"(?:编辑|編輯|责编|責編)"
CREDITED = r"(?:作者|作\s者|撰文|撰稿人?|博主|发布者|發布者|(?<![\u4e00-\u9fff])文\s*[|｜丨/／:：]|\bauthor|\bby)\s*[:：|丨/]?\s*"
LEAD_CHARS = 40


def _head(paragraph: str) -> str:
    """A paragraph's first characters, to the end of the run of letters they stop in, so that no
    name is cut out of a longer word ("作者：Karm|ada社区")."""
    end = LEAD_CHARS
    while end < len(paragraph) and paragraph[end].isalpha():
        end += 1
    return paragraph[:end]


# Markup that says "this is the author": HTML's <address> for the article's author, rel=author,
# schema.org's author property, a byline's class.
MARKED = ("//address | //*[@rel='author'] | //*[@itemprop='author'] | "
          "//*[contains(@class, 'byline') or contains(@class, 'author')]")
MARKED_MAX_CHARS = 40
LATIN_CAPS = re.compile(r"^[A-Z][A-Z'’-]+\.?(?:\s+[A-Z][A-Z'’-]*\.?){1,3}$")   # DAVID E. SANGER
NAME_JOIN = re.compile(r"\s*(?:,|，|、|&|/|／|\band\b)\s*")
# Words of a site's furniture, never of a person's name in Latin letters ("Follow Us", "Staff Reporter").
NOT_LATIN_NAME = re.compile(r"\b(?:follow|us|staff|reporter|editor|news|share|more|home|read|team|desk|"
                            r"admin|guest|user|author|anonymous|the|of|our|contributor)\b", re.IGNORECASE)


def _marked(root, header: str, site: str) -> str | None:
    """The names of the elements marked as the author and printed between the headline and the
    body ("<address>艾莎</address>", "DAVID E. SANGER, STEVEN LEE MYERS"), each wholly names: not
    the site's name, not an editor's (编辑：<span class=author>…), and in Latin letters two words
    at least that are no furniture's ("Instagram", "Follow Us" are no one)."""
    from .pagebody import fold_key

    window, found = fold_key(header), []
    for element in root.xpath(MARKED)[:40]:
        text = " ".join(element.text_content().split())
        key = fold_key(text)
        at = window.find(key) if text and len(text) <= MARKED_MAX_CHARS else -1
        if at < 0 or re.search(EDITOR + "$", window[max(0, at - 4):at]):
            continue
        parts = [p for p in NAME_JOIN.split(text) if p]
        names = [_latin(p) if p.isascii() else plausible(p, site) for p in parts]
        if names and all(n == p for n, p in zip(names, parts)):
            found += [n for n in names if n not in found]
    return " ".join(found[:4]) or None


def _latin(part: str) -> str | None:
    named = LATIN_CAPS.match(part) or LATIN_NAME.match(part) and " " in part
    return part if named and not NOT_LATIN_NAME.search(part) else None


def _only_in_links(root, name: str, text: str) -> bool:
    """Whether ``name`` shows in ``text`` only inside links that say more than a credit:
    the byline of another story in a list of links ("LIVE:桃園 記者:王五 埔心火車站…")."""
    from .pagebody import fold_key, link_texts

    key, rest = fold_key(name.split()[0]), fold_key(text)
    for link in link_texts(root).texts:
        if key in link and len(link) > len(key) + 12:
            rest = rest.replace(link, " ")
    return key not in rest


# A credit closing one of the last paragraphs: "（记者 张三）", "(文/李四)", "（编译/王五）",
# or a bare name in brackets right after the body: "（羅森）".
# The credit of a picture in a caption: "(…图/潇湘晨报记者 王五)".
PICTURE_CREDIT = re.compile(r"[图圖](?:片)?\s*[/／:：]|(?i:photo(?:graph)?(?:s|y)?|images?|illustrations?|pictures?)\s*$")
CLOSING_CREDIT = re.compile(r"[(（]([^()（）]{2,30})[)）]\s*$")
BARE_CREDIT = re.compile(r"^\s*[(（]\s*([^()（）]{2,12}?)\s*[)）]")
# A dateline's credit opening the first paragraph: "新华社北京1月9日电（记者 张三）".
OPENING_CREDIT = re.compile(r"^[^。！？!?]{0,100}?[(（]([^()（）]{2,40})[)）]")
