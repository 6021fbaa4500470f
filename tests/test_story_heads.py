"""The story links' headline checks, with each headline's figures, Latin words and names
found once (stories._Head), and the lead check told how many names a pair is known to share,
decide every pair of real headlines as the checks did when they looked at every word of both
headlines and leads again for each pair."""

from __future__ import annotations

import re
from itertools import product

from digest.editorial import stories
from digest.editorial.document import document
from digest.models import Article

from .conftest import SEEDS

MADE_UP = ["LongCat-Flash-Omni发布，美团大模型再进一步", "LongCat-Flash-Thinking发布，美团大模型再进一步",
           "腾讯第三季度营收增长8%", "阿里第三季度营收增长10%", "腾讯第三季度营收增长8%，游戏收入创新高",
           "英伟达H200芯片对华出口有望放行", "黄仁勋会见特朗普，H200芯片出口有望放行",
           "OpenAI发布GPT-5", "openai发布gpt-5.1", "DeepSeek-V3开源，1.2万亿参数", "25日A股三大指数集体收涨",
           "宁德时代与比亚迪电池价格战升级", "宁德时代与蔚来合作换电", "3.5%的降息幅度超出预期"]


# The checks as they were: every word of both headlines looked at again for each pair.
def _names(words):
    return stories._names(words)


def own_latin(head_a, head_b):
    return any(stories._LATIN_WORD.fullmatch(w) for w in head_a - head_b) \
        and any(stories._LATIN_WORD.fullmatch(w) for w in head_b - head_a)


def same_names(a, b, head_a, head_b):
    shared = len(set(a).intersection(b))
    if shared < stories.SHARED_NAMES or shared < stories.NAMES_SHARE * min(len(a), len(b)):
        return False
    numbers_a = {w for w in head_a - head_b if stories._NUMBER.fullmatch(w)}
    numbers_b = {w for w in head_b - head_a if stories._NUMBER.fullmatch(w)}
    return not (numbers_a and numbers_b) and not own_latin(head_a, head_b)


def headlines_differ(a, b):
    only_a, only_b = a - b, b - a
    numbers_a = {w for w in only_a if stories._NUMBER.fullmatch(w)}
    numbers_b = {w for w in only_b if stories._NUMBER.fullmatch(w)}
    return bool(numbers_a and numbers_b) or _names(only_a) and _names(only_b)


def headline_link(a, b, own_a, count):
    shared = a & b
    union = len(a) + len(b) - len(shared)
    if count >= stories.SAME_HEADLINE * union and len(shared) >= 2 \
            and len(shared) / union >= stories.SAME_HEADLINE \
            or count >= stories.OWN_SHARED and len(shared) >= stories.OWN_SHARED \
            and not own_a.isdisjoint(shared):
        return not headlines_differ(a, b)
    return False


def _documents():
    sentences = [s.strip() for p in sorted(SEEDS.iterdir())
                 for s in re.split(r"(?<=[。！？])", p.read_text(encoding="utf-8")) if 8 <= len(s.strip()) <= 60]
    titles = MADE_UP + sentences[:70]
    return [document(Article(f"a{n}", f"a{n}.txt", 0, title, (title,))) for n, title in enumerate(titles)]


def test_headline_checks_decide_every_pair_as_before():
    docs = _documents()
    words = [stories._headline_words(doc) for doc in docs]
    leads = [stories.lead_words(doc) for doc in docs]
    stories._mark({w for ws in words for w in ws})
    heads = [stories._Head(ws) for ws in words]
    assert any(h.latin for h in heads) and any(h.numbers for h in heads) and any(h.names for h in heads)
    for head, ws in zip(heads, words):
        assert head.numbers == {w for w in ws if stories._NUMBER.fullmatch(w)}
        assert head.names == {w for w in ws if _names((w,))}
    decided = set()
    for (a, wa, la), (b, wb, lb) in product(zip(heads, words, leads), repeat=2):
        assert stories._own_latin(a, b) == own_latin(wa, wb)
        assert stories._headlines_differ(a, b) == headlines_differ(wa, wb)
        shared = len(set(la) & set(lb))       # a pair's count of shared lead words is at most this
        for least in {0, shared // 2, max(0, shared - 1), shared}:
            assert stories._same_names(la, lb, a, b, least) == same_names(la, lb, wa, wb)
        own = frozenset(w for w in wa if _names((w,)))
        for count in (1, 2, 3, 5):
            link = stories._headline_link(a, b, own, count)
            assert link == headline_link(wa, wb, own, count)
            decided.add(link)
    assert decided == {True, False}

