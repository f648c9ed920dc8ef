"""The side panel's "Actions" section: who present still needs an action, by name.

It sits in the side panel's private area ("Only you see this"), so it is in view
on every step, not only on Actions; the projector shows initials at most.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from coprodesk.core.live_view import LiveView
from coprodesk.ui.live.action_words import coverage_names
from coprodesk.ui.widgets import heading


class CoverageNote(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.heading = heading("Actions")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName("Who still needs an action")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)

    def show_view(self, view: LiveView) -> None:
        self.text.setText("\n".join(coverage_names(view.coverage)))
