"""What a clinic's install needs before a patient sits down: an export folder that exists and takes files.

Pure Python (no Qt). The clinic file is read at start (``app.py``) and by ``--self-test``; a kiosk whose export folder
is missing or read-only would otherwise fail only when a patient presses "Save as PDF".
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Collection
from pathlib import Path

from .clinic import Clinic, load_clinic
from .errors import ClinicError, Problem, quote


def export_folder_problems(clinic: Clinic) -> list[Problem]:
    """What is wrong with the clinic's ``export_folder``: missing, not a folder, or not writable by this account
    (found by making and removing a file there, so a read-only disk is found too, even for an administrator)."""
    folder = clinic.export_folder
    if folder is None:
        return []
    source = clinic.source or "clinic file"
    expected = "a folder that exists and that this account may write in"
    if not folder.exists():
        return [Problem(source, "export_folder", expected, f"no such folder: {folder}")]
    if not folder.is_dir():
        return [Problem(source, "export_folder", expected, f"a file, not a folder: {folder}")]
    try:
        fd, probe = tempfile.mkstemp(prefix=".decision-aid-probe-", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        return [Problem(source, "export_folder", expected,
                        f"a folder that refuses new files ({exc.strerror or exc}): {folder}")]
    return []


def check_clinic_operable(clinic: Clinic, languages: Collection[str] | None = None) -> Clinic:
    """The clinic, or ClinicError when its export folder cannot take files, or when its ``language`` is not one
    of ``languages`` (the content's, when given: a clinic may not start people in a language with no pages)."""
    problems = export_folder_problems(clinic)
    if languages is not None and clinic.language not in languages:
        problems.append(Problem(clinic.source or "(clinic)", "language",
                                "a language the content has: " + ", ".join(languages), quote(clinic.language)))
    if problems:
        raise ClinicError(problems)
    return clinic


def clinic_self_check(failed: type[Exception]) -> str:
    """``--self-test``'s clinic check: the clinic file (``--clinic``, ``$DECISION_AID_CLINIC`` or the default place)
    is valid and its export folder takes files. Raises ``failed(detail, lines)``; returns the detail line."""
    try:
        clinic = check_clinic_operable(load_clinic())
    except ClinicError as exc:
        count = len(exc.problems)
        raise failed(f"{count} problem{'s' if count != 1 else ''} in the clinic file",
                     [str(p) for p in exc.problems]) from None
    if clinic.source is None:
        return "no clinic file (the defaults are used)"
    where = f", export folder {clinic.export_folder} takes files" if clinic.export_folder else ""
    return f"{Path(clinic.source).name} is valid{where}"
