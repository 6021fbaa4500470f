"""Names the segmenter tags in a title and summary, and the English for them.

jieba's part-of-speech tags mark people (nr), foreign names (nrt), places (ns),
organisations (nt) and other names (nz); this module joins what it split
(迈克尔·伯里, a surname cut from its given name: 杨 + 治山), adds a word the dictionary
knows as a person's name where a role stands beside it (总统祖马), and gives each the
dictionary's English, the Latin the text gives, or pinyin for a Chinese person the
text vouches for.
"""

from __future__ import annotations

from ..text.lexicon import ambiguous_name, cedict, is_word, name_english, pinyin_name, place_name
from ..text.words import segmenter
from . import people

ORG_SUFFIX = {"科技": "Technology", "公司": "Co.", "集团": "Group", "银行": "Bank", "资本": "Capital",
              "证券": "Securities", "基金": "Fund", "控股": "Holdings", "半导体": "Semiconductor"}
# Words that continue a name into an institution's: the name alone means something else.
INSTITUTION = ("金融", "研究", "大学", "学院", "基金会", "协会", "中心", "实验室")
NAME_TAGS = {"nr": "person", "nrt": "foreign", "ns": "place", "nt": "org", "nz": "other"}
MAX_PINYIN = 2          # names only pinyin can give, per article
JOINERS = ("·", "•", "・")
# Another tagger's text -> [(word, jieba flag)], to measure it against jieba's tags
# (bench/facts.py); None uses jieba's.
other_tagger = None


def dictionary_names(tagged: list, title: str, body: str, masked: str) -> list[tuple[str, str, str]]:
    """(English, Chinese, kind) for the ``tagged`` names the glossary lacks (``masked``
    is ``body`` with the glossary's words blanked): CC-CEDICT's name for them (a
    company's never a place's), the Latin the text gives, else pinyin for a Chinese
    person's name the text vouches for (marked as such)."""
    found: list[tuple[str, str, str]] = []
    pinyin = 0
    text = title + "\n" + body
    for word, kind, whole, suffix in tagged:
        if suffix and (english := name_english(word)) and not place_name(word):
            word, kind, english = word + suffix, "company", f"{english} {ORG_SUFFIX[suffix]}"
            if (word in masked or word not in body) and all(english != e for e, _w, _k in found):
                found.append((english, word, kind))   # 天狼星资本 -> Sirius Capital
            continue
        if suffix:
            continue                              # 龙湖 of 龙湖集团 is no district
        word = people.whole_name(word, text)      # 马克 of 马克龙
        if word not in masked or len(word.replace("·", "")) < 2 or people.joined(word, text):
            continue                              # a glossary name, too short, or a piece of one
        english = None if ambiguous_name(word) else name_english(word)
        if english is None and kind in ("person", "foreign"):
            english = people.latin_given(word, text)
            if english is None and pinyin_person(word, kind, whole, text, title) and pinyin < MAX_PINYIN:
                english = f"{pinyin_name(word)} (pinyin)"
                pinyin += 1
        if english and all(english != e for e, _w, _k in found):
            found.append((english, word, kind))
    return found + title_people(tagged, title, body, masked, [w for _e, w, _k in found])


def title_people(tagged: list, title: str, body: str, masked: str, named: list[str]) -> list[tuple[str, str, str]]:
    """(Chinese name and English kind, Chinese, "person") for the foreign people the
    title names that no dictionary spells in Latin and no other name covers: 马塔雷拉
    (president of Italy). Pinyin would misspell them, so they stay in Chinese."""
    found: list[tuple[str, str, str]] = []
    for word, kind, _whole, suffix in tagged:
        if kind not in ("person", "foreign") or suffix or word not in title or word not in masked:
            continue
        person = people.title_person(word, kind == "foreign", title, body)
        if person and not any(person[0] in other or other in person[0] for other in named):
            found.append((f"{person[0]} ({person[1]})", person[0], "person"))
            named.append(person[0])
    return found


