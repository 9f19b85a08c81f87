"""What a clinician reviewer signs, as plain data: pages, variants, figures, claims without figures, changes, grades.

Built from a content folder alone (and, when given, the folder of the last reviewed version), never from the clock:
the same content gives the same packet.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from ..content.checker import EASE_LIMITS, GRADE_LIMITS, reading_ease, reading_grade
from ..content.fingerprint import content_files
from ..content.model import Content, Page
from ..content.read import FRONT_MATTER_RE
from ..content.yamlio import parse_yaml
from .variants import Variant, tailored_variants

PLACEHOLDER_RE = re.compile(r"\{\{\s*[A-Za-z0-9_.-]+\s*\}\}")
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(\[*])")


@dataclass(frozen=True)
class PageEntry:
    page: Page
    grade: float
    limit: float
    variants: tuple[int, ...]  # the variants that show it (notes and options); () = shown in all or opened by hand


@dataclass(frozen=True)
class FigureEntry:
    id: str
    phrase: str
    value: float
    population: str
    time_frame: str
    source: str  # the reference's text
    status: str
    pages: tuple[str, ...]  # page ids that state it


@dataclass(frozen=True)
class Claim:
    page_id: str
    number: int
    text: str


@dataclass(frozen=True)
class FileChange:
    path: str
    kind: str  # added | removed | changed
    diff: tuple[str, ...]  # unified diff lines (empty for an added or removed file)


@dataclass(frozen=True)
class Changes:
    previous_version: str | None  # None: no reviewed version to compare with
    files: tuple[FileChange, ...]
    note: str


@dataclass(frozen=True)
class TranslatedPage:
    """A translation's page: the English version it was made from against the English page's, its reading ease by
    its language's formula (None when the checker has none for the language) and the lowest allowed."""

    page: Page
    english_version: str
    ease: float | None
    limit: float | None

    @property
    def older(self) -> bool:
        return self.page.translated_from != self.english_version


@dataclass(frozen=True)
class TranslationEntry:
    """What a medical translator and a clinician who reads the language sign for one translation."""

    content: Content  # the translation's model (its status, translators and reviewers in ``translation``)
    pages: tuple[TranslatedPage, ...]


@dataclass(frozen=True)
class Packet:
    content: Content
    pages: tuple[PageEntry, ...]
    variants: tuple[Variant, ...]
    figures: tuple[FigureEntry, ...]
    claims: tuple[Claim, ...]
    changes: Changes
    translations: tuple[TranslationEntry, ...] = ()


def translation_entries(content: Content) -> tuple[TranslationEntry, ...]:
    out = []
    for code, model in content.translations.items():
        formula = EASE_LIMITS.get(code)
        pages = tuple(
            TranslatedPage(p, content.pages[p.id].version,
                           round(reading_ease(p.text, code), 1) if formula else None,
                           formula[2][p.audience] if formula else None)
            for p in model.pages.values())
        out.append(TranslationEntry(model, pages))
    return tuple(out)


def _body(content: Content, page: Page) -> str:
    text = (content.root / page.path).read_text(encoding="utf-8").replace("\r\n", "\n")
    m = FRONT_MATTER_RE.match(text)
    return text[m.end():] if m else text


def plain(markdown: str) -> str:
    """A Markdown line as a reviewer reads it: glossary marks and links by their words, no emphasis marks."""
    text = re.sub(r"\[\[([^\]|]+)\|([^\]]+)\]\]", r"\2", markdown)
    text = re.sub(r"\[\[([^\]]+)\]\]", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\(page:[^)]+\)", r"\1", text)
    text = text.replace("**", "").replace("__", "")
    return re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", text).strip()


def _grid_cells(content: Content, page: Page) -> list[str]:
    if not page.grid:
        return []
    text = (content.root / page.path).read_text(encoding="utf-8").replace("\r\n", "\n")
    m = FRONT_MATTER_RE.match(text)
    # The one YAML reader (bounded before parsing, the same words for true/false as when the content was loaded).
    front = parse_yaml(m.group(1)) if m and m.group(1) else {}
    return [str(front["grid"][row]) for row in page.grid if row in front.get("grid", {})]


