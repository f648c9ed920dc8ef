"""Undo for removing a person, an agenda item or a planned date puts everything back."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
import sqlalchemy as sa
from builders import build_series

from coprodesk.core import roster, undo, workshop
from coprodesk.core.db import Database
from coprodesk.core.errors import NotFound
from coprodesk.core.models import Base
from coprodesk.core.series import create_series, create_workshop


def rows_without_stamps(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, leaving out ``updated_at`` (which a renumbering touches)."""
    with database.engine.connect() as connection:
        return {
            table.name: sorted(
                (
                    tuple(value for key, value in row._mapping.items() if key != "updated_at")
                    for row in connection.execute(sa.select(table))
                ),
                key=repr,
            )
            for table in Base.metadata.sorted_tables
        }


def test_a_removed_person_comes_back_with_their_history(db: Database) -> None:
    with db.transaction() as session:
        built = build_series(session)
    before = rows_without_stamps(db)
    person_id = next(iter(built.people.values()))
    with db.transaction() as session:
        removed = undo.remove_person_undoably(session, person_id)
    after_removal = rows_without_stamps(db)
    assert len(after_removal["participant"]) == len(before["participant"]) - 1
    assert sum(map(len, after_removal.values())) < sum(map(len, before.values())) - 1
    with db.transaction() as session:
        assert undo.restore_person(session, removed) == person_id
    assert rows_without_stamps(db) == before


def test_a_restored_person_gets_new_initials_if_theirs_were_taken(db: Database) -> None:
    with db.transaction() as session:
        series_id = create_series(session, "Bus routes review")
        aisha = roster.add_person(session, series_id, "Aisha Rahman")
    with db.transaction() as session:
        removed = undo.remove_person_undoably(session, aisha)
        assert removed.label == "Aisha Rahman"
        roster.add_person(session, series_id, "Ali Reed")
    with db.transaction() as session:
        undo.restore_person(session, removed)
        initials = sorted(person.initials for person in roster.people(session, series_id))
    assert initials == ["AR", "ARA"]


def test_a_deleted_agenda_item_returns_to_its_place(db: Database) -> None:
    with db.transaction() as session:
        series_id = create_series(session, "Bus routes review")
        workshop_id = create_workshop(session, series_id, "Walkabout")
        for title in ("Welcome", "Bus times", "Break", "Check-out"):
            workshop.add_agenda_item(session, workshop_id, title)
        second = workshop.agenda(session, workshop_id)[1]
    before = rows_without_stamps(db)
    with db.transaction() as session:
        removed = undo.delete_agenda_item_undoably(session, second.id)
        left = workshop.agenda(session, workshop_id)
        assert second.id not in {item.id for item in left}
        assert [item.position for item in left] == list(range(1, len(left) + 1))
    with db.transaction() as session:
        undo.restore_agenda_item(session, removed)
        assert workshop.agenda(session, workshop_id)[1].id == second.id
    assert rows_without_stamps(db) == before


def test_a_removed_planned_date_comes_back(db: Database) -> None:
    with db.transaction() as session:
        series_id = create_series(session, "Bus routes review")
        planned = workshop.add_planned_session(session, series_id, date(2026, 5, 4), "Design day")
        removed = undo.remove_planned_session_undoably(session, planned)
        assert removed is not None
        assert workshop.planned_sessions(session, series_id) == []
        undo.restore_planned_session(session, removed)
        (back,) = workshop.planned_sessions(session, series_id)
    assert (back.id, back.planned_on, back.label) == (planned, date(2026, 5, 4), "Design day")


def test_removing_what_is_gone_says_so_plainly(db: Database) -> None:
    with db.transaction() as session:
        with pytest.raises(NotFound, match="no longer in this series"):
            undo.remove_person_undoably(session, uuid.uuid4())
        with pytest.raises(NotFound, match="no longer there"):
            undo.delete_agenda_item_undoably(session, uuid.uuid4())
        assert undo.remove_planned_session_undoably(session, uuid.uuid4()) is None
