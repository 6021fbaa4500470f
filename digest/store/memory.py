"""Handing the memory a large step has freed back to the system before the next one.

A step that makes and frees many arrays (the story links' candidate pairs at 100,000
articles: some hundreds of MB) leaves C's allocator holding much of what it freed, in
pieces the next step's larger arrays do not fit; that next step's memory then comes on
top of it. ``give_back`` asks the C library to return its free pages (glibc's
``malloc_trim``); where there is no such call (another C library, another system) it
does nothing. Nothing a step computes changes, only where its memory comes from.
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _trim():
    """glibc's ``malloc_trim``, or None."""
    import ctypes

    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None


def give_back() -> None:
    """Return the C allocator's free memory to the system, where it can."""
    trim = _trim()
    if trim is not None:
        trim(0)
