"""Property-based tests: any input never crashes the splitter, readers or cleaner,
and none of them loses text that is not boilerplate."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.text.clean import clean
from digest.models import RawText
from digest.sources.readers import Unusable, decode
from digest.text.sentences import split

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Characters that cannot spell boilerplate (no 来源, 作者, 关注, 版权, 编辑 …).
NEUTRAL = "天地山水风云日月花草木金石东南西北春夏秋冬红黄蓝白大小高低长短市场经济增长企业投资模型"
sentence = st.text(alphabet=NEUTRAL + "，、０１２３４５６７８９.%", min_size=8, max_size=40).map(
    lambda s: s.strip("，、.") + "。").filter(lambda s: len(s) > 6)
paragraph = st.lists(sentence, min_size=1, max_size=4).map("".join)


@SETTINGS
@given(st.text())
def test_splitting_any_text_gives_it_back_whole(text: str):
    assert "".join(split(text)) == text


@SETTINGS
@given(st.lists(st.sampled_from(["。", "……", "”", "“", "！", "?", "3.5%", "1.2万亿", "600519.SH",
                                 "他说", "Apple Inc. rose 3%. ", "；", "（注）", " ", "\n"]), max_size=40))
def test_splitting_hard_punctuation_gives_it_back_whole(pieces: list[str]):
    text = "".join(pieces)
    parts = split(text)
    assert "".join(parts) == text and all(parts)


@SETTINGS
@given(st.binary(max_size=3000))
def test_decoding_any_bytes_gives_text_or_a_reason(data: bytes):
    try:
        text = decode(data)
    except Unusable as exc:
        assert exc.reason
    else:
        assert isinstance(text, str)


@SETTINGS
@given(st.text(max_size=3000), st.sampled_from(["txt", "md", "html", "feed"]))
def test_cleaning_any_text_never_crashes(text: str, fmt: str):
    for article in clean(RawText("x.txt", text, fmt)):
        assert article.title and all(p.strip() for p in article.paragraphs)


@SETTINGS
@given(st.text(alphabet=NEUTRAL, min_size=6, max_size=20), st.lists(paragraph, min_size=2, max_size=6))
def test_cleaning_keeps_every_paragraph_of_a_plain_article(title: str, paragraphs: list[str]):
    text = title + "\n\n" + "\n\n".join(paragraphs)
    articles = clean(RawText("x.txt", text, "txt"))
    body = "".join(p for a in articles for p in a.paragraphs)
    for para in paragraphs:
        assert para in body
