"""What a screen reader needs, attached from outside the pages: ``attach(view)`` once per session view.

- Headings are exposed with the heading role and their level (1 the page's title, 2 a section, 3 a part of one),
  answer groups as groups named by their question (an accessible interface factory: Qt asks it for every widget it
  describes).
- After every page change the window title names the step ("Step 3 of 9: Your options — …"), focus goes to the
  page's heading, and the change is announced.
- Each page starts with two skips, right after its heading: to the first question and to Next, so Next is at most
  a few Tab presses away on every page.
- Links inside text say where they lead when the keyboard reaches them; status changes ("Question added",
  "PDF saved") are announced.
- Every control's accessible name contains the words it shows (label in name).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleAttributesInterface
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QHBoxLayout, QLabel, QPushButton, QWidget

from ..i18n import N_, _
from .choice_buttons import ChoiceButton, ChoiceCheck
from .labels import RichText
from .styling import named

HEADING_LEVELS = {"title": 1, "heading": 2, "subheading": 3}
GROUP = "a11yGroup"  # a widget property: this widget holds the answers of one question
SKIP_QUESTION, SKIP_NEXT = N_("Go to the questions ↓"), N_("Go to Next ↓")
_INTERFACES: dict = {}  # the Python interfaces Qt was given, kept alive with their widgets
_installed: list = []


class LevelAttributes(QAccessibleAttributesInterface):
    """A heading's level, through Qt's attributes interface: the AT-SPI bridge sends it as the object attribute
    ``level`` (``AtSpiAdaptor::getAttributes``), UI Automation as ``level=N`` in its AriaProperties."""

    def __init__(self, level: int):
        super().__init__()
        self.level = level

    def attributeKeys(self):
        return [QAccessible.Attribute.Level]

    def attributeValue(self, key):
        return self.level if key == QAccessible.Attribute.Level else None


_LEVELS: dict[int, LevelAttributes] = {}


def level_attributes(level: int) -> LevelAttributes:
    """One attributes interface per level, shared by every heading of that level and kept for the whole run: Qt only
    casts to it (never owns or deletes it), and one per heading would be kept forever (see ``_factory``)."""
    if level not in _LEVELS:
        _LEVELS[level] = LevelAttributes(level)
    return _LEVELS[level]


class HeadingInterface(QAccessibleWidget):
    """A heading label: role Heading, its text as its name, its level as an attribute.

    Qt finds the attributes through the virtual ``interface_cast``, whose C++ result is a ``void *``. Shiboken turns
    only a wrapped object (its C++ pointer) or a ``shiboken6.VoidPtr`` back into a ``void *``: a plain ``int``
    address, or the ``None`` the base class gives for "no such interface", leave C++ a garbage pointer and the aid
    crashes (tests/ui/test_screen_reader.py: test_headings_have_their_level_and_every_interface_…)."""

    def __init__(self, widget: QLabel, level: int):
        super().__init__(widget, QAccessible.Role.Heading)
        self.level = level
        self.attributes = level_attributes(level)

    def interface_cast(self, kind):
        if kind == QAccessible.InterfaceType.AttributesInterface:
            return self.attributes
        base = super().interface_cast(kind)
        return shiboken6.VoidPtr(None) if base is None else base  # a null pointer C++ can take

    def text(self, kind):
        if kind == QAccessible.Text.Name:
            return self.widget().accessibleName() or self.widget().text()
        return super().text(kind)


class GroupInterface(QAccessibleWidget):
    """The answers of one question: role Grouping, the question as its name."""

    def __init__(self, widget: QWidget):
        super().__init__(widget, QAccessible.Role.Grouping)

    def text(self, kind):
        if kind == QAccessible.Text.Name:
            widget = self.widget()
            prompt = getattr(widget.parentWidget(), "prompt", None)
            return widget.accessibleName() or (prompt.text() if isinstance(prompt, QLabel) else "")
        return super().text(kind)


def _holds_answers(widget: QWidget) -> bool:
    """The holder of a question block's answer buttons (known by its shape, whenever Qt first asks about it)."""
    return (isinstance(getattr(widget.parentWidget(), "prompt", None), QLabel)
            and any(isinstance(c, ChoiceButton) for c in widget.children()))


def _factory(_class_name: str, obj: QObject):
    # PySide6 6.11's factory glue keeps a reference to every interface a Python factory returns until the
    # application ends (PySideAccessibleFactory::m_objects, glue/qtgui.cpp), even after Qt deletes it with its widget:
    # each one made is kept for good. So they are made only while an assistive technology is listening (Qt asks
    # the factory only then, and ``describe`` asks only then): a kiosk with none keeps nothing (scripts/soak.py).
    if not isinstance(obj, QWidget):
        return None
    kind: HeadingInterface | GroupInterface | None = None
    if isinstance(obj, QLabel) and obj.property("role") in HEADING_LEVELS:
        kind = HeadingInterface(obj, HEADING_LEVELS[obj.property("role")])
    elif obj.property(GROUP) or _holds_answers(obj):
        kind = GroupInterface(obj)
    if kind is not None:
        key = id(obj)
        _INTERFACES[key] = kind
        obj.destroyed.connect(lambda _=None, k=key: _INTERFACES.pop(k, None))
    return kind


