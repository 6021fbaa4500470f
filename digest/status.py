"""`digest status`: what is pending, what was skipped or failed, last and next run."""

from __future__ import annotations

from .config import Config
from .state import State


def report(config: Config) -> str:
    from .schedule import next_run

    state = State(config.state.file, readonly=True)
    try:
        pending = state.pending()
        problems = state.problems()
        last = state.last_digest()
        last_run = state.last_run("build")
    finally:
        state.close()
    lines = [f"state file: {config.state.file}"]
    lines.append(f"pending articles: {len(pending)}")
    lines += [f"  - {a.title}  ({a.source})" for a in pending[:20]]
    if len(pending) > 20:
        lines.append(f"  … and {len(pending) - 20} more")
    lines.append(f"skipped or failed files: {len(problems)}")
    lines += [f"  - {status}: {source}: {reason}" for source, status, reason in problems]
    if last:
        lines.append(f"last digest: {last.period} built {last.built_at} "
                     f"({len(last.articles)} articles) -> {last.folder}")
    else:
        lines.append("last digest: none yet")
    if last_run:
        lines.append(f"last run: {last_run[0]} ({last_run[1]})")
    upcoming = next_run(config)
    lines.append(f"next scheduled run: {upcoming.isoformat(timespec='minutes') if upcoming else 'none'}"
                 f" ({config.schedule.timezone})")
    return "\n".join(lines)
