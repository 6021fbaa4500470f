"""Companies the glossary and the dictionary do not know, found by how the text names them.

A listed company is named with its stock code (重庆啤酒(600132), 金路集团 ( 000510 )) or
under a stock quote (股价资料：大连港). Its English name is its own name's reading plus
its company word (Chongqing Brewery, Jinlu Group, Dalian Port); a name without a
company word the dictionary cannot give is left out. A glossary company written
without its company word (苹果 of 苹果公司) is the company where a word only a
company has follows it (苹果商店, 苹果股价).
"""

from __future__ import annotations

import re

from ..text.lexicon import cedict, name_english, place_name, reading

# Company words a name ends with, and their English (the longest is tried first).
COMPANY_WORDS = {
    "集团": "Group", "控股": "Holdings", "股份": "Co.", "公司": "Co.", "银行": "Bank",
    "证券": "Securities", "保险": "Insurance", "啤酒": "Brewery", "港": "Port", "电力": "Power",
    "能源": "Energy", "科技": "Technology", "电子": "Electronics", "药业": "Pharmaceutical",
    "医药": "Pharmaceutical", "汽车": "Motors", "地产": "Property", "置业": "Property",
    "钢铁": "Steel", "航空": "Airlines", "化工": "Chemical", "传媒": "Media", "实业": "Industrial",
    "通信": "Communications", "半导体": "Semiconductor", "矿业": "Mining", "水泥": "Cement",
}
_ENDINGS = sorted(COMPANY_WORDS, key=len, reverse=True)
# A stock code in brackets (an exchange's letters may come first), after the name:
# 重庆啤酒(600132, 金路集团 ( 000510 ).
STOCK_CODE = re.compile(r"[(（]\s*(?:[A-Za-z]{2}\s*[:.]?\s*)?(?:\d{6}|0\d{4}|\d{4,5}\.[A-Za-z]{2})\s*[,，)）]")
NAME_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,10}(?=\s*$)")
# A stock quote's label, then the name: 股价资料：大连港.
QUOTE = re.compile(r"股[价價](?:资料|資料|走势|走勢)?\s*[:：]\s*([\u4e00-\u9fff]{2,10})")
# Words only a company has, after the company's short name: 苹果商店, 苹果股价.
COMPANY_THINGS = ("公司", "商店", "零售店", "门店", "专卖店", "股价", "市值", "财报", "官网", "发布会",
                  "首席执行官", "CEO", "Logo", "logo", "总部", "旗下", "供应商", "手机", "产品")


def listed(title: str, text: str) -> list[tuple[str, str]]:
    """(Chinese name, English) of the companies ``text`` names with a stock code or
    quote and the title names too (the longest ending of the words before the code
    that the title holds), longest names first."""
    found: dict[str, str] = {}
    runs = [m[0] for code in STOCK_CODE.finditer(text)
            if (m := NAME_BEFORE.search(text, max(0, code.start() - 12), code.start()))]
    if "股" in text:
        runs += [m[1][:_name_end(m[1])] for m in QUOTE.finditer(text)]
    for run in runs:
        name = next((run[i:] for i in range(len(run) - 1) if run[i:] in title), None)
        if name and name not in found and (english := company_english(name)):
            found[name] = english
    return sorted(found.items(), key=lambda item: -len(item[0]))


def _name_end(run: str) -> int:
    """Where a quoted name ends: after its company word, else the whole run."""
    for end in range(2, len(run) + 1):
        if run[:end].endswith(tuple(COMPANY_WORDS)) and end >= 3:
            return end
    return len(run)


def company_english(name: str) -> str | None:
    """A company's English name: the dictionary's, else its stem's (a place's English,
    or the stem's reading as one word) and its company word's: None without one."""
    if (known := name_english(name)) and not place_name(name):
        return known
    ending = next((e for e in _ENDINGS if name.endswith(e) and len(name) > len(e) + 1), None)
    if ending is None:
        return None
    stem = name[:-len(ending)]
    english = name_english(stem)
    if not english or " " in english or not english.isascii():
        english = "".join(reading(c) for c in stem).capitalize()
    return f"{english} {COMPANY_WORDS[ending]}" if english.isascii() and english.isalpha() else None


def short_forms(lookup) -> list[tuple[str, str]]:
    """(short name, English) of the glossary's companies whose name ends in a company
    word (苹果 of 苹果公司) when the short name is a common word of its own."""
    out = []
    for hans, english, kind in lookup:
        for ending in ("公司", "集团"):
            short = hans[:-len(ending)]
            if kind == "company" and hans.endswith(ending) and len(short) >= 2 and cedict().get(short):
                out.append((short, english))
    return out


def named_as_company(short: str, text: str) -> bool:
    """Does ``text`` use the short name ``short`` right before a word only a company has?"""
    at = text.find(short)
    while at >= 0:
        if text.startswith(COMPANY_THINGS, at + len(short)):
            return True
        at = text.find(short, at + 1)
    return False


# How a report goes on to speak of the company it opened with: 公司表示, 该公司.
SELF_REFERENCE = re.compile(r"(?:^|[。；！？\n])\s*公司(?:表示|称|指出|预期|预计|认为|公告|透露|发言人)|该公司")


def _word_ends(text: str, at: int) -> bool:
    """Does a word end at ``at`` (大连港|预期), or does the company word run on into a
    longer one (汽车产业, 保险业: an industry, not a company)?"""
    from ..text.words import segmenter

    end = 0
    for token in segmenter().cut(text[:at + 6]):
        end += len(token)
        if end >= at:
            return end == at
    return True


def lead_company(title: str, body: str) -> list[tuple[str, str]]:
    """(Chinese name, English) of the company that both the title and the body open
    with (大连港料… and 大连港预期…), a name ending in a company word, when the body
    then calls it "the company" (公司表示, 该公司); else nothing."""
    lead = body.lstrip()
    size = 0
    while size < min(len(title), len(lead)) and title[size] == lead[size] and "\u4e00" <= title[size] <= "\u9fff":
        size += 1
    name = title[:_name_end(title[:size])]
    if len(name) < 3 or not name.endswith(tuple(COMPANY_WORDS)) or not _word_ends(lead, len(name)) \
            or not SELF_REFERENCE.search(lead):
        return []
    english = company_english(name)
    return [(name, english)] if english else []
