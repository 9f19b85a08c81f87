"""has_display: whether the window can open here (asked by the start-up and the self-test before Qt is imported)."""

import sys

import pytest

from decision_aid.display import has_display


@pytest.fixture
def linux(monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_no_display_server_on_linux_means_no_window(linux):
    assert has_display() is False


@pytest.mark.parametrize("name", ["DISPLAY", "WAYLAND_DISPLAY"])
def test_an_x11_or_wayland_display_is_enough(linux, name):
    linux.setenv(name, ":0" if name == "DISPLAY" else "wayland-0")
    assert has_display() is True


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc:size=800x600", "eglfs", "linuxfb"])
def test_a_headless_qt_platform_needs_no_display_server(linux, platform):
    linux.setenv("QT_QPA_PLATFORM", platform)
    assert has_display() is True


def test_an_unknown_platform_still_needs_a_display_server(linux):
    linux.setenv("QT_QPA_PLATFORM", "xcb")
    assert has_display() is False


def test_windows_and_macos_always_have_one(linux):
    linux.setattr(sys, "platform", "win32")
    assert has_display() is True
