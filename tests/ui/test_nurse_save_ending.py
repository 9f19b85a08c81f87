"""Issue 18, nurse mode: answers saved under a name without ".json" get the ending (the Open dialog lists *.json), and
the file is private (0600)."""

import stat

from decision_aid.answers import load_answers
from decision_aid.safe_files import PRIVATE_MODE


def test_saved_answers_always_end_in_json(make_window, fixture_content, tmp_path):
    window = make_window(content=fixture_content, kiosk=False)
    window.view.session.set_leaning(value="surgery")
    window.view.choose_save_path = lambda **kw: str(tmp_path / "for-dr-lee")
    window.view.actions.save_answers_file()
    saved = tmp_path / "for-dr-lee.json"
    assert [p.name for p in tmp_path.iterdir()] == ["for-dr-lee.json"]
    assert load_answers(saved).leaning == "surgery"
    assert stat.S_IMODE(saved.stat().st_mode) == PRIVATE_MODE
    assert "for-dr-lee.json" in window.view.last_message.text()
