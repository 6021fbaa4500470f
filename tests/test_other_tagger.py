"""Key facts can take another tagger's words and flags in place of jieba's (bench/facts.py)."""

from __future__ import annotations

from digest.editorial import tagging


def test_names_come_from_the_other_tagger_when_one_is_given(monkeypatch):
    text = "王小明在北京工作"
    monkeypatch.setattr(tagging, "other_tagger",
                        lambda t: [("王小明", "nr"), ("在", "p"), ("北京", "ns"), ("工作", "vn")])
    assert [(w, k) for w, k, *_ in tagging.tagged_names(text)] == [("王小明", "person"), ("北京", "place")]
    monkeypatch.setattr(tagging, "other_tagger", lambda t: [(t, "n")])
    assert tagging.tagged_names(text) == []


def test_jieba_tags_by_default():
    assert tagging.other_tagger is None
    assert ("北京", "place") in [(w, k) for w, k, *_ in tagging.tagged_names("王小明在北京工作")]
