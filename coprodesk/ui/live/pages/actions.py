"""Actions: the actions raised in this workshop, read-only, owners by initials."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprodesk.core.live import Step
from coprodesk.ui.live.actions_model import ActionsModel
from coprodesk.ui.live.pages.base import StepPage
from coprodesk.ui.live.views import Fit, Stretch, table_view
from coprodesk.ui.widgets import hint

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.live.session import LiveSession

INTRO_TEXT = "Actions raised in this workshop, with who will do them and by when."
EMPTY_TEXT = (
    "No actions yet. Actions are recorded with the minutes; each one shows here "
    "with who will do it and by when."
)


class ActionsPage(StepPage):
    step = Step.ACTIONS

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self.model = ActionsModel()
        self.intro = hint(INTRO_TEXT)
        self.table = table_view(
            self.model,
            "Actions from this workshop",
            "Each action with its owners' initials, target date and progress",
            (Stretch, Fit, Fit, Fit),
        )
        self.title.setBuddy(self.table)
        self.empty = hint(EMPTY_TEXT)
        self.layout_.addWidget(self.intro)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addWidget(self.empty)

    def show_view(self, view: LiveView) -> None:
        self.model.set_actions(view.actions)
        has_actions = bool(view.actions)
        self.intro.setVisible(has_actions)
        self.table.setVisible(has_actions)
        self.empty.setVisible(not has_actions)

    def first_focus(self) -> QWidget | None:
        return self.table if self.table.isVisible() else None
