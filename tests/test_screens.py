"""Quick tests run before a rule's search decide as the search alone does: the drop-line
rules' screen (its words read off the current rules), the furniture's trigger spelt out
branch by branch, the last character a quotation's introduction ends on."""

from __future__ import annotations

import re

from digest.editorial import document
from digest.text import droplines, furniture, rules
from digest.text.alternation import anchored_apart, branches
from digest.text.script import fold_width


def test_the_needed_words_were_read_off_the_current_rules():
    # A changed unanchored branch of DROP_LINES: read droplines.NEEDED against it again,
    # then set droplines.READ_OFF to droplines.fingerprint of the new pattern.
    _start, anywhere = anchored_apart(rules.DROP_LINES)
    assert droplines.fingerprint(anywhere) == droplines.READ_OFF


def test_each_unanchored_branch_needs_one_of_the_words():
    _start, anywhere = anchored_apart(rules.DROP_LINES)
    words = droplines.NEEDED.pattern.split("|") + list(droplines.LATIN_NEEDED)
    for branch in branches(anywhere.pattern):
        assert any(word in branch for word in words), branch


def test_screened_lines_are_decided_as_the_alternation_decides():
    joined = rules.joined(rules.DROP_LINES)
    lines = [fold_width(line) for rule in rules.RULES for line in (*rule.match, *rule.leave)]
    lines += ["Powered by HEXO", "POWERED  BY Hugo", "主题 - NexT", "THEME: butterfly", "由 Hexo 強力驅動",
              "长按识别二维码", "点 在看", "分享到朋友圈", "京ICP备1号", "举报邮箱:a@b.c", "公司 总机:010-12345678",
              "转载本网站稿件须经授权", "本站所刊载信息，不代表本站观点", "themes powered by nothing", "关注"]
    assert [droplines.dropped(line) for line in lines] == [joined.search(line) is not None for line in lines]


def _lines() -> list[str]:
    lines = [fold_width(line) for rule in rules.RULES for line in (*rule.match, *rule.leave)]
    return lines + ["www.x", "WwW.a", "Www", "这张很长的照片", "张,图", "0-", "01-", "09123", "广告", "x广告",
                    "上图", "FAX", "fAx", "(图)", "他说:", "他说: ", "他写道,\"", "他写道 \"\n", "“", "道",
                    "问道", "「 ", "a \"", "a:\"", "", " ", "二、市场:", "增长二、区域:", "之一、"]


# furniture.TRIGGER as it was first written, one alternation with classes.
TRIGGER_AS_WRITTEN = re.compile(
    r"[(（摄攝@/码碼按]|粉[丝絲]|订阅|訂閱|立即|马上|馬上|点[击此]|點[擊此]|供[图圖]"
    r"|^(?:广告|廣告|推广|推廣|赞助|贊助|图为|圖為|上图|下图|上圖|下圖)|[电電]话|手[机機]|行[动動]"
    r"|[联聯][络絡系繫]|[热熱]线|熱線|[传傳]真|微信|[邮郵]箱|[Tt]el|TEL|[Ff]ax|FAX|地[址點点]|0\d{1,3}-|09\d\d"
    r"|[Ww]{3}\.|[张張幅][^,.;!?，。；！？]{0,12}?[图圖照]|[如见見上下][图圖]")


def test_the_trigger_spelt_out_finds_what_it_found_as_written():
    for line in _lines():
        spelt = furniture.TRIGGER_START.match(line) is not None or furniture.TRIGGER.search(line) is not None
        assert spelt == (TRIGGER_AS_WRITTEN.search(line) is not None), line


def test_quick_tests_decide_as_the_searches():
    for line in _lines():
        assert document.opens_quote(line) == (document.INTRODUCES.search(line) is not None), line


def _mixed(count: int) -> list[str]:
    """Strings made of the furniture rules' own words, marks, digits and letters."""
    import random

    words = sorted(set(re.findall(r"[\u4e00-\u9fff（）。，]+|[A-Za-z]+", furniture.FURNITURE.pattern)))
    words += ["0", "09", "12", "1234", "-", "@", ".", "/", ":", " ", "\n", "(", ")", "com", "a", "_", "!",
              "x.com/", "www.", "\u3000"]
    rng = random.Random(11)
    return ["".join(rng.choice(words) for _ in range(rng.randint(0, 7))) for _ in range(count)]


def test_furniture_spelt_out_finds_what_the_alternation_finds():
    for line in _lines() + _mixed(20_000):
        found = furniture.FOUND_AT_START.match(line) is not None or furniture.FOUND.search(line) is not None
        assert found == (furniture.FURNITURE.search(line) is not None), line


def test_job_and_ad_words_screen_what_their_patterns_find():
    import random

    from digest.text import notnews

    words = sorted(set(re.findall(r"[\u4e00-\u9fff～]+|[A-Za-z]+", notnews._JOB.pattern + notnews._AD.pattern)))
    words += ["1", "12", "345", " ", "-", "~", "k", "K", "到", "薪", "折", "xbase", "base1"]
    rng = random.Random(5)
    for text in ["".join(rng.choice(words) for _ in range(rng.randint(0, 6))) for _ in range(10_000)]:
        for vocabulary, needed in ((notnews._JOB, notnews._JOB_WORDS), (notnews._AD, notnews._AD_WORDS)):
            found = len({m.group() for m in vocabulary.finditer(text)})
            assert notnews._distinct(vocabulary, needed, text) == found, text
