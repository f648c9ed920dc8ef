"""The line that keeps the current agenda item and its time in view, on every step.

"Bus times · 12:40 · 8 min left"; when an item runs over, the words say so
("3 min over") and the frame turns a calm amber. Nothing flashes or beeps.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from coprodesk.core.workshop import AgendaItemView
from coprodesk.ui.live.look import LARGE, follow_font, has_flag, set_flag
from coprodesk.ui.live.timing import agenda_line
from coprodesk.ui.palette import GRID


class NowBar(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("nowBar")
        self.caption = QLabel("Current item")
        self.line = QLabel("")
        self.line.setWordWrap(True)
        follow_font(self.line, LARGE, bold=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID * 2, GRID, GRID * 2, GRID)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.line)

    def show_time(
        self,
        agenda: Sequence[AgendaItemView],
        running: AgendaItemView | None,
        now: datetime,
        local_now: datetime,
    ) -> None:
        caption, text, over = agenda_line(agenda, running, now, local_now)
        if text == self.line.text() and caption == self.caption.text():
            return
        self.caption.setText(caption)
        self.line.setText(text)
        self.line.setAccessibleName(f"{caption}: {text}")
        set_flag(self, "over", over)

    def over(self) -> bool:
        return has_flag(self, "over")

    def text(self) -> str:
        return self.line.text()
