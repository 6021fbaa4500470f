"""The cleaning rules, in one place.

Each table is a list of (name, pattern) pairs; the cleaner applies them in
order and records nothing but the article's own words. Patterns match the
width-folded line (full-width colons and brackets become ASCII), so one rule
covers both ``作者:`` and ``作者：``. Add a site's habit here, not in code.

Every rule carries lines it must match and lines it must leave alone; one test
checks them all (tests/test_rules.py). A rule states the general habit of
Chinese web text (a label, a credit, a kind of notice), never one page's line.
"""

from __future__ import annotations

import re


from .ruletable import RULES, Rule, joined, row, rule  # noqa: F401 - the tables below are built with these

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"

# Pinyin inserted after a character: 中國(guó), 發(fā). A bracketed syllable
# with a tone mark is never real text, so (ID:weibijiben), (SMH指数),
# (Mike Campbell) and (notional) do not match. A scraper sometimes lost the
# character and the opening bracket ("?jī)"): that residue goes too.
PINYIN = rule(
    "pinyin annotation",
    rf"[(（]\s*[a-zü]*[{TONED}][a-zü{TONED}]*\s*[)）]|[?？][a-zü]*[{TONED}][a-zü{TONED}]*[)）]",
    match=["人工智慧(huì)的發(fā)展", "晶片?piàn)供應"], leave=["(ID:abc123)", "(SMH指数)", "(notional)"])

# Image credits glued inside a paragraph ("图片来源:AFP今年……").
INLINE_DROP = rule(
    "inline image credit",
    r"(?:图片来源|圖片來源|图源|圖源)[:：]\s*(?:[A-Za-z][A-Za-z .&/]*[A-Za-z]|视觉中国|視覺中國|网络|網絡|东方IC|東方IC)",
    match=["图片来源：Getty Images今年以来", "圖源：視覺中國"], leave=["图片来源于作者的实地拍摄。"])

# Markup a scraper left in plain text ("<p>　　", "<br />", "<img src=…>") and
# its entities ("&nbsp;"). A block tag ends a paragraph; an inline tag just goes.
BLOCK_TAG = rule(
    "block tag in text",
    r"</?(?:p|div|br|hr|li|ul|ol|h[1-6]|table|tbody|thead|tr|td|th|section|article|blockquote|"
    r"figure|figcaption|center|header|footer|nav)\b[^<>\n]{0,500}>",
    match=["<p>　　第一段", "第二段<br />", "</div>"], leave=["a < b > c", "<pre>"], flags=re.I)
INLINE_TAG = rule(
    "inline tag in text",
    r"</?(?:span|img|a|b|i|u|em|strong|font|sup|sub|iframe|source|video|small|big)\b[^<>\n]{0,500}>",
    match=['<img src="a.jpg">', "<strong>重点</strong>"], leave=["<br>", "x<3 and y>2"], flags=re.I)
HTML_ENTITY = rule("html entity", r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#[xX][0-9A-Fa-f]{2,5});",
                   match=["A&nbsp;B", "&#8220;", "&#x4E2D;"], leave=["R&D", "AT&T 公司"])

# A label opening a line of a video transcript: "【解说】", "【同期】".
LINE_LABEL = rule("transcript label", r"^[【\[](?:解说|解說|同期|画面|畫面|现场|現場|字幕)[】\]]\s*",
                  match=["【解说】今年以来", "[同期]受访者"], leave=["【环球时报记者 李莹】", "解说员说"])

# Invisible characters scraped pages carry.
INVISIBLE = rule("invisible character", r"[\u200b-\u200f\u2060\ufeff\u00ad]",
                 match=["芯\u200b片", "\ufeff标题"], leave=["芯片 市场"])

# Where one scraped line holds several paragraphs: a space after a sentence
# end, or a space between two Chinese characters (Chinese puts no spaces
# between words), starts a new paragraph.
GLUED_PARAGRAPH = rule(
    "glued paragraphs",
    r"(?<=[。！？!?；”」』])[ \t\u3000\xa0]+(?=\S)|(?<=[\u4e00-\u9fff])[ \t\u3000\xa0]+(?=[\u4e00-\u9fff])",
    match=["第一段结束。 第二段开始", "上涨 下跌"], leave=["NVIDIA GPU 芯片", "上涨5% 之后"])
