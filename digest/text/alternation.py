"""A table of rules as two patterns: the branches anchored at the start apart from the rest.

Searching one alternation of many branches tries each branch at every character of
a line, the ones that can only match at its start (``^…``) too; matched apart, those
are tried once.
"""

from __future__ import annotations

import re


def anchored_apart(table) -> tuple[re.Pattern, re.Pattern]:
    """The top-level branches of ``table``'s patterns ((name, pattern) rows) that open
    with ``^``, as one pattern to match at a text's start, and the others, as one to
    search anywhere; each branch keeps its rule's case sensitivity. A text matches
    either exactly when the whole table's alternation finds something in it."""
    start: list[str] = []
    anywhere: list[str] = []
    for _name, pattern in table:
        flag = "i" if pattern.flags & re.IGNORECASE else ""
        for branch in branches(pattern.pattern):
            (start if branch.startswith("^") else anywhere).append(f"(?{flag}:{branch})")
    return re.compile("|".join(start) or "(?!)"), re.compile("|".join(anywhere) or "(?!)")


def branches(pattern: str) -> list[str]:
    """A regular expression's top-level alternatives (``a|(b|c)|[|]`` -> a, (b|c), [|])."""
    out, depth, at, i = [], 0, 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch == "[":                # a class: to its closing bracket (one first is a member)
            i += 2 if pattern[i + 1:i + 2] == "^" else 1
            i += pattern[i] == "]"
            while pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            out.append(pattern[at:i])
            at = i + 1
        i += 1
    return [*out, pattern[at:]]
