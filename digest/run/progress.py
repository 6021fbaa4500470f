"""Progress of a long run on a terminal: one line that updates in place."""

from __future__ import annotations

import sys


class Progress:
    """One updating line on a terminal; silent when stderr is not a terminal (cron)."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.live:
            print(f"\r{stage} {done}/{total}\033[K", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)
