"""The summary as a web page, from the Jinja2 template ``decision_aid/templates/summary.html`` (autoescaped), with
icon arrays as inline SVG. Pure Python. The printed pages come from ``typeset`` (Typst), not from this HTML.
Jinja2 is imported on first use: start-up time matters.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from .. import iconarray
from . import words
from .glance import detail_flags, glance
from .model import Summary

if TYPE_CHECKING:  # both imported when first used: not on the way to the first page
    import jinja2
    from markupsafe import Markup

TEMPLATE = "summary.html"
ICON_ARRAY_PX = 152  # CSS pixels (1/96 inch): 4 cm, as on paper
SCALE_MAX = 4


def templates_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "templates"


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        extensions=["jinja2.ext.i18n"],  # _() in the template: the aid's catalogue, installed per summary
        autoescape=True,  # every text, the person's own above all, is escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(icon_array=_icon_array, scale_bar=_scale_bar, svg_symbols=svg_symbols)
    return env


def render_html(summary: Summary) -> str:
    """The summary as one standalone HTML document (language, title, landmarks, table header cells), every word in
    the summary's language but the care team's panel (English when the person reads another language)."""
    from ..i18n import translation
    env = _environment()
    env.install_gettext_translations(translation(summary.language), newstyle=False)  # type: ignore[attr-defined]
    template = env.get_template(TEMPLATE)
    html: str = template.render(
        s=summary, glance=glance(summary), detail_flags=detail_flags(summary),
        draft_lines=words.draft_lines(summary), made=words.made_text(summary),
        notes_text="; ".join(f"“{n.title}”" for n in summary.notes),
        picture_text=lambda f: words.picture_text(f.count, f.sentence, summary.language))
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


def _icon_array(per100: float, description: str, *, size: int = ICON_ARRAY_PX) -> Markup:
    """A picture of 100 people, ``per100`` of them shaded; ``description`` is what a screen reader says."""
    from markupsafe import escape

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


def _scale_bar(rating: int | None) -> Markup:
    """A small bar of four steps for a 0–4 rating: a glance for the reader; the words beside it carry the meaning."""
    if rating is None:
        return _markup("")
    boxes = "".join(
        f'<rect x="{i * 13 + 0.5}" y="0.5" width="11" height="11" rx="2" class="{"on" if i < rating else "off"}"/>'
        for i in range(SCALE_MAX)
    )
    return _markup(f'<svg class="scale" width="52" height="12" viewBox="0 0 52 12" aria-hidden="true">{boxes}</svg>')


def svg_symbols() -> Markup:
    return _markup(_SVG_SYMBOL)
