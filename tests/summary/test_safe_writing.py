"""Issue 18: a full disk is never reported as success, an existing file is kept, the answers file is never the output,
every file with a person's words is 0600, and kiosk exports never replace another kiosk's file."""

import contextlib
import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from decision_aid import safe_files
from decision_aid.answers import Answers, save_answers
from decision_aid.errors import SummaryWriteError

from summary_cases import SUMMARY_CONTENT

# Every step answered, so the summary command has no "not answered" warning to print beside the one error line.
GOOD = {"format": "decision-aid-answers", "version": 1, "situation": {"breast_symptoms": "none"},
        "values": {"live_longer": 3}, "leaning": "surgery", "sure": {"sure": True}, "own_questions": ["Mine?"]}
OLD = b"the old file, which must stay whole\n"


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "decision_aid", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=180)


@pytest.fixture
def answers(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    return path


@contextlib.contextmanager
def tiny_full_disk(tmp_path, free_kib=20):
    """A 64 KiB tmpfs holding an old x.pdf, x.html and x.json, filled but for ``free_kib`` (root only): room for the
    start of a PDF but not its end. Skips where mounting is not allowed."""
    mount = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tiny tmpfs here (the monkeypatched ENOSPC test covers the same path)")
    try:
        for name in ("x.pdf", "x.html", "x.json"):
            (mount / name).write_bytes(OLD)
        with open(mount / "filler", "wb") as fh:
            try:
                fh.write(b"\0" * ((64 - 12 - free_kib) * 1024))
                fh.flush()
            except OSError:
                pass
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_summary_pdf_on_a_full_disk_fails_in_one_line_and_keeps_the_old_file(answers, tmp_path):
    with tiny_full_disk(tmp_path) as disk:
        out = run("summary", "--answers", str(answers), "--out", str(disk / "x.pdf"), "--content",
                  str(SUMMARY_CONTENT))
        assert out.returncode != 0, out.stdout
        assert "Summary written" not in out.stdout and "Traceback" not in out.stderr
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and "full" in lines[0], lines
        assert (disk / "x.pdf").read_bytes() == OLD
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "x.html", "x.json", "x.pdf"]


@pytest.mark.parametrize("ending", [".html", ".json"])
def test_summary_text_on_a_full_disk_fails_in_one_line(answers, tmp_path, ending):
    with tiny_full_disk(tmp_path, free_kib=4) as disk:
        target = disk / f"x{ending}"
        big = dict(GOOD, own_questions=[f"{'Why ' * 70}{i}?" for i in range(50)])
        answers.write_text(json.dumps(big), encoding="utf-8")
        out = run("summary", "--answers", str(answers), "--out", str(target), "--content", str(SUMMARY_CONTENT))
        assert out.returncode != 0 and "Summary written" not in out.stdout
        assert len(out.stderr.strip().splitlines()) == 1 and "full" in out.stderr
        assert target.read_bytes() == OLD


def test_enospc_from_os_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "x.json"
    target.write_bytes(OLD)
    real_write = os.write

    def short_then_full(fd, data):
        if len(data) > 10:
            return real_write(fd, bytes(data[:10]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", short_then_full)
    with pytest.raises(SummaryWriteError) as info:
        safe_files.write_file(target, b'{"a": "' + b"b" * 1000 + b'"}', error=SummaryWriteError)
    assert "the disk is full" in str(info.value)
    assert target.read_bytes() == OLD and [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_a_truncated_pdf_is_not_written(tmp_path):
    target = tmp_path / "x.pdf"
    target.write_bytes(OLD)
    good = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 1\ntrailer\n<<>>\nstartxref\n29\n%%EOF\n"
    assert safe_files.check_pdf(good) is None
    with pytest.raises(SummaryWriteError):
        safe_files.write_file(target, good[:-20], error=SummaryWriteError)
    assert target.read_bytes() == OLD


@pytest.mark.parametrize("spelling", ["same", "dot", "symlink"])
def test_the_output_is_never_the_answers_file(answers, tmp_path, spelling):
    before = answers.read_bytes()
    out_name = {"same": str(answers), "dot": "./answers.json", "symlink": str(tmp_path / "link.json")}[spelling]
    if spelling == "symlink":
        (tmp_path / "link.json").symlink_to(answers)
    out = run("summary", "--answers", str(answers), "--out", out_name, "--content", str(SUMMARY_CONTENT),
              cwd=tmp_path)
    assert out.returncode == 2
    assert len(out.stderr.strip().splitlines()) == 1 and "the answers file itself" in out.stderr
    assert answers.read_bytes() == before


@pytest.mark.parametrize("ending", [".pdf", ".html", ".json"])
def test_summaries_and_answers_are_private(answers, tmp_path, ending):
    out = run("summary", "--answers", str(answers), "--out", str(tmp_path / f"s{ending}"), "--content",
              str(SUMMARY_CONTENT))
    assert out.returncode == 0, out.stderr
    assert stat.S_IMODE((tmp_path / f"s{ending}").stat().st_mode) == safe_files.PRIVATE_MODE
    save_answers(Answers(leaning="surgery"), tmp_path / "a.json")
    assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == safe_files.PRIVATE_MODE


def test_kiosk_export_never_replaces_another_kiosks_file(tmp_path):
    other = tmp_path / "decision-aid-summary-1.pdf"
    other.write_bytes(OLD)
    pdf = b"%PDF-1.4\nxref\n0 1\ntrailer\n<<>>\nstartxref\n9\n%%EOF\n"
    written = safe_files.write_file(other, pdf, error=SummaryWriteError, exclusive=True)
    assert written == tmp_path / "decision-aid-summary-1-2.pdf"
    assert other.read_bytes() == OLD and written.read_bytes() == pdf


def test_saving_answers_on_a_full_disk_is_an_oserror_with_a_kind_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "write", lambda fd, data: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
    with pytest.raises(OSError) as info:
        save_answers(Answers(leaning="surgery"), tmp_path / "a.json")
    assert info.value.strerror == "the disk is full" and not list(Path(tmp_path).iterdir())
