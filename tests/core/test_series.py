"""Series and workshops: create, rename, delete, list; bad input is refused plainly."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest
from sqlalchemy import func, select

from coprodesk.core import minutes, roster, series
from coprodesk.core.db import Database
from coprodesk.core.errors import InvalidInput, NotFound
from coprodesk.core.models import EntryKind, MinuteEntry, Participant, WorkshopStatus


def test_series_and_workshops_are_listed_in_order(db: Database) -> None:
    with db.transaction() as session:
        bus = series.create_series(session, "bus routes")
        food = series.create_series(session, "Apples and food bank", "Better lunches")
        series.create_workshop(session, bus, "Undated")
        series.create_workshop(session, bus, "Second", starts_at=datetime(2026, 2, 1, 10))
        series.create_workshop(session, bus, "First", starts_at=datetime(2026, 1, 1, 10))
    with db.reading() as session:
        listed = series.list_series(session)
    assert [item.title for item in listed] == ["Apples and food bank", "bus routes"]
    assert listed[0].id == food
    assert listed[0].purpose == "Better lunches"
    assert [w.title for w in listed[1].workshops] == ["First", "Second", "Undated"]
    assert all(w.status is WorkshopStatus.PLANNED for w in listed[1].workshops)


def test_rename_and_delete(db: Database) -> None:
    with db.transaction() as session:
        series_id = series.create_series(session, "Draft")
        workshop_id = series.create_workshop(session, series_id, "Draft workshop")
        roster.add_person(session, series_id, "Priya Nair")
    with db.transaction() as session:
        series.rename_series(session, series_id, "  Housing  ")
        series.rename_workshop(session, workshop_id, "Housing: first meeting")
    with db.reading() as session:
        (listed,) = series.list_series(session)
    assert listed.title == "Housing"
    assert listed.workshops[0].title == "Housing: first meeting"
    with db.transaction() as session:
        series.delete_workshop(session, workshop_id)
    with db.reading() as session:
        assert series.list_series(session)[0].workshops == ()
    with db.transaction() as session:
        series.delete_series(session, series_id)
    with db.reading() as session:
        assert series.list_series(session) == []
        assert session.scalar(select(func.count()).select_from(Participant)) == 0


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("", "cannot be empty"),
        ("   \n ", "cannot be empty"),
        ("x" * 301, "at most 300 characters; this one has 301"),
    ],
)
def test_bad_titles_are_refused_and_change_nothing(db: Database, title: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message), db.transaction() as session:
        series.create_series(session, title)
    with db.reading() as session:
        assert series.list_series(session) == []


def test_control_characters_are_dropped_from_titles(db: Database) -> None:
    with db.transaction() as session:
        series_id = series.create_series(session, "Bus\x00 routes\x07\tnorth")
    with db.reading() as session:
        assert series.get_series(session, series_id).title == "Bus routes north"


def test_missing_records_get_plain_messages(db: Database) -> None:
    missing = uuid.uuid4()
    with pytest.raises(NotFound, match="no series"), db.transaction() as session:
        series.rename_series(session, missing, "New")
    with pytest.raises(NotFound, match="no series"), db.transaction() as session:
        series.create_workshop(session, missing, "Orphan")
    with pytest.raises(NotFound, match="no workshop"), db.transaction() as session:
        series.delete_workshop(session, missing)


def test_workshop_ids_can_be_shortened(db: Database) -> None:
    with db.transaction() as session:
        series_id = series.create_series(session, "Ids")
        workshop_id = series.create_workshop(session, series_id, "One")
    with db.reading() as session:
        assert series.find_workshop_id(session, str(workshop_id)) == workshop_id
        assert series.find_workshop_id(session, str(workshop_id)[:8].upper()) == workshop_id
        for bad in ("abc", "not-an-id", str(uuid.uuid4())):
            with pytest.raises(NotFound):
                series.find_workshop_id(session, bad)


def test_entries_are_numbered_in_order_with_their_speakers(db: Database) -> None:
    with db.transaction() as session:
        series_id = series.create_series(session, "Minutes")
        workshop_id = series.create_workshop(session, series_id, "One")
        other_id = series.create_workshop(session, series_id, "Two")
        ana = roster.add_person(session, series_id, "Ana de la Cruz")
        sam = roster.add_person(session, series_id, "Sam Okafor")
    with db.transaction() as session:
        first = minutes.add_entry(session, workshop_id, "Hello", speakers=[ana, sam, ana])
        minutes.add_entry(session, other_id, "Elsewhere")
        second = minutes.add_entry(
            session, workshop_id, "We agree", kind=EntryKind.DECISION, decided_by_group=True
        )
    with db.reading() as session:
        entries = session.scalars(
            select(MinuteEntry)
            .where(MinuteEntry.workshop_id == workshop_id)
            .order_by(MinuteEntry.position)
        ).all()
        assert [(e.id, e.position) for e in entries] == [(first, 1), (second, 2)]
        assert {s.participant_id for s in entries[0].speakers} == {ana, sam}
        assert entries[1].kind is EntryKind.DECISION
        assert entries[1].decided_by_group
    with pytest.raises(InvalidInput), db.transaction() as session:
        minutes.add_entry(session, workshop_id, "   ")
