"""The introductions round as a list: "1. Aisha Rahman — here". Names only, never roles."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from coprodesk.core.attendance import PersonAttendance
from coprodesk.ui.live.round_order import STATUS_WORDS, in_the_room

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()


class RoundModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._people: list[PersonAttendance] = []

    def set_people(self, people: Sequence[PersonAttendance]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def person_at(self, row: int) -> PersonAttendance | None:
        return self._people[row] if 0 <= row < len(self._people) else None

    def row_of(self, participant_id: uuid.UUID) -> int | None:
        for row, person in enumerate(self._people):
            if person.participant_id == participant_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        person = self.person_at(index.row()) if index.isValid() else None
        if person is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            words = STATUS_WORDS[person.status]
            if in_the_room(person):
                return f"{index.row() + 1}. {person.name} — {words}"
            return f"{person.name} — {words}"
        return None
