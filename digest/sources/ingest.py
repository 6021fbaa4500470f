"""Ingestion: find the source files and feeds, read and clean what is new.

Every file found ends up as a :class:`FileOutcome` (included, skipped or failed,
with the reason); a file whose bytes the state has already seen is passed
over without being read again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import stat as stat_module
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..text.clean import clean
from ..config import Config
from ..models import FileOutcome
from ..errors import SourceError
from .feeds import parse_feed
from .readers import READERS, Unusable, display_name, read_feed, read_local
from .seen import Seen, dedupe, signed
from ..store.state import State

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
Heard = Callable[[str, object], None]      # (feed address, its Fetched or SourceError)


def discover(config: Config, problems: list[tuple[str, str]] | None = None) -> Iterator[Path]:
    """Every non-hidden file below the configured folders, in a stable order.

    A folder that cannot be listed is added to ``problems`` as (folder, reason)."""
    for folder in config.sources.folders:
        if not folder.is_dir():
            log.warning("source folder %s does not exist", display_name(folder))
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


def ingest(config: Config, state: State, progress: Progress | None = None,
           jobs: int = 1, heard: Heard | None = None) -> list[FileOutcome]:
    """Read and clean every new or changed source; returns what became of each.

    Which files changed is decided here (size and modification time); reading,
    hashing, parsing, cleaning and duplicate signatures, which need nothing but the
    file, run in ``jobs`` worker processes when there are enough changed files.
    Duplicates are then found in order, against the state. ``heard`` is told what
    each remote feed answered (its ``Fetched``, or the ``SourceError`` raised)."""
    from ..store.workers import pool, stream_chunks

    seen = Seen(state)
    outcomes: list[FileOutcome | _Job] = []
    folders: list[tuple[str, str]] = []
    paths = list(discover(config, folders))
    for name, reason in folders:
        outcome = _unchanged_or(state, name, "folder:" + reason, "failed", reason, 0)
        if outcome is not None:
            outcomes.append(outcome)
    sources: list[str | Path] = [*paths, *config.sources.feeds]
    stats = state.file_stats()
    for number, source in enumerate(sources, start=1):
        outcome = _one(config, state, source, stats, heard)
        if outcome is not None:
            outcomes.append(outcome)
        if progress and (number % 200 == 0 or number == len(sources)):
            progress("reading", number, len(sources))
    waiting = [o for o in outcomes if isinstance(o, _Job)]
    with pool(jobs, len(waiting), config.cluster.scheduler if waiting else "") as executor:
        # Duplicates are looked for as the workers' results come in, in order.
        parsed = stream_chunks(executor, _parse_all, waiting, (), progress, "cleaning")
        done = []
        for o in outcomes:
            o = _settle(state, o, next(parsed)) if isinstance(o, _Job) else o
            if o is not None:
                done.append(dedupe(o, seen))
        parsed.close()
        return done


def ingest_one(config: Config, state: State, source: str | Path) -> FileOutcome | None:
    """What becomes of one source, as a build would record it (None: unchanged)."""
    outcome = _one(config, state, source)
    if isinstance(outcome, _Job):
        outcome = _settle(state, outcome, _parse(outcome))
    return None if outcome is None else dedupe(outcome, Seen(state))


@dataclass(frozen=True)
class _Job:
    """A local file that may have changed: read, hashed, parsed and cleaned, possibly
    in a worker."""

    name: str
    path: Path
    suffix: str
    limit: int                           # bytes read at most
    within: Path | None                  # the folder a symbolic link must stay in
    known: str | None                    # the sha256 recorded for it, if any
    stat: tuple[int, int] | None = None  # (size, mtime_ns)


@dataclass(frozen=True)
class _Unread:
    """A file that could not be read: recorded against the state in the main process."""

    marker: str
    status: str
    reason: str


def _settle(state: State, job: _Job, result: FileOutcome | _Unread | None) -> FileOutcome | None:
    """A worker's result as the build records it (None: the same bytes as recorded)."""
    if isinstance(result, _Unread):
        return _unchanged_or(state, job.name, result.marker, result.status, result.reason, 0)
    return result


