"""The outbox writer: the only code that writes a digest to disk.

A digest folder appears whole or not at all: its files are written into a
hidden temporary folder, each fsync'ed, and the folder is renamed into place.
Replacing an existing digest moves the old folder aside first; a run killed
between the two renames is repaired by :func:`recover` on the next run.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

from ..errors import DigestError
from .faults import point
from ..models import Rendered

log = logging.getLogger(__name__)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file(path: Path, data: bytes) -> None:
    """Write one file atomically: temp file in the same folder, fsync, rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def recover(outbox: Path) -> None:
    """Finish or undo what an interrupted run left behind: temporary folders and files
    are removed, and a digest moved aside for a replacement that never came is put back.
    Every build runs it, even one that finds nothing new."""
    if not outbox.is_dir():
        return
    for entry in sorted(outbox.iterdir()):
        name = entry.name
        if name.startswith(".") and name.endswith(".tmp"):
            shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink()
            log.info("removed %s, left by an interrupted run", entry)
        elif name.startswith(".") and name.endswith(".old") and entry.is_dir():
            final = outbox / name[1:-4]
            if final.exists():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                os.rename(entry, final)
                _fsync_dir(outbox)
                log.warning("restored %s after an interrupted run", final)


def write(outbox: Path, rendered: Rendered) -> Path:
    """Write the digest's files as ``outbox/<period>/`` and return that folder."""
    try:
        return _write(outbox, rendered)
    except OSError as exc:
        raise DigestError(f"cannot write the digest into {outbox}: {exc.strerror or exc}; "
                          "nothing was recorded, so the next build writes it again") from None


def _write(outbox: Path, rendered: Rendered) -> Path:
    outbox.mkdir(parents=True, exist_ok=True)
    recover(outbox)
    final = outbox / rendered.period
    staging = Path(tempfile.mkdtemp(prefix=f".{rendered.period}.", suffix=".tmp", dir=outbox))
    os.chmod(staging, 0o755)
    try:
        for name, data in rendered.files:
            with open(staging / name, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            point("staging")
        _fsync_dir(staging)
        point("staged")
        if final.exists():
            aside = outbox / f".{rendered.period}.old"
            os.rename(final, aside)
            point("moved-aside")
            os.rename(staging, final)
            _fsync_dir(outbox)
            point("swapped")
            shutil.rmtree(aside)
        else:
            os.rename(staging, final)
        _fsync_dir(outbox)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final
