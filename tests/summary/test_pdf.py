"""The summary on paper: what the PDF says, how many pages, where they break, vector pictures, atomic writing, and
PNG renderings of every page (artifacts/summary/tests) for a person to look at."""


import pytest
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

from decision_aid.errors import DecisionAidError, SummaryWriteError
from decision_aid.summary import build_summary, render_html
from decision_aid.ui import summary_pdf
from decision_aid.ui.summary_document import make_summary_document
from decision_aid.ui.summary_pdf import CSS_DPI, MARGIN_BOTTOM, paginate, write_pdf

from summary_cases import CLINIC, HOSTILE, SITUATIONS, SUMMARY_CONTENT, TODAY, TYPICAL_SITUATIONS, html_words, \
    pdf_text, render_pngs, with_questions

PAPER_POINTS = {"a4": (595, 842), "letter": (612, 792)}
PAPER_PX = {paper: QSizeF(w * CSS_DPI / 72, h * CSS_DPI / 72) for paper, (w, h) in PAPER_POINTS.items()}


@pytest.fixture(autouse=True)
def _app(qapp):
    return qapp


def make(content, name, *, questions=5, clinic=CLINIC):
    answers = with_questions(SITUATIONS[name], content, questions) if questions else SITUATIONS[name]
    return build_summary(content=content, answers=answers, clinic=clinic, today=TODAY)


def pages_of(path):
    from pypdf import PdfReader

    return PdfReader(str(path)).pages


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("name", TYPICAL_SITUATIONS)
def test_a_typical_summary_is_one_or_two_pages(any_content, tmp_path, paper, name):
    path = tmp_path / "s.pdf"
    count = write_pdf(make(any_content, name), path, paper=paper)
    pages = pages_of(path)
    assert count == len(pages) and 1 <= count <= 2
    for page in pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == PAPER_POINTS[paper]


@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_the_pdf_says_what_the_html_says(any_content, tmp_path, name):
    summary = make(any_content, name)
    path = tmp_path / "s.pdf"
    write_pdf(summary, path)
    pdf = " ".join(pdf_text(path))
    html = html_words(render_html(summary))
    # Not in the PDF's text layer: pictures of emoji with no emoji font on this machine, and the order of
    # right-to-left words (pypdf reads them in drawing order).
    skipped = {q for q in HOSTILE if not q.isascii()}
    html_set = set(html.split()) - {w for q in skipped for w in q.split()}
    missing = sorted(w for w in html_set if w not in pdf)
    assert missing == []
    for line in summary.situation:
        assert line.question.split()[0] in pdf
    for option in summary.options:
        assert " ".join(option.title.split()) in pdf
        assert option.framing_label in pdf


def test_every_page_has_the_footer_and_its_number(summary_content, tmp_path):
    summary = make(summary_content, "stress", questions=40)
    path = tmp_path / "s.pdf"
    count = write_pdf(summary, path)
    texts = pdf_text(path)
    assert count == len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {count}" in text
        assert "For discussion with your care team. Not medical advice." in text
        assert "DRAFT: not yet reviewed by a clinician." in text
        assert summary.fingerprint in text
        assert "Made on 3 November 2026 · St Mary's Breast Clinic · 01234 567890 · content version 0.1.0" in text


def test_free_text_is_printed_as_typed(summary_content, tmp_path):
    path = tmp_path / "s.pdf"
    write_pdf(make(summary_content, "stress"), path)
    text = " ".join(pdf_text(path))
    assert "<script>alert('x')</script> & \"quotes\" 'single'" in text
    assert "Zoë <O'Brien> & \"Co\"" in text
    assert HOSTILE[1][:200] in text or " ".join(HOSTILE[1].split()[:30]) in text


def test_the_not_yet_sure_flag_is_in_the_pdf(summary_content, tmp_path):
    path = tmp_path / "s.pdf"
    write_pdf(make(summary_content, "typical"), path)
    text = " ".join(pdf_text(path))
    assert "NOT YET SURE. Answered No to 2 of 4 questions of the SURE test." in text


