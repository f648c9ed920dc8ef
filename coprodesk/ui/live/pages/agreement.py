"""What we agreed: the series' latest group agreement, large and readable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel

from coprodesk.core.live import Step
from coprodesk.ui.live.look import LARGE, follow_font
from coprodesk.ui.live.pages.base import StepPage
from coprodesk.ui.live.views import list_view
from coprodesk.ui.widgets import hint

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.live.session import LiveSession

INTRO_TEXT = "Read these together. They are also on the projector."
EMPTY_TEXT = (
    "No group agreement yet. When the group has agreed how to work together, add the "
    "statements to the series; they will show here and on the projector."
)


class AgreementPage(StepPage):
    step = Step.AGREEMENT

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self.model = QStringListModel()
        self.intro = hint(INTRO_TEXT)
        self.statements = list_view(self.model, "What we agreed", "The group agreement, numbered")
        self.statements.setSpacing(4)
        follow_font(self.statements, LARGE)
        self.title.setBuddy(self.statements)
        self.empty = hint(EMPTY_TEXT)
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.statements, 1)
        self.layout_.addWidget(self.empty)
        self.layout_.addStretch(0)

    def show_view(self, view: LiveView) -> None:
        statements = view.snapshot.public.agreement
        self.model.setStringList(
            [f"{number}. {text}" for number, text in enumerate(statements, start=1)]
        )
        self.statements.setVisible(bool(statements))
        self.intro.setVisible(bool(statements))
        self.empty.setVisible(not statements)

    def first_focus(self) -> QWidget | None:
        return self.statements if self.statements.isVisible() else None
