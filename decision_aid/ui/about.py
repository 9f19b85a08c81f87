"""About this aid: the content's own about page, then its version, dates, fingerprint, status and sources."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from .. import __version__
from ..content.model import Content
from ..i18n import N_, _, format_date
from .content_view import ContentView
from .labels import Heading, RichText
from .reader import ReaderDialog
from .wording import draft_notice

SHORTCUTS = (  # the keys, and what they do (both translated where shown)
    # Translators: the Alt letter is the one marked with "&" in your "&Next" (and "&Back" below).
    (N_("Alt+Right, Alt+N"), N_("Next step")),
    (N_("Alt+Left, Alt+B"), N_("Back one step")),
    ("Ctrl+=  /  Ctrl+-", N_("Larger or smaller text")),
    ("Ctrl+0", N_("Normal text size")),
    ("Ctrl+H", N_("High contrast on or off")),
    ("Ctrl+G", N_("Glossary")),
    ("F1", N_("About this aid")),
    ("Ctrl+1 – Ctrl+9", N_("Go to step 1 to 9 (nurse mode)")),
    ("Ctrl+S, Ctrl+O", N_("Save or open an answers file (nurse mode)")),
    ("Ctrl+P", N_("Print the summary")),
)


def grouped_fingerprint(fingerprint: str) -> str:
    """The SHA-256 in groups of eight, so it wraps at large text sizes instead of running off the edge."""
    return " ".join(fingerprint[i:i + 8] for i in range(0, len(fingerprint), 8))


def bundle_facts_html(content: Content) -> str:
    b = content.bundle
    status = _("Draft: not yet reviewed by a clinician") if b.is_draft else _("Reviewed")
    reviewed = [_("{name}, {role}, {date} (version {version})").format(
        name=r.name, role=r.role, date=format_date(r.date), version=r.version) for r in b.reviewers]
    # A translation shows the English records as they were signed (authors, declarations, changes), said so, and
    # its own status and people: the screen's banner says the translation is a draft, so does this page.
    english = (lambda label: _("{label} (in English)").format(label=label)) if content.translation else str
    rows = [
        (_("Content"), b.name),
        (_("Content version"), b.version),
        (_("Released"), format_date(b.released)),
        (_("Next review due"), format_date(b.review_due)),
        (_("Status"), status),
        (english(_("Written by")), "; ".join(f"{a.name} ({a.role})" for a in b.authors) or _("not recorded")),
        (english(_("Authors' declaration")), " ".join(a.declaration for a in b.authors) or _("not recorded")),
        (_("Reviewed by"), "; ".join(reviewed) or _("no clinician has reviewed this version yet")),
        *translation_rows(content),
        (_("Fingerprint (SHA-256)"), grouped_fingerprint(content.fingerprint)),
        (_("App version"), __version__),
    ]
    return "".join(f"<p><b>{html.escape(k)}:</b> {html.escape(v)}</p>" for k, v in rows)


def references_html(content: Content) -> str:
    refs = sorted(content.references.values(), key=lambda r: ((r.authors or r.trial or r.citation).lower(),
                                                              r.year or 0))
    items = "".join(f"<li>{html.escape(r.text())}</li>" for r in refs)
    return f"<ol>{items}</ol>"


def translation_rows(content: Content) -> list[tuple[str, str]]:
    """A translation's own status and people (``<language>/bundle.yaml``); none for the English content."""
    t = content.translation
    if t is None:
        return []
    status = _("Draft: not yet reviewed by a medical translator and a clinician") if t.is_draft else _("Reviewed")
    reviewed = [_("{name}, {role}, {date} (version {version})").format(
        name=r.name, role=r.role, date=format_date(r.date), version=r.version) for r in t.reviewers]
    return [
        (_("Translation"), status),
        (_("Translated by"), "; ".join(f"{p.name} ({p.role})" for p in t.translators) or _("not recorded")),
        (_("Translation reviewed by"), "; ".join(reviewed) or _("no one has reviewed this translation yet")),
    ]


def changelog_html(content: Content) -> str:
    out = []
    for entry in content.bundle.changelog:
        changes = "".join(f"<li>{html.escape(c)}</li>" for c in entry.changes)
        out.append(f"<p><b>{html.escape(entry.version)}</b> ({format_date(entry.date)})</p><ul>{changes}</ul>")
    return "".join(out)


class AboutDialog(ReaderDialog):
    def __init__(self, *, content: Content, on_link: Callable[[str], None], parent: QWidget):
        about = content.pages_for("about")
        title = about[0].title if about else _("About this aid")
        super().__init__(title=title, parent=parent, draft=draft_notice(content))
        self.setObjectName("about")
        for page in about:
            self.body.add(ContentView(page, content=content, on_link=on_link))
        self.body.add(Heading(_("This version of the content"), role="heading"))
        self.facts = self.body.add(RichText(bundle_facts_html(content), name=_("Content version and status")))
        details = [p for p in content.pages.values() if p.step == "detail"]
        if details:
            self.body.add(Heading(_("More detail, for nurses and for anyone who wants it"), role="heading"))
            links = "".join(f'<li><a href="page:{html.escape(p.id)}">{html.escape(p.title)}</a></li>'
                            for p in details)
            self.body.add(RichText(f"<ul>{links}</ul>", on_link=on_link, name=_("Pages with more detail")))
        self.body.add(Heading(_("Sources"), role="heading"))
        self.body.add(RichText(references_html(content), name=_("Sources")))
        self.body.add(Heading(_("Changes"), role="heading"))
        if content.translation is not None:
            self.body.add(Heading(_("The list of changes is kept in English."), role="body"))
        self.body.add(RichText(changelog_html(content), name=_("Changes to the content")))
        self.body.add(Heading(_("Keyboard"), role="heading"))
        keys = "".join(f"<tr><td><b>{html.escape(_(k))}</b>&nbsp;&nbsp;</td><td>{html.escape(_(v))}</td></tr>"
                       for k, v in SHORTCUTS)
        self.body.add(RichText(f"<table cellpadding='4'>{keys}</table>", name=_("Keyboard shortcuts")))
        self.body.layout_.addStretch(1)
