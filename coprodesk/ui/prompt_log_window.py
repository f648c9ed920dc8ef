"""The prompt log of one workshop, for the facilitator's reflection afterwards.

Which prompts came up, when, and what the facilitator did with each; they can
add a note of their own. It is private: never part of the minutes or the
projector.
"""

from __future__ import annotations

import uuid
from datetime import UTC
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coprodesk.core import prompts
from coprodesk.core.errors import UserFacingError
from coprodesk.core.models import PromptOutcome
from coprodesk.core.prompt_library import Customisations, Library, build_library, load_library
from coprodesk.ui.palette import GRID
from coprodesk.ui.private import PrivateArea
from coprodesk.ui.widgets import heading

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coprodesk.ui.tasks import DbRunner, TaskKeeper

NOTE_COLUMN = 3
HEADERS = ("Shown at", "Prompt", "What you did", "Your note")


def log_summary(lines: list[prompts.LogLine]) -> str:
    if not lines:
        return "No prompts were shown in this workshop."
    counts = dict.fromkeys(PromptOutcome, 0)
    for line in lines:
        counts[line.outcome] += 1
    shown = len(lines)
    return (
        f"{shown} prompt{'' if shown == 1 else 's'} shown: "
        f"{counts[PromptOutcome.ACTED_ON]} acted on, "
        f"{counts[PromptOutcome.DISMISSED]} dismissed, "
        f"{counts[PromptOutcome.SHOWN]} with no answer."
    )


class PromptLogWindow(QMainWindow):
    def __init__(
        self,
        parent: QWidget | None,
        runner: DbRunner,
        tasks: TaskKeeper,
        workshop_id: uuid.UUID,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Prompt log — CoproDesk")
        self.setAccessibleName("Prompt log")
        self.resize(GRID * 110, GRID * 70)
        self._runner = runner
        self._tasks = tasks
        self.workshop_id = workshop_id
        self.lines: list[prompts.LogLine] = []
        self._filling = False
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(GRID * 2, GRID * 2, GRID * 2, GRID)
        layout.addWidget(heading("Prompt log"))
        area = PrivateArea("Never part of the minutes, the projector or an export of minutes.")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        area.add_widget(self.summary)
        table_label = QLabel(
            "Prompts in the order they were shown (type a note in the last column)"
        )
        table_label.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setAccessibleName("Prompt log")
        table_label.setBuddy(self.table)
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        header = self.table.horizontalHeader()
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
            )
        ):
            header.setSectionResizeMode(column, mode)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.itemChanged.connect(self._note_changed)
        area.add_widget(table_label)
        area.add_widget(self.table, 1)
        layout.addWidget(area, 1)
        self.setCentralWidget(central)
        self.reload()

    def reload(self) -> None:
        self._tasks.start(self._reload(), "prompt log read")

    async def _reload(self) -> None:
        try:
            library = await self._runner.call(load_library)
        except UserFacingError:
            library = build_library(Customisations())
        workshop_id = self.workshop_id

        def read(session: Session) -> list[prompts.LogLine]:
            return prompts.prompt_log(session, workshop_id, library)

        lines = await self._runner.read(read)
        if shiboken6.isValid(self):
            self.show_lines(lines, library)

    def show_lines(self, lines: list[prompts.LogLine], _library: Library | None = None) -> None:
        self.lines = lines
        self._filling = True
        self.summary.setText(log_summary(lines))
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            cells = (
                line.shown_at.replace(tzinfo=UTC).astimezone().strftime("%H:%M"),
                line.text,
                prompts.OUTCOME_WORDS[line.outcome],
                line.note,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != NOTE_COLUMN:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self._filling = False

    def _note_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != NOTE_COLUMN:
            return
        log_id, note = self.lines[item.row()].id, item.text()
        self._tasks.start(
            self._runner.run(lambda session: prompts.note_prompt(session, log_id, note)),
            "prompt note",
        )
        self.statusBar().showMessage("Saved.", 4000)
