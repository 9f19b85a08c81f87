"""The summary on paper: PDF (tagged PDF/UA-1), SVG and PNG pages from one Typst template. Pure Python, no Qt.

The template ``decision_aid/templates/summary.typ`` is fixed; the summary reaches it only as JSON data through
Typst's ``sys.inputs`` (read with ``json(bytes(sys.inputs.summary))``), so nothing a person types can become markup.
The fonts come from ``resources/fonts`` (Atkinson Hyperlegible, and DejaVu Sans for figures: its zero has no slash).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import iconarray
from ..errors import SummaryWriteError
from ..paths import fonts_dir
from . import words
from .export import write_summary_file
from .glance import SITUATION_SHORT, detail_flags, glance
from .model import Summary
from .render import AFFECTED, UNAFFECTED_LINE, templates_dir
from .words import draft_lines, made_text

if TYPE_CHECKING:  # imported when first used: not on the way to the first page
    import typst

TEMPLATE = "summary.typ"
PAPERS = {"a4": "a4", "letter": "us-letter"}
PDF_STANDARDS = ["ua-1"]
FIGURE_FONTS = "figures"  # resources/fonts/figures: DejaVu Sans, used for the digits only

def font_paths() -> list[str]:
    root = fonts_dir()
    return [str(root), str(root / FIGURE_FONTS)]


def icon_array_svg(per100: float) -> str:
    """100 people in a 10 × 10 grid, ``per100`` of them filled dark (from the bottom row up), the rest outlined."""
    count = iconarray.affected_count(per100)
    shapes = []
    for row in range(iconarray.ROWS):
        for column in range(iconarray.COLUMNS):
            on = iconarray.is_affected(row, column, count)
            fill, stroke = (AFFECTED, AFFECTED) if on else ("#ffffff", UNAFFECTED_LINE)
            x, y = column * 10, row * 10
            shapes.append(f'<g fill="{fill}" stroke="{stroke}" stroke-width="0.6">'
                          f'<circle cx="{x + 5}" cy="{y + 2.392}" r="1.44"/>'
                          f'<rect x="{x + 2.44}" y="{y + 4.36}" width="5.12" height="4.864" rx="1.76"/></g>')
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100">'
            + "".join(shapes) + "</svg>")


def summary_data(summary: Summary, *, paper: str = "a4") -> dict[str, Any]:
    """Everything the Typst template prints, as plain JSON data: its own words too (``labels``, the glance's
    ``labels``), in the summary's language; the PDF's language tag is the person's language."""
    _ = summary.gettext
    draft = draft_lines(summary)
    return {
        "paper": PAPERS[paper],
        "lang": summary.language,
        "labels": words.labels(summary.language),
        "title": summary.title + (f": {summary.name}" if summary.name else ""),
        "heading": summary.title,
        "aid_name": summary.aid_name,
        "made": made_text(summary),
        "name": summary.name,
        "draft": bool(draft),
        "draft_text": " ".join(draft),
        "footer": list(footer_lines(summary)),
        "glance": glance(summary),
        # The situation in short rows (the wizard asked the full questions): one line each on paper.
        "situation": [{"q": _(SITUATION_SHORT[s.id]) if s.id in SITUATION_SHORT else s.question, "a": s.answer}
                      for s in summary.situation],
        "values": [{"label": v.label, "rating": v.rating_label} for v in summary.values],
        "leaning_prompt": summary.leaning_prompt,
        "leaning": summary.leaning_label,
        "flags": detail_flags(summary),
        "not_yet_sure": summary.not_yet_sure,
        "not_yet_sure_text": ". ".join(summary.not_yet_sure_reasons) + "." if summary.not_yet_sure else "",
        "sure_flag_text": summary.sure_flag_text,
        "sure_prompt": summary.sure_prompt,
        "sure": [{"q": line.question, "a": line.answer} for line in summary.sure],
        "questions": [{"text": q.text, "own": q.own} for q in summary.listed_questions + summary.own_questions],
        "notes": [n.title for n in summary.notes],
        "options": [
            {
                "title": o.title,
                "framing": o.framing_label,
                "groups": [
                    {
                        "title": g.title,
                        "time_frame": g.time_frame,
                        "applies": g.applicability_text or None,  # who the study took, beside its figures
                        "shown_with": g.shown_with,
                        "figures": [{"phrase": f.wording[0], "who": f.wording[1], "count": f.count,
                                     "alt": words.picture_text(f.count, f.sentence, summary.language),
                                     "svg": icon_array_svg(f.per100)} for f in g.figures],
                    }
                    for g in o.figure_groups
                ],
                "trials": [{"name": t.name, "id": t.id, "summary": t.summary, "contact": t.contact} for t in o.trials],
            }
            for o in summary.options
        ],
        "glossary": [{"term": g.term, "definition": g.definition} for g in summary.glossary],
    }


