"""The first look at the data folder, taken on the UI thread just after the window paints.

It takes the folder lock, checks the database file and reads the series list
with plain ``sqlite3``: a few milliseconds, with nothing heavy imported, so the
list is on screen while the rest of CoproDesk loads behind it. When an upgrade
is due (or the folder is new) the list waits for the full opening instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from coprodesk import paths
from coprodesk.core.dbfile import inspect_file
from coprodesk.core.errors import StorageError
from coprodesk.core.folder_lock import FolderLock
from coprodesk.core.summaries import SeriesSummary, read_series_file


@dataclass(frozen=True)
class FirstLook:
    lock: FolderLock | None
    series: list[SeriesSummary] | None
    problem: StorageError | None = None


def take_first_look(*, read_list: bool = True) -> FirstLook:
    """Lock the folder and, when safe and wanted, read the series list."""
    lock = FolderLock()
    try:
        lock.acquire()
        path = paths.database_path()
        if not read_list or inspect_file(path).migration_due:
            return FirstLook(lock, None)
        return FirstLook(lock, read_series_file(path))
    except StorageError as error:
        if lock.is_locked:
            lock.release()
        return FirstLook(None, None, error)
