"""Every cleaning rule matches the lines it is for and leaves the others alone."""

from __future__ import annotations

import re

import pytest

from digest.sources import page, pagebody, pagemeta
from digest.text import furniture, pagerules, rules  # noqa: F401 - these modules register their rules
from digest.text.script import fold_width


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: r.name)
def test_rule_examples(rule: rules.Rule):
    assert rule.match and rule.leave, f"{rule.name}: needs lines it matches and lines it leaves"
    for line in rule.match:
        assert rule.pattern.search(fold_width(line)), f"{rule.name} should match {line!r}"
    for line in rule.leave:
        assert not rule.pattern.search(fold_width(line)), f"{rule.name} should leave {line!r}"


def test_every_pattern_and_table_row_is_a_rule_with_examples():
    registered = {id(r.pattern) for r in rules.RULES}
    for name, value in vars(rules).items():
        if isinstance(value, re.Pattern):
            assert id(value) in registered, f"rules.{name} has no examples"
        if isinstance(value, list) and name.isupper() and name != "RULES":
            assert all(isinstance(row, rules.Rule) for row in value), f"rules.{name}"
    names = [r.name for r in rules.RULES]
    tables = [rules.META_LINES, rules.DROP_LINES, rules.END_MARKERS, rules.TRAILER_LINES]
    for table in tables:
        row_names = [r.name for r in table]
        assert len(set(row_names)) == len(row_names)
    assert len(names) >= 40


def test_drop_lines_matched_apart_find_what_their_alternation_finds():
    from digest.text.alternation import branches
    from digest.text.header import dropped

    assert branches(r"^a|(b|c)|[|\]]x|[^|]") == ["^a", "(b|c)", r"[|\]]x", "[^|]"]
    assert branches(r"[]|]|\||d") == ["[]|]", r"\|", "d"]
    joined = rules.joined(rules.DROP_LINES)
    lines = [fold_width(line) for rule in rules.DROP_LINES + rules.END_MARKERS + rules.TRAILER_LINES
             for line in (*rule.match, *rule.leave)]
    lines += ["总机:010-12345678", "电话总机: 010-12345678", "x第 2 页", "公司 首页 > 科技"]
    assert [dropped(line) for line in lines] == [joined.search(line) is not None for line in lines]
