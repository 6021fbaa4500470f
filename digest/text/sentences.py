"""A Chinese (and mixed English) sentence splitter that never drops text.

``split(paragraph)`` returns pieces whose concatenation is the paragraph. A
sentence ends at 。！？!?；; or an ellipsis, takes its closing quotes and
brackets with it, and goes on through a speech tag (“……。”他说。). A full stop
ends an English sentence only before a space and a capital or CJK text, so
3.5%, 1.2万亿 and 600519.SH stay whole.
"""

from __future__ import annotations

import re

from .script import is_cjk

ENDERS = set("。！？!?；;…")
CLOSERS = set("”’」』）)】》〉\"'")
CONTINUERS = set("，,、：:")
OPENERS = {"“": "”", "「": "」", "『": "』"}
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "co", "corp", "vs", "etc",
                 "no", "st", "jr", "sr", "u.s", "u.k", "e.g", "i.e", "fig", "jan", "feb",
                 "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
SPEECH_TAG = re.compile(
    r"[^。！？!?；;\n“”「」]{0,8}?(说|說|表示|称|稱|指出|认为|認為|写道|寫道|强调|強調|坦言|透露|"
    r"补充|補充|问道|問道|回应|回應|笑称|笑稱)[，,：:。]")
_MARKS = re.compile("[" + re.escape("".join(sorted(ENDERS | {"."} | set(OPENERS) | set(OPENERS.values())))) + "]")
QUOTE_LIMIT = 150  # inside quotes, sentences split only once the quote runs longer than this


def split(paragraph: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    i = 0
    n = len(paragraph)
    open_quotes: list[tuple[str, int]] = []
    while i < n:
        # Only enders and quotation marks matter: jump to the next one.
        found = _MARKS.search(paragraph, i)
        if found is None:
            break
        i = found.start()
        ch = paragraph[i]
        if ch in OPENERS:
            open_quotes.append((OPENERS[ch], i))
        elif open_quotes and ch == open_quotes[-1][0]:
            open_quotes.pop()
        if not (ch in ENDERS or (ch == "." and _ends_english(paragraph, i))) or _inside_name(paragraph, i):
            i += 1
            continue
        in_quote = bool(open_quotes) and i - open_quotes[0][1] < QUOTE_LIMIT
        j = i + 1
        while j < n and (paragraph[j] in ENDERS or paragraph[j] in CLOSERS or paragraph[j] == "."):
            if open_quotes and paragraph[j] == open_quotes[-1][0]:
                open_quotes.pop()
            j += 1
        if in_quote and open_quotes:
            i = j
            continue
        if paragraph[j - 1] in CLOSERS and SPEECH_TAG.match(paragraph, j):
            i = j
            continue
        if j < n and paragraph[j] in CONTINUERS:
            i = j  # “……？”，学生回答: a comma after the quote goes on with the sentence
            continue
        while j < n and paragraph[j].isspace():
            j += 1
        pieces.append(paragraph[start:j])
        open_quotes.clear()
        start = i = j
    if start < n:
        pieces.append(paragraph[start:])
    return pieces


NAME_ABBREVIATIONS = {"inc", "ltd", "co", "corp", "llc", "plc", "ag", "sa", "nv", "bv", "gmbh"}


def _inside_name(text: str, i: int) -> bool:
    """Is the 。 or ． at ``i`` a full stop written inside a name or a number
    ("Alphabet Inc。旗下", "1。5亿"), with the sentence going on after it?"""
    if text[i] not in "。．" or i + 1 >= len(text):
        return False
    before, after = text[max(0, i - 6):i], text[i + 1]
    if before[-1:].isdigit() and after.isdigit():
        return True
    word = re.search(r"([A-Za-z]+)$", before)
    return bool(word) and word.group(1).lower() in NAME_ABBREVIATIONS and not after.isspace() \
        and after not in CLOSERS and after not in ENDERS


def _ends_english(text: str, i: int) -> bool:
    """Is the '.' at ``i`` the end of a sentence (not a decimal, ticker or abbreviation)?"""
    after = text[i + 1: i + 3]
    if after and not after[0].isspace() and not is_cjk(after[0]):
        return False
    if after[:1].isspace() and len(after) > 1 and after[1].islower():
        return False
    before = re.search(r"([A-Za-z.]+)$", text[max(0, i - 6): i])
    if before and before.group(1).lower() in ABBREVIATIONS:
        return False
    if before and len(before.group(1)) == 1 and before.group(1).isupper():
        return False  # an initial, as in "J. Powell"
    head = text[:i].strip()
    return not head.isdigit()  # "1. " opening a list item is a number, not a sentence
