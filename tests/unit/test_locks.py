"""pyproject.toml and the two locks agree (scripts/check_locks.py), and an installed aid finds its files."""

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from decision_aid import paths

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("check_locks", ROOT / "scripts" / "check_locks.py")
check_locks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_locks)


@pytest.fixture
def project(tmp_path):
    for name in ("pyproject.toml", "requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_locks_agree_with_pyproject():
    assert check_locks.compare(ROOT) == []


def test_the_locks_pin_the_runtime_and_the_mandatory_qt():
    runtime, _, _ = check_locks.read_lock(ROOT / "requirements.txt")
    assert runtime["pyside6-essentials"] == "6.11.3"  # 6.12.0 aborts
    assert {"textstat", "pyphen", "jinja2", "markdown", "pyyaml", "shiboken6"} <= set(runtime)
    assert "pytest" not in runtime


def test_a_version_changed_in_pyproject_only_is_caught(project):
    edit(project / "pyproject.toml", '"Jinja2==3.1.6"', '"Jinja2==3.1.5"')
    assert check_locks.compare(project) == [
        "requirements.txt: jinja2: expected jinja2==3.1.5 as pyproject.toml declares, received jinja2==3.1.6: "
        "run `make lock`",
        "requirements-dev.txt: jinja2: expected jinja2==3.1.5 as pyproject.toml declares, received jinja2==3.1.6: "
        "run `make lock`",
    ]


def test_a_dependency_dropped_from_pyproject_is_caught(project):
    edit(project / "pyproject.toml", '    "pypdf==7.1.0",\n', "")
    assert check_locks.compare(project) == [
        "requirements-dev.txt: pypdf: expected only what pyproject.toml declares (or what that needs), received a "
        "pin nothing asks for any more: run `make lock`"
    ]


def test_a_hand_edited_lock_is_caught(project):
    edit(project / "requirements-dev.txt", "pyyaml==6.0.3 \\", "pyyaml==6.0.2 \\")
    problems = check_locks.compare(project)
    assert (
        "requirements-dev.txt: pyyaml: expected pyyaml==6.0.3 as in requirements.txt, received pyyaml==6.0.2: "
        "run `make lock`" in problems
    )


def test_a_loose_pin_in_pyproject_is_refused(project):
    edit(project / "pyproject.toml", '"Markdown==3.11.3"', '"Markdown>=3.11"')
    assert "pyproject.toml: dependencies: expected NAME==VERSION, received 'Markdown>=3.11'" in check_locks.compare(
        project
    )


def test_the_command_line_says_what_disagrees(project, capsys):
    assert check_locks.main([str(ROOT)]) == 0
    (project / "requirements.txt").unlink()
    assert check_locks.main([str(project)]) == 1
    assert "requirements.txt: expected a lock written by `make lock`, received no such file" in capsys.readouterr().out


def test_an_installed_aid_finds_its_files_under_its_prefix(monkeypatch, tmp_path):
    assert paths.app_root() == ROOT  # a checkout (and an editable install): beside the package
    site = tmp_path / "site-packages" / "decision_aid"
    site.mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(site / "paths.py"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    assert paths.content_dir() == tmp_path / "share" / "decision-aid" / "content"
    assert paths.fonts_dir() == tmp_path / "share" / "decision-aid" / "resources" / "fonts"


def test_pyproject_installs_every_shipped_file():
    """What `pip install .` copies (pyproject.toml's data-files) is every file of content/ and resources/."""
    import tomllib

    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
    installed = {p for patterns in data_files.values() for pattern in patterns for p in ROOT.glob(pattern)}
    shipped = {
        p
        for folder in ("content", "resources")
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }  # the stored model is made where it runs
    assert installed == shipped
