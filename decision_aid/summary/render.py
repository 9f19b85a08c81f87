"""The summary as HTML, from the Jinja2 template ``decision_aid/templates/summary.html`` (autoescaped). Pure Python.

Two flavours of one template: a standalone page for a browser (icon arrays as inline SVG), and the HTML subset that
Qt's QTextDocument reads (icon arrays as ``<img src="iconarray:…">`` placeholders that the document swaps for
vector objects). Jinja2 is imported on first use: start-up time matters.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from .. import iconarray
from .model import Summary

if TYPE_CHECKING:  # both imported when first used: not on the way to the first page
    import jinja2
    from markupsafe import Markup

TEMPLATE = "summary.html"
# Where the placeholders point: the Qt document draws these names as vector objects.
ICON_ARRAY_SCHEME = "iconarray:"
SCALE_SCHEME = "scale:"
ICON_ARRAY_PX = 72  # CSS pixels (1/96 inch): 19 mm on paper, 1.9 mm a figure
SCALE_MAX = 4


def templates_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "templates"


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,  # every text, the person's own above all, is escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(icon_array=_icon_array, scale_bar=_scale_bar, svg_symbols=svg_symbols)
    return env


def render_html(summary: Summary, *, for_qt: bool = False, for_print: bool = False) -> str:
    """The summary as one HTML document.

    ``for_qt``: the subset QTextDocument reads, with vector-object placeholders; ``for_print``: leave the footer to
    the page footers the PDF writer draws on every page.
    """
    template = _environment().get_template(TEMPLATE)
    html: str = template.render(s=summary, qt=for_qt, for_print=for_print)
    return html


# -- pictures ------------------------------------------------------------------------------------------------------

_SVG_SYMBOL = (
    '<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
    '<symbol id="ia-person" viewBox="0 0 10 10">'
    '<circle cx="5" cy="2.392" r="1.44"/>'
    '<rect x="2.44" y="4.36" width="5.12" height="4.864" rx="1.76"/></symbol>'
    "</defs></svg>"
)
AFFECTED = "#1f3f73"
UNAFFECTED_LINE = "#6b7280"


def _markup(text: str) -> Markup:
    from markupsafe import Markup

    return Markup(text)


def _icon_array(per100: float, description: str, *, qt: bool, size: int = ICON_ARRAY_PX) -> Markup:
    """A picture of 100 people, ``per100`` of them shaded; ``description`` is what a screen reader says."""
    from markupsafe import escape

    if qt:
        return _markup(f'<img src="{ICON_ARRAY_SCHEME}{per100:g}" width="{size}" height="{size}" '
                       f'alt="{escape(description)}" />')
    count = iconarray.affected_count(per100)
    figures = []
    for row in range(iconarray.ROWS):
        for column in range(iconarray.COLUMNS):
            on = iconarray.is_affected(row, column, count)
            figures.append(f'<use href="#ia-person" x="{column * 10}" y="{row * 10}" width="10" height="10" '
                           f'class="{"on" if on else "off"}"/>')
    return _markup(
        f'<svg class="icon-array" width="{size}" height="{size}" viewBox="0 0 100 100" role="img" '
        f'aria-label="{escape(description)}"><title>{escape(description)}</title>{"".join(figures)}</svg>'
    )


def _scale_bar(rating: int | None, *, qt: bool) -> Markup:
    """A small bar of four steps for a 0–4 rating: a glance for the reader; the words beside it carry the meaning."""
    if rating is None:
        return _markup("")
    if qt:
        return _markup(f'<img src="{SCALE_SCHEME}{rating}" width="52" height="12" />')
    boxes = "".join(
        f'<rect x="{i * 13 + 0.5}" y="0.5" width="11" height="11" rx="2" class="{"on" if i < rating else "off"}"/>'
        for i in range(SCALE_MAX)
    )
    return _markup(f'<svg class="scale" width="52" height="12" viewBox="0 0 52 12" aria-hidden="true">{boxes}</svg>')


def svg_symbols() -> Markup:
    return _markup(_SVG_SYMBOL)
