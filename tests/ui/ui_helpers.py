"""Helpers for the Qt tests: a shown main window with its worker, and open message boxes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from coprodesk.ui.main_window import MainWindow
from coprodesk.ui.tasks import DbRunner, TaskKeeper


class OpenWindow:
    """A shown main window with its worker; ``open()`` locks and loads the data folder."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.window = MainWindow()
        qtbot.addWidget(self.window)
        self.runner = DbRunner()
        self.tasks = TaskKeeper(self.window)
        self.page = self.window.attach(self.runner, self.tasks)
        self.window.show()
        qtbot.waitUntil(lambda: self.window.has_painted)

    def open(self) -> None:
        with self.qtbot.waitSignal(self.window.series_loaded, timeout=10_000):
            self.tasks.start(self.window.open_data(), "open")

    def open_expecting_problem(self) -> str:
        self.tasks.start(self.window.open_data(), "open")
        self.qtbot.waitUntil(lambda: bool(self.window.problem_text()), timeout=10_000)
        return self.window.problem_text()

    def wait_idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.tasks.busy, timeout=10_000)

    def close(self) -> None:
        self.wait_idle()
        self.runner.close()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.close()


def message_boxes() -> list[QMessageBox]:
    """Every message box on screen now."""
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QMessageBox) and widget.isVisible()
    ]
