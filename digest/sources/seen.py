"""The duplicate check of a build: articles met before, in the state or earlier in this run.

An article repeats another when its id is known (the same words, in either
script) or its MinHash signature is close to one in the state's bands or met
earlier in the run (the same text with other boilerplate or spacing).
"""

from __future__ import annotations

import dataclasses

from ..models import Article, FileOutcome
from ..store.state import State


class Seen:
    """Articles met so far: recorded in the state, or earlier in this run."""

    def __init__(self, state: State):
        self.state = state
        self.ids = state.article_ids()
        self.recorded = bool(self.ids)       # no article recorded: no band to look up
        self.titles: dict[str, str] = {}
        # band key -> the id of the run's article with it, or a list of them when several
        # have it (most keys are one article's: no list for each)
        self.run_bands: dict[int, str | list[str]] = {}
        self.run_sigs: dict[str, bytes] = {}

    def duplicate_of(self, article: Article, sig: bytes, keys: tuple[int, ...]) -> str | None:
        """The title of an article this one repeats, or None (``keys``: ``sig``'s band keys)."""
        from ..text.dedupe import SAME_ARTICLE, from_blob, similarity

        if article.id in self.ids:
            return self._title(article.id)
        candidates = self.state.near(keys) if self.recorded else {}
        for key in keys:
            others = self.run_bands.get(key, ())
            for other in (others,) if isinstance(others, str) else others:
                candidates[other] = self.run_sigs[other]
        mine = from_blob(sig)
        for other, other_sig in candidates.items():
            if similarity(mine, from_blob(other_sig)) >= SAME_ARTICLE:
                return self._title(other)
        return None

    def add(self, article: Article, sig: bytes, keys: tuple[int, ...]) -> None:
        self.ids.add(article.id)
        self.titles[article.id] = article.title
        self.run_sigs[article.id] = sig
        bands = self.run_bands
        for key in keys:
            others = bands.get(key)
            if others is None:
                bands[key] = article.id
            elif isinstance(others, str):
                bands[key] = [others, article.id]
            else:
                others.append(article.id)

    def _title(self, article_id: str) -> str:
        if article_id in self.titles:
            return self.titles[article_id]
        where = self.state.article_source(article_id)
        return where[1] if where else article_id


def dedupe(outcome: FileOutcome, seen: Seen) -> FileOutcome:
    """Keep the articles not met before (in any file, either script, any boilerplate)."""
    if not outcome.articles:
        return outcome
    from ..text.script import words_only

    fresh: list[Article] = []
    sigs: list[bytes] = []
    notes: list[str] = []
    # the signatures and band keys come from a worker; else they are made here, a file's at once
    known, keys = (outcome.signatures, outcome.bands) if outcome.bands else signed(outcome.articles, outcome.signatures)
    words_only.cache_clear()
    for article, sig, mine in zip(outcome.articles, known, keys):
        original = seen.duplicate_of(article, sig, mine)
        if original is not None:
            notes.append(f"duplicate of '{original}'")
            continue
        seen.add(article, sig, mine)
        fresh.append(article)
        sigs.append(sig)
    later = outcome.reason.split("; ")[1:]    # what the reader added after "N article(s)"
    if not fresh:
        return dataclasses.replace(outcome, status="skipped", reason="; ".join([*notes, *later]),
                                   articles=(), signatures=(), bands=())
    reason = "; ".join([f"{len(fresh)} article(s)", *notes, *later])
    return dataclasses.replace(outcome, reason=reason, articles=tuple(fresh), signatures=tuple(sigs),
                               bands=())


def signed(articles, signatures: tuple[bytes, ...] = ()) -> tuple[tuple[bytes, ...], tuple[tuple[int, ...], ...]]:
    """Each article's MinHash signature as stored (``signatures`` when already made) and its
    band keys for the duplicate check, worked out for a whole file at once."""
    from ..text.dedupe import article_signature, band_matrix, to_blob

    sigs = signatures or tuple(to_blob(article_signature(a.paragraphs)) for a in articles)
    return sigs, tuple(map(tuple, band_matrix(list(sigs)).tolist()))
