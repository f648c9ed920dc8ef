"""Making a minute entry into an action, inline in the minutes panel (Ctrl+Shift+A).

A bar opens above the entry line with the entry's text and its speakers as
owners, both ready to change; Enter adds the action (saved at once, the text
through the name guard), Escape closes the bar. Nothing here is a dialog, and
problems are said in the bar, so a meeting never stops for it.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from coprodesk.core import actions
from coprodesk.core.errors import UserFacingError
from coprodesk.ui.live.action_words import initials_list
from coprodesk.ui.minutes import inline_bar
from coprodesk.ui.minutes.inline_bar import InlineBar

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coprodesk.ui.minutes.panel import MinutesPanel

SHORTCUT = "Ctrl+Shift+A"
ACTION_TEXT = "Make the chosen entry an action"


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    return edit


class ActionFromEntryBar(InlineBar):
    """The inline bar; ``added(text)`` after an action was saved."""

    added = Signal(str)

    def __init__(self, panel: MinutesPanel) -> None:
        self.entry_id: uuid.UUID | None = None
        self.text = _line("What will be done")
        self.owners = _line("Who will do it (initials)")
        self.owners.setPlaceholderText("Initials, such as AR, MJO")
        form = QFormLayout()
        for label, field in (("What will be done", self.text), ("Who will do it", self.owners)):
            caption = QLabel(label)
            caption.setBuddy(field)
            form.addRow(caption, field)
        super().__init__(
            panel,
            name="Make an action from an entry",
            title="Make this entry an action",
            body=[form],
            go=("Add the action", "Add the action"),
            close=("Close without adding", "Close without adding an action"),
        )
        for field in (self.text, self.owners):
            field.returnPressed.connect(self.submit)

    def open_for_chosen(self) -> None:
        panel = self.panel
        if panel.read_back_active() or panel.model.rowCount() == 0:
            return
        entry = panel.current_entry()
        if entry is None:
            entry = panel.model.entry_at(panel.model.rowCount() - 1)
        if entry is None:
            return
        self.entry_id = entry.id
        self.text.setText(entry.text)
        self.owners.setText(", ".join(entry.speakers))
        self.problem.hide()
        self.show()
        (self.owners if not entry.speakers else self.text).setFocus()

    def close_bar(self) -> None:
        self.entry_id = None
        super().close_bar()

    def submit(self) -> None:
        entry_id = self.entry_id
        if entry_id is None:
            return
        text, owners = self.text.text(), initials_list(self.owners.text())
        self.panel._tasks.start(self._add(entry_id, text, owners), "action from entry")

    async def _add(self, entry_id: uuid.UUID, text: str, owners: list[str]) -> None:
        def write(session: Session) -> None:
            actions.add_from_entry(session, entry_id, owners, text=text)

        try:
            await self.panel._runner.run(write)
        except UserFacingError as error:
            self.say(f"Not added. {error}")
            return
        who = ", ".join(owner.upper() for owner in owners)
        self.close_bar()
        message = f"Action added for {who}. They tick that they accept it on the Actions step."
        self.panel.notice.show_notice(message)
        self.added.emit(text)


def attach(panel: MinutesPanel) -> ActionFromEntryBar:
    """Add the bar above the panel's entry line, and its shortcut to the panel."""
    bar = ActionFromEntryBar(panel)
    panel.make_action_action = inline_bar.attach(bar, ACTION_TEXT, SHORTCUT, bar.open_for_chosen)
    return bar
