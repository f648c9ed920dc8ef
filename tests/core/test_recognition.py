"""Recognition: time given, written contributions and actions done, worked out and typed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from builders import build_series

from coprodesk.core import recognition
from coprodesk.core.db import Database
from coprodesk.core.errors import InvalidInput, NotFound
from coprodesk.core.models import AttendanceStatus, Workshop
from coprodesk.core.series import create_series


def _person(
    people: list[recognition.PersonRecognition], initials: str
) -> recognition.PersonRecognition:
    return next(person for person in people if person.initials == initials)


def test_time_written_and_actions_are_worked_out_from_the_workshops(db: Database) -> None:
    with db.transaction() as session:
        built = build_series(session)
    with db.reading() as session:
        people = recognition.series_recognition(session, built.series_id)
    mary = _person(people, "MJO")
    # Both held workshops ran from 10:02 to 12:01; she was there before the start.
    assert [part.minutes_given for part in mary.parts] == [119, 119, 0]
    assert mary.total_minutes == 238
    assert mary.workshops_taken_part == 2
    assert [action.text for action in mary.actions_done] == ["Ask the council about water."]
    assert mary.actions_done[0].outcome == "Tap fitted on 20 March."
    writer = _person(people, "ΑΠ")
    assert [part.attendance for part in writer.parts[:2]] == [AttendanceStatus.IN_WRITING] * 2
    assert writer.total_minutes == 0
    assert writer.total_written == 2  # the parked funding point, sent in writing, twice
    assert writer.actions_done == ()  # the compost bins are still open
    away = _person(people, "ZØ")
    assert away.total_minutes == 0
    assert away.workshops_taken_part == 0


def test_a_late_arrival_gives_time_from_when_they_came(db: Database) -> None:
    with db.transaction() as session:
        built = build_series(session)
        workshop = session.get(Workshop, built.workshop_ids[0])
        assert workshop is not None
        assert workshop.started_at is not None
        for row in workshop.attendance:
            if row.participant_id == built.person("AO"):
                row.arrived_at = workshop.started_at + timedelta(minutes=30)
    with db.reading() as session:
        person = recognition.person_recognition(session, built.person("AO"))
    assert person.parts[0].minutes_given == 89


def test_a_typed_figure_replaces_the_worked_out_one_until_cleared(db: Database) -> None:
    with db.transaction() as session:
        built = build_series(session)
        first = built.workshop_ids[0]
        recognition.set_minutes_given(session, first, built.person("ΑΠ"), 45)
        recognition.set_written(session, first, built.person("ΑΠ"), 3)
    with db.reading() as session:
        part = recognition.person_recognition(session, built.person("ΑΠ")).parts[0]
    assert (part.minutes_given, part.minutes_worked_out, part.minutes_typed) == (45, 0, True)
    assert (part.written, part.written_worked_out, part.written_typed) == (3, 1, True)
    with db.transaction() as session:
        recognition.set_minutes_given(session, first, built.person("ΑΠ"), None)
        recognition.set_written(session, first, built.person("ΑΠ"), None)
    with db.reading() as session:
        part = recognition.person_recognition(session, built.person("ΑΠ")).parts[0]
    assert (part.minutes_given, part.minutes_typed, part.written, part.written_typed) == (
        0,
        False,
        1,
        False,
    )


@pytest.mark.parametrize("bad", [-1, 24 * 60 + 1, True])
def test_impossible_times_are_refused_plainly(db: Database, bad: int) -> None:
    with db.transaction() as session:
        built = build_series(session)
    with pytest.raises(InvalidInput, match="whole number"), db.transaction() as session:
        recognition.set_minutes_given(session, built.workshop_ids[0], built.person("AO"), bad)


def test_someone_from_another_series_cannot_be_given_time(db: Database) -> None:
    with db.transaction() as session:
        built = build_series(session)
        other = build_series(session, "Bus routes")
    with pytest.raises(NotFound), db.transaction() as session:
        recognition.set_asked(session, built.workshop_ids[0], other.person("AO"), True)
    with db.transaction() as session:
        create_series(session, "Empty")


def test_plain_duration() -> None:
    assert recognition.plain_duration(0) == "no time recorded"
    assert recognition.plain_duration(1) == "1 minute"
    assert recognition.plain_duration(60) == "1 hour"
    assert recognition.plain_duration(135) == "2 hours 15 minutes"
