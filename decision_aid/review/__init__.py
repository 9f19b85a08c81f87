"""The review packet: everything a clinician reviewer signs for one version of the content. Pure Python, no Qt."""

from __future__ import annotations

from .packet import Packet, build_packet
from .render import render_packet_html

__all__ = ["Packet", "build_packet", "render_packet_html"]