GLUED_MIN_CHARS = 200   # only lines longer than this are split that way

# Text some sites print one character at a time ("大 连 港 料 去 年 盈 利"): in a line
# spaced out like that, a space next to a Chinese character or mark is no word break.
CJK = r"\u4e00-\u9fff\u3000-\u303f\uff00-\uffef"
SPACED_OUT = rule(
    "spaced-out characters", rf"(?<=[{CJK}]) (?=[{CJK}\d])|(?<=[\d%]) (?=[{CJK}])",
    match=["大 连 港 料 去 年 盈 利", "跌 15% 至 20% 。"], leave=["NVIDIA GPU 芯片", "Apple Music 网页播放器"])
SPACED_OUT_SHARE = 0.6  # a line is spaced out when this share of its Chinese characters has a space after it
SPACED_OUT_MIN_CHARS = 6

# A file that opens with a topic tag (#AI 市场) holds several articles, each a
# short title line followed by its body.
COLLECTION_TAG = rule("collection tag", r"^#[^\s#][^\n#]{0,30}$",
                      match=["#AI 市场", "#宏观观察"], leave=["# 标题", "#话题#", "本周 #AI 热点"])
TITLE_MAX_CHARS = 120

# ------------------------------------------------------------- metadata
# Lines that carry metadata. Each named group found is kept: author,
# publisher, account (a WeChat id), date.
# One to five Chinese names, spaced apart ("沈忠浩 朱晟", "袁 博").
NAME = r"(?![的们們会會说說]|报道|報道|报导|報導)(?:[\u4e00-\u9fff·]{2,4}|[\u4e00-\u9fff]\s[\u4e00-\u9fff]{1,2})(?![\u4e00-\u9fff·])"
NAMES = rf"{NAME}(?:\s+{NAME}){{0,4}}"
# Several reporters on one line: "本报驻德国记者 管克江 本报驻美国记者 高 石".
REPORTERS = rule("several reporters", rf"^(?:[\u4e00-\u9fff]{{0,12}}?(?:记者|記者)\s*{NAMES}\s*){{2,}}$",
                 match=["本报驻日本记者 王强 本报驻美国记者 李 明"], leave=["本报记者 王强", "记者会上王强说"])
REPORTER = rule("reporter credit", rf"(?:记者|記者)\s*(?P<names>{NAMES})",
                match=["本报记者 王强 李明", "記者陳怡"], leave=["记者会", "记者们发现，市场回暖"])
# A kicker line that leads into the headline under it: "……最新报告认为——".
KICKER = rule("kicker", r"(?:——|—|──)\s*$",
              match=["多家机构最新报告认为——", "聚焦AI芯片—"], leave=["——一位基金经理的自述", "上涨—下跌"])
# Words that stand alone under a title without being a name.
NOT_NAMES = {"导读", "導讀", "摘要", "前言", "引言", "引子", "序言", "正文", "全文", "编者按", "編者按",
             "提要", "背景", "附录", "附錄", "结语", "結語", "小结", "小結"}
# A foreign name written in Chinese, alone on its line: "伊恩·贝格".
TRANSLITERATED_NAME = rule("transliterated name", r"^[\u4e00-\u9fff]{1,6}(?:[·•][\u4e00-\u9fff]{1,8}){1,3}$",
                           match=["埃隆·马斯克", "杰罗姆·鲍威尔"], leave=["马斯克说", "AI·芯片·市场周报"])
