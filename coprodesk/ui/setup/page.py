"""What every set-up screen shares: its header, saving, and undo.

A set-up screen has a fixed header (Back to series, a heading, a calm line
saying whether changes are saved, and an Undo offer after a removal) above a
body that scrolls, so that nothing is cut off at large text sizes. Every change
goes through ``save``: one transaction on the database worker; a refusal shows
the core's message beside the field and leaves the database as it was.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coprodesk.core.errors import UserFacingError
from coprodesk.ui.palette import GRID
from coprodesk.ui.setup.fields import Field, Saver, plain, problem_label
from coprodesk.ui.widgets import heading, hint

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from sqlalchemy.orm import Session

    from coprodesk.core.undo import Removed
    from coprodesk.ui.tasks import DbRunner

T = TypeVar("T")

SAVED_AS_YOU_GO = "Changes are saved as you go."
NOT_SAVED = "Not saved: see the message beside the field."
LEAVE_WARNING = (
    "Some changes were not saved: see the messages beside the fields. Correct them, "
    "or choose Back to series again to leave them unsaved."
)


@dataclass(frozen=True)
class SetupActions:
    """The window's actions whose keys work on the set-up screens."""

    back: QAction
    undo: QAction
    remove: QAction
    move_up: QAction
    move_down: QAction


@dataclass(frozen=True)
class Services:
    """The pieces a set-up screen needs from the window, and nothing more."""

    runner: DbRunner
    start: Callable[[Coroutine[Any, Any, object], str], asyncio.Task[None]]
    lists_changed: Callable[[], None]
    actions: SetupActions


