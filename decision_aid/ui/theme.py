"""The two colour themes, the text sizes, and the style sheet and palette made from them.

Colours are plain data, so a test can compute every contrast ratio without drawing anything. Custom-painted widgets
(choice buttons) read colours from the palette; the roles they use are listed in ``palette``.
"""

from __future__ import annotations

import functools

import msgspec
from PySide6.QtGui import QColor, QPalette

BASE_POINT_SIZE = 12.0  # at 100 %; about 16 px on a normal screen


class Theme(msgspec.Struct, frozen=True):
    name: str
    window: str  # the page background
    surface: str  # cards, inputs, choice buttons
    text: str
    muted: str  # secondary text (step captions, help lines)
    border: str  # outlines of controls (non-text: 3:1 needed)
    accent: str  # primary buttons, the chosen answer's outline and dot
    accent_text: str  # text on accent
    chosen: str  # background of a chosen answer
    link: str
    focus: str  # the focus ring (non-text: 3:1 needed)
    banner: str  # the draft banner
    banner_text: str
    flag: str  # the kind "not yet sure" box
    flag_text: str
    flag_edge: str
    button: str  # ordinary buttons
    button_text: str
    selection: str  # selected list items (the current step)
    selection_text: str

    def colours(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in msgspec.structs.fields(self) if f.name != "name"}


LIGHT = Theme(
    name="standard",
    window="#f6f4f0",
    surface="#ffffff",
    text="#1b1f24",
    muted="#4a5260",
    border="#6f7782",
    accent="#1f4e79",
    accent_text="#ffffff",
    chosen="#e4eef8",
    link="#14508c",
    focus="#c24e00",
    banner="#fff1c2",
    banner_text="#4d3300",
    flag="#fdf0e4",
    flag_text="#1b1f24",
    flag_edge="#a84300",
    button="#ffffff",
    button_text="#1b1f24",
    selection="#1f4e79",
    selection_text="#ffffff",
)

HIGH_CONTRAST = Theme(
    name="high contrast",
    window="#000000",
    surface="#000000",
    text="#ffffff",
    muted="#ffffff",
    border="#ffffff",
    accent="#ffe600",
    accent_text="#000000",
    chosen="#1c1c00",
    link="#ffe600",
    focus="#00e5ff",
    banner="#ffe600",
    banner_text="#000000",
    flag="#000000",
    flag_text="#ffffff",
    flag_edge="#ffe600",
    button="#000000",
    button_text="#ffffff",
    selection="#ffe600",
    selection_text="#000000",
)

# Pairs that carry text (need 4.5:1) and pairs that carry shapes (need 3:1), checked by the tests in both themes.
TEXT_PAIRS = (
    ("text", "window"), ("text", "surface"), ("text", "chosen"), ("muted", "window"), ("muted", "surface"),
    ("accent_text", "accent"), ("link", "window"), ("link", "surface"), ("banner_text", "banner"),
    ("flag_text", "flag"), ("button_text", "button"), ("selection_text", "selection"),
)
SHAPE_PAIRS = (
    ("border", "window"), ("border", "surface"), ("accent", "surface"), ("accent", "chosen"),
    ("focus", "window"), ("focus", "surface"), ("focus", "chosen"), ("flag_edge", "flag"), ("accent", "window"),
)


@functools.cache
def shipped_font_family() -> str:
    """Register the shipped font once per process (it is read-only from then on); the family to use."""
    from .fonts import load_fonts

    return load_fonts()


