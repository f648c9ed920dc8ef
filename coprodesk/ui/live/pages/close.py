"""Close: the optional role reveal, then closing the workshop (and reopening it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel

from coprodesk.core.attendance import RoleReveal
from coprodesk.core.live import Step
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.live.look import LARGE, follow_font, make_primary
from coprodesk.ui.live.pages.base import StepPage, button, large_text
from coprodesk.ui.live.timing import clock_words
from coprodesk.ui.private import PrivateArea
from coprodesk.ui.views import list_view
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.live.session import LiveSession

REVEAL_TEXT = (
    "If you choose, you can share the roles people agreed to share. Only people here today "
    "who said yes are listed."
)
SHOW_ROLES = "Show the roles people agreed to share"
HIDE_ROLES = "Hide the roles"
NO_ROLES_TEXT = "No one here today agreed to share a role."
OPEN_TEXT = (
    "When you have finished, close the workshop. If you close it by mistake, you can reopen it."
)
CLOSED_TEXT = "This workshop was closed at {time}. Reopen it if you need to carry on."


def gate_words(initials: tuple[str, ...]) -> str:
    """Why the workshop cannot close yet, by initials (safe to read out)."""
    if not initials:
        return ""
    who = ", ".join(initials)
    have = "has" if len(initials) == 1 else "have"
    return (
        f"Not yet: {who} {have} no accepted action. Agree a small action with each, "
        "or record a “not this time” with a reason, on the Actions step."
    )


class ClosePage(StepPage):
    step = Step.CLOSE

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self.roles_model = QStringListModel()
        self.reveal_button = button(SHOW_ROLES, SHOW_ROLES)
        self.reveal_button.clicked.connect(self.toggle_roles)
        self.roles = list_view(self.roles_model, "Roles people agreed to share")
        follow_font(self.roles, LARGE)
        self.roles.hide()
        self.no_roles = hint(NO_ROLES_TEXT)
        self.no_roles.hide()
        self.status = hint(OPEN_TEXT)
        self.gate = large_text(bold=True)
        self.gate.setAccessibleName("Before closing")
        self.gate.hide()
        self.to_actions = button("Go to the actions", "Go to the actions")
        self.to_actions.clicked.connect(lambda: self.live.go_to(Step.ACTIONS))
        self.to_actions.hide()
        self.refusal = hint("")
        self.refusal.hide()
        live.refused.connect(self._refused)
        self.close_button = button("&Close the workshop", "Close the workshop")
        make_primary(self.close_button)
        self.close_button.clicked.connect(self.live.close_workshop)
        self.reopen_button = button("&Reopen the workshop", "Reopen the workshop")
        self.reopen_button.clicked.connect(self.live.reopen_workshop)
        self.reopen_button.hide()
        row = FlowLayout()
        row.addWidget(self.close_button)
        row.addWidget(self.reopen_button)
        row.addWidget(self.to_actions)

        self.reveal_area = PrivateArea("Roles never go on the projector.")
        roles_heading = heading("Roles")
        roles_heading.setBuddy(self.roles)
        self.reveal_area.add_widget(roles_heading)
        self.reveal_area.add_widget(hint(REVEAL_TEXT))
        reveal_row = FlowLayout()
        reveal_row.addWidget(self.reveal_button)
        self.reveal_area.contents.addLayout(reveal_row)
        self.reveal_area.add_widget(self.roles, 1)
        self.reveal_area.add_widget(self.no_roles)
        self.layout_.addWidget(self.reveal_area, 1)
        self.layout_.addWidget(heading("Closing"))
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.gate)
        self.layout_.addWidget(self.refusal)
        self.layout_.addLayout(row)
        self.layout_.addStretch()
        live.roles_read.connect(self.show_roles)

    def show_view(self, view: LiveView) -> None:
        closed_at = view.details.closed_at
        if view.closed and closed_at is not None:
            local = self.live.clock.local(closed_at)
            self.status.setText(CLOSED_TEXT.format(time=clock_words(local)))
        else:
            self.status.setText(OPEN_TEXT)
        had_focus = self.close_button.hasFocus() or self.reopen_button.hasFocus()
        waiting = view.coverage.initials_without if not view.closed else ()
        self.gate.setText(gate_words(waiting))
        self.gate.setVisible(bool(waiting))
        self.to_actions.setVisible(bool(waiting))
        self.close_button.setEnabled(not waiting)
        self.refusal.hide()
        self.close_button.setVisible(not view.closed)
        self.reopen_button.setVisible(view.closed)
        if had_focus:  # Focus stays on the button that took the place of the one pressed.
            (self.reopen_button if view.closed else self.close_button).setFocus()

    def _refused(self, message: str) -> None:
        if self.isVisible():
            self.refusal.setText(message)
            self.refusal.show()

    def toggle_roles(self) -> None:
        if self.roles_shown():
            self.hide_roles()
        else:
            self.live.read_roles()

    def roles_shown(self) -> bool:
        return not self.roles.isHidden() or not self.no_roles.isHidden()

    def show_roles(self, roles: list[RoleReveal]) -> None:
        self.roles_model.setStringList([f"{reveal.name}: {reveal.role}" for reveal in roles])
        self.roles.setVisible(bool(roles))
        self.no_roles.setVisible(not roles)
        self._label_reveal(HIDE_ROLES)

    def hide_roles(self) -> None:
        self.roles_model.setStringList([])
        self.roles.hide()
        self.no_roles.hide()
        self._label_reveal(SHOW_ROLES)

    def _label_reveal(self, text: str) -> None:
        self.reveal_button.setText(text)
        self.reveal_button.setAccessibleName(text)

    def left(self) -> None:
        self.hide_roles()

    def first_focus(self) -> QWidget | None:
        return self.reveal_button
