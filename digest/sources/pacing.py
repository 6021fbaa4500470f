"""Polite polling of remote feeds: how long `digest collect` leaves a feed alone.

A feed that says how often it changes (RSS ``<ttl>`` minutes, the syndication
module's ``sy:updatePeriod`` and ``sy:updateFrequency``, an HTTP
``Cache-Control: max-age``) is not read again sooner; one that fails is left
alone for longer after each failure in a row (15 min, 30 min, 1 h … up to a
day). A build reads every feed whatever its record says; both record what they
heard, so the next collect knows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from ..errors import SourceError
from ..store.polls import PollRecord

BACKOFF = 15 * 60           # seconds after a first failure, doubled after each further one
LONGEST = 24 * 3600         # no feed waits longer than this, whatever it asks or however it fails
EARLY = 60                  # a feed is due this many seconds before its time: a collect that
                            # starts a moment early still reads a feed that asked for its interval

_TTL = re.compile(rb"<ttl>\s*(\d+)\s*</ttl>", re.IGNORECASE)
_PERIOD = re.compile(rb"<(?:[\w-]+:)?updatePeriod>\s*(\w+)\s*</", re.IGNORECASE)
_FREQUENCY = re.compile(rb"<(?:[\w-]+:)?updateFrequency>\s*(\d+)\s*</", re.IGNORECASE)
_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", re.IGNORECASE)
PERIODS = {b"hourly": 3600, b"daily": 86400, b"weekly": 7 * 86400, b"monthly": 30 * 86400,
           b"yearly": 365 * 86400}
HEAD = 65536                # the channel's own elements come before its entries


def declared_interval(data: bytes) -> float | None:
    """Seconds between updates that a feed's body declares (the longest it names), if any."""
    head = data[:HEAD]
    found = []
    if ttl := _TTL.search(head):
        found.append(int(ttl[1]) * 60)
    period, frequency = _PERIOD.search(head), _FREQUENCY.search(head)
    if period or frequency:              # the module's defaults: daily, once
        seconds = PERIODS.get(period[1].lower() if period else b"daily")
        times = int(frequency[1]) if frequency else 1
        if seconds and times > 0:
            found.append(seconds / times)
    return float(max(found)) if found else None


def max_age(cache_control: str | None) -> float | None:
    """The ``max-age`` of a Cache-Control header, in seconds (None when absent)."""
    if not cache_control or "no-store" in cache_control.lower():
        return None
    found = _MAX_AGE.search(cache_control)
    return float(found[1]) if found else None


def is_remote(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def stamp(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def due(record: PollRecord | None, now: datetime) -> bool:
    """May `digest collect` read this feed at ``now``?"""
    if record is None or record.next_poll is None:
        return True
    return datetime.fromisoformat(record.next_poll) <= now + timedelta(seconds=EARLY)


def heard(record: PollRecord, result, now: datetime) -> PollRecord:
    """``record`` after a read at ``now`` whose ``result`` is the fetch's answer
    (``Fetched``) or the :class:`SourceError` it raised."""
    if isinstance(result, SourceError):
        failures = record.failures + 1
        wait = min(BACKOFF * 2 ** min(failures - 1, 20), LONGEST)
        return replace(record, last_error=str(result), error_at=stamp(now), failures=failures,
                       next_poll=stamp(now + timedelta(seconds=wait)))
    interval = record.interval if result.not_modified else declared_interval(result.data)
    wait = min(max(interval or 0.0, max_age(result.cache_control) or 0.0), LONGEST)
    return replace(record, last_success=stamp(now), failures=0, interval=interval,
                   next_poll=stamp(now + timedelta(seconds=wait)))


class FeedPolls:
    """The poll records of one run: read from the state, updated as each feed answers
    (pass it to ``ingest`` as ``heard``), then written back."""

    def __init__(self, known: dict[str, PollRecord], now: datetime):
        self.known = known
        self.now = now
        self.changed: dict[str, PollRecord] = {}

    def __call__(self, source: str, result) -> None:
        record = self.known.get(source) or PollRecord(source)
        self.changed[source] = self.known[source] = heard(record, result, self.now)

    def resting(self, sources: Iterable[str]) -> list[str]:
        """Those of ``sources`` that are remote feeds not to be read yet (their records are
        kept under the address without user info)."""
        from .address import redact

        return [s for s in sources if is_remote(s) and not due(self.known.get(redact(s)), self.now)]
