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
    summary = sub.add_parser(
        "summary",
        help="make the discussion summary from an answers file, without a window",
        description="Make the discussion summary from an answers file: PDF, HTML or JSON (for a health record), "
        "chosen by the ending of --out.",
    )
    summary.add_argument("--answers", metavar="FILE", required=True, help="the answers file (JSON)")
    summary.add_argument("--out", metavar="FILE", required=True, help="where to write it: FILE.pdf, FILE.html or "
                         "FILE.json")
    summary.add_argument("--paper", choices=("a4", "letter"), default=None,
                         help="paper size of the PDF (default: the clinic file's, else a4)")
    # SUPPRESS: given before or after the word "summary", --clinic and --content mean the same.
    summary.add_argument("--clinic", metavar="FILE", default=argparse.SUPPRESS, help="the clinic file (TOML)")
    summary.add_argument("--content", metavar="DIR", default=argparse.SUPPRESS,
                         help="a content folder (default: the shipped one)")
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

    if directory and os.path.exists(directory) and not os.path.isdir(directory):
        print(f"decision-aid: {directory}: expected a content folder, received a file (give the folder that holds "
              f"bundle.yaml)", file=sys.stderr)
        return 1
    report = check_content(directory or content_dir(), strict=strict)
    stream = sys.stdout if report.ok else sys.stderr
    print(report.report(), file=stream)
    return 0 if report.ok else 1


SUMMARY_KINDS = (".pdf", ".html", ".json")
MAX_PROBLEM_LINES = 20  # a hostile file can hold thousands; the first twenty say enough


def _fail(message: str) -> int:
    print(f"decision-aid: {message}", file=sys.stderr)
    return 2


def summary_command(*, answers: str, out: str, paper: str | None, clinic: str | None, content: str | None) -> int:
    """Write the summary for an answers file. Exit 0, or 2 with a message naming the problem and no file."""
    from pathlib import Path

    from .answers import load_answers
    from .clinic import load_clinic
    from .content import load_content
    from .errors import ContentError, ProblemsError, SummaryWriteError
    from .safe_files import same_file, write_file

    out_path = Path(out)
    kind = out_path.suffix.lower()
    if kind == ".htm":
        kind = ".html"
    if kind not in SUMMARY_KINDS:
        return _fail(f"{out}: --out: expected a file name ending in .pdf, .html or .json, "
                     f"received {out_path.suffix or 'no ending'!r}")
    folder = content or content_dir()
    try:
        content_model = load_content(folder)
    except ContentError as exc:
        count = len(exc.problems)
        return _fail(f"the content in {folder} is not valid ({count} problem{'s' if count != 1 else ''}; "
                     f"'decision-aid check-content {folder}' lists {'them all' if count != 1 else 'it'}); "
                     f"the first: {exc.problems[0] if exc.problems else 'unknown'}")
    for given, what in ((answers, "answers"), (clinic, "clinic")):
        if given and same_file(given, out_path):  # however it is spelled: ./a.json, a link, another path
            return _fail(f"{out}: --out: expected a new file name, received the {what} file itself "
                         f"(the summary would replace it)")
    try:
        clinic_model = load_clinic(clinic)
        answers_model = load_answers(answers, known_questions=content_model.prompt_ids())
    except ProblemsError as exc:
        for problem in exc.problems[:MAX_PROBLEM_LINES]:
            print(f"decision-aid: {problem}", file=sys.stderr)
        if len(exc.problems) > MAX_PROBLEM_LINES:
            print(f"decision-aid: … and {len(exc.problems) - MAX_PROBLEM_LINES:,} more problems in the same file",
                  file=sys.stderr)
        return 2
    from .summary import build_summary, render_html, summary_json_text

    summary = build_summary(content=content_model, answers=answers_model, clinic=clinic_model)
    try:
        if kind == ".pdf":
            from .ui.safe_pdf import write_pdf_file
            from .ui.summary_pdf import ensure_gui_application

            app = ensure_gui_application()  # noqa: F841 (kept alive while the PDF is made)
            paper = paper or clinic_model.paper
            pages, _ = write_pdf_file(summary, out_path, paper=paper)
            print(f"Summary written to {out} ({pages} page{'s' if pages != 1 else ''}, {paper.upper()}).")
            return 0
        text = render_html(summary) if kind == ".html" else summary_json_text(summary)
        write_file(out_path, text.encode("utf-8"), error=SummaryWriteError, kind=kind)
    except SummaryWriteError as exc:
        return _fail(f"{out}: {exc}")
    print(f"Summary written to {out}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "check-content":
        return check_content_command(args.directory, strict=args.strict)
    if args.command == "summary":
        return summary_command(answers=args.answers, out=args.out, paper=args.paper, clinic=args.clinic,
                               content=args.content)
    if args.self_test:
        from .clinic import ENV_VAR
        from .selftest import run_self_test

        if args.clinic:  # the self-test checks the clinic file it is given, else the one the aid would read
            os.environ[ENV_VAR] = args.clinic

        return run_self_test(content=args.content)
    if not _has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from .errors import DecisionAidError
    from .privacy import require_usable_temp

    try:
        require_usable_temp()
    except DecisionAidError as exc:
        print(f"decision-aid: {exc}", file=sys.stderr)
        return 2
    from .app import run_app

    return run_app(content=args.content, kiosk=args.kiosk, clinic=args.clinic)
