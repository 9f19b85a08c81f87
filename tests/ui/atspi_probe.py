"""Reads the running aid's accessibility tree as a screen reader on Linux does: through AT-SPI, over D-Bus.

Run inside ``dbus-run-session -- xvfb-run -a PYTHON atspi_probe.py APP_PYTHON MODE...`` with a PYTHON that has
``dbus`` (dbus-python: Debian's python3-dbus, installed by scripts/setup.sh). For each MODE (``nurse``, ``kiosk``)
it starts the aid with APP_PYTHON on the X server with accessibility on, finds it in the AT-SPI registry, and on
every page walks what is showing, then presses Next through AT-SPI's Action interface (the aid's own navigation)
until the last page; then Back to the first page with a "Read more" button, whose window it opens, walks and
closes. It prints one JSON line per page or window: the mode, the window's name and the nodes (role, name,
description, states, object attributes), for tests/ui/test_atspi.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dbus

ROOT = Path(__file__).resolve().parents[2]
ACCESSIBLE, ACTION = "org.a11y.atspi.Accessible", "org.a11y.atspi.Action"
PROPERTIES = "org.freedesktop.DBus.Properties"
ENABLED, FOCUSABLE, FOCUSED, SHOWING = 8, 11, 12, 25  # AtspiStateType
APP_NAME = "Decision aid"
MAX_NODES = 3000  # a page with more than this is a fault of its own (the walk would never end)


class Tree:
    def __init__(self, bus: dbus.bus.BusConnection):
        self.bus = bus

    def call(self, ref, interface: str, method: str, *args):
        return self.bus.get_object(ref[0], ref[1], introspect=False).get_dbus_method(method, interface)(*args)

    def prop(self, ref, interface: str, name: str):
        return self.call(ref, PROPERTIES, "Get", interface, name)

    def states(self, ref) -> int:
        low, high = self.call(ref, ACCESSIBLE, "GetState")
        return int(low) | (int(high) << 32)

    def children(self, ref) -> list[tuple[str, str]]:
        return [(str(b), str(p)) for b, p in self.call(ref, ACCESSIBLE, "GetChildren")]

    def node(self, ref) -> dict:
        states = self.states(ref)
        info = {"role": str(self.call(ref, ACCESSIBLE, "GetRoleName")),
                "name": str(self.prop(ref, ACCESSIBLE, "Name")),
                "description": str(self.prop(ref, ACCESSIBLE, "Description")),
                "showing": bool(states & (1 << SHOWING)), "focusable": bool(states & (1 << FOCUSABLE)),
                "focused": bool(states & (1 << FOCUSED)), "enabled": bool(states & (1 << ENABLED)),
                "attributes": {str(k): str(v) for k, v in self.call(ref, ACCESSIBLE, "GetAttributes").items()}}
        return info

    def walk(self, root) -> tuple[list[dict], list]:
        """The showing nodes under ``root`` in reading order (depth first), and the references of push buttons."""
        nodes, buttons, stack = [], [], [(root, 0, -1)]
        while stack and len(nodes) < MAX_NODES:
            ref, depth, parent = stack.pop()
            try:
                info = self.node(ref)
                kids = self.children(ref)
            except dbus.DBusException as exc:  # gone between its parent's answer and this question
                if exc.get_dbus_name() != "org.freedesktop.DBus.Error.UnknownObject":
                    raise
                continue
            if not info["showing"] and info["role"] not in ("application", "frame"):
                continue
            info["depth"], info["parent"] = depth, parent
            nodes.append(info)
            if info["role"] == "push button" and info["enabled"]:
                buttons.append((info["name"], ref))
            stack += [(c, depth + 1, len(nodes) - 1) for c in reversed(kids)]
        return nodes, buttons


def find_app(tree: Tree, app: subprocess.Popen):
    registry = ("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and app.poll() is None:
        time.sleep(0.3)
        for ref in tree.children(registry):
            try:
                if tree.prop(ref, ACCESSIBLE, "Name") == APP_NAME:
                    return ref
            except dbus.DBusException:
                continue  # an application that went away between the two calls
    return None


def frame_name(tree: Tree, app_ref) -> str:
    frames = tree.children(app_ref)
    return str(tree.prop(frames[0], ACCESSIBLE, "Name")) if frames else ""


def press(tree: Tree, button) -> None:
    actions = [str(a[0]) for a in tree.call(button, ACTION, "GetActions")]
    tree.call(button, ACTION, "DoAction", actions.index("Press") if "Press" in actions else 0)


def turn(tree: Tree, app_ref, button) -> str:
    """Press Next or Back; the new page's window name, or "" when no new page came."""
    before = title = frame_name(tree, app_ref)
    press(tree, button)
    deadline = time.monotonic() + 15
    while title == before and time.monotonic() < deadline:
        time.sleep(0.1)
        title = frame_name(tree, app_ref)
    time.sleep(0.5)  # the new page laid out, its heading focused
    return "" if title == before else title


