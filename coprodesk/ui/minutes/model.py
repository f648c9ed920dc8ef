"""The minutes as a list model: one row an entry, in the order of the minutes.

The model holds the frozen ``EntryView`` values the core returns; it never
touches the database. Changes arrive one at a time (a new entry, an edit, a
move) and are announced as such (``beginInsertRows`` and friends), so the view
never reloads everything after an Enter.

An agenda item's title is shown above the first entry of each run of entries
recorded under it (``HEADING_ROLE``), so headings need no rows of their own.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from coprodesk.core.minutes import EntryView
from coprodesk.ui.minutes import words

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
HEADING_ROLE = Qt.ItemDataRole.UserRole + 2
META_ROLE = Qt.ItemDataRole.UserRole + 3
TIME_ROLE = Qt.ItemDataRole.UserRole + 4
BODY_ROLE = Qt.ItemDataRole.UserRole + 5
READ_BACK_ROLE = Qt.ItemDataRole.UserRole + 6
# Worked out once: the view asks for every row's flags whenever it lays the list out.
_ENTRY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


class MinutesModel(QAbstractListModel):
    """A workshop's minute entries, with agenda headings between groups."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[EntryView] = []
        self._rows: dict[uuid.UUID, int] = {}
        self._titles: dict[uuid.UUID, str] = {}
        # (heading line, text, read-back words, time) by entry, worked out once an entry.
        self._shown: dict[uuid.UUID, tuple[str, str, str, str]] = {}

    # Reading ----------------------------------------------------------------------------

    def entries(self) -> list[EntryView]:
        return list(self._entries)

    def entry_at(self, row: int) -> EntryView | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, entry_id: uuid.UUID) -> int | None:
        return self._rows.get(entry_id)

    def agenda_titles(self) -> dict[uuid.UUID, str]:
        return dict(self._titles)

    def heading_at(self, row: int) -> str | None:
        """The agenda item title shown above ``row``, or None inside a group."""
        entry = self.entry_at(row)
        if entry is None:
            return None
        before = self.entry_at(row - 1)
        if before is not None and before.agenda_item_id == entry.agenda_item_id:
            return None
        if before is None and entry.agenda_item_id is None:
            return None  # minutes that never had an agenda need no heading
        return words.heading_words(entry.agenda_item_id, self._titles)

    def shown(self, entry: EntryView) -> tuple[str, str, str, str]:
        """The entry's heading line, its text as shown, its read-back words and its time."""
        found = self._shown.get(entry.id)
        if found is None:
            found = (
                words.meta_words(entry),
                words.shown_text(entry),
                words.READ_BACK_WORDS.get(entry.read_back, ""),
                words.time_words(entry.recorded_at),
            )
            self._shown[entry.id] = found
        return found

    def layout_key(self, row: int) -> tuple[str | None, str, str, str]:
        """What decides a row's height: its heading, heading line, text and read-back words."""
        meta, body, read_back, _time = self.shown(self._entries[row])
        return (self.heading_at(row), meta, body, read_back)

    def read_back_count(self) -> int:
        return sum(1 for entry in self._entries if entry.read_back)

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ENTRY_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        entry = self.entry_at(index.row()) if index.isValid() else None
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            meta, body, _read_back, _time = self.shown(entry)
            return f"{meta}: {body}"
        if role == BODY_ROLE:
            return self.shown(entry)[1]
        if role == META_ROLE:
            return self.shown(entry)[0]
        if role == TIME_ROLE:
            return self.shown(entry)[3]
        if role == HEADING_ROLE:
            return self.heading_at(index.row())
        if role == READ_BACK_ROLE:
            return self.shown(entry)[2]
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return words.spoken_words(entry, self.heading_at(index.row()))
        if role == Qt.ItemDataRole.EditRole:
            return words.compose_line(entry)
        if role == ENTRY_ROLE:
            return entry
        return None

    # Changing ---------------------------------------------------------------------------

    def set_entries(
        self, entries: Sequence[EntryView], agenda_titles: dict[uuid.UUID, str] | None = None
    ) -> None:
        """Show these entries (the whole minutes, when they are first read)."""
        self.beginResetModel()
        self._entries = list(entries)
        self._rows = {}
        self._shown = {}
        if agenda_titles is not None:
            self._titles = dict(agenda_titles)
        self._reindex(0)
        self.endResetModel()

    def set_agenda_titles(self, titles: dict[uuid.UUID, str]) -> None:
        if titles == self._titles:
            return
        self._titles = dict(titles)
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1))

    def append(self, entry: EntryView) -> int:
        """Add a new entry at the end; returns its row."""
        return self.insert(len(self._entries), entry)

    def insert(self, row: int, entry: EntryView) -> int:
        row = max(0, min(row, len(self._entries)))
        self.beginInsertRows(_NO_PARENT, row, row)
        self._entries.insert(row, entry)
        self._reindex(row)
        self.endInsertRows()
        self._headings_changed([row + 1])
        return row

    def replace(self, entry: EntryView) -> None:
        """Show the stored state of one entry after an edit or a read-back mark."""
        row = self.row_of(entry.id)
        if row is None:
            return
        self._entries[row] = entry
        self._shown.pop(entry.id, None)
        index = self.index(row)
        self.dataChanged.emit(index, index)
        self._headings_changed([row + 1])

    def remove(self, entry_id: uuid.UUID) -> int | None:
        """Take an entry away; returns the row it had."""
        row = self.row_of(entry_id)
        if row is None:
            return None
        self.beginRemoveRows(_NO_PARENT, row, row)
        del self._entries[row]
        del self._rows[entry_id]
        self._reindex(row)
        self.endRemoveRows()
        self._headings_changed([row])
        return row

    def move(self, entry_id: uuid.UUID, to_row: int) -> None:
        """Move an entry to ``to_row`` (its row once moved)."""
        row = self.row_of(entry_id)
        to_row = max(0, min(to_row, len(self._entries) - 1))
        if row is None or row == to_row:
            return
        # Qt counts the destination before the move: moving down names the row after.
        self.beginMoveRows(_NO_PARENT, row, row, _NO_PARENT, to_row + 1 if to_row > row else to_row)
        entry = self._entries.pop(row)
        self._entries.insert(to_row, entry)
        self._reindex(min(row, to_row))
        self.endMoveRows()
        self._headings_changed({row, row + 1, to_row, to_row + 1})

    def _reindex(self, start: int) -> None:
        for row in range(start, len(self._entries)):
            self._rows[self._entries[row].id] = row

    def _headings_changed(self, rows: Iterable[int]) -> None:
        """Whether a heading shows above a row depends on the row before it."""
        for row in sorted(set(rows)):
            if 0 <= row < len(self._entries):
                index = self.index(row)
                self.dataChanged.emit(index, index)
