"""Opening, refusing and upgrading databases; nothing unsafe is ever written."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from coprodesk import paths
from coprodesk.core import dbfile, series
from coprodesk.core.db import Database, open_database
from coprodesk.core.errors import (
    DamagedDatabase,
    FolderInUse,
    NewerDatabase,
    NotACoproDeskDatabase,
    StorageError,
)
from coprodesk.core.folder_lock import FolderLock
from coprodesk.core.models import Base

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _script_directory() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(paths.migrations_dir()))
    return ScriptDirectory.from_config(config)


def test_new_database_has_safe_pragmas(db: Database) -> None:
    with db.engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
        assert pragma("PRAGMA application_id").scalar() == dbfile.APPLICATION_ID


def test_known_revisions_match_the_migration_scripts() -> None:
    scripts = _script_directory()
    ordered = [revision.revision for revision in scripts.walk_revisions()][::-1]
    assert tuple(ordered) == dbfile.KNOWN_REVISIONS
    assert scripts.get_current_head() == dbfile.SCHEMA_HEAD


def test_migrations_build_exactly_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_a_change_is_on_disk_once_the_transaction_ends(db: Database) -> None:
    with db.transaction() as session:
        series.create_series(session, "Bus routes")
    raw = sqlite3.connect(db.path)
    try:
        assert raw.execute("SELECT title FROM series").fetchall() == [("Bus routes",)]
    finally:
        raw.close()


def _half_done(db: Database) -> None:
    with db.transaction() as session:
        series.create_series(session, "Half done")
        raise RuntimeError


def test_a_failed_unit_of_work_leaves_nothing_behind(db: Database) -> None:
    with pytest.raises(RuntimeError):
        _half_done(db)
    with db.reading() as session:
        assert series.list_series(session) == []


def _refused_untouched(path: Path, error: type[Exception]) -> str:
    before = path.read_bytes()
    with pytest.raises(error) as raised:
        open_database(path)
    assert path.read_bytes() == before
    assert not paths.backups_dir().exists()
    message = str(raised.value)
    assert str(path) in message
    return message


def test_a_text_file_is_refused_and_never_overwritten(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "coprodesk.db"
    path.write_text("Minutes of the meeting, typed in the wrong place.\n")
    message = _refused_untouched(path, NotACoproDeskDatabase)
    assert "not a CoproDesk database" in message


def test_another_programs_database_is_refused(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "coprodesk.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.commit()
    other.close()
    assert "another program" in _refused_untouched(path, NotACoproDeskDatabase)


def test_a_damaged_database_is_refused(db: Database) -> None:
    with db.transaction() as session:
        for number in range(200):
            series.create_series(session, f"Series {number}", "A purpose " * 20)
    db.close()
    raw = bytearray(db.path.read_bytes())
    raw[4096 : 4096 + 64] = b"\xff" * 64  # scribble over the second page
    db.path.write_bytes(bytes(raw))
    assert "damaged" in _refused_untouched(db.path, DamagedDatabase)


def test_a_newer_database_is_refused(db: Database) -> None:
    with db.transaction() as session:
        session.connection().exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    assert "newer version of CoproDesk" in _refused_untouched(db.path, NewerDatabase)


def test_a_database_in_a_folder_that_is_a_file_gets_a_plain_message(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(StorageError, match="could not open the database") as raised:
        open_database(blocker / "coprodesk.db")
    assert "Nothing was changed" in str(raised.value)


def test_each_released_schema_fixture_opens_and_keeps_its_data(tmp_path: Path) -> None:
    fixtures = sorted(FIXTURES.glob("schema-*.db"))
    # Every fixture is of a known revision, in order, starting with the first. A revision
    # gets its fixture when it is released (make_schema_fixture.py), once its place in the
    # chain is settled; the head may be newer than the last fixture until then.
    made = [fixture.stem.removeprefix("schema-") for fixture in fixtures]
    assert made == list(dbfile.KNOWN_REVISIONS[: len(made)])
    assert made[0] == dbfile.KNOWN_REVISIONS[0]
    for fixture in fixtures:
        copy = tmp_path / fixture.name
        shutil.copy(fixture, copy)
        database = open_database(copy)
        try:
            with database.reading() as session:
                titles = [summary.title for summary in series.list_series(session)]
            assert titles == ["Riverside drop-in: shaping it together"]
            assert database.integrity_ok()
        finally:
            database.close()


NEXT_REVISION = """
from alembic import op
import sqlalchemy as sa

revision = "0999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("series") as batch:
        batch.add_column(sa.Column("colour", sa.String(20), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("series") as batch:
        batch.drop_column("colour")
"""


def test_an_upgrade_copies_the_database_first(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.transaction() as session:
        series.create_series(session, "Before the upgrade")
    db.close()

    before = dbfile.SCHEMA_HEAD
    migrations = tmp_path / "migrations"
    shutil.copytree(paths.migrations_dir(), migrations)
    (migrations / "versions" / "0999_add_colour.py").write_text(
        textwrap.dedent(NEXT_REVISION.format(head=dbfile.SCHEMA_HEAD))
    )
    monkeypatch.setattr(paths, "migrations_dir", lambda: migrations)
    monkeypatch.setattr(dbfile, "KNOWN_REVISIONS", (*dbfile.KNOWN_REVISIONS, "0999"))
    monkeypatch.setattr(dbfile, "SCHEMA_HEAD", "0999")

    upgraded = open_database(db.path)
    try:
        with upgraded.reading() as session:
            row = session.connection().exec_driver_sql("SELECT title, colour FROM series").one()
        assert tuple(row) == ("Before the upgrade", "")
    finally:
        upgraded.close()
    (backup,) = paths.backups_dir().glob("*.db")
    assert f"upgrade-from-{before}" in backup.name
    old = sqlite3.connect(backup)
    try:
        assert old.execute("SELECT version_num FROM alembic_version").fetchall() == [(before,)]
        assert old.execute("SELECT title FROM series").fetchall() == [("Before the upgrade",)]
    finally:
        old.close()


HOLD_LOCK = """
import sys, time
from pathlib import Path
from coprodesk.core.folder_lock import FolderLock
with FolderLock(Path(sys.argv[1])):
    print("holding", flush=True)
    sys.stdin.readline()
"""


def test_a_second_copy_is_told_the_folder_is_in_use(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(FolderInUse, match="already in use"):
            FolderLock(data_dir).acquire()
    finally:
        holder.communicate("done\n")
    with FolderLock(data_dir):
        pass  # free again once the other copy has gone
