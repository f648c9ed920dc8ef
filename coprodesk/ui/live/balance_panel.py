"""The balance of voices, for the facilitator only: contributions and turns by initials.

Each person present has a button with their initials: tap it as they start to
speak to time their turn (tap again, or tap someone else, to stop). Timing is
optional; each tap is stored at once, so turns outlast the window. "Show the room a summary"
puts group-level words on the projector: how many people have been heard,
never who, and never anyone's own figures.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coprodesk.core.balance import Balance, PersonBalance
from coprodesk.ui.palette import GRID
from coprodesk.ui.widgets import heading

TIMING_NOTE = "Tap initials as someone starts to speak to time their turn (optional)."


def duration_words(length: timedelta) -> str:
    seconds = int(length.total_seconds())
    return f"{seconds // 60}:{seconds % 60:02d}"


def person_words(person: PersonBalance, timed: bool) -> str:
    said = f"{person.contributions} in the minutes"
    if not timed:
        return said
    turns = f"{person.turns} turn{'' if person.turns == 1 else 's'}"
    now = ", speaking now" if person.speaking_now else ""
    return f"{said} · {turns}, {duration_words(person.speaking)}{now}"


class BalancePanel(QWidget):
    tapped = Signal(object)  # participant id
    stop_requested = Signal()
    show_room_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Balance of voices")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, GRID, 0, 0)
        layout.setSpacing(GRID)
        self.heading = heading("Balance of voices")
        layout.addWidget(self.heading)
        self.note = QLabel(TIMING_NOTE)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.total = QLabel()
        self.total.setWordWrap(True)
        layout.addWidget(self.total)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(GRID)
        self.grid.setVerticalSpacing(GRID // 2)
        layout.addLayout(self.grid)
        self.stop = QPushButton("Stop timing")
        self.stop.setAccessibleName("Stop timing")
        self.stop.setAutoDefault(False)
        self.stop.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.stop.clicked.connect(self.stop_requested)
        layout.addWidget(self.stop)
        self.show_room = QCheckBox("Show the room a summary")
        self.show_room.setAccessibleName("Show the room a summary on the projector")
        self.show_room.setToolTip("How many people have been heard, never who")
        self.show_room.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.show_room.toggled.connect(self.show_room_changed)
        layout.addWidget(self.show_room)
        self.buttons: dict[str, QPushButton] = {}
        self.labels: dict[str, QLabel] = {}
        self._shape: tuple[str, ...] = ()

    def show_balance(self, view: Balance) -> None:
        shape = tuple(person.initials for person in view.people)
        if shape != self._shape:
            self._rebuild(view)
        for person in view.people:
            words = person_words(person, view.timed)
            label = self.labels[person.initials]
            if label.text() != words:
                label.setText(words)
            button = self.buttons[person.initials]
            name = f"Time {person.initials} speaking: {words}"
            if button.accessibleName() != name:
                button.setAccessibleName(name)
            if button.isChecked() != person.speaking_now:
                button.setChecked(person.speaking_now)
        total = view.total_contributions
        words = f"{total} contribution{'' if total == 1 else 's'} in the minutes."
        if self.total.text() != words:
            self.total.setText(words)
        speaking = any(person.speaking_now for person in view.people)
        if self.stop.isEnabled() != speaking:
            self.stop.setEnabled(speaking)

    def _rebuild(self, view: Balance) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.buttons, self.labels = {}, {}
        for row, person in enumerate(view.people):
            button = QPushButton(person.initials)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            pid = person.participant_id
            button.clicked.connect(lambda _checked=False, pid=pid: self.tapped.emit(pid))
            label = QLabel()
            label.setWordWrap(True)
            self.grid.addWidget(button, row, 0)
            self.grid.addWidget(label, row, 1)
            self.buttons[person.initials] = button
            self.labels[person.initials] = label
        self.grid.setColumnStretch(1, 1)
        self._shape = tuple(person.initials for person in view.people)