DATE = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
META_LINES = [
    row("author", r"^(?:作者|作\s者|撰文|文|记者|記者|author|by)\s*[:|丨]\s*(?P<author>.+)$", flags=re.I,
        match=["作者:张三", "文|李四", "By: Jane Doe"], leave=["作者认为，市场仍将波动。", "文中提到的公司"]),
    # "记者 刁海洋", "新华社记者沈忠浩 朱晟", "本报驻联合国记者袁 博", "作者 赵婧楠", "新华社记者"
    row("reporter", rf"^(?:[\u4e00-\u9fff·]{{0,16}}?(?:记者|記者)|作者|作\s者)\s*(?P<author>{NAMES})?$",
        match=["记者 王强", "新华社记者张明 李华", "作者 赵一"], leave=["记者会现场气氛热烈。", "作者的话"]),
    row("source", r"^(?:本文)?(?:来源|來源|出处|出處|文章来源|文章來源|原文来源|原文來源|转载自|轉載自|source)\s*[:|丨]\s*"
        r"(?P<publisher>[^|]+?)\s*\|?\s*$", flags=re.I,
        match=["来源:证券时报", "本文来源|界面新闻", "Source: Reuters"], leave=["来源于一家券商的报告显示"]),
    row("date", rf"^(?:发布时间|發佈時間|發布時間|发布于|發佈於|时间|時間|日期|date)?\s*[:]?\s*(?P<date>{DATE})$",
        flags=re.I, match=["发布时间:2024-05-13 12:03", "2025年1月27日", "日期: 2024/5/3"],
        leave=["2024年5月13日，芯片股大涨。"]),
    row("byline", rf"^(?P<publisher>[^·•|]{{1,30}}?)\s*[·•|]\s*(?P<date>{DATE})(?:\s*[·•|].*)?$",
        match=["某某资本 · 2024-02-18 17:34", "财经早知道 | 2025年1月3日 | 北京"], leave=["AI · 芯片 · 市场"]),
    # WeChat: "原创 陈思 科技投资观察 2025年11月3日 08:15 上海"
    row("wechat", rf"^(?:原创|原創)\s+(?:(?P<author>\S{{1,20}})\s+)?(?P<publisher>\S{{1,30}})\s+(?P<date>{DATE})(?:\s+\S{{1,10}})?$",
        match=["原创 王五 科技观察 2025年11月3日 08:15 上海"], leave=["原创内容，转载请注明出处。"]),
]
# One line holding several "key: value" fields: "发布时间：… 来源：… 作者：…"
META_FIELD = rule("metadata fields",
    r"(?P<key>发布时间|發佈時間|發布時間|时间|時間|日期|来源|來源|作者|编辑|編輯|责任编辑|責任編輯)\s*:\s*"
    r"(?P<value>.+?)\s*(?=(?:发布时间|發佈時間|發布時間|时间|時間|日期|来源|來源|作者|编辑|編輯|责任编辑|責任編輯)\s*:|$)",
    match=["发布时间:2024-05-13 来源:东方网 作者:曹磊"], leave=["时间过得很快，来源也很多。"])
META_FIELD_KEYS = {"发布时间": "date", "發佈時間": "date", "發布時間": "date", "时间": "date",
                   "時間": "date", "日期": "date", "来源": "publisher", "來源": "publisher",
                   "作者": "author"}
ACCOUNT = rule("wechat account id", r"\s*\((?:微信)?(?:ID|id|微信号|微信號)\s*:\s*(?P<account>[\w\-]+)\)\s*",
               match=["某某研究(ID:mm_research)", "(微信号:abc-1)"], leave=["(ID card)", "(编号:12)"])
# Author lines glued to the first paragraph ("作者:微信文章最近其实..."): these
# placeholders name a platform, not a person.
AUTHOR_PLACEHOLDERS = ("微信文章", "网络", "網絡", "佚名", "综合", "綜合", "网友", "網友", "未知")
AUTHOR_MAX_CHARS = 24
# An opening author bio: "本文作者某某系某大学教授……"
AUTHOR_BIO = rule("author bio", r"^本文作者\s*(?P<author>[\u4e00-\u9fff·]{2,6}?)\s*(?:系|是|为|為|,)",
                  match=["本文作者张三系某大学教授", "本文作者李四是资深分析师"], leave=["本文作者认为", "作者张三系"])

