"""Whether Qt can show a window here: the start-up (cli) and the self-test both ask, before Qt is imported."""

from __future__ import annotations

import os
import sys

# Qt platforms that need no display server.
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "vkkhrdisplay", "eglfs", "linuxfb")


def has_display() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if any(platform.startswith(p) for p in HEADLESS_PLATFORMS):
        return True
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
