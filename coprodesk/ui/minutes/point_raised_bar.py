"""Recording "agreement point N raised" from the minutes, inline (Ctrl+G).

The minute-taker hears someone say a point of the group agreement is not being
kept: a bar opens above the entry line with the agreement's statements to
choose from; Enter records it (in the minutes by number, never who raised it),
Escape closes the bar. As with the live window's side panel, the words come from
``coprodesk.core.agreements.raise_point``.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QPushButton, QVBoxLayout

from coprodesk.core import agreements
from coprodesk.core.errors import UserFacingError
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coprodesk.ui.minutes.panel import MinutesPanel

SHORTCUT = "Ctrl+G"
ACTION_TEXT = "Record an agreement point raised"
ABOUT_TEXT = (
    "Someone feels a point of the agreement is not being kept? Choose it. The minutes show its "
    "number and words, never who raised it."
)
NO_AGREEMENT_TEXT = "This series has no group agreement yet, so there is no point to raise."


class PointRaisedBar(QFrame):
    """The inline bar; ``recorded(number)`` once the point is in the minutes."""

    recorded = Signal(int)

    def __init__(self, panel: MinutesPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.setAccessibleName("Record an agreement point raised")
        self.point = QComboBox()
        self.point.setAccessibleName("Agreement point")
        self.point.view().setAccessibleName("The agreement's points")
        self.point.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.point.setMinimumContentsLength(20)
        caption = QLabel("Which point")
        caption.setBuddy(self.point)
        self.problem = hint("")
        self.problem.setProperty("role", "problem")
        self.problem.hide()
        self.record_button = QPushButton("Record point raised")
        self.record_button.setAccessibleName("Record the agreement point raised")
        self.record_button.setAutoDefault(False)
        self.record_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton("Close without recording")
        self.cancel_button.setAccessibleName("Close without recording a point")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.close_bar)
        row = FlowLayout()
        row.addWidget(self.record_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID, GRID, GRID, GRID)
        for widget in (heading("Agreement point raised"), hint(ABOUT_TEXT), caption, self.point):
            layout.addWidget(widget)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        for text, key, slot in (
            ("Record the point chosen", Qt.Key.Key_Return, self.submit),
            ("Record the point chosen", Qt.Key.Key_Enter, self.submit),
            ("Close the point bar", Qt.Key.Key_Escape, self.close_bar),
        ):
            made = QAction(text, self)
            made.setShortcut(QKeySequence(key))
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.triggered.connect(slot)
            self.addAction(made)
        self.hide()

    def open_bar(self) -> None:
        """Read the agreement as it stands now, then show it to choose from."""
        panel = self.panel
        if panel.read_back_active() or not panel.is_loaded or panel.series_id is None:
            return
        series_id = panel.series_id
        panel._tasks.start(self._open(series_id), "agreement point bar")

    async def _open(self, series_id: uuid.UUID) -> None:
        from coprodesk.core.live import latest_agreement

        statements = await self.panel._runner.read(
            lambda session: latest_agreement(session, series_id)
        )
        self.point.clear()
        for number, text in enumerate(statements, start=1):
            self.point.addItem(f"{number}. {text}", number)
        self.point.setEnabled(bool(statements))
        self.record_button.setEnabled(bool(statements))
        self._say(NO_AGREEMENT_TEXT if not statements else "")
        self.show()
        (self.point if statements else self.cancel_button).setFocus()

    def close_bar(self) -> None:
        self.hide()
        self.panel.focus_entry_line()

    def submit(self) -> None:
        number = self.point.currentData()
        if not self.isVisible() or not isinstance(number, int):
            return
        self.panel._tasks.start(self._record(number), "agreement point raised")

    async def _record(self, number: int) -> None:
        workshop_id = self.panel.workshop_id

        def write(session: Session) -> None:
            agreements.raise_point(session, workshop_id, number)

        try:
            await self.panel._runner.run(write)
        except UserFacingError as error:
            self._say(f"Not recorded. {error}")
            return
        self.close_bar()
        self.panel.notice.show_notice(f"Point {number} raised: in the minutes, with no name.")
        self.panel.reload()
        self.panel.entries_changed.emit()
        self.recorded.emit(number)

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))


def attach(panel: MinutesPanel) -> PointRaisedBar:
    """Add the bar above the panel's entry line, and its shortcut to the panel."""
    bar = PointRaisedBar(panel)
    layout = panel.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(layout.indexOf(panel.entry_bar), bar)
    made = QAction(ACTION_TEXT, panel)
    made.setShortcut(QKeySequence(SHORTCUT))
    made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    made.setProperty("shortcut_group", "Taking the minutes")
    made.triggered.connect(bar.open_bar)
    panel.addAction(made)
    panel.point_raised_action = made
    return bar
