"""``check-content``: every problem in the bundle at once, including reading level and review dates."""

from __future__ import annotations

import datetime as dt
import importlib.resources
import importlib.util
import sys
import types
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import Problem
from . import read_content
from .model import Content

# Flesch-Kincaid grade limits (DESIGN.md, "Content"): patient pages plain, nurse "more detail" pages a little higher.
GRADE_LIMITS = {"patient": 8.0, "nurse": 10.0}
# A translation's reading level, by a formula made for its language (textstat's, with its syllable rules): language ->
# (textstat function, name, lowest score per audience; higher is easier). Fernández-Huerta's bands put 60–70 at
# "normal" (about the 8th grade, the English patient limit) and 50–60 at "somewhat hard" (about the 10th, the nurse
# limit). The Spanish pages of issue 16 score 68 to 90 on patient pages and 69 to 76 on nurse pages, so 60 and 50
# leave a translator room without letting a page written for specialists through.
EASE_LIMITS: dict[str, tuple[str, str, dict[str, float]]] = {
    "es": ("fernandez_huerta", "Fernández-Huerta", {"patient": 60.0, "nurse": 50.0}),
}


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]
    content: Content | None
    grades: dict[str, float]  # page id -> Flesch-Kincaid grade
    strict: bool
    ease: dict[str, dict[str, float]] = field(default_factory=dict)  # language -> page id -> reading ease (above)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error" or self.strict]

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        c = self.content
        assert c is not None, "a report without content has no summary"
        languages = "".join(f", {code} ({t.translation.status if t.translation else 'draft'})"
                            for code, t in c.translations.items())
        return (f"content OK: {c.files} files, {len(c.facts)} facts, {len(c.pages)} pages, "
                f"{len(c.glossary)} glossary words, version {c.bundle.version} ({c.bundle.status}), "
                f"languages: en{languages}, fingerprint {c.fingerprint}")

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


def reading_ease(text: str, language: str) -> float:
    """The reading ease of ``text`` by its language's formula (``EASE_LIMITS``); textstat's language is restored."""
    textstat = _textstat()
    textstat.set_lang(language)
    try:
        return float(getattr(textstat, EASE_LIMITS[language][0])(text))
    finally:
        textstat.set_lang("en_US")


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
        ease = {code: _check_ease(model, problems) for code, model in content.translations.items()}
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
    return CheckReport(tuple(problems), content, grades, strict, ease if content is not None else {})


def _check_ease(model: Content, problems: list[Problem]) -> dict[str, float]:
    """Each page of a translation measured by its language's formula; a language without one is named once."""
    if model.language not in EASE_LIMITS:
        problems.append(Problem(f"{model.language}/bundle.yaml", "(reading level)",
                                "a language with a reading-level formula in checker.EASE_LIMITS",
                                model.language, severity="warning"))
        return {}
    _, name, limits = EASE_LIMITS[model.language]
    out = {}
    for page in model.pages.values():
        score = out[page.id] = reading_ease(page.text, model.language)
        if score < limits[page.audience]:
            problems.append(Problem(page.path, "(reading level)",
                                    f"{name} {limits[page.audience]:g} or higher for a {page.audience} page",
                                    f"{score:.1f}", line=1))
    return out
