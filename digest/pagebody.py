"""The body of a saved news page: trafilatura finds the main content, this trims it.

trafilatura keeps the article's first and last sentence on more pages than
readability-lxml or gne (bench/PAGES.md), but it also keeps what Chinese news
pages put around the article: the headline again, breadcrumbs, a date and
byline row, a summary box that repeats the lead, and after the body the
editor's credit, "related news" lists and share rows. None of the libraries
trims those, so that part is written here:

1. blocks: each paragraph, heading, list item, quote or table row as one
   block; a hard line break inside a sentence joins, one after a full stop
   starts a new paragraph;
2. the densest run of prose (a maximum-sum run over the blocks, where a block
   with sentence punctuation counts for its length and a short line without
   it counts against), so menus and link lists on either side fall away;
3. the headline and a summary box repeating a later paragraph are dropped, and
   the body ends at the first end marker (责任编辑, 原标题, 相关新闻 …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import rule
from .script import fold_width

LABELLED = rule("labelled fact", r"^[^:：]{1,12}[:：]\s*\S",
                match=["成人票原价：279元", "电话: 58792888"], leave=["他说：", "一位基金经理在周二的采访中说：市场已经见底"])
SENTENCE_END = rule("sentence end", r"[。！？!?；;…][”」』\"'）)]*$|[。！？!?][”」』\"'）)]*",
                    match=["市场回暖。", "真的吗？”", "一是芯片；"], leave=["英伟达发布新一代GPU", "2024/05/13 10:48"])
PROSE_MIN_CHARS = 6        # shorter lines are labels, links or counters, whatever their ending
LINE_PENALTY = 12          # what a line without sentence punctuation costs the run
# A line broken without a sentence end continues on the next only when it is at least
# this long (text wrapped at a fixed width); a shorter one is a line of its own (a heading,
# a forum post's first line).
WRAPPED_LINE_CHARS = 20
MAX_BLOCKS = 4000          # a page with more blocks than this is cut (a link farm)

# Lines that end an article's body on a news page: the editor's credit, the
# reprint's original title, related-news lists, share rows, comment sections.
END_LINE = rule(
    "end of body",
    r"^[(（\[【]?\s*(?:(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：/|丨]|原标题|原標題|"
    r"相关(?:新闻|阅读|报道|文章|推荐|链接)|相關(?:新聞|閱讀|報導|報道|文章|推薦|連結)|"
    r"延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|热门推荐|熱門推薦|更多(?:新闻|精彩|報導|报道)|"
    r"分享(?:到|至)|網友評論|网友评论|发表评论|發表評論|我要评论|我要評論|"
    r"免责声明|免責聲明|声明[:：]|聲明[:：]|本文(?:为|為)?.{0,10}(?:原创|原創|禁止转载|禁止轉載)|"
    r"(?:版权|版權)(?:所有|声明|聲明)|copyright|©|(?:采写|採寫|撰稿)[:：]|"
    r"(?:链接|鏈接|連結|附件|附图|附圖)$|[(（][^()（）]{0,20}(?:编辑|編輯|整理|供稿)[^()（）]{0,10}[)）]$)"
    r"|.{0,12}更多.{0,8}(?:>>|»)\s*$",
    match=["【责任编辑：李四】", "相关阅读", "（某某网编辑整理）", "分享到：微信 微博", "采写：本报记者 张三",
           "某某网 更多文章>>"],
    leave=["编辑部的同事们认为这是好事。", "分享经济的模式正在改变。"], flags=re.IGNORECASE)
# Page furniture that shows up inside the content area: privacy and cookie
# notices, paywall and log-in prompts, app and QR-code promotions, licence lines.
FURNITURE = rule(
    "page furniture",
    r"隐私(?:声明|政策|权政策)|隱私(?:聲明|政策|權政策)|cookie|付费会员|付費會員|"
    r"立即(?:注册|註冊|登录|登入)|免费注册|免費註冊|下载客户端|下載客戶端|下载APP|下載APP|"
    r"扫码|掃碼|二维码|二維碼|关注.{0,8}公众号|關注.{0,8}公眾號|ICP备|ICP證|ICP证|"
    r"经营许可证|經營許可證|公网安备|不得转载|不得轉載",
    match=["本網站使用Cookie提供更好的閱讀體驗，點這裡瞭解隱私聲明。", "欢迎关注微信公众号：某某科技",
           "您所瀏覽的新聞已過查詢時效，建議您加入付費會員。"],
    leave=["公司的注册地址在上海。", "用户隐私问题引发监管关注。"], flags=re.IGNORECASE)
# A photo credit under a caption: "（消防局提供）", "（图/新华社）", "圖／路透".
PHOTO_CREDIT = rule(
    "photo credit",
    r"^[(（]?\s*(?:[^()（）]{1,20}(?:提供|摄|攝)|(?:图|圖|图片|圖片|照片|資料照|资料图|資料圖)\s*[/／:：]"
    r"[^()（）]{1,20})\s*[)）]?$|(?:供图|供圖|图片来源|圖片來源)\S{0,12}$|^[^，。,]{2,24}(?:记者|記者)[^，。,]{2,10}(?:传真|傳真|摄|攝)",
    match=["（消防局提供）", "(图/新华社)", "2012，再见柯达？ 某某供图", "某某社記者王強台北傳真 105年3月19日"],
    leave=["公司提供的数据显示，营收增长。", "图表显示，营收增长了三成。"])
# A caption with its credit at the end, or marked with a triangle.
CAPTION = rule("caption", r"^[▲△▼]|[(（]\s*(?:图|圖|图片|圖片|照片|photo)\s*[/／:：][^()（）]{1,24}[)）]$",
               match=["▲警方到场处理。", "工人正在检测芯片。（图／记者王强摄）"], leave=["营收增长三成（见图）。"],
               flags=re.IGNORECASE)
# A run of short link-like lines (related lists, tags) after the body.
TAGS_LINE = rule("tags line", r"^(?:标签|標籤|關鍵字|关键字|关键词|關鍵詞|tags?)\s*[:：]",
                 match=["标签：芯片 AI", "Tags: AI"], leave=["标签化的讨论没有意义。"], flags=re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    kind: str          # "p", "head", "item", "quote", "cell"
    text: str


def blocks_of(body) -> list[Block]:
    """trafilatura's XML body -> blocks, in document order."""
    found: list[Block] = []
    for element in body.iter("p", "head", "item", "quote", "cell", "code"):
        if element.getparent() is not None and element.getparent().tag in ("item", "cell", "quote"):
            continue
        kind = element.tag
        for text in _paragraphs(element):
            found.append(Block(kind, text))
        if len(found) > MAX_BLOCKS:
            break
    return found


