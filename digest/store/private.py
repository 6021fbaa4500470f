"""Files of the state folder that only their owner may read.

The state file holds the name and SHA-256 of every file a build has looked at and the
lock file who is running; neither is anybody else's business. SQLite gives its journal
the state file's permissions, so creating the state file private keeps the journal so.
"""

from __future__ import annotations

import os
from pathlib import Path


def create_private(path: Path) -> None:
    """Create the empty file ``path`` readable and writable by its owner only (its folder,
    when new, by its owner only too); an existing file is left as it is."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    except FileExistsError:
        return
    os.close(fd)
