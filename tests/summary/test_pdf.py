"""The summary on paper (Typst): what the PDF says, how many pages, the glance panel on page 1, legible sizes, whole
pictures with their captions, no stranded heading, hostile text as data, atomic writing, and PNGs to look at."""

import dataclasses

import pytest
from pdf_probe import MM, page_words, pieces, squeeze, svg_picture_widths_mm, text_above

from decision_aid.errors import DecisionAidError, SummaryWriteError
from decision_aid.examples import EXAMPLES, example_answers
from decision_aid.summary import build_summary, glance, render_html, typeset
from decision_aid.summary.typeset import compile_summary, write_pdf

from summary_cases import (
    CLINIC,
    HOSTILE,
    SHIPPED_CONTENT,
    SITUATIONS,
    TODAY,
    TYPICAL_SITUATIONS,
    html_words,
    pdf_text,
    render_pngs,
    with_questions,
)

PAPER_POINTS = {"a4": (595, 842), "letter": (612, 792)}
GLANCE_BOTTOM_MM = 100  # the glance panel ends above this (a third of A4 is 99 mm)
BODY_PT, LEAST_PT = 12, 10
HEADING_SIZES = (13.0, 14.0, 17.0)
FOOTER_MM = 24  # the footer sits in the bottom margin (25 mm): its first line is 24 mm above the foot


def make(content, name, *, questions=5, clinic=CLINIC):
    answers = with_questions(SITUATIONS[name], content, questions) if questions else SITUATIONS[name]
    return build_summary(content=content, answers=answers, clinic=clinic, today=TODAY)


def example(content, name, *, questions=3, own=("Can I keep working while I decide?",)):
    answers = example_answers(name, known_questions=content.prompt_ids())
    answers = dataclasses.replace(with_questions(answers, content, questions), own_questions=own)
    return build_summary(content=content, answers=answers, clinic=CLINIC, today=TODAY)


def pages_of(path):
    from pypdf import PdfReader

    return PdfReader(str(path)).pages


@pytest.mark.parametrize("questions", [3, 5])
@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("name", TYPICAL_SITUATIONS)
def test_a_typical_summary_is_one_or_two_pages(any_content, tmp_path, paper, name, questions):
    path = tmp_path / "s.pdf"
    count = write_pdf(make(any_content, name, questions=questions), path, paper=paper)
    pages = pages_of(path)
    # No allowance for Letter (18 mm shorter than A4): with a clinic trial and five questions, two pages.
    assert count == len(pages) and 1 <= count <= 2
    for page in pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == PAPER_POINTS[paper]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_built_in_example_is_two_pages_at_most(shipped_content, tmp_path, name, paper):
    assert write_pdf(example(shipped_content, name), tmp_path / "s.pdf", paper=paper) == 2


def _glance_items(summary):
    """What the doctor must see in the glance panel, as it prints."""
    values = glance.top_values(summary)
    items = ["At a glance", glance.situation_line(summary)[:60], summary.leaning_label or "Not answered",
             glance.sure_text(summary)]
    items += glance.flag_phrases(summary) + list(summary.unanswered_steps)
    items += [v["label"] for v in values]
    items += [glance.shorten(q.text, glance.GLANCE_QUESTION_CHARS)[:50] for q in summary.questions[:3]]
    if summary.not_yet_sure:
        items.append("NOT YET SURE")
    return items


@pytest.mark.parametrize("name", sorted(EXAMPLES) + ["not-sure", "nothing", "stress", "against-framing"])
def test_the_glance_is_on_page_one_above_a_third_of_the_sheet(shipped_content, tmp_path, name):
    if name == "against-framing":  # growing elsewhere, leaning toward surgery: both flags
        summary = example(shipped_content, "growing")
        summary = build_summary(content=shipped_content, answers=dataclasses.replace(summary.answers,
                                leaning="surgery"), clinic=CLINIC, today=TODAY)
        assert {f.code for f in summary.flags} == {"not_usually_advised", "against_values"}
    else:
        summary = example(shipped_content, name) if name in EXAMPLES else make(shipped_content, name)
    path = tmp_path / "s.pdf"
    write_pdf(summary, path)
    above = text_above(pieces(path), 0, GLANCE_BOTTOM_MM)
    for item in _glance_items(summary):
        assert squeeze(item) in above, f"{item!r} is not on page 1 above {GLANCE_BOTTOM_MM} mm"
    words = squeeze(" ".join(pdf_text(path)))
    for flag in glance.detail_flags(summary):  # the glance names them; their full words are further down
        assert squeeze(flag) in words


