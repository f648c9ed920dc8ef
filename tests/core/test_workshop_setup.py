"""Series details, the planned timeline, workshop details and the agenda."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest

from coprodesk.core import series, workshop
from coprodesk.core.db import Database
from coprodesk.core.errors import InvalidInput


@pytest.fixture
def ids(db: Database) -> tuple[uuid.UUID, uuid.UUID]:
    with db.transaction() as session:
        series_id = series.create_series(session, "Bus routes")
        workshop_id = series.create_workshop(session, series_id, "First")
    return series_id, workshop_id


def test_series_details_and_timeline(db: Database, ids: tuple[uuid.UUID, uuid.UUID]) -> None:
    series_id, _ = ids
    with db.transaction() as session:
        workshop.update_series(
            session, series_id, purpose="Make buses work.\nFor everyone.", support_text="Call 123"
        )
        later = workshop.add_planned_session(session, series_id, date(2026, 3, 1), "Second")
        workshop.add_planned_session(session, series_id, date(2026, 2, 1), "First")
    with db.reading() as session:
        stored = series.get_series(session, series_id)
        assert stored.title == "Bus routes"
        assert stored.purpose == "Make buses work.\nFor everyone."
        assert stored.support_text == "Call 123"
        timeline = workshop.planned_sessions(session, series_id)
    assert [(row.planned_on, row.label) for row in timeline] == [
        (date(2026, 2, 1), "First"),
        (date(2026, 3, 1), "Second"),
    ]
    with db.transaction() as session:
        workshop.remove_planned_session(session, later)
    with db.reading() as session:
        assert len(workshop.planned_sessions(session, series_id)) == 1


def test_agenda_adds_up_to_a_visible_end(db: Database, ids: tuple[uuid.UUID, uuid.UUID]) -> None:
    _, workshop_id = ids
    with db.transaction() as session:
        workshop.update_workshop(
            session, workshop_id, starts_at=datetime(2026, 2, 1, 10, 0), venue="Hall"
        )
        first = workshop.add_agenda_item(session, workshop_id, "Welcome", 15)
        workshop.add_agenda_item(session, workshop_id, "Break", 10, is_break=True)
        hard = workshop.add_agenda_item(
            session, workshop_id, "Stories", 40, content_note="May touch on difficult experiences."
        )
    with db.reading() as session:
        items = workshop.agenda(session, workshop_id)
        starts_at = series.get_workshop(session, workshop_id).starts_at
    assert [item.title for item in items] == ["Welcome", "Break", "Stories"]
    assert items[1].is_break
    assert items[2].content_note == "May touch on difficult experiences."
    assert workshop.planned_end(starts_at, items) == datetime(2026, 2, 1, 11, 5)
    assert workshop.planned_end(None, items) is None

    with db.transaction() as session:
        workshop.move_agenda_item(session, hard, 1)
        workshop.update_agenda_item(session, first, planned_minutes=20, title="Hello")
    with db.reading() as session:
        items = workshop.agenda(session, workshop_id)
    assert [(item.position, item.title) for item in items] == [
        (1, "Stories"),
        (2, "Hello"),
        (3, "Break"),
    ]
    with db.transaction() as session:
        workshop.delete_agenda_item(session, hard)
    with db.reading() as session:
        assert [(i.position, i.title) for i in workshop.agenda(session, workshop_id)] == [
            (1, "Hello"),
            (2, "Break"),
        ]


@pytest.mark.parametrize("minutes", [0, -5, 481])
def test_impossible_durations_are_refused(
    db: Database, ids: tuple[uuid.UUID, uuid.UUID], minutes: int
) -> None:
    with pytest.raises(InvalidInput, match="1 to 480 minutes"), db.transaction() as session:
        workshop.add_agenda_item(session, ids[1], "Too long or short", minutes)
    with db.reading() as session:
        assert workshop.agenda(session, ids[1]) == []


def test_workshop_details_change_only_what_is_given(
    db: Database, ids: tuple[uuid.UUID, uuid.UUID]
) -> None:
    _, workshop_id = ids
    with db.transaction() as session:
        workshop.update_workshop(
            session, workshop_id, starts_at=datetime(2026, 1, 1, 9), purpose="Meet"
        )
        workshop.update_workshop(session, workshop_id, venue="Library")
    with db.reading() as session:
        stored = series.get_workshop(session, workshop_id)
        assert (stored.title, stored.starts_at, stored.venue, stored.purpose) == (
            "First",
            datetime(2026, 1, 1, 9),
            "Library",
            "Meet",
        )
    with db.transaction() as session:
        workshop.update_workshop(session, workshop_id, clear_start=True)
    with db.reading() as session:
        assert series.get_workshop(session, workshop_id).starts_at is None
