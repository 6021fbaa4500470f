"""Named moments at which a crash-safety test can make a real build die.

With ``DIGEST_CRASH_AT=<name>`` in its environment, the process kills itself
with SIGKILL when it reaches that point: no cleanup, no exception handlers,
exactly as if the machine had lost power there. With ``DIGEST_FAIL_AT=<name>``
it raises an unexpected error there instead (a bug, as the user would meet it).
"""

from __future__ import annotations

import os
import signal


def point(name: str) -> None:
    if os.environ.get("DIGEST_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
    if os.environ.get("DIGEST_FAIL_AT") == name:
        raise RuntimeError(f"fault injected at {name!r}")
