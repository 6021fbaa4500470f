"""A build's reading of its sources, with the feeds' poll records kept up to date."""

from __future__ import annotations

from datetime import datetime, timezone

from ..config import Config
from ..models import FileOutcome
from ..sources.pacing import FeedPolls
from ..store import polls
from ..store.state import State


def read_every_source(config: Config, state: State, progress=None, jobs: int = 1,
                      record: bool = True) -> list[FileOutcome]:
    """A build's reading: every source, every feed due or not (conditional GET still
    applies). With ``record``, what each feed answered goes into its poll record at
    once (on the real clock), whatever becomes of the build."""
    from ..sources.ingest import ingest

    heard = FeedPolls(polls.read(state.db), datetime.now(timezone.utc))
    outcomes = ingest(config, state, progress, jobs=jobs, heard=heard)
    if heard.changed and record:
        with state.db:
            polls.write(state.db, heard.changed.values())
    return outcomes
