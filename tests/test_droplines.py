"""The drop-line rules' screen: the words it looks for first were read off the current
rules, and it decides every line as the rules' whole alternation does."""

from __future__ import annotations

from digest.text import droplines, rules
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
