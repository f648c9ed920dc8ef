"""Helpers for the minutes tests: a series to take minutes in, and a shown minutes panel.

Everyone here is invented. Will and Sam are on the list on purpose: "will" is
also an ordinary word, and two people are called Sam.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from coprodesk.core import minutes, roster, series, workshop
from coprodesk.core.db import Database
from coprodesk.core.minutes import EntryView
from coprodesk.ui.minutes.panel import MinutesPanel
from coprodesk.ui.tasks import DbRunner, TaskKeeper

PEOPLE = ("Aisha Rahman", "Bashir Haddad", "Mary-Jane O'Neil", "Will Mensah", "Sam Brown")
ITEMS = ("Bus times", "Stops")
WAIT_MS = 10_000


@dataclass
class Built:
    series_id: uuid.UUID
    workshop_id: uuid.UUID
    people: dict[str, uuid.UUID] = field(default_factory=dict)
    items: list[uuid.UUID] = field(default_factory=list)


def build(db: Database, *, second_sam: bool = False, notes: tuple[str, ...] = ()) -> Built:
    """A series with five people (six with ``second_sam``), a workshop with two items."""
    with db.transaction() as session:
        series_id = series.create_series(session, "Bus routes review")
        workshop_id = series.create_workshop(session, series_id, "Routes that work")
        built = Built(series_id, workshop_id)
        for name in (*PEOPLE, "Sam Okafor") if second_sam else PEOPLE:
            built.people[name] = roster.add_person(session, series_id, name)
        built.items = [workshop.add_agenda_item(session, workshop_id, t, 10) for t in ITEMS]
        for text in notes:
            minutes.add_entry(session, workshop_id, text)
    return built


def stored(db: Database, workshop_id: uuid.UUID) -> list[EntryView]:
    with db.reading() as session:
        return minutes.entries(session, workshop_id)


def texts(db: Database, workshop_id: uuid.UUID) -> list[str]:
    return [entry.text for entry in stored(db, workshop_id)]


class PanelOpener:
    """Opens minutes panels on one database worker, as the live window would."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        # Not given to qtbot: pytest-qt deletes its widgets before fixtures end, and the
        # host must outlive the work still in flight when the test finishes.
        self.host = QWidget()
        self.tasks = TaskKeeper(self.host)
        self.runner = DbRunner()
        self.tasks.start(self.runner.open(), "open")
        qtbot.waitUntil(lambda: self.runner.database_path is not None, timeout=WAIT_MS)

    def __enter__(self) -> PanelOpener:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def open(self, built: Built) -> MinutesPanel:
        panel = MinutesPanel(self.runner, self.tasks, built.workshop_id, built.series_id)
        self.qtbot.addWidget(panel)
        panel.resize(800, 600)
        panel.show()
        self.qtbot.waitUntil(lambda: panel.is_loaded, timeout=WAIT_MS)
        panel.focus_entry_line()
        return panel

    def wait_idle(self) -> None:
        self.qtbot.waitUntil(lambda: not self.tasks.busy, timeout=WAIT_MS)

    def close(self) -> None:
        self.wait_idle()
        self.runner.close()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.close()
        self.host.deleteLater()


def type_line(qtbot: QtBot, panel: MinutesPanel, text: str) -> EntryView:
    """Type ``text`` into the entry line, press Enter and wait until it is stored."""
    rows = panel.model.rowCount()
    qtbot.keyClicks(panel.entry_line, text)
    qtbot.keyClick(panel.entry_line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == rows + 1, timeout=WAIT_MS)
    entry = panel.model.entry_at(rows)
    assert entry is not None
    return entry


def choose_row(panel: MinutesPanel, row: int) -> None:
    """Make ``row`` the chosen entry, with the focus in the list."""
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(row))
