"""Sentences of a page that belong to the page, not to the article's story.

The cleaner drops whole lines of furniture (digest/text/rules.py); what is left
can still hold it inside the text: a photo caption ("学生杨锦（右）在为老服务中心实习。",
"(图片来自Electronista)"), a pointer to a chart the summary cannot show
("看看这张调查图表"), a call to action ("邀请您到 FB 粉丝团 按个"赞"!"), a
contact line or a link, and, at a sentence's start, a label ("核心提示：") or a
dateline ("参考消息网1月21日报道"). A summary shows none of them: such a sentence
is page furniture, and a label or dateline is taken off the sentence it opens.
Patterns match width-folded text; each carries lines it must match and leave alone
(tests/test_rules.py checks them).
"""

from __future__ import annotations

import re

from .rules import rule

CAPTION_MARK = rule(
    "photo caption",
    r"[(（](?:左|右|中|左一|右一|左二|右二|前排|后排|後排|居中|上图|下图|上圖|下圖)[)）]"
    r"|[(（](?:图|圖|图片|圖片|照片|资料照|資料照|资料图|資料圖|示意图|示意圖|取自|翻摄|翻攝|摄影|攝影|截图|截圖)"
    r"[^()（）]{0,30}[)）]"
    r"|(?:供图|供圖|摄影?|攝影?|/摄|/攝|图/|圖/)\s*[。.]?\s*$|^(?:图为|圖為|上图|下图|上圖|下圖)",
    match=["学生杨锦(右)在为老服务中心实习。", "无法运行Linux(图片来自Electronista)",
           "本期千万中奖张数为18张。(资料照)", "正录制视频 李尕 摄", "图为会议现场。"],
    leave=["他右手受伤。", "图表显示营收增长。", "摄影师张三获奖。", "(一)概况"])

CALL_TO_ACTION = rule(
    "call to action",
    r"粉丝团|粉絲團|粉丝页|粉絲頁|按个?\W?赞|按個?\W?讚|按讚|请?订阅|訂閱|"
    r"(?:立即|马上|馬上|点击|點擊|点此|點此)\s*(?:下载|下載|购买|購買|报名|報名|进入|進入|查看|领取|領取)|"
    r"(?:优惠码|優惠碼|折扣码|折扣碼|推荐码|推薦碼)|^(?:广告|廣告|推广|推廣|赞助|贊助)\s*(?:[:|]|\S{0,3}$)",
    match=['邀请您到 FB 粉丝团 按个"赞"!', "点击下载客户端", "广告英", "欢迎订阅本刊"],
    leave=["广告收入增长20%。", "订单已排满。"])

CONTACT = rule(
    "contact line",
    r"(?:电话|電話|手机|手機|行动|行動|联络|聯絡|联系|聯繫|热线|熱線|传真|傳真|微信|邮箱|郵箱|[Tt]el|TEL|[Ff]ax|FAX)\s*[:]\s*"
    r"[\w\-+() .@]{5,}|(?<!\d)0\d{1,3}-\d{3,4}-?\d{3,4}(?!\d)|(?<!\d)09\d{2}-?\d{3}-?\d{3}(?!\d)"
    r"|\w@[\w-]+\.\w|(?:地址|地點|地点)\s*:\s*\S",
    match=["联络电话:03-584-7231", "行动: 0937-141993", "合作请联系 a.b@gmail.com", "地址:新竹县尖石乡"],
    leave=["电话会议上，公司表示。", "2024-05-13发布"])

LINK = rule("link in text", r"[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.[\w-]+\.|\w\.(?:com|cn|net|org|tw|hk|to|ly|me|io)/\S",
            match=["详见 https://example.com/a", "购买链接 www.amazon.cn 。", "amzn.to/3xYz"],
            leave=["Node.js 发布新版", "3.5%的增长"])