DRAFT_TEXT = words.DRAFT_TEXT


def footer_lines(summary: Summary) -> tuple[str, ...]:
    """The lines at the foot of every page: the first in bold beside the page number; the full draft wording for the
    doctor while the content (or its translation) is a draft; date, clinic and content version; the fingerprint."""
    _ = summary.gettext
    first = _("For discussion with your care team, not medical advice.")
    made = _("Made on {date}").format(date=summary.created_text)
    if summary.clinic_name:
        made += f" · {summary.clinic_name}"
    if summary.clinic_phone:
        made += f" · {summary.clinic_phone}"
    status = _(words.STATUS_WORDS.get(summary.content_status, summary.content_status))
    made += " · " + _("content version {version} ({status})").format(version=summary.content_version, status=status)
    fingerprint = _("Content fingerprint (SHA-256): {fingerprint}").format(fingerprint=summary.fingerprint)
    return (first, *draft_lines(summary), made, fingerprint)


@functools.lru_cache(maxsize=1)
def _fonts() -> typst.Fonts:
    """The shipped fonts, found once (a compiler made with them then costs a quarter of a millisecond)."""
    import typst

    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=font_paths())


def _compiler() -> typst.Compiler:
    """A new compiler for each summary. A compiler keeps the last ``sys_inputs`` it was given (the person's summary)
    until it is dropped: none is kept between summaries, so after Start over none holds the last person's words."""
    import typst

    template = templates_dir() / TEMPLATE
    return typst.Compiler(str(template), root=str(templates_dir()), font_paths=_fonts(), ignore_system_fonts=True)


# Typst memoizes in a cache of the whole process (its layout of the person's words included) and, after each
# compile, drops what the last 10 compiles did not use (typst-py calls ``comemo::evict(10)``).
_MEMO_COMPILES = 10
_BLANK = b"#set page(width: 1cm, height: 1cm)"
_compiled_since_forget = 0


def forget() -> None:
    """Age what Typst still holds of the last summaries out of its memo cache: 11 compiles of a blank page (about
    5 ms). Called on every reset (``privacy_qt.KioskPrivacy.clear_session``); nothing when nothing was typeset."""
    global _compiled_since_forget
    if not _compiled_since_forget:
        return
    import typst

    for _ in range(_MEMO_COMPILES + 1):
        typst.compile(_BLANK, format="svg", font_paths=_fonts(), ignore_system_fonts=True)
    _compiled_since_forget = 0


def _timestamp(summary: Summary) -> dt.datetime:
    return dt.datetime.combine(summary.created, dt.time(12), tzinfo=dt.UTC)


def compile_summary(summary: Summary, *, fmt: str = "pdf", paper: str = "a4", ppi: float | None = None) -> Any:
    """The summary typeset: PDF bytes, or a list of SVG or PNG pages (bytes each)."""
    if paper not in PAPERS:
        raise ValueError(f"paper: expected one of: {', '.join(PAPERS)}, received {paper!r}")
    import typst

    data = json.dumps(summary_data(summary, paper=paper), ensure_ascii=False)
    kwargs: dict[str, Any] = {"format": fmt}
    if fmt == "pdf":
        kwargs.update(pdf_standards=PDF_STANDARDS, timestamp=_timestamp(summary))
    if ppi is not None:
        kwargs["ppi"] = ppi
    global _compiled_since_forget
    _compiled_since_forget += 1
    for _ in range(MAX_GLYPH_RETRIES):
        try:
            out = _compiler().compile(sys_inputs={"summary": data}, **kwargs)
            break
        except typst.TypstError as exc:
            missing = _missing_glyphs(exc)
            if not missing:
                raise
            data = _name_glyphs(data, missing)
    else:
        raise TypesetError("some characters could not be printed with the shipped fonts")
    if fmt != "pdf" and isinstance(out, bytes):
        out = [out]
    return out


