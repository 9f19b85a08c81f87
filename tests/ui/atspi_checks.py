"""The faults a screen reader user would meet, found in the pages tests/ui/atspi_probe.py read through AT-SPI.

Plain Python over the probe's JSON (no D-Bus, no Qt), so that test_atspi.py can also plant each fault in a small
made-up page and check it is found. A page is ``{"mode", "window", "nodes"}``; a node has its AT-SPI role, name,
description, states (showing, focusable, focused, enabled), object attributes, depth and parent (an index into
``nodes``, -1 for the root).
"""

from __future__ import annotations

import re

CONTROLS = {"push button", "toggle button", "check box", "radio button", "combo box", "button menu", "entry",
            "spin button", "slider", "link", "page tab", "list", "password text"}
ANSWERS = ("radio button", "check box")
LEVELS = {"1", "2", "3"}
CUT = 1000  # where the texts used to be cut for screen readers
WINDOW = re.compile(r"Step (\d+) of (\d+): (.+?) — ")


def page_title(page: dict) -> str:
    found = WINDOW.match(page["window"])
    return found.group(3) if found else ""


def page_faults(page: dict, *, after_next: bool, check_focus: bool) -> list[str]:
    """A wizard page's faults; for a "Read more" window (``page["dialog"]``) its title is the window's name."""
    nodes = page["nodes"]
    dialog = page.get("dialog", False)
    title = page["window"] if dialog else page_title(page)
    where = title or page["window"]
    faults: list[str] = []
    if not dialog and not WINDOW.match(page["window"]):
        faults.append(f"{where}: the window's name does not say the step: {page['window']!r}")
    for n in nodes:
        label = f"{where}: {n['role']} {n['name'][:50]!r}"
        if n["role"] in CONTROLS and n.get("enabled", True) and not n["name"].strip():
            faults.append(f"{label}: unnamed control")
        if n["role"] == "heading":
            if not n["name"].strip():
                faults.append(f"{label}: heading without a name")
            if n["attributes"].get("level") not in LEVELS:
                faults.append(f"{label}: heading without its level (attributes {n['attributes']})")
        for text in (n["name"], n["description"]):
            if len(text) == CUT:
                faults.append(f"{label}: text cut at {CUT} characters")
        if "Links:" in n["description"]:
            if not n["focusable"]:
                faults.append(f"{label}: text with links the keyboard cannot reach")
            listed = n["description"].split("Links:", 1)[1].strip().rstrip(".").split("; ")
            for link in listed:
                if ": opens " not in link:
                    faults.append(f"{label}: link {link!r} without where it leads")
    titles = [n for n in nodes if n["role"] == "heading" and n["attributes"].get("level") == "1"]
    if [n["name"] for n in titles] != [title]:
        faults.append(f"{where}: expected one level-1 heading, the page's title {title!r}; "
                      f"found {[n['name'] for n in titles]}")
    faults += _group_faults(nodes, where)
    if check_focus and after_next and not dialog:
        focused = [n for n in nodes if n["focused"] and n["role"] != "list item"]  # a list's current item is
        if [(n["role"], n["name"]) for n in focused] != [("heading", page_title(page))]:  # "focused" always
            faults.append(f"{where}: after Next the focus is on {[(n['role'], n['name']) for n in focused]}, "
                          f"not on the page's heading")
    return faults


def _group_faults(nodes: list[dict], where: str) -> list[str]:
    """A node holding two or more answers of a kind is a group named by its question: a heading beside it."""
    faults = []
    children: dict[int, list[dict]] = {}
    for n in nodes:
        children.setdefault(n["parent"], []).append(n)
    for index, node in enumerate(nodes):
        kids = children.get(index, [])
        if not any(sum(k["role"] == kind for k in kids) >= 2 for kind in ANSWERS):
            continue
        near = kids + children.get(node["parent"], [])
        questions = {k["name"] for k in near if k["role"] == "heading"}
        if node["role"] != "panel" or not node["name"].strip() or node["name"] not in questions:
            answers = [k["name"] for k in kids if k["role"] in ANSWERS][:3]
            faults.append(f"{where}: answer group {node['role']} {node['name'][:50]!r} ({answers} …) without its "
                          f"question as its name (questions beside it: {sorted(questions)})")
    return faults


def run_faults(pages: list[dict], *, mode: str, steps: int) -> list[str]:
    """Every page of one mode's walk, and what the whole walk must have found."""
    faults = []
    walked = [p for p in pages if p.get("mode") == mode]
    errors = [p["error"] for p in walked if "error" in p]
    walked = [p for p in walked if "nodes" in p]
    faults += [f"{mode}: {e}" for e in errors]
    for number, page in enumerate(walked):
        faults += [f"{mode}: {f}" for f in page_faults(page, after_next=number > 0, check_focus=mode == "kiosk")]
    if not any(p.get("dialog") for p in walked):
        faults.append(f"{mode}: no Read more window walked")
    seen = {int(m.group(1)) for p in walked if not p.get("dialog") and (m := WINDOW.match(p["window"]))}
    if seen != set(range(1, steps + 1)):
        faults.append(f"{mode}: walked steps {sorted(seen)}, expected 1 to {steps}")
    nodes = [n for p in walked for n in p["nodes"]]
    if not any(len(n["description"]) > CUT for n in nodes):
        faults.append(f"{mode}: no text longer than {CUT} characters reached AT-SPI whole")
    if not any("Links:" in n["description"] for n in nodes):
        faults.append(f"{mode}: no text with links found")
    if not any(n["role"] == "panel" and n["name"] for n in nodes):
        faults.append(f"{mode}: no answer group found")
    return faults
