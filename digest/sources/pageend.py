"""Lines that end an article's body on a news page, besides the rule table's end markers:
a site's call to follow it, the heading of a list of other stories, and such a list itself."""

from __future__ import annotations

import re

from ..text.pagerules import FOLLOW_CALL
from ..text.script import fold_width


QUOTED = re.compile(r"[“「『\"]")
# A call someone else made, reported: "負責人呼籲，民眾可以關注我們的臉書粉絲專頁".
REPORTED = re.compile(r"说|說|称|稱|表示|呼吁|呼籲|指出|强调|強調|透露|提醒|号召|號召")


def follows_us(folded: str) -> bool:
    """A site's call to follow it on a social network, outside quotation marks and short."""
    found = FOLLOW_CALL.search(folded) if len(folded) < 200 and not QUOTED.search(folded) else None
    return found is not None and not REPORTED.search(folded, 0, found.start())


# The heading of a list of other stories or videos after the body: "精彩视频推荐", "延伸閱讀".
LIST_HEADING = re.compile(r"^[^。！？!?，,\s]{0,8}(?:推荐|推薦|阅读|閱讀)$"
                          r"|^(?:更多|相关|相關|其他|其它|最新)(?:新闻|新聞|报道|報導|報道|文章|资讯|資訊)$"
                          r"|^(?:猜你|您可能|你可能|你也可能)(?:也|还|還)?(?:喜欢|喜歡|感兴趣|感興趣)$")
# A related story's headline with its date: "网友热议：某某回应质疑 2012-01-16".
DATED_ITEM = re.compile(r"^[^。！？!?]{4,60}?\s*[(（\[]?(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
                        r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[)）\]]?$")


def dated_list(texts: list[str]) -> bool:
    """Three lines in a row that are each a headline and a date: a list of related stories."""
    return len(texts) == 3 and all(DATED_ITEM.match(fold_width(t).strip()) for t in texts)


SITE_FOOTER = re.compile(r"ICP|许可证|許可證|公网安备|公網安備|不得转载|不得轉載|版权所有|版權所有|©|cookie", re.IGNORECASE)


def names_furniture(folded: str) -> bool:
    """A sentence of the article's own that names a page's furniture ("…都看不到隐私声明,环环相扣"):
    longer than a notice, with clauses, and none of a site footer's words (许可证, ICP备, 不得转载)."""
    return (len(folded) > 60 and folded.count(",") >= 2 and folded.rstrip("”」』\"')）)]")[-1:] in "。.!?;；！？"
            and not SITE_FOOTER.search(folded))
