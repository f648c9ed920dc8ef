"""A calm notice between the minutes and the entry line.

It says what just happened (a name replaced, an entry deleted, a line that
could not be saved) and offers the next step as buttons. It never takes the
focus: the minute-taker keeps typing, and a screen reader hears the notice
as a polite announcement.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.palette import GRID


@dataclass(frozen=True)
class Choice:
    """One button on a notice."""

    label: str
    run: Callable[[], None]
    accessible_name: str = ""
    description: str = ""


class NoticeBar(QFrame):
    """One notice at a time, with its buttons and a way to close it."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minutes-notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.close_button = QPushButton("Close notice")
        self.close_button.setAccessibleName("Close notice")
        self.close_button.clicked.connect(self.dismiss)
        self.close_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.buttons: list[QPushButton] = []
        self._choices = QWidget()
        self._choices_layout = FlowLayout(self._choices, spacing=GRID)
        self._choices_layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        top.setSpacing(GRID)
        top.addWidget(self.message, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID, GRID, GRID, GRID)
        layout.setSpacing(GRID)
        layout.addLayout(top)
        layout.addWidget(self._choices)
        self.hide()

    def text(self) -> str:
        return self.message.text() if not self.isHidden() else ""

    def is_problem(self) -> bool:
        return bool(self.property("problem"))

    def show_notice(
        self, text: str, choices: Sequence[Choice] = (), *, problem: bool = False
    ) -> None:
        """Show ``text`` with a button for each choice; the focus stays where it is."""
        focus_was_here = self._has_focus()
        self.message.setText(text)
        self.setAccessibleName("Problem" if problem else "Notice")
        self.setAccessibleDescription(text)
        self.setProperty("problem", problem)
        self.message.setProperty("role", "problem" if problem else "")
        for widget in (self, self.message):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        for button in self.buttons:
            self._choices_layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons = []
        for choice in choices:
            button = QPushButton(choice.label)
            button.setAccessibleName(choice.accessible_name or choice.label)
            if choice.description:
                button.setAccessibleDescription(choice.description)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keyboard be
            button.clicked.connect(choice.run)
            self._choices_layout.addWidget(button)
            self.buttons.append(button)
        self._choices.setVisible(bool(choices))
        self.show()
        if focus_was_here and self.buttons:
            self.buttons[0].setFocus()  # the button pressed went away; stay in the notice
        self._announce(text)

    def dismiss(self) -> None:
        """Close the notice at the minute-taker's request."""
        self.clear()
        self.dismissed.emit()

    def clear(self) -> None:
        if self._has_focus():
            parent = self.parentWidget()
            if parent is not None:
                parent.setFocus()  # the panel gives it to the entry line
        self.hide()
        self.message.clear()

    def _has_focus(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and self.isAncestorOf(focus)

    def button(self, label: str) -> QPushButton:
        """The notice's button labelled ``label`` (for tests and keyboard paths)."""
        (found,) = [button for button in self.buttons if button.text() == label]
        return found

    def _announce(self, text: str) -> None:
        if not QAccessible.isActive():
            return
        event = QAccessibleAnnouncementEvent(self.message, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)