# What opens a news agency's first paragraph: a dateline ("新华社华盛顿2月24日电",
# "参考消息网2月14日报道", "巴黎2月25日电") with an optional reporter credit
# "(记者 徐剑梅 刘阳)", or a bracketed credit alone ("【环球时报驻日本特约记者 李莹】").
# It is metadata: the lead sentence starts after it. Matched on the width-folded line.
AGENCIES = r"新华社|新華社|新华网|新華網|中新社|中新网|中新網|中国台湾网|中國台灣網|人民网|人民網|参考消息网|參考消息網|中国日报网|中國日報網|环球网|環球網|央视网|央視網|路透社|法新社|美联社|美聯社|共同社|彭博社"
# A day of the month in figures or in Chinese numerals: "5月13日", "七月十四日".
DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
DATELINE = rule(
    "dateline",
    rf"^(?:(?P<agency>{AGENCIES})?[\u4e00-\u9fff]{{0,8}}?{DAY}(?:电|電|讯|訊|报道|報道|消息)"
    rf"|(?P<wire>{AGENCIES})(?:电|電|讯|訊))"
    r"(?=[\s(\[【]|$)\s*"
    r"(?:\((?:(?:记者|記者)\s*(?P<author>[^()]{1,30})|(?P<name>[\u4e00-\u9fff·]{2,3})|[^()]{1,12})\)\s*)?",
    match=["新华社北京5月13日电(记者 王强) 今年以来", "巴黎2月25日电 法国总统", "中新社电 "],
    leave=["5月13日电影票房大涨", "新华社记者在现场看到"])
# A newspaper's own credit opening the text: "本报讯 (记者 吴倩)", "□本报记者", "⊙本报记者".
PAPER_CREDIT = rule(
    "paper's own credit",
    r"^[□⊙◎■●◇◆]?\s*(?:本报|本報)(?:讯|訊|记者|記者)(?=[\s(（]|$)\s*"
    r"(?:[(（](?:(?:记者|記者)\s*)?(?P<author>[^()（）]{0,30})(?:[)）]|$))?\s*",
    match=["本报讯 (记者 吴倩) 股市大热", "□本报记者", "本报讯 (记者"], leave=["本报记者在现场看到", "本报讯:"])
# The same credit, or a dateline, run on after a headline on one scraped line:
# "孙占军：低调的大手笔□本报记者", "…流感事件中国台湾网8月1日消息 台湾…".
GLUED_CREDIT = rule(
    "credit after a headline",
    r"(?:[□⊙◎■●◇◆]\s*)?(?:本报|本報)(?:讯|訊|记者|記者)(?=[\s(（]|$)"
    rf"|(?:{AGENCIES})[\u4e00-\u9fff]{{0,8}}?{DAY}(?:电|電|讯|訊|消息)(?=[\s(（]|$)",
    match=["大手笔□本报记者", "增幅超四成本报讯 (记者", "事件中国台湾网8月1日消息 台湾",
           "颁发证书(图)中新社北京七月十四日电 ", "会议新华网俄罗斯叶卡捷琳堡5月18日电(记者"],
    leave=["本报记者在现场看到", "5月13日电影票房大涨"])
CREDIT = rule("bracketed credit", r"^[【\[](?P<credit>[^【】\[\]]{0,40}(?:记者|記者|报道|報道)[^【】\[\]]{0,40})[】\]]\s*",
              match=["【环球时报驻日本特约记者 王强】日本央行", "[本报记者 李明]"], leave=["【解说】", "【重磅】芯片新规"])
CREDIT_PUBLISHER = rule(
    "credit publisher", r"^(?!本[报報台网網刊站社])(?P<publisher>[\u4e00-\u9fff]{2,8}?)(?:-|驻|駐|赴|综合|綜合|特派|特约|特約|记者|記者|报道|報道)",
    match=["环球时报驻日本特约记者 王强", "央视记者 张明"], leave=["记者 王强", "AI记者", "本報記者報道"])
CREDIT_AUTHOR = rule("credit author", r"(?:记者|記者)\s*(?!报道|報道|报导|報導)(?P<author>[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3})(?<![摄攝])\s*$",
                     match=["央视记者 张明", "特约记者 王强 李华"], leave=["记者会", "记者:张明说了什么?", "記者王強攝", "本報記者報道"])
# A headline given after the dateline: "东京5月13日电 题：……"
TITLE_LABEL = rule("headline label", r"^(?:题|題)\s*:\s*", match=["题:日本AI投资热潮下的冷思考", "題：觀察"],
                   leave=["题材股大涨", "问题:为什么"])

