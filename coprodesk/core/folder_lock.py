"""One CoproDesk at a time on a data folder.

The lock is an operating-system file lock, so it is let go when the process
ends, even after a crash or a kill.
"""

from __future__ import annotations

from pathlib import Path

from coprodesk import paths
from coprodesk.core.dbfile import unopenable
from coprodesk.core.errors import FolderInUse


class FolderLock:
    """Keeps a second CoproDesk from writing to the same data folder at once."""

    def __init__(self, folder: Path | None = None) -> None:
        import filelock

        folder = folder or paths.data_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise unopenable(folder / paths.DATABASE_NAME, error) from error
        self.folder = folder
        # Not thread-local: the lock belongs to the whole process.
        self._lock = filelock.FileLock(folder / paths.LOCK_NAME, timeout=0, thread_local=False)

    @property
    def is_locked(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        import filelock

        try:
            self._lock.acquire()
        except filelock.Timeout as error:
            raise FolderInUse(
                f"The data folder {self.folder} is already in use by another CoproDesk window "
                "or command. Switch to that window, or close it and try again. Nothing was changed."
            ) from error
        except OSError as error:
            raise unopenable(self.folder / paths.DATABASE_NAME, error) from error

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> FolderLock:
        self.acquire()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()
