"""Turns between the scheduler's jobs, which run in threads of one process.

A build that falls due while a collect is running waits for that collect to
finish, however long its feeds take (the run lock alone would give up after its
wait), and no collect starts while a build waits or runs: a collect never delays
a due build by more than it takes to finish. The run lock still keeps other
processes (a manual `digest build`) out.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator


class Turns:
    def __init__(self) -> None:
        self._collecting = threading.Lock()
        self._guard = threading.Lock()
        self._builds = 0                 # builds waiting or running

    @contextlib.contextmanager
    def building(self) -> Iterator[None]:
        """Around a build: waits for a running collect, and keeps new ones from starting."""
        with self._guard:
            self._builds += 1
        try:
            with self._collecting:       # a collect under way finishes first
                pass
            yield
        finally:
            with self._guard:
                self._builds -= 1

    @contextlib.contextmanager
    def collecting(self) -> Iterator[bool]:
        """Around a collect: yields False (do not collect now) while a build waits or runs."""
        with self._guard:
            if self._builds or not self._collecting.acquire(blocking=False):
                free = False
            else:
                free = True
        try:
            yield free
        finally:
            if free:
                self._collecting.release()
