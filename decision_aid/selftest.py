"""``decision-aid --self-test``: what clinic IT runs after installing. Checks this install offscreen and exits 0 or 1.

One line per check, "ok: …" or "FAILED: …: why", then one final line. Nothing is left on disk: the summary PDFs
are written into the app's temporary folder, which is removed before the end. Qt is imported only after the checks
that do not need it (and only through ``decision_aid.ui.selftest_qt``), so a broken content folder is reported even
where Qt cannot start.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TextIO

from .content.fingerprint import fingerprint
from .display import has_display
from .errors import ContentError
from .examples import EXAMPLES, example_answers
from .operations import clinic_self_check
from .paths import app_root, content_dir
from .privacy import TempFolder

if TYPE_CHECKING:
    from .content.model import Content

FINGERPRINT_FILE = "content.sha256"  # written beside the content by the bundle build: "<sha256>  content"
EXPECTED_FONT = "Atkinson Hyperlegible"
PDF_MIN_BYTES = 5_000
GRAB_SIZE = (1024, 768)
# A page counts as blank when fewer than this share of its pixels differ from its most common colour.
MIN_INKED_SHARE = 0.005


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    lines: tuple[str, ...] = ()  # further lines (every content problem, every page that failed)


class _Failed(Exception):
    def __init__(self, detail: str, lines: tuple[str, ...] | list[str] = ()):
        super().__init__(detail)
        self.detail = detail
        self.lines = tuple(lines)


class SelfTest:
    """Runs the checks in order; a check that needs an earlier one's result fails saying which one it waited for."""

    def __init__(self, *, content: str | os.PathLike[str] | None, out: TextIO | None = None):
        self.root = Path(content) if content is not None else content_dir()
        self.shipped = content is None or _same_path(self.root, content_dir())
        self.out = out or sys.stdout
        self.results: list[CheckResult] = []
        self.content: Content | None = None
        self.app: Any = None  # the QApplication (typed in decision_aid.ui.selftest_qt: the core names no Qt type)
        self.qt: ModuleType | None = None  # decision_aid.ui.selftest_qt, once Qt has started

    def run(self) -> int:
        self.check("content", self._content)
        self.check("content fingerprint", self._fingerprint)
        self.check("clinic file", lambda: clinic_self_check(_Failed))  # issue 18: the export folder takes files
        self.check("Qt", self._qt)
        self.check("font", self._font, needs="Qt")
        self.check("pages", self._pages, needs=("content", "Qt"))
        self.check("summary PDF", self._summary_pdf, needs=("content", "Qt"))
        failed = [r for r in self.results if not r.ok]
        if failed:
            self._print(f"self-test FAILED: {len(failed)} of {len(self.results)} checks failed "
                        f"({', '.join(r.name for r in failed)})")
            return 1
        self._print(f"self-test passed: all {len(self.results)} checks ok")
        return 0

    def check(self, name: str, run: Callable[[], str], *, needs: str | tuple[str, ...] = ()) -> None:
        needs = (needs,) if isinstance(needs, str) else needs
        missing = [n for n in needs if not any(r.name == n and r.ok for r in self.results)]
        if missing:
            result = CheckResult(name, False, f"not run, because the {' and '.join(missing)} check failed")
        else:
            try:
                result = CheckResult(name, True, run())
            except _Failed as exc:
                result = CheckResult(name, False, exc.detail, exc.lines)
            except Exception as exc:  # a self-test reports every failure rather than stopping at the first
                lines = traceback.format_exception(exc)
                result = CheckResult(name, False, f"{type(exc).__name__}: {exc}",
                                     tuple(line.rstrip() for chunk in lines for line in chunk.splitlines()))
        self.results.append(result)
        if result.ok:
            self._print(f"ok: {name}: {result.detail}")
        else:
            self._print(f"FAILED: {name}: {result.detail}")
        for line in result.lines:
            self._print(f"    {line}")

    def _print(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    # -- the checks ---------------------------------------------------------------------------------------------

    def _content(self) -> str:
        from .content import load_content

        if not self.root.is_dir():
            raise _Failed(f"expected a content folder at {self.root}, received no such folder")
        try:
            c = self.content = load_content(self.root)
        except ContentError as exc:
            n = len(exc.problems)
            raise _Failed(f"{n} problem{'s' if n != 1 else ''} in {self.root}", [str(p) for p in exc.problems]) from exc
        return (f"{c.bundle.name} version {c.bundle.version} ({c.bundle.status}), {c.files} files, "
                f"{len(c.pages)} pages, {len(c.facts)} facts")

    def _fingerprint(self) -> str:
        if not self.root.is_dir():
            raise _Failed(f"expected a content folder at {self.root}, received no such folder")
        first, second = fingerprint(self.root), fingerprint(self.root)
        if first != second:
            raise _Failed(f"expected the same fingerprint twice, received {first} then {second}")
        if self.content is not None and self.content.fingerprint != first:
            raise _Failed(f"expected the loaded content to have fingerprint {first}, "
                          f"received {self.content.fingerprint}")
        recorded_file = app_root() / FINGERPRINT_FILE
        if not self.shipped:
            return f"{first} (a content folder other than the shipped one: not compared with {FINGERPRINT_FILE})"
        if not recorded_file.is_file():
            return f"{first} (stable; no {FINGERPRINT_FILE} here to compare with, as in a source checkout)"
        recorded = read_fingerprint_file(recorded_file)
        if recorded != first:
            raise _Failed(f"expected the content to match {recorded_file} ({recorded}), received {first}: "
                          "the content was changed after the build")
        return f"{first} (matches {FINGERPRINT_FILE})"

    def _qt(self) -> str:
        if not has_display():
            # No window is ever shown; without a display, Qt must not look for one.
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from .ui import selftest_qt

        self.qt = selftest_qt
        self.app = selftest_qt.start_qt()
        return selftest_qt.describe_qt(self.app)

    def _started_qt(self) -> ModuleType:
        if self.qt is None or self.app is None:  # not reached: the checks that call this need the Qt check
            raise _Failed("Qt did not start")
        return self.qt

    def _loaded_content(self) -> Content:
        if self.content is None:  # not reached: the checks that call this need the content check
            raise _Failed("the content did not load")
        return self.content

    def _font(self) -> str:
        family = self._started_qt().load_shipped_font(self.app)
        if family != EXPECTED_FONT:
            raise _Failed(f"expected the shipped font {EXPECTED_FONT!r} to load, received "
                          f"{family or 'no font'!r}")
        return f"{family} loaded"

    def _pages(self) -> str:
        if self.app is None:
            raise _Failed("Qt did not start")
        try:
            importlib.import_module("decision_aid.ui.main_window")
        except ImportError as exc:
            raise _Failed(f"not available: the wizard could not be loaded ({exc})") from None
        problems, rendered = self._started_qt().render_example_pages(
            self.app, content=self._loaded_content(), examples=list(EXAMPLES), size=GRAB_SIZE,
            min_inked_share=MIN_INKED_SHARE)
        if problems:
            raise _Failed(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} rendering the pages",
                          problems)
        return str(rendered)

    def _summary_pdf(self) -> str:
        try:
            from .summary import build_summary
            from .ui.summary_pdf import write_pdf
        except ImportError as exc:
            raise _Failed(f"not available: the summary writer could not be loaded ({exc})") from None
        from .clinic import Clinic

        content = self._loaded_content()
        known = content.prompt_ids()
        summaries = {name: build_summary(content=content, answers=example_answers(name, known_questions=known),
                                         clinic=Clinic())
                     for name in EXAMPLES}
        temp = TempFolder()
        try:
            sizes = []
            for name, summary in summaries.items():
                path = temp.path / f"summary-{name}.pdf"
                pages = write_pdf(summary, path)
                data = path.read_bytes()
                if not data.startswith(b"%PDF-"):
                    raise _Failed(f"{name}: expected a file starting with %PDF-, received {data[:8]!r}")
                if len(data) < PDF_MIN_BYTES or pages < 1:
                    raise _Failed(f"{name}: expected a PDF of at least {PDF_MIN_BYTES} bytes and one page, "
                                  f"received {len(data)} bytes and {pages} pages")
                sizes.append((pages, len(data)))
            folder = temp.path
        finally:
            temp.close()
        if folder.exists():
            raise _Failed(f"expected the temporary folder {folder} to be removed, received it still there")
        most = max(p for p, _ in sizes)
        return (f"{len(sizes)} example situations written as PDF (up to {most} pages, "
                f"{min(s for _, s in sizes) // 1024}–{max(s for _, s in sizes) // 1024} kB) and removed again")


def read_fingerprint_file(path: Path) -> str:
    """The SHA-256 in ``content.sha256``: the first word (``sha256sum`` style, or the bare digest)."""
    words = path.read_text(encoding="utf-8").split()
    return words[0].lower() if words else ""


def _same_path(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def run_self_test(*, content: str | os.PathLike[str] | None = None, out: TextIO | None = None) -> int:
    """Check this install; print one line per check and a final line; return 0 when all passed, else 1."""
    return SelfTest(content=content, out=out).run()
