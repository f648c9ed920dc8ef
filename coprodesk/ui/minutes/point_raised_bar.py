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
from PySide6.QtWidgets import QComboBox, QLabel

from coprodesk.core import agreements
from coprodesk.core.errors import UserFacingError
from coprodesk.ui.minutes import inline_bar
from coprodesk.ui.minutes.inline_bar import InlineBar
from coprodesk.ui.widgets import hint

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


class PointRaisedBar(InlineBar):
    """The inline bar; ``recorded(number)`` once the point is in the minutes."""

    recorded = Signal(int)

    def __init__(self, panel: MinutesPanel) -> None:
        self.point = QComboBox()
        self.point.setAccessibleName("Agreement point")
        self.point.view().setAccessibleName("The agreement's points")
        self.point.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.point.setMinimumContentsLength(20)
        caption = QLabel("Which point")
        caption.setBuddy(self.point)
        super().__init__(
            panel,
            name="Record an agreement point raised",
            title="Agreement point raised",
            body=[hint(ABOUT_TEXT), caption, self.point],
            go=("Record point raised", "Record the agreement point raised"),
            close=("Close without recording", "Close without recording a point"),
        )
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            made = QAction("Record the point chosen", self)
            made.setShortcut(QKeySequence(key))
            made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.triggered.connect(self.submit)
            self.addAction(made)

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
        self.go_button.setEnabled(bool(statements))
        self.say(NO_AGREEMENT_TEXT if not statements else "")
        self.show()
        (self.point if statements else self.cancel_button).setFocus()

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
            self.say(f"Not recorded. {error}")
            return
        self.close_bar()
        self.panel.notice.show_notice(f"Point {number} raised: in the minutes, with no name.")
        self.panel.reload()
        self.panel.entries_changed.emit()
        self.recorded.emit(number)


def attach(panel: MinutesPanel) -> PointRaisedBar:
    """Add the bar above the panel's entry line, and its shortcut to the panel."""
    bar = PointRaisedBar(panel)
    panel.point_raised_action = inline_bar.attach(bar, ACTION_TEXT, SHORTCUT, bar.open_bar)
    return bar
