"""The build: ingest -> compose -> render -> write outbox -> record state.

Everything is worked out in memory first; the outbox writer then writes the
digest atomically, and only after that does the state record it as built.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..config import Brief, Config
from ..store.faults import point
from ..store.lock import RunLock
from ..models import FileOutcome, Window
from ..store.state import RunRecord, State, Translations
from .publish import heal_outbox, publish

log = logging.getLogger(__name__)


class Stopwatch:
    """Seconds spent in each stage: ``lap(name)`` ends the stage called ``name``
    (and says so in the log, with its time), and notes the process's peak memory so far.

    With ``settle``, what is alive at a stage's end (articles, kept results: most of it
    lives until the build ends) is set aside from the cyclic garbage collector
    (``gc.freeze``), whose every full pass would otherwise go through all of it again:
    at 100,000 articles, millions of objects. Used as a context manager, it gives them
    back at its end."""

    def __init__(self, settle: bool = False) -> None:
        self.stages: dict[str, float] = {}
        self.peaks: dict[str, float] = {}
        self.cpu: dict[str, tuple[float, float]] = {}
        self.settle = settle
        self.mark = time.perf_counter()
        self.cpu_mark = cpu_seconds()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.stages[name] = self.stages.get(name, 0.0) + now - self.mark
        self.peaks[name] = peak_mb()
        cpu = cpu_seconds()
        done = self.cpu.get(name, (0.0, 0.0))
        self.cpu[name] = (done[0] + cpu[0] - self.cpu_mark[0], done[1] + cpu[1] - self.cpu_mark[1])
        self.cpu_mark = cpu
        if self.settle:
            gc.freeze()
        log.info("stage %s done in %.2f s (peak memory %.0f MB)", name, now - self.mark,
                 self.peaks[name])
        self.mark = now

    def __enter__(self) -> "Stopwatch":
        return self

    def __exit__(self, *exc) -> None:
        """What was set aside goes back to the garbage collector."""
        if self.settle:
            gc.unfreeze()

    def result(self) -> tuple[tuple[str, float], ...]:
        return tuple(self.stages.items())

    def memory(self) -> tuple[tuple[str, float], ...]:
        return tuple(self.peaks.items())

    def processor(self) -> tuple[tuple[str, float, float], ...]:
        """Each stage's CPU seconds: this process's with its ended workers', and its own."""
        return tuple((name, *spent) for name, spent in self.cpu.items())


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user and system) so far: this process's with those of its children
    that have ended (a pool's workers, once the pool is shut down), and its own."""
    try:
        import resource
    except ImportError:
        return 0.0, 0.0
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    mine = own.ru_utime + own.ru_stime
    return mine + children.ru_utime + children.ru_stime, mine


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB (0 where it cannot be told)."""
    try:
        import resource
    except ImportError:
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class BuildResult:
    period: str
    folder: Path | None                 # the digest folder written, if any
    articles: int                       # articles in the digest
    new_articles: int                   # articles seen for the first time in this run
    outcomes: tuple[FileOutcome, ...] = field(default=())
    dry_run: bool = False
    themes: tuple[tuple[str, str, int], ...] = ()   # (zh, en, count)
    stages: tuple[tuple[str, float], ...] = ()      # (stage, seconds) in order
    peaks: tuple[tuple[str, float], ...] = ()       # (stage, peak MB of this process at its end)
    cpu: tuple[tuple[str, float, float], ...] = ()  # (stage, CPU s with ended workers', own CPU s)
    empty_sources: tuple[str, ...] = ()  # nothing built yet, nothing to build: where it looked

    @property
    def built(self) -> bool:
        return self.articles > 0

    @property
    def problems(self) -> tuple[FileOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status != "included")

    @property
    def message(self) -> str:
        issues = ("" if not self.problems else
                  f"; {len(self.problems)} file(s) would be skipped or failed" if self.dry_run else
                  f"; {len(self.problems)} file(s) skipped or failed (see `digest status`)")
        if not self.built and self.empty_sources:
            return (f"Nothing to build for {self.period}: the sources hold no article yet "
                    f"({', '.join(self.empty_sources)}){issues}.")
        if not self.built:
            return f"Nothing new for {self.period}: no article since the last digest{issues}."
        if self.dry_run:
            return (f"Dry run: would build {self.period} with {self.articles} article(s) in "
                    f"{len(self.themes)} theme(s){issues}.")
        return (f"Built {self.period}: {self.articles} article(s) in {len(self.themes)} theme(s) "
                f"-> {self.folder}{issues}.")


def build(config: Config, *, since: date | None = None, dry_run: bool = False,
          rebuild: bool = False, now: datetime | None = None,
          progress: Callable[[str, int, int], None] | None = None,
          lock_wait: float = 0.0, brief: Brief | None = None, jobs: int = 0,
          scheduled: bool = False) -> BuildResult:
    """Build the digest for the current week from everything new.

    With ``brief``, build that brief instead: the articles first seen in its
    window, which stay pending for the weekly digest. ``jobs`` processes do the
    per-article work (0: one per core, used only when there are enough articles).
    A ``scheduled`` run is recorded in the state even when it finds nothing new.
    """
    from ..sources.address import redact
    from ..window import window_for
    from .reading import read_every_source
    from .selection import day_start, select, select_brief
    from ..store.stash import stash

    now = now or datetime.now(config.schedule.zone)
    window = window_for(config, now, brief)
    kind = f"brief:{brief.name}" if brief else "build"
    check_sources(config)
    # A dry run only reads (the state file read-only), so it takes no lock: it
    # writes no file at all, not even the lock file.
    with contextlib.nullcontext() if dry_run else RunLock(config.lock_file, wait=lock_wait):
        log.info("%s for %s from %s", "dry run" if dry_run else kind, window.period,
                 ", ".join(map(str, [*config.sources.folders, *map(redact, config.sources.feeds)])))
        with Stopwatch(settle=True) as clock, \
                State(config.state.file, readonly=dry_run, root=config.root) as state:
            if not dry_run:
                heal_outbox(config, state)
            window = _unsent(state, window)
            period = window.period
            outcomes = read_every_source(config, state, progress, jobs or os.cpu_count() or 1,
                                         record=not dry_run)
            new = [a for o in outcomes for a in o.articles]
            found = len(new)
            # Their records are set aside for the state: the week's text goes once summarised.
            outcomes = stash(state, outcomes)
            for o in outcomes:
                if o.status == "included":     # the others are reported as warnings
                    log.info("read %s: %s", o.source, o.reason)
            log.info("%d new article(s) in %d new or changed source(s); unchanged files are "
                     "not read again", found, len(outcomes))
            clock.lap("ingest")
            point("ingested")
            if brief is None:
                chosen = select(state, new, period, day_start(since, config), rebuild)
            else:
                chosen = select_brief(state, new, brief, period, now, rebuild)
            del new                             # compose lets go of each text in ``chosen``
            if not chosen:
                if (outcomes or scheduled) and not dry_run:
                    # A scheduled run is recorded even when no file changed: a make-up
                    # run that finds nothing new has still made up the run it was for.
                    state.record(outcomes, run=RunRecord(kind, "nothing new"))
                empty = () if state.last_digest() else source_names(config)
                return BuildResult(period, None, 0, found, tuple(outcomes), dry_run,
                                   empty_sources=empty)
            from ..editorial.compose import compose        # numpy and the summariser: only when needed
            from ..editorial.translate import english

            digest = compose(config, chosen, window, now, progress, clock.lap,
                             jobs=jobs or os.cpu_count() or 1)
            digest, translated, engine = english(config, digest, state.translations)
            clock.lap("translate")
            if dry_run:
                return BuildResult(period, None, len(digest.items), found, tuple(outcomes),
                                   True, _themes(digest), clock.result(), clock.memory(),
                                   cpu=clock.processor())
            folder = publish(config, state, digest, clock, outcomes=outcomes,
                              built_at=now.isoformat(timespec="seconds"), sent_at=None,
                              run=RunRecord(kind, f"built {period}"), brief=brief,
                              translations=Translations(engine, translated),
                              jobs=jobs or os.cpu_count() or 1)
            return BuildResult(period, folder, len(digest.items), found, tuple(outcomes),
                               False, _themes(digest), clock.result(), clock.memory(),
                               cpu=clock.processor())


def check_sources(config: Config) -> None:
    """Stop when there is nothing to read at all: no source folder exists and no feed is
    configured. A missing folder beside others is only warned about (when read)."""
    from ..errors import ConfigError

    folders = config.sources.folders
    if config.sources.feeds or any(f.is_dir() for f in folders):
        return
    if not folders:
        raise ConfigError(f"no source configured: set sources.folders or sources.feeds in "
                          f"{config.path}")
    missing = (f"source folder {folders[0]} does not exist" if len(folders) == 1 else
               f"none of the source folders exists ({', '.join(map(str, folders))})")
    raise ConfigError(f"no source to read: {missing}; create it and put articles in it, "
                      f"or set sources.folders in {config.path}")


def source_names(config: Config) -> tuple[str, ...]:
    """The configured folders (as "articles/", when inside the digest folder) and feeds."""
    def shown(folder: Path) -> str:
        inside = folder.is_relative_to(config.root)
        return (folder.relative_to(config.root).as_posix() if inside else str(folder)) + "/"

    return (*map(shown, config.sources.folders), *config.sources.feeds)


def _themes(digest) -> tuple[tuple[str, str, int], ...]:
    return tuple((t.name_zh, t.name_en, len(t.items)) for t in digest.themes)


def _unsent(state: State, window: Window) -> Window:
    """The window itself, or, once its digest has been sent (to anyone), its next edition
    ("2026-W47-2"): a digest some have received is never rebuilt, so nobody misses what
    it lacked and nobody gets the same articles twice."""
    period, number = window.period, 1
    while (record := state.digest(period)) is not None and (record.sent_at is not None
                                                            or state.delivered(period)):
        number += 1
        period = f"{window.period}-{number}"
    return dataclasses.replace(window, period=period)


def rerender(config: Config, period: str | None = None, lock_wait: float = 30.0) -> BuildResult:
    """Render an already-built digest again (newest by default) with the current templates
    and settings, from the articles it holds; nothing is ingested and nothing new is added."""
    from ..editorial.compose import compose
    from ..errors import DigestError
    from ..window import window_for
    from ..editorial.translate import english
    from .selection import in_order

    with RunLock(config.lock_file, wait=lock_wait):
        with State(config.state.file, root=config.root) as state:
            heal_outbox(config, state)
            record = state.digest(period) if period else state.last_digest()
            if record is None:
                raise DigestError(f"no digest {period or 'built yet'} to render again; "
                                  "run `digest build` first")
            built_at = datetime.fromisoformat(record.built_at)
            brief = config.brief(record.brief) if record.brief else None
            # A window ends on the day its digest was built: built_at gives back its dates.
            window = dataclasses.replace(window_for(config, built_at, brief), period=record.period)
            articles = in_order(state.articles_by_id(record.articles))
            digest = compose(config, articles, window, built_at)
            digest, translated, engine = english(config, digest, state.translations)
            folder = publish(config, state, digest, Stopwatch(), outcomes=[],
                              built_at=record.built_at, sent_at=record.sent_at, run=None,
                              brief=brief, claim=False,
                              translations=Translations(engine, translated))
            return BuildResult(record.period, folder, len(digest.items), 0, (), False,
                               _themes(digest))
