"""The review packet as one HTML document: readable in a browser, and simple enough for Qt's rich text (the PDF).

Everything in it comes from the packet; nothing from the clock or the machine, so the same content gives the same
bytes. Every text from the content is escaped, except the pages' own rendered HTML (made by the content engine from
Markdown without raw HTML).
"""

from __future__ import annotations

import html
from typing import Any

from ..content.model import Content, OnlyOf
from .packet import Packet
from .variants import Variant

FIELD_NAMES = {
    "breast_symptoms": "breast problems", "symptom_kinds": "kinds", "distant_response": "cancer elsewhere",
    "months_on_treatment": "time on medicines", "spread_sites": "spread to", "spread_extent": "how many spots",
    "tumor_type": "tumor type", "trial_offered": "trial offered",
}
FRAMING_MARKS = {"standard": "usual", "option_to_discuss": "to discuss", "not_usually_advised": "not usually advised"}
SECTIONS = (
    ("changes", "A. What changed since the last reviewed version"),
    ("variants", "B. Every tailored variant"),
    ("pages", "C. Every page, with its reading grade"),
    ("figures", "D. Every figure, with its source"),
    ("claims", "E. Every statement on a patient page that carries no figure"),
    ("glossary", "F. The glossary"),
)
STYLE = """
body { font-family: 'Atkinson Hyperlegible', 'DejaVu Sans', sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 18px; } h3 { font-size: 11.5pt; margin-top: 14px; }
table.grid { border-collapse: collapse; } table.grid td, table.grid th { border: 1px solid #888; padding: 3px; }
th { background: #e8ecf2; text-align: left; } .small { font-size: 8.5pt; } .muted { color: #444; }
pre { font-size: 7.5pt; } .sign td { border: 1px solid #222; padding: 6px; } .add { color: #0b5d1e; }
.del { color: #8a1111; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def situation_words(content: Content, variant: Variant) -> str:
    parts = []
    for field, value in variant.example.items():
        question = content.form.situation[field]
        values = value if isinstance(value, tuple) else (value,)
        parts.append(f"{FIELD_NAMES.get(field, field)}: " + ", ".join(question.choices[v] for v in values))
    if variant.clinic_trials:
        parts.append("the clinic lists open trials")
    return "; ".join(parts) if parts else "nothing answered (every question left blank)"


def sign_off(section: str) -> str:
    rows = ("Reviewer's name", "Role (and whether a clinician)", "Date", "Declaration of interests",
            "Decision: approved as it stands / approved with the changes listed / not approved",
            "Changes needed (page and sentence)", "Signature")
    cells = "".join(f"<tr><td width='35%'><b>{_e(r)}</b></td><td>&nbsp;</td></tr>" for r in rows)
    return (f"<h3>Sign-off: {_e(section)}</h3><table class='sign' width='100%' cellspacing='0' "
            f"cellpadding='6' border='1'>{cells}</table>")


def _header(packet: Packet) -> str:
    c, b = packet.content, packet.content.bundle
    authors = "".join(f"<li><b>{_e(a.name)}</b> ({_e(a.role)}). Declaration: {_e(a.declaration)}</li>"
                      for a in b.authors) or "<li>none recorded</li>"
    reviewers = "".join(
        f"<li><b>{_e(r.name)}</b>, {_e(r.role)}{' (clinician)' if r.clinician else ''}, {_e(r.date.isoformat())}, "
        f"version {_e(r.version)}, pages: {_e(', '.join(r.pages) or 'all')}. Declaration: {_e(r.declaration)}</li>"
        for r in b.reviewers) or "<li>none yet: no clinician has reviewed this content</li>"
    titles = [title for _, title in SECTIONS] + [
        TRANSLATION_TITLE.format(name=t.content.bundle.name, code=t.content.language) for t in packet.translations]
    contents = "".join(f"<li>{_e(title)}</li>" for title in titles)  # titles carry their letter
    return (
        f"<h1>Review packet: {_e(b.name)}</h1>"
        f"<p><b>Content version</b> {_e(b.version)} · <b>status</b> {_e(b.status)} · <b>released</b> "
        f"{_e(b.released.isoformat())} · <b>review due</b> {_e(b.review_due.isoformat())}</p>"
        f"<p><b>Content fingerprint (SHA-256)</b> {_e(c.fingerprint)}</p>"
        "<p>This packet holds everything a reviewer signs for this version: every page as the aid shows it, "
        "every tailored variant (computed by the aid's own tailoring over every situation), every figure with its "
        "source, every statement without a figure, what changed since the last reviewed version, and the reading "
        "grade of each page. Sign each section at its end. A review counts only once it is recorded in "
        "bundle.yaml (reviewers) with the reviewer's name, role, date, the version and pages reviewed, and "
        "declaration.</p>"
        f"<h3>Authors</h3><ul>{authors}</ul><h3>Reviews recorded</h3><ul>{reviewers}</ul>"
        f"<h3>Contents</h3><ul>{contents}</ul>"
        f"<p class='small'>{len(packet.pages)} pages, {len(packet.variants)} tailored variants, "
        f"{len(packet.figures)} figures, {len(packet.claims)} statements without a figure.</p>"
    )


def _section(key: str) -> str:
    title = dict(SECTIONS)[key]
    return f"<h2 style='page-break-before: always' id='{key}'>{_e(title)}</h2>"


def _changes(packet: Packet) -> str:
    ch = packet.changes
    out = [_section("changes"), f"<p>{_e(ch.note)}</p>"]
    for f in ch.files:
        out.append(f"<h3>{_e(f.path)}: {_e(f.kind)}</h3>")
        if f.diff:
            lines = []
            for line in f.diff:
                cls = "add" if line.startswith("+") else "del" if line.startswith("-") else "muted"
                lines.append(f"<span class='{cls}'>{_e(line)}</span>")
            out.append("<pre>" + "\n".join(lines) + "</pre>")
    out.append(sign_off(dict(SECTIONS)["changes"]))
    return "".join(out)


def _variants(packet: Packet) -> str:
    c = packet.content
    always = set.intersection(*(set(v.pages) for v in packet.variants)) if packet.variants else set()
    total = sum(v.count for v in packet.variants)
    out = [_section("variants"), (
        f"<p>The aid's tailoring was run on {total} situations: every answer to every situation question "
        "(or none), by the classes of answers the rules tell apart, with and without open trials listed by the "
        f"clinic. They give {len(packet.variants)} different views. Each is shown once, with the first situation "
        "that gives it and how many do. Options are in grid order with their framing; notes lead with the first. "
        "Pages shown in every variant are not repeated.</p>"), _option_legend(c),
        "<table class='grid small' width='100%' cellspacing='0' cellpadding='3' border='1'><tr><th>#</th>"
        "<th>Example situation (situations)</th><th>Options shown</th><th>Notes, lead first</th>"
        "<th>Studies: do their figures describe this person?</th></tr>"]
    for v in packet.variants:
        options = "; ".join(f"{_e(o)} <i>({_e(FRAMING_MARKS[f])})</i>" for o, f in v.options)
        notes = ", ".join(_e(n) for n in v.notes) or "none"
        extra = sorted(set(v.pages) - always)
        if extra:
            notes += "<br><i>also shown:</i> " + _e(", ".join(extra))
        studies = ", ".join(f"{_e(sid)}: {_e(status.replace('_', ' '))}" for sid, status in v.studies) or "none"
        out.append(f"<tr><td>{v.number}</td><td>{_e(situation_words(c, v))} ({v.count})</td>"
                   f"<td>{options}</td><td>{notes}</td><td>{studies}</td></tr>")
    out.append("</table>")
    out.append(sign_off(dict(SECTIONS)["variants"]))
    return "".join(out)


def _option_legend(c: Content) -> str:
    items = "".join(f"<li><b>{_e(o.id)}</b>: {_e(c.page(o.page).title)} (page {_e(o.page)})</li>"
                    for o in c.tailoring.options)
    return f"<p class='small'>Options by id:</p><ul class='small'>{items}</ul>"


def _pages(packet: Packet) -> str:
    c = packet.content
    out = [_section("pages"), "<p>Reading grade is Flesch-Kincaid; the limit is 8 for patient pages and 10 for "
           "nurse pages (\"more detail\").</p><table class='grid small' cellspacing='0' cellpadding='3' "
           "border='1'><tr><th>page</th><th>audience</th><th>grade (limit)</th></tr>"]
    for e in packet.pages:
        out.append(f"<tr><td>{_e(e.page.id)}</td><td>{_e(e.page.audience)}</td>"
                   f"<td>{e.grade:.1f} ({e.limit:g})</td></tr>")
    out.append("</table>")
    for e in packet.pages:
        p = e.page
        shown = ("in variants " + ", ".join(str(n) for n in e.variants)) if e.variants else (
            "in every variant, or opened by the reader")
        sources = "; ".join(c.references[s].text() for s in p.sources) or "none"
        out.append(
            f"<h3 style='page-break-before: always'>Page {_e(p.id)}: {_e(p.title)}</h3>"
            f"<p class='small muted'>file {_e(p.path)} · step {_e(p.step)} · {_e(p.audience)} · version "
            f"{_e(p.version)} · reviewed {_e(p.reviewed.isoformat() if p.reviewed else 'never')} · reading grade "
            f"{e.grade:.1f} (limit {e.limit:g}) · shown {_e(shown)}"
            f"{' · when ' + _e(_condition(p.show_when)) if p.show_when else ''}</p>"
            f"<p class='small muted'>Sources: {_e(sources)}</p>")
        if p.grid:
            rows = "".join(f"<tr><th>{_e(r.label)}</th><td>{p.grid[r.id]}</td></tr>"
                           for r in c.tailoring.grid_rows if r.id in p.grid)
            out.append(f"<table class='grid small' width='100%' cellspacing='0' cellpadding='3' border='1'>"
                       f"{rows}</table>")
        for comp in p.compare:
            figures = "; ".join(f"{c.facts[f].phrase}: {c.facts[f].population}, {c.facts[f].time_frame}"
                                for f in comp.facts)
            out.append(f"<p class='small'><b>Picture of 100 people: {_e(comp.title)}.</b> {_e(figures)}</p>")
        out.append(p.html)
        out.append(f"<p class='small'><b>Page {_e(p.id)} checked:</b> name ______________ date __________ "
                   "approved / changes needed</p>")
    out.append(sign_off(dict(SECTIONS)["pages"]))
    return "".join(out)


def _condition(cond: dict[str, Any]) -> str:
    parts = []
    for field, accepted in cond.items():
        values = accepted.values if isinstance(accepted, OnlyOf) else accepted
        only = "only " if isinstance(accepted, OnlyOf) else ""
        parts.append(f"{field} is {only}{' or '.join(values)}")
    return "; ".join(parts)


def _figures(packet: Packet) -> str:
    out = [_section("figures"), "<p>Every figure the text may state, from content/facts.yaml, each from a row of "
           "the evidence list (FACTS.md). Status V: read in a retrieved text; S: stated in a seed document and "
           "consistent with later sources.</p><table class='grid small' width='100%' cellspacing='0' "
           "cellpadding='3' border='1'><tr><th width='13%'>id</th><th width='11%'>shown as</th>"
           "<th width='24%'>population</th><th width='20%'>time frame</th><th width='18%'>source</th>"
           "<th width='4%'>status</th><th width='10%'>used in</th></tr>"]
    for f in packet.figures:
        out.append(f"<tr><td>{_e(f.id)}</td><td>{_e(f.phrase)}</td><td>{_e(f.population)}</td>"
                   f"<td>{_e(f.time_frame)}</td><td>{_e(f.source)}</td><td>{_e(f.status)}</td>"
                   f"<td>{_e(', '.join(f.pages) or 'none')}</td></tr>")
    out.append("</table>")
    out.append(sign_off(dict(SECTIONS)["figures"]))
    return "".join(out)


def _claims(packet: Packet) -> str:
    out = [_section("claims"), "<p>Every sentence on a patient page (body and option grid) that states no figure "
           "from facts.yaml. Each is a statement the reviewer vouches for without a number behind it.</p>"]
    page_id = None
    for claim in packet.claims:
        if claim.page_id != page_id:
            if page_id is not None:
                out.append("</ol>")
            page_id = claim.page_id
            out.append(f"<h3>{_e(page_id)}</h3><ol class='small'>")
        out.append(f"<li>{_e(claim.text)}</li>")
    if page_id is not None:
        out.append("</ol>")
    out.append(sign_off(dict(SECTIONS)["claims"]))
    return "".join(out)


def _glossary(packet: Packet) -> str:
    terms = sorted(packet.content.glossary.values(), key=lambda t: t.term.lower())
    rows = "".join(f"<tr><td><b>{_e(t.term)}</b></td><td>{_e(t.definition)}</td></tr>" for t in terms)
    return (_section("glossary") + "<table class='grid small' width='100%' cellspacing='0' cellpadding='3' "
            f"border='1'>{rows}</table>" + sign_off(dict(SECTIONS)["glossary"]))


TRANSLATION_TITLE = "G. The translation into {name} ({code})"


def _translations(packet: Packet) -> str:
    """Each translation: its status and people, then each page with the English version it was made from and its
    reading ease, as the aid shows it, for a medical translator and a clinician who reads the language."""
    out = []
    for entry in packet.translations:
        c, t = entry.content, entry.content.translation
        title = TRANSLATION_TITLE.format(name=c.bundle.name, code=c.language)
        people = "".join(f"<li><b>{_e(x.name)}</b> ({_e(x.role)}). Declaration: {_e(x.declaration)}</li>"
                         for x in (t.translators if t else ())) or "<li>none recorded</li>"
        reviews = "".join(f"<li><b>{_e(r.name)}</b>, {_e(r.role)}, {_e(r.date.isoformat())}, version "
                          f"{_e(r.version)}. Declaration: {_e(r.declaration)}</li>"
                          for r in (t.reviewers if t else ())) or "<li>none yet</li>"
        rows = "".join(
            f"<tr><td>{_e(e.page.id)}</td><td>{_e(e.page.translated_from)} / {_e(e.english_version)}"
            f"{' <b>(older than the English)</b>' if e.older else ''}</td><td>"
            f"{'no formula' if e.ease is None else f'{e.ease:.1f} ({e.limit:g} or higher)'}</td></tr>"
            for e in entry.pages)
        out.append(
            f"<h2 style='page-break-before: always' id='translation-{_e(c.language)}'>{_e(title)}</h2>"
            f"<p><b>Status</b> {_e(t.status if t else 'draft')}. A translation is reviewed only once a medical "
            "translator and a clinician who reads the language have each recorded a review of this English version "
            f"({_e(packet.content.bundle.version)}) in {_e(c.language)}/bundle.yaml. Its figures are the English "
            "facts' (the same placeholders), so only the words are reviewed here.</p>"
            f"<h3>Translators</h3><ul>{people}</ul><h3>Reviews recorded</h3><ul>{reviews}</ul>"
            "<table class='grid small' cellspacing='0' cellpadding='3' border='1'><tr><th>page</th>"
            "<th>translated from / English version</th><th>reading ease</th></tr>" + rows + "</table>")
        for e in entry.pages:
            out.append(f"<h3 style='page-break-before: always'>{_e(c.language)} {_e(e.page.id)}: "
                       f"{_e(e.page.title)}</h3><p class='small muted'>file {_e(e.page.path)}</p>{e.page.html}"
                       f"<p class='small'><b>Translation of {_e(e.page.id)}</b>: medical translator ______________ "
                       "clinician ______________ date __________ approved / changes needed</p>")
        out.append(sign_off(title))
    return "".join(out)


def render_packet_html(packet: Packet) -> str:
    b = packet.content.bundle
    title = f"Review packet: {b.name}, version {b.version}"
    body = "".join((_header(packet), _changes(packet), _variants(packet), _pages(packet), _figures(packet),
                    _claims(packet), _glossary(packet), _translations(packet), sign_off("the whole packet")))
    return (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>{_e(title)}</title>"
            f"<style>{STYLE}</style></head><body>{body}</body></html>\n")