# A sentence pointing at a picture or chart the summary cannot show ("看看這張德意志銀行的調查圖表").
FIGURE = rule(
    "figure the reader cannot see",
    r"(?:这|這|那)(?:张|張|幅)[^,.;!?，。；！？]{0,12}?(?:图|圖|照片)"
    r"|(?:如|见|見)(?:下|上)?(?:图|圖)|(?:下|上)(?:图|圖)(?:所示|中|显示|顯示)",
    match=["看看這張德意志銀行的調查圖表,它展示了資料。", "如下图所示,营收增长。", "这幅图说明了问题。",
           "上图显示订单翻倍。"],
    leave=["他试图说服董事会。", "这张订单很大。", "公司的蓝图已经确定。", "地图应用更新了。"])

FURNITURE = re.compile("|".join(f"(?:{p.pattern})" for p in (CAPTION_MARK, CALL_TO_ACTION, CONTACT, LINK, FIGURE)))

# A label or dateline opening a sentence: taken off, the sentence is the story's.
AGENCY_TAG = r"[\[【《(][^\]】》)]{1,30}(?:讯|訊|电|電|报道|報道|专讯|專訊|消息)[\]】》)]"
LEADING_LABEL = rule(
    "leading label or dateline",
    r"^\s*(?:(?:核心提示|导语|導語|内容提要|內容提要|摘要|提要|编者按|編者按|导读|導讀|本报讯|本報訊)\s*[:]"
    rf"|{AGENCY_TAG}"
    r"|[\u4e00-\u9fff]{0,12}?\d{1,2}月\d{1,2}日(?:电|電|讯|訊|报道|報道|消息|专讯|專訊)(?![\u4e00-\u9fff])\s*[:]?"
    r"|(?:[\u4e00-\u9fff]{2,8}(?:讯|訊))\s+(?=\S))\s*",
    match=["核心提示:美联储宣布加息。", "参考消息网1月21日报道 美国媒体称", "[世华财讯]金路集团公布业绩",
           "(中央社记者邱俊钦桃园19日电)桃园市一家轮胎行", "东方网记者曹磊5月13日报道:2024年5月19日是"],
    leave=["提要很重要。", "5月13日电影票房大涨", "新华社记者在现场看到"])


# A character each pattern above needs: one scan for it leaves most sentences alone.
# Every branch of TRIGGER opens with a plain character (a class spelt out as its
# characters: [联聯][络絡系繫] as 联[络絡系繫]|聯[络絡系繫]), so the scan jumps from one
# of those characters to the next instead of trying every branch at every character;
# the one branch that needs the start of the sentence is TRIGGER_START.
_NO_STOP_TO_PICTURE = "[^,.;!?，。；！？]{0,12}?[图圖照]"
TRIGGER_START = re.compile(r"^(?:广告|廣告|推广|推廣|赞助|贊助|图为|圖為|上图|下图|上圖|下圖)")
TRIGGER = re.compile(
    r"\(|（|摄|攝|@|/|码|碼|按|粉[丝絲]|订阅|訂閱|立即|马上|馬上|点[击此]|點[擊此]|供[图圖]"
    r"|电话|電话|電話|手[机機]|行[动動]|联[络絡系繫]|聯[络絡系繫]|热线|熱线|熱線|传真|傳真|微信|邮箱|郵箱"
    r"|Tel|tel|TEL|Fax|fax|FAX|地[址點点]|0\d{1,3}-|09\d\d|W[Ww]{2}\.|w[Ww]{2}\."
    rf"|张{_NO_STOP_TO_PICTURE}|張{_NO_STOP_TO_PICTURE}|幅{_NO_STOP_TO_PICTURE}"
    r"|如[图圖]|见[图圖]|見[图圖]|上[图圖]|下[图圖]")


