"""Worker processes for per-article work, used only when there is enough of it.

``pool(jobs, count)`` gives a fork-based process pool, or nothing when one
would cost more than it saves; with a Dask scheduler's address it gives the
executor of a ``distributed.Client`` instead, whose workers may be other
machines. ``stream_chunks`` maps a function over rows in chunks, in order, in the
pool, on the cluster or in-process: each chunk is one task, only its small
result comes back, and each result is handed on as soon as its turn comes, so
that the caller can keep what it needs of it and let the rest go.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

CHUNK = 200           # rows per task sent to a worker process
CONNECT_SECONDS = 30  # how long to keep trying a Dask scheduler that does not answer
PAYS_FROM = 400       # fewer rows than this are done in-process: a pool would cost more


def pool(jobs: int, count: int, cluster: str = "", ready: Callable[[], object] | None = None):
    """A context manager giving a process pool, a Dask cluster's executor (``cluster``:
    its scheduler's address), or None (work in-process). Before a pool's processes are
    forked, this process loads the segmenter and the dictionary and calls ``ready()``
    (work that loads what the workers' work needs), so that the workers share one copy
    of each table instead of each loading its own."""
    if cluster:
        return on_cluster(cluster)
    if jobs <= 1 or count < PAYS_FROM:
        return contextlib.nullcontext()
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from ..text.lexicon import is_word
    from ..text.words import segmenter

    segmenter()
    is_word("")                         # the headwords that Simplified forms are checked with
    if ready is not None:
        ready()
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))


@contextlib.contextmanager
def on_cluster(address: str):
    """The executor of a client of the Dask scheduler at ``address``; Dask is imported only
    here (`pip install 'digest[cluster]'`). A task lost with a worker is run again by Dask
    on another one; results come back in order, so the digest is the one a local build makes."""
    from ..errors import DigestError

    try:
        from distributed import Client
    except ImportError:
        raise DigestError("a cluster needs Dask: pip install 'digest[cluster]'") from None
    try:
        client = Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise DigestError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        with client.get_executor() as executor:
            yield executor
    finally:
        client.close()


def stream_chunks(executor, work: Callable, rows: list, extra: tuple = (),
                  progress: Callable[[str, int, int], None] | None = None, stage: str = ""):
    """``work(chunk, *extra)`` over ``rows`` in chunks, one result at a time as its chunk
    is done (in order), so that the caller can go on with the first results while the
    workers make the rest. A pool about to fork its workers hands them the rows by
    forking (each task names its chunk's start): nothing of them is pickled on the way
    in, which would also leave every string pickled holding a UTF-8 copy of its text."""
    global _ROWS
    starts = range(0, len(rows), CHUNK)
    done = 0
    if executor is None:
        results = (work(rows[i:i + CHUNK], *extra) for i in starts)
    elif _forks_yet(executor):
        _ROWS = rows
        results = executor.map(_chunk_of, [work] * len(starts), starts,
                               *[[e] * len(starts) for e in extra])
    else:
        results = executor.map(work, [rows[i:i + CHUNK] for i in starts],
                               *[[e] * len(starts) for e in extra])
    try:
        for part in results:
            yield from part
            done += len(part)
            if progress:
                progress(stage, done, len(rows))
    finally:
        _ROWS = []
        if hasattr(results, "close"):      # an executor's result iterator, ended while its
            results.close()                # executor (or cluster client) is still there


_ROWS: list = []      # the rows of the map under way, as the pool's workers are forked with them


def _forks_yet(executor) -> bool:
    """Whether ``executor`` is a process pool whose workers are yet to be forked (they
    are forked all at once, at its first task)."""
    from concurrent.futures import ProcessPoolExecutor

    return isinstance(executor, ProcessPoolExecutor) and not executor._processes \
        and executor._mp_context.get_start_method() == "fork"


def _chunk_of(work: Callable, start: int, *extra):
    """In a forked worker: ``work`` over the chunk of the rows it was forked with at ``start``."""
    return work(_ROWS[start:start + CHUNK], *extra)


class Background:
    """``work()`` started in a forked process; :meth:`result` waits for it. The child sees
    this process's memory as it is, so nothing is pickled on the way in; only the result
    comes back. Where the child fails, takes longer than ``patience`` seconds, or there is
    no fork (or the work is not ``wanted`` apart), the work is done in this process when
    its result is asked for, so that any error is raised here, as it would have been.
    Used as a context manager, it stops a child whose result nobody asked for."""

    def __init__(self, work: Callable[[], object], wanted: bool = True, patience: float = 600.0):
        import multiprocessing
        import sys

        self.work, self.patience, self.apart = work, patience, False
        self.process = self.receive = None
        if not wanted or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)

        def child() -> None:
            receive.close()
            try:
                result = (True, work())
            except BaseException:             # told apart below: done again in the parent
                result = (False, None)
            send.send(result)

        for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
            stream.flush()
        self.process = context.Process(target=child, daemon=True)
        self.process.start()
        send.close()
        self.receive = receive

    def result(self) -> object:
        from multiprocessing.connection import wait

        done, value = False, None
        if self.receive is not None:
            # Ready once the child has answered or ended (or after ``patience``).
            if wait([self.receive, self.process.sentinel], self.patience) and self.receive.poll():
                try:
                    done, value = self.receive.recv()
                except EOFError:                # the child died without a word
                    pass
            self.close()
        self.apart = done
        return value if done else self.work()

    def close(self) -> None:
        """Stop the child (if it still runs) and let go of it."""
        if self.process is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join()
            self.receive.close()
            self.process = self.receive = None

    def __enter__(self) -> "Background":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