def test_the_four_situations_have_their_flags_in_the_glance(shipped_content):
    # symptomatic, growing, stable, not sure: the examples of the same names; the flags are tailoring's
    expected = {"symptoms": {"against_values"}, "growing": {"against_values"}, "stable": set(),
                "unsure_everywhere": set()}
    for name, codes in expected.items():
        summary = example(shipped_content, name)
        assert {f.code for f in summary.flags} == codes, name
        assert len(glance.flag_phrases(summary)) == len(codes), name  # value conflicts in one phrase
        named = [f.value for f in summary.flags if f.code == "against_values"]  # each names its value
        assert all(v in {line.label for line in summary.values} for v in named)
        # every example answers No to "sure": not a flag, the glance's NOT YET SURE tag
        assert summary.not_yet_sure and glance.glance(summary)["not_yet_sure"]
    nothing = make(shipped_content, "nothing")
    assert nothing.unanswered_steps == ("Your situation", "What matters to you", "Where you are leaning",
                                        "Are you ready to decide?")
    assert glance.flag_phrases(nothing) == []  # the steps not answered have their own line in the glance


def test_leaning_against_the_framing_is_flagged(shipped_content):
    growing = example_answers("growing", known_questions=shipped_content.prompt_ids())
    summary = build_summary(content=shipped_content, answers=dataclasses.replace(growing, leaning="surgery"))
    flag = next(f for f in summary.flags if f.code == "not_usually_advised")
    assert "not usually advised" in flag.text
    assert glance.FLAG_SHORT["not_usually_advised"] in glance.flag_phrases(summary)


@pytest.mark.parametrize("name", ["typical", "stress", "not-sure"])
def test_nothing_a_patient_reads_is_under_10_pt_and_the_body_is_12(any_content, tmp_path, name):
    summary = make(any_content, name)
    path = tmp_path / "s.pdf"
    write_pdf(summary, path)
    found = pieces(path)
    small = [p for p in found if p.size < LEAST_PT - 0.01 and not _is_fingerprint_line(p, summary)]
    assert small == []
    answers = {squeeze(line.answer) for line in summary.situation if line.answer}
    questions = {squeeze(q.text)[:20] for q in summary.questions}
    for piece in found:
        if piece.page == 0 and piece.top_mm < GLANCE_BOTTOM_MM or len(squeeze(piece.text)) < 6:
            continue  # the glance, for the doctor, is at 10.5 pt; short words are in every line
        if any(squeeze(piece.text) in a for a in answers | questions):
            assert piece.size >= BODY_PT - 0.01, piece
    by_size: dict[float, int] = {}
    for piece in found:
        by_size[round(piece.size, 1)] = by_size.get(round(piece.size, 1), 0) + len(squeeze(piece.text))
    assert max(by_size, key=by_size.get) == BODY_PT  # most of what is printed is body text, at 12 pt


def _is_fingerprint_line(piece, summary) -> bool:
    """The fingerprint is for the clinic's records: the one line allowed under 10 pt, at 8.5 pt."""
    return piece.size >= 8.5 - 0.01 and (squeeze(piece.text) in squeeze(
        f"Content fingerprint (SHA-256): {summary.fingerprint}"))


@pytest.mark.parametrize("name", ["typical", "symptoms-growing", "stress"])
def test_icon_arrays_are_4_cm_vectors_with_caption_and_legend_on_their_page(any_content, tmp_path, name):
    summary = make(any_content, name, questions=12)
    path = tmp_path / "s.pdf"
    write_pdf(summary, path)
    svgs = compile_summary(summary, fmt="svg")
    found = pieces(path)
    assert len(svgs) == len(pages_of(path))
    assert all(len(page.images) == 0 for page in pages_of(path))  # vectors, not bitmaps
    pictured = [(g, f) for o in summary.options for g in o.figure_groups if not g.shown_with for f in g.figures]
    widths = [w for svg in svgs for w in svg_picture_widths_mm(svg)]
    assert len(widths) == len(pictured)
    # The shipped trials did not take people whose breast tumor causes problems: no picture is theirs (issue 12).
    assert pictured or (name != "typical" and any_content.root == SHIPPED_CONTENT)
    assert all(w >= 40 for w in widths)
    for index, svg in enumerate(svgs):
        legends = page_words(found, index).count(squeeze("not shaded"))
        assert legends == len(svg_picture_widths_mm(svg)), f"page {index + 1}: a picture without its legend"
    for group, figure in pictured:
        caption = next(p.page for p in found if squeeze(group.title)[:25] in squeeze(p.text) or
                       squeeze(p.text).startswith(squeeze(group.title)[:12]))
        assert squeeze(f"{figure.count} shaded") in page_words(found, caption)
        if group.applicability_text:  # who the study took is on the page of its pictures
            assert squeeze(group.applicability_text) in page_words(found, caption), group.title


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_no_heading_is_left_alone_at_a_page_foot(any_content, tmp_path, paper, name):
    for questions in (0, 5, 12, 40):
        path = tmp_path / "s.pdf"
        write_pdf(make(any_content, name, questions=questions), path, paper=paper)
        found = pieces(path)
        height_mm = PAPER_POINTS[paper][1] / MM
        for page in range(len(pages_of(path))):
            body = [p for p in found if p.page == page and p.top_mm < height_mm - FOOTER_MM]
            last = max(body, key=lambda p: p.top_mm)
            assert last.size not in HEADING_SIZES, f"page {page + 1} ends with the heading {last.text!r}"


