"""Authors, reviewers and review dates (decision_aid.content.governance): exact messages, on the small test bundle."""

import datetime as dt
import shutil
import subprocess
import sys

import msgspec

from decision_aid.content import load_content
from decision_aid.content.governance import PageReview, check
from decision_aid.content.model import Bundle
from tests.conftest import SHIPPED_CONTENT, edit, messages

STATUS_MESSAGE = ("bundle.yaml:5: status: expected draft, or reviewed with at least one clinician reviewer with a "
                  "date in reviewers (a review of this version), received 'reviewed' with {}")
REVIEW = """reviewers:
  - name: Test reviewer
    role: {role}
    clinician: {clinician}
    date: 2026-11-02
    version: {version}
    pages: {pages}
    declaration: none (a test entry, not a person)
"""




def add_review(root, *, role="medical oncologist", clinician="true", version="0.1.0", pages="all"):
    with (root / "bundle.yaml").open("a", encoding="utf-8") as f:
        f.write(REVIEW.format(role=role, clinician=clinician, version=version, pages=pages))


def test_reviewed_status_without_a_reviewer_fails(content_copy):
    edit(content_copy / "bundle.yaml", "status: draft", "status: reviewed")
    assert messages(content_copy, strict=True) == [STATUS_MESSAGE.format("no reviewers")]


def test_reviewed_status_needs_a_clinician(content_copy):
    edit(content_copy / "bundle.yaml", "status: draft", "status: reviewed")
    add_review(content_copy, role="patient representative", clinician="false")
    assert messages(content_copy, strict=True) == [STATUS_MESSAGE.format("no clinician among the reviewers")]


def test_reviewed_status_needs_a_review_of_this_version(content_copy):
    edit(content_copy / "bundle.yaml", "status: draft", "status: reviewed")
    add_review(content_copy, version="0.0.9")
    assert messages(content_copy, strict=True) == [STATUS_MESSAGE.format("no clinician review of version 0.1.0")]


def test_reviewed_status_with_a_clinician_review_passes(content_copy):
    edit(content_copy / "bundle.yaml", "status: draft", "status: reviewed")
    add_review(content_copy)
    assert messages(content_copy, strict=True) == []
    bundle = load_content(content_copy).bundle
    assert [a.name for a in bundle.authors] == ["The decision aid's development team"]
    (review,) = bundle.reviewers
    assert (review.role, review.clinician, review.date, review.pages) == (
        "medical oncologist", True, dt.date(2026, 11, 2), ())


def test_a_page_review_date_needs_a_recorded_review(content_copy):
    edit(content_copy / "pages" / "welcome.md", "# reviewed: (no review recorded)", "reviewed: 2026-11-02")
    assert messages(content_copy, strict=True) == [
        "pages/welcome.md:7: reviewed: expected the date of a clinician review recorded in bundle.yaml reviewers "
        "that covers welcome, or no reviewed date, received 2026-11-02"]
    add_review(content_copy, pages="[welcome]")
    assert messages(content_copy, strict=True) == []


def test_a_review_of_other_pages_does_not_back_a_page(content_copy):
    edit(content_copy / "pages" / "welcome.md", "# reviewed: (no review recorded)", "reviewed: 2026-11-02")
    add_review(content_copy, pages="[risks, nowhere]")
    assert messages(content_copy, strict=True) == [
        "bundle.yaml:23: reviewers[0].pages: expected ids of pages that exist, received 'nowhere'",
        "pages/welcome.md:7: reviewed: expected the date of a clinician review recorded in bundle.yaml reviewers "
        "that covers welcome, or no reviewed date, received 2026-11-02"]


def test_authors_are_required_with_a_declaration(content_copy):
    edit(content_copy / "bundle.yaml", "    declaration: A test bundle; no declaration signed.\n",
         "    funding: none\n")
    assert messages(content_copy, strict=True) == [
        "bundle.yaml:11: authors[0].funding: expected one of: name, role, declaration, received 'funding'",
        "bundle.yaml:9: authors[0].declaration: expected a non-empty text, received nothing"]
    edit(content_copy / "bundle.yaml", "authors:\n", "old_authors:\n")
    assert messages(content_copy, strict=True)[0] == (
        "bundle.yaml:8: old_authors: expected one of: name, version, released, review_due, status, number_phrases, "
        "changelog, authors, reviewers, received 'old_authors'")


def test_a_reviewer_entry_names_every_field(content_copy):
    with (content_copy / "bundle.yaml").open("a", encoding="utf-8") as f:
        f.write("reviewers:\n  - {name: Test reviewer, role: nurse, clinician: maybe, date: soon}\n")
    assert messages(content_copy, strict=True) == [
        "bundle.yaml:18: reviewers[0].clinician: expected true or false, received 'maybe'",
        "bundle.yaml:18: reviewers[0].date: expected a date as YYYY-MM-DD, received 'soon'",
        "bundle.yaml:18: reviewers[0].version: expected the content version reviewed, such as 1.0.0, received "
        "nothing",
        "bundle.yaml:18: reviewers[0].pages: expected a list of page ids, or all, received nothing",
        "bundle.yaml:18: reviewers[0].declaration: expected a non-empty text, received nothing"]


def test_check_takes_the_typed_bundle():
    bundle = msgspec.convert({"name": "T", "version": "1.0.0", "released": "2026-01-01", "review_due": "2027-01-01",
                              "status": "draft", "changelog": [],
                              "authors": [{"name": "T", "role": "writer", "declaration": "none"}]}, Bundle)
    pages = [PageReview("pages/a.md", 7, "a", dt.date(2026, 1, 2)), PageReview("pages/b.md", 7, "b", None)]
    problems = check(bundle=bundle, where={}, pages=pages)
    assert [str(p) for p in problems] == [
        "pages/a.md:7: reviewed: expected the date of a clinician review recorded in bundle.yaml reviewers that "
        "covers a, or no reviewed date, received 2026-01-02"]


def test_authors_may_not_be_an_empty_list(content_copy):
    text = (content_copy / "bundle.yaml").read_text(encoding="utf-8")
    start = text.index("authors:\n")
    end = text.index("\n", text.index("declaration:", start))
    (content_copy / "bundle.yaml").write_text(text[:start] + "authors: []" + text[end:], encoding="utf-8")
    assert messages(content_copy, strict=True)[0] == (
        "bundle.yaml:8: authors: expected a list of entries with name, role, declaration, received an empty list")


def test_shipped_content_is_honestly_a_draft():
    bundle = load_content(SHIPPED_CONTENT).bundle
    assert bundle.status == "draft" and bundle.reviewers == ()
    (author,) = bundle.authors
    assert "development team" in author.name
    assert "AI" in author.role and "not clinicians" in author.role
    assert "not known" in author.declaration
    pages = sorted((SHIPPED_CONTENT / "pages").glob("*.md"))
    assert pages and not [p.name for p in pages if "\nreviewed:" in p.read_text(encoding="utf-8").split("---")[1]]


def test_check_content_command_fails_on_a_planted_reviewed_status(tmp_path):
    planted = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, planted, ignore=shutil.ignore_patterns("__pycache__"))
    edit(planted / "bundle.yaml", "status: draft", "status: reviewed")
    out = subprocess.run([sys.executable, "-m", "decision_aid", "check-content", str(planted), "--strict"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert out.stderr.splitlines() == [STATUS_MESSAGE.format("no reviewers"), "1 problem in the content"]
