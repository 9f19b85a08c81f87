"""Who wrote the content and who reviewed it: the checks that keep "reviewed" honest. Pure Python.

``bundle.yaml`` names its ``authors`` and its ``reviewers`` (declared as ``records.Author`` and ``model.Review``).
Only a recorded clinician review with a date turns ``status: draft`` into ``reviewed``, and a page may carry a
``reviewed:`` date only when a recorded clinician review of that date covers it. ``read_content`` calls ``check`` once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import msgspec

from ..errors import Problem, quote
from .language_model import REVIEW_ROLES, LanguageBundle
from .model import Bundle

# While the status is draft, every screen says so in words a patient can take in; the printout says it in full,
# for the doctor ("DRAFT: not yet reviewed by a clinician", decision_aid/summary).
SCREEN_DRAFT_NOTICE = "This aid is being checked by the clinic's doctors."
BUNDLE = "bundle.yaml"


class PageReview(msgspec.Struct, frozen=True):
    """What the check needs of one page: where it is, its id, and its ``reviewed:`` date (or None)."""

    file: str
    line: int | None
    page_id: str
    reviewed: dt.date | None


def _line(container: object, key: str) -> int | None:
    line_of = getattr(container, "line_of", None)
    return line_of(key) if line_of else None


def check(*, bundle: Bundle, where: Mapping[str, Any], pages: list[PageReview]) -> list[Problem]:
    """Every problem with the status and with the pages' review dates; ``where`` is bundle.yaml as read (lines)."""
    problems: list[Problem] = []
    clinicians = [r for r in bundle.reviewers if r.clinician]
    if bundle.status == "reviewed":
        if not clinicians:
            received = "no reviewers" if not bundle.reviewers else "no clinician among the reviewers"
        elif not any(r.version == bundle.version for r in clinicians):
            received = f"no clinician review of version {bundle.version}"
        else:
            received = None
        if received:
            problems.append(Problem(
                BUNDLE, "status",
                "draft, or reviewed with at least one clinician reviewer with a date in reviewers "
                "(a review of this version)", f"'reviewed' with {received}", line=_line(where, "status")))
    page_ids = {p.page_id for p in pages}
    raw_reviewers = where.get("reviewers") or []
    for i, review in enumerate(bundle.reviewers):
        for pid in review.pages:
            if pid not in page_ids:
                line = _line(raw_reviewers[i], "pages") if i < len(raw_reviewers) else None
                problems.append(Problem(BUNDLE, f"reviewers[{i}].pages", "ids of pages that exist", quote(pid),
                                        line=line))
    for page in pages:
        if page.reviewed is None:
            continue
        backed = any(r.date == page.reviewed and (not r.pages or page.page_id in r.pages) for r in clinicians)
        if not backed:
            problems.append(Problem(
                page.file, "reviewed",
                f"the date of a clinician review recorded in bundle.yaml reviewers that covers {page.page_id}, "
                "or no reviewed date",
                str(page.reviewed), line=page.line))
    return problems


def check_translation(*, language: str, bundle: LanguageBundle, english_version: str,
                      where: Mapping[str, Any]) -> list[Problem]:
    """A translation is ``reviewed`` only with a review by a medical translator and one by a clinician who reads the
    language, both of the English version it translates (``<language>/bundle.yaml`` reviewers)."""
    if bundle.status != "reviewed":
        return []
    missing = [role for role in REVIEW_ROLES
               if not any(r.role == role and r.version == english_version for r in bundle.reviewers)]
    if not missing:
        return []
    return [Problem(f"{language}/bundle.yaml", "status",
                    f"draft, or reviewed with a review of version {english_version} by a medical translator and by "
                    "a clinician who reads the language in reviewers",
                    "'reviewed' without a review by " + " or ".join(f"a {role}" for role in missing),
                    line=_line(where, "status"))]