@pytest.mark.parametrize("name", sorted(SITUATIONS))
def test_the_pdf_and_the_html_say_everything_the_summary_holds(any_content, tmp_path, name):
    summary = make(any_content, name)
    path = tmp_path / "s.pdf"
    write_pdf(summary, path)
    pages = pdf_text(path)
    pdf = "".join(_without_footer(text, summary, number, len(pages)) for number, text in enumerate(pages, 1))
    pdf += squeeze(pages[0])  # with its footer
    html = squeeze(html_words(render_html(summary)))
    said = [line.answer for line in summary.situation if line.answer]
    said += [v.label for v in summary.values] + [v.rating_label for v in summary.values if v.rating_label]
    said += [line.question for line in summary.sure] + [summary.leaning_label or "Not answered"]
    said += [q.text for q in summary.questions if q.text.isascii()]  # emoji are named, right-to-left reordered
    for o in summary.options:
        said += [o.title, o.framing_label] + [g.title for g in o.figure_groups]
        said += [f.wording[0] for g in o.figure_groups if not g.shown_with for f in g.figures]
    said += [w.term for w in summary.glossary] + [summary.fingerprint, summary.created_text]
    assert [s for s in said if squeeze(s) not in pdf] == []
    assert [s for s in said if squeeze(s) not in html] == []


def _without_footer(text, summary, number, count) -> str:
    """A page's words without its footer, so that a long question going on over a page break reads as one."""
    text = squeeze(text)
    for line in typeset.footer_lines(summary) + (f"Page {number} of {count}",):
        text = text.replace(squeeze(line), "")
    return text


def test_every_page_has_the_footer_and_its_number(summary_content, tmp_path):
    summary = make(summary_content, "stress", questions=40)
    path = tmp_path / "s.pdf"
    count = write_pdf(summary, path)
    texts = [squeeze(t) for t in pdf_text(path)]
    assert count == len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        for line in (f"Page {number} of {count}", "For discussion with your care team, not medical advice.",
                     "DRAFT: the information in this aid has not yet been reviewed by a clinician.",
                     summary.fingerprint,
                     "Made on 3 November 2026 · St Mary's Breast Clinic · 01234 567890 · content version 0.1.0"):
            assert squeeze(line) in text


HOSTILE_TYPST = ('#panic("boom")', "] ) } #let x = 1", 'back\\slash \\ "quote" `code` $math$ *bold* _em_',
                 "<script>alert(1)</script> @label <label> // not a comment /* nor this */", "= Not a heading")


def test_the_persons_words_are_data_never_markup(summary_content, tmp_path):
    answers = dataclasses.replace(SITUATIONS["typical"], own_questions=HOSTILE_TYPST + HOSTILE[:1],
                                  name="#panic() ] \\ \"x\"")
    summary = build_summary(content=summary_content, answers=answers, clinic=CLINIC, today=TODAY)
    path = tmp_path / "s.pdf"
    write_pdf(summary, path)
    text = squeeze(" ".join(pdf_text(path)))
    for typed in HOSTILE_TYPST + HOSTILE[:1] + ("#panic() ] \\ \"x\"",):
        assert squeeze(typed) in text


def test_the_not_yet_sure_flag_is_in_the_pdf(summary_content, tmp_path):
    path = tmp_path / "s.pdf"
    write_pdf(make(summary_content, "typical"), path)
    text = squeeze(" ".join(pdf_text(path)))
    assert squeeze("NOT YET SURE. Answered No to 2 of 4 questions of the SURE test.") in text