def install_factory() -> None:
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed.append(True)


def describe(root: QWidget) -> None:
    """Every heading and answer group under ``root`` (and ``root``) described by its own interface. Qt asks the
    factory once per widget, when it first describes it; with a screen reader running that is while the widget is
    being made, before it is a label with a heading's role or holds answers. Such an interface is dropped, so that
    Qt asks the factory again. With no assistive technology listening Qt has described nothing, and nothing is asked
    (each interface asked for would be kept for good: ``_factory``)."""
    if not QAccessible.isActive():
        return
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel) and widget.property("role") in HEADING_LEVELS:
            kind: type = HeadingInterface
        elif widget.property(GROUP):
            kind = GroupInterface
        else:
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is not None and not isinstance(interface, kind):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(interface))
            QAccessible.queryAccessibleInterface(widget)


# -- announcements ------------------------------------------------------------------------------------------------

def announce(source: QObject, text: str, *, assertive: bool = False) -> None:
    """Have screen readers say ``text`` now (the last announcements are kept on the view, for tests)."""
    event = QAccessibleAnnouncementEvent(source, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
    view: QObject | None = source
    while view is not None and not hasattr(view, "announcements"):
        view = view.parent()
    if view is not None:
        view.announcements.append(text)


# -- the view -----------------------------------------------------------------------------------------------------

def attach(view) -> None:
    """Wire a SessionView: its wizard's page changes, its messages (``message_shown``), its session's changes."""
    install_factory()
    view.announcements = []
    name = view.content.bundle.name
    view.base_title = _("{name} (draft)").format(name=name) if view.content.bundle.is_draft else name
    wizard = view.wizard

    def message(box) -> None:
        if box is not None and shiboken6.isValid(box):
            label_in_name(box)
            if box.windowTitle():
                announce(view, box.windowTitle())

    view.message_shown.connect(message)
    own_count = [len(view.session.answers.own_questions)]

    def answers_changed(session, what: str) -> None:
        now = len(session.answers.own_questions)
        if what == "own_questions" and now != own_count[0]:
            announce(view, _("Question added") if now > own_count[0] else _("Question removed"))
        own_count[0] = now

    view.session.answers_changed.connect(answers_changed)
    view.session.display_changed.connect(lambda _s: _display_changed(view))
    wizard.page_changed.connect(lambda page_id: page_arrived(view, page_id))
    describe(view)
    page_arrived(view, wizard.currentId(), focus=False)


def dialog_opened(view, dialog: QWidget) -> None:
    describe(dialog)
    watch_links(view, dialog)
    label_in_name(dialog)


def page_arrived(view, page_id: int, *, focus: bool = True) -> None:
    if page_id < 0 or not shiboken6.isValid(view):
        return
    page = view.current_page()
    prepare_page(view, page)
    step = _("Step {number} of {count}: {title}").format(number=page.number, count=view.wizard.navigation.step_count,
                                                          title=page.title_text)
    window = view.window()
    if window is not None and window is not view:
        window.setWindowTitle(f"{step} — {view.base_title}")
        window.setAccessibleName(window.windowTitle())  # what a screen reader says for the window
    label_in_name(view)
    if focus:
        page.heading.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(view, step)


def prepare_page(view, page) -> None:
    """Once per page: the heading takes focus, the skips, group names and link announcements."""
    if not page.property("a11yReady"):
        page.setProperty("a11yReady", True)
        heading = page.heading
        heading.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        focus_ring(view, heading)
        row = QWidget()
        row.setObjectName("skipRow")
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        page.skip_question = _skip_button(_(SKIP_QUESTION), _("move to the first question on this page"),
                                          lambda: _focus_first_question(page), "skipToQuestion")
        page.skip_next = _skip_button(_(SKIP_NEXT), _("move to the Next button"), lambda: _focus_next(view),
                                      "skipToNext")
        layout.addWidget(page.skip_question)
        layout.addWidget(page.skip_next)
        layout.addStretch(1)
        header = heading.parentWidget().layout()
        header.insertWidget(header.indexOf(heading) + 1, row)
        page.focus_first = [heading, page.skip_question, page.skip_next]  # the wizard's Tab order starts with them
    page.skip_question.setVisible(_first_question(page) is not None)
    page.skip_next.setVisible(view.wizard.next_button.isEnabled())
    name_groups(page)
    describe(page)
    watch_links(view, page)
    view.wizard.fix_tab_order(page)


def focus_ring(view, label: QLabel) -> None:
    """A heading that takes focus shows it, in the theme's focus colour (a transparent ring of the same width
    otherwise, so the words never move)."""
    from . import theme

    colour = theme.theme_for(high_contrast=view.session.high_contrast).focus
    label.setStyleSheet(f"QLabel {{ border: 3px solid transparent; border-radius: 6px; }}"
                        f"QLabel:focus {{ border-color: {colour}; }}")


def _display_changed(view) -> None:
    label_in_name(view)
    for page in view.pages.made():
        if page.property("a11yReady"):
            focus_ring(view, page.heading)


def _skip_button(text: str, name: str, slot, object_name: str) -> QPushButton:
    button = named(QPushButton(text), f"{text.rstrip(' ↓')}: {name}")
    button.setObjectName(object_name)
    button.setProperty("role", "skip")
    button.clicked.connect(slot)
    return button


def _first_question(page) -> QWidget | None:
    for w in page.findChildren(QAbstractButton):
        if isinstance(w, (ChoiceButton, ChoiceCheck)) and not w.isHidden():
            group = w.group() if isinstance(w, ChoiceButton) else None
            if group is not None and group.checkedButton() is not None:
                return group.checkedButton()  # Tab reaches a group at its chosen answer
            return w
    return None


def _focus_first_question(page) -> None:
    target = _first_question(page)
    if target is not None:
        page.scroll.ensureWidgetVisible(target)
        target.setFocus(Qt.FocusReason.TabFocusReason)


def _focus_next(view) -> None:
    view.wizard.next_button.setFocus(Qt.FocusReason.TabFocusReason)


def name_groups(page) -> None:
    """The holder of each question's answers is a group named by the question (its first heading above); so is a
    block of tick boxes under its heading."""
    for block in page.findChildren(QWidget):
        prompt = getattr(block, "prompt", None)
        if isinstance(prompt, QLabel) and hasattr(block, "buttons"):
            holder = next(iter(block.buttons.values())).parentWidget()
            holder.setProperty(GROUP, True)  # before the name: naming makes Qt describe the widget, once
            holder.setAccessibleName(prompt.text())
        elif (hasattr(block, "checks") and block.checks) or _ticks_under_a_heading(block):
            headings = [h for h in block.findChildren(QLabel) if h.property("role") == "subheading"]
            if headings:
                block.setProperty(GROUP, True)
                block.setAccessibleName(headings[0].text())


def _ticks_under_a_heading(block: QWidget) -> bool:
    """A block of two or more tick boxes under its own heading ("About surgery" and its questions)."""
    # Its widgets only: children() would give Python every child object (layouts, the labels' text documents), and
    # PySide6 makes the enums of each new type it meets (about 130 of them, 10 ms of the first page's start).
    children = block.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return (sum(isinstance(c, ChoiceCheck) for c in children) >= 2
            and any(isinstance(c, QLabel) and c.property("role") == "subheading" for c in children))


# -- links ----------------------------------------------------------------------------------------------------

def link_target(view, url: str) -> str:
    """Where a link leads, in words."""
    if url.startswith("glossary:"):
        term = view.content.glossary.get(unquote(url[len("glossary:"):]))
        if term is None:
            return _("opens the glossary")
        return _("opens the meaning of “{term}”").format(term=term.term)
    if url.startswith("page:"):
        page = view.content.pages.get(unquote(url[len("page:"):]))
        return _("opens the page “{title}”").format(title=page.title) if page is not None else _("opens a page")
    return _("opens {url}").format(url=url)


def watch_links(view, root: QWidget) -> None:
    """Every text with links lists them, with where each leads, in its description; and when Tab moves the
    keyboard to one of its links, the link and where it leads are announced."""
    for label in root.findChildren(RichText):
        if label.property("a11yLinks") or "<a " not in label.html():
            continue
        label.setProperty("a11yLinks", True)
        links = re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', label.html())
        words = {url: " ".join(re.sub(r"<[^>]+>", "", text).split()) for url, text in links}
        listed = "; ".join(f"{words[u]}: {link_target(view, u)}" for u in dict.fromkeys(u for u, _ in links))
        label.setAccessibleDescription(f"{label.accessibleDescription()} " + _("Links: {links}.").format(links=listed))
        _LinkWatcher(view, label, {text: url for url, text in words.items()})


class _LinkWatcher(QObject):
    """QLabel moves the keyboard between its links without a signal: the focused link is its selected text."""

    def __init__(self, view, label: QLabel, url_of: dict):
        super().__init__(label)
        self._view, self._label, self._url_of, self._last = view, label, url_of, ""
        label.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            QTimer.singleShot(0, self, self._check)
        return False

    def _check(self) -> None:
        if not shiboken6.isValid(self._label):
            return
        text = " ".join(self._label.selectedText().split()) if self._label.hasFocus() else ""
        if text and text != self._last and text in self._url_of:
            target = link_target(self._view, self._url_of[text])
            announce(self._view, _("Link: {text}, {target}").format(text=text, target=target))
        self._last = text


# -- label in name ---------------------------------------------------------------------------------------------

_SYMBOLS = str.maketrans("", "", "✓▾▶■❚↓")


def visible_words(button: QAbstractButton) -> str:
    """The words on a button, without its keyboard-shortcut mark or its symbols (✓ ▾ ▶ ■ ❚ ↓)."""
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.translate(_SYMBOLS).split())


def label_in_name(root: QWidget) -> None:
    """A control's accessible name starts with the words on it (speech input users say what they see)."""
    for button in root.findChildren(QAbstractButton):
        words = visible_words(button)
        name = button.accessibleName()
        if words and name and words.lower() not in name.lower():
            button.setAccessibleName(f"{words}: {name}")
