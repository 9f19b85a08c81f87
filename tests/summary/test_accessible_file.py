"""The summary as an accessible file: the PDF tagged (PDF/UA-1: structure tree, headings, tables with header cells,
figures with alternative text), with its language, title and fonts embedded; the HTML with no axe-core violation
(WCAG 2.x A/AA and best practice: main landmark, table header cells) and no sideways scrolling at 320 px, checked in
Debian's chromium through puppeteer-core (installed by scripts/setup.sh)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from pdf_probe import resolve, structure_roles
from pypdf import PdfReader

from decision_aid.examples import EXAMPLES
from decision_aid.summary import build_summary, render_html
from decision_aid.summary.typeset import write_pdf

from summary_cases import CLINIC, ROOT, SITUATIONS, TODAY, with_questions

AXE_SCRIPT = Path(__file__).with_name("axe_check.cjs")
NODE_MODULES = ROOT / "node_modules"


def summary_of(content, name):
    answers = with_questions(SITUATIONS[name], content, 5)
    return build_summary(content=content, answers=answers, clinic=CLINIC, today=TODAY)


@pytest.mark.parametrize("name", ["typical", "stress", "nothing"])
def test_the_pdf_is_tagged_with_language_title_and_embedded_fonts(summary_content, tmp_path, name):
    summary = summary_of(summary_content, name)
    path = tmp_path / "s.pdf"
    write_pdf(summary, path)
    reader = PdfReader(str(path))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]) == "en"
    assert bool(resolve(root["/MarkInfo"])["/Marked"]) is True
    assert reader.metadata.title == summary.title + (f": {summary.name}" if summary.name else "")
    assert b"pdfuaid:part" in resolve(root["/Metadata"]).get_data() or b"pdfuaid" in path.read_bytes()
    roles = structure_roles(path)
    assert roles.get("/H1") == 1 and roles.get("/H2", 0) >= 5
    # situation (when any answer was given: it lists the answered questions), values and SURE tables: a header cell
    # per column
    tables = 3 if any(line.answer for line in summary.situation) else 2
    assert roles.get("/TH", 0) >= 2 * tables
    figures = sum(len(g.figures) for o in summary.options for g in o.figure_groups if not g.shown_with)
    assert roles.get("/Figure", 0) == roles.get("Figure+Alt", 0) == figures
    fonts = {}
    for page in reader.pages:
        for font in resolve(page["/Resources"]["/Font"]).values():
            font = resolve(font)
            descendant = resolve(font["/DescendantFonts"][0]) if "/DescendantFonts" in font else font
            descriptor = resolve(descendant["/FontDescriptor"])
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert any("AtkinsonHyperlegible" in name for name in fonts)


def _axe(files):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    node = shutil.which("node")
    if not (chromium and node and (NODE_MODULES / "axe-core").is_dir() and (NODE_MODULES / "puppeteer-core").is_dir()):
        pytest.fail("chromium, node or node_modules (axe-core, puppeteer-core) missing: run scripts/setup.sh")
    done = subprocess.run([node, str(AXE_SCRIPT), chromium, *map(str, files)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def test_the_html_passes_axe_and_reflows_at_320_px(summary_content, shipped_content, tmp_path):
    from decision_aid.examples import example_answers

    files = []
    for name in ("typical", "stress", "nothing", "not-sure"):
        files.append(tmp_path / f"fixture-{name}.html")
        files[-1].write_text(render_html(summary_of(summary_content, name)), encoding="utf-8")
    for name in sorted(EXAMPLES)[:3]:
        answers = example_answers(name, known_questions=shipped_content.prompt_ids())
        files.append(tmp_path / f"shipped-{name}.html")
        files[-1].write_text(render_html(build_summary(content=shipped_content, answers=answers, clinic=CLINIC,
                                                       today=TODAY)), encoding="utf-8")
    # The check itself must catch the faults it is there for: no main landmark, a data table with no header cells.
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><h1>x</h1>'
                   "<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>1</td><td>2</td><td>3</td></tr>"
                   '<tr><td>4</td><td>5</td><td>6</td></tr></table><div style="width:600px">wide</div></body></html>')
    results = _axe(files + [bad])
    caught = {v["id"] for v in results.pop(str(bad))["violations"]}
    assert "region" in caught or "landmark-one-main" in caught
    for file, found in results.items():
        assert found["violations"] == [], f"{Path(file).name}: {found['violations']}"
        assert found["scroll_width_at_320"] <= 320, f"{Path(file).name} scrolls sideways at 320 px: {found['widest']}"
