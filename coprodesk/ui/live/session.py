"""The live workshop's state in the window, and every change to it.

``LiveSession`` keeps the latest ``LiveView`` read from the core and announces
it with ``changed``. Each change is one transaction on the database worker
that writes through the core and reads the new view back, so the window never
shows anything that was not saved.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal

from coprodesk.core import attendance, live
from coprodesk.core.errors import UserFacingError
from coprodesk.core.live import Step
from coprodesk.core.live_view import LiveView, begin_live, live_view, move_step
from coprodesk.core.models import AttendanceStatus

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coprodesk.ui.live.clock import Clock
    from coprodesk.ui.tasks import DbRunner, TaskKeeper


class LiveSession(QObject):
    """One workshop, live: read it, change it, tell the window."""

    changed = Signal(object)  # LiveView
    saved = Signal()
    refused = Signal(str)  # a plain message: a change the core turned down (nothing changed)
    roles_read = Signal(list)  # list[RoleReveal]

    def __init__(
        self,
        runner: DbRunner,
        tasks: TaskKeeper,
        workshop_id: uuid.UUID,
        clock: Clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._tasks = tasks
        self.workshop_id = workshop_id
        self.clock = clock
        self.view: LiveView | None = None

    @property
    def runner(self) -> DbRunner:
        return self._runner

    @property
    def tasks(self) -> TaskKeeper:
        return self._tasks

    # Reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the view again after a change saved elsewhere (the group agreement)."""
        self._tasks.start(self._apply(lambda _session: None, saved=False), "live refresh")

    def open(self) -> None:
        """Start a planned workshop, or resume a live or closed one, and show it."""
        now = self.clock.now()
        self._tasks.start(
            self._apply(lambda session: begin_live(session, self.workshop_id, now), saved=False),
            "live open",
        )

    def read_roles(self) -> None:
        """Read the roles people agreed to share and send them to ``roles_read``.

        Only on the facilitator's request: roles never sit in the view, so they
        cannot reach the projector.
        """
        self._tasks.start(self._read_roles(), "live roles")

    async def _read_roles(self) -> None:
        workshop_id = self.workshop_id
        roles = await self._runner.read(
            lambda session: attendance.revealable_roles(session, workshop_id)
        )
        if shiboken6.isValid(self):
            self.roles_read.emit(roles)

    # Steps and the agenda timer ----------------------------------------------------------

    def go_to(self, step: Step) -> None:
        now = self.clock.now()
        self._change(lambda session: live.go_to_step(session, self.workshop_id, step, now))

    def step_forward(self) -> None:
        self._move(forward=True)

    def step_back(self) -> None:
        self._move(forward=False)

    def _move(self, *, forward: bool) -> None:
        now = self.clock.now()
        self._change(lambda session: move_step(session, self.workshop_id, forward, now))

    def start_item(self, item_id: uuid.UUID) -> None:
        now = self.clock.now()
        self._change(lambda session: live.start_item(session, item_id, now))

    def next_item(self) -> None:
        now = self.clock.now()
        self._change(lambda session: live.next_item(session, self.workshop_id, now))

    def close_workshop(self) -> None:
        """Close, unless the closing gate refuses: then ``refused`` says why, no dialog."""
        now = self.clock.now()
        self.change_or_refuse(lambda session: live.close_workshop(session, self.workshop_id, now))

    def reopen_workshop(self) -> None:
        self._change(lambda session: live.reopen_workshop(session, self.workshop_id))

    # People -------------------------------------------------------------------------------

    def set_status(self, participant_id: uuid.UUID, status: AttendanceStatus | None) -> None:
        now = self.clock.now()
        self._change(
            lambda session: attendance.set_status(
                session, self.workshop_id, participant_id, status, now
            )
        )

    async def add_late_arrival(self, name: str) -> uuid.UUID:
        """Add someone by name and mark them present; a refused name raises ``InvalidInput``."""
        now = self.clock.now()
        added: list[uuid.UUID] = []

        def write(session: Session) -> None:
            added.append(attendance.add_late_arrival(session, self.workshop_id, name, now))

        await self._apply(write)
        return added[0]

    # Writing ------------------------------------------------------------------------------

    def _change(self, write: Callable[[Session], object]) -> None:
        self._tasks.start(self._apply(write), "live change")

    def change_or_refuse(
        self, write: Callable[[Session], object], done: Callable[[], object] | None = None
    ) -> None:
        """Make a change whose refusal (bad input, the closing gate) is shown in place,
        never in a dialog: ``refused`` carries the plain message; ``done`` runs on success."""
        self._tasks.start(self._apply_or_refuse(write, done), "live change")

    async def _apply_or_refuse(
        self, write: Callable[[Session], object], done: Callable[[], object] | None
    ) -> None:
        try:
            await self._apply(write)
        except UserFacingError as error:
            if shiboken6.isValid(self):
                self.refused.emit(str(error))
            return
        if done is not None and shiboken6.isValid(self):
            done()

    async def _apply(self, write: Callable[[Session], object], *, saved: bool = True) -> None:
        workshop_id, now = self.workshop_id, self.clock.now()

        def write_and_read(session: Session) -> LiveView:
            write(session)
            return live_view(session, workshop_id, now)

        view = await self._runner.run(write_and_read)
        if not shiboken6.isValid(self):  # The window closed meanwhile; the change is saved.
            return
        self.view = view
        self.changed.emit(view)
        if saved:
            self.saved.emit()
