"""What a translated text shares with its English source (``overlay.Pair``): the same ``{{placeholders}}``,
``{option}``/``{steps}`` fields, glossary ids and page links; a fact's phrase the same numbers; a page its headings
at the same levels and its ``:::`` blocks; and no English left in it. Pure Python.

"No English left" is measured: the share of a sentence's words that are English function words ("the", "and",
"with", … words Spanish does not use). English prose runs at about 40 % of them, Spanish at 0 to 3 % (the trial and
drug names in it are not function words); a sentence of four words or more, two of them English, at
``ENGLISH_SHARE`` or above is English
(tests/unit/test_translations.py measures both). A short text (a label) identical to its English
source is English left too when it has an English function word ("Not at all"; "de novo" is the same in both).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..errors import quote
from . import markup

if TYPE_CHECKING:
    from .checks import Reading
    from .overlay import Pair, Translation

ENGLISH_SHARE = 0.2
MIN_ENGLISH = 2  # one English-looking word alone ("in", a name) never makes a sentence English
MIN_WORDS = 4  # shorter sentences are judged by whether they are the English text itself
# English words that are not Spanish words (so "a", "no", "me", "he", "has", "son" are left out): articles, pronouns,
# prepositions, conjunctions and auxiliaries, the words every English sentence is built with.
ENGLISH_WORDS = frozenset(
    {
        "the", "and", "of", "to", "is", "are", "was", "were", "be", "been", "being", "with", "for", "that", "this",
        "these", "those", "you", "your", "yours", "it", "its", "in", "on", "at", "by", "from", "or", "but", "if", "not",
        "will", "would", "can", "could", "should", "may", "might", "must", "have", "had", "do", "does", "did", "what",
        "which", "who", "whom", "when", "where", "why", "how", "they", "them", "their", "we", "our", "us", "she", "her",
        "his", "him", "an", "as", "than", "then", "there", "here", "about", "into", "over", "after", "before",
        "because", "while", "so", "any", "some", "all", "each", "every", "other", "only", "also", "very", "just"
    }
)
FIELD_RE = re.compile(r"(?<!\{)\{([a-z_]+)\}(?!\})")
HEADING_RE = re.compile(r"^(#{1,6})\s", re.MULTILINE)
BLOCK_RE = re.compile(r"^:::", re.MULTILINE)
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
WORD_RE = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")  # words of letters only: "HER2" is a name
COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)


def words(text: str) -> list[str]:
    """The words a person reads: placeholders, link targets and comments left out, glossary marks as shown."""
    text = COMMENT_RE.sub(" ", text)
    text = markup.FACT_RE.sub(" ", text)
    text = markup.LINK_RE.sub("]", text)
    text = markup.TERM_RE.sub(lambda m: " " + (m.group(2) or m.group(1)) + " ", text)
    return WORD_RE.findall(FIELD_RE.sub(" ", text))


def english_share(text: str) -> float:
    """The share of the words of ``text`` that are English function words (0 for a text without words)."""
    found = words(text)
    return sum(1 for w in found if w.casefold() in ENGLISH_WORDS) / len(found) if found else 0.0


SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+")


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(line within text, 0-based; sentence) for each sentence of each block between blank lines: one English
    sentence left in a Spanish paragraph is found."""
    out: list[tuple[int, str]] = []
    start, lines = 0, list[str]()
    for i, line in enumerate([*text.split("\n"), ""]):
        if line.strip():
            start = i if not lines else start
            lines.append(line)
        elif lines:
            block = "\n".join(lines)
            for sentence in SENTENCE_END_RE.split(block):
                out.append((start + block[: block.find(sentence)].count("\n"), sentence))
            lines = []
    return out


def numbers(phrase: str) -> list[str]:
    """The numbers of a phrase, a decimal or thousands comma read as a point ("2,5" is "2.5"), in order."""
    return sorted(n.replace(",", ".") for n in NUMBER_RE.findall(phrase))


def _differs(english: list[str], translated: list[str]) -> str | None:
    """What ``translated`` lacks and adds against ``english`` (as multisets), or None when they are the same."""
    a, b = Counter(english), Counter(translated)
    if a == b:
        return None
    missing, extra = list((a - b).elements()), list((b - a).elements())
    parts = (["missing " + ", ".join(missing)] if missing else []) + (["added " + ", ".join(extra)] if extra else [])
    return "; ".join(parts)


def check(r: Reading, t: Translation) -> None:
    """Every pair of the translation checked; problems added to ``r``."""
    for p in t.pairs:
        _check_pair(r, p)


def _check_pair(r: Reading, p: Pair) -> None:
    shared = (
        ("placeholders {{…}}", [f"{{{{{f}}}}}" for f in markup.fact_ids(p.english)],
         [f"{{{{{f}}}}}" for f in markup.fact_ids(p.translated)]),
        ("fields {…}", FIELD_RE.findall(p.english), FIELD_RE.findall(p.translated)),
        ("glossary ids [[…]]", sorted({t for t, _ in markup.term_marks(p.english)}),
         sorted({t for t, _ in markup.term_marks(p.translated)})),
        ("page links", markup.link_targets(markup.TERM_RE.sub(" ", p.english)),
         markup.link_targets(markup.TERM_RE.sub(" ", p.translated))),
    )
    for what, english, translated in shared:
        received = _differs(english, translated)
        if received:
            r.problem(p.file, p.line, p.field, f"the {what} of the English: " + (", ".join(english) or "none"),
                      received)
    if p.kind == "phrase" and numbers(p.english) != numbers(p.translated):
        r.problem(p.file, p.line, p.field, "the numbers of the English phrase, in digits: "
                  + (", ".join(NUMBER_RE.findall(p.english)) or "none"), quote(p.translated))
    if p.kind == "page":
        for what, rx in (("headings at the levels of the English", HEADING_RE), (":::" + " blocks", BLOCK_RE)):
            english_marks, translated_marks = rx.findall(p.english), rx.findall(p.translated)
            if english_marks != translated_marks:
                r.problem(p.file, p.line, "(body)", f"{what}: {' '.join(english_marks) or 'none'}",
                          " ".join(translated_marks) or "none")
    english_left = False
    for offset, block in paragraphs(p.translated):
        found = words(block)
        share = english_share(block)
        if len(found) >= MIN_WORDS and share >= ENGLISH_SHARE and share * len(found) >= MIN_ENGLISH:
            english_left = True
            r.problem(p.file, (p.line or 0) + offset or None, p.field,
                      f"text in the translation's language (English words {share:.0%} of the sentence)",
                      quote(block))
    same = p.translated.strip() == p.english.strip()
    if same and not english_left and p.kind != "page" and english_share(p.translated) > 0:
        r.problem(p.file, p.line, p.field, "text in the translation's language", f"the English text {quote(p.english)}")
