"""What a run records besides its files and articles: a digest built, the run itself,
new translations for the cache."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DigestRecord:
    period: str
    built_at: str
    folder: str
    articles: tuple[str, ...]
    files: dict
    sent_at: str | None
    brief: str | None = None            # the brief's name; None for the weekly digest


@dataclass(frozen=True)
class RunRecord:
    """One run for the runs table: its kind ("build", "brief:daily", "add") and outcome."""
    kind: str
    result: str


@dataclass(frozen=True)
class Translations:
    """New translations for the cache: one engine's {Chinese text: English}."""
    engine: str
    table: dict[str, str]
