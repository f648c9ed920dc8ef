"""Check-out: a question from the bank, "Anyone can pass", and where to find support."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprodesk.core.live import Step
from coprodesk.core.rounds import question_bank
from coprodesk.ui.live.pages.base import StepPage, large_text
from coprodesk.ui.live.pages.rounds import QuestionChoice, QuestionShown, caption
from coprodesk.ui.widgets import heading

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.live.session import LiveSession

NO_SUPPORT_TEXT = (
    "No support details for this series yet. You can add them later in the series' details, "
    "so that everyone knows where to turn after the workshop."
)


class CheckOutPage(StepPage):
    step = Step.CHECK_OUT

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self.choice = QuestionChoice("Check-out question", question_bank().check_out, optional=True)
        self.shown = QuestionShown()
        self.choice.question_changed.connect(self.shown.show_question)
        self.choice.setCurrentIndex(1)
        self.support_heading = heading("Where to find support")
        self.support = large_text()
        self.layout_.addWidget(caption("&Check-out question", self.choice))
        self.layout_.addWidget(self.choice)
        self.layout_.addWidget(self.shown)
        self.layout_.addWidget(self.support_heading)
        self.layout_.addWidget(self.support)
        self.layout_.addStretch()

    def show_view(self, view: LiveView) -> None:
        self.support.setText(view.snapshot.public.support_text or NO_SUPPORT_TEXT)

    def first_focus(self) -> QWidget | None:
        return self.choice
