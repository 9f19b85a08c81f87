"""The accessibility tree as a Linux screen reader gets it: through AT-SPI over D-Bus, from the aid running on Xvfb
(tests/ui/atspi_probe.py, under its own D-Bus session). Skipped where D-Bus, Xvfb or AT-SPI are missing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("atspi_probe.py")
NEEDED = ("dbus-run-session", "xvfb-run", "busctl")
LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")


@pytest.mark.skipif(not all(shutil.which(n) for n in NEEDED) or not LAUNCHER.exists(),
                    reason="needs dbus-run-session, xvfb-run, busctl and at-spi2-core")
def test_the_tree_through_atspi():
    result = subprocess.run(["dbus-run-session", "--", "xvfb-run", "-a", sys.executable, str(PROBE)],
                            capture_output=True, text=True, timeout=240)
    nodes = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert result.returncode == 0, (nodes[:1], result.stderr[-2000:])
    roles = {}
    for n in nodes:
        roles.setdefault(n["role"], []).append(n["name"])
    assert roles["application"] == ["Decision aid"]
    assert roles["frame"][0].startswith("Step 1 of 9: Welcome — ")
    assert "Welcome" in roles["heading"]
    assert {"Read this page to me", "Next", "Back"} <= set(roles["push button"])
    unnamed = [n for n in nodes if n["role"] in ("push button", "check box", "radio button", "list", "button menu")
               and not n["name"].strip()]
    assert not unnamed
