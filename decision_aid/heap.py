"""Giving freed memory back to the system between kiosk sessions (issue 18: a long day in one process). No Qt.

A session thrown away is not all freed when its window goes: part of it is held in reference cycles (Python objects
that refer to each other, and the Qt objects they own) until Python's cycle collector runs, which on its own comes
after dozens of sessions (the soak: about 9 MiB of C memory a session waited for it, and the heap grew to 230 MiB
before it came). ``give_back()`` collects them first, so what is returned is the whole session.

On Linux (glibc) memory the program has freed stays in the process: each thread that typesets a summary (Typst works
on several) keeps its own heap, and a long day at the kiosk held about 140 MiB of free but unreturned memory (the soak:
325 MiB before ``malloc_trim``, 186 MiB after). ``give_back()`` returns it; on other systems (and other C libraries)
it does nothing, as their allocators return memory by themselves.
"""

from __future__ import annotations

import ctypes
import gc
import sys


def give_back() -> bool:
    """Collect the garbage in reference cycles, then return the free memory at the heaps' ends and in whole free pages
    to the system; True when memory was returned (glibc only), False when only the garbage was collected."""
    gc.collect()
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
