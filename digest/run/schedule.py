"""The weekly run: APScheduler's cron trigger in the configured time zone.

``coalesce`` folds a backlog of missed runs into one, ``max_instances=1``
keeps runs from overlapping, and a generous ``misfire_grace_time`` makes a
late run still happen (APScheduler's default of one second would skip it).
"""

from __future__ import annotations

import logging
import signal
import threading
from datetime import datetime, timedelta, timezone

from ..config import Brief, Config
from .turns import Turns

log = logging.getLogger(__name__)


def trigger(config: Config, brief: Brief | None = None):
    """The cron trigger of the weekly digest, or of ``brief``; both in the schedule's zone."""
    from apscheduler.triggers.cron import CronTrigger

    class OncePerWallTime(CronTrigger):
        """A cron trigger that fires once when the clock goes back and a local time repeats.

        APScheduler 3's own trigger fires at 01:30 both before and after a fall-back
        transition; the second of those is skipped here.
        """

        def get_next_fire_time(self, previous, now):
            moment = super().get_next_fire_time(previous, now)
            if moment is not None and previous is not None and _wall(moment) == _wall(previous, moment):
                later = moment.astimezone(timezone.utc) + timedelta(seconds=1)  # keeps the fold
                moment = super().get_next_fire_time(moment, later)
            return moment

    when = brief or config.schedule
    return OncePerWallTime(day_of_week=",".join(when.days), hour=when.hour, minute=when.minute,
                           timezone=config.schedule.zone)


def _wall(moment: datetime, like: datetime | None = None) -> datetime:
    """``moment`` as a naive local time (in the zone of ``like``, if given)."""
    if like is not None:
        moment = moment.astimezone(like.tzinfo)
    return moment.replace(tzinfo=None, fold=0)


def next_run(config: Config, after: datetime | None = None,
             brief: Brief | None = None) -> datetime | None:
    now = after or datetime.now(config.schedule.zone)
    return trigger(config, brief).get_next_fire_time(None, now)


def last_due(config: Config, now: datetime) -> datetime | None:
    """The most recent scheduled time at or before ``now`` (within the last eight weeks)."""
    trig = trigger(config)
    moment = trig.get_next_fire_time(None, now - timedelta(weeks=8))
    latest = None
    while moment is not None and moment <= now:
        latest = moment
        moment = trig.get_next_fire_time(moment, moment + timedelta(seconds=1))
    return latest


def missed_run(config: Config, last_build: datetime | None, now: datetime) -> datetime | None:
    """The scheduled time missed while nothing ran (machine off, scheduler stopped), if any.

    The state file's record of the last build is the reference, so however many
    weeks were missed, one build makes them up, covering everything new.
    """
    due = last_due(config, now)
    if due is None or (last_build is not None and last_build >= due):
        return None
    return due


def last_build_time(config: Config) -> datetime | None:
    from ..store.state import State

    with State(config.state.file, readonly=True, root=config.root) as state:
        found = state.last_run("build")
    return datetime.fromisoformat(found[0]) if found else None


def run_job(config: Config, brief: Brief | None = None) -> None:
    """One scheduled build (waiting for a manual run to finish rather than failing)."""
    from ..errors import DigestError
    from .pipeline import build

    try:
        result = build(config, lock_wait=600, brief=brief, scheduled=True)
        log.info("%s", result.message)
        if config.schedule.send:
            from ..output.send import send_all

            for sent in send_all(config, lock_wait=600):
                log.info("sent %s to %d recipient(s), %d failed", sent.period,
                            len(sent.sent), len(sent.failed))
    except DigestError as exc:
        log.error("scheduled run failed: %s", exc)
    upcoming = next_run(config, brief=brief)
    if upcoming:
        log.info("next %s due %s", f"{brief.name} brief" if brief else "run",
                    upcoming.isoformat(timespec="minutes"))


TURNS = Turns()


def build_job(config: Config, brief: Brief | None = None, turns: Turns = TURNS) -> None:
    """A scheduled build, after any collect of this scheduler under way."""
    with turns.building():
        run_job(config, brief)


def collect_job(config: Config, turns: Turns = TURNS) -> None:
    """One scheduled collect; none while a build waits or runs (the build reads every
    source itself). It shares the run lock with manual runs, waiting for them."""
    from ..errors import DigestError
    from .collect import collect

    with turns.collecting() as free:
        if not free:
            log.info("collect skipped: a build is due or running")
            return
        try:
            log.info("%s", collect(config, lock_wait=600).message)
        except DigestError as exc:
            log.error("scheduled collect failed: %s", exc)


def make_scheduler(config: Config):
    """A scheduler (not started) with the weekly digest, the briefs and the collect job."""
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler(timezone=config.schedule.zone)
    scheduler.add_job(build_job, trigger(config), args=[config], id="weekly-digest",
                      coalesce=True, max_instances=1,
                      misfire_grace_time=int(config.schedule.misfire_grace_hours * 3600))
    for brief in config.briefs:
        # A late brief still runs within the grace time; a missed one is not made up,
        # since the next brief or the weekly digest covers its articles.
        scheduler.add_job(build_job, trigger(config, brief), args=[config, brief],
                          id=f"brief-{brief.name}", coalesce=True, max_instances=1,
                          misfire_grace_time=int(config.schedule.misfire_grace_hours * 3600))
    if config.schedule.collect_minutes:
        # The first collect runs at once; a late one is simply the next one.
        scheduler.add_job(collect_job, "interval", args=[config], id="collect",
                          minutes=config.schedule.collect_minutes, coalesce=True,
                          max_instances=1, next_run_time=datetime.now(config.schedule.zone),
                          misfire_grace_time=max(60, config.schedule.collect_minutes * 30))
    return scheduler


def run_forever(config: Config) -> None:
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # The scheduler runs in its own thread; the main thread only waits for a signal, and
    # then shuts it down (from outside, never from a signal handler that may have
    # interrupted the scheduler holding one of its locks).
    scheduler = make_scheduler(config)

    received: list[int] = []
    stopping = threading.Event()

    def stop(signum, _frame):
        log.warning("received %s: stopping after the running job", signal.Signals(signum).name)
        received.append(signum)
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    last_build = last_build_time(config)
    missed = missed_run(config, last_build, datetime.now(config.schedule.zone))
    if missed is not None:
        why = ("no digest built yet" if last_build is None else
               f"the run due {missed.isoformat(timespec='minutes')} was missed")
        print(f"digest schedule: {why}; building now", flush=True)
        scheduler.add_job(build_job, "date", args=[config], id="make-up", max_instances=1)
    upcoming = next_run(config)
    print(f"digest schedule: next run due {upcoming.isoformat(timespec='minutes')} "
          f"({config.schedule.timezone}); stop with Ctrl-C or SIGTERM", flush=True)
    for brief in config.briefs:
        print(f"digest schedule: next {brief.name} brief due "
              f"{next_run(config, brief=brief).isoformat(timespec='minutes')}", flush=True)
    if config.schedule.collect_minutes:
        print(f"digest schedule: collecting new articles every {config.schedule.collect_minutes} "
              "minute(s)", flush=True)
    scheduler.start()
    while not stopping.wait(60):
        pass
    scheduler.shutdown(wait=True)
    print("digest schedule: stopped", flush=True)
    if signal.SIGINT in received:
        raise KeyboardInterrupt     # Ctrl-C: exit status 130, as for any interrupted command
