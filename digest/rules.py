"""The cleaning rules, in one place.

Each table is a list of (name, pattern) pairs; the cleaner applies them in
order and records nothing but the article's own words. Patterns match the
width-folded line (full-width colons and brackets become ASCII), so one rule
covers both ``作者:`` and ``作者：``. Add a site's habit here, not in code.
"""

from __future__ import annotations

import re

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

# Pinyin inserted after a character: 中國(guó), 發(fā). A bracketed syllable
# with a tone mark is never real text, so (ID:weibijiben), (SMH指数),
# (Mike Campbell) and (notional) do not match. A scraper sometimes lost the
# character and the opening bracket ("?jī)"): that residue goes too.
PINYIN = re.compile(
    rf"[(（]\s*[a-zü]*[{TONED}][a-zü{TONED}]*\s*[)）]|[?？][a-zü]*[{TONED}][a-zü{TONED}]*[)）]")

# Image credits glued inside a paragraph ("图片来源:AFP今年……").
INLINE_DROP = re.compile(
    r"(?:图片来源|圖片來源|图源|圖源)[:：]\s*(?:[A-Za-z][A-Za-z .&/]*[A-Za-z]|视觉中国|視覺中國|网络|網絡|东方IC|東方IC)")

# Markup a scraper left in plain text ("<p>　　", "<br />", "<img src=…>") and
# its entities ("&nbsp;"). A block tag ends a paragraph; an inline tag just goes.
BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|hr|li|ul|ol|h[1-6]|table|tbody|thead|tr|td|th|section|article|blockquote|"
    r"figure|figcaption|center|header|footer|nav)\b[^<>\n]{0,500}>", re.I)
INLINE_TAG = re.compile(
    r"</?(?:span|img|a|b|i|u|em|strong|font|sup|sub|iframe|source|video|small|big)\b[^<>\n]{0,500}>", re.I)
HTML_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#[xX][0-9A-Fa-f]{2,5});")

# A label opening a line of a video transcript: "【解说】", "【同期】".
LINE_LABEL = re.compile(r"^[【\[](?:解说|解說|同期|画面|畫面|现场|現場|字幕)[】\]]\s*")

# Invisible characters scraped pages carry.
INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")

# Where one scraped line holds several paragraphs: a space after a sentence
# end, or a space between two Chinese characters (Chinese puts no spaces
# between words), starts a new paragraph.
GLUED_PARAGRAPH = re.compile(
    r"(?<=[。！？!?；”」』])[ \t\u3000]+(?=\S)|(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")
GLUED_MIN_CHARS = 200   # only lines longer than this are split that way

# A file that opens with a topic tag (#AI 市场) holds several articles, each a
# short title line followed by its body.
COLLECTION_TAG = re.compile(r"^#[^\s#][^\n]{0,30}$")
TITLE_MAX_CHARS = 120

# ------------------------------------------------------------- metadata
# Lines that carry metadata. Each named group found is kept: author,
# publisher, account (a WeChat id), date.
# One to five Chinese names, spaced apart ("沈忠浩 朱晟", "袁 博").
NAME = r"(?:[\u4e00-\u9fff·]{2,4}|[\u4e00-\u9fff]\s[\u4e00-\u9fff]{1,2})(?![\u4e00-\u9fff·])"
NAMES = rf"{NAME}(?:\s+{NAME}){{0,4}}"
# Several reporters on one line: "本报驻德国记者 管克江 本报驻美国记者 高 石".
REPORTERS = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,12}}?(?:记者|記者)\s*{NAMES}\s*){{2,}}$")
REPORTER = re.compile(rf"(?:记者|記者)\s*(?P<names>{NAMES})")
# A kicker line that leads into the headline under it: "……最新报告认为——".
KICKER = re.compile(r"(?:——|—|──)\s*$")
# Words that stand alone under a title without being a name.
NOT_NAMES = {"导读", "導讀", "摘要", "前言", "引言", "引子", "序言", "正文", "全文", "编者按", "編者按",
             "提要", "背景", "附录", "附錄", "结语", "結語", "小结", "小結"}
