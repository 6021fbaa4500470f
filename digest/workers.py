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


def in_background(work: Callable[[], object], wanted: bool = True) -> Callable[[], object]:
    """Start ``work()`` in a forked process and return a function that waits for its
    result. The child sees this process's memory as it is, so nothing is pickled on the
    way in; only the result comes back. Where the child fails (or there is no fork, or
    the work is not ``wanted`` apart), the work is done in this process when asked for,
    so that any error is raised here, as it would have been."""
    import multiprocessing
    import sys

    if not wanted or "fork" not in multiprocessing.get_all_start_methods():
        return work
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            result = (True, work())
        except BaseException:               # told apart below: done again in the parent
            result = (False, None)
        send.send(result)

    for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
        stream.flush()
    process = context.Process(target=child, daemon=True)
    process.start()
    send.close()

    def result():
        try:
            done, value = receive.recv()
        except EOFError:                      # the child died without a word
            done, value = False, None
        finally:
            receive.close()
            process.join()
        return value if done else work()

    return result
