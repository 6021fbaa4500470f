"""Does a drop-line rule (``rules.DROP_LINES``) match a line: :func:`dropped`.

The rules' branches that open with ``^`` are tried at the line's start only, the others
searched for (:func:`alternation.anchored_apart`). Searching for those others tries each of
them at every character of the line, most of its cost; each of them holds one of a few
words, though (:data:`NEEDED`), and one scan for those leaves most lines alone.
"""

from __future__ import annotations

import functools
import hashlib
import re

from . import rules
from .alternation import anchored_apart

# Every unanchored branch of DROP_LINES holds one of these words, written as in the branch:
#   follow prompt:      …(二维码|二維碼|关注|關注), (点击|…).{0,6}(关注|關注), 关注(我们|…),
#                       点个?\W?在看, 點個?\W?在看, 分享.{0,4}朋友圈
#   reprint notice:     (刊用|…)本(…)?稿件…, 本(网站|網站|站)所刊[载載]信息.{0,20}不代表
#   site registration:  ICP…, 公网安备|公網安備, …(举报|舉報), (举报|舉報)(电话|…), (总机|總機)…
#   site credit:        由…(驱动|驅動), (框架|主题|主題|theme)…  (and LATIN_NEEDED)
# These branches ignore case, but Chinese characters have none.
NEEDED = re.compile("关注|關注|二维码|二維碼|在看|朋友圈|稿件|不代表|ICP|公网安备|公網安備|举报|舉報"
                    "|总机|總機|驱动|驅動|框架|主题|主題")
# site credit's branches that ignore case: (?i:powered…) and (?i:…theme…). No character
# but P and T lowers to p and t (nor to o, w, e, r, d, h, m), so a line that holds
# either in any case holds it lower-cased.
LATIN_NEEDED = ("powered", "theme")
# The unanchored branches the words above were read off (a digest of their pattern): when
# the rules change, the words are not trusted until read again (tests/test_droplines.py).
READ_OFF = "f5581c965fcc7e1e"


def dropped(folded: str) -> bool:
    """Does a drop-line rule match anywhere in the width-folded line?"""
    at_start, anywhere, screened = _drop_lines()
    if at_start.match(folded) is not None:
        return True
    if screened and NEEDED.search(folded) is None:
        lower = folded.lower()
        if not any(word in lower for word in LATIN_NEEDED):
            return False                   # no unanchored branch can match
    return anywhere.search(folded) is not None


def fingerprint(pattern: re.Pattern) -> str:
    return hashlib.sha256(pattern.pattern.encode()).hexdigest()[:16]


@functools.cache
def _drop_lines() -> tuple[re.Pattern, re.Pattern, bool]:
    """The anchored branches, the others, and whether :data:`NEEDED` was read off them."""
    at_start, anywhere = anchored_apart(rules.DROP_LINES)
    return at_start, anywhere, fingerprint(anywhere) == READ_OFF
