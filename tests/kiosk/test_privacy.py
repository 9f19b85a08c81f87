"""The app's one temporary folder, and the sweep of folders a crash left behind. Pure Python, no Qt."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from decision_aid import privacy
from decision_aid.privacy import OWNER_FILE, TEMP_PREFIX, TempFolder, process_alive, sweep_stale_temp


def test_the_folder_is_made_on_first_use_and_removed_on_close(tmp_path):
    with TempFolder(base=tmp_path) as temp:
        assert list(tmp_path.iterdir()) == []  # nothing until it is needed
        path = temp.path
        assert path.parent == tmp_path and path.name.startswith(TEMP_PREFIX) and path.is_dir()
        assert temp.path == path  # one folder per app
        (path / "summary.pdf").write_bytes(b"%PDF-")
        if os.name == "posix":
            assert path.stat().st_mode & 0o077 == 0  # this user only
        assert (path / OWNER_FILE).read_text().split()[0] == str(os.getpid())
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_clear_empties_it_for_the_next_person(tmp_path):
    with TempFolder(base=tmp_path) as temp:
        (temp.path / "a.pdf").write_bytes(b"x")
        (temp.path / "sub").mkdir()
        (temp.path / "sub" / "b.txt").write_text("y")
        temp.clear()
        assert sorted(p.name for p in temp.path.iterdir()) == [OWNER_FILE]


def test_it_is_removed_at_a_normal_exit_without_the_with_block(tmp_path):
    code = (f"import sys; sys.path.insert(0, {os.getcwd()!r}); from decision_aid.privacy import TempFolder; "
            f"t = TempFolder(base={str(tmp_path)!r}); (t.path / 'x.pdf').write_bytes(b'1'); print(t.path)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().startswith(str(tmp_path))
    assert list(tmp_path.iterdir()) == []


def _left_behind(base, name, *, pid, created):
    path = base / f"{TEMP_PREFIX}{name}"
    path.mkdir()
    (path / "summary.pdf").write_bytes(b"%PDF- someone's answers")
    if pid is not None:
        (path / OWNER_FILE).write_text(f"{pid} {created}\n")
    old = created
    os.utime(path, (old, old))
    return path


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_sweep_removes_what_a_crash_left_and_keeps_what_is_in_use(tmp_path):
    started = time.time()
    long_ago = started - 3600
    crashed = _left_behind(tmp_path, "crashed", pid=_dead_pid(), created=long_ago)
    running = _left_behind(tmp_path, "running", pid=os.getppid(), created=long_ago)  # our parent is alive
    no_owner = _left_behind(tmp_path, "no-owner", pid=None, created=long_ago)
    just_made = _left_behind(tmp_path, "just-made", pid=None, created=started)  # another instance, mid-start
    newer = _left_behind(tmp_path, "newer", pid=_dead_pid(), created=started + 5)
    other = tmp_path / "someone-elses-folder"
    other.mkdir()
    a_file = tmp_path / f"{TEMP_PREFIX}file"
    a_file.write_text("not a folder")

    removed = sweep_stale_temp(base=tmp_path, started=started)

    assert sorted(removed) == sorted([crashed, no_owner])
    assert not crashed.exists() and not no_owner.exists()
    for kept in (running, just_made, newer, other, a_file):
        assert kept.exists()


def test_sweep_keeps_this_process_folder(tmp_path):
    with TempFolder(base=tmp_path) as temp:
        path = temp.path
        assert sweep_stale_temp(base=tmp_path, started=time.time() + 3600) == []
        assert path.exists()


def test_sweep_never_follows_a_link(tmp_path):
    target = tmp_path / "precious"
    target.mkdir()
    (target / "keep.txt").write_text("keep")
    base = tmp_path / "tmp"
    base.mkdir()
    (base / f"{TEMP_PREFIX}link").symlink_to(target, target_is_directory=True)
    assert sweep_stale_temp(base=base, started=time.time() + 3600, is_alive=lambda pid: False) == []
    assert (target / "keep.txt").exists()


def test_sweep_asks_whether_the_owner_runs(tmp_path):
    long_ago = time.time() - 3600
    path = _left_behind(tmp_path, "x", pid=424242, created=long_ago)
    asked = []
    assert sweep_stale_temp(base=tmp_path, is_alive=lambda pid: asked.append(pid) or True) == []
    assert asked == [424242] and path.exists()
    assert sweep_stale_temp(base=tmp_path, is_alive=lambda pid: False) == [path]


def test_process_alive():
    assert process_alive(os.getpid())
    assert not process_alive(_dead_pid())
    assert not process_alive(0) and not process_alive(-5)


def test_privacy_imports_without_qt():
    code = ("import sys\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in ('PySide6', 'shiboken6'): raise ImportError(name)\n"
            "sys.meta_path.insert(0, Block())\n"
            "import decision_aid.privacy, decision_aid.selftest\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=os.getcwd())
    assert out.returncode == 0, out.stderr
    assert time.time() >= privacy.PROCESS_STARTED