def _stat(path: Path) -> tuple[int, int] | None:
    """(size, mtime_ns) of a regular file, else None."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_size, found.st_mtime_ns) if stat_module.S_ISREG(found.st_mode) else None


def _parse_all(jobs: list[_Job]) -> list[FileOutcome | _Unread | None]:
    return [_parse(job) for job in jobs]


def _parse(job: _Job) -> FileOutcome | _Unread | None:
    from ..text.script import words_only

    try:
        data = read_local(job.path, job.limit, job.within)
    except Unusable as exc:
        return _Unread("unusable:" + exc.reason, exc.status, exc.reason)
    except OSError as exc:
        return _Unread("error:" + (exc.strerror or "?"), "failed", f"cannot read: {exc.strerror or exc}")
    sha = hashlib.sha256(data).hexdigest()
    if sha == job.known:
        return None                        # touched, not changed
    reader = READERS[job.suffix]
    mtime = job.stat[1] / 1e9 if job.stat else None
    outcome = _outcome(job.name, sha, len(data), lambda: reader(Path(job.name), data, mtime))
    outcome = dataclasses.replace(outcome, stat=job.stat)
    if not outcome.articles:
        return outcome
    signatures, bands = signed(outcome.articles)   # the band keys for the main process to look up
    words_only.cache_clear()               # it served the ids and signatures: no huge text kept
    return dataclasses.replace(outcome, signatures=signatures, bands=bands)


def _source_folder(config: Config, path: Path) -> Path | None:
    """The configured source folder ``path`` was found in (None for a named feed file)."""
    return next((f for f in config.sources.folders if path.is_relative_to(f)), None)


def _one(config: Config, state: State, source: str | Path,
         stats: dict[str, tuple[int, int]] | None = None,
         heard: Heard | None = None) -> FileOutcome | _Job | None:
    if isinstance(source, str) and source.lower().startswith(("http://", "https://")):
        return _remote(config, state, source, heard)
    path = Path(source) if isinstance(source, Path) else config.root / source
    name = display_name(path)
    if isinstance(source, Path) and path.suffix.lower() not in READERS:
        # Known by its name: a file of another type is never opened, read or hashed.
        return _unchanged_or(state, name, "unsupported:" + path.suffix.lower(), "skipped",
                             _unsupported(path), 0)
    stat = _stat(path)
    if stat is not None and stats is not None and stats.get(name) == stat:
        return None                        # the same size and time as when it was read
    limit = int(config.sources.max_file_mb * 1024 * 1024)
    # A file found in a folder may link only within it; a feed file named in
    # sources.feeds is the user's own choice.
    within = _source_folder(config, path) if isinstance(source, Path) else None
    if isinstance(source, Path) and READERS.get(path.suffix.lower()) not in (None, read_feed):
        return _Job(name, path, path.suffix.lower(), limit, within, state.file_sha(name), stat)
    try:
        data = read_local(path, limit, within)
    except Unusable as exc:
        return _unchanged_or(state, name, "unusable:" + exc.reason, exc.status, exc.reason, 0)
    except OSError as exc:
        return _unchanged_or(state, name, "error:" + (exc.strerror or "?"), "failed",
                             f"cannot read: {exc.strerror or exc}", 0)
    sha = hashlib.sha256(data).hexdigest()
    if state.file_sha(name) == sha:
        return None
    # A feed is parsed here: it needs the state (which entries are known).
    outcome = _feed(config, state, data, name, sha)
    return outcome if outcome.sha256 != sha else dataclasses.replace(outcome, stat=stat)


def _feed(config: Config, state: State, data: bytes, name: str, sha: str,
          **validators) -> FileOutcome:
    """A feed's entries, their pages fetched when ``sources.fetch_full_text`` asks; with
    pages not fetched in time, recorded so that the feed is read again next run."""
    from .fulltext import EntryPages, retry_later

    pages = (EntryPages(limits(config), config.sources.fetch_pages_deadline_seconds)
             if config.sources.fetch_full_text else None)
    remote = "etag" in validators
    cap = int((config.sources.fetch_max_mb if remote else config.sources.max_file_mb) * 1048576)
    outcome = _outcome(name, sha, len(data), lambda: parse_feed(
        data, name, fetch_pages=pages, known=state.sources_under(name + "#"), max_bytes=cap),
        **validators)
    if pages is None or not pages.late:
        return outcome
    return retry_later(outcome, pages.late, pages.deadline, remote)


def _unsupported(path: Path) -> str:
    return f"unsupported file type '{path.suffix or '(none)'}'; readable: {', '.join(sorted(READERS))}"


def _outcome(name: str, sha: str, size: int, read, **validators) -> FileOutcome:
    """What became of a source whose bytes are new: ``read()`` gives its RawTexts."""
    try:
        articles = [a for raw in read() for a in clean(raw)]
    except Unusable as exc:
        return FileOutcome(name, sha, exc.status, exc.reason, size=size)
    except Exception as exc:  # a reader bug must not stop the other files
        log.exception("reading %s failed", name)
        return FileOutcome(name, sha, "failed", f"could not be read: {type(exc).__name__}: {exc}",
                           size=size)
    if not articles:
        return FileOutcome(name, sha, "skipped", "no article text after cleaning", size=size,
                           **validators)
    from ..text.notnews import news_only

    articles, left_out = news_only(articles)
    if not articles:
        return FileOutcome(name, sha, "skipped", left_out, size=size, **validators)
    reason = f"{len(articles)} article(s)" + (f"; {left_out}" if left_out else "")
    return FileOutcome(name, sha, "included", reason, tuple(articles), size, **validators)


def limits(config: Config):
    """The remote-read limits of ``[sources]``."""
    from .fetch import Limits

    return Limits(timeout=config.sources.fetch_timeout_seconds,
                  deadline=config.sources.fetch_deadline_seconds,
                  max_bytes=int(config.sources.fetch_max_mb * 1024 * 1024),
                  allow_private=config.sources.allow_private)


def _remote(config: Config, state: State, url: str, heard: Heard | None = None) -> FileOutcome | None:
    """A feed at an http(s) address: fetched within the limits, with a conditional GET.
    It is recorded under its address without user info, which is used but never kept;
    ``heard`` hears what it answered (under that address too)."""
    from .address import redact
    from .fetch import fetch
    from .fulltext import PENDING

    name = redact(url)
    etag, modified = state.validators(name)
    try:
        got = fetch(url, limits(config), etag=None if etag == PENDING else etag,
                    last_modified=modified, typed=True)
    except SourceError as exc:
        # Recorded with its reason (once while it lasts) and tried again next run.
        if heard is not None:
            heard(name, exc)
        return _unchanged_or(state, name, f"error:{exc}", "failed", str(exc), 0)
    if heard is not None:
        heard(name, got)
    if got.not_modified:
        return None
    sha = hashlib.sha256(got.data).hexdigest()
    if state.file_sha(name) == sha:
        return None
    return _feed(config, state, got.data, name, sha, etag=got.etag, last_modified=got.last_modified)


def _unchanged_or(state: State, name: str, marker: str, status: str, reason: str,
                  size: int) -> FileOutcome | None:
    """A file we cannot hash: record it, unless the same problem is already recorded."""
    sha = hashlib.sha256(marker.encode()).hexdigest()
    if state.file_sha(name) == sha:
        return None
    return FileOutcome(name, sha, status, reason, size=size)
