"""Setting up a series: its title, purpose, planned dates, support, and its people.

Two tabs: "About the series" (title, purpose, planned dates, where to find
support afterwards) and "People" (the roster). Every field is saved as soon
as the facilitator is done with it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QTabWidget, QVBoxLayout, QWidget

from coprodesk.ui.palette import GRID
from coprodesk.ui.setup.fields import Field, TextBox, save_line, save_text
from coprodesk.ui.setup.page import Services, SetupPage, scrolling
from coprodesk.ui.setup.roster import RosterPanel
from coprodesk.ui.setup.timeline import TimelinePanel

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from coprodesk.core.roster import Person
    from coprodesk.core.workshop import PlannedSessionView

PURPOSE_HINT = (
    "In plain English: why this series is happening and what could change because of it. "
    "For example: Decide together how the drop-in welcomes people."
)
SUPPORT_HINT = (
    "Shown at the close of every workshop. Who people can talk to afterwards, with "
    "phone numbers and opening times, in case something brought up feelings."
)


@dataclass(frozen=True)
class SeriesDetails:
    title: str
    purpose: str
    support_text: str
    dates: list[PlannedSessionView]
    people: list[Person]


def read_series_details(series_id: uuid.UUID) -> Callable[[Session], SeriesDetails]:
    def read(session: Session) -> SeriesDetails:
        from coprodesk.core.roster import people
        from coprodesk.core.series import get_series
        from coprodesk.core.workshop import planned_sessions

        series = get_series(session, series_id)
        return SeriesDetails(
            series.title,
            series.purpose,
            series.support_text,
            planned_sessions(session, series_id),
            people(session, series_id),
        )

    return read


def heading_for(title: str) -> str:
    return f"Set up the series: {title}"


class SeriesSetupPage(SetupPage):
    """The set-up screen of one series."""

    def __init__(self, services: Services, series_id: uuid.UUID, *, people: bool = False) -> None:
        super().__init__(services, "Set up the series")
        self.series_id = series_id
        self._start_on_people = people

        about = QWidget()
        self.title_edit = QLineEdit()
        self.title_field = Field("Series &title", self.title_edit, chars=70)
        self.purpose_box = TextBox(lines=4)
        self.purpose_field = Field("&Purpose", self.purpose_box, PURPOSE_HINT, chars=90)
        self.timeline = TimelinePanel(self, series_id)
        self.support_box = TextBox(lines=5)
        self.support_field = Field(
            "Where to find supp&ort afterwards", self.support_box, SUPPORT_HINT, chars=90
        )
        about_layout = QVBoxLayout(about)
        about_layout.setContentsMargins(GRID, GRID * 2, GRID * 2, GRID * 2)
        about_layout.setSpacing(GRID * 3)
        for widget in (self.title_field, self.purpose_field, self.timeline, self.support_field):
            about_layout.addWidget(widget)
        about_layout.addStretch()

        self.roster = RosterPanel(self, series_id)
        people_page = QWidget()
        people_layout = QVBoxLayout(people_page)
        people_layout.setContentsMargins(GRID, GRID * 2, GRID * 2, GRID * 2)
        people_layout.addWidget(self.roster)
        people_layout.addStretch()

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Series set-up")
        self.tabs.tabBar().setAccessibleName("Parts of the series set-up")
        self.tabs.setDocumentMode(True)
        # No letters on the tabs: Ctrl+Tab moves between them, and their letters are
        # taken by the buttons (Alt+A adds) and the menus.
        self.tabs.addTab(scrolling(about), "About the series")
        self.tabs.addTab(scrolling(people_page), "People")
        self.body.addWidget(self.tabs)

        update = self._update
        self.title_saver = save_line(
            self,
            self.title_field,
            lambda text: update(title=text),
            "series.title",
            lists=True,
            saved=lambda text: self.set_title(heading_for(text.strip())),
        )
        self.purpose_saver = save_text(
            self, self.purpose_field, lambda text: update(purpose=text), "series.purpose"
        )
        self.support_saver = save_text(
            self, self.support_field, lambda text: update(support_text=text), "series.support"
        )

    def _update(self, **details: str) -> Callable[[Session], None]:
        series_id = self.series_id

        def change(session: Session) -> None:
            from coprodesk.core.workshop import update_series

            update_series(session, series_id, **details)

        return change

    async def load(self) -> None:
        details = await self.services.runner.read(read_series_details(self.series_id))
        self.set_title(heading_for(details.title))
        self.title_saver.set_text(details.title)
        self.purpose_saver.set_text(details.purpose)
        self.support_saver.set_text(details.support_text)
        self.timeline.set_dates(details.dates)
        self.roster.set_people(details.people)
        if self._start_on_people:
            self.tabs.setCurrentIndex(1)
        self.loaded.emit()

    def focus_first(self) -> None:
        if self.tabs.currentIndex() == 1:
            self.roster.name_edit.setFocus()
        else:
            self.title_edit.setFocus()

    def remove_chosen(self) -> None:
        if self.roster.table.hasFocus():
            self.roster.remove_person()
        elif self.timeline.view.hasFocus():
            self.timeline.remove_date()
