"""The locks agree with pyproject.toml: ``python scripts/check_locks.py [--installed] [ROOT]``.

pyproject.toml declares the dependencies (runtime, and the "dev" group), each pinned with ``==``; ``make lock``
(pip-compile) resolves them into requirements.txt (runtime) and requirements-dev.txt (everything). This checks,
without the network, that:

- each lock was written by ``make lock`` and every pin in it carries hashes;
- every dependency declared in pyproject.toml is in its lock at the declared version, and the dev lock holds the
  runtime lock's pins unchanged;
- no lock keeps a package that only pyproject.toml asked for and it no longer does;
- with ``--installed``: the packages installed in this Python are the dev lock's versions (``make setup`` was run
  after the last ``make lock``).

Prints one line per disagreement and exits 1, or prints one line and exits 0.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

RUNTIME_LOCK = "requirements.txt"
DEV_LOCK = "requirements-dev.txt"
HEADER = "#    make lock"
PROJECT_VIA = "decision-aid (pyproject.toml)"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(pyproject: Path) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Runtime and dev pins of pyproject.toml, and a line for each dependency that is not an exact pin."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    problems: list[str] = []

    def pins(specs: list[str], where: str) -> dict[str, str]:
        out = {}
        for spec in specs:
            match = PIN.match(spec.replace(" ", ""))
            if match is None:
                problems.append(f"pyproject.toml: {where}: expected NAME==VERSION, received {spec!r}")
                continue
            out[normal(match[1])] = match[2]
        return out

    runtime = pins(project.get("dependencies", []), "dependencies")
    dev = pins(project.get("optional-dependencies", {}).get("dev", []), "optional-dependencies.dev")
    return runtime, dev, problems


def read_lock(path: Path) -> tuple[dict[str, str], dict[str, list[str]], list[str]]:
    """A lock's pins, what each is there for (its "# via" lines), and its problems."""
    if not path.is_file():
        return {}, {}, [f"{path.name}: expected a lock written by `make lock`, received no such file"]
    lines = path.read_text(encoding="utf-8").splitlines()
    problems = [] if HEADER in lines else [f"{path.name}: expected the header of `make lock` ({HEADER.strip('# ')!r})"]
    pins: dict[str, str] = {}
    via: dict[str, list[str]] = {}
    hashed: dict[str, bool] = {}
    current = None
    in_via = False
    for line in lines:
        match = PIN.match(line)
        if match:
            current = normal(match[1])
            pins[current] = match[2]
            via[current] = []
            hashed[current] = "--hash=" in line
            in_via = False
        elif current is None:
            continue
        elif line.strip().startswith("--hash="):
            hashed[current] = True
        elif line.strip().startswith("# via"):
            rest = line.strip()[len("# via") :].strip()
            if rest:
                via[current].append(rest)
            in_via = True
        elif in_via and line.startswith("    #   "):
            via[current].append(line.strip("# ").strip())
        elif not line.strip():
            current, in_via = None, False
    problems += [
        f"{path.name}: {name}: expected hashes (make lock uses --generate-hashes), received none"
        for name, ok in hashed.items()
        if not ok
    ]
    return pins, via, problems


def compare(root: Path) -> list[str]:
    runtime, dev, problems = declared(root / "pyproject.toml")
    locked_runtime, via_runtime, p1 = read_lock(root / RUNTIME_LOCK)
    locked_dev, via_dev, p2 = read_lock(root / DEV_LOCK)
    problems += p1 + p2

    def against(lock_name: str, locked: dict[str, str], wanted: dict[str, str]) -> None:
        for name, version in sorted(wanted.items()):
            got = locked.get(name)
            if got != version:
                received = f"{name}=={got}" if got else "no such line"
                problems.append(
                    f"{lock_name}: {name}: expected {name}=={version} as pyproject.toml declares, "
                    f"received {received}: run `make lock`"
                )

    against(RUNTIME_LOCK, locked_runtime, runtime)
    against(DEV_LOCK, locked_dev, {**runtime, **dev})
    for name, version in sorted(locked_runtime.items()):
        if name in locked_dev and locked_dev[name] != version:
            problems.append(
                f"{DEV_LOCK}: {name}: expected {name}=={version} as in {RUNTIME_LOCK}, "
                f"received {name}=={locked_dev[name]}: run `make lock`"
            )
        elif name not in locked_dev:
            problems.append(
                f"{DEV_LOCK}: {name}: expected {name}=={version} as in {RUNTIME_LOCK}, "
                "received no such line: run `make lock`"
            )
    for lock_name, via, wanted in ((RUNTIME_LOCK, via_runtime, runtime), (DEV_LOCK, via_dev, {**runtime, **dev})):
        for name, reasons in sorted(via.items()):
            if reasons == [PROJECT_VIA] and name not in wanted:
                problems.append(
                    f"{lock_name}: {name}: expected only what pyproject.toml declares (or what that "
                    "needs), received a pin nothing asks for any more: run `make lock`"
                )
    return problems


def installed_problems(root: Path) -> list[str]:
    locked, _, _ = read_lock(root / DEV_LOCK)
    problems = []
    for name, version in sorted(locked.items()):
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            have = None
        if have != version:
            problems.append(
                f"{sys.prefix}: {name}: expected {version} as {DEV_LOCK} pins, "
                f"received {have or 'not installed'}: run `make setup`"
            )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/check_locks.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("root", nargs="?", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument(
        "--installed", action="store_true", help="also compare this Python's packages with the dev lock"
    )
    args = parser.parse_args(argv)
    problems = compare(args.root)
    if args.installed:
        problems += installed_problems(args.root)
    for line in problems:
        print(line)
    if problems:
        return 1
    print(f"locks: {RUNTIME_LOCK} and {DEV_LOCK} agree with pyproject.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