# A foreign name written in Chinese, alone on its line: "伊恩·贝格".
TRANSLITERATED_NAME = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:[·•][\u4e00-\u9fff]{1,8}){1,3}$")
DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
META_LINES = [
    ("author", re.compile(r"^(?:作者|作\s者|撰文|文|记者|記者|author|by)\s*[:|丨]\s*(?P<author>.+)$", re.I)),
    # "记者 刁海洋", "新华社记者沈忠浩 朱晟", "本报驻联合国记者袁 博", "作者 赵婧楠", "新华社记者"
    ("reporter", re.compile(
        rf"^(?:[\u4e00-\u9fff·]{{0,16}}?(?:记者|記者)|作者|作\s者)\s*(?P<author>{NAMES})?$")),
    ("source", re.compile(
        r"^(?:本文)?(?:来源|來源|出处|出處|文章来源|文章來源|原文来源|原文來源|转载自|轉載自|source)\s*[:|丨]\s*"
        r"(?P<publisher>[^|]+?)\s*\|?\s*$", re.I)),
    ("date", re.compile(rf"^(?:发布时间|發佈時間|發布時間|发布于|發佈於|时间|時間|日期|date)?\s*[:]?\s*(?P<date>{DATE})$", re.I)),
    ("byline", re.compile(
        rf"^(?P<publisher>[^·•|]{{1,30}}?)\s*[·•|]\s*(?P<date>{DATE})(?:\s*[·•|].*)?$")),
    # WeChat: "原创 陈思 科技投资观察 2025年11月3日 08:15 上海"
    ("wechat", re.compile(
        rf"^(?:原创|原創)\s+(?:(?P<author>\S{{1,20}})\s+)?(?P<publisher>\S{{1,30}})\s+(?P<date>{DATE})(?:\s+\S{{1,10}})?$")),
]
# One line holding several "key: value" fields: "发布时间：… 来源：… 作者：…"
META_FIELD = re.compile(
    r"(?P<key>发布时间|發佈時間|發布時間|时间|時間|日期|来源|來源|作者|编辑|編輯|责任编辑|責任編輯)\s*:\s*"
    r"(?P<value>.+?)\s*(?=(?:发布时间|發佈時間|發布時間|时间|時間|日期|来源|來源|作者|编辑|編輯|责任编辑|責任編輯)\s*:|$)")
META_FIELD_KEYS = {"发布时间": "date", "發佈時間": "date", "發布時間": "date", "时间": "date",
                   "時間": "date", "日期": "date", "来源": "publisher", "來源": "publisher",
                   "作者": "author"}
ACCOUNT = re.compile(r"\s*\((?:微信)?(?:ID|id|微信号|微信號)\s*:\s*(?P<account>[\w\-]+)\)\s*")
# Author lines glued to the first paragraph ("作者:微信文章最近其实..."): these
# placeholders name a platform, not a person.
AUTHOR_PLACEHOLDERS = ("微信文章", "网络", "網絡", "佚名", "综合", "綜合", "网友", "網友", "未知")
AUTHOR_MAX_CHARS = 24
# An opening author bio: "本文作者王维嘉系中国科技大学硕士……"
AUTHOR_BIO = re.compile(r"^本文作者\s*(?P<author>[\u4e00-\u9fff·]{2,6}?)\s*(?:系|是|为|為|,)")

