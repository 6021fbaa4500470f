"""Work done in worker processes gives exactly what the same work gives in-process."""

from __future__ import annotations

import random
from pathlib import Path

from digest.config import load
from digest.sources.ingest import ingest
from digest.store.state import State
from digest.store.workers import PAYS_FROM

from .conftest import write_config

WORDS = ("芯片", "市场", "基金", "指数", "模型", "算力", "银行", "利率", "政策", "黄金", "美元", "出口",
         "订单", "产能", "估值", "财报", "降息", "通胀", "关税", "消费")


def write_articles(folder: Path, count: int) -> None:
    rng = random.Random(5)
    folder.mkdir(parents=True)
    for number in range(count):
        sentences = ["".join(rng.choice(WORDS) for _ in range(8)) + "。" for _ in range(6)]
        (folder / f"{number:04d}.txt").write_text(
            f"第{number}号快讯\n\n" + "".join(sentences[:3]) + "\n\n" + "".join(sentences[3:]) + "\n",
            encoding="utf-8")
    # One file repeating another, for the duplicate check after the workers.
    (folder / "zz_copy.txt").write_bytes((folder / "0007.txt").read_bytes().replace(b"\n\n", b"\n\n\n"))


def outcomes(folder: Path, jobs: int):
    write_config(folder)
    config = load(folder / "config.toml")
    with_state = State(config.state.file)
    try:
        return ingest(config, with_state, jobs=jobs)
    finally:
        with_state.close()


def test_ingest_in_worker_processes_matches_in_process(tmp_path: Path):
    count = PAYS_FROM + 20
    for name in ("one", "two"):
        write_articles(tmp_path / name / "articles", count)
    alone = outcomes(tmp_path / "one", jobs=1)
    pooled = outcomes(tmp_path / "two", jobs=2)
    assert len(alone) == len(pooled) == count + 1

    def comparable(found):
        return [(Path(o.source).name, o.status, o.reason, [a.id for a in o.articles], o.signatures)
                for o in found]

    assert comparable(alone) == comparable(pooled)
    assert pooled[-1].status == "skipped" and pooled[-1].reason.startswith("duplicate of")


def test_work_in_background_runs_in_another_process_and_fails_as_it_would_here():
    import multiprocessing
    import os
    import time

    from digest.store.workers import Background

    here = os.getpid()
    elsewhere = Background(os.getpid)
    assert elsewhere.result() != here and elsewhere.apart
    assert Background(os.getpid, wanted=False).result() == here

    def only_here() -> str:
        if os.getpid() != here:
            raise ValueError("not in the child")
        return "done here"

    failed = Background(only_here)
    assert failed.result() == "done here" and not failed.apart     # done again here

    slow = Background(lambda: time.sleep(30) if os.getpid() != here else "done here", patience=0.5)
    assert slow.result() == "done here" and not slow.apart         # too slow: done here

    # Nobody asks for the result (the caller failed first): the child is stopped.
    try:
        with Background(lambda: time.sleep(30)):                   # stopped, not waited for
            raise RuntimeError("the other views failed")
    except RuntimeError:
        pass
    assert multiprocessing.active_children() == []


def _where(rows: list, offset: int) -> list:
    import os

    return [(row + offset, os.getpid()) for row in rows]


def test_a_pool_about_to_fork_gets_its_rows_by_the_fork_and_a_started_one_by_pickling():
    import os
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    from digest.store import workers

    rows = list(range(3 * workers.CHUNK + 7))
    expected = [row + 1 for row in rows]
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as executor:
        assert workers._forks_yet(executor)
        first = list(workers.stream_chunks(executor, _where, rows, (1,)))
        assert not workers._forks_yet(executor) and workers._ROWS == []
        again = list(workers.stream_chunks(executor, _where, rows, (1,)))   # pickled chunks now
    for done in (first, again):
        assert [value for value, _ in done] == expected
        assert {pid for _, pid in done} - {os.getpid()}                   # done in the workers
    assert [value for value, _ in workers.stream_chunks(None, _where, rows, (1,))] == expected
