"""Labelled fields that save themselves.

A ``Field`` is a label above its control (the label is the control's buddy),
an optional hint, and a place for the core's message when a value is refused.
The savers write a field through the core when the facilitator is done with
it: a line on Enter or leaving it, a longer text after a short pause in typing
or on leaving it. A refused value stays as typed, with the message beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import hint

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent
    from sqlalchemy.orm import Session

# How long typing in a longer text pauses before it is saved.
TYPING_PAUSE_MS = 800

Change = Callable[[str], Callable[["Session"], object]]


def plain(label: str) -> str:
    """A label's words without its keyboard mnemonic."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")


def problem_label() -> QLabel:
    label = QLabel()
    label.setProperty("role", "problem")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


class Field(QWidget):
    """``label`` (may hold a mnemonic, "&Title"), its hint, a problem line and the control.

    ``chars`` caps the control's width at about that many characters of the
    current text size (a date or a number needs less room than a purpose).
    """

    def __init__(
        self, label: str, control: QWidget, hint_text: str = "", *, chars: int | None = None
    ) -> None:
        super().__init__()
        self.control = control
        self._chars = chars
        self.label = QLabel(label)
        self.label.setBuddy(control)
        self.label.setWordWrap(True)
        self.hint_text = hint_text
        control.setAccessibleName(plain(label))
        control.setAccessibleDescription(hint_text)
        if isinstance(control, QAbstractSpinBox):  # Its own line edit takes the focus.
            for inner in control.findChildren(QLineEdit):
                inner.setAccessibleName(plain(label))
        self.problem = problem_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID // 2)
        layout.addWidget(self.label)
        if hint_text:
            self.hint = hint(hint_text)
            layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        if isinstance(control, QAbstractSpinBox):  # Dates and numbers keep their own width.
            layout.addWidget(control, 0, Qt.AlignmentFlag.AlignLeft)
        else:  # Others grow with the window up to their cap, and stay on the left.
            row = QHBoxLayout()
            row.addWidget(control, 1)
            row.addStretch(0)
            layout.addLayout(row)
        self._fit_width()

    def _fit_width(self) -> None:
        if self._chars is not None:
            metrics = self.control.fontMetrics()
            self.control.setMaximumWidth(metrics.averageCharWidth() * self._chars + GRID * 6)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_width()

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.control.setAccessibleDescription(text)

    def clear_problem(self) -> None:
        self.problem.hide()
        self.problem.clear()
        self.control.setAccessibleDescription(self.hint_text)

    def problem_text(self) -> str:
        return "" if self.problem.isHidden() else self.problem.text()


class TextBox(QPlainTextEdit):
    """A few lines of plain text; Tab moves on, as in every other field."""

    editing_finished = Signal()

    def __init__(self, lines: int = 4) -> None:
        super().__init__()
        self._lines = lines
        self.setTabChangesFocus(True)

    def sizeHint(self) -> QSize:
        height = self.fontMetrics().lineSpacing() * self._lines + GRID * 2
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()


class Saving(Protocol):
    """What a saver needs from its screen: a way to run a change and hear how it went."""

    def save(
        self,
        work: Callable[[Session], object],
        event: str,
        *,
        field: Field | None = None,
        lists: bool = False,
        done: Callable[[object], None] | None = None,
    ) -> None: ...


class Saver(QObject):
    """Saves one text control through ``change(text)`` when it is finished with."""

    def __init__(
        self,
        screen: Saving,
        field: Field,
        change: Change,
        event: str,
        *,
        lists: bool = False,
        saved: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(field)
        self._screen = screen
        self._field = field
        self._change = change
        self._event = event
        self._lists = lists
        self._on_saved = saved
        self._saved_text = ""
        self._sent_text = ""

    def text(self) -> str:
        control = self._field.control
        if isinstance(control, QPlainTextEdit):
            return control.toPlainText()
        assert isinstance(control, QLineEdit)
        return control.text()

    def set_text(self, text: str) -> None:
        """Show the stored ``text`` without saving it."""
        control = self._field.control
        control.blockSignals(True)
        if isinstance(control, QPlainTextEdit):
            control.setPlainText(text)
        elif isinstance(control, QLineEdit):
            control.setText(text)
            control.setCursorPosition(0)
        control.blockSignals(False)
        self._saved_text = self._sent_text = text
        self._field.clear_problem()

    @property
    def dirty(self) -> bool:
        return self.text() != self._saved_text or bool(self._field.problem_text())

    def flush(self) -> None:
        """Save now if the text differs from what is stored (or was refused)."""
        text = self.text()
        if not self.dirty or (text == self._sent_text and not self._field.problem_text()):
            return
        self._sent_text = text
        self._screen.save(
            self._change(text),
            self._event,
            field=self._field,
            lists=self._lists,
            done=lambda _result: self._stored(text),
        )

    def _stored(self, text: str) -> None:
        self._saved_text = text
        if self._on_saved is not None:
            self._on_saved(text)


def save_line(
    screen: Saving,
    field: Field,
    change: Change,
    event: str,
    *,
    lists: bool = False,
    saved: Callable[[str], None] | None = None,
) -> Saver:
    """Save a ``QLineEdit`` field on Enter and when focus leaves it."""
    edit = field.control
    assert isinstance(edit, QLineEdit)
    saver = Saver(screen, field, change, event, lists=lists, saved=saved)
    edit.editingFinished.connect(saver.flush)
    return saver


def save_text(
    screen: Saving,
    field: Field,
    change: Change,
    event: str,
    *,
    lists: bool = False,
    saved: Callable[[str], None] | None = None,
) -> Saver:
    """Save a ``TextBox`` field after a pause in typing and when focus leaves it."""
    box = field.control
    assert isinstance(box, TextBox)
    saver = Saver(screen, field, change, event, lists=lists, saved=saved)
    pause = QTimer(saver, singleShot=True, interval=TYPING_PAUSE_MS)
    pause.timeout.connect(saver.flush)
    box.textChanged.connect(pause.start)
    box.editing_finished.connect(pause.stop)
    box.editing_finished.connect(saver.flush)
    return saver
