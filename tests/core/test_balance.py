"""The balance of voices: per person for the facilitator, group-level words for the room."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from prompt_room import at, build_room, close_room
from sqlalchemy import func, select

from coprodesk.core import live, roster, series, speaking, undo, workshop
from coprodesk.core.balance import balance, room_summary
from coprodesk.core.db import Database, open_database
from coprodesk.core.errors import InvalidInput
from coprodesk.core.live import Step
from coprodesk.core.models import SpeakingTurn, Workshop

FIXTURES = Path(__file__).parent.parent / "fixtures"


def test_contributions_and_timed_turns_per_person(db: Database) -> None:
    with db.transaction() as session:
        room = build_room(session)
        live.go_to_step(session, room.workshop_id, Step.AGENDA, at(0))
        room.say(session, 1, "AN", "Curfew.")
        room.say(session, 2, "AN BT", "Visitors.")
        wid = room.workshop_id
        speaking.tap(session, wid, room.people["CD"], at(3))
        speaking.tap(session, wid, room.people["AN"], at(5))  # CD stops when AN starts.
        speaking.tap(session, wid, room.people["AN"], at(6))  # Tapping again stops AN.
        speaking.tap(session, wid, room.people["CD"], at(7))
    with db.reading() as session:  # The balance comes from the stored turns.
        view = balance(session, wid, now=at(8))
    people = {person.initials: person for person in view.people}
    assert set(people) == {"AN", "BT", "CD", "DP"}  # ER sent apologies.
    assert (people["AN"].contributions, people["AN"].turns) == (2, 1)
    assert people["AN"].speaking == timedelta(minutes=1)
    assert people["CD"].turns == 2
    assert people["CD"].speaking == timedelta(minutes=3)
    assert people["CD"].speaking_now
    assert not people["AN"].speaking_now
    assert view.total_contributions == 3
    assert view.timed


def test_no_taps_means_the_balance_is_not_timed(db: Database) -> None:
    with db.transaction() as session:
        room = build_room(session)
        view = balance(session, room.workshop_id, now=at(8))
    assert not view.timed
    assert all(person.turns == 0 for person in view.people)


def test_a_started_turn_is_on_disk_and_carries_on_after_reopening(db: Database) -> None:
    with db.transaction() as session:
        room = build_room(session)
        item = room.items[0]
        live.start_item(session, item, at(1))
        speaking.start_turn(session, room.workshop_id, room.people["BT"], at(2), item)
    raw = sqlite3.connect(db.path)  # Seen from outside, before the database is closed.
    try:
        assert raw.execute("SELECT count(*) FROM speaking_turn").fetchone() == (1,)
    finally:
        raw.close()
    db.close()

    reopened = open_database(db.path)
    try:
        with reopened.reading() as session:
            turns = speaking.workshop_turns(session, room.workshop_id)
            assert speaking.speaking_now(session, room.workshop_id) == room.people["BT"]
            view = balance(session, room.workshop_id, now=at(5))
    finally:
        reopened.close()
    assert [(t.participant_id, t.started_at, t.ended_at, t.agenda_item_id) for t in turns] == [
        (room.people["BT"], at(2), None, item)
    ]
    people = {person.initials: person for person in view.people}
    assert people["BT"].speaking_now  # Still running: the timing carries on.
    assert people["BT"].speaking == timedelta(minutes=3)


def test_only_one_turn_runs_at_a_time(db: Database) -> None:
    with db.transaction() as session:
        room = build_room(session)
        wid = room.workshop_id
        for minute, initials in enumerate(("AN", "BT", "CD", "AN", "DP")):
            speaking.start_turn(session, wid, room.people[initials], at(minute))
            running = session.scalar(
                select(func.count())
                .select_from(SpeakingTurn)
                .where(SpeakingTurn.workshop_id == wid, SpeakingTurn.ended_at.is_(None))
            )
            assert running == 1
        turns = speaking.workshop_turns(session, wid)
        assert len(turns) == 5
        # Each turn ends exactly when the next one starts.
        assert [turn.ended_at for turn in turns] == [at(1), at(2), at(3), at(4), None]
        assert speaking.end_turn(session, wid, at(6))
        assert not speaking.end_turn(session, wid, at(7))  # Nothing left running.
        assert speaking.speaking_now(session, wid) is None
        assert speaking.workshop_turns(session, wid)[-1].ended_at == at(6)


def test_turns_of_one_workshop_leave_another_alone(db: Database) -> None:
    with db.transaction() as session:
        room = build_room(session)
        series_id = series.get_workshop(session, room.workshop_id).series_id
        other = series.create_workshop(session, series_id, "Another evening")
        speaking.start_turn(session, room.workshop_id, room.people["AN"], at(1))
        speaking.start_turn(session, other, room.people["BT"], at(2))
        assert speaking.speaking_now(session, room.workshop_id) == room.people["AN"]
        assert speaking.speaking_now(session, other) == room.people["BT"]


def test_a_person_from_another_series_cannot_be_timed(db: Database) -> None:
    with db.transaction() as session:
        room = build_room(session)
        elsewhere = series.create_series(session, "Another project")
        stranger = roster.add_person(session, elsewhere, "Fay Green")
        with pytest.raises(InvalidInput, match="not in this workshop's series"):
            speaking.start_turn(session, room.workshop_id, stranger, at(1))
        assert speaking.workshop_turns(session, room.workshop_id) == ()


def test_closing_the_workshop_ends_a_running_turn(db: Database) -> None:
    with db.transaction() as session:
        room = build_room(session)
        speaking.start_turn(session, room.workshop_id, room.people["CD"], at(1))
        close_room(session, room, 9)
    with db.reading() as session:
        (turn,) = speaking.workshop_turns(session, room.workshop_id)
    assert turn.ended_at == at(9)


def test_deleting_an_agenda_item_keeps_its_turns(db: Database) -> None:
    with db.transaction() as session:
        room = build_room(session)
        speaking.start_turn(session, room.workshop_id, room.people["AN"], at(1), room.items[1])
    with db.transaction() as session:
        workshop.delete_agenda_item(session, room.items[1])
    with db.reading() as session:
        (turn,) = speaking.workshop_turns(session, room.workshop_id)
    assert turn.agenda_item_id is None


def test_the_0001_fixture_upgrades_and_takes_turns(tmp_path: Path) -> None:
    copy = tmp_path / "schema-0001.db"
    shutil.copy(FIXTURES / "schema-0001.db", copy)
    database = open_database(copy)
    try:
        with database.transaction() as session:
            assert session.scalars(select(SpeakingTurn)).all() == []
            workshop = session.scalars(select(Workshop).order_by(Workshop.starts_at)).first()
            assert workshop is not None
            person = workshop.series.participants[0].id
            workshop_id = workshop.id
            speaking.start_turn(session, workshop_id, person, at(1))
        with database.reading() as session:
            assert speaking.speaking_now(session, workshop_id) == person
        assert database.integrity_ok()
    finally:
        database.close()


def test_the_room_summary_names_no_one_and_gives_no_ones_figures(db: Database) -> None:
    with db.transaction() as session:
        room = build_room(session)
        live.go_to_step(session, room.workshop_id, Step.AGENDA, at(0))
        for minute in range(1, 8):
            room.say(session, minute, "AN", "Another thought.")
        room.say(session, 8, "BT", "Me too.")
        view = balance(session, room.workshop_id, (), at(9))
    summary = room_summary(view)
    words = " ".join(summary.lines)
    assert "2 of the 4 people here have been heard" in words
    assert "8 contributions" in words
    for person in view.people:
        assert person.initials not in words
    assert "7" not in words  # AN's own count never appears.


def test_undoing_the_removal_of_a_person_brings_their_turns_back(db: Database) -> None:
    with db.transaction() as session:
        room = build_room(session)
        speaking.start_turn(session, room.workshop_id, room.people["DP"], at(1))
        speaking.end_turn(session, room.workshop_id, at(2))
        removed = undo.remove_person_undoably(session, room.people["DP"])
        assert speaking.workshop_turns(session, room.workshop_id) == ()
        undo.restore_person(session, removed)
    with db.reading() as session:
        (turn,) = speaking.workshop_turns(session, room.workshop_id)
    assert (turn.participant_id, turn.started_at, turn.ended_at) == (
        room.people["DP"],
        at(1),
        at(2),
    )
