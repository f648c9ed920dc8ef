"""Table models for the actions board and the action review (initials only)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coprodesk.core.actions import ActionDetail, ReviewItem
from coprodesk.ui.live.action_words import STATUS_WORDS, date_words, owners_words, review_row

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()

HEADERS = ("Action", "Who", "Support buddy", "By when", "Progress")
REVIEW_HEADERS = ("Action", "Who", "Update", "What came of it")


def action_cells(action: ActionDetail) -> tuple[str, ...]:
    return (
        action.text,
        owners_words(action),
        action.buddy_initials or "None",
        date_words(action.target_date),
        STATUS_WORDS[action.status],
    )


class _Table(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[str, ...]] = []

    def _set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._rows[index.row()][index.column()]
        return None


class ActionsModel(_Table):
    headers = HEADERS

    def __init__(self) -> None:
        super().__init__()
        self.actions: tuple[ActionDetail, ...] = ()

    def set_actions(self, actions: Sequence[ActionDetail]) -> None:
        self.actions = tuple(actions)
        self._set_rows([action_cells(action) for action in actions])


class ReviewModel(_Table):
    headers = REVIEW_HEADERS

    def __init__(self) -> None:
        super().__init__()
        self.items: tuple[ReviewItem, ...] = ()

    def set_items(self, items: Sequence[ReviewItem]) -> None:
        self.items = tuple(items)
        self._set_rows([review_row(item) for item in items])