class TypesetError(Exception):
    """Typst could not make the pages (``write_pdf`` turns it into a SummaryWriteError naming the file)."""


MAX_GLYPH_RETRIES = 12
_JOINERS_RE = re.compile("[\U0001F3FB-\U0001F3FF\uFE00-\uFE0F\u200D]")
_MISSING_RE = re.compile(r'the text `"(.+?)"` could not be displayed', re.S)


def _missing_glyphs(exc: Exception) -> str:
    """The characters a PDF/UA-1 compile found no shipped font for ("" when the error is something else)."""
    found = _MISSING_RE.search(str(getattr(exc, "message", "")) or str(exc))
    return found.group(1) if found else ""


def _name_glyphs(data: str, text: str) -> str:
    """Characters no shipped font draws (emoji, mostly) are printed by their name: "👍" becomes "[thumbs up sign]";
    skin-tone modifiers, joiners and variation selectors are dropped. The person's words are otherwise untouched."""
    out = _JOINERS_RE.sub("", data)  # without their emoji, skin tones, joiners and selectors draw nothing
    for char in dict.fromkeys(text):
        if char.isspace() or ord(char) < 0x2000:  # letters, digits and punctuation are always drawn
            continue
        category = unicodedata.category(char)
        name = unicodedata.name(char, "")
        if category in ("Mn", "Me", "Cf", "Sk") or "MODIFIER" in name or "VARIATION SELECTOR" in name or not name:
            out = out.replace(char, "")
        else:
            out = out.replace(char, f"[{name.lower()}]")
    return out


def pdf_page_count(data: bytes) -> int:
    """Pages in a PDF this module wrote (its page tree's /Count)."""
    import re

    counts = [int(m) for m in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    counts += [int(m) for m in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data)]
    return max(counts) if counts else 0


class PdfWritten(int):
    """What ``write_pdf`` wrote: the number of pages (it is that number, as ``write_pdf`` always returned) and
    ``path``, the file's name (``-2``… added to a kiosk export whose name another kiosk took in the meantime)."""

    path: Path

    def __new__(cls, pages: int, path: Path) -> PdfWritten:
        written = super().__new__(cls, pages)
        written.path = path
        return written

    @property
    def pages(self) -> int:
        return int(self)


def write_pdf(summary: Summary, path: str | os.PathLike[str], *, paper: str = "a4",
              exclusive: bool = False) -> PdfWritten:
    """Write the summary as a tagged PDF on A4 or Letter, whole and checked or not at all; return the number of pages
    (with ``.path``, the name written).

    Raises SummaryWriteError, naming the folder, when it cannot be written (a full disk included: an old file of that
    name is kept). The file is 0600; ``exclusive`` (kiosk exports) never replaces an existing file (``safe_files``).
    """
    if paper not in PAPERS:
        raise ValueError(f"paper: expected one of: {', '.join(PAPERS)}, received {paper!r}")
    import typst

    path = Path(path)
    _check_folder(path)
    try:
        data = compile_summary(summary, fmt="pdf", paper=paper)
    except (TypesetError, typst.TypstError) as exc:
        raise SummaryWriteError(str(path), f"the summary could not be typeset ({exc})") from None
    written = write_summary_file(path, data, kind=".pdf", exclusive=exclusive)
    return PdfWritten(pdf_page_count(data), written)


def _check_folder(path: Path) -> None:
    folder = path.parent
    if not folder.exists():
        raise SummaryWriteError(str(path), "the folder does not exist")
    if not folder.is_dir():
        raise SummaryWriteError(str(path), "it is not a folder")
    if path.is_dir():
        raise SummaryWriteError(str(path), f"{path.name} is a folder, not a file name")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise SummaryWriteError(str(path), "this account may not write there")
