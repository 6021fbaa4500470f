"""The weekly run: APScheduler's cron trigger in the configured time zone.

``coalesce`` folds a backlog of missed runs into one, ``max_instances=1``
keeps runs from overlapping, and a generous ``misfire_grace_time`` makes a
late run still happen (APScheduler's default of one second would skip it).
"""

from __future__ import annotations

import logging
import signal
from datetime import datetime

from .config import Config

log = logging.getLogger(__name__)


def trigger(config: Config):
    from apscheduler.triggers.cron import CronTrigger

    sched = config.schedule
    return CronTrigger(day_of_week=",".join(sched.days), hour=sched.hour, minute=sched.minute,
                       timezone=sched.zone)


def next_run(config: Config, after: datetime | None = None) -> datetime | None:
    now = after or datetime.now(config.schedule.zone)
    return trigger(config).get_next_fire_time(None, now)


def run_job(config: Config) -> None:
    """One scheduled build (waiting for a manual run to finish rather than failing)."""
    from .errors import DigestError
    from .pipeline import build

    try:
        result = build(config, lock_wait=600)
        log.warning("%s", result.message)
    except DigestError as exc:
        log.error("scheduled build failed: %s", exc)
    upcoming = next_run(config)
    if upcoming:
        log.warning("next run due %s", upcoming.isoformat(timespec="minutes"))


def run_forever(config: Config) -> None:
    from apscheduler.schedulers.blocking import BlockingScheduler

    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    scheduler = BlockingScheduler(timezone=config.schedule.zone)
    scheduler.add_job(run_job, trigger(config), args=[config], id="weekly-digest",
                      coalesce=True, max_instances=1,
                      misfire_grace_time=int(config.schedule.misfire_grace_hours * 3600))

    def stop(signum, _frame):
        log.warning("received %s: stopping after the running job", signal.Signals(signum).name)
        scheduler.shutdown(wait=True)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    upcoming = next_run(config)
    print(f"digest schedule: next run due {upcoming.isoformat(timespec='minutes')} "
          f"({config.schedule.timezone}); stop with Ctrl-C or SIGTERM", flush=True)
    scheduler.start()
    print("digest schedule: stopped", flush=True)
