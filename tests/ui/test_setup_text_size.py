"""The text size (kept on this laptop across restarts) and the keyboard shortcuts sheet."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import OpenWindow

from coprodesk import paths
from coprodesk.core.db import Database
from coprodesk.ui.app import LaunchOptions, run
from coprodesk.ui.main_window import MainWindow
from coprodesk.ui.palette import BASE_POINT_SIZE, apply_look
from coprodesk.ui.settings import read_text_size, save_text_size
from coprodesk.ui.shortcuts_sheet import WIDGET_GROUP, ShortcutsSheet, keys_words

OFFSCREEN_SIZE_HINTS = r"^This plugin does not support propagateSizeHints\(\)$"


@pytest.fixture(autouse=True)
def normal_text() -> Iterator[None]:
    """Every test here starts and ends at 100 %, whatever it changed."""
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_look(app, 1.0)


def point_size() -> float:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app.font().pointSizeF()


def test_text_size_menu_and_keys(qtbot: QtBot, open_window: OpenWindow) -> None:
    open_window.open()
    window = open_window.window
    assert window.text_size_actions[100].isChecked()

    window.text_size_actions[150].trigger()
    assert point_size() == BASE_POINT_SIZE * 1.5
    assert read_text_size() == 150
    assert paths.settings_path().exists()

    window.activateWindow()
    qtbot.keyClick(window, "=", Qt.KeyboardModifier.ControlModifier)
    assert point_size() == BASE_POINT_SIZE * 1.75
    assert window.text_size_actions[175].isChecked()
    qtbot.keyClick(window, "-", Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, "-", Qt.KeyboardModifier.ControlModifier)
    assert point_size() == BASE_POINT_SIZE * 1.25
    assert read_text_size() == 125
    # Widgets follow, headings included (they are styled by the style sheet).
    heading = open_window.page.series_heading
    qtbot.waitUntil(lambda: heading.font().pointSizeF() == BASE_POINT_SIZE * 1.25)
    assert window.statusBar().currentMessage() == "Text size 125 %."


def test_text_size_is_kept_across_a_restart(db: Database) -> None:
    db.close()
    seen: list[float] = []

    def first(window: MainWindow) -> None:
        def loaded() -> None:
            window.text_size_actions[175].trigger()
            QTimer.singleShot(0, window.close)

        window.series_loaded.connect(loaded)

    def second(window: MainWindow) -> None:
        seen.append(point_size())  # Before the window shows: applied at start-up.
        seen.append(float(window.text_size()))
        window.first_painted.connect(lambda: QTimer.singleShot(0, window.close))

    assert run(LaunchOptions(), on_window=first) == 0
    assert read_text_size() == 175
    assert run(LaunchOptions(), on_window=second) == 0
    assert seen == [BASE_POINT_SIZE * 1.75, 175.0]


def test_an_unreadable_setting_means_100() -> None:
    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text("[view]\ntext_size_percent=huge\n", encoding="utf-8")
    assert read_text_size() == 100
    assert save_text_size(190)
    assert read_text_size() == 200


# Bringing the sheet forward raises it, which the offscreen platform cannot do.
# (This marker replaces the one from conftest.py, so it repeats its pattern.)
@pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS, r"^This plugin does not support raise\(\)$")
def test_shortcuts_sheet_lists_every_action_with_keys(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    open_window.open()
    window = open_window.window
    window.activateWindow()
    qtbot.keyClick(window, "/", Qt.KeyboardModifier.ControlModifier)
    (sheet,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsSheet)]
    rows = sheet.rows()
    expected = {
        (action.text(), keys_words(action))
        for action in window.findChildren(QAction)
        if action.shortcuts()
    }
    assert expected <= set(rows)
    for row in (
        ("New series", "Ctrl+N"),
        ("Larger text", "Ctrl+=, Ctrl++"),
        ("Keyboard shortcuts", "F1, Ctrl+/"),
        ("Move the agenda item up", "Ctrl+Up"),
        ("Back to series", "Alt+Left"),
        ("Remove the chosen person, date or agenda item", "Delete"),
    ):
        assert row in rows
    groups = sheet.groups()
    assert groups[:3] == ["Series and workshops", "On the set-up screens", "Text size and help"]
    assert groups[-1] == WIDGET_GROUP

    # F1 again brings the same sheet forward rather than opening another.
    window.shortcuts_action.trigger()
    assert len([w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsSheet)]) == 1
    sheet.close()


def test_start_up_loads_no_setup_screen() -> None:
    """The set-up screens and the sheet load when first opened, never before the first paint."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from coprodesk.ui.settings import read_text_size\n"
        "from coprodesk.ui.main_window import MainWindow\n"
        "from coprodesk.ui.palette import apply_look\n"
        "app = QApplication([])\n"
        "apply_look(app, read_text_size() / 100)\n"
        "window = MainWindow()\n"
        "window.show()\n"
        "app.processEvents()\n"
        "late = ('coprodesk.ui.setup', 'coprodesk.ui.shortcuts_sheet', 'coprodesk.ui.private')\n"
        "print(','.join(m for m in sys.modules if m.startswith(late)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.strip() == ""
