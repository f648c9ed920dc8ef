"""Setting up a workshop: title, date and time, venue, purpose and the agenda."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprodesk.ui.palette import GRID
from coprodesk.ui.setup.agenda import AgendaEditor
from coprodesk.ui.setup.fields import Field, TextBox, save_line, save_text
from coprodesk.ui.setup.page import Services, SetupPage, scrolling
from coprodesk.ui.widgets import hint

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from coprodesk.core.workshop import AgendaItemView

# A pause after the date or time changes before it is saved (each typed digit changes it).
DATE_PAUSE_MS = 600
STATUS_NOTES = {
    "live": "This workshop is running now. Changes here show in the live workshop.",
    "closed": "This workshop has closed. Changes here change its record.",
}
VENUE_HINT = "Where it happens, for example: Oak Hall, small room."
PURPOSE_HINT = (
    "In plain English: what this workshop is for. For example: Agree the new opening times."
)
BRING_HINT = (
    "For the briefing pack. For example: Think of one thing that would make the drop-in "
    "feel more welcoming."
)
PRACTICAL_HINT = (
    "For the briefing pack: step-free access, travel expenses, food and drink, quiet room."
)


@dataclass(frozen=True)
class WorkshopDetails:
    title: str
    starts_at: datetime | None
    venue: str
    purpose: str
    status: str
    agenda: list[AgendaItemView]
    bring: str = ""
    practical: str = ""
    series_id: uuid.UUID | None = None
    series_title: str = ""


def read_workshop_details(workshop_id: uuid.UUID) -> Callable[[Session], WorkshopDetails]:
    def read(session: Session) -> WorkshopDetails:
        from coprodesk.core.series import get_workshop
        from coprodesk.core.workshop import agenda

        workshop = get_workshop(session, workshop_id)
        return WorkshopDetails(
            workshop.title,
            workshop.starts_at,
            workshop.venue,
            workshop.purpose,
            str(workshop.status),
            agenda(session, workshop_id),
            workshop.bring_text,
            workshop.practical_notes,
            workshop.series_id,
            workshop.series.title,
        )

    return read


def heading_for(title: str) -> str:
    return f"Set up the workshop: {title}"


def default_start() -> datetime:
    """Ten in the morning a week from today: a start to adjust, not a guess to keep."""
    return datetime.combine(date.today() + timedelta(days=7), time(10, 0))


class WorkshopSetupPage(SetupPage):
    """The set-up screen of one workshop."""

    about_workshop = True

    def __init__(self, services: Services, workshop_id: uuid.UUID) -> None:
        super().__init__(services, "Set up the workshop")
        self.workshop_id = workshop_id
        self._saved_start: datetime | None = None

        body = QWidget()
        self.status_note = hint("")
        self.status_note.hide()
        self.title_edit = QLineEdit()
        self.title_field = Field("Workshop &title", self.title_edit, chars=70)
        self.starts = QDateTimeEdit()
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat("ddd d MMMM yyyy, HH:mm")
        self.starts_field = Field("&Date and time", self.starts)
        self.no_date = QCheckBox("&No date yet")
        self.no_date.setAccessibleName("No date yet")
        self.venue_edit = QLineEdit()
        # "Venue" has no letter: Alt+V opens the View menu.
        self.venue_field = Field("Venue", self.venue_edit, VENUE_HINT, chars=70)
        self.purpose_box = TextBox(lines=3)
        self.purpose_field = Field("&Purpose", self.purpose_box, PURPOSE_HINT, chars=90)
        self.agenda = AgendaEditor(self, workshop_id)
        self.bring_box = TextBox(lines=2)
        self.bring_field = Field(
            "What to &bring or think about", self.bring_box, BRING_HINT, chars=90
        )
        self.practical_box = TextBox(lines=2)
        self.practical_field = Field(
            "P&ractical notes", self.practical_box, PRACTICAL_HINT, chars=90
        )

        layout = QVBoxLayout(body)
        layout.setContentsMargins(GRID, GRID, GRID * 2, GRID * 2)
        layout.setSpacing(GRID * 3)
        layout.addWidget(self.status_note)
        layout.addWidget(self.title_field)
        when = QVBoxLayout()
        when.setSpacing(GRID)
        when.addWidget(self.starts_field)
        when.addWidget(self.no_date)
        layout.addLayout(when)
        for widget in (
            self.venue_field,
            self.purpose_field,
            self.agenda,
            self.bring_field,
            self.practical_field,
        ):
            layout.addWidget(widget)
        self.export_button = QPushButton("E&xport a PDF of this workshop…")
        self.export_button.setAccessibleName("Export a PDF of this workshop")
        self.export_button.setToolTip(
            "Minutes, action slips, the agreement poster or the briefing pack"
        )
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.ask_export)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button)
        export_row.addStretch()
        layout.addLayout(export_row)
        layout.addStretch()
        self.body.addWidget(scrolling(body))
        self._details: WorkshopDetails | None = None

        update = self._update
        self.title_saver = save_line(
            self,
            self.title_field,
            lambda text: update(title=text),
            "workshop.title",
            lists=True,
            saved=lambda text: self.set_title(heading_for(text.strip())),
        )
        self.venue_saver = save_line(
            self, self.venue_field, lambda text: update(venue=text), "workshop.venue", lists=True
        )
        self.purpose_saver = save_text(
            self, self.purpose_field, lambda text: update(purpose=text), "workshop.purpose"
        )
        self.bring_saver = save_text(
            self, self.bring_field, lambda text: update(bring=text), "workshop.bring"
        )
        self.practical_saver = save_text(
            self, self.practical_field, lambda text: update(practical=text), "workshop.practical"
        )
        self._date_pause = QTimer(self, singleShot=True, interval=DATE_PAUSE_MS)
        self._date_pause.timeout.connect(self.save_start)
        self.starts.dateTimeChanged.connect(self._date_pause.start)
        self.starts.editingFinished.connect(self.save_start)
        self.no_date.toggled.connect(self._no_date_toggled)

    def _update(
        self,
        *,
        title: str | None = None,
        venue: str | None = None,
        purpose: str | None = None,
        bring: str | None = None,
        practical: str | None = None,
    ) -> Callable[[Session], None]:
        workshop_id = self.workshop_id

        def change(session: Session) -> None:
            from coprodesk.core.workshop import update_workshop

            update_workshop(
                session,
                workshop_id,
                title=title,
                venue=venue,
                purpose=purpose,
                bring=bring,
                practical=practical,
            )

        return change

    async def load(self) -> None:
        details = await self.services.runner.read(read_workshop_details(self.workshop_id))
        self._details = details
        self.set_title(heading_for(details.title))
        note = STATUS_NOTES.get(details.status, "")
        self.status_note.setText(note)
        self.status_note.setVisible(bool(note))
        self.title_saver.set_text(details.title)
        self.venue_saver.set_text(details.venue)
        self.purpose_saver.set_text(details.purpose)
        self.bring_saver.set_text(details.bring)
        self.practical_saver.set_text(details.practical)
        self._show_start(details.starts_at)
        self.agenda.set_items(details.agenda)
        self.loaded.emit()

    def _show_start(self, starts_at: datetime | None) -> None:
        self._saved_start = starts_at
        for control in (self.starts, self.no_date):
            control.blockSignals(True)
        shown = starts_at or default_start()
        self.starts.setDateTime(
            QDateTime(
                QDate(shown.year, shown.month, shown.day),
                QTime(shown.hour, shown.minute, shown.second),
            )
        )
        self.no_date.setChecked(starts_at is None)
        self.starts.setEnabled(starts_at is not None)
        for control in (self.starts, self.no_date):
            control.blockSignals(False)
        self.agenda.set_start(starts_at)

    def chosen_start(self) -> datetime | None:
        if self.no_date.isChecked():
            return None
        value = self.starts.dateTime().toPython()
        assert isinstance(value, datetime)
        return value.replace(second=0, microsecond=0)

    def save_start(self) -> None:
        """Save the date and time (or "no date yet") if it differs from what is stored."""
        self._date_pause.stop()
        starts_at = self.chosen_start()
        if starts_at == self._saved_start:
            return
        workshop_id = self.workshop_id

        def change(session: Session) -> None:
            from coprodesk.core.workshop import update_workshop

            update_workshop(
                session, workshop_id, starts_at=starts_at, clear_start=starts_at is None
            )

        def saved(_result: None) -> None:
            self._saved_start = starts_at
            self.agenda.set_start(starts_at)

        self.save(change, "workshop.start", field=self.starts_field, lists=True, done=saved)

    def _no_date_toggled(self, no_date: bool) -> None:
        self.starts.setEnabled(not no_date)
        self.save_start()

    async def finish(self) -> bool:
        self.save_start()
        return await super().finish()

    def ask_export(self) -> None:
        """Open the export dialog for this workshop (a coming one suggests its briefing)."""
        from coprodesk.ui.export_dialog import ExportDialog

        details = self._details
        if details is None or details.series_id is None:
            return
        self.export_dialog = ExportDialog(
            self.window(),
            self.services.runner,
            self.services.start,
            series_id=details.series_id,
            series_title=details.series_title,
            workshop_id=self.workshop_id,
            workshop_title=self.title_edit.text().strip() or details.title,
            kind="briefing" if details.status == "planned" else "minutes",
        )
        self.export_dialog.open()

    def focus_first(self) -> None:
        self.title_edit.setFocus()

    def remove_chosen(self) -> None:
        if self.agenda.table.hasFocus():
            self.agenda.delete_item()

    def move_item(self, step: int) -> None:
        self.agenda.move_item(step)
