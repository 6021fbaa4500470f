"""Which tagged names are people, and what to call them in English.

The segmenter's person tag is a guess: it tags 今天下午, 张数, 智能家居 and 南四环
as names. Pinyin is shown only for a Chinese name the text itself vouches for:
a known surname, two or three characters, no place or organisation ending, and a
role beside it at some use (记者曹磊, 王文表示) or the title naming it while the body
repeats it. A transliterated foreign name is never written in pinyin (Jefferson is
no "Jie Foxun"): it gets CC-CEDICT's Latin name or the Latin the text gives in
brackets after it; else, when the title names the person and the text gives a role,
the Chinese name with the post the text gives (马塔雷拉 (president of Italy)), else
nothing. A name the segmenter cut short (马克 of 马克龙) is looked up whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.lexicon import cedict, is_word, name_english

# Words that stand just before a person's name: a post, a trade, a form of address.
ROLE_BEFORE = (
    "总统", "主席", "总理", "首相", "部长", "局长", "厅长", "司长", "处长", "董事长", "总裁", "经理",
    "执行官", "创始人", "创办人", "记者", "教授", "主任", "会长", "院长", "校长", "市长", "省长", "县长",
    "书记", "委员", "议员", "立委", "发言人", "大使", "法官", "检察官", "律师", "医生", "医师", "学生",
    "球员", "教练", "演员", "歌手", "艺人", "导演", "作家", "分析师", "研究员", "负责人", "行长", "总监",
    "合伙人", "主编", "编辑", "队长", "选手", "理事长", "秘书长", "官员", "候选人", "老师", "农民工",
    "网友", "村民", "居民", "董事", "总经理", "副总", "CEO", "首席", "专家", "博士", "工程师", "主持人",
    "球王", "元首", "领导人", "国王", "女王", "王子", "公主", "法师", "警官", "处长", "特首", "长官",
    "委员长", "局长", "团长", "组长", "社长", "部长", "省委书记", "市委书记", "总书记", "副会长")
ROLE_ENDINGS = frozenset(role[-1] for role in ROLE_BEFORE)
# Words that follow a person's name.
ROLE_AFTER = ("表示", "称", "说", "指出", "认为", "透露", "强调", "介绍", "告诉", "坦言", "直言", "回应",
              "先生", "女士", "教授", "博士", "老师", "同志", "等人", "一行", "会见", "主持", "出席",
              "当选", "任", "担任", "出任", "曾任", "现任", "接受", "在接受", "对记者", "向记者", "的妻子",
              "的丈夫", "的父亲", "的母亲", "说道", "提到", "写道", "宣布", "呼吁", "解释", "补充",
              "自述", "回忆", "被捕", "被判", "涉嫌", "再遭", "遭传唤", "及其")
# Endings a name never has: places, roads, organisations, times, kin ("高母": Gao's mother),
# a verb of saying the tagger ran into the name (高克称).
NOT_NAME_END = (
    "路", "街", "道", "环", "区", "县", "市", "省", "镇", "村", "乡", "湖", "河", "港", "桥",
    "站", "楼", "园", "营", "厂", "店", "馆", "局", "部", "委", "院", "所", "会", "党", "军", "队", "帮",
    "集团", "公司", "家居", "下午", "上午", "中午", "晚上", "早上", "凌晨", "傍晚", "银行", "中心",
    "广场", "大厦", "科技", "母", "父", "嫂", "姐", "哥", "弟", "妹", "男", "女", "姓", "氏", "家", "某",
    "数", "们", "率", "度", "性", "化", "者", "式", "型", "期", "价", "堂", "节", "称", "说")
# Words right before or after a place's name, never a person's (城市巴卜, 巴卜地区).
PLACE_BEFORE = ("城市", "首都", "小镇", "城镇", "港口", "省会", "首府", "村庄")
PLACE_AFTER = ("地区", "一带", "附近", "境内", "郊区", "市区", "市中心", "市郊", "城区")
# Endings of places that names have too (杨治山, 李长江): a role word must stand beside it.
PLACE_OR_NAME_END = ("山", "江")
NOT_NAME_START = ("今", "明", "昨", "本", "该", "此", "每", "各", "全", "新", "老", "小", "大", "前", "后",
                  "上", "下", "中", "外", "内", "含", "低", "多", "少", "第")
# Characters that mark a transliteration (霍姆斯, 萨利希, 克莱蒙费朗): two of them, and
# the name is foreign, not Chinese.
FOREIGN_CHARS = set("斯姆克尔德特尼拉娜丽维夫基默森逊蒂茨莱蒙朗萨希伊奥乌埃瓦沃佐兹赫塔雷洛罗卢"
                    "普布迪杰佛菲韦托娃芙妮琳莎娅雅吉阿恩戈津诺弗曼迈肯库奎涅纽珀瑟舍滕扎耶厄佩帕坎勒贝鲁里米")
# One-character names of countries, which with 方 ("side") make 中方, 美方, 马方: no name.
COUNTRY_SIDES = set("中美日韩朝俄英法德马印越泰菲澳加意台港澳以伊叙土巴欧")
# Function characters that may follow a name without continuing it.
AFTER_OK = set("的了在是和与及说称将对向被把也都还又就从为到等曾已再于而并及会要则即让给同跟由以"
               "个今昨日月年时上下后前")
LATIN_AFTER = re.compile(r"\s*[(（]\s*([A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+){0,3})\s*[)）]")
JOINERS = set("·•・-")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒",
                     "夏侯", "长孙", "宇文", "轩辕", "端木", "独孤", "南宫", "西门", "百里")


@lru_cache(maxsize=4096)
def is_surname(char: str) -> bool:
    """Does CC-CEDICT give ``char`` as a surname ("surname Zhang")?"""
    return any(s.startswith("surname ") for e in cedict().get(char, ()) for s in e.senses)


def looks_foreign(word: str) -> bool:
    plain = word.replace("·", "")
    return "·" in word or len(plain) > 4 or sum(c in FOREIGN_CHARS for c in plain) >= 2


def chinese_name_shape(word: str) -> bool:
    """Two or three characters after a known surname, nothing a name never ends or
    starts with, and not two common words run together (高水平, 智能家居)."""
    if word.startswith(COMPOUND_SURNAMES):
        surname, given = word[:2], word[2:]
    else:
        surname, given = word[:1], word[1:]
    if not (1 <= len(given) <= 2) or not (surname in COMPOUND_SURNAMES or is_surname(surname)):
        return False
    if word.endswith(NOT_NAME_END) or surname not in COMPOUND_SURNAMES and word.startswith(NOT_NAME_START):
        return False
    if len(word) == 2 and word[1] == "方" and word[0] in COUNTRY_SIDES:
        return False                        # 马方: the Malaysian side
    return not (len(given) == 2 and _common(given) and not _proper(word))


def _common(word: str) -> bool:
    return any(not e.proper for e in cedict().get(word, ()))


def _proper(word: str) -> bool:
    return any(e.proper for e in cedict().get(word, ()))


def vouched(word: str, text: str, title: str) -> bool:
    """Does ``text`` (title and body) show ``word`` as a person: a role word right
    before or after some use of it, or the title naming it and the body using it again?
    A name ending like a place (山, 江) needs the role word."""
    if beside_place(word, text):
        return False
    if word.endswith(PLACE_OR_NAME_END):
        return beside_role(word, text)
    if beside_role(word, text):
        return True
    # The title alone vouches only for a name that does not open with a common word
    # (麻醉枪 opens with 麻醉, "anaesthetise").
    return word in title and text.count(word) >= 3 and not (len(word) == 3 and _common(word[:2]))


def beside_place(word: str, text: str) -> bool:
    """Does a word that only a place takes stand right before or after some use of
    ``word`` (城市巴卜, 巴卜地区): then it is a place, whatever else the text says."""
    at = text.find(word)
    while at >= 0:
        if text[max(0, at - 4):at].endswith(PLACE_BEFORE) or text.startswith(PLACE_AFTER, at + len(word)):
            return True
        at = text.find(word, at + len(word))
    return False


def beside_role(word: str, text: str) -> bool:
    """Does a role word stand right before or after some use of ``word`` in ``text``?"""
    at = text.find(word)
    while at >= 0:
        before, after = text[max(0, at - 6):at], text[at + len(word):at + len(word) + 4]
        if before.endswith(ROLE_BEFORE) or after.startswith(ROLE_AFTER):
            return True
        at = text.find(word, at + len(word))
    return False


def after_transliteration(word: str, text: str) -> bool:
    """Does every use of ``word`` follow a transliteration's character, so that it ends
    a longer foreign name (腾贝格 of 斯托尔腾贝格, 祖尔 of 代尔祖尔)?"""
    at = text.find(word)
    if at < 0:
        return False
    while at >= 0:
        if at == 0 or text[at - 1] not in FOREIGN_CHARS:
            return False
        at = text.find(word, at + len(word))
    return True


def cut_short(word: str, text: str) -> bool:
    """Is ``word`` only the start of a longer name (杨庆 of 杨庆连, 伊恩 of 伊恩·贝格)?
    It is when a joiner touches it, or when no use of it ends cleanly: before a
    mark, a Latin letter, a function character or a word like 表示."""
    if joined(word, text):
        return True
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        nxt = text[end:end + 1]
        if not ("\u4e00" <= nxt <= "\u9fff") or nxt in AFTER_OK or text.startswith(ROLE_AFTER, end):
            return False
        at = text.find(word, end)
    return True


def joined(word: str, text: str) -> bool:
    """Does a name joiner (·, -) touch ``word`` at its first use (怀特 of 米勒-怀特)?"""
    at = text.find(word)
    if at < 0:
        return False
    return text[at - 1:at] in JOINERS or text[at + len(word):at + len(word) + 1] in JOINERS


def whole_name(word: str, text: str) -> str:
    """``word`` lengthened to the longest CC-CEDICT name starting with it where it is
    used (马克 -> 马克龙, 金正 -> 金正男); ``word`` itself when there is none."""
    at = text.find(word)
    if at < 0:
        return word
    for size in range(len(word) + 4, len(word), -1):
        longer = text[at:at + size]
        if len(longer) == size and is_word(longer) and name_english(longer):
            return longer
    return word


def latin_given(word: str, text: str) -> str | None:
    """The Latin name the text gives in brackets right after ``word``: 崔善熙(Choe Son Hui)."""
    at = text.find(word)
    while at >= 0:
        if m := LATIN_AFTER.match(text, at + len(word)):
            return m[1]
        at = text.find(word, at + len(word))
    return None


# English for the posts a foreign person's name follows (总统马塔雷拉, 候选人菲永); where one
# post holds another (总统候选人, 候选人) the longer is tried first.
ROLE_ENGLISH = {
    "总统候选人": "presidential candidate", "副总统": "vice-president", "总统": "president",
    "总理": "prime minister", "首相": "prime minister", "外交部长": "foreign minister", "外长": "foreign minister",
    "国务卿": "secretary of state", "国防部长": "defense minister", "防长": "defense minister", "部长": "minister", "候选人": "candidate", "国王": "king", "女王": "queen",
    "王储": "crown prince", "首席执行官": "chief executive", "CEO": "chief executive", "董事长": "chairman",
    "创始人": "founder", "领导人": "leader", "秘书长": "secretary-general", "大使": "ambassador", "发言人": "spokesperson", "议员": "lawmaker", "市长": "mayor",
    "州长": "governor", "教练": "coach", "法官": "judge"}
_ROLES_LONGEST = sorted(ROLE_ENGLISH, key=len, reverse=True)
UNNAMED_KIND = "person named in the title"
NAMES_WITH_THE = ("United ", "Republic of", "Netherlands", "Philippines")
MIN_REPEATS = 2


def title_person(piece: str, foreign_tag: bool, title: str, body: str) -> tuple[str, str] | None:
    """(name, English kind) for a transliterated foreign name in the title that no
    dictionary spells in Latin: ``piece`` (what the tagger found, perhaps a part:
    塔雷 of 马塔雷拉) is grown to the unit the body always uses (see ``repeated_unit``),
    and it must look foreign (or be tagged so), be repeated in the body and have a role
    word beside it. The kind is the post before it, with the country before the post
    (president of Italy), else that the title names a person. None when in doubt."""
    name = repeated_unit(piece, title, body)
    if name is None or not (foreign_tag or looks_foreign(name) and not _chinese_surname(name)) or is_word(name):
        return None
    if name.endswith(NOT_NAME_END) or name.startswith(NOT_NAME_START):
        return None
    text = title + "\n" + body
    if not beside_role(name, text):
        return None
    return name, post_of(name, text) or UNNAMED_KIND


def _chinese_surname(name: str) -> bool:
    """A short name opening with a Chinese surname that no transliteration uses (张曼妮)."""
    return len(name) <= 3 and name[0] not in FOREIGN_CHARS and is_surname(name[0])


def repeated_unit(piece: str, title: str, body: str) -> str | None:
    """``piece`` grown, within the title and over Chinese characters, for as long as
    every use of it in the body is also a use of the longer string (塔雷 -> 马塔雷拉:
    the body never writes 塔雷 without 马 and 拉); None when the body uses it fewer than
    MIN_REPEATS times."""
    count = body.count(piece)
    at = title.find(piece)
    if at < 0 or count < MIN_REPEATS:
        return None
    start, end = at, at + len(piece)
    while start > 0 and han(title[start - 1]) and body.count(title[start - 1:end]) == count:
        start -= 1
    while end < len(title) and han(title[end]) and body.count(title[start:end + 1]) == count:
        end += 1
    return title[start:end]


def post_of(name: str, text: str) -> str | None:
    """The English post the text gives right before some use of ``name`` (总统候选人菲永:
    presidential candidate), with the country named right before the post (意大利总统:
    president of Italy) at the first use that names one, else the first post."""
    first = None
    at = text.find(name)
    while at >= 0:
        before = text[max(0, at - 12):at].rstrip("·")
        role = next((r for r in _ROLES_LONGEST if before.endswith(r)), None)
        if role:
            former = before[:-len(role)].endswith("前")          # 前总理: a former prime minister
            post = ("former " if former else "") + ROLE_ENGLISH[role]
            country = _country_before(before[:-len(role)].removesuffix("前"))
            if country:
                return f"{post} of the {country}" if country.startswith(NAMES_WITH_THE) else f"{post} of {country}"
            first = first or post
        at = text.find(name, at + len(name))
    return first


def _country_before(text: str) -> str | None:
    """The English name of the place ``text`` ends with (意大利 of 水均益独家专访意大利)."""
    for size in range(min(5, len(text)), 1, -1):
        word = text[-size:]
        if han(word) and (english := name_english(word)) and not _common(word):
            return english
    return None


def han(text: str) -> bool:
    """Whether every character of ``text`` is a Chinese character."""
    return all("\u4e00" <= c <= "\u9fff" for c in text)
