"""Looking at a database file before opening it, with nothing but ``sqlite3``.

Cheap enough to run before the window has finished starting: it never loads
SQLAlchemy, never writes, and raises a plain error for any file that is not
safe to open.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from coprodesk import paths
from coprodesk.core.errors import (
    DamagedDatabase,
    NewerDatabase,
    NotACoproDeskDatabase,
    StorageError,
)

# "CPRD": marks a SQLite file as CoproDesk's (PRAGMA application_id).
APPLICATION_ID = 0x43505244
# Every schema revision this version knows, oldest first; the last is the head.
# A test keeps this in step with the Alembic scripts, so start-up need not load them.
KNOWN_REVISIONS = ("0001", "0005", "0006", "0007")
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileCheck:
    """What an existing file holds, found without writing to it."""

    is_new: bool
    revision: str | None

    @property
    def migration_due(self) -> bool:
        return self.is_new or self.revision != SCHEMA_HEAD


def inspect_file(path: Path) -> FileCheck:
    """Read-only look at ``path``; raise a plain error for anything unsafe to open."""
    try:
        if not path.exists() or path.stat().st_size == 0:
            return FileCheck(is_new=True, revision=None)
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise unopenable(path, error) from error
    if header != SQLITE_HEADER:
        raise NotACoproDeskDatabase(
            f"The file {path} is not a CoproDesk database, so CoproDesk has not opened it "
            "and has not changed it. Choose another data folder, or move that file away."
        )
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            (application_id,) = connection.execute("PRAGMA application_id").fetchone()
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            (check,) = connection.execute("PRAGMA quick_check").fetchone()
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise _damaged(path) from error
    if check != "ok":
        raise _damaged(path)
    if application_id != APPLICATION_ID:
        if not tables:
            return FileCheck(is_new=True, revision=None)
        raise NotACoproDeskDatabase(
            f"The file {path} is a database made by another program, not by CoproDesk. "
            "CoproDesk has not opened it and has not changed it."
        )
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerDatabase(
            f"The database {path} was made by a newer version of CoproDesk. "
            "This version has not opened it and has not changed it. "
            "Install the newer CoproDesk to open it."
        )
    return FileCheck(is_new=revision is None, revision=revision)


def unopenable(path: Path, error: Exception) -> StorageError:
    reason = getattr(error, "strerror", None) or "the folder cannot be used"
    return StorageError(
        f"CoproDesk could not open the database {path} ({reason}). The folder may be missing, "
        "read-only or on a drive that was removed. Nothing was changed. "
        "Check the folder, or choose another data folder."
    )


def _damaged(path: Path) -> DamagedDatabase:
    return DamagedDatabase(
        f"The database {path} is damaged and cannot be read safely. CoproDesk has not "
        f"changed it. Copies made before each upgrade are in {paths.backups_dir()}; "
        "a workshop bundle exported earlier can be imported into a new data folder."
    )