def test_a_missing_folder_is_named_and_nothing_is_written(summary_content, tmp_path):
    target = tmp_path / "gone" / "s.pdf"
    with pytest.raises(SummaryWriteError) as info:
        write_pdf(make(summary_content, "typical"), target)
    assert isinstance(info.value, DecisionAidError)
    assert str(info.value) == f"cannot save the summary in the folder {tmp_path / 'gone'}: the folder does not exist"
    assert not (tmp_path / "gone").exists()


def test_an_unwritable_folder_is_named(summary_content, tmp_path, monkeypatch):
    monkeypatch.setattr(typeset.os, "access", lambda path, mode: False)
    with pytest.raises(SummaryWriteError) as info:
        write_pdf(make(summary_content, "typical"), tmp_path / "s.pdf")
    assert str(info.value) == f"cannot save the summary in the folder {tmp_path}: this account may not write there"
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_file_name_is_refused(summary_content, tmp_path):
    (tmp_path / "s.pdf").mkdir()
    with pytest.raises(SummaryWriteError, match="s.pdf is a folder, not a file name"):
        write_pdf(make(summary_content, "typical"), tmp_path / "s.pdf")


def test_a_failed_typesetting_leaves_the_old_file_and_no_partial_one(summary_content, tmp_path, monkeypatch):
    target = tmp_path / "s.pdf"
    target.write_bytes(b"old")

    def broken(summary, **kwargs):
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(typeset, "compile_summary", broken)
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


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_pages_rendered_to_png_have_ink_inside_the_margins_only(shipped_content, tmp_path, paper, name):
    from PySide6.QtGui import QImage

    pdf = tmp_path / "s.pdf"
    count = write_pdf(example(shipped_content, name), pdf, paper=paper)
    pngs = render_pngs(pdf, f"{name}-{paper}")
    assert len(pngs) == count
    for png in pngs:
        image = QImage(str(png))
        w, h = image.width(), image.height()
        mm = w / (PAPER_POINTS[paper][0] / 72 * 25.4)
        assert ink(image, 0, 0, w, int(h * 0.85)) > 500, f"{png.name}: a blank page"
        assert ink(image, 0, 0, int(10 * mm), h) == 0, f"{png.name}: ink in the left margin"
        assert ink(image, w - int(10 * mm), 0, w, h) == 0, f"{png.name}: ink in the right margin"
        assert ink(image, int(16 * mm), h - int(24 * mm), w - int(16 * mm), h - int(6 * mm)) > 50  # the footer


def ink(image, x0, y0, x1, y1) -> int:
    """Dark pixels in a box (sampled every other pixel)."""
    return sum(1 for y in range(y0, y1, 2) for x in range(x0, x1, 2) if image.pixelColor(x, y).lightness() < 200)


def test_a_typesetting_failure_is_a_summary_error_naming_the_file(summary_content, tmp_path, monkeypatch):
    def broken(summary, **kwargs):
        raise typeset.TypesetError("some characters could not be printed with the shipped fonts")

    monkeypatch.setattr(typeset, "compile_summary", broken)
    with pytest.raises(SummaryWriteError, match="could not be typeset") as info:
        write_pdf(make(summary_content, "typical"), tmp_path / "s.pdf")
    assert info.value.folder == str(tmp_path) and list(tmp_path.iterdir()) == []


def test_who_the_study_took_is_on_every_page_with_its_pictures(shipped_content, tmp_path):
    """Printed once per option when every group has the same words, and again above a group on a later page."""
    split = False
    for count in range(24, 46, 3):  # more and more of the person's own questions push the pictures down the pages
        answers = dataclasses.replace(SITUATIONS["typical"], own_questions=tuple(
            f"My own question number {i}, about what happens next?" for i in range(count)))
        summary = build_summary(content=shipped_content, answers=answers, clinic=CLINIC, today=TODAY)
        path = tmp_path / "s.pdf"
        write_pdf(summary, path)
        found = pieces(path)
        pages = range(len(pages_of(path)))
        option = summary.options[0]
        groups = [g for g in option.figure_groups if not g.shown_with]
        assert len(groups) == 2 and len({g.applicability_text for g in groups}) == 1  # said once, if on one page
        on = [{p for p in pages if squeeze(f"{f.count} shaded") in page_words(found, p)} for g in groups
              for f in g.figures]
        said = {p for p in pages if squeeze(groups[0].applicability_text) in page_words(found, p)}
        assert set().union(*on) == said, count
        split = split or len(set().union(*on)) > 1
    assert split, "no case put the option's two groups on two pages: choose other counts"
