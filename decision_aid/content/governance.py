"""Who wrote the content and who reviewed it: the checks that keep "reviewed" honest. Pure Python, plain data in.

``bundle.yaml`` names its ``authors`` (name, role, declaration) and its ``reviewers`` (name, role, clinician, date,
version, pages, declaration). Only a recorded clinician review with a date turns ``status: draft`` into
``reviewed``, and a page may carry a ``reviewed:`` date only when a recorded clinician review of that date covers it.
The loader calls ``check`` once, with the bundle's mapping as read and each page's ``reviewed`` date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import Problem, quote
from .model import Author, Review

# While the status is draft, every screen says so in words a patient can take in; the printout says it in full,
# for the doctor ("DRAFT: not yet reviewed by a clinician", decision_aid/summary).
SCREEN_DRAFT_NOTICE = "This aid is being checked by the clinic's doctors."
BUNDLE = "bundle.yaml"
ALL_PAGES = "all"
VERSION_RE = re.compile(r"^\d+\.\d+\.\d+$")

# field -> (what it must hold, test); every field of an entry is required.
_TEXT = ("a non-empty text", lambda v: isinstance(v, str) and v.strip() != "")
AUTHOR_FIELDS = {"name": _TEXT, "role": _TEXT, "declaration": _TEXT}
REVIEWER_FIELDS = {
    "name": _TEXT,
    "role": _TEXT,
    "clinician": ("true or false", lambda v: isinstance(v, bool)),
    "date": ("a date as YYYY-MM-DD", lambda v: type(v) is dt.date),
    "version": ("the content version reviewed, such as 1.0.0",
                lambda v: isinstance(v, str) and bool(VERSION_RE.match(v))),
    "pages": (f"a list of page ids, or {ALL_PAGES}",
              lambda v: v == ALL_PAGES or (isinstance(v, list) and v and all(isinstance(x, str) for x in v))),
    "declaration": _TEXT,
}


@dataclass(frozen=True)
class PageReview:
    """What the check needs of one page: where it is, its id, and its ``reviewed:`` date (or None)."""

    file: str
    line: int | None
    page_id: str
    reviewed: dt.date | None


@dataclass(frozen=True)
class Governance:
    authors: tuple[Author, ...]
    reviewers: tuple[Review, ...]


def _line(container, key) -> int | None:
    line_of = getattr(container, "line_of", None)
    return line_of(key) if line_of else None


def _item_line(items, i) -> int | None:
    lines = getattr(items, "lines", None)
    return lines[i] if lines and i < len(lines) else getattr(items, "line", None)


def _entries(bundle: dict, key: str, fields: dict, *, required: bool, problems: list) -> list[dict]:
    """The valid entries of the list ``key``; a problem for each missing, unknown or mistyped field."""
    expected = "a list of entries with " + ", ".join(fields)
    if key not in bundle or bundle[key] is None:
        if required:
            problems.append(Problem(BUNDLE, key, expected, "nothing", line=getattr(bundle, "line", None)))
        return []
    items = bundle[key]
    if not isinstance(items, list) or (required and not items):
        problems.append(Problem(BUNDLE, key, expected, quote(items) if items != [] else "an empty list",
                                line=_line(bundle, key)))
        return []
    out = []
    for i, item in enumerate(items):
        where = f"{key}[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem(BUNDLE, where, "a mapping with " + ", ".join(fields), quote(item),
                                    line=_item_line(items, i)))
            continue
        ok = True
        for name in item:
            if name not in fields:
                problems.append(Problem(BUNDLE, f"{where}.{name}", "one of: " + ", ".join(fields), quote(name),
                                        line=_line(item, name)))
                ok = False
        for name, (what, test) in fields.items():
            if name not in item or item[name] is None:
                problems.append(Problem(BUNDLE, f"{where}.{name}", what, "nothing", line=getattr(item, "line", None)))
                ok = False
            elif not test(item[name]):
                problems.append(Problem(BUNDLE, f"{where}.{name}", what, quote(item[name]), line=_line(item, name)))
                ok = False
        if ok:
            out.append({k: v.strip() if isinstance(v, str) else v for k, v in item.items()})
    return out


def read_people(bundle: dict, problems: list) -> Governance:
    authors = tuple(Author(e["name"], e["role"], e["declaration"])
                    for e in _entries(bundle, "authors", AUTHOR_FIELDS, required=True, problems=problems))
    reviewers = tuple(
        Review(e["name"], e["role"], e["clinician"], e["date"], e["version"],
               () if e["pages"] == ALL_PAGES else tuple(str(p) for p in e["pages"]), e["declaration"])
        for e in _entries(bundle, "reviewers", REVIEWER_FIELDS, required=False, problems=problems))
    return Governance(authors, reviewers)


def check(*, bundle: dict | None, status: str | None, version: str | None,
          pages: list[PageReview]) -> tuple[Governance, list[Problem]]:
    """The bundle's people, and every problem with them, with the status and with the pages' review dates."""
    problems: list[Problem] = []
    if not isinstance(bundle, dict):  # bundle.yaml unreadable: reported by the loader
        return Governance((), ()), problems
    people = read_people(bundle, problems)
    clinicians = [r for r in people.reviewers if r.clinician]
    if status == "reviewed":
        if not clinicians:
            received = "no reviewers" if not people.reviewers else "no clinician among the reviewers"
        elif not any(r.version == version for r in clinicians):
            received = f"no clinician review of version {version}"
        else:
            received = None
        if received:
            problems.append(Problem(
                BUNDLE, "status",
                "draft, or reviewed with at least one clinician reviewer with a date in reviewers "
                "(a review of this version)", f"'reviewed' with {received}", line=_line(bundle, "status")))
    page_ids = {p.page_id for p in pages}
    for i, review in enumerate(people.reviewers):
        for pid in review.pages:
            if pid not in page_ids:
                problems.append(Problem(BUNDLE, f"reviewers[{i}].pages", "ids of pages that exist", quote(pid),
                                        line=_line(bundle["reviewers"][i], "pages")))
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
    return people, problems
