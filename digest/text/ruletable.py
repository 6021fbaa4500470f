"""A cleaning rule and its examples, and the registry that the rule tables fill (one test
reads every registered rule's examples: tests/test_rules.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One named pattern, with examples of lines it matches and lines it leaves alone."""

    name: str
    pattern: re.Pattern
    match: tuple[str, ...]
    leave: tuple[str, ...]

    def __iter__(self):              # tables are read as (name, pattern) pairs
        return iter((self.name, self.pattern))


RULES: list[Rule] = []              # every rule of the tables, for the example test


def row(name: str, pattern: str | re.Pattern, match=(), leave=(), flags: int = 0) -> Rule:
    compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
    rule = Rule(name, compiled, tuple(match), tuple(leave))
    RULES.append(rule)
    return rule


def joined(table: list[Rule]) -> re.Pattern:
    """A table's patterns as one alternation (each keeps its own case sensitivity): one
    regex call a line instead of one a rule."""
    return re.compile("|".join(f"(?{'i' if p.flags & re.IGNORECASE else ''}:{p.pattern})"
                               for _, p in table))


def rule(name: str, pattern: str, match=(), leave=(), flags: int = 0) -> re.Pattern:
    """A rule used on its own: registered with its examples, returned as a pattern."""
    return row(name, pattern, match, leave, flags).pattern