def pinyin_person(word: str, kind: str, whole: bool, text: str, title: str) -> bool:
    """Is ``word`` a Chinese person's name the text vouches for?"""
    return (whole and kind == "person" and not people.looks_foreign(word)
            and not any(not e.proper for e in cedict().get(word, ()))
            and people.chinese_name_shape(word) and not people.cut_short(word, text)
            and not people.after_transliteration(word, text)
            and people.vouched(word, text, title))


def tagged_names(text: str) -> list[tuple[str, str, bool, str]]:
    """(name, kind, whole, suffix) for the proper names tagged in ``text``;
    transliterations split at "·" are joined again. ``whole`` is False when the name
    looks like a piece of a longer one (a lone character before it) or of a company
    name, whose suffix (科技, 资本…) is then ``suffix``."""
    merged: list[tuple[str, str]] = []
    for word, flag in (other_tagger or segmenter().tag)(text):
        if flag not in NAME_TAGS and flag != "n" and word not in JOINERS:
            merged.append((word, "-"))                       # most words: nothing to join
        elif word in JOINERS and merged and merged[-1][1] != "-":
            merged[-1] = (merged[-1][0] + "·", "foreign")
        elif merged and merged[-1][0].endswith("·") and (flag in NAME_TAGS or people.han(word)):
            merged[-1] = (merged[-1][0] + word, "foreign")    # 马丽娜·勒庞: 勒庞 a noun to the tagger
        elif merged and merged[-1][1] == "person" and people.is_surname(merged[-1][0]) \
                and flag in NAME_TAGS and len(word) <= 2 and people.han(word):
            merged[-1] = (merged[-1][0] + word, "person")     # 杨 + 治山: a surname cut off
        elif flag == "n" and merged and _role_person(merged[-1][0], word):
            merged.append((word, "person"))                   # 总统祖马: a noun to the tagger
        else:
            merged.append((word, NAME_TAGS.get(flag, "-")))
    found = []
    for i, (word, kind) in enumerate(merged):
        if kind == "-":
            continue
        before = merged[i - 1][0] if i else ""
        after = merged[i + 1][0] if i + 1 < len(merged) else ""
        if after.startswith(INSTITUTION):
            continue                    # 重阳 of 重阳金融研究院 is no festival
        alone = not (len(before) == 1 and "\u4e00" <= before <= "\u9fff")
        suffix = after if after in ORG_SUFFIX and alone else ""
        found.append((word.strip("·"), kind, alone and not suffix, suffix))
    return found


def _role_person(before: str, word: str) -> bool:
    """Is ``word``, after the role word ``before`` (总统, 记者…), a person the
    dictionary names (祖马: Zuma)?"""
    return len(word) >= 2 and before[-1:] in people.ROLE_ENDINGS and before.endswith(people.ROLE_BEFORE) \
        and people.han(word) \
        and name_english(word) is not None and not place_name(word)


def used_as_itself(form: str, kind: str, text: str) -> bool:
    """Is the glossary ``form`` used in ``text`` as itself somewhere: a two-character
    form not only across two words (道指 in 报道指出), a place not only as the start of
    a longer word (印度 of 印度教, Hinduism)?"""
    if len(form) == 2 and people.han(form) and not _stands_alone(form, text):
        return False
    return kind != "place" or _outside_longer_word(form, text)


def _stands_alone(form: str, text: str) -> bool:
    """Is the two-character ``form`` used somewhere other than across two words, its
    first character ending a word and its second starting the next (道指 in 报道指出)?"""
    at = text.find(form)
    while at >= 0:
        if not (at and is_word(text[at - 1:at + 1]) and is_word(text[at + 1:at + 3])):
            return True
        at = text.find(form, at + 1)
    return False


def _outside_longer_word(form: str, text: str) -> bool:
    """Is ``form`` used somewhere not as the start of a longer CC-CEDICT word (印度 of
    印度教, Hinduism)?"""
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        if not (is_word(text[at:end + 1]) or is_word(text[at:end + 2])):
            return True
        at = text.find(form, end)
    return False
