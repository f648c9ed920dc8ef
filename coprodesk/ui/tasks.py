"""Running work off the UI thread and reporting how it went.

``DbRunner`` owns the one worker thread that touches the data folder: it takes
the folder lock, opens the database and runs every unit of work there, one at
a time, each in its own short transaction (as Anki's task manager does).
``TaskKeeper`` starts coroutines from the UI, keeps a reference to each until
it ends, counts what is busy, and turns failures into plain messages.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from coprodesk.ui import errors

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.orm import Session

    from coprodesk.core.db import Database
    from coprodesk.core.folder_lock import FolderLock

T = TypeVar("T")

# Quick work never flashes a busy cursor (as in Anki).
BUSY_CURSOR_DELAY_MS = 300


class DbRunner:
    """The data folder's one worker thread; every database call goes through it."""

    def __init__(self, lock: FolderLock | None = None) -> None:
        """``lock``: the data folder's lock when the caller holds it already."""
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="coprodesk-db")
        self._database: Database | None = None
        self._lock: FolderLock | None = lock
        self._opened = asyncio.Event()

    @property
    def database_path(self) -> Path | None:
        return self._database.path if self._database is not None else None

    async def call(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` on the worker thread and wait for its result."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, fn)

    async def open(self, setup: Callable[[Session], object] | None = None) -> None:
        """Take the folder lock, open the database, then run ``setup`` in a transaction.

        Work asked of ``run`` and ``read`` meanwhile waits until the database is open.
        """
        try:
            await self.call(functools.partial(self._open, setup))
        finally:
            self._opened.set()

    async def run(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in one committed transaction on the worker thread."""
        await self._opened.wait()
        return await self.call(functools.partial(self._in_transaction, fn))

    async def read(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a read-only session on the worker thread."""
        await self._opened.wait()
        return await self.call(functools.partial(self._reading, fn))

    async def use(self, fn: Callable[[Database], T]) -> T:
        """Run ``fn`` with the open database on the worker thread; it makes its own units."""
        await self._opened.wait()
        return await self.call(functools.partial(self._with_database, fn))

    def close(self) -> None:
        """Close the database and release the lock, waiting for work in flight."""
        try:
            self._executor.submit(self._close).result()
        finally:
            self._executor.shutdown(wait=True)

    def _take_lock(self) -> None:
        from coprodesk.core.folder_lock import FolderLock

        if self._lock is None:
            lock = FolderLock()
            lock.acquire()
            self._lock = lock

    def _open(self, setup: Callable[[Session], object] | None) -> None:
        from coprodesk.core.db import open_database

        if self._database is not None:
            return
        self._take_lock()
        try:
            self._database = open_database()
        except BaseException:
            self._release_lock()
            raise
        if setup is not None:
            self._in_transaction(setup)

    def _release_lock(self) -> None:
        lock, self._lock = self._lock, None
        if lock is not None:
            lock.release()

    def _open_database(self) -> Database:
        if self._database is None:
            raise RuntimeError("the database is not open")
        return self._database

    def _with_database(self, fn: Callable[[Database], T]) -> T:
        return fn(self._open_database())

    def _in_transaction(self, fn: Callable[[Session], T]) -> T:
        with self._open_database().transaction() as session:
            return fn(session)

    def _reading(self, fn: Callable[[Session], T]) -> T:
        with self._open_database().reading() as session:
            return fn(session)

    def _close(self) -> None:
        database, lock = self._database, self._lock
        self._database = self._lock = None
        try:
            if database is not None:
                database.close()
        finally:
            if lock is not None:
                lock.release()


class TaskKeeper(QObject):
    """Starts UI coroutines, keeps them alive, reports their failures plainly.

    While anything runs for longer than ``BUSY_CURSOR_DELAY_MS`` the cursor shows it.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self._tasks: set[asyncio.Task[Any]] = set()
        self._busy = 0
        self._cursor_shown = False
        self._cursor_timer = QTimer(self, singleShot=True, interval=BUSY_CURSOR_DELAY_MS)
        self._cursor_timer.timeout.connect(self._show_busy_cursor)

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def start(self, work: Coroutine[Any, Any, object], event: str) -> asyncio.Task[None]:
        """Run ``work`` as a task; ``event`` names it in the log (never user text).

        The keeper is busy from this call, not from the task's first step, so that
        waiting for it to be idle also waits for work that has not begun yet.
        """
        self._set_busy(+1)
        task = asyncio.ensure_future(self._guarded(work, event))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _guarded(self, work: Coroutine[Any, Any, object], event: str) -> None:
        try:
            await work
        except asyncio.CancelledError:
            raise
        except Exception as error:
            errors.report(error, self._window, event)
        finally:
            self._set_busy(-1)

    def _set_busy(self, change: int) -> None:
        was_busy = self.busy
        self._busy += change
        if self.busy == was_busy or not shiboken6.isValid(self):
            return  # Nothing changed, or the window went first and took the keeper with it.
        if self.busy:
            self._cursor_timer.start()
        else:
            self._cursor_timer.stop()
            if self._cursor_shown:
                self._cursor_shown = False
                QGuiApplication.restoreOverrideCursor()
        self.busy_changed.emit(self.busy)

    def _show_busy_cursor(self) -> None:
        if self.busy and not self._cursor_shown:
            self._cursor_shown = True
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
