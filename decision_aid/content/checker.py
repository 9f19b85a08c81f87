"""``check-content``: every problem in the bundle at once, including reading level and review dates."""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem
from .loader import read_content
from .model import Content

# Flesch-Kincaid grade limits (DESIGN.md, "Content"): patient pages plain, nurse "more detail" pages a little higher.
GRADE_LIMITS = {"patient": 8.0, "nurse": 10.0}


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]
    content: Content | None
    grades: dict  # page id -> Flesch-Kincaid grade
    strict: bool

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error" or self.strict]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        c = self.content
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
    with warnings.catch_warnings():
        # textstat 0.7.3 imports the deprecated pkg_resources; its warning means nothing to a content editor.
        warnings.simplefilter("ignore", UserWarning)
        import textstat  # only the checker needs it, so the app does not pay for its import

    return float(textstat.flesch_kincaid_grade(text))


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
