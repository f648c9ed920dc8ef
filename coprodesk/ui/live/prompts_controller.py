"""Prompts and the balance of voices during a live workshop, kept up to date.

``PromptsController`` asks the core which prompts apply (after every change the
live window saves, whenever any window changes this workshop's minutes, and
every ``REFRESH_MS`` for the rules that go by time), logs new ones as shown, and
records the facilitator's answers. It also writes each tap-to-time speaking
turn as it is tapped, then reads the stored turns back, so a turn survives a
crash and carries on when the live window is opened again.
Everything it sends out is for the private side panel only, except
``room_summary``, which names no one.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from coprodesk.core import prompts, speaking
from coprodesk.core.balance import Balance, balance, room_summary
from coprodesk.core.errors import UserFacingError
from coprodesk.core.live import RoomSummary
from coprodesk.core.models import PromptOutcome
from coprodesk.core.prompt_library import Customisations, Library, build_library, load_library
from coprodesk.ui.workshop_events import workshop_events

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy.orm import Session

    from coprodesk.ui.live.session import LiveSession

REFRESH_MS = 15_000


class PromptsController(QObject):
    cards_changed = Signal(list)  # list[PromptCard]
    balance_changed = Signal(object)  # Balance
    problem = Signal(str)

    def __init__(self, live: LiveSession, parent: QObject | None = None) -> None:
        """``live``: the window's session, whose worker, tasks, workshop and clock it uses."""
        super().__init__(parent)
        self._runner = live.runner
        self._tasks = live.tasks
        self.workshop_id = live.workshop_id
        self.clock = live.clock
        self.library: Library | None = None
        self.cards: list[prompts.PromptCard] = []
        self.balance: Balance | None = None
        self.running_item: uuid.UUID | None = None
        self.unavailable = False
        self._refresh_timer = QTimer(self, interval=REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._refresh_timer.start()
        workshop_events().minutes_changed.connect(self._minutes_changed)

    def _minutes_changed(self, workshop_id: uuid.UUID, _source: object) -> None:
        if workshop_id == self.workshop_id:
            self.refresh()

    def reload_library(self) -> None:
        """Read the library again (after the facilitator changed it), then refresh."""
        self.library = None
        self.unavailable = False
        self.refresh()

    def refresh(self) -> None:
        self._tasks.start(self._refresh(), "prompts refresh")

    async def _refresh(self) -> None:
        if self.unavailable:
            return
        if self.library is None:
            try:
                self.library = await self._runner.call(load_library)
            except UserFacingError as error:  # A damaged changes file: say so, use the shipped.
                self.problem.emit(str(error))
                try:
                    self.library = build_library(Customisations())
                except UserFacingError:  # The shipped files too: no prompts, and no nagging.
                    self.unavailable = True
                    self._refresh_timer.stop()
                    return
        library, workshop_id, now = self.library, self.workshop_id, self.clock.now()

        def work(session: Session) -> tuple[list[prompts.PromptCard], Balance]:
            turns = speaking.workshop_turns(session, workshop_id)
            cards = prompts.refresh(session, workshop_id, library, now, turns)
            return cards, balance(session, workshop_id, turns, now)

        cards, view = await self._runner.run(work)
        if not shiboken6.isValid(self):
            return
        if [(c.log_id, c.detail) for c in cards] != [(c.log_id, c.detail) for c in self.cards]:
            self.cards = cards
            self.cards_changed.emit(cards)
        if view != self.balance:  # Only on change: a long workshop makes few Qt calls.
            self.balance = view
            self.balance_changed.emit(view)

    def answer(self, log_id: uuid.UUID, outcome: PromptOutcome) -> None:
        """The facilitator acted on a prompt or dismissed it: log it, and take the card away."""
        now = self.clock.now()
        self.cards = [card for card in self.cards if card.log_id != log_id]
        self.cards_changed.emit(self.cards)

        async def write() -> None:
            await self._runner.run(lambda session: prompts.answer(session, log_id, outcome, now))
            if shiboken6.isValid(self):
                self.refresh()

        self._tasks.start(write(), "prompt answer")

    # Tap-to-time speaking ---------------------------------------------------------------

    def tap(self, participant_id: uuid.UUID) -> None:
        """Start (or stop) timing this person: stored at once, then shown from what is stored."""
        workshop_id, now, item = self.workshop_id, self.clock.now(), self.running_item
        self._write(
            lambda session: speaking.tap(session, workshop_id, participant_id, now, item),
            "speaking turn",
        )

    def stop_timing(self) -> None:
        workshop_id, now = self.workshop_id, self.clock.now()
        self._write(lambda session: speaking.end_turn(session, workshop_id, now), "stop timing")

    def _write(self, change: Callable[[Session], object], name: str) -> None:
        async def write() -> None:
            try:
                await self._runner.run(change)
            except UserFacingError as error:
                if shiboken6.isValid(self):
                    self.problem.emit(str(error))
                return
            if shiboken6.isValid(self):
                self.refresh()

        self._tasks.start(write(), name)

    def summary(self) -> RoomSummary | None:
        return room_summary(self.balance) if self.balance is not None else None
