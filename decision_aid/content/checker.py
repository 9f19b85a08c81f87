"""``check-content``: every problem in the bundle at once, including reading level and review dates."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import importlib.util
import sys
import types
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import Problem
from . import read_content
from .model import Content

# Flesch-Kincaid grade limits (DESIGN.md, "Content"): patient pages plain, nurse "more detail" pages a little higher.
GRADE_LIMITS = {"patient": 8.0, "nurse": 10.0}


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]
    content: Content | None
    grades: dict[str, float]  # page id -> Flesch-Kincaid grade
    strict: bool

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error" or self.strict]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        c = self.content
        assert c is not None, "a report without content has no summary"
        return (f"content OK: {c.files} files, {len(c.facts)} facts, {len(c.pages)} pages, "
                f"{len(c.glossary)} glossary words, version {c.bundle.version} ({c.bundle.status}), "
                f"fingerprint {c.fingerprint}")

    def report(self) -> str:
        """The text ``check-content`` prints."""
        if self.ok:
            lines = [str(p) for p in self.problems]
            return "\n".join(lines + [self.summary()])
        lines = [str(p) for p in self.problems]
        n_err = len(self.errors)
        n_warn = len(self.problems) - n_err
        tail = f"{n_err} problem{'s' if n_err != 1 else ''} in the content"
        if n_warn:
            tail += f", {n_warn} warning{'s' if n_warn != 1 else ''}"
        return "\n".join(lines + [tail])


def reading_grade(text: str) -> float:
    return float(_textstat().flesch_kincaid_grade(text))


def _textstat() -> Any:
    """textstat, imported on first use: only the checker needs it, so the app does not pay for its import."""
    if "textstat" in sys.modules:
        return sys.modules["textstat"]
    # textstat 0.7.3 imports pkg_resources (setuptools) for a single call, resource_stream. The bundle leaves
    # setuptools out (its start-up hooks cost every start of the aid), so there textstat gets a stand-in that reads
    # the same file; it is in sys.modules only while textstat is imported.
    stand_in = None
    if "pkg_resources" not in sys.modules and importlib.util.find_spec("pkg_resources") is None:
        stand_in = types.ModuleType("pkg_resources")
        stand_in.__dict__["resource_stream"] = _resource_stream
        sys.modules["pkg_resources"] = stand_in
    try:
        with warnings.catch_warnings():
            # the deprecated pkg_resources warns on import; the warning means nothing to a content editor.
            warnings.simplefilter("ignore", UserWarning)
            import textstat
    finally:
        if stand_in is not None and sys.modules.get("pkg_resources") is stand_in:
            del sys.modules["pkg_resources"]
    return textstat


def _resource_stream(package: str, resource: str) -> IO[bytes]:
    return importlib.resources.files(package).joinpath(resource).open("rb")


def check_content(root: str | Path, *, strict: bool = False, today: dt.date | None = None) -> CheckReport:
    today = today or dt.date.today()
    content, problems, usage = read_content(root)
    problems = list(problems)
    grades = {}
    if content is not None:
        for page in content.pages.values():
            grade = reading_grade(page.text)
            grades[page.id] = grade
            limit = GRADE_LIMITS[page.audience]
            if grade > limit:
                problems.append(Problem(page.path, "(reading level)",
                                        f"Flesch-Kincaid grade {limit:g} or lower for a {page.audience} page",
                                        f"grade {grade:.1f}", line=1))
        for fid in sorted(set(content.facts) - usage["facts"]):
            problems.append(Problem("facts.yaml", f"facts.{fid}", "a fact that some text uses", "unused",
                                    severity="warning"))
        if content.bundle.review_due < today:
            problems.append(Problem("bundle.yaml", "review_due", f"a date after today ({today})",
                                    str(content.bundle.review_due), severity="warning"))
        for page in content.pages.values():
            if page.review_due < today:
                problems.append(Problem(page.path, "review_due", f"a date after today ({today})",
                                        str(page.review_due), severity="warning"))
    return CheckReport(tuple(problems), content, grades, strict)
