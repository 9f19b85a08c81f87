"""The accessibility tree as a Linux screen reader gets it: through AT-SPI over D-Bus, from the aid running on Xvfb
under its own D-Bus session (tests/ui/atspi_probe.py). Every page, nurse and kiosk mode, walked by pressing Next
through AT-SPI, and a "Read more" window opened and closed through it; tests/ui/atspi_checks.py names the faults.
Skipped where D-Bus, Xvfb, AT-SPI or dbus-python are missing (scripts/setup.sh installs them)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from atspi_checks import page_faults, run_faults

PROBE = Path(__file__).with_name("atspi_probe.py")
LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = "/usr/bin/python3"  # dbus-python: Debian's python3-dbus, for the probe (the aid runs in the venv)
STEPS = 9


def _probe_can_run() -> str:
    missing = [n for n in ("dbus-run-session", "xvfb-run") if not shutil.which(n)]
    if not LAUNCHER.exists():
        missing.append("at-spi2-core")
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run([SYSTEM_PYTHON, "-c", "import dbus"],
                                                           capture_output=True).returncode != 0:
        missing.append("python3-dbus")
    return ", ".join(missing)


@pytest.fixture(scope="module")
def walked():
    """Both modes, every page and a Read more window: about 40 s, one D-Bus session, one aid process per mode."""
    missing = _probe_can_run()
    if missing:
        pytest.skip(f"needs {missing}")
    result = subprocess.run(["dbus-run-session", "--", "xvfb-run", "-a", SYSTEM_PYTHON, str(PROBE), sys.executable,
                             "nurse", "kiosk"], capture_output=True, text=True, timeout=300)
    pages = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    errors = [p for p in pages if "error" in p]
    assert result.returncode == 0 and not errors, (errors, result.stderr[-2000:])
    return pages


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["nurse", "kiosk"])
def test_every_page_through_atspi(walked, mode):
    pages = [p for p in walked if p["mode"] == mode]
    assert not run_faults(walked, mode=mode, steps=STEPS), "\n".join(run_faults(walked, mode=mode, steps=STEPS))
    first = pages[0]["nodes"]
    assert first[0]["role"] == "application" and first[0]["name"] == "Decision aid"
    assert pages[0]["window"].startswith("Step 1 of 9: Welcome — ")
    buttons = {n["name"] for n in first if n["role"] == "push button"}
    assert {"Read this page to me", "Next", "Back"} <= buttons
    levels = {n["attributes"]["level"] for p in pages for n in p["nodes"] if n["role"] == "heading"}
    assert levels == {"1", "2", "3"}
    situation = next(p for p in pages if p["window"].startswith("Step 2 "))
    groups = [n["name"] for n in situation["nodes"] if n["role"] == "panel" and n["name"]]
    assert "Is the tumor in your breast causing you problems right now?" in groups


# -- the checks themselves, on a small page with each fault planted --------------------------------------------------

def _node(role, name="", description="", parent=-1, **extra):
    return {"role": role, "name": name, "description": description, "showing": True, "focusable": False,
            "focused": False, "enabled": True, "attributes": {}, "depth": 0, "parent": parent, **extra}


def _good_page():
    nodes = [_node("frame", "Step 2 of 9: Your situation — Aid"),
             _node("heading", "Your situation", parent=0, attributes={"level": "1"}, focused=True),
             _node("panel", "", parent=0),
             _node("heading", "Does it hurt?", parent=2, attributes={"level": "3"}),
             _node("panel", "Does it hurt?", parent=2),
             _node("radio button", "Yes", parent=4, focusable=True),
             _node("radio button", "No", parent=4, focusable=True),
             _node("label", "About pain", "About pain. " + "Words. " * 200 + "Links: pain: opens a meaning.",
                   parent=0, focusable=True)]
    return {"mode": "kiosk", "window": "Step 2 of 9: Your situation — Aid", "nodes": nodes}


def test_the_atspi_checks_find_each_fault():
    assert page_faults(_good_page(), after_next=True, check_focus=True) == []
    cases = {
        "unnamed control": lambda n: n.append(_node("push button", "", parent=0, focusable=True)),
        "heading without its level": lambda n: n[3].update(attributes={}),
        "expected one level-1 heading": lambda n: n[1].update(role="label"),
        "without its question as its name": lambda n: n[4].update(name=""),
        "text cut at 1000 characters": lambda n: n[7].update(description="x" * 1000),
        "text with links the keyboard cannot reach": lambda n: n[7].update(focusable=False),
        "without where it leads": lambda n: n[7].update(description="Text. Links: pain."),
        "not on the page's heading": lambda n: n[1].update(focused=False),
    }
    for fault, plant in cases.items():
        page = _good_page()
        plant(page["nodes"])
        found = "\n".join(page_faults(page, after_next=True, check_focus=True))
        assert fault in found, (fault, found)
    window = {"mode": "kiosk", "window": "Keep going", "dialog": True,
              "nodes": [_node("dialog", "Keep going"), _node("heading", "Keep going", parent=0,
                                                             attributes={"level": "1"})]}
    assert page_faults(window, after_next=True, check_focus=True) == []
    window["nodes"][1]["role"] = "label"
    assert "expected one level-1 heading, the page's title 'Keep going'" in "\n".join(
        page_faults(window, after_next=True, check_focus=True))
    answers_as_plain_panel = _good_page()
    answers_as_plain_panel["nodes"][4]["role"] = "filler"
    assert "answer group" in "\n".join(page_faults(answers_as_plain_panel, after_next=True, check_focus=True))


def test_a_walk_that_misses_pages_or_long_texts_fails():
    page = _good_page()
    page["nodes"][7]["description"] = "Short. Links: pain: opens the meaning of “pain”."
    faults = "\n".join(run_faults([page, {"mode": "kiosk", "error": "the aid stopped"}], mode="kiosk", steps=9))
    assert "walked steps [2], expected 1 to 9" in faults
    assert "no text longer than 1000 characters" in faults
    assert "the aid stopped" in faults
    assert "no Read more window walked" in faults
