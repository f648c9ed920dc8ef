"""Opening the database safely, and one short transaction per unit of work.

Every connection runs with WAL, ``foreign_keys=ON`` and ``synchronous=FULL``, so
each committed change survives a crash or a power cut. Before anything is
written, the file is checked: a file that is not a CoproDesk database, a
damaged one, or one from a newer CoproDesk is refused with a plain message and
never touched. A due migration first copies the file into ``backups/``.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from coprodesk import paths
from coprodesk.core import backups, dbfile
from coprodesk.core.dbfile import APPLICATION_ID, FileCheck, inspect_file, unopenable
from coprodesk.core.errors import StorageError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def create_engine(path: Path) -> Engine:
    # hide_parameters keeps names and minute text out of error messages and logs.
    engine = sa.create_engine(f"sqlite:///{path}", hide_parameters=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def migrate(engine: Engine, check: FileCheck, path: Path) -> None:
    """Bring the schema to the head revision; copy the file first if it held data."""
    if not check.migration_due:
        return
    if not check.is_new:
        backups.take_backup(path, f"upgrade-from-{check.revision}")
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
    log.info("database schema at %s (was %s)", dbfile.SCHEMA_HEAD, check.revision or "new")


class Database:
    """An open CoproDesk database. Hand out short sessions; keep none."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._direct: sqlite3.Connection | None = None
        self._direct_lock = threading.Lock()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on any error."""
        try:
            with self._sessions.begin() as session:
                yield session
        except OperationalError as error:
            raise storage_problem(error, self.path) from error

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading only; nothing is committed."""
        try:
            with self._sessions() as session:
                yield session
        except OperationalError as error:
            raise storage_problem(error, self.path) from error

    @contextmanager
    def direct(self) -> Iterator[sqlite3.Connection]:
        """One transaction straight on the SQLite driver, for the typing hot path.

        Always the same connection, made by the engine (same pragmas) and kept apart
        from its pool; one unit at a time. Committed on success, rolled back on any
        error. Use it with ``coprodesk.core.prepared``.
        """
        with self._direct_lock:
            try:
                connection = self._direct_connection()
                try:
                    yield connection
                    connection.commit()
                except BaseException:
                    connection.rollback()
                    raise
            except sqlite3.OperationalError as error:
                raise storage_problem(error, self.path) from error

    def _direct_connection(self) -> sqlite3.Connection:
        if self._direct is None:
            pooled = self.engine.raw_connection()
            connection = pooled.driver_connection
            assert isinstance(connection, sqlite3.Connection)
            pooled.detach()  # ours from now on: closed in close()
            self._direct = connection
        return self._direct

    def integrity_ok(self) -> bool:
        with self.engine.connect() as connection:
            return connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"

    def close(self) -> None:
        with self._direct_lock:
            if self._direct is not None:
                self._direct.close()
                self._direct = None
        self.engine.dispose()


def storage_problem(error: OperationalError | sqlite3.OperationalError, path: Path) -> StorageError:
    """Turn SQLite's operational failures into plain messages."""
    text = str(error.orig if isinstance(error, OperationalError) else error).lower()
    if "full" in text:
        problem = "The disk is full, so the last change could not be saved."
    elif "locked" in text or "busy" in text:
        problem = "The database is busy in another program, so the last change waited too long."
    elif "readonly" in text or "read-only" in text:
        problem = "The data folder cannot be written to, so the last change could not be saved."
    else:
        problem = "The database could not be written, so the last change was not saved."
    return StorageError(
        f"{problem} Everything saved before it is safe in {path}. "
        "Free some space or close the other program, then try again."
    )


def open_database(path: Path | None = None) -> Database:
    """Open (creating or upgrading when needed) the database in the data folder."""
    if path is None:
        path = paths.database_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise unopenable(path, error) from error
    check = inspect_file(path)
    engine = create_engine(path)
    try:
        migrate(engine, check, path)
    except OperationalError as error:
        engine.dispose()
        raise unopenable(path, error) from error
    return Database(path, engine)
