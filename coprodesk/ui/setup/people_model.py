"""The people in a series as a table: name, initials, consent, and the private role.

The role column exists only while "Show private details" is ticked: until
then the model has no such column and gives no role to any view or screen
reader. Edits are not written here: the model asks for them with
``change_requested`` and the roster screen saves them through the core. A value
the core refuses stays in its cell as typed (marked, with the reason in its
tooltip) until it is corrected or the list is read again.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

if TYPE_CHECKING:
    from coprodesk.core.roster import Person

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()

NAME, INITIALS, ROLE, CONSENT = "name", "initials", "private_role", "reveal_role_consent"
HEADERS = {
    NAME: "Name",
    INITIALS: "Initials",
    ROLE: "Role or organisation",
    CONSENT: "Shares role at the end",
}
CONSENT_WORDS = "Agrees to share their role at the end"
PROBLEM_COLOUR = QColor("#a4262c")


class PeopleModel(QAbstractTableModel):
    """People by name, as ``coprodesk.core.roster.people`` returns them."""

    # Person id, field (NAME, INITIALS, ROLE or CONSENT), and the new value.
    change_requested = Signal(object, str, object)

    def __init__(self) -> None:
        super().__init__()
        self._people: list[Person] = []
        self._show_private = False
        self._refused: dict[tuple[uuid.UUID, str], tuple[str, str]] = {}

    @property
    def columns(self) -> tuple[str, ...]:
        if self._show_private:
            return (NAME, INITIALS, ROLE, CONSENT)
        return (NAME, INITIALS, CONSENT)

    @property
    def show_private(self) -> bool:
        return self._show_private

    def set_show_private(self, show: bool) -> None:
        if show == self._show_private:
            return
        column = 2
        if show:
            self.beginInsertColumns(_NO_PARENT, column, column)
            self._show_private = True
            self.endInsertColumns()
        else:
            self.beginRemoveColumns(_NO_PARENT, column, column)
            self._show_private = False
            self.endRemoveColumns()

    def set_people(self, people: Sequence[Person]) -> None:
        """Show ``people``; values typed and refused are forgotten."""
        self._refused.clear()
        if [p.id for p in people] == [p.id for p in self._people] and people:
            self._people = list(people)
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(people) - 1, self.columnCount() - 1)
            )
            return
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def person_at(self, row: int) -> Person | None:
        return self._people[row] if 0 <= row < len(self._people) else None

    def row_of(self, person_id: uuid.UUID) -> int | None:
        rows = [row for row, person in enumerate(self._people) if person.id == person_id]
        return rows[0] if rows else None

    def column_of(self, field: str) -> int | None:
        return self.columns.index(field) if field in self.columns else None

    def refuse(self, person_id: uuid.UUID, field: str, typed: str, reason: str) -> None:
        """Keep ``typed`` in its cell, marked as not saved because of ``reason``."""
        self._refused[(person_id, field)] = (typed, reason)
        self._changed(person_id, field)

    def _changed(self, person_id: uuid.UUID, field: str) -> None:
        row, column = self.row_of(person_id), self.column_of(field)
        if row is not None and column is not None:
            self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        columns = self.columns
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(columns):
            return None
        field = columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[field]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return CONSENT_WORDS if field == CONSENT else HEADERS[field]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags
        if self.columns[index.column()] == CONSENT:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        person = self.person_at(index.row()) if index.isValid() else None
        if person is None or not 0 <= index.column() < len(self.columns):
            return None
        field = self.columns[index.column()]
        if field == CONSENT:
            return self._consent_data(person, role)
        refused = self._refused.get((person.id, field))
        text = refused[0] if refused else str(getattr(person, field))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            words = text or "none given"
            return f"{HEADERS[field]}: {words}" + (f", not saved: {refused[1]}" if refused else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Not saved: {refused[1]}" if refused else None
        if role == Qt.ItemDataRole.ForegroundRole and refused:
            return PROBLEM_COLOUR
        return None

    @staticmethod
    def _consent_data(person: Person, role: int) -> object:
        agrees = person.reveal_role_consent
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if agrees else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return "Yes" if agrees else "No"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{CONSENT_WORDS}: {'yes' if agrees else 'no'}"
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        person = self.person_at(index.row()) if index.isValid() else None
        if person is None:
            return False
        field = self.columns[index.column()]
        if field == CONSENT and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
            self.change_requested.emit(person.id, CONSENT, checked)
            return True
        if field != CONSENT and role == Qt.ItemDataRole.EditRole:
            text = str(value)
            if text == getattr(person, field) and (person.id, field) not in self._refused:
                return False
            self.change_requested.emit(person.id, field, text)
            return True
        return False