# What opens a news agency's first paragraph: a dateline ("新华社华盛顿2月24日电",
# "参考消息网2月14日报道", "巴黎2月25日电") with an optional reporter credit
# "(记者 徐剑梅 刘阳)", or a bracketed credit alone ("【环球时报驻日本特约记者 李莹】").
# It is metadata: the lead sentence starts after it. Matched on the width-folded line.
AGENCIES = r"新华社|新華社|中新社|中新网|中新網|人民网|人民網|参考消息网|參考消息網|中国日报网|中國日報網|环球网|環球網|央视网|央視網|路透社|法新社|美联社|美聯社|共同社|彭博社"
DATELINE = re.compile(
    rf"^(?:(?P<agency>{AGENCIES})?[\u4e00-\u9fff]{{0,8}}?\d{{1,2}}月\d{{1,2}}日(?:电|電|讯|訊|报道|報道|消息)"
    rf"|(?P<wire>{AGENCIES})(?:电|電|讯|訊))"
    r"(?=[\s(\[【]|$)\s*"
    r"(?:\((?:(?:记者|記者)\s*(?P<author>[^()]{1,30})|(?P<name>[\u4e00-\u9fff·]{2,3})|[^()]{1,12})\)\s*)?")
CREDIT = re.compile(
    r"^[【\[](?P<credit>[^【】\[\]]{0,40}(?:记者|記者|报道|報道)[^【】\[\]]{0,40})[】\]]\s*")
CREDIT_PUBLISHER = re.compile(r"^(?P<publisher>[\u4e00-\u9fff]{2,8}?)(?:-|驻|駐|赴|综合|綜合|特派|特约|特約|记者|記者|报道|報道)")
CREDIT_AUTHOR = re.compile(r"(?:记者|記者)\s*(?P<author>[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3})\s*$")
# A headline given after the dateline: "曼谷2月14日电 题：曼谷随笔：……"
TITLE_LABEL = re.compile(r"^(?:题|題)\s*:\s*")

# ------------------------------------------------------------- boilerplate
# A whole line that is never article text, wherever it stands.
DROP_LINES = [
    ("breadcrumb", re.compile(r"^(?:当前位置|當前位置|您的位置|你的位置)\s*:|^(?:首页|首頁|主页|主頁)\s*[>›»/]")),
    ("page marker", re.compile(r"^(?:页|頁|第\s*\d+\s*[页頁]|page\s*\d+|\[\d+\]|\d+\s*/\s*\d+|[上下]一[页頁])\s*:?$", re.I)),
    ("navigation", re.compile(
        r"^(?:原创栏目|原創欄目|IT百科|网友评论|網友評論|聚超值\W?精选|聚超值\W?精選|栏目|欄目|百科|评论|評論|精选|精選|"
        r"首页|首頁|返回顶部|返回頂部|上一篇|下一篇|更多精彩|阅读原文|閱讀原文|点击查看|點擊查看|"
        r"分享到|收藏|点赞|點讚|在看|核心阅读|核心閱讀)\s*\S{0,4}$", re.I)),
    ("follow prompt", re.compile(
        r"(?:扫码|掃碼|扫描|掃描|长按|長按|识别|識別).{0,12}(?:二维码|二維碼|关注|關注)|"
        r"(?:点击|點擊|欢迎|歡迎).{0,6}(?:关注|關注)|关注(?:我们|我們|公众号|公眾號)|"
        r"点个?\W?在看|點個?\W?在看|分享.{0,4}朋友圈")),
    ("editor", re.compile(r"^[【\[]?(?:责任编辑|責任編輯|编辑|編輯|校对|校對|审核|審核|排版|美编|美編)\s*[:|丨]")),
    ("views", re.compile(r"^(?:阅读|閱讀|浏览|瀏覽|热度|熱度|阅读量|閱讀量)\s*[:]?\s*(?:[\d.]+\s*[万萬wk]?|加载中.*|載入中.*)$", re.I)),
    ("keywords or original title", re.compile(
        r"^(?:<br\s*/?>)?\s*(?:关键词|關鍵詞|关键字|關鍵字|标签|標籤|原标题|原標題)\s*:")),
    ("reprint notice", re.compile(
        r"(?:刊用|转载|轉載|使用)本(?:网站|網站|站|平台|平臺)?稿件.{0,12}(?:授权|授權)|"
        r"本(?:网站|網站|站)所刊载信息.{0,20}不代表")),
    ("caption", re.compile(r"^(?:图|圖)\s*\d*\s*[:|丨]|^(?:图片来源|圖片來源|图源|圖源|配图|配圖|资料图|資料圖|资料图片|資料圖片)\s*[:|丨]")),
    ("site registration", re.compile(
        r"ICP\s*(?:备|備|证|證)|(?:公网安备|公網安備)|(?:违法和不良信息|違法和不良信息|互联网|互聯網)\S{0,4}(?:举报|舉報)|"
        r"(?:举报|舉報)(?:电话|電話|邮箱|郵箱)\s*:|(?:^|\s)(?:总机|總機)\s*:\s*[\d\-+ ]{7,}")),
    ("bare link", re.compile(r"^(?:https?://|www\.)\S+$", re.I)),
]

