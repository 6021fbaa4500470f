"""Recall by agreement: a paragraph two extractors keep is not cut at the body's edges.

The trim in :mod:`pagebody` and the edge rules in :mod:`pageedge` were written from the
pages at hand; on a site never seen, a lead or a closing paragraph can still fall outside
the densest run (a lead with a link in it, a closing line in its own container, a last
paragraph without a full stop). readability-lxml scores the page's containers in its own,
independent way; when its body holds a block that trafilatura's body also holds, right
next to the edge of the trimmed body, two different methods agree that it is article text,
and it is put back, unless this package's own furniture rules say it is a credit, a
caption, a tag line, an end marker or a link.

Only the edges are widened, one block at a time, and never across the headline, a block
already in the body, or a block readability left out; what neither library keeps is never
added, so the mechanism cannot add debris that both of them would not also show. A line
that is no sentence by itself but has the text's own shape (a sub-heading, a list item, a
point's heading, a lead-in ending in a colon) is held and goes back with the paragraph
beyond it, or, at the very end of what both keep, with the last of its run that has a
clause in it: the article's own structure is not where it ends.
"""

from __future__ import annotations

import functools
import re
from typing import Callable

from ..text.pagerules import DISCLAIMER
from ..text.script import fold_width
from .pageblocks import Block
from .pagebody import Links, fold_key, is_link
from .pageedge import HOLD, PASS, STOP, TAKE, is_furniture, widen_edges
from .pageheld import POINT_HEADING, SENTENCE_MARK

AGREED_BLOCKS = 5         # blocks put back at each edge whatever their length,
MAX_AGREED = 12           # and at most this many (lines, where a page breaks its sentences
MAX_AGREED_CHARS = 600    # into lines) within this many characters
MAX_PASSED = 2            # lines passed over at the end to reach an agreed paragraph
PASSED_MAX_CHARS = 60
SUBHEADING_CHARS = 20     # a sub-heading no longer than this is passed over at the body's end,
# but not one that opens what follows an article: notes, references, the author, readers.
AFTER_TEXT = re.compile(r"风险|風險|免责|免責|声明|聲明|参考|參考|引用|作者|关于|關於|相关|相關|推荐|推薦|延伸|"
                        r"评论|評論|留言|版权|版權|附注|附註|注释|註釋|备注|備註|致谢|致謝|更多|订阅|訂閱|关注|關注|"
                        r"猜你|都在看|还在看|還在看|^(?:热点新闻|熱點新聞|读者来信|讀者來信|广告|廣告)$|(?:热门|熱門)(?:推荐|推薦|文章|阅读|閱讀|新闻|新聞)|往期|(?:上一|下一)(?:篇|条|條|则|則)|"
                        r"最新(?:文章|资讯|資訊|新闻|新聞)|(?:近期|精选|精選)文章|(?i:^(?:related(?: posts| articles| stories| news| reading| content| links)?|(?:\d+ |one )?comments?(?: \(\d+\))?|"
                        r"(?:leave|post) a (?:reply|comment)|you (?:may|might) also like|recommended(?: for you| posts| reading)?|"
                        r"about the author|recent posts|popular posts|references|disclaimer|see also|notes|tags|"
                        r"share(?: this(?: article| post| story)?| on \w+)?|newsletter|(?:what to )?read next)\s*(?::|\.\.\.|…)?$)")
NEIGHBOUR = re.compile(r"^[【\[]?(?:上一|下一)(?:篇|条|條|则|則|页|頁)")     # "下一篇：…", however long
RELATED_LINE = re.compile(r"^[【\[]?(?:推荐|推薦|延伸|相关|相關|扩展|擴展)(?:阅读|閱讀)[】\]]?\s*[:：]")
AGREED_MIN_CHARS = 15     # a shorter line is a label or a credit, whoever keeps it
# A sentence has a clause mark before its end, or ends with a full stop: a credit, a dateline, a
# related headline or a caption ("記者某某／宜蘭報導", "沪上24家门店已全面停售问题产品") has neither.
CLAUSE = re.compile(r"[，,、；;。！？!?]|(?<!\d)[：:](?!\d)")
# A field and its value ("發表時間：…", "主要成就：…", "[來源：…]", "某某 对…的评论:…"): a short
# label before the first colon, where a sentence would have its subject and verb.
FIELD = re.compile(r"^[\[【(（]?([^，,。！？!?：:]{1,20})(?:(?<!\d)[：:]|[：:](?!\d))")
# A label that ends in a verb of saying opens a quotation or an interview's turn, not a field:
# "他说：“…”", "李强表示：…", "问：…"; one that ends in 是 opens an explanation ("存股的概念是：…").
SAYS = re.compile(r"(?:说|說|表示|指出|称|稱|认为|認為|强调|強調|问|問|答|介绍|介紹|透露|坦言|回应|回應|"
                  r"宣布|写道|寫道|提到|坦承|直言|呼吁|呼籲|说道|說道|是)$")
FIELD_LABEL_CHARS = 14
TO_READER = re.compile(r"您|请|請|欢迎|歡迎|扫描|掃描|长按|長按|下载|下載|打赏|打賞|即表示|点击|點擊")
RIGHTS = re.compile(r"转载|轉載|版权|版權|许可|許可|ICP|备案|備案|©", re.IGNORECASE)


