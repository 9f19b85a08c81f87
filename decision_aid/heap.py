"""Giving freed memory back to the system between kiosk sessions (issue 18: a long day in one process). No Qt.

On Linux (glibc) memory the program has freed stays in the process: each thread that typesets a summary (Typst works
on several) keeps its own heap, and a long day at the kiosk held about 140 MiB of free but unreturned memory (the soak:
325 MiB before ``malloc_trim``, 186 MiB after). ``give_back()`` returns it; on other systems (and other C libraries)
it does nothing, as their allocators return memory by themselves.
"""

from __future__ import annotations

import ctypes
import sys


def give_back() -> bool:
    """Return the free memory at the heaps' ends and in whole free pages to the system; True when it was done."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True
