"""The actions raised in this workshop: what, who (initials only) and by when."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from coprodesk.core.live_view import ActionView
from coprodesk.core.models import ActionStatus

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()

HEADERS = ("Action", "Who", "By when", "Progress")
STATUS_WORDS = {
    ActionStatus.OPEN: "Not started",
    ActionStatus.IN_PROGRESS: "Started",
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Dropped",
}


def action_cells(action: ActionView) -> tuple[str, str, str, str]:
    target = action.target_date
    return (
        action.text,
        ", ".join(action.owner_initials) or "No one yet",
        f"{target.day} {target:%b %Y}" if target else "No date",
        STATUS_WORDS[action.status],
    )


class ActionsModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple[str, str, str, str]] = []

    def set_actions(self, actions: Sequence[ActionView]) -> None:
        self.beginResetModel()
        self._rows = [action_cells(action) for action in actions]
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._rows[index.row()][index.column()]
        return None
