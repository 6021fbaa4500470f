"""The typed, frozen records that flow between the stages of a build.

The records held once per article or sentence (thousands of them in a big build)
use slots: no per-object dictionary.

RawText (read) -> Article (cleaned) -> Document (split, segmented)
-> Summary -> Item/Theme -> Digest -> Rendered (files to write).
A sentence is identified by (article id, index), never by its text.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from operator import attrgetter


@dataclass(frozen=True)
class RawText:
    """One piece of text a reader produced: a file, or one feed entry."""

    source: str                 # file path or feed URL
    text: str                   # decoded text, paragraphs separated by blank lines
    fmt: str                    # "txt", "md", "html" or "feed"
    title: str | None = None    # a title the format itself gave (HTML <title>, feed entry)
    link: str | None = None
    published: date | None = None   # a datetime when the time is known
    author: str | None = None
    mtime: float | None = None  # file modification time, a fallback date
    publisher: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: its own words and the metadata found around them."""

    id: str                     # stable, from the Simplified-normalised body
    source: str
    ordinal: int                # position within its source (several articles per file)
    title: str
    paragraphs: tuple[str, ...]
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date or date-time as given
    link: str | None = None
    script: str = "hans"         # script of the original text: "hans" or "hant"
    title_from: str = "text"     # where the title came from: text, format, filename, lead
    date_from: str = "text"      # where the date came from: text, format, file-time, none
    # An outline's length in characters (its paragraphs let go); None for a whole article.
    length: int | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def chars(self) -> int:
        return self.length if self.length is not None else sum(len(p) for p in self.paragraphs)

    @property
    def outlined(self) -> bool:
        return self.length is not None

    def outline(self) -> "Article":
        """The article without its paragraphs, keeping their length: what the steps after
        the summaries need of it (its metadata, its length), without the week's text."""
        return self if self.outlined else replace(self, paragraphs=(), length=self.chars)


@dataclass(frozen=True, slots=True)
class Sentence:
    article_id: str
    index: int                  # position in the article, counting from 0
    paragraph: int
    text: str                   # exactly as in the article (with its spacing)
    tokens: tuple[str, ...]     # ranking tokens, from the Simplified-normalised text
    # What the sentence is, decided when its Document is built: "body" (may stand in a
    # summary), "heading", "list item", "fragment" (a caption, a lead-in, a piece of a
    # clause) or "boilerplate".
    kind: str = "body"
    refers: bool = False        # opens with a reference (这/该/此/其…) to something before it

    @property
    def leans(self) -> bool:
        """Does it lean on the sentence before it (a reference, not at the start)?"""
        return self.refers and self.index > 0

    @property
    def key(self) -> tuple[str, int]:
        return (self.article_id, self.index)


@dataclass(frozen=True, slots=True)
class Document:
    article: Article
    sentences: tuple[Sentence, ...]
    title_tokens: tuple[str, ...]
    normal: tuple[str, ...] = ()  # each sentence's text, Simplified and width-folded
    title_normal: str = ""      # the title, Simplified and width-folded
    # Sentences that repeat the title word for word (a title is not shown twice); None
    # when not worked out.
    title_echoes: frozenset[int] | None = None
    # The rare words (names, mostly) of the headline and the lead, for same-story checks
    # (a set, or a tuple of distinct words: a build keeps each document's as a tuple,
    # a tenth of a set's memory); None when not worked out.
    lead_words: frozenset[str] | tuple[str, ...] | None = None

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(t for s in self.sentences for t in s.tokens)


@dataclass(frozen=True, slots=True)
class Summary:
    article_id: str
    sentences: tuple[Sentence, ...]   # in document order
    keywords: tuple[str, ...]
    scores: tuple[float, ...] = ()    # one per chosen sentence, same order
    ratings: tuple[float, ...] = ()   # one per sentence of the document, by index
    # The document's sentence-by-sentence similarity (a numpy matrix), kept so that picking
    # again (no sentence twice in a digest) needs neither rating again nor the tokens.
    similarity: object = field(default=None, compare=False, repr=False)

    @property
    def text(self) -> str:
        return "".join(s.text.strip() for s in self.sentences)

    @property
    def first(self) -> str:
        """The summary's first sentence: the one line of a top story or a closing item."""
        return self.sentences[0].text.strip() if self.sentences else ""


