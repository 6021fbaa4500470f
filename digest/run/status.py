"""`digest status`: what is pending, what was skipped or failed, last and next run."""

from __future__ import annotations

import os
from datetime import datetime

from ..config import Config
from ..sources.ingest import discover
from ..sources.readers import display_name
from ..store import claims
from ..store.state import State


def report(config: Config, now: datetime | None = None) -> str:
    from .collect import collect_lines
    from .schedule import missed_run, next_run

    zone = config.schedule.zone
    now = now or datetime.now(zone)
    with State(config.state.file, readonly=True, root=config.root) as state:
        pending = state.pending()
        problems = state.problems()
        last = state.last_digest()
        delivered = state.deliveries(last.period) if last else {}
        outside = claims.left_out(state.db, last.period, len(last.articles)) if last else 0
        last_run = state.last_run("build")
        found = [display_name(path) for path in discover(config)]
        unread = sum(state.file_sha(name) is None for name in found)
        feeds = collect_lines(config, state)
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
    lines += feeds
    if last:
        lines.append(f"last digest: {last.period} built {local(last.built_at, zone)} "
                     f"({plural(len(last.articles), 'article')}) -> {last.folder}")
        lines.append(f"  {sending(last, delivered, len(config.email.recipients), zone)}")
        if outside:
            lines.append(f"  {plural(outside, 'article')} outside the digest's focus, left out "
                         "(digest.focus = \"strict\")")
    else:
        lines.append("last digest: none yet")
    if last_run:
        lines.append(f"last run: {local(last_run[0], zone)} ({last_run[1]})")
    # Before a first build no scheduled run has been missed: there was nothing to build.
    missed = missed_run(config, datetime.fromisoformat(last_run[0]), now) if last_run else None
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


def local(moment: str, zone) -> str:
    """A recorded time (stored in UTC or the build's zone) in the schedule's zone."""
    return datetime.fromisoformat(moment).astimezone(zone).isoformat(timespec="seconds")


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def sending(record, delivered: dict[str, str], recipients: int, zone) -> str:
    """Whether, when and to how many recipients the digest was sent."""
    if not delivered:
        return "not sent yet (`digest send` sends it)"
    last = local(max(delivered.values()), zone)
    if record.sent_at is not None:
        return f"sent {last} to {plural(len(delivered), 'recipient')}"
    return (f"sent to {len(delivered)} of {plural(recipients, 'recipient')} (last {last}); "
            "`digest send` delivers the rest")


def _still_there(problems: list[tuple[str, str, str]], found: set[str]) -> list[tuple[str, str, str]]:
    """The problems whose file (or folder, or address) still exists: a file deleted since
    it was skipped or failed is no problem any more."""
    return [p for p in problems
            if p[0] in found or "://" in p[0] or os.path.lexists(p[0])]


LISTED_PROBLEMS = 10     # a build's log names at most this many problem files


def dry_run_lines(result) -> list[str]:
    """What a dry run reports above its result: every file it would record as skipped or
    failed (it records nothing for `digest status` to list), then the themes."""
    return ([f"  {line}" for line in problem_lines(result.problems, every=True)]
            + [f"  {zh} · {en}: {count}" for zh, en, count in result.themes])


def problem_lines(outcomes, every: bool = False) -> list[str]:
    """A build's skipped and failed files for its log: each of the first few on a line,
    and the duplicates (thousands, in a big first build) counted on one line. With
    ``every`` (a dry run, which records none of them for `digest status`), each on a line."""
    problems = [o for o in outcomes if o.status != "included"]
    if every:
        return [f"{o.status} {o.source}: {o.reason}" for o in problems]
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
