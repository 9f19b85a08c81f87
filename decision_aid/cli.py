"""The ``decision-aid`` command. Qt is imported only when a window or a PDF is needed."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from . import __version__
from .display import has_display
from .paths import content_dir

if TYPE_CHECKING:
    import argparse

NO_DISPLAY = (
    "decision-aid: there is no display here (DISPLAY and WAYLAND_DISPLAY are not set), so the window cannot open; "
    "use 'decision-aid --self-test' to check this install, or 'decision-aid summary --answers FILE --out FILE.pdf' "
    "to make a summary without a window."
)


def _parser() -> argparse.ArgumentParser:
    import argparse  # only when there are arguments: its import, gettext's and locale's cost the plain start 4 ms

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
    packet = sub.add_parser(
        "review-packet",
        help="make the review packet a clinician signs for this version of the content",
        description="Make the review packet for a content folder: every page in every tailored variant, every "
        "figure with its source, every statement without a figure, the changes since the last reviewed version, "
        "the reading grades and a sign-off block per section. PDF or HTML, chosen by the ending of --out.",
    )
    packet.add_argument("--out", metavar="FILE", required=True, help="where to write it: FILE.pdf or FILE.html")
    packet.add_argument("--previous", metavar="DIR", default=None,
                        help="the content folder of the last reviewed version, to show what changed")
    packet.add_argument("--content", metavar="DIR", default=argparse.SUPPRESS,
                        help="the content folder (default: the shipped one)")
    return parser


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
    from .content import languages_of
    from .summary import render_html, summary_for, summary_json_text

    # in the answers' language (answers.language), with the care team's panel in English
    summary = summary_for(languages_of(content_model), answers_model, clinic=clinic_model)
    if summary.unanswered_steps:  # still made (a half-done session is worth discussing), but never silently
        print(f"decision-aid: warning: {answers}: not answered: {', '.join(summary.unanswered_steps)} "
              "(the summary says so)", file=sys.stderr)
    try:
        if kind == ".pdf":
            from .summary.typeset import write_pdf  # no Qt: Typst makes the bytes, safe_files writes them

            paper = paper or clinic_model.paper
            pages = write_pdf(summary, out_path, paper=paper)
            print(f"Summary written to {out} ({pages} page{'s' if pages != 1 else ''}, {paper.upper()}).")
            return 0
        text = render_html(summary) if kind == ".html" else summary_json_text(summary)
        write_file(out_path, text.encode("utf-8"), error=SummaryWriteError, kind=kind)
    except SummaryWriteError as exc:
        return _fail(f"{out}: {exc}")
    print(f"Summary written to {out}.")
    return 0


PACKET_KINDS = (".pdf", ".html")


def review_packet_command(*, out: str, content: str | None, previous: str | None) -> int:
    """Write the review packet. Exit 0, or 2 with a message naming the problem and no file."""
    from pathlib import Path

    from .content import load_content
    from .errors import ContentError, SummaryWriteError
    from .review import build_packet, render_packet_html

    out_path = Path(out)
    kind = out_path.suffix.lower()
    if kind not in PACKET_KINDS:
        return _fail(f"{out}: --out: expected a file name ending in .pdf or .html, "
                     f"received {out_path.suffix or 'no ending'!r}")
    folders = [("content", content or content_dir())] + ([("previous", previous)] if previous else [])
    for name, folder in folders:
        if not Path(folder).is_dir():
            return _fail(f"{folder}: --{name}: expected a content folder, received no such folder")
    folder = folders[0][1]
    try:
        content_model = load_content(folder)
    except ContentError as exc:
        return _fail(f"the content in {folder} is not valid ('decision-aid check-content {folder}' lists every "
                     f"problem); the first: {exc.problems[0] if exc.problems else 'unknown'}")
    packet = build_packet(content_model, previous=previous)
    html = render_packet_html(packet)
    try:
        if kind == ".pdf":
            from .ui.review_pdf import write_packet_pdf
            from .ui.summary_pdf import ensure_gui_application

            _app = ensure_gui_application()  # kept alive while the PDF is made
            pages = write_packet_pdf(packet, html, out_path)
            print(f"Review packet written to {out} ({pages} pages, A4, content version "
                  f"{content_model.bundle.version}).")
            return 0
        from .summary import write_summary_file

        write_summary_file(out_path, html.encode("utf-8"))
    except SummaryWriteError as exc:
        return _fail(f"{out}: cannot write the review packet in the folder {exc.folder}: {exc.reason}")
    print(f"Review packet written to {out} (content version {content_model.bundle.version}).")
    return 0


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    if not given:  # the plain start (a desktop launcher, a clinic file's kiosk): nothing to parse, argparse not loaded
        return window_command(content=None, kiosk=False, clinic=None)
    args = _parser().parse_args(given)
    if args.command == "check-content":
        return check_content_command(args.directory, strict=args.strict)
    if args.command == "summary":
        return summary_command(answers=args.answers, out=args.out, paper=args.paper, clinic=args.clinic,
                               content=args.content)
    if args.command == "review-packet":
        return review_packet_command(out=args.out, content=getattr(args, "content", None), previous=args.previous)
    if args.self_test:
        from .clinic import ENV_VAR
        from .selftest import run_self_test

        if args.clinic:  # the self-test checks the clinic file it is given, else the one the aid would read
            os.environ[ENV_VAR] = args.clinic

        return run_self_test(content=args.content)
    return window_command(content=args.content, kiosk=args.kiosk, clinic=args.clinic)


def window_command(*, content: str | None, kiosk: bool, clinic: str | None) -> int:
    """The window: exit 2 with a message when there is no display or no usable temporary folder."""
    if not has_display():
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

    return run_app(content=content, kiosk=kiosk, clinic=clinic)
