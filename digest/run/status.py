"""`digest status`: what is pending, what was skipped or failed, last and next run."""

from __future__ import annotations

import os
from datetime import datetime

from ..config import Config
from ..sources.ingest import discover
from ..sources.readers import display_name
from ..store.state import State


def report(config: Config, now: datetime | None = None) -> str:
    from .schedule import missed_run, next_run

    now = now or datetime.now(config.schedule.zone)
    with State(config.state.file, readonly=True) as state:
        pending = state.pending()
        problems = state.problems()
        last = state.last_digest()
        last_run = state.last_run("build")
        found = [display_name(path) for path in discover(config)]
        unread = sum(state.file_sha(name) is None for name in found)
    problems = _still_there(problems, set(found))
    if not config.state.file.exists():
        lines = [f"state file: {config.state.file} (not created yet)",
                 "no build yet: nothing has been read or recorded"]
    else:
        lines = [f"state file: {config.state.file}", f"pending articles: {len(pending)}"]
    lines += [f"  - {a.title}  ({a.source})" for a in pending[:20]]
    if len(pending) > 20:
        lines.append(f"  … and {len(pending) - 20} more")
    lines.append(f"files not read yet: {unread}" + (" (`digest build` reads them)" if unread else ""))
    lines.append(f"skipped or failed files: {len(problems)}")
    lines += [f"  - {status}: {source}: {reason}" for source, status, reason in problems]
    if last:
        lines.append(f"last digest: {last.period} built {last.built_at} "
                     f"({len(last.articles)} articles) -> {last.folder}")
    else:
        lines.append("last digest: none yet")
    if last_run:
        lines.append(f"last run: {last_run[0]} ({last_run[1]})")
    last_built = datetime.fromisoformat(last_run[0]) if last_run else None
    missed = missed_run(config, last_built, now)
    if missed is not None:
        lines.append(f"missed run: {missed.isoformat(timespec='minutes')} "
                     "(`digest schedule` makes it up once when it starts)")
    upcoming = next_run(config, now)
    lines.append(f"next scheduled run: {upcoming.isoformat(timespec='minutes') if upcoming else 'none'}"
                 f" ({config.schedule.timezone})")
    for brief in config.briefs:
        lines.append(f"next {brief.name} brief: "
                     f"{next_run(config, now, brief).isoformat(timespec='minutes')}")
    return "\n".join(lines)


def _still_there(problems: list[tuple[str, str, str]], found: set[str]) -> list[tuple[str, str, str]]:
    """The problems whose file (or folder, or address) still exists: a file deleted since
    it was skipped or failed is no problem any more."""
    return [p for p in problems
            if p[0] in found or "://" in p[0] or os.path.lexists(p[0])]


LISTED_PROBLEMS = 10     # a build's log names at most this many problem files


def problem_lines(outcomes) -> list[str]:
    """A build's skipped and failed files for its log: each of the first few on a line,
    and the duplicates (thousands, in a big first build) counted on one line."""
    problems = [o for o in outcomes if o.status != "included"]
    duplicates = [o for o in problems if o.reason.startswith("duplicate of")]
    others = [o for o in problems if not o.reason.startswith("duplicate of")]
    lines = [f"{o.status} {o.source}: {o.reason}" for o in others[:LISTED_PROBLEMS]]
    if len(others) > LISTED_PROBLEMS:
        lines.append(f"… and {len(others) - LISTED_PROBLEMS} more skipped or failed file(s)")
    if duplicates:
        lines.append(f"{len(duplicates)} file(s) skipped as duplicates of articles already seen")
    if lines:
        lines.append("`digest status` lists every file with its reason")
    return lines
