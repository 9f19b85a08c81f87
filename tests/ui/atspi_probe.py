"""Reads the running aid's accessibility tree as a screen reader on Linux does: through AT-SPI, over D-Bus.

Run inside ``dbus-run-session -- xvfb-run -a python atspi_probe.py``: it starts the aid on the X server with
accessibility on, finds it in the AT-SPI registry, walks what is showing, and prints the nodes as JSON lines
(role, name) for tests/ui/test_atspi.py to check. ``busctl`` does the D-Bus calls.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ACCESSIBLE = "org.a11y.atspi.Accessible"
SHOWING = 25  # ATSPI_STATE_SHOWING
APP_NAME = "Decision aid"


def busctl(*args: str, address: str | None = None):
    where = [f"--address={address}"] if address else ["--user"]
    out = subprocess.run(["busctl", "--json=short", *where, *args], capture_output=True, text=True, timeout=20)
    if out.returncode != 0:
        raise RuntimeError(f"busctl {' '.join(args)}: {out.stderr.strip()}")
    return json.loads(out.stdout)["data"]


def node(address: str, bus: str, path: str) -> dict:
    role = busctl("call", bus, path, ACCESSIBLE, "GetRoleName", address=address)[0]
    name = busctl("get-property", bus, path, ACCESSIBLE, "Name", address=address)
    state = busctl("call", bus, path, ACCESSIBLE, "GetState", address=address)[0]
    children = busctl("call", bus, path, ACCESSIBLE, "GetChildren", address=address)[0]
    showing = bool(state[0] & (1 << SHOWING))
    return {"role": role, "name": name, "showing": showing, "children": children}


def main() -> int:
    address = busctl("call", "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress")[0]
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
    app = subprocess.Popen([sys.executable, "-m", "decision_aid"], cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        found = None
        deadline = time.monotonic() + 60
        while found is None and time.monotonic() < deadline and app.poll() is None:
            time.sleep(0.5)
            for bus, path in busctl("call", "org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root",
                                    ACCESSIBLE, "GetChildren", address=address)[0]:
                if busctl("get-property", bus, path, ACCESSIBLE, "Name", address=address) == APP_NAME:
                    found = (bus, path)
        if found is None:
            print(json.dumps({"error": "the aid never appeared in the AT-SPI registry",
                              "stderr": app.stderr.read().decode() if app.poll() is not None else ""}))
            return 1
        time.sleep(2)  # the first page shown and settled
        queue, seen = [found], 0
        while queue and seen < 600:
            bus, path = queue.pop(0)
            info = node(address, bus, path)
            seen += 1
            if not info["showing"] and info["role"] not in ("application",):
                continue
            print(json.dumps({"role": info["role"], "name": info["name"]}), flush=True)
            queue += [tuple(c) for c in info["children"]]
        return 0
    finally:
        app.terminate()
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()


if __name__ == "__main__":
    sys.exit(main())
