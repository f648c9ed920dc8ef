"""Statements prepared once and run straight on SQLite write what a session would."""

from __future__ import annotations

import sqlite3
import uuid
from typing import cast

import pytest
from sqlalchemy import Table, bindparam, insert, select

from coprodesk.core import minutes, roster, series
from coprodesk.core.db import Database
from coprodesk.core.errors import StorageError
from coprodesk.core.models import EntryKind, MinuteEntry, Series
from coprodesk.core.nameguard import NameGuard
from coprodesk.core.prepared import PreparedInsert

SERIES = cast(Table, Series.__table__)


def test_values_are_converted_and_defaults_filled_as_a_session_would(db: Database) -> None:
    prepared = PreparedInsert(insert(SERIES), ("id", "title"))
    series_id = uuid.uuid4()
    with db.direct() as connection:
        prepared.run(connection, {"id": series_id, "title": "Bus routes"})
    with db.transaction() as session:
        by_session = series.create_series(session, "Bus routes")
    with db.reading() as session:
        direct, usual = (session.get(Series, key) for key in (series_id, by_session))
        assert direct is not None
        assert usual is not None
        columns = [column.key for column in SERIES.columns]
        for key in set(columns) - {"id", "created_at", "updated_at"}:
            assert getattr(direct, key) == getattr(usual, key), key
        assert direct.created_at is not None
        assert direct.updated_at is not None


def test_a_parameter_with_no_value_is_refused_when_prepared() -> None:
    statement = insert(SERIES).values(title=bindparam("called"))
    with pytest.raises(ValueError, match="series: no value given for called"):
        PreparedInsert(statement, ("id",))
    assert "title" in PreparedInsert(statement, ("id", "called")).sql


def test_a_typed_line_is_stored_as_the_session_path_stores_an_entry(db: Database) -> None:
    with db.transaction() as session:
        series_id = series.create_series(session, "Same either way")
        workshop_id = series.create_workshop(session, series_id, "One")
        sam = roster.add_person(session, series_id, "Sam Okafor")
        guard = NameGuard.for_series(session, series_id)
        by_session = minutes.add_entry(
            session, workshop_id, "the 7 is late", speakers=[sam], kind=EntryKind.QUESTION
        )
    typed = minutes.record_line(db, workshop_id, "SO: question: the 7 is late", guard)
    with db.reading() as session:
        usual, direct = (session.get(MinuteEntry, key) for key in (by_session, typed.entry_id))
        assert usual is not None
        assert direct is not None
        skipped = {"id", "created_at", "updated_at", "recorded_at", "position"}
        for column in cast(Table, MinuteEntry.__table__).columns:
            if column.key not in skipped:
                assert getattr(direct, column.key) == getattr(usual, column.key), column.key
        assert (usual.position, direct.position) == (1, 2)
        assert [speaker.participant_id for speaker in direct.speakers] == [sam]


def _half_done(db: Database) -> None:
    with db.direct() as connection:
        PreparedInsert(insert(SERIES), ("id", "title")).run(
            connection, {"id": uuid.uuid4(), "title": "Half done"}
        )
        raise RuntimeError


def test_a_failed_direct_unit_leaves_nothing_behind(db: Database) -> None:
    with pytest.raises(RuntimeError):
        _half_done(db)
    with db.reading() as session:
        assert session.scalars(select(Series)).all() == []


def test_a_write_the_disk_refuses_gets_a_plain_message(db: Database) -> None:
    with db.transaction() as session:
        series_id = series.create_series(session, "Read only")
        workshop_id = series.create_workshop(session, series_id, "One")
    with db.direct() as connection:
        connection.execute("PRAGMA busy_timeout=0")  # give up at once rather than wait 5 s
    blocker = sqlite3.connect(db.path, timeout=0)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(StorageError, match="busy in another program"):
            minutes.record_line(db, workshop_id, "Nothing lost", NameGuard(()))
    finally:
        blocker.rollback()
        blocker.close()
    with db.reading() as session:
        assert minutes.entries(session, workshop_id) == []


def test_closing_the_database_lets_go_of_the_typing_connection(db: Database) -> None:
    with db.transaction() as session:
        series_id = series.create_series(session, "Let go")
        workshop_id = series.create_workshop(session, series_id, "One")
    minutes.record_line(db, workshop_id, "A line typed live", NameGuard(()))
    wal = db.path.with_name(db.path.name + "-wal")
    assert wal.exists()
    db.close()
    assert not wal.exists()  # SQLite removes it when the last connection closes
