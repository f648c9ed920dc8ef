"""What every step page has: its step, a view to show, and the clock's tick."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from coprodesk.ui.live.look import LARGE, LARGER, follow_font
from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from coprodesk.core.live import Step
    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.live.session import LiveSession


class StepPage(QWidget):
    step: ClassVar[Step]

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(GRID * 2, GRID * 2, GRID * 2, GRID * 2)
        self.layout_.setSpacing(GRID * 2)
        self.title = page_title(self.step.label)
        self.layout_.addWidget(self.title)

    def show_view(self, view: LiveView) -> None:
        """Show the latest saved state."""

    def tick(self, now: datetime) -> None:
        """The clock moved on (every second); ``now`` is UTC."""

    def first_focus(self) -> QWidget | None:
        """Where focus goes when the page comes up by keyboard."""
        return None

    def left(self) -> None:
        """The page is no longer the current step."""


def page_title(text: str) -> QLabel:
    label = heading(text)
    follow_font(label, LARGER, bold=True)
    return label


def large_text(text: str = "", *, bold: bool = False) -> QLabel:
    """Text for reading aloud to the room: larger, wrapped, selectable by mouse."""
    label = hint(text)
    follow_font(label, LARGE, bold=bold)
    return label


def button(text: str, name: str) -> QPushButton:
    """A button; ``text`` may carry an ``&`` mnemonic, ``name`` is what screen readers say."""
    widget = QPushButton(text)
    widget.setAccessibleName(name)
    widget.setAutoDefault(False)
    return widget