def readability_text(root) -> str:
    """readability-lxml's body of the page, folded for comparison ("" when it fails)."""
    import logging

    import lxml.html
    from readability import Document

    # readability logs a page it cannot read with its traceback; here that only means no vote.
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)
    try:
        summary = Document(lxml.html.tostring(root, encoding="unicode")).summary(html_partial=True)
        return fold_key(lxml.html.fromstring(summary).text_content())
    except Exception:  # noqa: BLE001 - readability's own failures (empty page, odd markup) mean no vote
        return ""


def agreed_edges(blocks: list[Block], paragraphs: list[str], title: str | None, links: Links,
                 other: Callable[[], str]) -> list[str]:
    """``paragraphs`` widened by the blocks next to their edges that ``other()`` (readability's
    folded body, asked for only when a block could be put back) also holds; ``blocks`` are
    trafilatura's, in document order."""
    other = functools.cache(other)

    def judge_from(edge: int, step: int):
        passed, taken, count = 0, 0, 0

        def judge(i: int) -> str:
            nonlocal passed, taken, count
            if not _article_like(blocks[i], links):
                # A line pointing to another story ("推薦閱讀：…") inside the text is passed over;
                # a sub-heading, a point's heading or a short line of the text's own that both
                # bodies hold goes back with the paragraph after it (before it, at the start);
                # one readability leaves out is passed over at the end.
                if step > 0 and passed < MAX_PASSED and _pointer(blocks[i], links):
                    passed += 1
                    return PASS
                if _holdable(blocks[i], links) and fold_key(blocks[i].text) in other():
                    return HOLD
                if step > 0 and passed < MAX_PASSED and _passable(blocks[i]):
                    passed += 1
                    return PASS
                # A sentence that names a furniture word goes back only with text taken beyond it.
                return HOLD if _names_furniture(blocks[i], links) and fold_key(blocks[i].text) in other() else STOP
            taken, count = taken + len(blocks[i].text), count + 1
            within = count <= AGREED_BLOCKS or taken <= MAX_AGREED_CHARS
            return TAKE if within and fold_key(blocks[i].text) in other() else STOP
        return judge

    return widen_edges([b.text for b in blocks], paragraphs, title, judge_from, most=MAX_AGREED)


def _article_like(block: Block, links: Links) -> bool:
    text = fold_width(block.text).strip()
    return (block.kind in ("p", "quote", "cell", "item") and len(text) >= AGREED_MIN_CHARS
            and (CLAUSE.search(text[:-1]) is not None or text.endswith("。")) and not _field(text)
            and not DISCLAIMER.search(text)
            and not is_furniture(text, links))


def _holdable(block: Block, links: Links) -> bool:
    """A line of the text's own that is no sentence to put back on its own: a sub-heading, a
    list item, a point's heading, a lead-in ending in a colon, a short line with a clause
    mark ("这就是利率的双轨制。"). A bare phrase in a paragraph of its own (a related headline,
    a caption) is none of these; nor is an aside wholly in brackets (a note, a credit), a
    link, a disclaimer, page furniture, or a heading that opens what follows an article."""
    text = fold_width(block.text).strip()
    if text[:1] in "(（[【" and text[-1:] in ")）]】":
        return False
    shaped = (block.kind in ("head", "item") or POINT_HEADING.match(text) is not None
              or SENTENCE_MARK.search(text) is not None or text.endswith((":", "：")))
    return (shaped and not is_link(text, links) and not DISCLAIMER.search(text) and not is_furniture(text, links)
            and not NEIGHBOUR.match(text)
            and not ((block.kind == "head" or len(text) <= SUBHEADING_CHARS) and AFTER_TEXT.search(text)))


def _names_furniture(block: Block, links: Links) -> bool:
    """A whole sentence of the text that only names a furniture word ("小程序可以通过二维码和
    搜索进入，当然，诱导分享仍然会被强力管控。"): no field, link, disclaimer, credit, caption or
    call to follow, no notice of rights or reprints, and nothing said to the reader (a
    promotion: "欢迎扫描下方二维码打赏作者", "继续浏览即表示您同意…")."""
    text = fold_width(block.text).strip()
    return (not _field(text) and not DISCLAIMER.search(text) and not is_furniture(text, links, words=False)
            and _sentence_of_text(text) and not TO_READER.search(text))


def _sentence_of_text(text: str) -> bool:
    """A whole sentence with a clause in it, and no notice of rights or reprints."""
    return (len(text) >= AGREED_MIN_CHARS and text.endswith(("。", "！", "？")) and CLAUSE.search(text[:-1]) is not None
            and not RIGHTS.search(text))


def _pointer(block: Block, links: Links) -> bool:
    """A link or a related-reading line ("推薦閱讀：…") inside the text."""
    text = fold_width(block.text).strip()
    return len(text) <= PASSED_MAX_CHARS and (is_link(text, links) or RELATED_LINE.match(text) is not None)


def _passable(block: Block) -> bool:
    """A numbered point's heading (no sentence in it) or a short sub-heading of the text's own
    ("一些细节"), passed over where readability leaves it out (a link or a related-reading line
    is passed over before: :func:`_pointer`)."""
    text = fold_width(block.text).strip()
    point = POINT_HEADING.match(text)
    return len(text) <= PASSED_MAX_CHARS and ((point is not None and not CLAUSE.search(text[point.end():-1]))
                                             or (block.kind == "head" and len(text) <= SUBHEADING_CHARS
                                                 and not CLAUSE.search(text) and not AFTER_TEXT.search(text)))


def _field(text: str) -> bool:
    label = FIELD.match(text)
    return label is not None and len(fold_key(label[1])) <= FIELD_LABEL_CHARS and not SAYS.search(label[1].strip())
