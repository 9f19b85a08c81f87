"""The shipped font: Atkinson Hyperlegible (OFL), with DejaVu Sans as fallback."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from ..paths import fonts_dir

FAMILY = "Atkinson Hyperlegible"
FALLBACK = "DejaVu Sans"


def load_fonts() -> str:
    """Register the shipped font files; return the family to use ("" when none could be loaded)."""
    families = set()
    for path in sorted(fonts_dir().glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    if FAMILY in families:
        return FAMILY
    return FALLBACK if FALLBACK in QFontDatabase.families() else ""


def app_font(family: str, point_size: float) -> QFont:
    font = QFont(family or FALLBACK)
    font.setFamilies([f for f in (family, FALLBACK) if f])
    font.setPointSizeF(point_size)
    return font
