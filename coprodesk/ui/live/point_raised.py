"""Recording "agreement point N raised" during the workshop, from the side panel.

Anyone can say that a point of the group agreement is not being kept. The
facilitator records it by number (Ctrl+G puts the keyboard here): the minutes
say "Agreement point N raised" with the statement's words, and never who raised it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from coprodesk.core import agreements
from coprodesk.core.errors import UserFacingError
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.live.pages.base import button
from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.live.session import LiveSession

ABOUT_TEXT = "A point of the agreement not being kept? The minutes never say who raised it."
NO_AGREEMENT_TEXT = "There is no agreement yet to raise a point from."


class PointRaised(QWidget):
    recorded = Signal(int)  # the point's number, once it is in the minutes

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live
        self.number = QSpinBox()
        self.number.setAccessibleName("Agreement point number")
        self.number.setMinimum(1)
        for inner in self.number.findChildren(QLineEdit):  # Its own line edit takes the focus.
            inner.setAccessibleName("Agreement point number")
        label = QLabel("Point")
        label.setBuddy(self.number)
        self.record_button = button("Record point raised", "Record agreement point raised")
        self.record_button.setToolTip("Ctrl+G puts the keyboard on the point number")
        self.record_button.clicked.connect(self.record)
        self.status = hint("")
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID)
        row = QWidget()
        line = FlowLayout(row)  # the number and the button on one line while they fit
        for part in (label, self.number, self.record_button):
            line.addWidget(part)
        for widget in (heading("Agreement point raised"), hint(ABOUT_TEXT), row, self.status):
            layout.addWidget(widget)
        self._count = 0

    def show_view(self, view: LiveView) -> None:
        self._count = len(view.snapshot.public.agreement)
        usable = self._count > 0 and not view.closed
        self.number.setMaximum(max(1, self._count))
        self.number.setEnabled(usable)
        self.record_button.setEnabled(usable)
        if not self._count:
            self._say(NO_AGREEMENT_TEXT)
        elif self.status.text() == NO_AGREEMENT_TEXT:
            self.status.hide()

    def take_focus(self) -> None:
        self.number.setFocus()
        self.number.selectAll()

    def record(self) -> None:
        self.live.tasks.start(self._record(self.number.value()), "agreement point raised")

    async def _record(self, number: int) -> None:
        workshop_id = self.live.workshop_id
        try:
            await self.live.runner.run(
                lambda session: agreements.raise_point(session, workshop_id, number)
            )
        except UserFacingError as error:
            if shiboken6.isValid(self):
                self._say(str(error))
            return
        if shiboken6.isValid(self):
            self._say(f"Point {number} raised: in the minutes, with no name.")
            self.live.saved.emit()
            self.recorded.emit(number)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
