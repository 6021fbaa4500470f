"""Ingestion: find the source files and feeds, read and clean what is new.

Every file found ends up as a :class:`FileOutcome` (included, skipped or failed,
with the reason); a file whose bytes the state has already seen is passed
over without being read again.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from .clean import clean
from .config import Config
from .models import Article, FileOutcome
from .readers import READERS, Unusable, display_name, read_feed, read_local
from .state import State

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]


def discover(config: Config, problems: list[tuple[str, str]] | None = None) -> Iterator[Path]:
    """Every non-hidden file below the configured folders, in a stable order.

    A folder that cannot be listed is added to ``problems`` as (folder, reason)."""
    for folder in config.sources.folders:
        if not folder.is_dir():
            log.warning("source folder %s does not exist", folder)
            continue

        def unreadable(exc: OSError) -> None:
            if problems is not None:
                problems.append((display_name(exc.filename or folder),
                                 f"cannot read folder: {exc.strerror or exc}"))

        for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield Path(root) / name


def ingest(config: Config, state: State, progress: Progress | None = None) -> list[FileOutcome]:
    """Read and clean every new or changed source; returns what became of each."""
    seen = _Seen(state)
    outcomes: list[FileOutcome] = []
    folders: list[tuple[str, str]] = []
    paths = list(discover(config, folders))
    for name, reason in folders:
        outcome = _unchanged_or(state, name, "folder:" + reason, "failed", reason, 0)
        if outcome is not None:
            outcomes.append(outcome)
    sources: list[str | Path] = [*paths, *config.sources.feeds]
    for number, source in enumerate(sources, start=1):
        outcome = _one(config, state, source)
        if outcome is not None:
            outcomes.append(_dedupe(outcome, seen))
        if progress:
            progress("reading", number, len(sources))
    return outcomes


def _source_folder(config: Config, path: Path) -> Path | None:
    """The configured source folder ``path`` was found in (None for a named feed file)."""
    return next((f for f in config.sources.folders if path.is_relative_to(f)), None)


def _one(config: Config, state: State, source: str | Path) -> FileOutcome | None:
    is_url = isinstance(source, str) and source.startswith(("http://", "https://"))
    name = str(source)
    path = None
    size = 0
    try:
        if is_url:
            from .feeds import fetch

            data = fetch(name)
        else:
            path = Path(source) if isinstance(source, Path) else config.root / source
            name = display_name(path)
            limit = int(config.sources.max_file_mb * 1024 * 1024)
            # A file found in a folder may link only within it; a feed file named in
            # sources.feeds is the user's own choice.
            within = _source_folder(config, path) if isinstance(source, Path) else None
            data = read_local(path, limit, within)
    except Unusable as exc:
        return _unchanged_or(state, name, "unusable:" + exc.reason, exc.status, exc.reason, size)
    except OSError as exc:
        return _unchanged_or(state, name, "error:" + (exc.strerror or "?"), "failed",
                             f"cannot read: {exc.strerror or exc}", size)
    sha = hashlib.sha256(data).hexdigest()
    if state.file_sha(name) == sha:
        return None
    try:
        reader = read_feed if (is_url or isinstance(source, str)) else READERS.get(Path(name).suffix.lower())
        if reader is None:
            raise Unusable("skipped", f"unsupported file type '{Path(name).suffix or '(none)'}'; "
                                      f"readable: {', '.join(sorted(READERS))}")
        mtime = None if path is None else path.stat().st_mtime
        raws = reader(Path(name), data, mtime)
        articles = [a for raw in raws for a in clean(raw)]
    except Unusable as exc:
        return FileOutcome(name, sha, exc.status, exc.reason, size=len(data))
    except Exception as exc:  # a reader bug must not stop the other files
        log.exception("reading %s failed", name)
        return FileOutcome(name, sha, "failed", f"could not be read: {type(exc).__name__}: {exc}",
                           size=len(data))
    if not articles:
        return FileOutcome(name, sha, "skipped", "no article text after cleaning", size=len(data))
    return FileOutcome(name, sha, "included", f"{len(articles)} article(s)", tuple(articles),
                       size=len(data))


def _unchanged_or(state: State, name: str, marker: str, status: str, reason: str,
                  size: int) -> FileOutcome | None:
    """A file we cannot hash: record it, unless the same problem is already recorded."""
    sha = hashlib.sha256(marker.encode()).hexdigest()
    if state.file_sha(name) == sha:
        return None
    return FileOutcome(name, sha, status, reason, size=size)


class _Seen:
    """Articles met so far: recorded in the state, or earlier in this run."""

    def __init__(self, state: State):
        self.state = state
        self.ids = state.article_ids()
        self.titles: dict[str, str] = {}
        self.run_bands: dict[str, list[str]] = {}
        self.run_sigs: dict[str, bytes] = {}

    def duplicate_of(self, article: Article, sig: bytes) -> str | None:
        """The title of an article this one repeats, or None."""
        from .dedupe import SAME_ARTICLE, bands, from_blob, similarity

        if article.id in self.ids:
            return self._title(article.id)
        keys = bands(from_blob(sig))
        candidates = self.state.near(keys)
        for key in keys:
            for other in self.run_bands.get(key, ()):
                candidates[other] = self.run_sigs[other]
        mine = from_blob(sig)
        for other, other_sig in candidates.items():
            if similarity(mine, from_blob(other_sig)) >= SAME_ARTICLE:
                return self._title(other)
        return None

    def add(self, article: Article, sig: bytes) -> None:
        from .dedupe import bands, from_blob

        self.ids.add(article.id)
        self.titles[article.id] = article.title
        self.run_sigs[article.id] = sig
        for key in bands(from_blob(sig)):
            self.run_bands.setdefault(key, []).append(article.id)

    def _title(self, article_id: str) -> str:
        if article_id in self.titles:
            return self.titles[article_id]
        where = self.state.article_source(article_id)
        return where[1] if where else article_id


def _dedupe(outcome: FileOutcome, seen: _Seen) -> FileOutcome:
    """Keep the articles not met before (in any file, either script, any boilerplate)."""
    if not outcome.articles:
        return outcome
    from .dedupe import signature, to_blob

    fresh: list[Article] = []
    sigs: list[bytes] = []
    notes: list[str] = []
    for article in outcome.articles:
        sig = to_blob(signature(article.body))
        original = seen.duplicate_of(article, sig)
        if original is not None:
            notes.append(f"duplicate of '{original}'")
            continue
        seen.add(article, sig)
        fresh.append(article)
        sigs.append(sig)
    if not fresh:
        return FileOutcome(outcome.source, outcome.sha256, "skipped", "; ".join(notes),
                           size=outcome.size)
    reason = "; ".join([f"{len(fresh)} article(s)", *notes])
    return FileOutcome(outcome.source, outcome.sha256, "included", reason, tuple(fresh),
                       outcome.size, tuple(sigs))
