"""The clinic file (TOML): the clinic's name and phone, kiosk settings, export folder, paper and open trials.

Every bad value is reported with the key, what was expected and what was received; all problems at once.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ClinicError, Problem, quote
from .limits import check_toml

DEFAULT_IDLE_SECONDS = 180
MIN_IDLE_SECONDS = 60  # the warning alone counts down 30 seconds; less would leave no time to read
MAX_IDLE_SECONDS = 3600
PAPERS = ("a4", "letter")
ENV_VAR = "DECISION_AID_CLINIC"


@dataclass(frozen=True)
class ClinicTrial:
    name: str
    id: str
    contact: str
    summary: str


@dataclass(frozen=True)
class Clinic:
    name: str | None = None
    phone: str | None = None
    kiosk: bool = False
    idle_timeout_seconds: int = DEFAULT_IDLE_SECONDS
    export_folder: Path | None = None
    paper: str = "a4"
    trials: tuple[ClinicTrial, ...] = field(default_factory=tuple)
    source: str | None = None  # the file it came from, if any

    @property
    def has_trials(self) -> bool:
        return bool(self.trials)


def default_clinic_path() -> Path:
    """Where the clinic file is looked for when --clinic is not given (and $DECISION_AID_CLINIC is not set)."""
    if sys.platform.startswith("win"):
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "decision-aid" / "clinic.toml"
    return Path("/etc/decision-aid/clinic.toml")


TOP_KEYS = ("name", "phone", "kiosk", "idle_timeout_minutes", "export_folder", "paper", "trials")
TRIAL_KEYS = ("name", "id", "contact", "summary")


def parse_clinic(data: dict, *, source: str) -> Clinic:
    problems: list[Problem] = []

    def bad(key, expected, received):
        problems.append(Problem(source, key, expected, quote(received)))

    for key in data:
        if key not in TOP_KEYS:
            bad(key, "one of: " + ", ".join(TOP_KEYS), key)

    def text(key, mapping=data, prefix=""):
        value = mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            bad(prefix + key, "a non-empty text", value)
            return None
        return value.strip()

    name, phone = text("name"), text("phone")
    kiosk = data.get("kiosk", False)
    if not isinstance(kiosk, bool):
        bad("kiosk", "true or false", kiosk)
        kiosk = False
    idle = DEFAULT_IDLE_SECONDS
    if "idle_timeout_minutes" in data:
        minutes = data["idle_timeout_minutes"]
        if type(minutes) not in (int, float) or not MIN_IDLE_SECONDS <= minutes * 60 <= MAX_IDLE_SECONDS:
            bad("idle_timeout_minutes", f"a number of minutes from {MIN_IDLE_SECONDS // 60} to "
                f"{MAX_IDLE_SECONDS // 60}", minutes)
        else:
            idle = int(minutes * 60)
    export = text("export_folder")
    export_path = None
    if export is not None:
        export_path = Path(export).expanduser()
        if not export_path.is_absolute():
            bad("export_folder", "an absolute folder path", export)
            export_path = None
    paper = data.get("paper", "a4")
    if paper not in PAPERS:
        bad("paper", "one of: " + ", ".join(PAPERS), paper)
        paper = "a4"
    trials = []
    raw_trials = data.get("trials", [])
    if not isinstance(raw_trials, list):
        bad("trials", "a list of [[trials]] tables", raw_trials)
        raw_trials = []
    for i, t in enumerate(raw_trials):
        prefix = f"trials[{i}]."
        if not isinstance(t, dict):
            bad(prefix[:-1], "a table with name, id, contact and summary", t)
            continue
        for key in t:
            if key not in TRIAL_KEYS:
                bad(prefix + key, "one of: " + ", ".join(TRIAL_KEYS), key)
        values = {}
        for key in TRIAL_KEYS:
            if key not in t:
                problems.append(Problem(source, prefix + key, "a non-empty text", "nothing"))
            else:
                values[key] = text(key, t, prefix)
        if all(values.get(k) for k in TRIAL_KEYS):
            trials.append(ClinicTrial(**values))
    if problems:
        raise ClinicError(problems)
    return Clinic(name=name, phone=phone, kiosk=kiosk, idle_timeout_seconds=idle, export_folder=export_path,
                  paper=paper, trials=tuple(trials), source=source)


def load_clinic(path: str | os.PathLike | None = None) -> Clinic:
    """The clinic file at ``path``; else at $DECISION_AID_CLINIC or the default place if one is there; else none."""
    explicit = path is not None or bool(os.environ.get(ENV_VAR))  # issue 18: DECISION_AID_CLINIC="" means unset
    path = Path(path if path is not None else os.environ.get(ENV_VAR) or default_clinic_path())
    source = str(path)
    if not path.exists():
        if explicit:
            raise ClinicError([Problem(source, "(file)", "an existing clinic file", "no such file")])
        return Clinic()
    import tomllib  # only when there is a file: most starts have none

    try:
        data = tomllib.loads(check_toml(path.read_text(encoding="utf-8"), source, ClinicError))
    except tomllib.TOMLDecodeError as exc:
        raise ClinicError([Problem(source, "(file)", "valid TOML", quote(str(exc)))]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ClinicError([Problem(source, "(file)", "a readable UTF-8 file", quote(str(exc)))]) from None
    return parse_clinic(data, source=source)
