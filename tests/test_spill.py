"""The spill file gives back what was put in it, whether still waiting to be written or
long written, and is gone once closed."""

from __future__ import annotations

import sqlite3

import pytest

from digest.models import Sentence
from digest.store import spill as spill_module
from digest.store.spill import Spill


def test_what_is_spilled_comes_back(monkeypatch):
    monkeypatch.setattr(spill_module, "RECENT", 4)
    sentences = [(tuple(Sentence(f"a{n}", i, 0, f"第{n}句{i}。", ()) for i in range(3)), (f"x{n}",))
                 for n in range(1200)]
    with Spill() as spill:
        for number, value in enumerate(sentences):
            spill.put(number, value)
        # Read back in another order than written, some twice, the last ones unwritten yet.
        for number in (1199, 0, 640, 0, 1199, 3, 999):
            assert spill.get(number) == sentences[number]
        assert len(spill.recent) == 4
        assert spill.db.execute("SELECT count(*) FROM spilled").fetchone() == (1200,)
        with pytest.raises(KeyError):
            spill.get(5000)
    with pytest.raises(sqlite3.ProgrammingError):        # closed: nothing left to read
        spill.get(640)


def test_a_failed_build_closes_its_spill_file():
    with pytest.raises(RuntimeError):
        with Spill() as spill:
            spill.put(1, "x")
            raise RuntimeError("the themes step failed")
    with pytest.raises(sqlite3.ProgrammingError):
        spill.db.execute("SELECT 1")
