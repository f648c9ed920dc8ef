"""The page shown when the data folder cannot be opened: what happened, and Quit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import heading, hint


class ProblemPage(QWidget):
    def __init__(self, title: str, quit_app: Callable[[], object]) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID * 3, GRID * 3, GRID * 3, GRID * 3)
        layout.setSpacing(GRID * 2)
        layout.addWidget(heading(title))
        self.message = hint("")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.quit_button = QPushButton("Quit CoproDesk")
        self.quit_button.setAccessibleName("Quit CoproDesk")
        self.quit_button.clicked.connect(quit_app)
        row = QHBoxLayout()
        row.addWidget(self.quit_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addStretch()

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
