"""The summary page shows what prints: the real pages (the SVG pages the printer gets), as paper (white, dark ink)
in every theme and at 200 % text; pictures in artifacts/screenshots/summary-preview-*.png to look at."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from decision_aid.ui.summary_pdf import svg_pages

from ui_helpers import FULL, OPEN_TRIALS_CLINIC, SCREENSHOTS, settle


@pytest.mark.parametrize("scale,high_contrast", [(100, False), (200, True), (200, False), (100, True)])
def test_the_preview_is_the_printed_pages_readable_in_every_theme(qtbot, make_window, shipped_content, scale,
                                                                  high_contrast):
    window = make_window(content=shipped_content, clinic=OPEN_TRIALS_CLINIC)
    window.session.replace_answers(answers=FULL)
    window.session.set_text_scale(scale=scale)
    window.session.set_high_contrast(on=high_contrast)
    window.view.go_to_page("summary")
    settle(qtbot)
    page = window.current_page()
    preview = page.preview
    expected = svg_pages(window.session.summary(), paper=window.session.clinic.paper)
    assert len(preview.pages) == len(expected) >= 1
    from decision_aid.ui.summary_pdf import renderers

    assert [v.renderer.viewBoxF() for v in preview.pages] == [r.viewBoxF() for r in renderers(expected)]
    assert "Who do I call if the wound bleeds at night?" in preview.text()
    first = preview.pages[0]
    assert first.width() > 400 and first.height() == first.heightForWidth(first.width())
    image: QImage = first.grab().toImage()
    light = dark = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            lightness = image.pixelColor(x, y).lightness()
            light += lightness > 230
            dark += lightness < 80
    total = light + dark
    assert light > 0.6 * total and dark > 0.01 * total  # paper and ink, whatever the theme's colours
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = f"summary-preview-{scale}{'-high-contrast' if high_contrast else ''}.png"
    page.scroll.verticalScrollBar().setValue(page.scroll.verticalScrollBar().value() + preview.y())
    settle(qtbot)
    assert window.grab().save(str(SCREENSHOTS / name))
