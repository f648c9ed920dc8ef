"""Introductions: a round of names (never roles), in list or shuffled order.

Each person says the name they would like to be called; "Mark present and
next" records them as here and moves the round on. An optional check-in
question and an optional timer for each person's turn sit above the round.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from coprodesk.core.attendance import PersonAttendance
from coprodesk.core.live import Step
from coprodesk.core.models import AttendanceStatus
from coprodesk.core.rounds import question_bank
from coprodesk.ui.flow_layout import FlowLayout
from coprodesk.ui.live.look import make_primary, set_flag, set_shown, set_text
from coprodesk.ui.live.pages.base import StepPage, button
from coprodesk.ui.live.pages.rounds import QuestionChoice, QuestionShown, caption
from coprodesk.ui.live.round_model import RoundModel
from coprodesk.ui.live.round_order import arrange, choose_order
from coprodesk.ui.live.timing import countdown_words
from coprodesk.ui.palette import GRID
from coprodesk.ui.views import list_view, name_combo
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from coprodesk.core.live_view import LiveView
    from coprodesk.ui.live.session import LiveSession

INTRO_TEXT = (
    "Each person says the name they would like to be called. Names only: roles and job "
    "titles stay private."
)
IN_LIST_ORDER = "Go round in list order"
SHUFFLED = "Shuffled order"
TURN_CHOICES = (("Off", 0), ("1 minute", 1), ("2 minutes", 2), ("3 minutes", 3))
NOT_IN_ROOM_TEXT = "Choose them in the round, then:"


class IntroductionsPage(StepPage):
    step = Step.INTRODUCTIONS

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self.seeds: Callable[[], int] = lambda: random.randrange(1 << 32)
        self._people: tuple[PersonAttendance, ...] = ()
        self._order: list[uuid.UUID] = []
        self._current: uuid.UUID | None = None
        self._resetting = False
        self._turn_started = live.clock.now()
        self.model = RoundModel()
        self._build()

    def _build(self) -> None:
        # The settings, chosen once: order, time for each person, the question.
        self.order_choice = QComboBox()
        name_combo(self.order_choice, "Order of the round")
        self.order_choice.addItems([IN_LIST_ORDER, SHUFFLED])
        self.order_choice.currentIndexChanged.connect(lambda _index: self.reorder())
        self.shuffle_button = button("Shuffle a&gain", "Shuffle again")
        self.shuffle_button.clicked.connect(self.reorder)
        self.turn_choice = QComboBox()
        name_combo(self.turn_choice, "Time for each person")
        for text, minutes in TURN_CHOICES:
            self.turn_choice.addItem(text, minutes)
        self.turn_choice.currentIndexChanged.connect(lambda _index: self._restart_turn())
        self.question_choice = QuestionChoice(
            "Check-in question", question_bank().check_in, optional=True
        )
        settings = QVBoxLayout()
        settings.setSpacing(GRID)
        settings.addWidget(heading("Settings"))
        settings.addWidget(caption("&Order", self.order_choice))
        settings.addWidget(self.order_choice)
        settings.addWidget(self.shuffle_button, 0, Qt.AlignmentFlag.AlignLeft)
        settings.addWidget(caption("&Time for each person", self.turn_choice))
        settings.addWidget(self.turn_choice)
        settings.addWidget(caption("Check-in &question (optional)", self.question_choice))
        settings.addWidget(self.question_choice)
        settings.addSpacing(GRID * 2)

        # The round itself: the question, whose turn it is, and everyone in order.
        self.question = QuestionShown()
        self.question_choice.question_changed.connect(self.question.show_question)
        self.countdown = hint("")
        self.countdown.setProperty("role", "countdown")
        self.countdown.hide()
        self.round_heading = heading("The round")
        self.round = list_view(self.model, "The round", "Everyone, in the order of the round")
        self.round.setMinimumHeight(GRID * 20)
        self.round_heading.setBuddy(self.round)
        self.round.selectionModel().currentChanged.connect(self._chosen)
        self.present_button = button("&Mark present and next", "Mark present and next")
        make_primary(self.present_button)
        self.present_button.clicked.connect(self.mark_present_and_next)
        self.skip_button = button("&Next person", "Next person")
        self.skip_button.clicked.connect(self.next_person)
        turn_row = FlowLayout()
        turn_row.addWidget(self.present_button)
        turn_row.addWidget(self.skip_button)
        self.apologies_button = button("Sends &apologies", "Sends apologies")
        self.apologies_button.clicked.connect(lambda: self._mark(AttendanceStatus.APOLOGIES))
        self.writing_button = button("Contributes in &writing", "Contributes in writing")
        self.writing_button.clicked.connect(lambda: self._mark(AttendanceStatus.IN_WRITING))
        self.clear_button = button("&Clear their mark", "Clear their mark")
        self.clear_button.clicked.connect(lambda: self._mark(None))
        settings.addWidget(heading("Someone not in the room?"))
        settings.addWidget(hint(NOT_IN_ROOM_TEXT))
        for widget in (self.apologies_button, self.writing_button, self.clear_button):
            settings.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        settings.addStretch()
        the_round = QVBoxLayout()
        the_round.setSpacing(GRID)
        the_round.addWidget(self.question)
        the_round.addWidget(self.round_heading)
        the_round.addWidget(self.countdown)
        the_round.addWidget(self.round, 1)
        the_round.addLayout(turn_row)

        columns = QHBoxLayout()
        columns.setSpacing(GRID * 3)
        columns.addLayout(the_round, 3)
        columns.addLayout(settings, 2)
        self.layout_.addWidget(hint(INTRO_TEXT))
        self.layout_.addLayout(columns, 1)
        for first, second in (
            (self.round, self.present_button),
            (self.present_button, self.skip_button),
            (self.skip_button, self.order_choice),
            (self.order_choice, self.shuffle_button),
            (self.shuffle_button, self.turn_choice),
            (self.turn_choice, self.question_choice),
            (self.question_choice, self.apologies_button),
            (self.apologies_button, self.writing_button),
            (self.writing_button, self.clear_button),
        ):
            QWidget.setTabOrder(first, second)
        self._update_buttons()

    # Showing ------------------------------------------------------------------------------

    def show_view(self, view: LiveView) -> None:
        self._people = view.people
        if not self._order:
            self._order = choose_order(self._people, shuffle=False)
        self._show_round()

    def _show_round(self) -> None:
        """Show the round again, keeping the person whose turn it is (and their timer)."""
        current = self._current
        self._resetting = True
        try:
            self.model.set_people(arrange(self._people, self._order))
            row = self.model.row_of(current) if current is not None else None
            self._select(0 if row is None else row)
        finally:
            self._resetting = False
        person = self.current_person()
        self._current = person.participant_id if person else None
        if self._current != current:
            self._restart_turn()
        self._update_buttons()

    def _select(self, row: int) -> None:
        index = self.model.index(row, 0)
        if index.isValid():
            self.round.setCurrentIndex(index)
            self.round.scrollTo(index)

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._resetting:
            return
        person = self.model.person_at(current.row()) if current.isValid() else None
        chosen = person.participant_id if person else None
        if chosen != self._current:
            self._current = chosen
            self._restart_turn()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_person = self.current_person() is not None
        for widget in (
            self.present_button,
            self.apologies_button,
            self.writing_button,
            self.clear_button,
        ):
            widget.setEnabled(has_person)
        row = self.round.currentIndex().row()
        self.skip_button.setEnabled(has_person and row + 1 < self.model.rowCount())
        self.shuffle_button.setEnabled(self.order_choice.currentText() == SHUFFLED)

    def current_person(self) -> PersonAttendance | None:
        return self.model.person_at(self.round.currentIndex().row())

    def order(self) -> list[str]:
        """Names in the round as shown now."""
        return [
            person.name
            for row in range(self.model.rowCount())
            if (person := self.model.person_at(row)) is not None
        ]

    # Acting -------------------------------------------------------------------------------

    def reorder(self) -> None:
        shuffle = self.order_choice.currentText() == SHUFFLED
        self._order = choose_order(self._people, shuffle=shuffle, seed=self.seeds())
        self._current = None
        self._show_round()

    def mark_present_and_next(self) -> None:
        person = self.current_person()
        if person is None:
            return
        self._select(self.round.currentIndex().row() + 1)
        self.live.set_status(person.participant_id, AttendanceStatus.PRESENT)

    def next_person(self) -> None:
        self._select(self.round.currentIndex().row() + 1)

    def _mark(self, status: AttendanceStatus | None) -> None:
        person = self.current_person()
        if person is not None:
            self.live.set_status(person.participant_id, status)

    # The turn timer -----------------------------------------------------------------------

    def _restart_turn(self) -> None:
        self._turn_started = self.live.clock.now()
        self.tick(self._turn_started)

    def tick(self, now: datetime) -> None:
        minutes = int(self.turn_choice.currentData() or 0)
        person = self.current_person()
        if not minutes or person is None:
            set_shown(self.countdown, False)
            return
        left = timedelta(minutes=minutes) - (now - self._turn_started)
        set_text(self.countdown, f"Time for {person.name}: {countdown_words(left)}")
        set_flag(self.countdown, "over", left <= timedelta(0))
        set_shown(self.countdown, True)

    def first_focus(self) -> QWidget | None:
        return self.round
