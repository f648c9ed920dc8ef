"""Prompts as cards in the live window's private side panel.

A card says what to notice and a move to try, with "I did this", "Not now"
and "Why?" (which shows why it matters). Cards are never modal and never take
the keyboard: they appear without focus, and their buttons take focus only by
Tab, so a click on one leaves the cursor in the minutes line.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from coprodesk.core.models import PromptOutcome
from coprodesk.core.prompts import PromptCard
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import heading

CARD_STYLE = """
QFrame[role="prompt-card"] { border: 1px solid #7a5c00; border-radius: 4px; background: #ffffff; }
"""
NO_PROMPTS = "No prompts just now."


def _words(text: str, *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if bold:
        label.setProperty("role", "heading")
    return label


def _quiet_button(text: str, name: str) -> QPushButton:
    """A button that Tab reaches but a click does not take the keyboard to."""
    widget = QPushButton(text)
    widget.setAccessibleName(name)
    widget.setAutoDefault(False)
    widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return widget


class PromptCardView(QFrame):
    answered = Signal(object, object)  # log id, PromptOutcome

    def __init__(self, card: PromptCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.setProperty("role", "prompt-card")
        self.setStyleSheet(CARD_STYLE)
        prompt = card.prompt
        self.setAccessibleName(f"Prompt: {prompt.text}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID, GRID, GRID, GRID)
        layout.setSpacing(GRID // 2)
        self.text = _words(prompt.text, bold=True)
        layout.addWidget(self.text)
        self.detail = _words(card.detail)
        layout.addWidget(self.detail)
        # Only once it has a parent: shown alone, a label would open as a window of its own.
        self.detail.setVisible(bool(card.detail))
        self.try_words = _words(f"Try: {prompt.move}")
        layout.addWidget(self.try_words)
        self.why = _words(f"Why it matters: {prompt.why}")
        layout.addWidget(self.why)
        self.why.setVisible(False)  # Only once it has a parent (see above).
        buttons = FlowLayout()
        self.why_button = _quiet_button("Why?", f"Why it matters: {prompt.text}")
        self.why_button.setCheckable(True)
        self.why_button.toggled.connect(self.why.setVisible)
        self.acted = _quiet_button("I did this", f"I did this: {prompt.text}")
        self.dismiss = _quiet_button("Not now", f"Not now: {prompt.text}")
        self.acted.clicked.connect(lambda: self.answered.emit(card.log_id, PromptOutcome.ACTED_ON))
        self.dismiss.clicked.connect(
            lambda: self.answered.emit(card.log_id, PromptOutcome.DISMISSED)
        )
        buttons.addWidget(self.acted)
        buttons.addWidget(self.dismiss)
        buttons.addWidget(self.why_button)
        layout.addLayout(buttons)


class PromptCards(QWidget):
    """The "Prompts" section: a heading, the cards, and the way to the library and the log."""

    answered = Signal(object, object)  # log id, PromptOutcome
    library_requested = Signal()
    log_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Prompts")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, GRID, 0, 0)
        layout.setSpacing(GRID)
        self.heading = heading("Prompts")
        layout.addWidget(self.heading)
        self.empty = _words(NO_PROMPTS)
        layout.addWidget(self.empty)
        self._cards_layout = QVBoxLayout()
        self._cards_layout.setSpacing(GRID)
        layout.addLayout(self._cards_layout)
        links = FlowLayout()
        self.library_button = _quiet_button("Prompt library", "Prompt library and plain words")
        self.log_button = _quiet_button("Prompt log", "Prompt log for this workshop")
        self.library_button.clicked.connect(self.library_requested)
        self.log_button.clicked.connect(self.log_requested)
        links.addWidget(self.library_button)
        links.addWidget(self.log_button)
        layout.addLayout(links)
        self.views: dict[uuid.UUID, PromptCardView] = {}

    def show_cards(self, cards: Sequence[PromptCard]) -> None:
        """Show these cards, keeping the ones already there (no flicker, no focus moves)."""
        wanted = {card.log_id: card for card in cards}
        for log_id in list(self.views):
            old = self.views[log_id]
            if log_id not in wanted or wanted[log_id].detail != old.card.detail:
                self._cards_layout.removeWidget(old)
                old.hide()
                old.deleteLater()
                del self.views[log_id]
        for position, card in enumerate(cards):
            if card.log_id not in self.views:
                view = PromptCardView(card, self)
                view.answered.connect(self.answered)
                self.views[card.log_id] = view
                self._cards_layout.insertWidget(position, view)
        self.empty.setVisible(not cards)

    def texts(self) -> list[str]:
        return [view.card.prompt.text for view in self.views.values()]
