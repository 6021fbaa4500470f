"""`digest add`: put one page or file into the next digest.

A web address is fetched (within ``[sources]``' limits) and saved into the first
source folder, with its address in a leading "saved from url" comment, as
browsers save pages; a file outside the source folders is copied there. So the
input stays on disk and a rebuild reads the same bytes. The saved file is then
read and recorded like any file a build finds: included, skipped or failed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from .config import Config
from .errors import DigestError, SourceError, Unusable
from .store.lock import RunLock
from .models import FileOutcome
from .sources.readers import READERS, display_name, read_local


@dataclass(frozen=True)
class Added:
    path: Path                  # the file in the source folder
    outcome: FileOutcome | None  # None when the same bytes were already recorded
    removed: bool = False       # not added: the copy this command saved was removed again

    @property
    def message(self) -> str:
        shown = display_name(self.path)
        if self.outcome is None:
            return f"Already recorded: {shown} (no change since it was read)."
        if self.outcome.status == "included":
            titles = "; ".join(a.title for a in self.outcome.articles)
            return f"Added {titles!s} ({shown}) to the next digest."
        gone = "; the copy saved there was removed" if self.removed else ""
        return f"Not added: {shown} was {self.outcome.status}: {self.outcome.reason}{gone}."


def add(config: Config, target: str, lock_wait: float = 0.0) -> Added:
    """Save ``target`` (an http(s) address or a file path) into the first source folder,
    then read and record it."""
    from .sources.ingest import ingest_one
    from .store.state import RunRecord, State

    if not config.sources.folders:
        raise DigestError("no source folder to save into: set sources.folders in "
                          f"{config.path.name}")
    folder = config.sources.folders[0]
    with RunLock(config.lock_file, wait=lock_wait):
        there = {p.name for p in folder.iterdir()} if folder.is_dir() else set()
        if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", target):
            path = _save_page(config, target, folder)
        else:
            path = _copy_file(Path(target).expanduser(), config)
        # Only a file this command wrote is its own to take back.
        made = path.parent == folder and path.name not in there
        with State(config.state.file, root=config.root) as state:
            outcome = ingest_one(config, state, path)
            if outcome is not None and outcome.status != "included" and made:
                # Not an article (or one already seen): no copy is left behind for every
                # later build and status to list as skipped.
                path.unlink(missing_ok=True)
                state.record([], run=RunRecord("add", f"{outcome.status} {path.name} (removed)"))
                return Added(path, outcome, removed=True)
            if outcome is not None:
                state.record([outcome], run=RunRecord("add", f"{outcome.status} {path.name}"))
    return Added(path, outcome)


def _save_page(config: Config, url: str, folder: Path) -> Path:
    from .sources.fetch import fetch
    from .sources.ingest import limits

    try:
        got = fetch(url, limits(config), typed=True)      # the user's own address
    except SourceError as exc:
        raise DigestError(str(exc)) from None
    host = re.sub(r"[^A-Za-z0-9.-]", "_", urlsplit(got.url).hostname or "page")
    name = f"{host}-{hashlib.sha256(got.url.encode()).hexdigest()[:12]}.html"
    # The address as browsers record a saved page's origin; quoted so it cannot end the comment.
    address = quote(got.url, safe=":/?&=#%+@,;~!$*'()[]")
    header = f"<!-- saved from url=({len(address):04d}){address} -->\n".encode("ascii")
    return _write(folder / name, header + got.data)


def _copy_file(path: Path, config: Config) -> Path:
    if not path.is_file():
        raise DigestError(f"not a file: {display_name(path)}")
    if path.suffix.lower() not in READERS:
        raise DigestError(f"cannot read '{display_name(path.suffix or path.name)}' files; "
                          f"readable: {', '.join(sorted(READERS))}")
    resolved = path.resolve()
    if any(resolved.is_relative_to(f.resolve()) for f in config.sources.folders):
        return resolved          # already where builds look
    folder = config.sources.folders[0]
    target = folder / path.name
    data = _read(path, config)
    if target.exists() and (target.stat().st_size != len(data) or _read(target, config) != data):
        digest = hashlib.sha256(data).hexdigest()[:8]
        target = folder / f"{path.stem}-{digest}{path.suffix}"
    if target.exists():
        return target
    return _write(target, data)


def _read(path: Path, config: Config) -> bytes:
    """A file's bytes; one over ``sources.max_file_mb`` is refused before any is read (its
    size is taken from the opened file)."""
    try:
        return read_local(path, int(config.sources.max_file_mb * 1024 * 1024))
    except Unusable as exc:
        raise DigestError(f"not added: {display_name(path)}: {exc.reason}") from None
    except OSError as exc:
        raise DigestError(f"cannot read {display_name(path)}: {exc.strerror or exc}") from None


def _write(path: Path, data: bytes) -> Path:
    from .store.outbox import write_file

    path.parent.mkdir(parents=True, exist_ok=True)
    write_file(path, data)
    return path
