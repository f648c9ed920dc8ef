"""The group agreement in the live window: every change saved at once, then read back.

Like ``LiveSession``, each change is one transaction on the database worker that
writes through ``coprodesk.core.agreements`` and reads the new ``AgreementView``.
A change the core refuses (an empty statement, someone not marked present)
comes back as ``refused`` with its plain message, for the page to show beside
the field: nothing modal, nothing lost. After a change the live view is read
again too, so the projector shows the new words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from coprodesk.core import agreements
from coprodesk.core.agreements import AgreementView
from coprodesk.core.errors import UserFacingError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coprodesk.ui.live.session import LiveSession


class AgreementSession(QObject):
    changed = Signal(object)  # AgreementView
    refused = Signal(str)
    saved = Signal()
    history_read = Signal(list)  # list[VersionView], newest first

    def __init__(self, live: LiveSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.live = live
        self.view: AgreementView | None = None

    def load(self) -> None:
        self.live.tasks.start(self._run(None), "agreement read")

    def load_history(self) -> None:
        self.live.tasks.start(self._read_history(), "agreement history")

    async def _read_history(self) -> None:
        series_id = self.view.series_id if self.view else None
        if series_id is None:
            return
        versions = await self.live.runner.read(
            lambda session: agreements.history(session, series_id)
        )
        if shiboken6.isValid(self):
            self.history_read.emit(versions)

    def change(
        self,
        write: Callable[[Session], Any],
        then: Callable[[Any], None] | None = None,
    ) -> None:
        """Run ``write``; once saved, show the new view and call ``then`` with its result."""
        self.live.tasks.start(self._run(write, then), "agreement change")

    async def _run(
        self,
        write: Callable[[Session], Any] | None,
        then: Callable[[Any], None] | None = None,
    ) -> None:
        workshop_id = self.live.workshop_id

        def read(session: Session) -> AgreementView:
            return agreements.agreement_view(session, workshop_id)

        def write_and_read(session: Session) -> tuple[Any, AgreementView]:
            assert write is not None
            return write(session), agreements.agreement_view(session, workshop_id)

        result: Any = None
        try:
            if write is None:
                view = await self.live.runner.read(read)
            else:
                result, view = await self.live.runner.run(write_and_read)
        except UserFacingError as error:
            if shiboken6.isValid(self):
                self.refused.emit(str(error))
            return
        if not shiboken6.isValid(self):  # The window closed meanwhile; the change is saved.
            return
        self.view = view
        self.changed.emit(view)
        if write is not None:
            self.saved.emit()
            self.live.refresh()
        if then is not None:
            then(result)
