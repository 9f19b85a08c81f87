"""Reading a summary PDF back as a reader would: each piece of text with its page, height on the sheet and font size
(pypdf's visitor functions), the structure tree, and the pictures' sizes in the same pages as SVG."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import IndirectObject

MM = 72 / 25.4


@dataclass(frozen=True)
class Piece:
    page: int  # 0-based
    x: float
    top_mm: float  # from the top of the sheet to the text's baseline
    size: float  # points, as printed
    text: str


def pieces(path: Path | str) -> list[Piece]:
    reader = PdfReader(str(path))
    out: list[Piece] = []
    for index, page in enumerate(reader.pages):
        height = float(page.mediabox.height)

        def visit(text, cm, tm, font, size, index=index, height=height):
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
            out.append(Piece(index, x, (height - y) / MM, size * scale, text))

        page.extract_text(visitor_text=visit)
    return out


def squeeze(text: str) -> str:
    """No whitespace at all: pieces split at every change of font (digits) or line."""
    return re.sub(r"\s+", "", text)


def text_above(found: list[Piece], page: int, top_mm: float) -> str:
    return squeeze("".join(p.text for p in found if p.page == page and p.top_mm <= top_mm))


def page_words(found: list[Piece], page: int) -> str:
    return squeeze("".join(p.text for p in found if p.page == page))


def resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def structure_roles(path: Path | str) -> dict[str, int]:
    """How many structure elements of each role (/H1, /Table, /TH, /Figure …) the tree holds; figures' /Alt counted
    as "Figure+Alt"."""
    reader = PdfReader(str(path))
    root = resolve(reader.trailer["/Root"]["/StructTreeRoot"])
    counts: dict[str, int] = {}
    stack = [root]
    seen = set()
    while stack:
        node = resolve(stack.pop())
        if id(node) in seen or not hasattr(node, "get"):
            continue
        seen.add(id(node))
        role = node.get("/S")
        if role is not None:
            role = str(role)
            counts[role] = counts.get(role, 0) + 1
            if role == "/Figure" and node.get("/Alt"):
                counts["Figure+Alt"] = counts.get("Figure+Alt", 0) + 1
        kids = node.get("/K")
        if kids is None:
            continue
        kids = resolve(kids)
        if isinstance(kids, list):
            stack.extend(kids)
        elif hasattr(kids, "get"):
            stack.append(kids)
    return counts


_IMAGE_RE = re.compile(rb'<image\b[^>]*?width="([\d.]+)"[^>]*?href="data:image/svg\+xml', re.S)
_IMAGE_RE2 = re.compile(rb'<image\b[^>]*?href="data:image/svg\+xml[^"]*"[^>]*?width="([\d.]+)"', re.S)


def svg_picture_widths_mm(svg: bytes) -> list[float]:
    """The width of every embedded SVG picture (the icon arrays) on one SVG page, in millimetres."""
    widths = [float(w) for w in _IMAGE_RE.findall(svg)] or [float(w) for w in _IMAGE_RE2.findall(svg)]
    return [w / MM for w in widths]