@dataclass(frozen=True, slots=True)
class KeyFacts:
    """English facts taken from an article: names, figures and terms."""

    names: tuple[str, ...] = ()
    figures: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()

    @property
    def line(self) -> str:
        parts = [", ".join(self.names), "; ".join(self.figures), ", ".join(self.terms)]
        return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class English:
    """A machine translation of an article's title and summary, and who made it."""

    title: str
    summary: str
    engine: str


@dataclass(frozen=True, slots=True)
class Item:
    """One article as the digest shows it."""

    article: Article
    summary: Summary
    facts: KeyFacts
    reading_minutes: int
    related: tuple[str, ...] = ()      # ids of articles on the same story
    english: English | None = None     # when a translator is configured and worked
    # A story is shown once, at its best report: the others are not shown (shown=False)
    # but listed under it as (publisher, link) in ``reports``.
    shown: bool = True
    reports: tuple[tuple[str, str], ...] = ()
    old: bool = False                  # published long before the digest's period


@dataclass(frozen=True)
class Theme:
    key: str
    name_zh: str
    name_en: str
    items: tuple[Item, ...]
    overview: str = ""
    weight: float = 0.0
    overview_en: str = ""       # machine translation of the overview, when a translator worked
    kind: str = "configured"    # "configured" ([[themes]]), "cluster" (grouped by content) or "other"

    @property
    def shown(self) -> tuple[Item, ...]:
        """The items the digest shows: one per story."""
        return tuple(i for i in self.items if i.shown)


@dataclass(frozen=True)
class Window:
    """What one digest covers: its period label (the outbox folder), dates and title."""
    period: str                  # "2026-W47" for the weekly digest, "daily-2026-11-21" for a brief
    start: date
    end: date
    title_zh: str
    title_en: str


@dataclass(frozen=True)
class Digest:
    period: str                  # ISO week, e.g. "2026-W47", or a brief's "daily-2026-11-21"
    start: date
    end: date
    built_at: datetime
    title_zh: str
    title_en: str
    themes: tuple[Theme, ...]
    source_count: int
    top: tuple[str, ...] = ()    # the article ids of the top stories, in order
    left_out: tuple[str, ...] = ()   # articles outside the focus, left out (digest.focus = "strict")

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for t in self.themes for i in t.items)

    @property
    def top_items(self) -> tuple[Item, ...]:
        by_id = {i.article.id: i for i in self.items}
        return tuple(by_id[a] for a in self.top if a in by_id)


@dataclass(frozen=True)
class Rendered:
    """The files of one digest, ready for the outbox writer."""

    period: str
    files: tuple[tuple[str, bytes], ...] = field(default=())


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What became of one input file: included, skipped or failed, and why. Kept for
    every file a build reads until the state records them: slots, no dictionary each."""

    source: str
    sha256: str
    status: str                  # "included", "skipped" or "failed"
    reason: str = ""
    articles: tuple[Article, ...] = ()
    size: int = 0
    signatures: tuple[bytes, ...] = ()   # MinHash of each article, same order
    bands: tuple[tuple[int, ...], ...] = ()  # each signature's band keys (until deduplicated)
    etag: str | None = None              # a fetched source's validators, for a conditional GET
    last_modified: str | None = None
    stat: tuple[int, int] | None = None  # a local file's (size, mtime_ns) when its bytes were read



def _as_fields(self) -> tuple:
    """Pickled as the class and its fields in order. A frozen dataclass with slots is
    otherwise pickled through its own state hooks, which ask dataclasses.fields() for
    every object: for the hundreds of thousands of sentences that cross between processes
    in a large build, that cost more than the data (three times slower to write). The
    fields are read by one attrgetter a class (a tuple of them made in C)."""
    cls = type(self)
    read = _FIELDS.get(cls)
    return (cls, read(self) if read else tuple(getattr(self, name) for name in self.__slots__))


_FIELDS = {}
for _slotted in (Article, Sentence, Document, Summary, KeyFacts, Item, FileOutcome):
    _slotted.__reduce__ = _as_fields
    if len(_slotted.__slots__) > 1:      # (attrgetter of one name gives the value, not a tuple)
        _FIELDS[_slotted] = attrgetter(*_slotted.__slots__)
