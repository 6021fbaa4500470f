"""The sentence splitter on the hard cases, and that it never drops text."""

from __future__ import annotations

import pytest

from digest.text.sentences import split

from .conftest import SEEDS

CASES = [
    ("“我们的技术优势并不稳固……。”他说。这促使行业继续提高效率。",
     ["“我们的技术优势并不稳固……。”他说。", "这促使行业继续提高效率。"]),
    ("英伟达单日跌幅达17%，市值蒸发5890亿美元。第二天又涨回3.5%！",
     ["英伟达单日跌幅达17%，市值蒸发5890亿美元。", "第二天又涨回3.5%！"]),
    ("相关板块市值蒸发1.2万亿美元；贵州茅台（600519.SH）逆势上涨。",
     ["相关板块市值蒸发1.2万亿美元；", "贵州茅台（600519.SH）逆势上涨。"]),
    ("他说了一句：Gradually, and then suddenly. 然后市场崩了。",
     ["他说了一句：Gradually, and then suddenly. ", "然后市场崩了。"]),
    ("Mr. Huang met Mr. Trump in the U.S. on Dec. 4. The talks went well.",
     ["Mr. Huang met Mr. Trump in the U.S. on Dec. 4. ", "The talks went well."]),
    ("2024年12月，DeepSeek发布V3模型……随后R1模型问世?市场震惊!",
     ["2024年12月，DeepSeek发布V3模型……", "随后R1模型问世?", "市场震惊!"]),
    ("  1. 当下出口、投资、消费三驾马车疲软;", ["  1. 当下出口、投资、消费三驾马车疲软;"]),
    ("没有句号的结尾", ["没有句号的结尾"]),
    ("老师问学生“你在看什么？”，学生回答没看啥。随后老师离开。",
     ["老师问学生“你在看什么？”，学生回答没看啥。", "随后老师离开。"]),
]


@pytest.mark.parametrize("paragraph, expected", CASES)
def test_hard_cases(paragraph, expected):
    assert split(paragraph) == expected


def test_joining_gives_back_every_seed_line():
    for path in SEEDS.iterdir():
        for line in path.read_text(encoding="utf-8").splitlines():
            pieces = split(line)
            assert "".join(pieces) == line
            assert all(pieces)


def test_long_quote_is_split_once_it_runs_on():
    paragraph = "“" + "这是引语中的一句话。" * 30 + "”"
    assert len(split(paragraph)) > 1
