"""A whole kiosk session in its own process, with HOME, TMPDIR and the XDG folders pointed at empty folders: after
answering, saving a PDF for the staff, the reset and quitting, the exported PDF is the only thing on disk."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CANARY = "CANARY-7f3a-disk"


def everything_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) + ("/" if p.is_dir() else "") for p in folder.rglob("*"))


def test_a_kiosk_session_leaves_only_the_exported_pdf(tmp_path):
    folders = {name: tmp_path / name.lower() for name in
               ("HOME", "TMPDIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                "XDG_RUNTIME_DIR")}
    for folder in folders.values():
        folder.mkdir(mode=0o700)
    export = folders["HOME"] / "summaries-for-staff"
    export.mkdir()
    clinic = tmp_path / "clinic.toml"
    clinic.write_text(f'name = "Riverside Breast Clinic"\nkiosk = true\nexport_folder = "{export.as_posix()}"\n',
                      encoding="utf-8")
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("XDG_", "QT_", "DECISION_AID_")) and key not in ("HOME", "TMPDIR", "TMP", "TEMP")}
    env.update({name: str(path) for name, path in folders.items()})
    env.update(QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8", PYTHONDONTWRITEBYTECODE="1",
               PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, str(HERE / "run_kiosk_session.py"), str(clinic), CANARY], env=env,
                          cwd=str(ROOT), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-4000:]

    pdfs = list(export.iterdir())
    assert len(pdfs) == 1 and pdfs[0].suffix == ".pdf" and pdfs[0].read_bytes().startswith(b"%PDF")
    assert CANARY not in pdfs[0].name
    left = {name: everything_under(folder) for name, folder in folders.items()}
    assert left.pop("HOME") == ["summaries-for-staff/", f"summaries-for-staff/{pdfs[0].name}"]
    assert left == {name: [] for name in left}
