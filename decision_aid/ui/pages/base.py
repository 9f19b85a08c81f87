"""The base of every wizard page: it declares its title and the content step it shows.

A page reads the session (content, tailored view, answers) and writes answers through the session's methods. It is
built the first time it is needed, and re-rendered only when the tailored view it shows has changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...content.model import Page
from ...i18n import _
from ...session import Session
from ..content_view import ContentView
from ..labels import Card, Heading
from ..reflow import clear_layout
from ..scroll_column import ScrollColumn
from . import default_title, lead_first


class StepPage(QWidget):
    """``TITLE`` is used when the content has no page for ``STEP`` (both from ``pages.WORDS``, by the page's key).
    ``controls_changed`` says that controls came or went while the page shows (the wizard puts them in reading
    order for Tab again)."""

    TITLE = ""
    STEP: str | None = None  # the content step whose pages introduce this wizard page
    MAX_CHARS: int | None = 80

    controls_changed = Signal()

    def __init__(self, *, session: Session, on_link: Callable[[str], None], number: int, steps: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.on_link = on_link
        self.number = number
        self._built = False
        self.tab_order_dirty = True  # set when widgets come or go; the wizard puts them in reading order
        self._rendered_view: tuple[object, ...] | None = None  # the render_key of the view last rendered
        self.section_views: dict[str, QWidget] = {}
        self._steps = steps
        self._skeleton: tuple | None = None  # made on first use: see _make_skeleton
        # First for Tab after the step list, before the rest of the page (the heading and the skips to the first
        # question and to Next, set by ``semantics``).
        self.focus_first: list[QWidget] = []

    # -- the page's frame: made the first time it is needed ------------------------------------------------------
    # Only the first page is needed before the window first shows; the other pages' frames are made when they are
    # built (in idle time, or when they are reached), so the first showing does not create and style them all.
    def _make_skeleton(self) -> tuple:
        if self._skeleton is not None:
            return self._skeleton
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        scroll = ScrollColumn(name=_("{title}: page").format(title=self.default_title()), max_chars=self.MAX_CHARS)
        layout.addWidget(scroll, 1)
        # The heading scrolls with the page: at large text sizes every line of the screen is needed for reading.
        header = QWidget()
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(0, 4, 0, 0)
        header_layout.setSpacing(2)
        caption = Heading(_("Step {number} of {count}").format(number=self.number, count=self._steps), role="caption")
        heading = Heading(self.default_title(), role="title")
        header_layout.addWidget(caption)
        header_layout.addWidget(heading)
        scroll.add(header)
        # The content pages of STEP, below the heading; a page without a STEP has none, and no widget for them (one
        # made and never placed would have no parent, and live as long as the page's Python wrapper: issue 18).
        intro, intro_layout = None, None
        if self.STEP:
            intro = QWidget()
            intro_layout = QVBoxLayout(intro)
            intro_layout.setContentsMargins(0, 0, 0, 0)
            intro_layout.setSpacing(16)
            scroll.add(intro)
        self._skeleton = (scroll, caption, heading, intro, intro_layout)
        return self._skeleton

    @property
    def scroll(self) -> ScrollColumn:
        return self._make_skeleton()[0]

    @property
    def caption(self) -> Heading:
        return self._make_skeleton()[1]

    @property
    def heading(self) -> Heading:
        return self._make_skeleton()[2]

    @property
    def intro(self) -> QWidget:
        """The box of STEP's content pages (a page with a STEP only)."""
        return self._intro()[0]

    @property
    def intro_layout(self) -> QVBoxLayout:
        return self._intro()[1]

    def _intro(self) -> tuple[QWidget, QVBoxLayout]:
        intro, intro_layout = self._make_skeleton()[3:]
        if intro is None:
            raise TypeError(f"{type(self).__name__} has no STEP: it shows no content pages")
        return intro, intro_layout

    # -- what the page shows -----------------------------------------------------------------------------------
    def default_title(self) -> str:
        return default_title(self.session.content, self.STEP, self.TITLE)

    @property
    def title_text(self) -> str:
        return self.heading.text()

    @property
    def is_built(self) -> bool:
        return self._built

    def ensure_built(self) -> None:
        """Build the widgets the first time, then bring them up to date with the session."""
        changed = False
        if not self._built:
            self._built = True
            self.build()
            self.scroll.layout_.addStretch(1)
            changed = True
        if self._rendered_view != self.session.view.render_key:  # the situation changed
            self._rendered_view = self.session.view.render_key
            self.render_view()
            self.tab_order_dirty = True
            changed = True
        self.refresh()
        if changed and self.isVisible():
            self.settle()  # built while hidden, the page is laid out when it is shown: nothing to do here

    def settle(self) -> None:
        """Lay out widgets added while the page shows. A layout shows new children one turn of the event loop
        later (a queued call): do it now, so the page never shows a frame with squashed or missing text."""
        if self.isVisible():
            QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
        self.scroll.settle()

    def lay_out_in_advance(self, size) -> None:
        """Lay the hidden page out at ``size`` now (idle time), so its first showing costs no more than a return
        visit: children never shown count as hidden and take no room, so mark them shown first (they appear only
        when the page does), then draw the page once off screen, which sizes everything."""
        if self.isVisible() or not self._built:
            return
        _mark_shown(self)
        self.resize(size)
        self.grab()

    def build(self) -> None:
        """Create the page's own widgets (below the content pages of ``STEP``)."""

    def render_view(self) -> None:
        """Show what depends on the tailored view; by default the content pages of ``STEP`` that fit."""
        if not self.STEP:
            return
        clear_layout(self.intro_layout)
        self.section_views = {}
        pages: list[Page] = lead_first(self.session.pages_for(self.STEP), self.STEP)
        if pages:
            self.heading.setText(pages[0].title)
        view: QWidget
        for i, page in enumerate(pages):
            if i == 0:
                view = ContentView(page, content=self.session.content, on_link=self.on_link,
                                   view=self.session.view)  # who each figure's study took, for this person
                self.intro_layout.addWidget(view)
            else:
                card = view = Card(role="card")
                card.body.addWidget(ContentView(page, content=self.session.content, on_link=self.on_link,
                                                view=self.session.view,
                                                show_title=True))
                self.intro_layout.addWidget(view)
            self.section_views[page.id] = view

    def refresh(self) -> None:
        """Set every control from the answers (with signals blocked: reading never writes)."""

    def on_answers_changed(self, what: str) -> None:
        """The session's answers changed while this page is showing."""
        if self._built:
            if self._rendered_view != self.session.view.render_key:
                self._rendered_view = self.session.view.render_key
                self.render_view()
                self.tab_order_dirty = True
            self.refresh()
            if self.tab_order_dirty:
                self.settle()
                self._refresh_tab_order()

    def _refresh_tab_order(self) -> None:
        """Widgets came or went while the page shows: the wizard puts them in reading order again."""
        self.controls_changed.emit()

    def show_section(self, page_id: str) -> None:
        """Scroll to one of this step's content pages (a link such as ``page:trial-e2108``)."""
        view = self.section_views.get(page_id)
        if view is not None:
            self.scroll.show_widget(view)
        else:
            self.scroll.verticalScrollBar().setValue(0)


def _mark_shown(widget: QWidget) -> None:
    for child in widget.children():
        if isinstance(child, QWidget) and not child.isWindow():
            if child.isHidden() and child.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide):
                continue  # hidden on purpose (a question that does not apply, the other layout of the grid)
            child.show()
            _mark_shown(child)
