"""The agenda as a table: each item with planned and actual minutes and its content note."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from coprodesk.core.live import item_timing
from coprodesk.core.workshop import AgendaItemView
from coprodesk.ui.live.timing import minutes_words

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()

HEADERS = ("Item", "Planned", "Actual", "Content note")
ITEM, PLANNED, ACTUAL, NOTE = range(4)


def item_words(item: AgendaItemView) -> str:
    if item.is_break and item.title.casefold() != "break":
        return f"Break: {item.title}"
    return item.title


def actual_words(item: AgendaItemView, running: bool, now: datetime) -> str:
    if item.started_at is None:
        return "Not started"
    timing = item_timing(item, now)
    minutes = int(timing.elapsed / timedelta(minutes=1))
    if running:
        over = minutes - item.planned_minutes
        so_far = f"Running: {minutes_words(minutes)} so far"
        return f"{so_far} ({over} over)" if timing.over and over > 0 else so_far
    taken = round(timing.elapsed / timedelta(minutes=1))
    over = taken - item.planned_minutes
    return f"{minutes_words(taken)} ({over} over)" if over > 0 else minutes_words(taken)


class AgendaModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._items: list[AgendaItemView] = []
        self._running: uuid.UUID | None = None
        self._now = datetime.min
        # Bold for the running item, italic for breaks. Only weight and style are set,
        # so the view's own font (and the text size) supplies the rest.
        self._fonts: dict[tuple[bool, bool], QFont] = {}
        for bold in (False, True):
            for italic in (False, True):
                font = QFont()
                font.setBold(bold)
                font.setItalic(italic)
                self._fonts[(bold, italic)] = font

    def set_agenda(
        self, items: Sequence[AgendaItemView], running: uuid.UUID | None, now: datetime
    ) -> None:
        self.beginResetModel()
        self._items, self._running, self._now = list(items), running, now
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        """Move the clock on; the view hears of it only when the running item's minutes change."""
        row = self.row_of(self._running) if self._running else None
        item = self.item_at(row) if row is not None else None
        before = actual_words(item, True, self._now) if item else ""
        self._now = now
        if row is not None and item is not None and actual_words(item, True, now) != before:
            cell = self.index(row, ACTUAL)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    def item_at(self, row: int) -> AgendaItemView | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: uuid.UUID | None) -> int | None:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        running = item.id == self._running
        if role == Qt.ItemDataRole.FontRole and (running or item.is_break):
            return self._fonts[(running, item.is_break)]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        column = index.column()
        if column == ITEM:
            return item_words(item)
        if column == PLANNED:
            return minutes_words(item.planned_minutes)
        if column == ACTUAL:
            return actual_words(item, running, self._now)
        return item.content_note or (
            "" if role == Qt.ItemDataRole.DisplayRole else "No content note"
        )
