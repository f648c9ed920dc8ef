"""Making a minute entry into an action, inline in the minutes panel (Ctrl+Shift+A).

A bar opens above the entry line with the entry's text and its speakers as
owners, both ready to change; Enter adds the action (saved at once, the text
through the name guard), Escape closes the bar. Nothing here is a dialog, and
problems are said in the bar, so a meeting never stops for it.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout

from coprodesk.core import actions
from coprodesk.core.errors import UserFacingError
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.live.action_words import initials_list
from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coprodesk.ui.minutes.panel import MinutesPanel

SHORTCUT = "Ctrl+Shift+A"
ACTION_TEXT = "Make the chosen entry an action"


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    return edit


class ActionFromEntryBar(QFrame):
    """The inline bar; ``added(text)`` after an action was saved."""

    added = Signal(str)

    def __init__(self, panel: MinutesPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.setAccessibleName("Make an action from an entry")
        self.entry_id: uuid.UUID | None = None
        self.text = _line("What will be done")
        self.owners = _line("Who will do it (initials)")
        self.owners.setPlaceholderText("Initials, such as AR, MJO")
        form = QFormLayout()
        for label, field in (("What will be done", self.text), ("Who will do it", self.owners)):
            caption = QLabel(label)
            caption.setBuddy(field)
            form.addRow(caption, field)
            field.returnPressed.connect(self.submit)
        self.problem = hint("")
        self.problem.setProperty("role", "problem")
        self.problem.hide()
        self.add_button = QPushButton("Add the action")
        self.add_button.setAccessibleName("Add the action")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton("Close without adding")
        self.cancel_button.setAccessibleName("Close without adding an action")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.close_bar)
        row = FlowLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID, GRID, GRID, GRID)
        layout.addWidget(heading("Make this entry an action"))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        escape = QAction("Close the action bar", self)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.triggered.connect(self.close_bar)
        self.addAction(escape)
        self.hide()

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
        self.hide()
        self.entry_id = None
        self.panel.focus_entry_line()

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
            self.problem.setText(f"Not added. {error}")
            self.problem.show()
            return
        who = ", ".join(owner.upper() for owner in owners)
        self.close_bar()
        message = f"Action added for {who}. They tick that they accept it on the Actions step."
        self.panel.notice.show_notice(message)
        self.added.emit(text)


def attach(panel: MinutesPanel) -> ActionFromEntryBar:
    """Add the bar above the panel's entry line, and its shortcut to the panel."""
    bar = ActionFromEntryBar(panel)
    layout = panel.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(layout.indexOf(panel.entry_bar), bar)
    made = QAction(ACTION_TEXT, panel)
    made.setShortcut(QKeySequence(SHORTCUT))
    made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    made.setProperty("shortcut_group", "Taking the minutes")
    made.triggered.connect(bar.open_for_chosen)
    panel.addAction(made)
    panel.make_action_action = made
    return bar
