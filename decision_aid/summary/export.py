"""The summary as JSON for a health record, and writing text files whole or not at all. Pure Python."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..errors import SummaryWriteError
from ..safe_files import write_file
from .model import Summary

FORMAT = "decision-aid-summary"
VERSION = 1


def summary_json(summary: Summary) -> dict[str, Any]:
    """The summary for a health record: the answers, the options shown with their framing, the notes shown, and
    the content they came from. Plain JSON types only. The same whatever language the person read: codes, and the
    content's English words (a summary in another language gives its English ``care_team`` summary's), with the
    ``language`` recorded."""
    language = summary.language
    summary = summary.care_team or summary
    return {
        "format": FORMAT,
        "version": VERSION,
        "created": summary.created.isoformat(),
        "language": language,
        "content": {
            "name": summary.content_name,
            "version": summary.content_version,
            "status": summary.content_status,
            "fingerprint": summary.fingerprint,
        },
        "clinic": {"name": summary.clinic_name} if summary.clinic_name else None,
        "answers": summary.answers.to_dict(),
        "not_yet_sure": summary.not_yet_sure,
        "options": [
            {
                "id": o.id,
                "title": o.title,
                "framing": o.framing,
                "framing_label": o.framing_label,
                "key_figures": [
                    {
                        "title": g.title,
                        "facts": [
                            {
                                "id": f.fact_id,
                                "phrase": f.phrase,
                                "per100": f.per100,
                                "population": f.population,
                                "time_frame": f.time_frame,
                                "source": f.source,
                                "applicability": {
                                    "status": f.applicability,
                                    "like_you": f.like_you,
                                    "study": f.study,
                                    "text": f.applicability_text,
                                },
                            }
                            for f in g.figures
                        ],
                    }
                    for g in o.figure_groups
                ],
            }
            for o in summary.options
        ],
        "notes": [{"id": n.id, "title": n.title} for n in summary.notes],
        "flags": [{"code": f.code, "text": f.text} for f in summary.flags],
        "studies": [{"id": st.id, "name": st.name, "applicability": st.applicability, "like_you": st.like_you,
                     "text": st.text} for st in summary.studies],
        "unanswered_steps": [{"id": i, "name": n} for i, n in zip(summary.unanswered_step_ids,
                                                                   summary.unanswered_steps, strict=True)],
        "rules": list(summary.rules),
    }


def summary_json_text(summary: Summary) -> str:
    return json.dumps(summary_json(summary), indent=2, ensure_ascii=False) + "\n"


def write_summary_file(path: str | os.PathLike[str], data: bytes, *, kind: str | None = None,
                       exclusive: bool = False) -> Path:
    """Write ``data`` to ``path`` whole and checked (a PDF's trailer, JSON that parses), mode 0600, or not at all
    (an old file is kept); SummaryWriteError names the folder when that fails. ``kind``: ".pdf", ".html", ".json"
    (else the name's ending). ``exclusive`` (kiosk exports): never over an existing file; returns the name written."""
    return write_file(path, data, error=SummaryWriteError, kind=kind, exclusive=exclusive)
