"""Item models for the series list and the workshops of one series.

They hold the frozen summaries that ``coprodesk.core.series.list_series``
returns; nothing here touches the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

if TYPE_CHECKING:
    import uuid
    from datetime import datetime

    from coprodesk.core.summaries import SeriesSummary, WorkshopSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1

# Workshop statuses in plain words (the core's values are "planned", "live", "closed").
STATUS_WORDS = {"planned": "Planned", "live": "Running now", "closed": "Closed"}

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()


def status_words(status: str) -> str:
    return STATUS_WORDS.get(str(status), str(status).capitalize())


def date_words(starts_at: datetime | None) -> str:
    if starts_at is None:
        return "No date yet"
    return f"{starts_at:%a} {starts_at.day} {starts_at:%b %Y}, {starts_at:%H:%M}"


def workshop_count_words(count: int) -> str:
    if count == 0:
        return "no workshops yet"
    return "1 workshop" if count == 1 else f"{count} workshops"


class SeriesListModel(QAbstractListModel):
    """Every series by title; the tooltip and screen reader also hear how many workshops."""

    def __init__(self) -> None:
        super().__init__()
        self._series: list[SeriesSummary] = []

    def set_series(self, series: Sequence[SeriesSummary]) -> None:
        self.beginResetModel()
        self._series = list(series)
        self.endResetModel()

    def series_at(self, row: int) -> SeriesSummary | None:
        return self._series[row] if 0 <= row < len(self._series) else None

    def row_of(self, series_id: uuid.UUID) -> int | None:
        for row, series in enumerate(self._series):
            if series.id == series_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._series)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        series = self.series_at(index.row()) if index.isValid() else None
        if series is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return series.title
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{series.title}, {workshop_count_words(len(series.workshops))}"
        if role == ID_ROLE:
            return series.id
        return None


class WorkshopTableModel(QAbstractTableModel):
    """The workshops of one series: title, date, venue and status in plain words."""

    HEADERS = ("Workshop", "Date", "Venue", "Status")

    def __init__(self) -> None:
        super().__init__()
        self._workshops: list[WorkshopSummary] = []

    def set_workshops(self, workshops: Sequence[WorkshopSummary]) -> None:
        self.beginResetModel()
        self._workshops = list(workshops)
        self.endResetModel()

    def workshop_at(self, row: int) -> WorkshopSummary | None:
        return self._workshops[row] if 0 <= row < len(self._workshops) else None

    def row_of(self, workshop_id: uuid.UUID) -> int | None:
        for row, workshop in enumerate(self._workshops):
            if workshop.id == workshop_id:
                return row
        return None

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._workshops)

    def columnCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        workshop = self.workshop_at(index.row()) if index.isValid() else None
        if workshop is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cell_text(workshop, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            header = self.HEADERS[index.column()]
            return f"{header}: {self._cell_text(workshop, index.column())}"
        if role == ID_ROLE:
            return workshop.id
        return None

    @staticmethod
    def _cell_text(workshop: WorkshopSummary, column: int) -> str:
        if column == 0:
            return workshop.title
        if column == 1:
            return date_words(workshop.starts_at)
        if column == 2:
            return workshop.venue or "No venue yet"
        return status_words(workshop.status)
