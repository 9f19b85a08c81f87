"""The content's Markdown conventions: fact placeholders, glossary words, page links, and the bare-number rule.

``{{fact.id}}`` becomes the fact's phrase; ``[[term]]`` or ``[[term|shown words]]`` marks a glossary word;
``[text](page:id)`` links to a page. Raw HTML is never rendered.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import markdown

FACT_RE = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")
TERM_RE = re.compile(r"\[\[([^\[\]|]+?)(?:\|([^\[\]]+?))?\]\]")
LINK_RE = re.compile(r"\]\(([^()\s]*)\)")
RAW_HTML_RE = re.compile(r"</?[A-Za-z!?][^>\n]*>")
LIST_MARKER_RE = re.compile(r"^\s*\d+[.)]\s")
# A word: letters and digits, possibly joined by hyphens, dashes, points, commas or slashes ("16–32", "1,381").
WORD_RE = re.compile(r"[^\W_]+(?:[-–‐.,/:][^\W_]+)*")
PART_SPLIT_RE = re.compile(r"[-–‐.,/:]")

GLOSSARY_SCHEME = "glossary:"
PAGE_SCHEME = "page:"


def term_id(raw: str) -> str:
    """The glossary id a ``[[…]]`` mark names: lower case, single spaces."""
    return " ".join(raw.split()).lower()


def fact_ids(text: str) -> list[str]:
    return FACT_RE.findall(text)


def term_marks(text: str) -> list[tuple[str, str]]:
    """(glossary id, shown words) for each glossary mark in ``text``."""
    return [(term_id(m.group(1)), (m.group(2) or m.group(1)).strip()) for m in TERM_RE.finditer(text)]


def link_targets(text: str) -> list[str]:
    return LINK_RE.findall(text)


def expand(text: str, phrase_of: Callable[[str], str | None], *, glossary_links: bool) -> str:
    """Replace placeholders by phrases, and glossary marks by links (or by their words)."""

    def fact(m: re.Match[str]) -> str:
        phrase = phrase_of(m.group(1))
        return phrase if phrase is not None else m.group(0)

    def term(m: re.Match[str]) -> str:
        shown: str = (m.group(2) or m.group(1)).strip()
        if not glossary_links:
            return shown
        return f"[{shown}]({GLOSSARY_SCHEME}{term_id(m.group(1)).replace(' ', '%20')})"

    return TERM_RE.sub(term, FACT_RE.sub(fact, text))


_markdown: markdown.Markdown | None = None


def _md() -> markdown.Markdown:
    # Built once and reset per use; raw HTML blocks and inline HTML are switched off, so they show as text.
    global _markdown
    if _markdown is None:
        import markdown
        from markdown.extensions.sane_lists import SaneListExtension
        from markdown.extensions.tables import TableExtension

        # Extension objects, not names: a name makes Markdown scan every installed package's entry points (~20 ms).
        md = markdown.Markdown(extensions=[SaneListExtension(), TableExtension()], output_format="html")
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        _markdown = md
    return _markdown


def to_html(markdown_text: str) -> str:
    md = _md()
    md.reset()
    return md.convert(markdown_text)


def to_inline_html(markdown_text: str) -> str:
    """Markdown for one short text (a grid cell, a help line): no wrapping paragraph when it is one."""
    out = to_html(markdown_text)
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


_TAG_RE = re.compile(r"<[^>]+>")


def html_to_text(fragment: str) -> str:
    """Plain text of rendered HTML: for reading-level measures and searches."""
    text = re.sub(r"</(p|li|h\d|tr|td|th)>", "\n", fragment)
    return html.unescape(_TAG_RE.sub("", text))


@functools.lru_cache(maxsize=16)
def _allowed_patterns(allowed: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The allowed phrases as patterns, made once per list (every text of a bundle is checked against one list)."""
    return tuple(re.compile(r"(?<![\w-])" + re.escape(a) + r"(?![\w-])", re.IGNORECASE) for a in allowed)


def bare_numbers(text: str, allowed: Iterable[str]) -> list[tuple[int, str]]:
    """(line within text, 1-based; word) for every figure in ``text`` that does not come from a placeholder.

    Not figures: digits mixed with letters in one word (HER2, E2108), numbered-list markers, and the ``allowed``
    phrases (trial names, ``number_phrases``), matched without regard to case.
    """
    if not any(map(str.isdigit, text)):
        return []  # the lines below only lose characters: without a digit in the text, none has a figure
    allowed_res = _allowed_patterns(tuple(allowed))
    found = []
    for lineno, line in enumerate(text.splitlines() or [text], start=1):
        line = FACT_RE.sub(" ", line)
        line = LINK_RE.sub("]", line)
        line = TERM_RE.sub(lambda m: " " + (m.group(2) or m.group(1)) + " ", line)
        line = LIST_MARKER_RE.sub(" ", line)
        if not any(map(str.isdigit, line)):
            continue  # no figure can hide in a line without a digit
        for rx in allowed_res:
            line = rx.sub(" ", line)
        for word in WORD_RE.findall(line):
            if any(part.isdigit() for part in PART_SPLIT_RE.split(word)):
                found.append((lineno, word))
    return found


def raw_html(text: str) -> list[tuple[int, str]]:
    return [
        (lineno, m.group(0))
        for lineno, line in enumerate(text.splitlines(), start=1)
        for m in RAW_HTML_RE.finditer(line)
    ]
