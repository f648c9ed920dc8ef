"""The agenda of a workshop as a table, and its timing in words."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from coprodesk.core.workshop import AgendaItemView

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()

HEADERS = ("Starts", "Item", "Minutes", "Break", "Content note")
STARTS, TITLE, MINUTES, BREAK, NOTE = range(len(HEADERS))
DIFFICULT_NOTE = "May touch on difficult experiences."


def duration_words(minutes: int, *, spoken: bool = False) -> str:
    """45 → "45 min", 105 → "1 h 45 min" (spoken: "1 hour 45 minutes")."""
    hours, rest = divmod(minutes, 60)
    if spoken:
        parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
        if rest or not hours:
            parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
        return " ".join(parts)
    parts = [f"{hours} h"] if hours else []
    if rest or not hours:
        parts.append(f"{rest} min")
    return " ".join(parts)


def total_minutes(items: Sequence[AgendaItemView]) -> int:
    return sum(item.planned_minutes for item in items)


def timing_words(starts_at: datetime | None, items: Sequence[AgendaItemView]) -> tuple[str, str]:
    """The planned start, end and length, to show and to speak.

    ("Starts 10:00 · ends 11:45 · 1 h 45 min", "Starts at 10:00, ends at 11:45, …").
    """
    total = total_minutes(items)
    if not items:
        shown = "No agenda items yet"
        if starts_at is not None:
            shown = f"Starts {starts_at:%H:%M} · no agenda items yet"
        return shown, shown.replace(" · ", ", ")
    length, spoken_length = duration_words(total), duration_words(total, spoken=True)
    if starts_at is None:
        return (
            f"No start time yet · {length} planned",
            f"No start time yet, {spoken_length} planned",
        )
    ends = starts_at + timedelta(minutes=total)
    later = ""
    if ends.date() > starts_at.date():
        later = " the next day" if (ends.date() - starts_at.date()).days == 1 else " a later day"
    return (
        f"Starts {starts_at:%H:%M} · ends {ends:%H:%M}{later} · {length}",
        f"Starts at {starts_at:%H:%M}, ends at {ends:%H:%M}{later}, {spoken_length}",
    )


class AgendaModel(QAbstractTableModel):
    """Agenda items in order, each with the time it is planned to start."""

    def __init__(self) -> None:
        super().__init__()
        self._items: list[AgendaItemView] = []
        self._starts_at: datetime | None = None

    @property
    def items(self) -> list[AgendaItemView]:
        return list(self._items)

    def set_items(self, items: Sequence[AgendaItemView]) -> None:
        if [item.id for item in items] == [item.id for item in self._items] and items:
            self._items = list(items)
            self._all_changed()
            return
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def set_start(self, starts_at: datetime | None) -> None:
        self._starts_at = starts_at
        self._all_changed()

    def _all_changed(self) -> None:
        if self._items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, NOTE))

    def item_at(self, row: int) -> AgendaItemView | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: uuid.UUID) -> int | None:
        rows = [row for row, item in enumerate(self._items) if item.id == item_id]
        return rows[0] if rows else None

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        ):
            return HEADERS[section]
        return None

    def _start_of(self, row: int) -> str:
        if self._starts_at is None:
            return ""
        before = total_minutes(self._items[:row])
        return f"{self._starts_at + timedelta(minutes=before):%H:%M}"

    def _text(self, row: int, column: int) -> str:
        item = self._items[row]
        if column == STARTS:
            return self._start_of(row)
        if column == TITLE:
            return item.title
        if column == MINUTES:
            return str(item.planned_minutes)
        if column == BREAK:
            return "Break" if item.is_break else ""
        return item.content_note

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or self.item_at(index.row()) is None:
            return None
        text = self._text(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if index.column() == STARTS and self._starts_at is None:
                text = "no start time yet"
            if index.column() == BREAK:
                return "A break" if text else "Not a break"
            return f"{HEADERS[index.column()]}: {text or 'none'}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == MINUTES:
            return Qt.AlignmentFlag.AlignCenter
        return None