def test_icon_arrays_are_vectors_not_images(summary_content, tmp_path):
    path = tmp_path / "s.pdf"
    write_pdf(make(summary_content, "typical"), path)
    assert all(len(page.images) == 0 for page in pages_of(path))


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_no_heading_is_left_alone_at_a_page_foot(any_content, paper, name):
    for questions in (0, 5, 12, 40):
        doc = make_summary_document(make(any_content, name, questions=questions), for_print=True)
        page = PAPER_PX[paper]
        paginate(doc, page)
        layout = doc.documentLayout()
        block = doc.begin()
        while block.isValid():
            if block.blockFormat().headingLevel():
                rect = layout.blockBoundingRect(block)
                following = block.next()
                while following.isValid() and layout.blockBoundingRect(following).height() == 0:
                    following = following.next()
                if following.isValid():
                    below = layout.blockBoundingRect(following)
                    assert int(below.top() // page.height()) == int(rect.top() // page.height()), block.text()
                assert rect.bottom() < (rect.top() // page.height() + 1) * page.height() - MARGIN_BOTTOM
            if block.text():
                assert layout.blockBoundingRect(block).height() > 0, f"not laid out: {block.text()[:40]}"
            block = block.next()


def test_a_missing_folder_is_named_and_nothing_is_written(summary_content, tmp_path):
    target = tmp_path / "gone" / "s.pdf"
    with pytest.raises(SummaryWriteError) as info:
        write_pdf(make(summary_content, "typical"), target)
    assert isinstance(info.value, DecisionAidError)
    assert str(info.value) == f"cannot save the summary in the folder {tmp_path / 'gone'}: the folder does not exist"
    assert not (tmp_path / "gone").exists()


def test_an_unwritable_folder_is_named(summary_content, tmp_path, monkeypatch):
    monkeypatch.setattr(summary_pdf.os, "access", lambda path, mode: False)
    with pytest.raises(SummaryWriteError) as info:
        write_pdf(make(summary_content, "typical"), tmp_path / "s.pdf")
    assert str(info.value) == f"cannot save the summary in the folder {tmp_path}: this account may not write there"
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_file_name_is_refused(summary_content, tmp_path):
    (tmp_path / "s.pdf").mkdir()
    with pytest.raises(SummaryWriteError, match="s.pdf is a folder, not a file name"):
        write_pdf(make(summary_content, "typical"), tmp_path / "s.pdf")


def test_a_failed_write_leaves_the_old_file_and_no_partial_one(summary_content, tmp_path, monkeypatch):
    target = tmp_path / "s.pdf"
    target.write_bytes(b"old")

    def broken(summary, device, **kwargs):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(summary_pdf, "paint_summary", broken)
    with pytest.raises(RuntimeError):
        write_pdf(make(summary_content, "typical"), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["s.pdf"]


def test_unknown_paper_is_refused(summary_content, tmp_path):
    with pytest.raises(ValueError, match="paper: expected one of: a4, letter, received 'a5'"):
        write_pdf(make(summary_content, "typical"), tmp_path / "s.pdf", paper="a5")


def test_writing_the_pdf_again_replaces_it_whole(summary_content, tmp_path):
    """The same summary written twice to one file: one whole PDF, the same pages. (Its speed: ``make bench``.)"""
    summary = make(summary_content, "typical")
    path = tmp_path / "s.pdf"
    first = write_pdf(summary, path)
    assert write_pdf(summary, path) == first == len(pages_of(path))
    assert path.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["s.pdf"]


# -- pictures of the pages, to look at ------------------------------------------------------------------------------

def ink(image: QImage, x0, y0, x1, y1) -> int:
    """Dark pixels in a box (sampled every other pixel)."""
    dark = 0
    for y in range(y0, y1, 2):
        for x in range(x0, x1, 2):
            if image.pixelColor(x, y).lightness() < 200:
                dark += 1
    return dark


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("name", ["typical", "symptoms-growing", "stress"])
def test_pages_rendered_to_png_have_ink_inside_the_margins_only(any_content, tmp_path, paper, name):
    label = "fixture" if any_content.root == SUMMARY_CONTENT else "shipped"
    pdf = tmp_path / "s.pdf"
    count = write_pdf(make(any_content, name, questions=8), pdf, paper=paper)
    pngs = render_pngs(pdf, f"{label}-{name}-{paper}")
    assert len(pngs) == count
    text = " ".join(pdf_text(pdf))
    summary = make(any_content, name, questions=8)
    for option in summary.options:
        assert " ".join(option.title.split()) in text
    assert "Words used" in text and summary.glossary[-1].definition.split(".")[0] in text
    for png in pngs:
        image = QImage(str(png))
        w, h = image.width(), image.height()
        mm = w / (PAPER_POINTS[paper][0] / 72 * 25.4)
        assert ink(image, 0, 0, w, int(h * 0.85)) > 500, f"{png.name}: a blank page"
        # Nothing runs into the side margins: text cut at the edge of the paper would show here.
        assert ink(image, 0, 0, int(10 * mm), h) == 0, f"{png.name}: ink in the left margin"
        assert ink(image, w - int(10 * mm), 0, w, h) == 0, f"{png.name}: ink in the right margin"
        # The footer is there on every page.
        assert ink(image, int(16 * mm), h - int(22 * mm), w - int(16 * mm), h - int(8 * mm)) > 50
