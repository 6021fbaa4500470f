"""The pages of a summary-only feed's entries (``sources.fetch_full_text``).

A few pages are fetched at a time, and all of a feed's pages within one deadline
(``sources.fetch_pages_deadline_seconds``): a feed of a hundred slow pages costs
that deadline, not a hundred fetch deadlines. A page not fetched in time is not
given back at all; its entry waits for the next run (see :mod:`.ingest`). Entry
links come from the feed, so they reach only public addresses unless
``sources.allow_private`` is on.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

from ..errors import DigestError, SourceError, Unusable
from ..models import FileOutcome
from .address import redact
from .fetch import Limits, fetch

PAGE_WORKERS = 4
GRACE = 1.0          # seconds a fetch may overrun the deadline while its socket is shut
# Kept as a feed's ETag while some of its entry pages wait: never sent, so the next
# run gets the whole feed again (see ingest._remote).
PENDING = "digest:pages-pending"


class _Late(Exception):
    """The feed's page deadline passed before this page was fetched."""


class EntryPages:
    """Fetches entry pages: ``PAGE_WORKERS`` at a time, within ``deadline`` seconds in all.

    ``late`` lists the links whose pages were not fetched in time."""

    def __init__(self, limits: Limits, deadline: float, workers: int = PAGE_WORKERS):
        self.limits = limits
        self.deadline = deadline
        self.workers = workers
        self.late: list[str] = []

    def __call__(self, links: list[str]) -> Iterator[tuple[str, str | DigestError]]:
        """Each link with its page's text, or the error that stopped it, as they come in;
        links fetched too late are left out (and added to ``late``)."""
        stop_at = time.monotonic() + self.deadline
        waiting = iter(links)
        running: dict = {}
        pool = ThreadPoolExecutor(self.workers, thread_name_prefix="page")

        def start_next() -> None:
            for link in waiting:
                running[pool.submit(self._one, link, stop_at)] = link
                return

        try:
            for _ in range(2 * self.workers):   # a few queued: no more pages held than that
                start_next()
            while running:
                left = stop_at + GRACE - time.monotonic()
                done, _ = wait(running, timeout=max(left, 0), return_when=FIRST_COMPLETED)
                if not done:       # stuck past the deadline (a name lookup that never answers)
                    self.late += [*running.values(), *waiting]
                    return
                for future in done:
                    link = running.pop(future)
                    start_next()
                    try:
                        got = future.result()
                    except _Late:
                        self.late.append(link)
                        continue
                    except DigestError as exc:
                        got = exc
                    yield link, got
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def _one(self, link: str, stop_at: float) -> str:
        from .readers import decode

        remaining = stop_at - time.monotonic()
        if remaining <= 0:
            raise _Late(link)
        capped = remaining < self.limits.deadline
        limits = dataclasses.replace(self.limits, deadline=min(self.limits.deadline, remaining))
        try:
            return decode(fetch(link, limits).data)
        except SourceError:
            if capped and time.monotonic() >= stop_at - 0.05:
                raise _Late(link) from None      # cut by the feed's deadline, not the page's fault
            raise
        except Unusable as exc:
            raise SourceError(f"{redact(link)}: {exc.reason}") from None


def retry_later(outcome: FileOutcome, late: list[str], deadline: float,
                remote: bool) -> FileOutcome:
    """A feed's outcome when some entry pages were not fetched in time: recorded so that
    the feed is read again next run (its hash and validators will not match), when the
    entries read now are known and only the waiting ones are fetched."""
    note = (f"{len(late)} entry page(s) not fetched within {deadline:g} s "
            "(sources.fetch_pages_deadline_seconds); tried again next run")
    reason = note if not outcome.articles else f"{outcome.reason}; {note}"
    sha = hashlib.sha256(f"{outcome.sha256}:pages pending".encode()).hexdigest()
    return dataclasses.replace(outcome, sha256=sha, reason=reason, stat=None,
                               etag=PENDING if remote else None, last_modified=None)