# Whether FURNITURE finds something, spelt out the same way: searched as one alternation,
# FURNITURE tries each of its many branches at every character. Here each branch opens
# with a plain character (a group of words as one branch a word, [Hh] as H|h, 请?订阅 as
# 请订阅|订阅, a lookbehind after the character it looks behind: (?<!\d)0 as 0(?<!\d0)).
# A branch can start elsewhere than FURNITURE's would (\w@ found from its @), so
# FURNITURE itself gives the places (clean._article_text takes them out).
_PEOPLE = r"(?:左|右|中|左一|右一|左二|右二|前排|后排|後排|居中|上图|下图|上圖|下圖)[)）]"
_SOURCE = (r"(?:图|圖|图片|圖片|照片|资料照|資料照|资料图|資料圖|示意图|示意圖|取自|翻摄|翻攝|摄影|攝影|截图|截圖)"
           r"[^()（）]{0,30}[)）]")


def _each(words: list[str], rest: str) -> str:
    return "|".join(word + rest for word in words)


FOUND_AT_START = re.compile(r"^(?:图为|圖為|上图|下图|上圖|下圖)|^(?:广告|廣告|推广|推廣|赞助|贊助)\s*(?:[:|]|\S{0,3}$)")
FOUND = re.compile("|".join([
    # photo caption
    _each([r"\(", "（"], _PEOPLE), _each([r"\(", "（"], _SOURCE),
    _each(["供图", "供圖", "摄影?", "攝影?", "/摄", "/攝", "图/", "圖/"], r"\s*[。.]?\s*$"),
    # call to action
    r"粉丝团|粉絲團|粉丝页|粉絲頁|按个?\W?赞|按個?\W?讚|按讚|请订阅|订阅|訂閱",
    _each(["立即", "马上", "馬上", "点击", "點擊", "点此", "點此"],
          r"\s*(?:下载|下載|购买|購買|报名|報名|进入|進入|查看|领取|領取)"),
    "优惠码|優惠碼|折扣码|折扣碼|推荐码|推薦碼",
    # contact line
    _each(["电话", "電話", "手机", "手機", "行动", "行動", "联络", "聯絡", "联系", "聯繫", "热线", "熱線", "传真",
           "傳真", "微信", "邮箱", "郵箱", "Tel", "tel", "TEL", "Fax", "fax", "FAX"], r"\s*[:]\s*[\w\-+() .@]{5,}"),
    r"0(?<!\d0)\d{1,3}-\d{3,4}-?\d{3,4}(?!\d)", r"0(?<!\d0)9\d{2}-?\d{3}-?\d{3}(?!\d)",
    r"@(?<=\w@)[\w-]+\.\w", _each(["地址", "地點", "地点"], r"\s*:\s*\S"),
    # link in text
    _each(["H", "h"], r"[Tt][Tt][Pp][Ss]?://"), _each(["W", "w"], r"[Ww][Ww]\.[\w-]+\."),
    r"\.(?<=\w\.)(?:com|cn|net|org|tw|hk|to|ly|me|io)/\S",
    # figure the reader cannot see
    _each(["这", "這", "那"], r"(?:张|張|幅)[^,.;!?，。；！？]{0,12}?(?:图|圖|照片)"),
    _each(["如", "见", "見"], r"(?:下|上)?(?:图|圖)"), _each(["下", "上"], r"(?:图|圖)(?:所示|中|显示|顯示)"),
]))


def furniture(folded: str) -> bool:
    """Is the (width-folded) sentence a caption, a call to action, a contact line or a link?"""
    return (TRIGGER_START.match(folded) is not None or TRIGGER.search(folded) is not None) \
        and (FOUND_AT_START.match(folded) is not None or FOUND.search(folded) is not None)


def without_label(text: str, folded: str) -> str:
    """``text`` without the label or dateline opening it (found on its width-folded
    form, which has the same length); ``text`` itself when none does, or when
    nothing would be left."""
    found = LEADING_LABEL.match(folded)
    if not found or found.end() >= len(text.rstrip()) - 1:
        return text
    return text[found.end():]
