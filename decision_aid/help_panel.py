"""The "Need help? / What happens next" panel as plain data: the content's words, filled in from the clinic file.

Pure Python. A line whose fill-in the clinic file lacks is left out; without a phone number the content's
``no_clinic`` line says where to ask instead, so the panel always points somewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from .content.model import Content
from .i18n import _

if TYPE_CHECKING:
    from .clinic import Clinic


class HelpPanelText(msgspec.Struct, frozen=True):
    title: str
    lines: tuple[str, ...]


def help_panel(content: Content, clinic: Clinic | None) -> HelpPanelText | None:
    words = content.form.help
    if not words:
        return None
    name = getattr(clinic, "name", None)
    phone = getattr(clinic, "phone", None)
    nurse = getattr(clinic, "nurse", None)
    lines = [words["next_steps"], words["ask_nurse"]]
    if nurse:
        lines.append(words["nurse_where"].replace("{nurse}", nurse))
    if phone:
        lines.append(words["phone"].replace("{clinic}", name or _("the clinic")).replace("{phone}", phone))
    else:
        lines.append(words["no_clinic"])
    return HelpPanelText(words["title"], tuple(lines))