def walk_window(tree: Tree, app_ref, opener, mode: str) -> str:
    """Open a "Read more" window with ``opener``, walk it, close it with its Close button; a problem or ""."""
    press(tree, opener)
    windows, deadline = tree.children(app_ref), time.monotonic() + 15
    while len(windows) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        windows = tree.children(app_ref)
    if len(windows) < 2:
        return "a Read more button pressed through AT-SPI opened no window"
    time.sleep(0.5)  # laid out
    window = windows[-1]
    nodes, buttons = tree.walk(window)
    print(json.dumps({"mode": mode, "window": str(tree.prop(window, ACCESSIBLE, "Name")), "dialog": True,
                      "nodes": nodes}), flush=True)
    close = next((ref for name, ref in buttons if name == "Close" or name.startswith("Close:")), None)
    if close is None:
        return "a Read more window without a Close button"
    press(tree, close)
    deadline = time.monotonic() + 15
    while len(tree.children(app_ref)) > 1 and time.monotonic() < deadline:
        time.sleep(0.1)
    return "" if len(tree.children(app_ref)) == 1 else "Close pressed through AT-SPI: the window stayed open"


def walk_mode(tree: Tree, python: str, mode: str) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1",
               PYTHONFAULTHANDLER="1")
    args = [python, "-m", "decision_aid"] + (["--kiosk"] if mode == "kiosk" else [])
    with tempfile.TemporaryFile() as log:
        app = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)

        def fail(problem: str) -> int:
            if app.poll() is not None:
                problem += f" (the aid stopped, exit code {app.returncode})"
            log.seek(0)
            print(json.dumps({"mode": mode, "error": problem, "stderr": log.read().decode()[-3000:]}), flush=True)
            return 1

        try:
            app_ref = find_app(tree, app)
            if app_ref is None:
                return fail("the aid never appeared in the AT-SPI registry")
            title, deadline = "", time.monotonic() + 30
            while not title.startswith("Step 1 ") and time.monotonic() < deadline:
                time.sleep(0.3)
                title = frame_name(tree, app_ref)
            time.sleep(1)  # the first page painted and settled
            for _ in range(30):  # more than the pages there are: the last page has no Next
                nodes, buttons = tree.walk(app_ref)
                print(json.dumps({"mode": mode, "window": title, "nodes": nodes}), flush=True)
                next_button = next((ref for name, ref in buttons if name == "Next" or name.startswith("Next:")), None)
                if next_button is None:
                    break
                title = turn(tree, app_ref, next_button)
                if not title:
                    return fail("Next pressed through AT-SPI: no new page")
            else:
                return fail("Next never ran out")
            # Back (a closed window leaves no window active under Xvfb, so after the pages' focus was checked) to the
            # first page with a "Read more" button: its window walked too.
            for _ in range(30):
                _, buttons = tree.walk(app_ref)
                read_more = next((ref for name, ref in buttons if name.startswith("Read more:")), None)
                if read_more is not None:
                    problem = walk_window(tree, app_ref, read_more, mode)
                    return fail(problem) if problem else (0 if app.poll() is None else fail("after the walk"))
                back = next((ref for name, ref in buttons if name == "Back" or name.startswith("Back:")), None)
                if back is None or not turn(tree, app_ref, back):
                    return fail("no page with a Read more button")
            return fail("Back never ran out")
        except dbus.DBusException as exc:
            return fail(f"D-Bus: {exc.get_dbus_name()}: {exc.get_dbus_message()}")
        finally:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()


def main() -> int:
    python, modes = sys.argv[1], sys.argv[2:]
    session = dbus.SessionBus()
    address = session.get_object("org.a11y.Bus", "/org/a11y/bus").GetAddress(dbus_interface="org.a11y.Bus")
    tree = Tree(dbus.bus.BusConnection(str(address)))
    return max(walk_mode(tree, python, mode) for mode in modes)


if __name__ == "__main__":
    sys.exit(main())
