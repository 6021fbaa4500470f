"""The outbox writer: the only code that writes a digest to disk.

A digest folder appears whole or not at all: its files are written into a
hidden temporary folder (:func:`stage`), each fsync'ed, and the folder is
swapped into place (:meth:`Staged.swap_in`). For the length of the swap the
previous folder waits aside as ``.<period>.old`` (an empty one when there was
none), so a swap can always be undone: the build swaps inside the state file's
transaction and undoes the swap when that transaction does not commit.

:func:`recover` finishes or undoes what a killed run left behind. It touches
only the names this module makes (a digest period between a dot and ``.tmp``
or ``.old``), never anything else a shared outbox folder may hold.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import DigestError
from .faults import point
from ..models import Rendered

log = logging.getLogger(__name__)

# A weekly period ("2026-W47", its second edition "2026-W47-2") or a brief's
# ("daily-2026-11-18"): the names of the folders this module makes.
PERIOD = r"\d{4}-W\d{2}(?:-\d+)?|[a-z0-9][a-z0-9_-]*-\d{4}-\d{2}-\d{2}(?:-\d+)?"
_STAGING = re.compile(rf"\.(?:{PERIOD})\.[a-z0-9_]{{8}}\.tmp")
_ASIDE = re.compile(rf"\.({PERIOD})\.old")
_DIGEST = re.compile(rf"(?:{PERIOD})")


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


def digest_folders(outbox: Path) -> list[Path]:
    """The digest folders in ``outbox`` (named for a period, holding a manifest)."""
    try:
        entries = sorted(outbox.iterdir())
    except OSError:
        return []
    return [e for e in entries if _DIGEST.fullmatch(e.name) and (e / "manifest.json").is_file()]


def recover(outbox: Path, recorded: Callable[[str, Path], bool] | None = None) -> None:
    """Finish or undo what an interrupted run left behind. Temporary folders are removed.
    A folder moved aside is put back when its replacement never came, or came but was
    never recorded (``recorded(period, folder)`` says whether the state holds that
    folder; without it, a replacement in place counts as done). Every build runs it,
    even one that finds nothing new; it touches only names of its own making."""
    if not outbox.is_dir():
        return
    for entry in sorted(outbox.iterdir()):
        if _STAGING.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
            log.info("removed %s, left by an interrupted run", entry)
        elif (match := _ASIDE.fullmatch(entry.name)) and entry.is_dir() and not entry.is_symlink():
            _settle(outbox, match.group(1), entry, recorded)


def _settle(outbox: Path, period: str, aside: Path, recorded) -> None:
    final = outbox / period
    if final.exists() and (recorded is None or recorded(period, final)):
        shutil.rmtree(aside, ignore_errors=True)      # the swap was done and recorded
        return
    if final.exists():
        shutil.rmtree(final)                           # swapped in, never recorded
        log.warning("removed %s, written by a run that did not record it", final)
    if any(aside.iterdir()):
        os.rename(aside, final)
        log.warning("restored %s after an interrupted run", final)
    else:
        aside.rmdir()                                  # the marker of "nothing before"
    _fsync_dir(outbox)


class Staged:
    """A digest written whole into its hidden folder, ready to be swapped into place."""

    def __init__(self, outbox: Path, period: str, staging: Path):
        self.outbox, self.staging = outbox, staging
        self.final = outbox / period
        self.aside = outbox / f".{period}.old"
        self.swapped = False

    def swap_in(self) -> Path:
        """Put the new folder in place, the previous one (or an empty marker) aside."""
        try:
            if self.final.exists():
                os.rename(self.final, self.aside)
            else:
                self.aside.mkdir()
            _fsync_dir(self.outbox)
            point("moved-aside")
            os.rename(self.staging, self.final)
            self.swapped = True
            _fsync_dir(self.outbox)
        except OSError as exc:
            raise _unwritable(self.outbox, exc) from None
        point("swapped")
        return self.final

    def undo(self) -> None:
        """Take the new folder back out and put the previous one back."""
        if self.swapped:
            shutil.rmtree(self.final, ignore_errors=True)
            self.swapped = False
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.aside.is_dir():
            _settle(self.outbox, self.final.name, self.aside, lambda *_: False)

    def finish(self) -> None:
        """The swap is recorded: the previous folder goes."""
        shutil.rmtree(self.aside, ignore_errors=True)
        _fsync_dir(self.outbox)


def _unwritable(outbox: Path, exc: OSError) -> DigestError:
    return DigestError(f"cannot write the digest into {outbox}: {exc.strerror or exc}; "
                       "nothing was recorded, so the next build writes it again")


def stage(outbox: Path, rendered: Rendered) -> Staged:
    """Write the digest's files into a hidden folder of ``outbox``, each fsync'ed."""
    try:
        outbox.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{rendered.period}.", suffix=".tmp", dir=outbox))
    except OSError as exc:
        raise _unwritable(outbox, exc) from None
    try:
        os.chmod(staging, 0o755)
        for name, data in rendered.files:
            with open(staging / name, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            point("staging")
        _fsync_dir(staging)
        point("staged")
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _unwritable(outbox, exc) from None
        raise
    return Staged(outbox, rendered.period, staging)


def write(outbox: Path, rendered: Rendered) -> Path:
    """Write the digest's files as ``outbox/<period>/`` and return that folder (for a
    caller with nothing to record: the swap is final at once)."""
    recover(outbox)
    staged = stage(outbox, rendered)
    try:
        folder = staged.swap_in()
    except BaseException:
        staged.undo()
        raise
    staged.finish()
    return folder
