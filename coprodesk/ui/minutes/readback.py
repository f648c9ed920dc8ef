"""Reading the minutes back to the room before the workshop closes.

One entry at a time, in large text. A marks it agreed and moves on; C opens
it for a correction (Enter saves it, marked corrected); N or Space moves on
without a mark; P goes back; Escape finishes. "12 of 40 read back" shows how far
the room has got.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.minutes import look, words
from coprodesk.ui.minutes.entry_line import EntryLine
from coprodesk.ui.minutes.model import MinutesModel
from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import heading

TITLE = "Reading back the minutes"
KEYS = (
    "A agreed · C corrected (opens the entry to change) · N or Space next · P previous · "
    "Escape finishes"
)
NOTHING_TO_READ = "No entries to read back yet."
NOT_READ_YET = "Not read back yet"
STATE_WORDS = {"agreed": "Agreed ✓", "corrected": "Corrected ✎"}


class ReadBackView(QWidget):
    """Steps through the entries of a ``MinutesModel`` for the room to agree or correct."""

    mark_requested = Signal(object, str)  # entry id, "agreed"
    correction_submitted = Signal(object, str)  # entry id, the corrected line
    finished = Signal()

    def __init__(
        self, model: MinutesModel, initials: QStringListModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.row = 0
        self.setAccessibleName(TITLE)

        self.title = heading(TITLE)
        self.progress = QLabel()
        self.progress.setObjectName("readback-progress")
        self.card = QFrame()
        self.card.setObjectName("readback-card")
        self.card.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.card.setAccessibleName("The entry being read back")
        self.card.setAccessibleDescription(KEYS)
        self.item_heading = QLabel()
        self.meta = QLabel()
        self.text = QLabel()
        self.state = QLabel()
        for label in (self.item_heading, self.meta, self.text, self.state):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.editor = EntryLine(initials, editing=True)
        self.editor.setAccessibleName("Correct the entry")
        self.editor.setAccessibleDescription(
            "Change the entry as the room agrees, then press Enter to save it as corrected, "
            "or Escape to leave it as it was."
        )
        self.editor.hide()
        self.editor.returnPressed.connect(self._submit_correction)
        self.problem = QLabel()
        self.problem.setProperty("role", "problem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(GRID * 2, GRID * 2, GRID * 2, GRID * 2)
        card_layout.setSpacing(GRID)
        card_layout.addWidget(self.item_heading)
        card_layout.addWidget(self.meta)
        card_layout.addWidget(self.text)
        card_layout.addWidget(self.editor)
        card_layout.addWidget(self.problem)
        card_layout.addWidget(self.state)
        card_layout.addStretch()

        self.agree_button = self._button("Agreed (A)", "Agreed", self.agree)
        self.correct_button = self._button("Corrected (C)", "Corrected", self.correct)
        self.previous_button = self._button("Previous (P)", "Previous entry", self.previous)
        self.next_button = self._button("Next (N)", "Next entry", self.next)
        self.finish_button = self._button("Finish reading back", "Finish reading back", self.finish)
        buttons = QWidget()
        buttons_layout = FlowLayout(buttons, spacing=GRID)
        for button in (
            self.agree_button,
            self.correct_button,
            self.previous_button,
            self.next_button,
            self.finish_button,
        ):
            buttons_layout.addWidget(button)
        self.keys = QLabel(KEYS)
        self.keys.setObjectName("minutes-keys")
        self.keys.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID)
        layout.addWidget(self.title)
        layout.addWidget(self.progress)
        layout.addWidget(self.card, 1)
        layout.addWidget(buttons)
        layout.addWidget(self.keys)
        self.setFocusProxy(self.card)

        for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved, model.rowsMoved):
            signal.connect(self._model_changed)
        model.modelReset.connect(self._model_changed)
        self._apply_fonts()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    # Looks ------------------------------------------------------------------------------

    def _apply_fonts(self) -> None:
        base = self.font()
        self.text.setFont(look.scaled_font(base, look.READ_BACK_TEXT))
        self.meta.setFont(look.scaled_font(base, look.READ_BACK_META, bold=True))
        self.item_heading.setFont(look.scaled_font(base, look.READ_BACK_META))
        self.state.setFont(look.scaled_font(base, look.READ_BACK_META))
        self.progress.setFont(look.scaled_font(base, look.READ_BACK_META, bold=True))
        self.editor.setFont(look.scaled_font(base, look.READ_BACK_META))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._apply_fonts()  # the text-size setting changed the application font

    # Showing ----------------------------------------------------------------------------

    def start(self) -> None:
        """Begin at the first entry not read back yet (or the first entry)."""
        entries = self.model.entries()
        unread = [row for row, entry in enumerate(entries) if not entry.read_back]
        self.show_row(unread[0] if unread else 0)
        self.card.setFocus()

    def current_id(self) -> uuid.UUID | None:
        entry = self.model.entry_at(self.row)
        return entry.id if entry is not None else None

    def show_row(self, row: int) -> None:
        total = self.model.rowCount()
        self.row = max(0, min(row, total - 1))
        self.editor.hide()
        self.problem.hide()
        self._show()

    def _show(self) -> None:
        total = self.model.rowCount()
        entry = self.model.entry_at(self.row)
        read = self.model.read_back_count()
        progress = words.progress_words(read, total)
        for button in (self.agree_button, self.correct_button, self.next_button):
            button.setEnabled(entry is not None)
        self.previous_button.setEnabled(entry is not None and self.row > 0)
        if entry is None:
            self.progress.setText(progress)
            for label in (self.item_heading, self.meta, self.state):
                label.clear()
            self.text.setText(NOTHING_TO_READ)
            self.card.setAccessibleName(NOTHING_TO_READ)
            return
        self.progress.setText(f"{progress} · entry {self.row + 1} of {total}")
        heading_text = words.heading_words(entry.agenda_item_id, self.model.agenda_titles())
        self.item_heading.setText(heading_text)
        self.meta.setText(f"{words.time_words(entry.recorded_at)} · {words.meta_words(entry)}")
        self.text.setText(words.shown_text(entry))
        self.state.setText(STATE_WORDS.get(entry.read_back, NOT_READ_YET))
        self.card.setAccessibleName(
            f"Entry {self.row + 1} of {total}, {self.state.text().rstrip(' ✓✎').lower()}: "
            f"{words.spoken_words(entry, heading_text)}"
        )

    def _model_changed(self, *_args: object) -> None:
        if self.isVisible():
            self.row = max(0, min(self.row, self.model.rowCount() - 1))
            self._show()

    # Stepping ---------------------------------------------------------------------------

    def next(self) -> None:
        if self.row < self.model.rowCount() - 1:
            self.show_row(self.row + 1)
        else:
            self._show()

    def previous(self) -> None:
        if self.row > 0:
            self.show_row(self.row - 1)

    def agree(self) -> None:
        entry_id = self.current_id()
        if entry_id is None:
            return
        self.mark_requested.emit(entry_id, "agreed")
        self.next()

    def correct(self) -> None:
        """Open the entry as typed, to correct it with the room."""
        entry = self.model.entry_at(self.row)
        if entry is None:
            return
        self.editor.setText(words.compose_line(entry))
        self.editor.show()
        self.editor.setFocus()

    def _submit_correction(self) -> None:
        entry_id = self.current_id()
        if entry_id is not None:
            self.correction_submitted.emit(entry_id, self.editor.text())

    def correction_saved(self) -> None:
        """The panel stored the correction: move on to the next entry."""
        self.editor.hide()
        self.problem.hide()
        self.card.setFocus()
        self.next()

    def correction_failed(self, message: str) -> None:
        """Say why the correction was not saved; what was typed stays in the editor."""
        self.problem.setText(message)
        self.problem.show()
        self.editor.setFocus()

    def finish(self) -> None:
        self.editor.hide()
        self.finished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if key == Qt.Key.Key_Escape:
            if self.editor.isVisible():
                self.editor.hide()
                self.problem.hide()
                self.card.setFocus()
            else:
                self.finish()
            return
        actions = {
            Qt.Key.Key_A: self.agree,
            Qt.Key.Key_C: self.correct,
            Qt.Key.Key_N: self.next,
            Qt.Key.Key_Space: self.next,
            Qt.Key.Key_P: self.previous,
        }
        action = actions.get(Qt.Key(key)) if plain else None
        if action is None:
            super().keyPressEvent(event)
            return
        action()