def theme_for(*, high_contrast: bool) -> Theme:
    return HIGH_CONTRAST if high_contrast else LIGHT


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    c = colour.lstrip("#")
    r, g, b = (int(c[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def point_size(scale: int, factor: float = 1.0) -> float:
    return round(BASE_POINT_SIZE * scale / 100 * factor, 1)


def palette(theme: Theme) -> QPalette:
    """The palette for ordinary and custom-painted widgets.

    Custom painting uses: Base (a choice's background), AlternateBase (a chosen answer's background), Text,
    Highlight (the chosen answer's outline and dot), HighlightedText (the tick on a chosen box), Dark (outlines),
    BrightText (the focus ring), PlaceholderText (muted text).
    """
    p = QPalette()
    c = QColor
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.surface,
        QPalette.ColorRole.AlternateBase: theme.chosen,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.button,
        QPalette.ColorRole.ButtonText: theme.button_text,
        QPalette.ColorRole.Highlight: theme.accent,
        QPalette.ColorRole.HighlightedText: theme.accent_text,
        QPalette.ColorRole.Link: theme.link,
        QPalette.ColorRole.LinkVisited: theme.link,
        QPalette.ColorRole.Dark: theme.border,
        QPalette.ColorRole.Mid: theme.border,
        QPalette.ColorRole.BrightText: theme.focus,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.ToolTipBase: theme.surface,
        QPalette.ColorRole.ToolTipText: theme.text,
    }
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        for role, colour in roles.items():
            p.setColor(group, role, c(colour))
    # Disabled text keeps enough contrast to be read: it is dimmed, not faded away.
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, c(theme.muted))
    return p


def style_sheet(theme: Theme, *, scale: int, family: str) -> str:
    """One style sheet for the whole window: sizes follow the text scale, colours follow the theme."""
    t = theme
    base = point_size(scale)
    # Paddings and minimum sizes in px grow with the text, so a 44 px touch target stays at least 44 px.

    def px(n: float) -> int:
        return max(1, round(n * scale / 100))

    target = max(44, px(44))
    ring = px(3) + 1  # the focus ring's width; padding shrinks by as much, so the words never move or get cut
    less = ring - 2
    families = ", ".join(f'"{f}"' for f in (family, "DejaVu Sans") if f)
    return f"""
* {{ font-family: {families}; font-size: {base}pt; }}
QWidget#sessionView, QDialog {{ background: {t.window}; color: {t.text}; }}
QLabel {{ color: {t.text}; background: transparent; }}
QLabel[role="title"] {{ font-size: {point_size(scale, 1.75)}pt; font-weight: bold; }}
QLabel[role="heading"] {{ font-size: {point_size(scale, 1.3)}pt; font-weight: bold; }}
QLabel[role="subheading"] {{ font-size: {point_size(scale, 1.1)}pt; font-weight: bold; }}
QLabel[role="caption"] {{ color: {t.muted}; }}
QLabel[role="body"] {{ font-weight: normal; }}
QLabel[role="framing"] {{ color: {t.text}; background: {t.chosen}; border: none;
    border-left: {px(4)}px solid {t.accent};
    padding: {px(3)}px {px(8)}px; font-weight: bold; }}
QFrame[role="optioncell"] {{ border: none; border-left: 3px solid {t.border}; }}
QLabel[role="appname"] {{ font-weight: bold; }}
QFrame#draftBanner {{ background: {t.banner}; border-bottom: 2px solid {t.banner_text}; }}
QFrame#draftBanner QLabel {{ color: {t.banner_text}; font-weight: bold; }}
QFrame#topBar {{ background: {t.surface}; border-bottom: 1px solid {t.border}; }}
QFrame[role="card"] {{ background: {t.surface}; border: 1px solid {t.border}; border-radius: {px(10)}px; }}
QFrame[role="lead"] {{ background: {t.surface}; border: 3px solid {t.accent}; border-radius: {px(10)}px; }}
QFrame[role="flag"] {{ background: {t.flag}; border: 3px solid {t.flag_edge}; border-radius: {px(10)}px; }}
QFrame[role="flag"] QLabel {{ color: {t.flag_text}; }}
QFrame[role="rowlabel"] {{ border-top: 2px solid {t.border}; }}
QFrame[role="card"] QLabel, QFrame[role="lead"] QLabel {{ background: transparent; }}
QScrollArea {{ background: transparent; border: 2px solid transparent; }}
QScrollArea:focus {{ border: 2px solid {t.focus}; }}
QScrollArea > QWidget > QWidget#pageColumnHost {{ background: transparent; }}
QPushButton, QToolButton {{
    background: {t.button}; color: {t.button_text}; border: 2px solid {t.border}; border-radius: {px(8)}px;
    padding: {px(8)}px {px(16)}px; min-height: {target - 2 * px(8) - 4}px; min-width: {target - 4}px;
}}
QPushButton:hover, QToolButton:hover {{ background: {t.chosen}; }}
QPushButton:pressed, QToolButton:pressed {{ background: {t.chosen}; border-color: {t.accent}; }}
QPushButton:checked {{ background: {t.accent}; color: {t.accent_text}; border-color: {t.accent}; }}
QPushButton[role="primary"] {{ background: {t.accent}; color: {t.accent_text}; border-color: {t.accent};
    font-weight: bold; }}
QPushButton:disabled {{ color: {t.muted}; border-style: dashed; background: {t.window}; }}
QPushButton:focus, QToolButton:focus {{ border: {ring}px solid {t.focus};
    padding: {px(8) - less}px {px(16) - less}px; }}
QPushButton[role="primary"]:focus {{ border: {ring}px solid {t.focus}; }}
QPushButton[role="language"] {{ font-size: {point_size(scale, 1.3)}pt; font-weight: bold; min-width: {px(200)}px;
    padding: {px(14)}px {px(28)}px; }}
QPushButton[role="language"]:focus {{ padding: {px(14) - less}px {px(28) - less}px; }}
QPushButton[role="language"][current="true"] {{ background: {t.accent}; color: {t.accent_text};
    border-color: {t.accent}; }}
QToolButton::menu-indicator {{ image: none; width: 0px; }}
QFrame#topBar QPushButton, QFrame#topBar QToolButton {{ padding: {px(8)}px {px(12)}px; }}
QFrame#topBar QPushButton:focus, QFrame#topBar QToolButton:focus {{ padding: {px(8) - less}px {px(12) - less}px; }}
QFrame#topBar QPushButton[role="languageSwitch"] {{ padding: {px(8)}px {px(6)}px; }}
QFrame#topBar QPushButton[role="languageSwitch"]:focus {{ padding: {px(8) - less}px {px(6) - less}px; }}
QLineEdit, QPlainTextEdit, QTextBrowser {{
    background: {t.surface}; color: {t.text}; border: 2px solid {t.border}; border-radius: {px(6)}px;
    padding: {px(6)}px; selection-background-color: {t.accent}; selection-color: {t.accent_text};
}}
QLineEdit {{ min-height: {target - 2 * px(6) - 4}px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextBrowser:focus {{ border: {ring}px solid {t.focus};
    padding: {max(0, px(6) - less)}px; }}
QListWidget#stepList {{ background: {t.surface}; color: {t.text}; border: none; border-right: 1px solid {t.border};
    outline: none; padding: {px(4)}px; }}
QListWidget#stepList::item {{ min-height: {target - 8}px; padding: {px(2)}px {px(8)}px; border-radius: {px(6)}px;
    border: 2px solid transparent; }}
QListWidget#stepList::item:selected {{ background: {t.selection}; color: {t.selection_text}; }}
QListWidget#stepList::item:hover {{ border: 2px solid {t.border}; }}
QListWidget#stepList:focus {{ border-right: 3px solid {t.focus}; }}
QRadioButton, QCheckBox {{ min-height: {target}px; spacing: {px(10)}px; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: {px(24)}px; height: {px(24)}px; }}
QScrollBar:vertical {{ width: {px(16)}px; background: {t.window}; }}
QScrollBar:horizontal {{ height: {px(16)}px; background: {t.window}; }}
QScrollBar::handle {{ background: {t.border}; border-radius: {px(6)}px; min-height: 40px; min-width: 40px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
ChoiceButton, ChoiceCheck {{ qproperty-surface: {t.surface}; qproperty-chosen: {t.chosen}; qproperty-ink: {t.text};
    qproperty-edge: {t.border}; qproperty-accent: {t.accent}; qproperty-mark: {t.accent_text};
    qproperty-ring: {t.focus}; qproperty-muted: {t.muted}; }}
RichText {{ qproperty-link: {t.link}; qproperty-linkFocus: {t.accent}; qproperty-linkFocusText: {t.accent_text}; }}
QToolTip {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.border}; }}
QMenu {{ background: {t.surface}; color: {t.text}; border: 1px solid {t.border}; }}
QMenu::item {{ padding: {px(10)}px {px(24)}px; min-height: {target - 2 * px(10)}px; }}
QMenu::item:selected {{ background: {t.selection}; color: {t.selection_text}; }}
"""
