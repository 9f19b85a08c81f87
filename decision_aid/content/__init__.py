"""The content engine: loads and checks the versioned Markdown/YAML bundle. Pure Python, never imports Qt.

Four steps, one module each: ``read`` (the files ``files`` lists, their YAML and front matter), ``schema`` (each
file declared as typed records, checked by ``validation.Checker``), ``checks`` (what no single file can say alone)
and ``build`` (the model). ``load_content`` always reads the files; the app's start (``start_content``) may show its
first page from a stored model, proven to come from the files (``store``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from ..errors import ContentError, Problem
from .model import Content

if TYPE_CHECKING:
    from .checks import Reading
    from .overlay import Translation

__all__ = ["Content", "load_content", "load_languages", "read_content", "start_content", "start_languages"]


def read_content(root: str | Path) -> tuple[Content | None, list[Problem], dict[str, set[str]]]:
    """Read and check the bundle at ``root``, every translation included (``<language>/``, laid over the English by
    ``overlay``). Returns (the English content, its translations in ``Content.translations``, or None when any error;
    problems; usage).

    ``usage`` holds what the checker needs beyond the model: ``facts`` and ``terms`` used.
    """
    from ..validation import INVALID, Checker
    from . import checks, files, governance, read, schema
    from .build import build
    from .fingerprint import fingerprint

    root = Path(root)
    r = checks.Reading(root)
    if not root.is_dir():
        r.problem(str(root), None, "(folder)", "a content folder", "no such folder")
        return None, r.problems, {}
    for rel in files.YAML_FILES:
        data = r.raw[rel] = read.read_yaml(root, rel, r.problems)
        checker = r.checkers[rel] = Checker(rel, r.problems, prose=r.prose)
        checked = None if data is None else checker.struct(data, schema.FILES[rel])
        r.files[rel] = None if checked is INVALID else checked
    _read_pages(r)
    checks.check_references(r)
    checks.check_prompts(r)
    rules = checks.check_tailoring(r)
    show_when = checks.check_pages(r)
    checks.check_studies(r)
    unsure_questions = checks.unsure_questions(r)
    bundle = r.files["bundle.yaml"]
    if bundle is not None:
        r.problems.extend(governance.check(
            bundle=bundle, where=r.raw["bundle.yaml"],
            pages=[governance.PageReview(d.rel, d.data.line_of("reviewed"), d.front.id, d.front.reviewed)
                   for d in r.pages]))
    allowed = list(bundle.number_phrases if bundle else ()) + checks.trial_name_words(r.references.values())
    used_facts, used_terms = checks.check_prose(r, allowed)
    usage = {"facts": used_facts, "terms": used_terms}
    translations = _read_translations(r, bundle)
    if r.has_errors or None in r.files.values():
        return None, r.problems, usage
    listed = files.content_files(root)
    made = functools.partial(build, rules=rules, show_when=show_when, unsure_questions=unsure_questions,
                             fingerprint=fingerprint(root, listed), files=len(listed))
    content = made(r)
    translated = {t.language: msgspec.structs.replace(
        made(t.reading), language=t.language, translation=t.bundle,
        bundle=msgspec.structs.replace(content.bundle, name=t.bundle.name)) for t in translations}
    return msgspec.structs.replace(content, translations=translated), r.problems, usage


def _read_translations(r: Reading, bundle: Any) -> list[Translation]:
    """Each translation folder, read, checked and laid over the English reading (problems added to ``r``). Only once
    the English has no errors: a translation is checked against its English source, and a broken English file or
    page would only repeat its own problem in every language (no cascade)."""
    from . import files, governance, overlay, parity
    from .checks import check_prose, trial_name_words

    out: list[Translation] = []
    if r.has_errors or None in r.files.values() or r.broken_pages:
        return out
    for language in files.languages(r.root):
        t = overlay.read_language(r, language)
        if t is None:
            continue
        allowed = list(bundle.number_phrases if bundle else ()) + list(t.bundle.number_phrases)
        check_prose(t.reading, allowed + trial_name_words(r.references.values()))
        parity.check(r, t)
        for rel, line, made_from, version in t.stale:  # a translator's to-do list (check-content --strict fails)
            r.problems.append(Problem(rel, "translated_from", f"{version}, the version of the English page (translate "
                                      f"what changed since {made_from}, then set translated_from: {version})",
                                      made_from, line=line, severity="warning"))
        r.problems.extend(governance.check_translation(
            language=language, bundle=t.bundle, english_version=bundle.version if bundle else "",
            where=r.raw.get(f"{language}/bundle.yaml") or {}))
        out.append(t)
    return out


def _read_pages(r: Reading) -> None:
    from ..validation import INVALID, Checker, Located
    from . import files, read
    from .checks import PageDraft
    from .schema import FrontMatter

    if not (r.root / files.PAGES).is_dir():
        r.problem(files.PAGES, None, "(folder)", "a folder of Markdown pages", "no such folder")
        return
    for path in files.page_files(r.root):
        rel = path.relative_to(r.root).as_posix()
        before = len(r.problems)
        text = read.read_text(r.root, rel, r.problems)
        parts = None if text is None else read.front_matter(rel, text, r.problems)
        if parts is None or parts[0] is None:
            r.broken_pages += len(r.problems) > before
            continue
        data, body, body_line = parts
        checker = r.checkers[rel] = Checker(rel, r.problems, prose=r.prose)
        front = checker.struct(data, FrontMatter)
        if front is not INVALID and not body.strip():
            r.problem(rel, body_line, "(body)", "the page's text below the front matter", "nothing")
            front = INVALID
        r.prose.append(Located(rel, body_line, "(body)", body))  # a bad field should not hide problems in the text
        if front is INVALID:
            r.broken_pages += 1
        else:
            r.pages.append(PageDraft(rel, front, data, body, body_line))
    if not r.pages and not r.has_errors:
        r.problem(files.PAGES, None, "(folder)", "at least one page", "none")


def load_content(root: str | Path) -> Content:
    """Read and check the folder: the content, or ContentError listing every error (warnings do not stop the app).

    Always the files, never a store: ``check-content``, ``--self-test``, ``summary`` and ``review-packet`` use this.
    """
    content, problems, _ = read_content(root)
    errors = [p for p in problems if p.severity == "error"]
    if errors or content is None:
        raise ContentError(errors)
    return content


def languages_of(content: Content) -> dict[str, Content]:
    """The content in each of its languages, English first: code -> model."""
    return {content.language: content, **content.translations}


def load_languages(root: str | Path) -> dict[str, Content]:
    """``load_content`` in every language of the folder (English, then each translation): code -> model."""
    return languages_of(load_content(root))


def start_languages(root: str | Path) -> tuple[dict[str, Content], Callable[[], None] | None]:
    """``start_content`` in every language: the store holds every translation, and ``rederive`` proves them all."""
    content, rederive = start_content(root)
    return languages_of(content), rederive


def start_content(root: str | Path) -> tuple[Content, Callable[[], None] | None]:
    """The app's start: the content, from a store when one may be used (``store``), and what the app must call right
    after its first paint, before the person can act (None when nothing is left to prove). That call reads and checks
    the files in full and raises ContentError (the store deleted) unless they make exactly the model shown."""
    from . import store

    root = Path(root)
    bundled = store.stored_content(root)  # proven by the SHA-256 its build recorded in the read-only install
    if bundled is not None:
        return bundled, None
    path = store.checkout_store(root)
    if path is None:
        return load_content(root), None
    made_from = store.stamp(root)  # before any read: files edited while they are read are read again next time
    shown = store.read_checkout_store(path, root, made_from)
    if shown is None:
        content = load_content(root)
        store.write_checkout_store(content, path, made_from)
        return content, None
    return shown, functools.partial(store.rederive, shown, root, path)
