"""Which articles a build takes: the pending ones (and, with ``--since``, those first seen
since a day), the week's earlier ones, or a brief's window."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from ..config import Brief, Config
from ..models import Article
from ..store.state import State, utc_now


def day_start(day: date | None, config: Config) -> str | None:
    """The moment ``day`` begins in the schedule's zone, in UTC as the state file keeps
    first-seen times (a date alone would be read as a UTC day)."""
    if day is None:
        return None
    start = datetime.combine(day, datetime.min.time(), tzinfo=config.schedule.zone)
    return start.astimezone(timezone.utc).isoformat(timespec="seconds")


def select(state: State, new: list[Article], period: str, since: str | None,
           rebuild: bool) -> list[Article]:
    """The articles of this period's digest: pending ones, plus what it already held."""
    chosen: dict[str, Article] = {a.id: a for a in state.pending()}
    chosen.update((a.id, a) for a in new)
    if since is not None:
        chosen.update((a.id, a) for a in state.articles_since(since))
    if chosen or rebuild:
        # The week's digest is rebuilt whole: what it held stays in it.
        earlier = {a.id: a for a in state.articles_in(period)}
        chosen = {**earlier, **chosen}
    return in_order(chosen.values())


def in_order(articles) -> list[Article]:
    """Articles in one order whatever the run (a first build, a rebuild, a make-up run):
    by source and position, so the same articles always give the same digest."""
    return sorted(articles, key=lambda a: (a.source, a.ordinal, a.id))


def select_brief(state: State, new: list[Article], brief: Brief, period: str, now: datetime,
                 rebuild: bool) -> list[Article]:
    """A brief's articles: all first seen in its window, once something in it is new."""
    if not new and not rebuild and state.digest(period):
        return []
    cutoff = (now - timedelta(days=brief.window_days)).astimezone(timezone.utc)
    until = max(now.astimezone(timezone.utc).isoformat(timespec="seconds"), utc_now())
    chosen = {a.id: a for a in state.articles_since(cutoff.isoformat(timespec="seconds"), until)}
    chosen.update((a.id, a) for a in new)
    return in_order(chosen.values())
