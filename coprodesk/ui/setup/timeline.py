"""The planned timeline of a series: the dates of the sessions ahead, each maybe labelled."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.palette import GRID
from coprodesk.ui.setup.fields import Field
from coprodesk.ui.setup.page import SetupPage, keep_fitted, plain_button, section
from coprodesk.ui.widgets import hint

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coprodesk.core.workshop import PlannedSessionView

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
NO_DATES_TEXT = "No dates planned yet. Choose a date below and press Add date."


def day_words(day: date) -> str:
    return f"{day:%a} {day.day} {day:%B %Y}"


def planned_words(planned: PlannedSessionView) -> str:
    words = day_words(planned.planned_on)
    return f"{words} — {planned.label}" if planned.label else words


class PlannedDatesModel(QAbstractListModel):
    """The planned dates, earliest first, as the core returns them."""

    def __init__(self) -> None:
        super().__init__()
        self._dates: list[PlannedSessionView] = []

    def set_dates(self, dates: Sequence[PlannedSessionView]) -> None:
        self.beginResetModel()
        self._dates = list(dates)
        self.endResetModel()

    def date_at(self, row: int) -> PlannedSessionView | None:
        return self._dates[row] if 0 <= row < len(self._dates) else None

    def row_of(self, planned_id: uuid.UUID) -> int | None:
        rows = [row for row, each in enumerate(self._dates) if each.id == planned_id]
        return rows[0] if rows else None

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._dates)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        planned = self.date_at(index.row()) if index.isValid() else None
        if planned is not None and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return planned_words(planned)
        return None


class TimelinePanel(QWidget):
    """Lists the planned dates and adds or removes them, each change saved at once."""

    def __init__(self, page: SetupPage, series_id: uuid.UUID) -> None:
        super().__init__()
        self._page = page
        self._series_id = series_id
        self.model = PlannedDatesModel()

        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setAccessibleName("Planned dates")
        self.view.setAccessibleDescription("The dates of the sessions ahead, earliest first")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.addAction(page.services.actions.remove)
        keep_fitted(self.view, most=8)
        self.heading = section("Planned dates", self.view)
        self.explanation = hint(
            "The dates of the sessions ahead, so everyone knows what is coming. "
            "A label is optional, for example: Design day."
        )
        self.empty = hint(NO_DATES_TEXT)

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMMM yyyy")
        week_on = date.today() + timedelta(days=7)
        self.date_edit.setDate(QDate(week_on.year, week_on.month, week_on.day))
        self.date_field = Field("&Date", self.date_edit)
        self.label_edit = QLineEdit()
        self.label_field = Field("&Label (optional)", self.label_edit, chars=50)
        self.label_edit.returnPressed.connect(self.add_date)

        self.add_button = plain_button("&Add date", self.add_date, primary=True)
        self.remove_button = plain_button("&Remove date", self.remove_date)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID)
        for widget in (self.heading, self.explanation, self.view, self.empty):
            layout.addWidget(widget)
        layout.addWidget(self.date_field)
        layout.addWidget(self.label_field)
        buttons = FlowLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)

    def set_dates(
        self, dates: Sequence[PlannedSessionView], select: uuid.UUID | None = None
    ) -> None:
        self.model.set_dates(dates)
        has_dates = bool(dates)
        self.view.setVisible(has_dates)
        self.empty.setVisible(not has_dates)
        row = self.model.row_of(select) if select is not None else None
        if row is None and has_dates:
            row = 0
        if row is not None:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.view.currentIndex().isValid())

    def chosen(self) -> PlannedSessionView | None:
        index = self.view.currentIndex()
        return self.model.date_at(index.row()) if index.isValid() else None

    def add_date(self) -> None:
        from coprodesk.core.workshop import add_planned_session, planned_sessions

        series_id = self._series_id
        day = self.date_edit.date().toPython()
        assert isinstance(day, date)
        label = self.label_edit.text()

        def add(session: Session) -> tuple[uuid.UUID, list[PlannedSessionView]]:
            added = add_planned_session(session, series_id, day, label)
            return added, planned_sessions(session, series_id)

        def added(result: tuple[uuid.UUID, list[PlannedSessionView]]) -> None:
            new_id, dates = result
            self.label_edit.clear()
            self.set_dates(dates, select=new_id)

        self._page.save(add, "series.date.add", field=self.label_field, done=added)

    def remove_date(self) -> None:
        from coprodesk.core.undo import remove_planned_session_undoably, restore_planned_session
        from coprodesk.core.workshop import planned_sessions

        planned = self.chosen()
        if planned is None:
            return
        series_id = self._series_id
        self._page.remove_with_undo(
            "series.date.remove",
            lambda session: remove_planned_session_undoably(session, planned.id),
            restore_planned_session,
            lambda session: planned_sessions(session, series_id),
            self._show_after_removal,
            lambda _removed: f"Removed the date {planned_words(planned)}.",
        )

    def _show_after_removal(self, dates: list[PlannedSessionView]) -> None:
        had_focus = self.view.hasFocus()
        self.set_dates(dates)
        if had_focus and not dates:
            self.date_edit.setFocus()
