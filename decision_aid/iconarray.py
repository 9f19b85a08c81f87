"""Where the figures of an icon array go: 100 people in a 10 × 10 grid, the affected ones grouped from the bottom.

Pure geometry, shared by the on-screen widget and the vector drawing in the PDF.
"""

from __future__ import annotations

ROWS = COLUMNS = 10
TOTAL = ROWS * COLUMNS


def affected_count(per100: float) -> int:
    """Whole figures to fill for "X in 100" (16.3 → 16, 39.8 → 40); always 0–100."""
    return max(0, min(TOTAL, int(per100 + 0.5)))


def is_affected(row: int, column: int, count: int) -> bool:
    """Row 0 is the top. Figures fill the bottom row first, left to right, then the row above."""
    index_from_bottom = (ROWS - 1 - row) * COLUMNS + column
    return index_from_bottom < count


def text_equivalent(per100: float, phrase: str, what: str) -> str:
    """The words a screen reader hears for the picture."""
    count = affected_count(per100)
    return f"Picture of 100 people: {count} of them are shaded. {phrase} {what}".strip()
