"""The clinic file (TOML): the clinic's name and phone, kiosk settings, export folder, paper and open trials.

Every bad value is reported with the key, what was expected and what was received; all problems at once.
"""

from __future__ import annotations

import os
import sys
import typing
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

import msgspec
from msgspec import Meta

from .errors import ClinicError, Problem, quote
from .i18n import LANGUAGES, SOURCE_LANGUAGE
from .limits import check_toml
from .validation import INVALID, Bool, Checker, Text, read_file

DEFAULT_IDLE_SECONDS = 180
MIN_IDLE_SECONDS = 60  # the warning alone counts down 30 seconds; less would leave no time to read
MAX_IDLE_SECONDS = 3600
ENV_VAR = "DECISION_AID_CLINIC"


class ClinicTrial(msgspec.Struct, frozen=True):
    """An open trial the clinic lists: a [[trials]] table of the clinic file."""

    EXPECTED: ClassVar[str] = "a table with name, id, contact and summary"
    name: Text
    id: Text
    contact: Text
    summary: Text


class Clinic(msgspec.Struct, frozen=True):
    name: str | None = None
    phone: str | None = None
    nurse: str | None = None  # where to find a nurse ("at the front desk, room 4"), for the help panel
    kiosk: bool = False
    idle_timeout_seconds: int = DEFAULT_IDLE_SECONDS
    export_folder: Path | None = None
    paper: str = "a4"
    trials: tuple[ClinicTrial, ...] = msgspec.field(default_factory=tuple)
    source: str | None = None  # the file it came from, if any
    language: str = SOURCE_LANGUAGE  # the language each session starts in (and a reset returns to)

    @property
    def has_trials(self) -> bool:
        return bool(self.trials)


def default_clinic_path() -> Path:
    """Where the clinic file is looked for when --clinic is not given (and $DECISION_AID_CLINIC is not set)."""
    if sys.platform.startswith("win"):
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "decision-aid" / "clinic.toml"
    return Path("/etc/decision-aid/clinic.toml")


Paper = Literal["a4", "letter"]
PAPERS: tuple[str, ...] = typing.get_args(Paper)
# A folder path that is absolute where the aid runs ("~" is the home folder).
ABSOLUTE = r"^([A-Za-z]:[\\/]|\\\\|~)" if sys.platform.startswith("win") else r"^[/~]"
Minutes = Annotated[int, Meta(ge=MIN_IDLE_SECONDS // 60, le=MAX_IDLE_SECONDS // 60)] | Annotated[
    float, Meta(ge=MIN_IDLE_SECONDS / 60, le=MAX_IDLE_SECONDS / 60)]


class ClinicFile(msgspec.Struct, frozen=True, kw_only=True):
    """The clinic file's tables and keys, as a clinic's IT writes them."""

    name: Text | None = None
    phone: Text | None = None
    nurse: Text | None = None  # where to find a nurse ("at the front desk, room 4"), for the help panel
    kiosk: Bool = False
    idle_timeout_minutes: Annotated[Minutes, Meta(
        description=f"a number of minutes from {MIN_IDLE_SECONDS // 60} to {MAX_IDLE_SECONDS // 60}")] | None = None
    export_folder: Annotated[str, Meta(pattern=ABSOLUTE, description="an absolute folder path")] | None = None
    paper: Paper = "a4"
    trials: Annotated[tuple[ClinicTrial, ...], Meta(description="a list of [[trials]] tables")] = ()
    language: Text | None = None  # the language a session starts in: a code of decision_aid.i18n.LANGUAGES


def parse_clinic(data: dict[str, Any], *, source: str) -> Clinic:
    problems: list[Problem] = []
    f = Checker(source, problems).struct(data, ClinicFile)
    if f is not INVALID and f.language is not None and f.language not in LANGUAGES:
        problems.append(Problem(source, "language", "one of " + ", ".join(LANGUAGES), quote(f.language)))
    if f is INVALID or problems:  # a bad [[trials]] table is left out of f, not unsaid
        raise ClinicError(problems)
    minutes = f.idle_timeout_minutes
    return Clinic(name=f.name, phone=f.phone, nurse=f.nurse, kiosk=f.kiosk,
                  idle_timeout_seconds=DEFAULT_IDLE_SECONDS if minutes is None else int(minutes * 60),
                  export_folder=Path(f.export_folder).expanduser() if f.export_folder else None, paper=f.paper,
                  trials=f.trials, source=source, language=f.language or SOURCE_LANGUAGE)


def load_clinic(path: str | os.PathLike[str] | None = None) -> Clinic:
    """The clinic file at ``path``; else at $DECISION_AID_CLINIC or the default place if one is there; else none."""
    explicit = path is not None or bool(os.environ.get(ENV_VAR))  # issue 18: DECISION_AID_CLINIC="" means unset
    path = Path(path if path is not None else os.environ.get(ENV_VAR) or default_clinic_path())
    source = str(path)
    if not explicit and not path.exists():
        return Clinic()
    text = read_file(path, "clinic file", ClinicError)
    import tomllib  # only when there is a file: most starts have none

    try:
        data = tomllib.loads(check_toml(text, source, ClinicError))
    except tomllib.TOMLDecodeError as exc:
        raise ClinicError([Problem(source, "(file)", "valid TOML", quote(str(exc)))]) from None
    return parse_clinic(data, source=source)
