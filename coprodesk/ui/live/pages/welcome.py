"""Welcome: what this workshop is for, when and where."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout

from coprodesk.core.live import Step
from coprodesk.ui.live.pages.base import StepPage, large_text
from coprodesk.ui.live.timing import when_words
from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.live.session import LiveSession

NO_PURPOSE_TEXT = "No purpose written yet. You can add one in the workshop's details later."
NEXT_TEXT = "When everyone is settled, go on to Introductions (Ctrl+Page Down)."


class WelcomePage(StepPage):
    step = Step.WELCOME

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self.workshop_title = large_text(bold=True)
        self.series_title = hint("")
        self.when = hint("")
        self.where = hint("")
        facts = QFormLayout()
        facts.setHorizontalSpacing(GRID * 2)
        facts.setVerticalSpacing(GRID)
        facts.addRow(heading("When"), self.when)
        facts.addRow(heading("Where"), self.where)
        self.purpose_heading = heading("What this workshop is for")
        self.purpose = large_text()
        for widget in (self.workshop_title, self.series_title):
            self.layout_.addWidget(widget)
        self.layout_.addLayout(facts)
        self.layout_.addWidget(self.purpose_heading)
        self.layout_.addWidget(self.purpose)
        self.layout_.addWidget(hint(NEXT_TEXT))
        self.layout_.addStretch()

    def show_view(self, view: LiveView) -> None:
        details = view.details
        self.workshop_title.setText(details.title)
        self.series_title.setText(f"Part of {details.series_title}")
        self.when.setText(when_words(details.starts_at, details.ends_at))
        self.where.setText(details.venue or "No place set")
        if details.purpose:
            self.purpose_heading.setText("What this workshop is for")
            self.purpose.setText(details.purpose)
        elif details.series_purpose:
            self.purpose_heading.setText("What the series is for")
            self.purpose.setText(details.series_purpose)
        else:
            self.purpose_heading.setText("What this workshop is for")
            self.purpose.setText(NO_PURPOSE_TEXT)