def scrolling(body: QWidget) -> QScrollArea:
    """``body`` in a scroll area that reflows it to the width and scrolls it down."""
    area = QScrollArea()
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def keep_fitted(view: QAbstractItemView, most: int) -> None:
    """Keep ``view`` as tall as its rows (up to ``most``), so the page scrolls, not the list.

    Rows that wrap grow taller when the text is larger or the window narrower; the
    height follows them.
    """

    def row_height(row: int) -> int:
        return view.rowHeight(row) if isinstance(view, QTableView) else view.sizeHintForRow(row)

    def refit() -> None:
        model = view.model()
        rows = min(model.rowCount(), most)
        height = sum(row_height(row) for row in range(rows)) or view.fontMetrics().height()
        if isinstance(view, QTableView) and not view.horizontalHeader().isHidden():
            height += view.horizontalHeader().sizeHint().height()
        view.setFixedHeight(height + view.frameWidth() * 2 + GRID // 2)

    def refit_soon() -> None:
        QTimer.singleShot(0, view, refit)

    model = view.model()
    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
        signal.connect(refit_soon)
    if isinstance(view, QTableView):
        view.verticalHeader().sectionResized.connect(refit_soon)
    refit()


def plain_button(text: str, slot: Callable[[], object], *, primary: bool = False) -> QPushButton:
    """A button that says what it does (``text`` may hold a mnemonic: "&Add date")."""
    button = QPushButton(text)
    button.setAccessibleName(plain(text))
    button.setAutoDefault(False)
    if primary:
        button.setProperty("role", "primary")
    button.clicked.connect(slot)
    return button


def action_button(action: QAction, text: str = "") -> QPushButton:
    """A button for ``action`` (with its own, shorter ``text`` if given)."""
    return plain_button(text or action.text(), action.trigger)


class UndoBar(QWidget):
    """ "Removed …" with an Undo button, shown after something is removed."""

    def __init__(self, undo: QAction) -> None:
        super().__init__()
        self.message = hint("")
        self.button = action_button(undo, "&Undo")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def offer(self, text: str) -> None:
        self.message.setText(text)
        self.button.setAccessibleDescription(text)
        self.show()


class SetupPage(QWidget):
    """The shared frame of a set-up screen; subclasses fill ``body`` and ``load`` data."""

    loaded = Signal()
    # Whether the screen sets up a workshop (focus returns to the workshop list).
    about_workshop = False

    def __init__(self, services: Services, title: str) -> None:
        super().__init__()
        self.services = services
        self._pending: set[asyncio.Task[None]] = set()
        self._undo: Callable[[], None] | None = None
        self._warned = False

        actions = services.actions
        self.back_button = action_button(actions.back)
        self.heading = heading(title)
        self.status = hint(SAVED_AS_YOU_GO)
        self.problem = problem_label()
        self.undo_bar = UndoBar(actions.undo)
        self.addAction(actions.undo)
        actions.undo.setEnabled(False)

        header = QVBoxLayout()
        header.setSpacing(GRID)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch()
        header.addLayout(row)
        header.addWidget(self.heading)
        header.addWidget(self.status)
        header.addWidget(self.problem)
        header.addWidget(self.undo_bar)

        self.body = QVBoxLayout()
        self.body.setSpacing(GRID * 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID * 2, GRID * 2, GRID * 2, GRID)
        layout.setSpacing(GRID * 2)
        layout.addLayout(header)
        layout.addLayout(self.body, 1)

    def set_title(self, title: str) -> None:
        self.heading.setText(title)

    # Loading and leaving ------------------------------------------------------------------

    async def load(self) -> None:
        """Read what the screen shows; emits ``loaded``."""
        raise NotImplementedError

    def focus_first(self) -> None:
        self.focusNextChild()

    async def finish(self) -> bool:
        """Save what is typed and wait for every save; False (once) if some were refused."""
        for saver in self.findChildren(Saver):
            saver.flush()
        while self._pending:
            await asyncio.gather(*list(self._pending), return_exceptions=True)
        problems = [field for field in self.findChildren(Field) if field.problem_text()]
        if (problems or not self.problem.isHidden()) and not self._warned:
            self._warned = True
            self.status.setText(LEAVE_WARNING)
            if problems:
                problems[0].control.setFocus()
            return False
        self.services.actions.undo.setEnabled(False)
        return True

    # Saving -------------------------------------------------------------------------------

    def save(
        self,
        work: Callable[[Session], T],
        event: str,
        *,
        field: Field | None = None,
        lists: bool = False,
        done: Callable[[T], None] | None = None,
        failed: Callable[[str], None] | None = None,
    ) -> None:
        """Run ``work`` in one transaction, then ``done(result)``.

        On a refusal the core's message shows beside ``field`` (or under the
        heading) and ``failed(message)`` runs; the database is unchanged.
        ``lists`` says the change shows in the main window's lists.
        """
        task = self.services.start(self._save(work, field, lists, done, failed), event)
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def _save(
        self,
        work: Callable[[Session], T],
        field: Field | None,
        lists: bool,
        done: Callable[[T], None] | None,
        failed: Callable[[str], None] | None,
    ) -> None:
        self.status.setText("Saving…")
        try:
            result = await self.services.runner.run(work)
        except UserFacingError as error:
            if field is not None:
                field.show_problem(str(error))
            else:
                self.show_problem(str(error))
            self.status.setText(NOT_SAVED if field is not None else "Not saved.")
            if failed is not None:
                failed(str(error))
            return
        if field is not None:
            field.clear_problem()
        self.problem.hide()
        self._warned = False
        self.status.setText(f"Saved at {datetime.now():%H:%M}.")
        if done is not None:
            done(result)
        if lists:
            self.services.lists_changed()

    def show_problem(self, text: str) -> None:
        """A refusal that belongs to no one field (a row in a list, say)."""
        self.problem.setText(text)
        self.problem.show()

    def clear_problem(self) -> None:
        self.problem.hide()

    # Removing with undo -------------------------------------------------------------------

    def remove_with_undo(
        self,
        event: str,
        remove: Callable[[Session], Removed | None],
        restore: Callable[[Session, Removed], object],
        read: Callable[[Session], T],
        show: Callable[[T], None],
        message: Callable[[Removed], str],
    ) -> None:
        """Remove something at once, show the list again (``read`` then ``show``), and
        offer Undo with ``message(removed)``, which ``restore`` carries out."""

        def removing(session: Session) -> tuple[Removed | None, T]:
            return remove(session), read(session)

        def removed(result: tuple[Removed | None, T]) -> None:
            snapshot, fresh = result
            show(fresh)
            if snapshot is None:
                return

            def put_back(session: Session) -> T:
                restore(session, snapshot)
                return read(session)

            self._offer_undo(
                message(snapshot), lambda: self.save(put_back, f"{event}.undo", done=show)
            )

        self.save(removing, event, done=removed)

    def _offer_undo(self, text: str, undo: Callable[[], None]) -> None:
        self._undo = undo
        self.undo_bar.offer(text)
        self.services.actions.undo.setEnabled(True)

    def undo_removal(self) -> None:
        if self._undo is None:
            return
        undo, self._undo = self._undo, None
        self.undo_bar.hide()
        self.services.actions.undo.setEnabled(False)
        undo()

    def remove_chosen(self) -> None:
        """Remove the chosen row of whichever list has the focus (Delete)."""

    def move_item(self, step: int) -> None:
        """Move the chosen agenda item (Ctrl+Up, Ctrl+Down)."""


def section(title: str, buddy: QWidget | None = None) -> QLabel:
    """A heading inside a screen; the buddy is the list or field it names."""
    label = heading(title)
    if buddy is not None:
        label.setBuddy(buddy)
    return label
