"""The clinic bundle: build/decision_aid.spec builds a onedir app that carries its files and checks itself.

Builds into a temporary folder (never dist/, which someone may be using) and runs the built app the way clinic IT
does: offscreen, from another folder, with no Python on PATH and no Python variables set.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build" / "decision_aid.spec"
NAME = "decision-aid"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    base = tmp_path_factory.mktemp("bundle")
    dist, work = base / "dist", base / "work"
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    app = dist / NAME / NAME
    assert app.is_file(), f"no {app} after the build"
    yield app
    shutil.rmtree(base, ignore_errors=True)  # about 120 MB


def _clinic_env(tmp_path: Path) -> dict:
    """What a clinic machine has: no Python anywhere on PATH, no PYTHON* variables, a bare home folder."""
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir(exist_ok=True)
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {"PATH": str(empty_bin), "HOME": str(home), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}


def _run_frozen(app: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(app), *args], cwd=tmp_path, env=_clinic_env(tmp_path), capture_output=True,
                          text=True, timeout=300)


def test_bundle_carries_content_templates_and_fonts(bundle):
    inside = bundle.parent / "_internal"
    from decision_aid.content.fingerprint import content_files, fingerprint

    shipped = [p.relative_to(ROOT / "content") for p in content_files(ROOT / "content")]
    carried = sorted(p.relative_to(inside / "content") for p in (inside / "content").rglob("*") if p.is_file())
    # Exactly the files the aid reads (and fingerprints): nothing else about the content is stored.
    assert carried == sorted(shipped)
    # And the model its build read from them, with its SHA-256 (decision_aid/content/store.py).
    assert (inside / "content.msgpack").is_file() and (inside / "content.msgpack.sha256").is_file()
    assert (inside / "content.sha256").read_text().split() == [fingerprint(ROOT / "content"), "content"]
    fonts = {p.name for p in (inside / "resources" / "fonts").iterdir()}
    assert {p.name for p in (ROOT / "resources" / "fonts").iterdir()} <= fonts
    assert "OFL.txt" in fonts and any(name.startswith("AtkinsonHyperlegible") for name in fonts)
    templates = ROOT / "decision_aid" / "templates"
    if templates.is_dir():
        for template in templates.iterdir():
            assert (inside / "decision_aid" / "templates" / template.name).is_file(), template.name


def test_bundle_leaves_out_what_the_aid_does_not_use(bundle):
    inside = bundle.parent / "_internal"
    qt = inside / "PySide6" / "Qt"
    assert sorted(p.name for p in (qt / "translations").iterdir()) == ["qtbase_es.qm"]  # Qt's words in Spanish
    assert not list(inside.rglob("libQt6Network*")) and not list(inside.rglob("libQt6Qml*"))
    assert not (qt / "plugins" / "platformthemes").exists()
    assert (qt / "plugins" / "platforms" / "libqxcb.so").is_file()
    assert (qt / "plugins" / "platforms" / "libqoffscreen.so").is_file()


def test_self_test_passes_offscreen_without_python(bundle, tmp_path):
    out = _run_frozen(bundle, tmp_path, "--self-test")
    assert out.returncode == 0, f"stdout:\n{out.stdout}\nstderr:\n{out.stderr}"
    assert "Traceback" not in out.stderr
    # The content it checked is the content the build fingerprinted (content.sha256 at the bundle root).
    assert "matches content.sha256" in out.stdout, out.stdout


def test_check_content_from_the_bundle_matches_the_checkout(bundle, tmp_path):
    """Same report, reading level included, as the checkout gives for the same content."""
    frozen = _run_frozen(bundle, tmp_path, "check-content")
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    source = subprocess.run([sys.executable, "-m", "decision_aid", "check-content", str(ROOT / "content")],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in frozen.stderr, frozen.stderr
    assert (frozen.returncode, frozen.stdout, frozen.stderr) == (source.returncode, source.stdout, source.stderr)
    if frozen.returncode == 0:
        assert frozen.stdout.splitlines()[-1].startswith("content OK:")


def test_version_without_python(bundle, tmp_path):
    from decision_aid import __version__

    out = _run_frozen(bundle, tmp_path, "--version")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"decision-aid {__version__}"


def test_summary_command_without_python(bundle, tmp_path):
    """The summary's Jinja2 template is found inside the bundle (HTML), and Qt writes the PDF."""
    import json

    from decision_aid.examples import example_data

    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(example_data("symptoms")), encoding="utf-8")
    for name in ("summary.html", "summary.pdf"):
        out = _run_frozen(bundle, tmp_path, "summary", "--answers", str(answers), "--out", str(tmp_path / name))
        assert out.returncode == 0, f"{name}:\n{out.stdout}\n{out.stderr}"
    assert "<html" in (tmp_path / "summary.html").read_text(encoding="utf-8").lower()
    assert (tmp_path / "summary.pdf").read_bytes().startswith(b"%PDF-")