# ------------------------------------------------------------- boilerplate
# A short line of navigation: menu words, alone or after a few characters of a
# section name ("IT百科", "热门评论", "原创栏目").
NAV_WORDS = (r"栏目|欄目|百科|评论|評論|精选|精選|首页|首頁|返回顶部|返回頂部|上一篇|下一篇|更多精彩|阅读原文|閱讀原文|"
             r"点击查看|點擊查看|分享到|收藏|点赞|點讚|在看|核心阅读|核心閱讀")
# A whole line that is never article text, wherever it stands.
# Site generators and blog themes, named in a blog's footer.
GENERATORS = ("hexo|hugo|jekyll|wordpress|typecho|halo|ghost|gatsby|vuepress|vitepress|docusaurus|mkdocs|gridea|astro|"
              "zola|pelican|hakyll|next|butterfly|fluid|icarus|stellar|stack|papermod|even|volantis|matery|keep|redefine")
DROP_LINES = [
    row("breadcrumb", r"^(?:当前位置|當前位置|您的位置|你的位置|您现在的位置)\s*:|^(?:首页|首頁|主页|主頁)\s*[>›»/]",
        match=["当前位置:首页 > 财经", "首页 > 科技 > 正文"], leave=["首页显示的内容", "位置:北京"]),
    row("page marker", r"^(?:页|頁|第\s*\d+\s*[页頁]|page\s*\d+|\[\d+\]|\d+\s*/\s*\d+|[上下]一[页頁])\s*:?$", flags=re.I,
        match=["第 2 页", "2/5", "下一页"], leave=["第2页的数据显示，营收增长。", "2/5的投资者"]),
    row("navigation", rf"^\S{{0,4}}?\W?(?:{NAV_WORDS})\s*\S{{0,4}}$",
        match=["IT百科", "网友评论", "聚超值•精选", "原创栏目", "返回顶部", "分享到"],
        leave=["评论员文章认为，市场已经见底。", "收藏家们正在抛售", "首页改版后流量大增。"], flags=re.I),
    row("follow prompt", r"(?:扫码|掃碼|扫描|掃描|长按|長按|识别|識別).{0,12}(?:二维码|二維碼|关注|關注)|"
        r"(?:点击|點擊|欢迎|歡迎).{0,6}(?:关注|關注)|关注(?:我们|我們|公众号|公眾號)|"
        r"点个?\W?在看|點個?\W?在看|分享.{0,4}朋友圈",
        match=["长按识别二维码关注我们", "欢迎关注某某研究", "点个在看"], leave=["市场关注美联储的决定。"]),
    row("editor", r"^[【\[]?(?:责任编辑|責任編輯|编辑|編輯|校对|校對|审核|審核|排版|美编|美編)\s*[:|丨]",
        match=["责任编辑:李四", "【编辑:王五】"], leave=["编辑部认为", "编辑们的选择"]),
    row("keywords or original title", r"^(?:<br\s*/?>)?\s*(?:关键词|關鍵詞|关键字|關鍵字|标签|標籤|原标题|原標題)\s*:",
        match=["原标题:某某公司发布新模型", "关键词: AI 芯片"], leave=["关键词是效率", "原标题中的说法"]),
    # Terms for reprinting, in a short line: a condition, a ban (谢绝转载) or a rights line.
    row("reprint notice", r"(?:刊用|转载|轉載|使用)本(?:网站|網站|站|平台|平臺)?稿件.{0,12}(?:授权|授權)|"
        r"本(?:网站|網站|站)所刊[载載]信息.{0,20}不代表|^(?=.{0,60}$)[＊*※◎■\s\[【(（]*(?:(?:公告|声明|聲明)?\s*:?\s*本(?:网站|網站|站)(?:所有.{0,30}(?:均|皆)|不(?:维护|維護|承担|承擔|负责|負責))|"  # a notice's own shape
        r"(?:本文|本篇|本站|本网|本網|原创|原創|图文|圖文|[^,，。\s]{1,12}\s*(?:原创|原創))[^。]{0,30}?(?:转载|轉載)"
        r"|(?:文章|本文|作品)?(?:著作权|著作權|版权|版權)(?:归|歸)[^,，。]{1,12}所有"
        r"|(?:未经|未經)[^。]{0,12}(?:禁止|不得|严禁|嚴禁|请勿|請勿)(?:任何)?(?:转载|轉載)"
        r"|(?:商业|商業|如需|如欲)?(?:转载|轉載)(?:请|請|须|須|需|务必|務必)|(?:欢迎|歡迎)\S{0,4}(?:转载|轉載)"
        r"|(?:禁止|严禁|嚴禁|谢绝|謝絕|请勿|請勿)(?:任何)?(?:转载|轉載)[。!！.]?$)",
        match=["凡转载本网站稿件须经授权", "本站所刊载信息，不代表本站观点", "公告：本站所有代理IP地址均收集整理自公开互联网，本站不维护任何代理服务器。", "开心老头 原创，如需商业用途或转载请与开心老头联系,谢谢配合。", "著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。", "本文为原创，转载请注明出处。", "未经授权，禁止转载", "文章版權歸原作者所有", "＊ 本篇文章由【某某】授權刊登，未經同意禁止轉載。", "谢绝转载", "[某某原创专稿，未经允许请勿转载！]"],
        leave=["转载率很高的文章", "转载量超过十万次，引发热议。", "新规要求，各网站不得转载未经核实的新闻。", "严禁转载的规定引发争议。", "法院最终判决，涉案作品的著作权归原告所有。", "据车站工作人员介绍，本站所有进站口均已开启人脸识别闸机。", "根据协议，该剧版权归腾讯视频所有。", "该数据集的商业用途须获得授权，学术研究可免费使用。"]),
    row("caption", r"^(?:图|圖)\s*\d*\s*[:|丨]|^(?:图片来源|圖片來源|图源|圖源|配图|配圖|资料图|資料圖|资料图片|資料圖片)\s*[:|丨]",
        match=["资料图:白宫新闻发布室", "图1:营收对比", "图片来源|新华社"], leave=["图表显示，营收增长。"]),
    row("site registration",
        r"ICP\s*(?:备|備|证|證)|(?:公网安备|公網安備)|(?:违法和不良信息|違法和不良信息|互联网|互聯網)\S{0,4}(?:举报|舉報)|"
        r"(?:举报|舉報)(?:电话|電話|邮箱|郵箱)\s*:|(?:^|\s)(?:总机|總機)\s*:\s*[\d\-+ ]{7,}",
        match=["京ICP备12345678号", "举报电话:12377", "总机:010-12345678"], leave=["ICP行业的发展", "举报人称"]),
    row("bare link", r"^(?:https?://|www\.)\S+$", flags=re.I,
        match=["https://example.com/a/1.html", "www.example.com"], leave=["详见 https://example.com"]),
    # A blog's footer, in a short line: its licence, the generator and theme it is built with, its
    # visit counter. Each names the site itself or a site generator: an article's sentence about a
    # licence, a chip "powered by" something or growth "由 AI 驱动" does neither.
    row("licence notice", r"^(?=.{0,80}$)(?:(?:版权声明|版權聲明|许可协议|許可協議)\s*:?\s*)?(?:本|所有)[^。]{0,12}"
        r"(?:除(?:特别|特別|非)?(?:声明|聲明|注明|註明)外|(?:采用|採用|遵循|使用)\s*(?:CC\s*BY|知识共享|知識共享|創用\s*CC))", flags=re.I,
        match=["本博客所有文章除特别声明外，均采用 CC BY-SA 4.0 协议 ，转载请注明出处！",
               "版权声明: 本網誌所有文章除特別聲明外，均採用 CC BY-NC-SA 4.0 授權條款。"],
        leave=["维基百科使用知识共享署名-相同方式共享许可协议。", "该数据集遵循 CC BY 4.0 协议开放下载。"]),
    row("site credit", rf"^(?=.{{0,80}}$)(?:本站|本博客|本網誌|本网站|本網站|博客|網誌)[^。]{{0,30}}(?:使用|採用|采用)\s*[A-Za-z][\w.-]{{0,20}}\s*"
        rf"(?:作为|作為)\s*(?:主题|主題)|由\s*(?:{GENERATORS})\s*(?:强力)?(?:驱动|驅動)|powered\s+by\s+(?:{GENERATORS})\b|"
        rf"(?:框架|主题|主題|theme)\s*[-:|]?\s*(?:{GENERATORS})\b|^本站(?:总|總)?(?:访问量|訪問量|访客数|訪客數)", flags=re.I,
        match=["本站由 @Shuai 建立，使用 Stellar 作為主題。", "由 Hexo 强力驱动 | 主题 - NexT", "Powered by Hexo & Theme Butterfly",
               "本站总访问量 1234 次", "©2025 By 某某 框架 Hexo|主题 Butterfly"],
        leave=["The new chips are powered by TSMC's 3nm process.", "二、本轮上涨由AI驱动", "由 AI 驱动的新一轮产业革命",
               "今年的展会使用 AIGC 作为主题，吸引了大批观众。", "官方宣传语为“Powered by HyperOS”。"]),
    row("advice disclaimer", r"^(?=.{0,40}$)(?:本(?:文|站|博客|部落格|網誌|网志|内容|內容|报告|報告|篇)|以上(?:内容|內容)?|文中)[^。]{0,16}"
        r"不(?:应|應|能|可)?(?:作为|作為|构成|構成|视为|視為)(?:任何)?(?:投资|投資)建[议議][。.!！]?$",
        match=["本部落格為作者經驗分享，不應作為投資建議。", "以上内容仅供参考，不构成投资建议。"],
        leave=["分析师表示，这份报告不构成投资建议。", "此前，本基金不构成投资建议的说法引发争议。"]),
]

