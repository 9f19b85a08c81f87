"""The import contracts (pyproject.toml, checked by lint-imports in `make lint`) cover the whole core."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
QT_SIDE = {"ui", "app"}  # the only parts of decision_aid that may import Qt


def contract(contract_id: str) -> dict:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["id"] == contract_id)


def core_modules() -> set[str]:
    """Every module and package directly under decision_aid/ but the Qt side (and the package's own __init__)."""
    package = ROOT / "decision_aid"
    names = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    names |= {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}
    return {f"decision_aid.{name}" for name in names - QT_SIDE}


def test_every_core_module_is_forbidden_qt():
    listed = set(contract("core-without-qt")["source_modules"])
    assert core_modules() - listed == set(), "add these to the core-without-qt contract in pyproject.toml"
    assert listed - core_modules() == set(), "these are listed in the core-without-qt contract but do not exist"


def test_the_core_finds_its_modules():
    """The check above is not vacuous: the core has its engine, its formats and the Qt side is left out."""
    found = core_modules()
    assert {"decision_aid.content", "decision_aid.validation", "decision_aid.tailoring", "decision_aid.review"} <= found
    assert not found & {"decision_aid.ui", "decision_aid.app"}


def import_lines(source: str, module: str) -> list[str]:
    """The lines of ``source`` (a module directly in decision_aid/) that import ``module``, as written."""
    relative = "." + module.removeprefix("decision_aid.")
    parent, _, leaf = relative.rpartition(".")
    forms = (f"from {relative} import ", f"from {parent or '.'} import {leaf}", f"import {module}")
    return [line for line in source.splitlines() if line.strip().startswith(forms)]


def test_only_function_level_qt_imports_are_ignored():
    """Each ignored import of the contract is the core reaching the Qt side from inside a function, never at the top
    of a module (where it would cost every start and load Qt without a display)."""
    for rule in contract("core-without-qt")["ignore_imports"]:
        importer, imported = (part.strip() for part in rule.split("->"))
        source = (ROOT / Path(*importer.split("."))).with_suffix(".py").read_text()
        lines = import_lines(source, imported)
        assert lines, f"{rule}: {importer} does not import it: delete the rule"
        assert all(line[:1].isspace() for line in lines), f"{rule}: imported at the top of {importer}"


def test_a_top_level_import_is_told_apart():
    source = "from .ui.review_pdf import write\n\ndef f():\n    from .ui import selftest_qt\n"
    assert import_lines(source, "decision_aid.ui.review_pdf") == ["from .ui.review_pdf import write"]
    assert import_lines(source, "decision_aid.ui.selftest_qt") == ["    from .ui import selftest_qt"]
