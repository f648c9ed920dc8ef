"""The one line the minute-taker types into, and the bar around it.

``EntryLine`` completes speaker initials as they are typed (at the start of
the line, or after "@"), inline and without a pop-up, and turns Ctrl+D,
Ctrl+Q, Ctrl+P and Ctrl+N into a kind. When it is empty, Ctrl+Z and
Ctrl+Shift+Z undo and redo changes to the minutes; with text in it they undo
typing, as in any field.

``EntryBar`` adds the current kind beside the line, the "sent in writing"
toggle and a Save button. It never clears the line itself: the panel does,
once the worker has confirmed that the entry is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from coprodesk.core.enums import EntryKind
from coprodesk.ui.minutes import words
from coprodesk.ui.palette import GRID

KIND_KEYS = {
    Qt.Key.Key_D: EntryKind.DECISION,
    Qt.Key.Key_Q: EntryKind.QUESTION,
    Qt.Key.Key_P: EntryKind.PARKED,
    Qt.Key.Key_N: EntryKind.NOTE,
}
KIND_SHORTCUTS = {
    EntryKind.DECISION: "Ctrl+D",
    EntryKind.QUESTION: "Ctrl+Q",
    EntryKind.PARKED: "Ctrl+P",
    EntryKind.NOTE: "Ctrl+N",
}
PLACEHOLDER = "Type a note, then Enter. AB: or @AB says who spoke."
SYNTAX_HELP = (
    "Enter saves the line to the minutes. Start the line with someone's initials and a colon, "
    "such as 'AB: text' or 'AB, CD: text', or write @AB anywhere, to say who spoke; initials "
    "complete as you type. Start with 'decision:', 'question:' or 'parked:' for that kind of "
    "entry, or press Ctrl+D for a decision, Ctrl+Q for a question, Ctrl+P for parked and Ctrl+N "
    "for a note. A decision with no initials is the whole group's. Names typed by mistake are "
    "replaced by initials."
)
KEYS_HINT = "Enter saves · Ctrl+D decision · Ctrl+Q question · Ctrl+P parked · Ctrl+N note"
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def suggestion_words(initials: list[str]) -> str:
    """ "Initials: AR, AC · Tab completes, Up and Down choose"."""
    choose = " · Tab completes, Up and Down choose" if len(initials) > 1 else " · Tab completes"
    return f"Initials: {', '.join(initials)}{choose}"


def kind_key(event: QKeyEvent) -> EntryKind | None:
    """The kind chosen by a Ctrl+letter key press, if it is one."""
    if event.modifiers() != Qt.KeyboardModifier.ControlModifier:
        return None
    return KIND_KEYS.get(Qt.Key(event.key()))


class EntryLine(QLineEdit):
    """A line for one minute entry, with initials completion and kind keys.

    Completion is inline, so no pop-up ever covers the line or takes the keys:
    the rest of the first matching initials appears selected after the cursor
    ("a" shows "aR"); typing on replaces it, Tab completes ("AR: "), Up and
    Down offer the other matches. ``suggestions_changed`` lists the matches.

    ``editing=True`` makes it the editor of an existing entry: there a kind key
    rewrites the line's leading kind word, and Enter is left to the list's
    editing (which saves the edit).
    """

    submitted = Signal(str)
    kind_chosen = Signal(object)  # EntryKind
    undo_requested = Signal()
    redo_requested = Signal()
    suggestions_changed = Signal(list)  # the initials that match what is being typed

    def __init__(
        self, initials: QStringListModel, parent: QWidget | None = None, *, editing: bool = False
    ) -> None:
        super().__init__(parent)
        self._editing = editing
        self.completer_ = QCompleter(initials, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self._choice = 0
        self._erasing = False
        self._completing = False
        self.suggestions: list[str] = []
        self.textEdited.connect(self._offer_initials)

    # Completion ---------------------------------------------------------------------------

    def _fragment(self) -> tuple[int, int, str] | None:
        """Start, end (Python indexes) and text of the initials being typed, if any.

        An inline suggestion (the selected text after them) is not part of them.
        """
        text = self.text()
        position = self.selectionStart() if self.hasSelectedText() else self.cursorPosition()
        cursor = words.index_from_utf16(text, position)
        fragment = words.initials_fragment(text[:cursor])
        return None if fragment is None else (cursor - len(fragment), cursor, fragment)

    def matches(self, fragment: str) -> list[str]:
        """The series' initials that start with ``fragment``, in any case."""
        self.completer_.setCompletionPrefix(fragment)
        found = []
        for row in range(self.completer_.completionCount()):
            self.completer_.setCurrentRow(row)
            found.append(self.completer_.currentCompletion())
        return found

    def _set_suggestions(self, suggestions: list[str]) -> None:
        if suggestions != self.suggestions:
            self.suggestions = suggestions
            self.suggestions_changed.emit(suggestions)

    def _offer_initials(self) -> None:
        if self._completing:
            return
        found = self._fragment()
        matches = self.matches(found[2]) if found is not None else []
        self._choice = 0
        self._set_suggestions(matches)
        if found is not None and matches and found[2] and not self._erasing:
            self._show_inline(found, matches[0])

    def _edit_quietly(self, change: Callable[[], None]) -> None:
        """Change the text without offering completion again (inserts count as edits)."""
        self._completing = True
        try:
            change()
        finally:
            self._completing = False

    def _show_inline(self, found: tuple[int, int, str], initials: str) -> None:
        """Show the rest of ``initials`` selected after what was typed."""
        _start, end, typed = found
        remainder = initials[len(typed) :]

        def show() -> None:
            if self.hasSelectedText():
                self.del_()
            position = words.utf16_length(self.text()[:end])
            self.setCursorPosition(position)
            if remainder:
                self.insert(remainder)
                self.setSelection(position, words.utf16_length(remainder))

        self._edit_quietly(show)

    def choose_next(self, step: int) -> bool:
        """Offer the next (+1) or previous (-1) matching initials; False if there are none."""
        found = self._fragment()
        matches = self.matches(found[2]) if found is not None else []
        if found is None or len(matches) < 1 or not self.suggestions:
            return False
        self._choice = (self._choice + step) % len(matches)
        self._show_inline(found, matches[self._choice])
        return True

    def accept_suggestion(self) -> bool:
        """Complete the initials being typed ("ar" becomes "AR: "); False if none match."""
        found = self._fragment()
        matches = self.matches(found[2]) if found is not None else []
        if found is None or not matches or not self.suggestions:
            return False
        chosen = matches[self._choice % len(matches)]
        start, end, typed = found

        def complete() -> None:
            if self.hasSelectedText():
                self.del_()
            text = self.text()
            after = text[end:]
            if start > 0 and text[start - 1] == "@":
                tail = "" if after[:1].isspace() else " "
            else:
                tail = "" if after.lstrip()[:1] in (":", ",", "/", "&") else ": "
            self.setSelection(words.utf16_length(text[:start]), words.utf16_length(typed))
            self.insert(chosen + tail)

        self._edit_quietly(complete)
        self._set_suggestions([])
        return True

    def _drop_suggestion(self) -> bool:
        if not self.suggestions:
            return False
        if self.hasSelectedText():
            self._edit_quietly(self.del_)
        self._set_suggestions([])
        return True

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._set_suggestions([])
        super().focusOutEvent(event)

    # Keys -------------------------------------------------------------------------------

    def _undo_key(self, event: QKeyEvent) -> str | None:
        if self._editing or self.text():
            return None  # with text in the line, Ctrl+Z undoes typing
        if event.matches(QKeySequence.StandardKey.Undo):
            return "undo"
        if event.matches(QKeySequence.StandardKey.Redo):
            return "redo"
        return None

    def event(self, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return super().event(event)
        # Claim our keys before any window shortcut can take them.
        if event.type() == QEvent.Type.ShortcutOverride and (
            kind_key(event) is not None or self._undo_key(event) is not None
        ):
            event.accept()
            return True
        # Tab completes initials while some are offered (and moves on otherwise).
        if (
            event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.accept_suggestion()
        ):
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        kind = kind_key(event)
        if kind is not None:
            if self._editing:
                self.setText(words.with_kind(self.text(), kind))
            self.kind_chosen.emit(kind)
            return
        undo = self._undo_key(event)
        if undo is not None:
            (self.undo_requested if undo == "undo" else self.redo_requested).emit()
            return
        key = event.key()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.choose_next(
            -1 if key == Qt.Key.Key_Up else 1
        ):
            return
        if key == Qt.Key.Key_Escape and self._drop_suggestion():
            return
        if key in _ENTER and not self._editing:
            self._set_suggestions([])
            self.submitted.emit(self.text())
            return
        self._erasing = key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
        try:
            super().keyPressEvent(event)
        finally:
            self._erasing = False


class EntryBar(QWidget):
    """The entry line with its kind, the "sent in writing" toggle and Save."""

    submitted = Signal(str)

    def __init__(self, initials: QStringListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = EntryKind.NOTE
        self.line = EntryLine(initials)
        self.line.setPlaceholderText(PLACEHOLDER)
        self.line.setAccessibleDescription(SYNTAX_HELP)
        self.line.setToolTip(SYNTAX_HELP)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("minutes-kind")
        self.kind_label.setBuddy(self.line)
        self.kind_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.in_writing = QCheckBox("Sent in &writing")
        self.in_writing.setAccessibleName("Sent in writing")
        self.in_writing.setAccessibleDescription(
            "Tick for a contribution from someone who is not in the room. "
            "It applies to the next entry only."
        )
        self.save_button = QPushButton("Save entry")
        self.save_button.setAccessibleName("Save entry")
        self.save_button.setAccessibleDescription("Saves the line to the minutes, as Enter does.")
        # A click leaves the keyboard in the line; Tab still reaches them.
        for widget in (self.in_writing, self.save_button):
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.keys = QLabel(KEYS_HINT)
        self.keys.setObjectName("minutes-keys")
        self.keys.setWordWrap(True)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(GRID)
        layout.setVerticalSpacing(GRID // 2)
        layout.addWidget(self.kind_label, 0, 0)
        layout.addWidget(self.line, 0, 1)
        layout.addWidget(self.save_button, 0, 2)
        layout.addWidget(self.in_writing, 1, 0, 1, 1)
        layout.addWidget(self.keys, 1, 1, 1, 2)
        layout.setColumnStretch(1, 1)

        self.line.submitted.connect(self.submitted)
        self.save_button.clicked.connect(lambda: self.submitted.emit(self.line.text()))
        self.line.kind_chosen.connect(self.set_kind)
        self.line.suggestions_changed.connect(self._show_suggestions)
        self.line.textChanged.connect(self._show_kind)
        self.in_writing.toggled.connect(self._show_kind)
        self.setFocusProxy(self.line)
        self._show_kind()

    def set_kind(self, kind: EntryKind) -> None:
        """The kind of the next entry (a kind word typed at the start still wins)."""
        self.kind = kind
        self._show_kind()

    def _show_suggestions(self, initials: list[str]) -> None:
        self.keys.setText(suggestion_words(initials) if initials else KEYS_HINT)

    def shown_kind(self) -> EntryKind:
        """The kind the line will be saved as: its leading kind word, else the chosen kind."""
        return words.leading_kind(self.line.text()) or self.kind

    def _show_kind(self) -> None:
        kind = self.shown_kind()
        name = words.KIND_WORDS[kind]
        self.kind_label.setText(f"{name}:")
        self.kind_label.setProperty("kind", kind.value)
        self.kind_label.style().unpolish(self.kind_label)
        self.kind_label.style().polish(self.kind_label)
        writing = ", sent in writing" if self.in_writing.isChecked() else ""
        self.line.setAccessibleName(f"New entry: {name.lower()}{writing}")

    def saved(self, text: str) -> None:
        """The entry typed as ``text`` is stored: clear what was saved, start a fresh note.

        Anything typed after the saved text while it was being stored stays.
        """
        current = self.line.text()
        rest = current[len(text) :].lstrip() if current.startswith(text) else current
        self.line.setText(rest)  # setText also clears the typing undo history
        self.in_writing.setChecked(False)
        self.set_kind(EntryKind.NOTE)
