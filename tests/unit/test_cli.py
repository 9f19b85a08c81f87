"""The decision-aid command: check-content exit codes and messages, and the no-display sentence."""

import os
import subprocess
import sys
from pathlib import Path

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "content"


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True,
                          env=env or os.environ.copy())


def test_check_content_clean_prints_one_line():
    out = run("check-content", str(FIXTURE), "--strict")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("content OK: 20 files, 3 facts, 13 pages")
    assert len(out.stdout.strip().splitlines()) == 1


def test_check_content_reports_every_problem_and_exits_1(content_copy):
    page = content_copy / "pages" / "welcome.md"
    page.write_text(page.read_text().replace("# reviewed: (no review recorded)", "reviewed: someday")
                    .replace("own pace.", "own pace. It takes 15 minutes."))
    out = run("check-content", str(content_copy))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.splitlines() == [
        "pages/welcome.md:7: reviewed: expected a date as YYYY-MM-DD, received 'someday'",
        "pages/welcome.md:11: (body): expected figures only through fact placeholders {{…}}, received '15'",
        "2 problems in the content",
    ]


def test_no_display_is_one_clear_sentence():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = run("--content", str(FIXTURE), env=env)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr
    assert "no display" in lines[0] and "--self-test" in lines[0] and "decision-aid summary" in lines[0]
