"""Attendance, late arrivals, the introductions round and the role reveal."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from coprodesk.core import attendance, roster, series
from coprodesk.core.db import Database
from coprodesk.core.errors import NotFound
from coprodesk.core.models import AttendanceStatus
from coprodesk.core.rounds import question_bank

NOW = datetime(2026, 2, 1, 10, 5)


@pytest.fixture
def room(db: Database) -> tuple[uuid.UUID, dict[str, uuid.UUID]]:
    with db.transaction() as session:
        series_id = series.create_series(session, "Room")
        workshop_id = series.create_workshop(session, series_id, "First")
        people = {
            name: roster.add_person(
                session, series_id, name, private_role=role, reveal_role_consent=reveal
            )
            for name, role, reveal in (
                ("Aisha Rahman", "Centre manager", True),
                ("Sam Okafor", "Volunteer", False),
                ("Priya Nair", "", True),
                ("Ana de la Cruz", "Peer mentor", True),
            )
        }
    return workshop_id, people


def test_three_ways_to_take_part(
    db: Database, room: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    workshop_id, people = room
    with db.transaction() as session:
        attendance.set_status(
            session, workshop_id, people["Aisha Rahman"], AttendanceStatus.PRESENT, NOW
        )
        attendance.set_status(
            session, workshop_id, people["Sam Okafor"], AttendanceStatus.IN_WRITING
        )
        attendance.set_status(
            session, workshop_id, people["Priya Nair"], AttendanceStatus.APOLOGIES
        )
    with db.reading() as session:
        listed = {row.name: row for row in attendance.attendance(session, workshop_id)}
    assert listed["Aisha Rahman"].status is AttendanceStatus.PRESENT
    assert listed["Aisha Rahman"].arrived_at == NOW
    assert listed["Sam Okafor"].status is AttendanceStatus.IN_WRITING
    assert listed["Priya Nair"].status is AttendanceStatus.APOLOGIES
    assert listed["Ana de la Cruz"].status is None
    with db.transaction() as session:
        attendance.set_status(session, workshop_id, people["Aisha Rahman"], None)
    with db.reading() as session:
        listed = {row.name: row for row in attendance.attendance(session, workshop_id)}
    assert listed["Aisha Rahman"].status is None


def test_a_late_arrival_joins_the_series_and_the_room(
    db: Database, room: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    workshop_id, _ = room
    with db.transaction() as session:
        attendance.add_late_arrival(session, workshop_id, "Alex Ryan", NOW)
    with db.reading() as session:
        listed = {row.name: row for row in attendance.attendance(session, workshop_id)}
    assert listed["Alex Ryan"].status is AttendanceStatus.PRESENT
    assert listed["Alex Ryan"].initials == "ARY"  # AR is taken by Aisha Rahman


def test_someone_from_another_series_cannot_attend(
    db: Database, room: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    workshop_id, _ = room
    with db.transaction() as session:
        other = series.create_series(session, "Other")
        stranger = roster.add_person(session, other, "Stranger Danger")
    with pytest.raises(NotFound), db.transaction() as session:
        attendance.set_status(session, workshop_id, stranger, AttendanceStatus.PRESENT)


def test_introduction_order_skips_apologies_and_can_shuffle(
    db: Database, room: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    workshop_id, people = room
    with db.transaction() as session:
        attendance.set_status(
            session, workshop_id, people["Priya Nair"], AttendanceStatus.APOLOGIES
        )
    with db.reading() as session:
        listed = attendance.attendance(session, workshop_id)
    go_round = attendance.introduction_order(listed, shuffle=False)
    assert [person.name for person in go_round] == ["Aisha Rahman", "Ana de la Cruz", "Sam Okafor"]
    shuffled = [
        [p.name for p in attendance.introduction_order(listed, shuffle=True, seed=seed)]
        for seed in range(20)
    ]
    assert all(sorted(order) == sorted(p.name for p in go_round) for order in shuffled)
    assert len({tuple(order) for order in shuffled}) > 1


def test_roles_are_revealed_only_with_consent_and_presence(
    db: Database, room: tuple[uuid.UUID, dict[str, uuid.UUID]]
) -> None:
    workshop_id, people = room
    with db.transaction() as session:
        for name in ("Aisha Rahman", "Sam Okafor", "Priya Nair"):
            attendance.set_status(session, workshop_id, people[name], AttendanceStatus.PRESENT)
        attendance.set_status(
            session, workshop_id, people["Ana de la Cruz"], AttendanceStatus.IN_WRITING
        )
    with db.reading() as session:
        reveals = attendance.revealable_roles(session, workshop_id)
    # Sam did not agree; Priya has no role; Ana is not in the room.
    assert [(r.name, r.role) for r in reveals] == [("Aisha Rahman", "Centre manager")]


def test_question_banks_ship_with_the_app() -> None:
    bank = question_bank()
    assert len(bank.check_in) >= 5
    assert len(bank.check_out) >= 3
    assert all(question.endswith("?") for question in bank.check_in + bank.check_out)