DOM_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd",
              "dt", "figcaption")


def dom_blocks(body) -> list[Block]:
    """The page's own innermost block elements, for pages too short for trafilatura."""
    found: list[Block] = []
    for element in body.iter(*DOM_BLOCKS):
        if any(True for _ in element.iterdescendants(*DOM_BLOCKS)):
            continue
        kind = "head" if element.tag[0] == "h" else "item" if element.tag == "li" else "p"
        found.extend(Block(kind, text) for text in _lines_of(_with_breaks(element)))
        if len(found) > MAX_BLOCKS:
            break
    return found


def _paragraphs(element) -> list[str]:
    """One element's text; ``<lb/>`` after a sentence end starts a new paragraph."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            pieces.append("\n")
        elif child.tag not in ("item", "cell", "quote"):
            pieces.append("".join(child.itertext()))
        pieces.append(child.tail or "")
    return _lines_of("".join(pieces))


def _with_breaks(element) -> str:
    """An element's text, in document order, with a line break where it has a ``<br>``."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "br":
            pieces.append("\n")
        elif isinstance(child.tag, str):
            pieces.append(_with_breaks(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _lines_of(text: str) -> list[str]:
    """Paragraphs of text broken into lines: a line wrapped mid-sentence joins the next."""
    lines = [" ".join(p.split()) for p in text.split("\n")]
    paragraphs: list[str] = []
    for line in (line for line in lines if line):
        if paragraphs and not SENTENCE_END.search(paragraphs[-1][-3:]) \
                and len(paragraphs[-1]) >= WRAPPED_LINE_CHARS:
            paragraphs[-1] = _join(paragraphs[-1], line)
        else:
            paragraphs.append(line)
    return paragraphs


def _join(left: str, right: str) -> str:
    """Join two halves of a sentence broken by a hard line break."""
    if left[-1].isascii() and right[0].isascii():
        return f"{left} {right}"
    return left + right


def is_prose(text: str) -> bool:
    return len(text) >= PROSE_MIN_CHARS and bool(SENTENCE_END.search(text))


@dataclass(frozen=True)
class Links:
    """A page's link texts (normalised), and the lengths they come in."""

    texts: frozenset[str] = frozenset()
    sizes: tuple[int, ...] = ()


def densest_run(blocks: list[Block], links: Links = Links()) -> list[Block]:
    """The run of blocks with the most prose, less the link lines around it.

    ``links`` holds the page's link texts: a line that is a link (a menu entry, a
    related headline) costs the run; a short line that is not (a sub-heading, a
    "票价：30元" fact) costs little. A page that never uses sentence punctuation
    (a photo blog with one phrase a line) counts its longer lines as prose.
    """
    unpunctuated = _unpunctuated(blocks)
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, block in enumerate(blocks):
        linked = _is_link(block.text, links)
        if block.kind in ("p", "quote", "cell") and not linked and (
                is_prose(block.text) or (unpunctuated and _is_phrase_line(block.text))):
            score = len(block.text)
        elif block.kind == "code" or (not linked and (block.kind == "head" or len(block.text) <= 60)):
            score = -1           # a sub-heading, a code block or a short fact between paragraphs
        elif not linked and is_prose(block.text):
            score = -1           # a list item that reads as a sentence
        else:
            score = -min(len(block.text), LINE_PENALTY * 4) * 0.25 - LINE_PENALTY * 0.5
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return blocks[best_span[0]:best_span[1]]


def _is_link(text: str, links: Links) -> bool:
    key = fold_key(text)
    if not key:
        return False
    if key in links.texts:
        return True
    # A related-news item: its linked headline makes up a good part of it.
    if len(key) >= 200:
        return False
    return any(key[:size] in links.texts for size in links.sizes
               if len(key) // 3 <= size <= len(key) and size >= 8)


def _unpunctuated(blocks: list[Block]) -> bool:
    lines = [b for b in blocks if b.kind == "p" and len(b.text) >= 10]
    return len(lines) >= 5 and sum(bool(SENTENCE_END.search(b.text)) for b in lines) < 0.2 * len(lines)


def _is_phrase_line(text: str) -> bool:
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in text)
    return len(text) >= 10 and cjk >= 0.5 * len(text)


def trim(blocks: list[Block], title: str | None, links: Links = Links()) -> list[str]:
    """The article's paragraphs out of trafilatura's blocks."""
    blocks = _without_captions(_after_title(blocks, title))
    run = densest_run(blocks, links)
    if not run:
        return []
    texts = _cut_at_end([b.text for b in run])
    return _without_summary_box(texts)


def link_texts(root) -> Links:
    """The normalised text of every link on the page."""
    found = set()
    for anchor in root.iter("a"):
        key = fold_key(anchor.text_content())
        if len(key) >= 2:
            found.add(key)
    return Links(frozenset(found), tuple(sorted({len(key) for key in found})))


def _without_captions(blocks: list[Block]) -> list[Block]:
    """Drop photo captions: a credit line and the short caption above it, or a caption
    that carries its own credit ("▲…（圖／記者翻攝）")."""
    drop = set()
    for i, block in enumerate(blocks):
        folded = fold_width(block.text).strip()
        if len(folded) <= 40 and PHOTO_CREDIT.search(folded):
            drop.add(i)
            if i and len(blocks[i - 1].text) <= 90:
                drop.add(i - 1)
        elif CAPTION.search(folded):
            drop.add(i)
    return [b for i, b in enumerate(blocks) if i not in drop]


def _after_title(blocks: list[Block], title: str | None) -> list[Block]:
    """Drop the blocks up to the headline, when it shows near the top."""
    if not title:
        return blocks
    key = fold_key(title)
    for i, block in enumerate(blocks[:12]):
        block_key = fold_key(block.text)
        if block_key and (block_key == key or (key in block_key and len(block_key) < len(key) + 12)):
            return blocks[i + 1:]
    return blocks


def _cut_at_end(texts: list[str]) -> list[str]:
    """The body up to its first end marker (past the first third of the text) or
    line of page furniture (anywhere after the first paragraph)."""
    total = sum(len(t) for t in texts)
    seen = 0
    for i, text in enumerate(texts):
        folded = fold_width(text).strip()
        marker = seen >= total * 0.3 and (END_LINE.match(folded) or TAGS_LINE.match(folded))
        if i and (marker or (len(folded) < 200 and FURNITURE.search(folded))):
            return texts[:i]
        seen += len(text)
    return texts


def _without_summary_box(texts: list[str]) -> list[str]:
    """Drop an opening paragraph that a later one repeats (a summary or lead box)."""
    if len(texts) < 2:
        return texts
    keep = []
    keys = [fold_key(t) for t in texts]
    for i, text in enumerate(texts):
        key = keys[i]
        repeated = i < 3 and len(key) >= 20 and any(
            key[:60] in other or other[:60] in key for other in keys[i + 1:i + 4] if other)
        if not repeated:
            keep.append(text)
    return keep


_NOISE = re.compile(r"[\W_]+")


def fold_key(text: str) -> str:
    """``text`` reduced to its letters and digits, width-folded and lower-cased: what
    comparisons of a page's lines use."""
    return _NOISE.sub("", fold_width(text)).lower()
