"""A Document: an article's sentences, their ranking tokens, and what each sentence is.

What a sentence is (body text, a heading, a list item, a fragment, page
furniture) and whether it opens with a reference to the one before it is
decided here, once, when the Document is built; every later stage (summaries,
headlines, theme overviews) reads :attr:`Sentence.kind` instead of asking again.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from ..text import furniture, rules, sentences, words
from ..text.droplines import dropped
from ..models import Article, Document, Sentence
from ..text.script import fold_width, to_simplified

MIN_SENTENCE_CHARS = 6
CAPTION = re.compile(r"^(?:图|圖|表)\s*\d+|^(?:图片|圖片|资料图|資料圖|来源|來源)[:：]")
# A question put to the reader ("你觉得……？"); a reporter's question that frames the story stays.
READER_QUESTION = re.compile(r"(你|您|大家|各位|读者|讀者|网友|網友)[^。！!“”「」]{0,40}[?？]\s*$")
# A piece that starts mid-clause (after a split inside a quote, say) is a fragment:
# it opens with a clause-joining mark or with a structural particle standing alone.
STARTS_MID_CLAUSE = re.compile(r"^[，,、；;：:）)」』]")
PARTICLES = {"的", "了", "地", "得"}
# A sentence that only announces what follows: "以中国为例。", "比如说:".
LEAD_IN = re.compile(r"^(?:(?:以|拿|就)[^，,。]{1,12}(?:为例|為例|来说|來說|而言)|(?:比如|例如|譬如)说?)\s*[。.:]?$")
# A sentence that ends by opening a quotation ("Wizard 写道 \"", "他说：“") introduces what
# follows. A straight quote opens only after a space, a colon or a verb of saying: after a
# stop it closes a quotation (…3年。").
INTRODUCES = re.compile(r"(?:[“「『]|(?:写道|寫道|说道|說道|问道|問道)\s*[:,，]?\s*\"?|(?:\s|:)\")\s*$")
# A speaker's greeting ("各位好，", "大家晚上好！") and perhaps who is speaking ("我是安东尼。").
GREETING = re.compile(r"^(?:(?:各位|大家|诸位|諸位|[^，,。！!\s]{0,6}(?:朋友|听众|聽眾|观众|觀眾|读者|讀者|网友|網友)们?)"
                      r"(?:早上|上午|中午|下午|晚上)?好|(?:欢迎|歡迎)(?:您|你|大家)?(?:收听|收聽|收看|观看|觀看|来到|來到)"
                      r"[^，,。！!]{0,16})[，,！!。\s]*")
SELF_INTRO = re.compile(r"^(?:我|我们|我們)(?:是|叫)[^，,。！!]{1,12}[。！!]?$")


# The last character but spaces that INTRODUCES can end on: a quick test before the search.
INTRODUCES_LAST = frozenset("“「『道:,，\"")


def opens_quote(folded: str) -> bool:
    """Does the sentence end by introducing a quotation it does not hold?"""
    return folded.rstrip()[-1:] in INTRODUCES_LAST and INTRODUCES.search(folded) is not None


def greeting_only(folded: str) -> bool:
    """A greeting that says nothing else: "各位好，我是安东尼。", "大家好！", "欢迎收听本台节目。"."""
    found = GREETING.match(folded)
    if not found:
        return False
    rest = folded[found.end():].strip()
    return not rest or SELF_INTRO.match(rest) is not None


# A sentence ends with a stop, perhaps inside closing quotes; a heading that ends
# with a quoted term ("从“去杠杆”到“推绳子”") does not.
SENTENCE_END = re.compile(r"[。！？!?；;….][”」』’\"')）]*\s*$")
LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}[.、)）]|[（(]\d{1,2}[)）]|[•·\-*]|[一二三四五六七八九十]+、)\s*")
# A section number opening a line: "01单仁牛商…", "3 政策…", "(二)…", "第三、…".
SECTION_NUMBER = re.compile(r"^\s*(?:0\d(?!\d)|\d{1,2}\s+(?=[^\d\s])|[（(][一二三四五六七八九十\d]{1,3}[)）]"
                            r"|第?[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、．])")
# A numbered heading run into the text after a word: "…分化显著二、区域市场偏好:…".
# (之一、 and 统一、 are words, and a heading names its subject before a colon.)
GLUED_HEADING = re.compile(r"[^\W\d一二三四五六七八九十第之统統唯、]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})、"
                           r"[^\W\d一二三四五六七八九十][^，,。；;:：]{0,20}[:：]")
# A sentence that leans on the one before it: it opens with a reference (这/该/此/
# 上述/其/他/她/它…, or 所以/因此) and means nothing without what it refers to. 此外 ("besides"),
# 其实 ("in fact") and 其他 ("other") are not references.
# "由于这个特点，…", "对此，…" and "另1人…" lean on it too, and so does a contrast
# opening with one ("而它对的地方…" answers "它不对的地方…"), 即 ("that is") and
# 例如 ("for example").
LEANS = re.compile(r"^[\s“「『\"]*(?:而且?|但是?|然而|不过|不過|可是)?(?:这|這|另一|另外(?:\d|[一两兩二三四五六七八九十])|另(?:\d|[一两兩二三四五六七八九十]|有\d)"
                   r"|所以|因此|因而|即(?!将|將|使|便|可|时|時|日|刻|席|兴|興)|例如|比如|譬如|也就是说|也就是說|换句话说|換句話說|那(?!么|麼)|该|該|此(?!外)|上述|其(?!实|實|他)|他|她|它"
                   r"|(?:由于|由於|因为|因為|基于|基於|鉴于|鑒於|对于|對於|根据|根據|除了|正如|作为|作為)(?:这|這|该|該|此|上述|其)"
                   r"|(?:对此|對此|为此|為此|据此|據此|就此|此举|此舉|与此同时|與此同時|除此之外|除此以外)[，,\s]?)")
# A list item cut off at its semicolon ("AI的中国力量崛起;"): short, one clause, and
# the rest of the list is not shown. A longer clause ending in a semicolon reads whole.
LIST_FRAGMENT_END = re.compile(r"[；;][”」』’\"')）]*\s*$")
LIST_FRAGMENT_CHARS = 20


# A huge article (a 19 MB file, a 5 MB line without a stop) costs what a long one does:
# only its opening RANKED_CHARS are ranked, in sentences of at most LONGEST_SENTENCE
# characters, so the similarity graph stays small. The article itself is kept whole.
RANKED_CHARS = 30_000
LONGEST_SENTENCE = 400


def document(article: Article) -> Document:
    """Split an article's opening into sentences, segment each into ranking tokens and
    say what each is (:attr:`Sentence.kind`)."""
    pieces: list[tuple[int, str]] = []
    folded: list[str] = []                 # each piece width-folded (the same length)
    left = RANKED_CHARS
    for p, paragraph in enumerate(article.paragraphs):
        if left <= 0:
            break
        for piece in _bounded(sentences.split(paragraph[:left])):
            wide = fold_width(piece)
            piece = furniture.without_label(piece, wide)
            pieces.append((p, piece))
            folded.append(wide[len(wide) - len(piece):])
        left -= len(paragraph)
    # One conversion for the whole article: pieces hold no line break, so they come back apart.
    normal = to_simplified("\n".join(folded)).split("\n")
    if len(normal) != len(pieces):         # a piece held a line break after all
        normal = [to_simplified(piece) for piece in folded]
    items = [Sentence(article.id, i, p, piece, tuple(toks))
             for i, ((p, piece), toks) in enumerate(zip(pieces, words.tokens_each(normal)))]
    title = to_simplified(fold_width(article.title))
    words_of_title = plain(title)
    echoes = frozenset(i for i, norm in enumerate(normal) if plain(norm) == words_of_title)
    draft = Document(article, tuple(items), tuple(words.tokens(title, normalised=True)),
                     tuple(normal), title, echoes)
    return dataclasses.replace(draft, sentences=_with_kinds(draft, folded))


_NOT_WORD = re.compile(r"\W+")


def words_of(normal: str) -> str:
    """Only the words of a normalised text (Simplified, width-folded): what repeat checks
    compare."""
    return _NOT_WORD.sub("", normal)


def plain(normal: str) -> str:
    """:func:`words_of`, lower-cased: what "the same words" compares."""
    return words_of(normal).lower()


def normal_lines(doc: Document) -> tuple[str, ...] | None:
    """Each sentence's normalised text (Simplified, width-folded), or None for a Document
    that does not carry it."""
    return doc.normal if doc.normal and len(doc.normal) == len(doc.sentences) else None


def _with_kinds(doc: Document, wide: list[str]) -> tuple[Sentence, ...]:
    """Each sentence with what it is, decided once for every later stage (``wide``:
    each sentence width-folded)."""
    listed = out_of_context(doc)
    wide = [w.strip() for w in wide]
    askers = {turn[0] for w in wide if (turn := SPEAKER.match(w)) and QUESTION_END.search(w)}
    out = []
    for s, folded in zip(doc.sentences, wide):
        text = s.text.strip()
        turn = SPEAKER.match(folded)          # what a speaker says, after the label
        if not text or not_article_text(folded):
            kind = "boilerplate" if text else "fragment"
        elif turn and turn[0] in askers or not stands_alone(s, folded):   # the interviewer's lines too
            kind = "fragment"
        elif s.index in listed:
            kind = listed[s.index]
        else:
            kind = "body"
        # A turn leans when its words do, or when its speaker is a reference ("他说：…").
        leans = LEANS.match(text) is not None \
            or turn is not None and LEANS.match(text[turn.end():]) is not None \
            or answers(text, out[-1].text if out else "") \
            or len(text) < SHORT_REFERRING and REFERS_INSIDE.search(text) is not None
        out.append(Sentence(s.article_id, s.index, s.paragraph, s.text, s.tokens, kind, leans))
    return tuple(out)


# An interview's turn opens with a speaker's label ("Michael Burry:"); an answer may
# open with a yes or no instead.
SPEAKER = re.compile(r"^[^,，。:：“”「」]{1,20}[:：]")
ANSWER = re.compile(rf"{SPEAKER.pattern}|^(?:是的|是啊|对|對|没错|沒錯|不是|不会|不會|当然|當然)[，,。!！]")
# A short sentence naming what it speaks of only by a reference ("AI 改变了这一点。")
# leans on the one before it too.
REFERS_INSIDE = re.compile(r"(?:这|這|此)(?:一点|一點|些|样|樣|种|種|件事)")
SHORT_REFERRING = 24
SHORT_TURN = 12            # characters a spoken turn needs to say something on its own
QUESTION_END = re.compile(r"[?？][”」』’\"')）]*\s*$")


def answers(text: str, before: str) -> bool:
    """Does ``text`` answer the question ``before`` asks (an interview's reply)?"""
    return bool(QUESTION_END.search(before)) and ANSWER.match(fold_width(text)) is not None


def _bounded(pieces: list[str]) -> list[str]:
    """Pieces longer than LONGEST_SENTENCE cut after their last comma or space that
    fits (or at the limit); nothing is dropped."""
    out = []
    for piece in pieces:
        while len(piece) > LONGEST_SENTENCE:
            head = piece[:LONGEST_SENTENCE]
            cut = max(head.rfind(mark) for mark in "，,、 ") + 1 or LONGEST_SENTENCE
            out.append(piece[:cut])
            piece = piece[cut:]
        out.append(piece)
    return out


def eligible(sentence: Sentence) -> bool:
    """Can this sentence stand in a summary? Not a fragment, caption, question or boilerplate."""
    folded = fold_width(sentence.text.strip())
    return not not_article_text(folded) and stands_alone(sentence, folded)


def not_article_text(folded: str) -> bool:
    """Page furniture, boilerplate, a host's greeting or a submitter's "X 写道 \"": no
    sentence of the article (``folded``: the stripped text width-folded)."""
    return boilerplate(folded) or furniture.furniture(folded) or greeting_only(folded) or opens_quote(folded)


def stands_alone(sentence: Sentence, folded: str | None = None) -> bool:
    """Not a fragment, caption or question to the reader (boilerplate is checked apart);
    ``folded`` is the stripped text width-folded, when the caller has it."""
    text = sentence.text.strip()
    folded = fold_width(text) if folded is None else folded
    if len(text) < MIN_SENTENCE_CHARS or len(sentence.tokens) < 2:
        return False
    if CAPTION.search(folded) or READER_QUESTION.search(folded):
        return False
    turn = SPEAKER.match(folded)
    if turn and (QUESTION_END.search(folded) or len(folded) - turn.end() < SHORT_TURN):
        return False            # an interviewer's question, or a reply too short to stand alone
    if STARTS_MID_CLAUSE.match(text) or sentence.index > 0 and (
            text[0] in PARTICLES and words.segmenter().cut(text[:8])[0] in PARTICLES):
        return False
    # A sentence that ends by introducing what follows ("他说出了那句名言:") is a fragment,
    # and so is one list item ending in a semicolon, a section number or a heading run in.
    if folded.endswith(":") or LEAD_IN.match(folded) or list_fragment(folded):
        return False
    if SECTION_NUMBER.match(folded) or LIST_MARKER.match(folded) or (
            "、" in folded and GLUED_HEADING.search(folded)):     # (its 、 found quicker alone)
        return False
    # A heading-like piece without any sentence end is a fragment.
    return bool(SENTENCE_END.search(folded)) or len(text) > 40


CLOSED = re.compile(r"[。！？!?]$")
COMMA = re.compile(r"[,，]")
LIST_ITEM_MAX_CHARS = 60
HEADING_MAX_CHARS = 40


def out_of_context(doc: Document) -> dict[int, str]:
    """Sentences that say nothing on their own: the items of a list a colon opens
    ("打破了三个叙事:" then one short item per line) and numbered section headings
    ("2. AI大量资本投入是否值得?") or questions standing as headings. A summary
    leaves them out."""
    paragraphs = [p.strip() for p in doc.article.paragraphs]
    items: set[int] = set()
    headings: set[int] = set()
    for p, text in enumerate(paragraphs):
        before = fold_width(paragraphs[p - 1]) if p > 0 else ""
        # A colon opens a list; an item ending in a full stop closes it.
        opened = before.endswith(":") or p - 1 in items and not CLOSED.search(before)
        if opened and len(text) <= LIST_ITEM_MAX_CHARS:
            items.add(p)
        elif len(text) <= HEADING_MAX_CHARS and (
                LIST_MARKER.match(text) or p > 0 and fold_width(text).endswith("?")):
            headings.add(p)  # "2. 资本投入是否值得?", "AI技术大爆炸,机会点有哪些?"
    return {s.index: "list item" if s.paragraph in items else "heading"
            for s in doc.sentences if s.paragraph in items or s.paragraph in headings}


def list_fragment(folded: str) -> bool:
    """One short item of a list, ending on its semicolon (width-folded text)."""
    return bool(LIST_FRAGMENT_END.search(folded)) and len(folded.strip()) <= LIST_FRAGMENT_CHARS \
        and not COMMA.search(folded)


def leans(sentence: Sentence) -> bool:
    """Does the sentence open with a reference to what came before (not the first one)?"""
    return sentence.index > 0 and LEANS.match(sentence.text) is not None


def boilerplate(folded: str) -> bool:
    """Page furniture a summary must never show (checked on width-folded text)."""
    return dropped(folded) or _end_markers().match(folded) is not None


@functools.cache
def _end_markers() -> re.Pattern:
    """The end markers as one pattern matched at the start: one regex call a sentence
    instead of one a rule (each rule keeps its own case sensitivity)."""
    return rules.joined(rules.END_MARKERS)
