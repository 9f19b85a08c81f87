"""``decision-aid --self-test``: passes on the shipped content, and says clearly what failed otherwise."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from decision_aid import selftest
from decision_aid.content.fingerprint import fingerprint
from decision_aid.selftest import SelfTest, read_fingerprint_file

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "content"
COMMAND = Path(sys.executable).parent / "decision-aid"


def headless_env(tmp_path: Path) -> dict:
    """No display at all, as on a server; a temporary folder of its own, to see that nothing is left there."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    temp = tmp_path / "tmp"
    temp.mkdir()
    env.update(TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp), LANG="C.UTF-8")
    return env


def run_self_test(*args, env):
    command = [str(COMMAND)] if COMMAND.exists() else [sys.executable, "-m", "decision_aid"]
    return subprocess.run([*command, "--self-test", *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=600)


def test_the_self_test_passes_on_the_shipped_content_and_leaves_nothing_behind(tmp_path):
    env = headless_env(tmp_path)
    out = run_self_test(env=env)
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.strip().splitlines()
    checks = [line.split(":")[1].strip() for line in lines[:-1]]
    assert checks == ["content", "content fingerprint", "clinic file", "Qt", "font", "pages", "summary PDF"]
    assert all(line.startswith("ok: ") for line in lines[:-1]), out.stdout
    assert lines[-1] == "self-test passed: all 7 checks ok"
    assert fingerprint(SHIPPED) in out.stdout
    assert "platform offscreen" in out.stdout
    assert out.stderr == "", out.stderr  # no noise for the IT person to wonder about
    assert list(Path(env["TMPDIR"]).iterdir()) == []


def test_broken_content_fails_with_every_problem_named(tmp_path):
    broken = tmp_path / "content"
    shutil.copytree(SHIPPED, broken)
    page = broken / "pages" / "welcome.md"
    page.write_text(page.read_text(encoding="utf-8").replace("review_due: 2027-11-23", "review_due: someday"),
                    encoding="utf-8")
    risks = broken / "pages" / "risks.md"
    risks.write_text(risks.read_text(encoding="utf-8").replace("audience: patient", "audience: everyone", 1),
                     encoding="utf-8")
    out = run_self_test("--content", str(broken), env=headless_env(tmp_path))
    assert out.returncode == 1
    assert "Traceback" not in out.stdout + out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == f"FAILED: content: 5 problems in {broken}"  # the two, and three links to the unread page
    assert "    pages/welcome.md:7: review_due: expected a date as YYYY-MM-DD, received 'someday'" in lines
    assert any(line.startswith("    pages/risks.md:") and "audience: expected one of:" in line
               and "received 'everyone'" in line for line in lines), out.stdout
    assert "FAILED: pages: not run, because the content check failed" in lines
    assert "FAILED: summary PDF: not run, because the content check failed" in lines
    assert lines[-1].startswith("self-test FAILED: 3 of 7 checks failed")


def test_a_missing_content_folder_is_named(tmp_path):
    out = run_self_test("--content", str(tmp_path / "nowhere"), env=headless_env(tmp_path))
    assert out.returncode == 1 and "Traceback" not in out.stdout + out.stderr
    assert f"FAILED: content: expected a content folder at {tmp_path / 'nowhere'}, received no such folder" \
        in out.stdout


def test_without_the_wizard_the_pages_check_says_not_available(tmp_path):
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'decision_aid.ui.main_window': raise ImportError('no wizard in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from decision_aid.cli import main\n"
        "sys.exit(main(['--self-test']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env=headless_env(tmp_path), timeout=600)
    assert out.returncode == 1 and "Traceback" not in out.stdout + out.stderr
    assert "FAILED: pages: not available: the wizard could not be loaded (no wizard in this test)" in out.stdout


@pytest.fixture
def bundle_root(tmp_path, monkeypatch):
    """An app root like the PyInstaller bundle's, with content.sha256 beside the shipped content."""
    monkeypatch.setattr(selftest, "app_root", lambda: tmp_path)
    return tmp_path


def fingerprint_check(root=None):
    out = io.StringIO()
    test = SelfTest(content=root, out=out)
    test.check("content fingerprint", test._fingerprint)
    return test.results[-1], out.getvalue()


def test_the_fingerprint_matches_the_one_written_at_build_time(bundle_root):
    (bundle_root / "content.sha256").write_text(f"{fingerprint(SHIPPED)}  content\n")
    result, text = fingerprint_check()
    assert result.ok and "(matches content.sha256)" in text


def test_content_changed_after_the_build_fails(bundle_root):
    (bundle_root / "content.sha256").write_text("0" * 64 + "\n")
    result, text = fingerprint_check()
    assert not result.ok
    recorded = bundle_root / "content.sha256"
    assert text.startswith(f"FAILED: content fingerprint: expected the content to match {recorded} ({'0' * 64}), "
                           f"received {fingerprint(SHIPPED)}: the content was changed after the build")


def test_other_content_is_not_compared_with_the_build(bundle_root, tmp_path):
    (bundle_root / "content.sha256").write_text("0" * 64 + "\n")
    other = tmp_path / "other"
    shutil.copytree(SHIPPED, other)
    result, text = fingerprint_check(other)
    assert result.ok and "not compared with content.sha256" in text


def test_read_fingerprint_file_takes_sha256sum_style_or_bare(tmp_path):
    path = tmp_path / "content.sha256"
    path.write_text("ABCDEF  content\n")
    assert read_fingerprint_file(path) == "abcdef"
    path.write_text("abcdef")
    assert read_fingerprint_file(path) == "abcdef"


def test_a_blank_picture_counts_as_blank_and_text_does_not(qapp):
    from decision_aid.ui.selftest_qt import inked_share

    image = QImage(600, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#f4f3ef"))
    assert inked_share(image) == 0.0
    painter = QPainter(image)
    painter.setPen(Qt.GlobalColor.black)
    for row in range(8):
        painter.drawText(20, 40 + row * 40, "For your privacy, this screen will clear in 25 seconds.")
    painter.end()
    assert inked_share(image) > selftest.MIN_INKED_SHARE
