"""One run at a time per state file: an exclusive lock shared by build, send and schedule."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from ..errors import LockedError
from .private import create_private


class RunLock:
    """``with RunLock(path, wait=0):`` holds an exclusive lock on ``path``.

    ``wait`` is how many seconds to wait for another run to finish before
    giving up with :class:`LockedError`.
    """

    def __init__(self, path: Path, wait: float = 0.0):
        self.path = Path(path)
        self.wait = wait
        self._fd: int | None = None

    def __enter__(self) -> "RunLock":
        create_private(self.path)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
                    os.close(fd)
                    raise LockedError(
                        f"another digest run (pid {holder}) is using {self.path.parent}; "
                        "wait for it to finish and try again") from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