# A line from which the rest of the article is not article text: a copyright
# or reprint notice, a disclaimer, a closing source line. Only in the second
# half of an article (at the top, a source line is metadata).
END_MARKERS = [
    row("copyright notice", r"^(?:版权声明|版權聲明|版权宣告|版權宣告|版权所有|版權所有|©|\(c\)\s*\d{4})", flags=re.I,
        match=["版权声明:本文为原创", "© 2024 某某网", "(c) 2023 Example"], leave=["版权保护越来越重要。"]),
    row("disclaimer", r"^(?:免责声明|免責聲明|特别声明|特別聲明)\s*[:]?|^(?:风险提示|風險提示)(?:\s*:|\s|[^。,，]{0,8}$)",
        match=["免责声明:本文仅供参考", "风险提示", "风险提示:市场有风险", "风险提示及免责条款", "风险提示 市场有风险，投资需谨慎。"],
        leave=["风险在于估值过高。", "风险提示协议履行可能受政策影响，存在不确定性。"]),
    row("reprint notice", r"^(?:转载|轉載|未经授权|未經授權).{0,20}(?:请|請|须|須|禁止|不得)|^(?![^。]{0,40}?(?:称|稱|说|說|表示|回应|回應|指出))(?:[^。：:“”「」『』‘’\x22]{0,40}?[，,\s])?(?:如有侵权|如有侵權|如涉及侵权|如涉及侵權)[^。“”「」]{0,24}(?:删除|刪除)[^。]{0,6}[。!！]?$|^(?:如果|如)?(?:我们|我們|本站)使用了(?:您|你)的(?:图片|圖片|作品|文章)",
        match=["转载请注明出处", "未经授权，禁止转载", "图片来源网络，如有侵权请联系删除。", "本文图片来自网络，版权归原作者所有，如有侵权请联系删除", "如有侵权请及时联系我们，我们会在第一时间删除。", "本文圖片來自網路，如有侵權請聯繫刪除，謝謝。", "如果我们使用了您的图片，请与我们联系索取稿酬。"], leave=["转载量超过十万次，引发热议。", "法院认定，如有侵权行为将依法处理。", "平台回应称，如有侵权将第一时间删除。", "很多自媒体在文末写上“如有侵权请联系删除”，以为这样就能免责。", "该公众号运营者辩称：我们使用了您的图片是出于宣传目的。", "很多人以为写上如有侵权请联系删除就能免责。", "该公司回应称我们使用了您的图片属于合理使用。"]),
    row("source line", r"^(?:本文来源|本文來源|文章来源|文章來源|原文来源|原文來源|来源|來源)\s*[:|丨]\s*[^。]{1,40}$",
        match=["来源:证券时报", "本文来源:财新网"], leave=["来源:一位知情人士称，公司将裁员。"]),
    row("list of other articles",
        r"^(?:相关新闻|相關新聞|相关阅读|相關閱讀|相关文章|相關文章|推荐阅读|推薦閱讀|往期推荐|往期推薦|"
        r"往期回顾|往期回顧|延伸阅读|延伸閱讀|热门推荐|熱門推薦|猜你喜欢|猜你喜歡|热门文章|熱門文章)\s*:?$",
        match=["相关新闻", "推荐阅读:", "延伸閱讀"], leave=["相关新闻报道显示，股价上涨。"]),
    row("about the author", r"^[【\[]?(?:作者简介|作者簡介|作者介绍|作者介紹|关于作者|關於作者)[】\]]?\s*(?:[:|丨\s].*)?$",
        match=["作者介紹", "作者简介:张三，某大学教授", "关于作者", "【作者简介】", "作者简介丨张三"], leave=["作者介绍了公司的近况。", "关于作者的争议仍在继续。"]),
    row("end mark", r"^(?:END|End|-+\s*(?:END|完)\s*-+|[(（]?完[)）]?|—+\s*完\s*—+)$",
        match=["END", "-- END --", "（完）", "——完——"], leave=["完成了", "Endless"]),
]

