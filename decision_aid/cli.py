"""The ``decision-aid`` command. Qt is imported only when a window or a PDF is needed."""

from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .paths import content_dir

NO_DISPLAY = (
    "decision-aid: there is no display here (DISPLAY and WAYLAND_DISPLAY are not set), so the window cannot open; "
    "use 'decision-aid --self-test' to check this install, or 'decision-aid summary --answers FILE --out FILE.pdf' "
    "to make a summary without a window."
)
HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "vkkhrdisplay", "eglfs", "linuxfb")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="decision-aid",
        description="A decision aid for people with stage 4 breast cancer whose breast tumor is still in place.",
    )
    parser.add_argument("--version", action="version", version=f"decision-aid {__version__}")
    parser.add_argument("--kiosk", action="store_true", help="full screen, no file dialogs, idle reset")
    parser.add_argument("--clinic", metavar="FILE", help="the clinic file (TOML)")
    parser.add_argument("--content", metavar="DIR", default=None, help="a content folder (default: the shipped one)")
    parser.add_argument("--self-test", action="store_true", help="check this install offscreen and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check-content", help="check a content folder and list every problem")
    check.add_argument("directory", nargs="?", default=None, help="the content folder (default: the shipped one)")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    return parser


def _has_display() -> bool:
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if any(platform.startswith(p) for p in HEADLESS_PLATFORMS):
        return True
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def check_content_command(directory: str | None, *, strict: bool) -> int:
    from .content.checker import check_content

    report = check_content(directory or content_dir(), strict=strict)
    stream = sys.stdout if report.ok else sys.stderr
    print(report.report(), file=stream)
    return 0 if report.ok else 1


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check-content":
        return check_content_command(args.directory, strict=args.strict)
    if args.self_test:
        from .selftest import run_self_test

        return run_self_test(content=args.content)
    if not _has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from .app import run_app

    return run_app(content=args.content, kiosk=args.kiosk, clinic=args.clinic)
