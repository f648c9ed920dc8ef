"""The minutes of one workshop in a window of their own, for tidying them afterwards.

The same panel as in the live window, with the workshop's title above it and
its commands in menus, so that coordinators can correct, reorder, delete and
read back entries after the workshop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from coprodesk.ui.minutes.panel import MinutesPanel
from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import heading

if TYPE_CHECKING:
    import uuid

    from coprodesk.ui.tasks import DbRunner, TaskKeeper

WINDOW_TITLE = "Minutes — CoproDesk"


class MinutesWindow(QMainWindow):
    """One workshop's minutes. ``closed`` tells whoever opened it to refresh."""

    closed = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        runner: DbRunner,
        tasks: TaskKeeper,
        workshop_id: uuid.UUID,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(WINDOW_TITLE)
        self.setAccessibleName("Minutes")
        self.resize(GRID * 110, GRID * 85)
        self.workshop_id = workshop_id
        self.title = heading("Minutes")
        self.panel = MinutesPanel(runner, tasks, workshop_id, None)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(GRID * 2, GRID * 2, GRID * 2, GRID)
        layout.setSpacing(GRID)
        layout.addWidget(self.title)
        layout.addWidget(self.panel, 1)
        self.setCentralWidget(central)
        self._make_menus()
        self.panel.loaded.connect(self._show_title)
        self.panel.entries_changed.connect(lambda: self.statusBar().showMessage("Saved.", 4000))

    def _make_menus(self) -> None:
        panel = self.panel
        minutes = self.menuBar().addMenu("&Minutes")
        minutes.addAction(panel.read_back_action)
        for action in (panel.make_action_action, panel.point_raised_action):
            if action is not None:
                minutes.addAction(action)
        minutes.addSeparator()
        self.close_action = QAction("&Close the minutes", self)
        self.close_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Close))
        self.close_action.triggered.connect(self.close)
        minutes.addAction(self.close_action)
        edit = self.menuBar().addMenu("&Edit")
        for action in (panel.undo_action, panel.redo_action):
            edit.addAction(action)
        edit.addSeparator()
        for action in panel.list_actions:
            edit.addAction(action)
        edit.addSeparator()
        for action in panel.kind_actions.values():
            edit.addAction(action)

    def _show_title(self) -> None:
        title = self.panel.workshop_title
        self.title.setText(f"Minutes of {title}")
        self.setWindowTitle(f"Minutes: {title} — CoproDesk")

    def closeEvent(self, event: object) -> None:
        self.closed.emit()
        super().closeEvent(event)  # type: ignore[arg-type]