# A line from which the rest of the article is not article text: a copyright
# or reprint notice, a disclaimer, a closing source line. Only in the second
# half of an article (at the top, a source line is metadata).
END_MARKERS = [
    ("copyright notice", re.compile(r"^(?:版权声明|版權聲明|版权宣告|版權宣告|版权所有|版權所有|©|\(c\)\s*\d{4})", re.I)),
    ("disclaimer", re.compile(r"^(?:免责声明|免責聲明|风险提示|風險提示|特别声明|特別聲明)\s*[:]?")),
    ("reprint notice", re.compile(r"^(?:转载|轉載|未经授权|未經授權).{0,20}(?:请|請|须|須|禁止|不得)")),
    ("source line", re.compile(
        r"^(?:本文来源|本文來源|文章来源|文章來源|原文来源|原文來源|来源|來源)\s*[:|丨]\s*[^。]{1,40}$")),
    ("list of other articles", re.compile(
        r"^(?:相关新闻|相關新聞|相关阅读|相關閱讀|相关文章|相關文章|推荐阅读|推薦閱讀|往期推荐|往期推薦|"
        r"往期回顾|往期回顧|延伸阅读|延伸閱讀|热门推荐|熱門推薦|猜你喜欢|猜你喜歡|热门文章|熱門文章)\s*:?$")),
    ("end mark", re.compile(r"^(?:END|End|-+\s*(?:END|完)\s*-+|（?完）?|—+\s*完\s*—+)$")),
]

# At the end of an article, lines that belong to the page, not the text: a
# lone signature, the author's job title, a company blurb, a dangling label.
TRAILER_LINES = [
    ("signature", re.compile(r"^[\u4e00-\u9fff·]{2,4}$")),
    ("job title", re.compile(
        r"^[^。！？!?]{0,24}(?:董事|合伙人|合夥人|总裁|總裁|分析师|分析師|研究员|研究員|首席|经理|經理|CEO|创始人|創始人|主编|主編|记者|記者)[^。]{0,12}$")),
    ("company blurb", re.compile(
        r"(?:成立于|成立於|创立于|創立於|是一家|專注於|专注于|专业从事|專業從事|致力于|致力於).{0,60}(?:公司|机构|機構|平台|平臺|企业|企業|媒体|媒體)")),
    ("dangling label", re.compile(r"^[^。！？]{1,16}[:：]$")),
]
# "(完)", "(单仁行)": a bracket alone after the last sentence names the source or ends the text.
CLOSING_TAG = re.compile(r"(?:^|(?<=[。！？!?”」]))\s*[(（](?P<tag>[^()（）\d%,，。:：;；]{1,20})[)）]\s*$")
END_WORDS = ("完", "全文完", "end", "END")

# A title has no full stop or semicolon inside, and does not end like a clause
# or a label (a click-bait "!" or "?" at the end is fine).
NOT_A_TITLE = re.compile(r"[。；;]|[,，:、]$")
HEADER_TITLE_MAX_CHARS = 80
