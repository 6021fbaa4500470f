"""`digest collect`: read every source and keep what is new as pending, between builds.

A feed shows only its latest entries; a busy one pushes a story off within a day
or two. Collecting often (from cron or `digest schedule`) records each entry while
the feed still shows it, exactly as a build's reading would: cleaned, checked for
duplicates and kept in the state until a digest includes it. Nothing is composed
or written to the outbox. A remote feed is read no more often than it asks for,
and less often while it keeps failing (see ``sources/pacing.py``).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from ..config import Config
from ..models import FileOutcome
from ..sources.pacing import FeedPolls, is_remote
from ..store import polls
from ..store.lock import RunLock
from ..store.state import RunRecord, State


@dataclass(frozen=True)
class CollectResult:
    new_articles: int
    sources: int                              # folders and feeds read
    resting: tuple[str, ...] = ()             # feeds left alone until their next poll
    outcomes: tuple[FileOutcome, ...] = ()

    @property
    def problems(self) -> tuple[FileOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status != "included")

    @property
    def message(self) -> str:
        notes = []
        if self.resting:
            notes.append(f"{len(self.resting)} feed(s) not due yet")
        if self.problems:
            notes.append(f"{len(self.problems)} source(s) skipped or failed (see `digest status`)")
        return (f"Collected {self.new_articles} new article(s) from {self.sources} source(s)"
                + "".join(f"; {n}" for n in notes))


def collect(config: Config, *, now: datetime | None = None,
            progress: Callable[[str, int, int], None] | None = None,
            lock_wait: float = 0.0, jobs: int = 0) -> CollectResult:
    """Read every source as a build does and record the new articles as pending.

    Remote feeds whose next poll (``now``: the poll records' clock) has not come
    are left out; every other source is read, unchanged ones at the cost of a stat
    or a conditional request."""
    from ..sources.ingest import ingest
    from .pipeline import check_sources

    check_sources(config)
    now = now or datetime.now(timezone.utc)
    with RunLock(config.lock_file, wait=lock_wait):
        with State(config.state.file) as state:
            heard = FeedPolls(polls.read(state.db), now)
            resting = heard.resting(config.sources.feeds)
            feeds = tuple(f for f in config.sources.feeds if f not in resting)
            reading = dataclasses.replace(
                config, sources=dataclasses.replace(config.sources, feeds=feeds))
            outcomes = ingest(reading, state, progress, jobs=jobs or os.cpu_count() or 1,
                              heard=heard)
            result = CollectResult(sum(len(o.articles) for o in outcomes),
                                   len(config.sources.folders) + len(feeds), tuple(resting),
                                   tuple(outcomes))
            state.record(outcomes, run=RunRecord("collect", result.message),
                         before_commit=lambda: polls.write(state.db, heard.changed.values()))
            return result


def collect_lines(config: Config, state: State) -> list[str]:
    """`digest status`'s lines on the last collect and on each remote feed: last
    success, last error, next poll."""
    last = state.last_run("collect")
    lines = [f"last collect: {last[0]} ({last[1]})"] if last else []
    feeds = [f for f in config.sources.feeds if is_remote(f)]
    if not feeds:
        return lines
    records = polls.read(state.db)
    now = datetime.now(timezone.utc)
    lines.append(f"feeds: {len(feeds)}")
    from ..sources.address import redact

    for feed in map(redact, feeds):
        record = records.get(feed)
        if record is None:
            lines.append(f"  - {feed}: not read yet")
            continue
        parts = [f"last success {record.last_success or 'never'}"]
        if record.last_error:
            parts.append(f"last error {record.error_at}: {record.last_error}"
                         + (f" ({record.failures} in a row)" if record.failures else ""))
        later = record.next_poll and datetime.fromisoformat(record.next_poll) > now
        parts.append(f"next poll {record.next_poll if later else 'at the next collect'}")
        lines.append(f"  - {feed}: " + "; ".join(parts))
    return lines
