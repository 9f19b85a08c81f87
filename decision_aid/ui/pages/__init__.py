"""One module per wizard page. Each page reads the session (content, tailored view, answers) and writes answers.

A page's module is imported when the page is first made (``ui.steps.page_class``): the first paint needs only the
welcome page's. So that the step list can name every step before then, each page's title and content step are
declared here, once, and the page's class takes them from here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...i18n import N_, _

if TYPE_CHECKING:
    from ...content.model import Content, Page

# The page's key (its module's name): the content step whose pages introduce the page (the first one's title is the
# page's), or None; and the title used when the content has no page for that step.
WORDS: dict[str, tuple[str | None, str]] = {
    "welcome": ("welcome", N_("Welcome")),
    "situation": ("situation", N_("Your situation")),
    "options": (None, N_("Your options")),
    "trials": ("trials", N_("What the studies found")),
    "risks": ("risks", N_("Risks and side effects")),
    "values": ("values", N_("What matters to you")),
    "leaning": ("leaning", N_("Where you are leaning")),
    "sure": (None, N_("Are you ready to decide?")),
    "questions": ("questions", N_("Questions to ask")),
    "summary": ("summary", N_("Your summary")),
}


def lead_first(pages: list[Page], step: str) -> list[Page]:
    """A step's pages in file order, except that the page named like the step (``trials``) introduces it."""
    lead = [p for p in pages if p.id == step]
    return lead + [p for p in pages if p.id != step]


def default_title(content: Content, step: str | None, title: str) -> str:
    """A page's title: its content step's first page's, else ``title`` (translated)."""
    if step:
        pages = lead_first(content.pages_for(step), step)
        if pages:
            return pages[0].title
    return _(title)
