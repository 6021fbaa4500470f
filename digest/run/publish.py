"""Publishing a composed digest: render it, swap it into the outbox inside the state's
transaction, and heal what a killed run left behind.

The outbox never holds what the state lacks: the new folder is swapped in inside the
state's transaction and swapped back when the transaction does not commit, and a run
killed in between is settled by asking the state whether it recorded the folder in place.
"""

from __future__ import annotations

from pathlib import Path

from ..config import Brief, Config
from ..store.faults import point
from ..store.state import DigestRecord, RunRecord, State, Translations


def heal_outbox(config: Config, state: State) -> None:
    """Tidy the outbox after a killed run (only the state knows whether a folder swapped
    in was recorded), and refuse to go on when the state has lost what the outbox holds:
    an empty or new state file beside built digests would build and send them again."""
    from ..errors import DigestError
    from ..store.outbox import digest_folders, recover

    recover(config.outbox.folder, lambda period, folder: _recorded(state, period, folder))
    if state.last_digest() is None and (built := digest_folders(config.outbox.folder)):
        raise DigestError(
            f"the state file {config.state.file} records no digest, but the outbox "
            f"{config.outbox.folder} holds {len(built)} ({built[-1].name}, ...): the state was "
            "lost or emptied, and building now would send those articles again. Restore the "
            "state file from a backup, or move the outbox's digest folders aside to start afresh")


def _recorded(state: State, period: str, folder: Path) -> bool:
    """Whether the state's record of ``period`` describes ``folder`` (same files, same sizes)."""
    record = state.digest(period)
    if record is None:
        return False
    try:
        sizes = {p.name: p.stat().st_size for p in folder.iterdir()}
    except OSError:
        return False
    return sizes == record.files


def publish(config: Config, state: State, digest, clock, *, outcomes, built_at: str,
             sent_at: str | None, run: RunRecord | None, brief: Brief | None,
             translations: Translations, claim: bool = True, jobs: int = 1) -> Path:
    """Render the digest, write it to the outbox, then record it: the state only
    says a digest is built once its files are durable. Returns its folder.

    A brief's articles stay pending for the weekly digest; a weekly digest's are
    claimed unless ``claim`` is False (a digest rendered again claims nothing new)."""
    from ..store import outbox
    from ..output.render import render

    rendered = render(config, digest, jobs)
    clock.lap("render")
    staged = outbox.stage(config.outbox.folder, rendered)
    clock.lap("write")
    point("written")
    record = DigestRecord(
        period=digest.period, built_at=built_at, folder=str(staged.final),
        articles=tuple(i.article.id for i in digest.items),
        files={name: len(data) for name, data in rendered.files}, sent_at=sent_at,
        brief=brief.name if brief else None)
    # The new folder is swapped in inside the state's transaction and taken out again
    # when the transaction does not commit: the outbox never holds what the state lacks.
    from ..store import claims

    def before_commit() -> None:
        if claim and brief is None and digest.left_out:
            claims.claim(state.db, digest.period, digest.left_out)
        staged.swap_in()

    try:
        state.record(outcomes, digest=record, run=run, claim=claim and brief is None,
                     translations=translations, before_commit=before_commit)
    except BaseException:
        staged.undo()
        raise
    staged.finish()
    folder = staged.final
    clock.lap("record")
    return folder
