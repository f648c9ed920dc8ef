"""Check-in and check-out questions: a choice from the bank, and the question shown large
with "Anyone can pass" always beside it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from coprodesk.core.rounds import PASS_NOTE
from coprodesk.ui.live.look import LARGE, LARGER, follow_font
from coprodesk.ui.palette import GRID
from coprodesk.ui.views import name_combo
from coprodesk.ui.widgets import hint

NO_QUESTION = "No question this time"


class QuestionChoice(QComboBox):
    """The questions of one bank, optionally with "No question this time" first."""

    question_changed = Signal(str)

    def __init__(self, name: str, questions: Sequence[str], *, optional: bool) -> None:
        super().__init__()
        name_combo(self, name)
        if optional:
            self.addItem(NO_QUESTION)
        self.addItems(list(questions))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.currentTextChanged.connect(lambda _text: self.question_changed.emit(self.question()))

    def question(self) -> str:
        text = self.currentText()
        return "" if text == NO_QUESTION else text


class QuestionShown(QWidget):
    """The chosen question in large text, and the pass note, which is always shown."""

    def __init__(self) -> None:
        super().__init__()
        self.question = hint("")
        follow_font(self.question, LARGER, bold=True)
        self.question.hide()
        self.pass_note = hint(PASS_NOTE)
        follow_font(self.pass_note, LARGE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID)
        layout.addWidget(self.question)
        layout.addWidget(self.pass_note)

    def show_question(self, question: str) -> None:
        self.question.setText(question)
        self.question.setVisible(bool(question))


def caption(text: str, buddy: QWidget) -> QLabel:
    """A label for ``buddy``; ``text`` may carry an ``&`` mnemonic."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setBuddy(buddy)
    return label