def claims_without_figures(content: Content, page: Page) -> list[str]:
    """Every sentence of a page's body and grid cells that states no figure (no placeholder); headings left out."""
    out = []
    for line in _body(content, page).splitlines() + _grid_cells(content, page):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        for sentence in SENTENCE_END_RE.split(line.strip()):
            if sentence and not PLACEHOLDER_RE.search(sentence):
                words = plain(sentence)
                if words:
                    out.append(words)
    return out


def _changes(content: Content, previous: Path | None) -> Changes:
    reviewed = [r for r in content.bundle.reviewers if r.clinician]
    if previous is None:
        if reviewed:
            last = max(reviewed, key=lambda r: (r.date, r.version))
            note = (f"The last recorded clinician review is of version {last.version} ({last.date.isoformat()}), "
                    "but its content folder was not given (--previous), so the changes cannot be shown. "
                    "Review every page.")
        else:
            note = ("No version of this content has been reviewed by a clinician yet, so there is nothing to "
                    "compare with. Every page in this packet is new to its reviewer.")
        return Changes(None, (), note)
    old_files = {p.relative_to(previous).as_posix(): p for p in content_files(previous)}
    new_files = {p.relative_to(content.root).as_posix(): p for p in content_files(content.root)}
    changes = []
    for rel in sorted(set(old_files) | set(new_files)):
        if rel not in old_files:
            changes.append(FileChange(rel, "added", ()))
        elif rel not in new_files:
            changes.append(FileChange(rel, "removed", ()))
        else:
            old = old_files[rel].read_text(encoding="utf-8").replace("\r\n", "\n").splitlines()
            new = new_files[rel].read_text(encoding="utf-8").replace("\r\n", "\n").splitlines()
            if old != new:
                diff = difflib.unified_diff(old, new, f"previous/{rel}", f"now/{rel}", n=1, lineterm="")
                changes.append(FileChange(rel, "changed", tuple(diff)))
    version = _version_of(previous)
    note = (f"Changes since the version in {previous.name} (version {version}), file by file."
            if changes else f"Nothing changed since the version in {previous.name} (version {version}).")
    return Changes(version, tuple(changes), note)


def _version_of(folder: Path) -> str:
    m = re.search(r"^version:\s*(\S+)", (folder / "bundle.yaml").read_text(encoding="utf-8"), re.MULTILINE)
    return m.group(1).strip("\"'") if m else "unknown"


def build_packet(content: Content, *, previous: str | Path | None = None) -> Packet:
    variants = tailored_variants(content)
    shown_in: dict[str, list[int]] = {}
    for v in variants:
        option_pages = [content.option(o).page for o, _ in v.options]
        for pid in list(v.notes) + option_pages:
            shown_in.setdefault(pid, []).append(v.number)
    pages = tuple(
        PageEntry(p, round(reading_grade(p.text), 1), GRADE_LIMITS[p.audience],
                  tuple(shown_in.get(p.id, ())) if len(shown_in.get(p.id, ())) < len(variants) else ())
        for p in content.pages.values())
    used: dict[str, list[str]] = {}
    for p in content.pages.values():
        raw = (content.root / p.path).read_text(encoding="utf-8")  # body, grid cells and titles alike
        ids = [m.strip("{} ") for m in PLACEHOLDER_RE.findall(raw)] + [f for c in p.compare for f in c.facts]
        for fid in dict.fromkeys(ids):
            used.setdefault(fid, []).append(p.id)
    for rel in ("form.yaml", "prompts.yaml", "glossary.yaml", "tailoring.yaml"):
        path = content.root / rel
        if path.is_file():
            for m in PLACEHOLDER_RE.findall(path.read_text(encoding="utf-8")):
                if rel not in used.setdefault(m.strip("{} "), []):
                    used[m.strip("{} ")].append(rel)
    figures = tuple(
        FigureEntry(f.id, f.phrase, f.value, f.population, f.time_frame, content.references[f.source].text(),
                    f.status, tuple(used.get(f.id, ())))
        for f in sorted(content.facts.values(), key=lambda f: f.id))
    claims = tuple(Claim(p.id, i, text)
                   for p in content.pages.values() if p.audience == "patient"
                   for i, text in enumerate(claims_without_figures(content, p), 1))
    changes = _changes(content, Path(previous) if previous is not None else None)
    return Packet(content, pages, variants, figures, claims, changes, translation_entries(content))
