"""The content engine: loads and checks the versioned Markdown/YAML bundle. Pure Python, never imports Qt."""

from .loader import load_content, read_content
from .model import Content

__all__ = ["Content", "load_content", "read_content"]
