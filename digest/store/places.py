"""Source names as the state file keeps them: relative to the digest folder (the config
file's folder) when inside it, so that a digest folder copied or moved elsewhere still
knows every file it has read. Addresses, and paths outside the folder, are kept whole."""

from __future__ import annotations

import os
import re
from pathlib import Path

_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


class Places:
    """Turns a source name (an absolute path, "path#entry" for a feed's entry, or an
    address) into its stored form and back. Without a folder, names are kept as given."""

    def __init__(self, root: Path | None):
        self.prefix = str(root).rstrip(os.sep) + os.sep if root is not None else None

    def stored(self, name: str) -> str:
        if self.prefix is not None and name.startswith(self.prefix):
            return name[len(self.prefix):]
        return name

    def shown(self, name: str) -> str:
        if self.prefix is None or not name or os.path.isabs(name) or _ADDRESS.match(name):
            return name
        return self.prefix + name
