"""Worker processes for per-article work, used only when there is enough of it.

``pool(jobs, count)`` gives a fork-based process pool, or nothing when one
would cost more than it saves; ``run_chunks`` maps a function over rows in
chunks, in order, in the pool or in-process.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

CHUNK = 200           # rows per task sent to a worker process
PAYS_FROM = 400       # fewer rows than this are done in-process: a pool would cost more


def pool(jobs: int, count: int):
    """A context manager giving a process pool, or None (work in-process)."""
    if jobs <= 1 or count < PAYS_FROM:
        return contextlib.nullcontext()
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .words import segmenter

    segmenter()                         # loaded once here, shared with the forked workers
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))


def run_chunks(executor, work: Callable, rows: list, extra: tuple = (),
               progress: Callable[[str, int, int], None] | None = None, stage: str = "") -> list:
    """``work(chunk, *extra)`` over ``rows`` in chunks, results in order."""
    return list(stream_chunks(executor, work, rows, extra, progress, stage))


def stream_chunks(executor, work: Callable, rows: list, extra: tuple = (),
                  progress: Callable[[str, int, int], None] | None = None, stage: str = ""):
    """:func:`run_chunks`, one result at a time as its chunk is done (in order), so that
    the caller can go on with the first results while the workers make the rest."""
    chunks = [rows[i:i + CHUNK] for i in range(0, len(rows), CHUNK)]
    done = 0
    results = (work(c, *extra) for c in chunks) if executor is None else \
        executor.map(work, chunks, *[[e] * len(chunks) for e in extra])
    for part in results:
        yield from part
        done += len(part)
        if progress:
            progress(stage, done, len(rows))
