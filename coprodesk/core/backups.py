"""Copies of the database in ``backups/``: taken, checked and named so none is ever overwritten.

Every copy goes through SQLite's online backup API (a consistent snapshot even
while the app writes), is written under a temporary name, checked with
``integrity_check`` and only then renamed into place, so a crash or a full disk
never leaves a half-written file that looks like a backup. Everything that
creates, lists, thins, restores or rewrites backups lives in this module.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from datetime import datetime
from pathlib import Path

from coprodesk import paths
from coprodesk.core.errors import StorageError
from coprodesk.core.private_files import make_private, private_folder

log = logging.getLogger(__name__)

SUFFIX = ".db"
PREFIX = "coprodesk-"


class BackupFailed(StorageError):
    """A backup could not be written or did not check out; the original is untouched."""


def take_backup(source: Path, reason: str) -> Path:
    """Copy ``source`` into the backups folder, verified; return the new file.

    The name holds the reason, the time to the microsecond and a random part, so
    a retry can never replace an earlier copy. A copy that cannot be completed is
    removed and ``BackupFailed`` raised; ``source`` is never changed.
    """
    folder = private_folder(paths.backups_dir())
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{PREFIX}{reason}-{stamp}-{uuid.uuid4().hex[:6]}{SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    try:
        _copy(source, partial)
        _verify(partial)
        partial.replace(target)
        _sync_folder(folder)
    except (sqlite3.Error, OSError) as error:
        _remove_quietly(partial)
        raise BackupFailed(
            f"CoproDesk could not make a safe copy of {source} in {folder} "
            f"({_reason(error)}). The database itself was not changed. "
            "Free some space on the disk, then try again."
        ) from error
    log.info("database copied to backups (%s)", reason)
    return target


def _copy(source: Path, target: Path) -> None:
    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        writer = sqlite3.connect(target)
        try:
            make_private(target)
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode=DELETE")
        finally:
            writer.close()
    finally:
        reader.close()
    make_private(target)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def _verify(copy: Path) -> None:
    connection = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        (result,) = connection.execute("PRAGMA integrity_check").fetchone()
    finally:
        connection.close()
    if result != "ok":
        raise sqlite3.DatabaseError(f"the copy failed its check: {result}")


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove an unfinished backup file")


def _reason(error: BaseException) -> str:
    text = getattr(error, "strerror", None) or str(error)
    return text or type(error).__name__
