"""The per-article work on a real Dask cluster (a LocalCluster of separate worker
processes) gives the same digest, byte for byte, as a local build."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.config import Cluster, load
from digest.errors import DigestError
from digest.run.pipeline import build

from .conftest import SEEDS, write_config, write_market_week
from .test_same_digest import COMPARED

NOW = datetime(2026, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as local:
        yield local.scheduler_address


def project(root: Path) -> Path:
    shutil.copytree(SEEDS, root / "articles")
    write_market_week(root / "articles" / "week", 60, seed=11)
    write_config(root)
    return root / "config.toml"


def outputs(root: Path, folder: Path) -> dict[str, str]:
    return {name: (folder / name).read_text(encoding="utf-8").replace(str(root), "<root>")
            for name in COMPARED if name != "manifest.json"}


def test_a_build_on_the_cluster_is_the_local_build(tmp_path: Path, cluster: str):
    local = build(load(project(tmp_path / "local")), now=NOW, jobs=1)
    config = load(project(tmp_path / "remote"))
    remote = build(dataclasses.replace(config, cluster=Cluster(cluster)), now=NOW)
    assert remote.articles == local.articles > 60
    assert outputs(tmp_path / "remote", remote.folder) == outputs(tmp_path / "local", local.folder)
    db = sqlite3.connect(config.state.file)
    assert db.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (
        remote.articles, remote.articles)
    db.close()


# A client that never connected is finalised after its event loop: Dask warns of it.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path, monkeypatch):
    pytest.importorskip("distributed")
    from digest.store import workers

    monkeypatch.setattr(workers, "CONNECT_SECONDS", 2)
    config = load(project(tmp_path))
    with pytest.raises(DigestError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        build(dataclasses.replace(config, cluster=Cluster("tcp://127.0.0.1:9")), now=NOW)


def test_a_worker_killed_mid_build_is_survived_and_nothing_is_recorded_twice(tmp_path: Path):
    """The summaries' tasks are under way when one worker process is killed: Dask runs its
    tasks again on a worker, and the build records each file, article and digest once."""
    import os
    import signal
    import threading
    import time

    distributed = pytest.importorskip("distributed")

    def week(root: Path) -> Path:
        shutil.copytree(SEEDS, root / "articles")
        write_market_week(root / "articles" / "week", 500, seed=23)
        write_config(root)
        return root / "config.toml"

    local = build(load(week(tmp_path / "local")), now=NOW, jobs=1)
    config = load(week(tmp_path / "remote"))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as cluster, \
            distributed.Client(cluster.scheduler_address, set_as_default=False) as watcher:
        done: dict = {}
        run = threading.Thread(target=lambda: done.update(result=build(
            dataclasses.replace(config, cluster=Cluster(cluster.scheduler_address)), now=NOW)))
        run.start()
        killed = None
        while killed is None and run.is_alive():
            busy = [address for address, keys in watcher.processing().items()
                    if any("_rated" in str(key) for key in keys)]
            if busy:
                killed = watcher.run(os.getpid, workers=busy[:1])[busy[0]]
                os.kill(killed, signal.SIGKILL)
            time.sleep(0.02)
        run.join()
        assert killed is not None, "the build ended before a summary task was seen running"
        pids = watcher.run(os.getpid)
        assert killed not in pids.values()      # the worker is gone (its nanny started another)
    remote = done["result"]
    assert remote.articles == local.articles > 500
    assert outputs(tmp_path / "remote", remote.folder) == outputs(tmp_path / "local", local.folder)
    db = sqlite3.connect(config.state.file)
    try:
        assert db.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (
            remote.articles, remote.articles)
        assert db.execute("SELECT count(*), count(DISTINCT source) FROM files").fetchone() == (
            len(remote.outcomes), len(remote.outcomes))
        assert db.execute("SELECT count(*) FROM digests").fetchone() == (1,)
        assert db.execute("SELECT count(*) FROM runs").fetchone() == (1,)
        recorded = db.execute("SELECT articles FROM digests").fetchone()[0]
    finally:
        db.close()
    assert len(set(json.loads(recorded))) == len(json.loads(recorded)) == remote.articles
    assert [p.name for p in (tmp_path / "remote" / "outbox").iterdir()] == [remote.folder.name]