# At the end of an article, lines that belong to the page, not the text: a
# lone signature, the author's job title, a company blurb, a dangling label.
TRAILER_LINES = [
    # (a closing section's heading left alone at the end is no one's name: "写在最后", "结语")
    row("signature", r"^(?!写在|寫在|最后|最後|结|結|后记|後記|总结|總結|尾声|尾聲|附|小结|小結|编后|編後|编者|編者|致谢|致謝|"
        r"参考|參考|展望)[\u4e00-\u9fff·]{2,4}$",
        match=["张三", "杰克·马"], leave=["共勉。", "AI芯片", "写在最后", "结语", "结束语", "小结", "编者按", "参考文献"]),
    row("job title", r"^[^。！？!?]{0,24}(?:董事|合伙人|合夥人|总裁|總裁|分析师|分析師|研究员|研究員|首席|经理|經理|CEO|"
        r"创始人|創始人|主编|主編|记者|記者)[^。]{0,12}$",
        match=["某某资本创始人", "某证券首席经济学家"], leave=["分析师认为，降息将至。"]),
    row("company blurb", r"^(?:关于|關於)(?:我们|我們|本公司|[^，,。:：]{1,16}(?:公司|集团|集團))[:：]|^[^，,。]{0,20}(?:成立于|成立於|创立于|創立於).{0,60}"
        r"(?:公司|机构|機構|平台|平臺|企业|企業|媒体|媒體)",
        match=["某某资本成立于2010年，是一家专注于科技投资的机构"], leave=["公司成立于2010年。", "关于下一步计划：老王说他打算在村里开一家小超市。", "IMF 建议监管机构专注于加密生态系统的要素，并鼓励在行业内建立自我监管机构。", "分析人士认为，宁德时代是一家具有全球竞争力的公司，其业绩有望继续增长。", "比亚迪是一家以新能源汽车为主业的高科技企业，去年销量突破三百万辆，位居全球第一。"]),
    row("dangling label", r"^[^。！？]{1,16}[:：]$", match=["风险提示:", "相关链接："], leave=["他说:我们会继续。"]),
]
# "(完)", "(某某行)": a bracket alone after the last sentence names the source or ends the text.
CLOSING_TAG = rule("closing tag", r"(?:^|(?<=[。！？!?”」]))\s*[(（](?P<tag>[^()（）\d%,，。:：;；]{1,20})[)）]\s*$",
                   match=["市场仍将波动。(完)", "这是结论。（央视记者 张明）"], leave=["同比增长(5%)", "(一)概况"])
END_WORDS = ("完", "全文完", "end", "END")

# A title has no full stop or semicolon inside, and does not end like a clause
# or a label (a click-bait "!" or "?" at the end is fine).
NOT_A_TITLE = rule("not a title", r"[。；;]|[,，:、]$",
                   match=["芯片股大涨。后市如何", "关于市场的三点看法:"], leave=["英伟达暴跌17%!", "AI泡沫会破吗?"])
HEADER_TITLE_MAX_CHARS = 80
