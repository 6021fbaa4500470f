"""Importance: which story leads, in the digest and in each theme.

A story covered by more sources leads (as on Google News and Techmeme), then a
recent one before an older one, then the one with more substance. A story is
shown once, at its best report; the others are listed under it. An article
published long before the digest's period (more than ``digest.max_age_days``)
is marked with its date and comes after the period's news.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from urllib.parse import urlsplit

from ..models import Item

SOURCE_WEIGHT = 3.0       # each further source adds this much importance


def published(item: Item) -> date | None:
    """The date the article prints (not a file's time), if any."""
    article = item.article
    if not article.published or article.date_from not in ("text", "format"):
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def outlet(item: Item) -> str:
    """Who published a report: its publisher, else its link's site, else its file or feed."""
    article = item.article
    if article.publisher:
        return article.publisher
    try:
        host = urlsplit(article.link).hostname if article.link else None
    except ValueError:                 # a malformed link names no site
        host = None
    if host:
        return host.removeprefix("www.")
    return article.source.split("#")[0].rstrip("/").rsplit("/", 1)[-1]


@dataclasses.dataclass(frozen=True)
class Ranked:
    """One story: its reports (best first), how many outlets carried it, its importance."""
    items: tuple[Item, ...]
    outlets: int
    importance: float
    old: bool


def rank_story(items: list[Item], start: date, max_age_days: int, focus: float = 0.0) -> Ranked:
    """A story's reports ordered best first, marked (old ones, the others listed under the
    best report), and its importance."""
    cutoff = start - timedelta(days=max_age_days)
    dated = [published(i) for i in items]
    old = [d is not None and d < cutoff for d in dated]
    substance = [_substance(i) for i in items]
    order = sorted(range(len(items)), key=lambda k: (old[k], -substance[k], items[k].article.id))
    best = order[0]
    outlets = len({outlet(i) for i in items}) if len(items) > 1 else 1
    reports = tuple((outlet(items[k]), items[k].article.link or "") for k in order[1:])
    lead = _marked(items[best], reports=reports, old=old[best])
    rest = tuple(_marked(items[k], shown=False, old=old[k]) for k in order[1:])
    newest = max((d for d in dated if d is not None), default=None)
    recency = 0.5 if newest is None else (1.0 if newest >= start - timedelta(days=7)
                                           else 0.0 if newest < cutoff else 0.5)
    importance = (SOURCE_WEIGHT * (outlets - 1) + 1.5 * recency + 0.5 * substance[best]
                  + min(2.0, focus / 6))
    return Ranked((lead, *rest), outlets, round(importance, 6), old[best])


def _marked(item: Item, **marks) -> Item:
    """``item`` with ``marks`` (its other reports, whether it is shown, whether it is old);
    the item itself when it has them already (most stories have one report, not old)."""
    if all(getattr(item, name) == value for name, value in marks.items()):
        return item
    return dataclasses.replace(item, **marks)


def _substance(item: Item) -> float:
    """How much a report has to say: its length (to about 1,500 characters) and how
    well its best sentences rate."""
    best = max(item.summary.scores, default=0.0)
    return min(1.0, item.article.chars / 1500) + min(1.0, float(best))


def story_order(stories: list[Ranked]) -> list[Ranked]:
    """The period's news first, then by importance; ties by the lead's id, so the same
    input always gives the same order."""
    return sorted(stories, key=lambda s: (s.old, -s.importance, s.items[0].article.id))


def theme_importance(stories: list[Ranked]) -> float:
    """A theme's weight: its three most important stories of the period."""
    top = sorted((s.importance for s in stories if not s.old), reverse=True)[:3]
    return round(sum(top), 6)
