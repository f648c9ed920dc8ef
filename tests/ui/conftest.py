"""Fixtures for the Qt layer: an asyncio loop on Qt's loop, and an opened main window."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import OpenWindow

from coprodesk.ui.pyside_guard import keep_python_alive

keep_python_alive()  # as the app does before its first window

# The offscreen and minimal Qt platforms warn whenever a window's minimum size
# changes after it is shown ("This plugin does not support propagateSizeHints()").
# Real platforms support it (and raising a window, "raise()"); these warnings say nothing
# about CoproDesk, so only they are ignored.
OFFSCREEN_SIZE_HINTS = r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
UI_TESTS = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if UI_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS))


@pytest.fixture
def event_loop(qapp: QApplication) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop that runs whenever pytest-qt spins Qt's event loop."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)
    try:
        yield loop
    finally:
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)
        loop.close()


@pytest.fixture
def open_window(qtbot: QtBot, event_loop: asyncio.AbstractEventLoop) -> Iterator[OpenWindow]:
    opened = OpenWindow(qtbot)
    try:
        yield opened
    finally:
        opened.close()
