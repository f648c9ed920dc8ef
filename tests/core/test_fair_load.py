"""Fair load: who is asked, how often, across every series; a gentle warning; who is missed."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy.orm import Session

from coprodesk.core import attendance, fair_load, recognition, roster, series
from coprodesk.core.db import Database
from coprodesk.core.errors import InvalidInput
from coprodesk.core.models import AttendanceStatus

TODAY = date(2026, 6, 30)


def _workshop(session: Session, series_id: uuid.UUID, weeks_ago: int) -> uuid.UUID:
    when = datetime.combine(TODAY - timedelta(weeks=weeks_ago), datetime.min.time()).replace(
        hour=10
    )
    return series.create_workshop(session, series_id, f"{weeks_ago} weeks ago", starts_at=when)


def _many(db: Database) -> None:
    """Two series; Dev is in both and at everything; others now and then."""
    with db.transaction() as session:
        housing = series.create_series(session, "Housing")
        food = series.create_series(session, "Food bank")
        people = {
            (housing, name): roster.add_person(session, housing, name)
            for name in ("Dev Patel", "Rosa Klein", "Tom Ahmed", "Ines Moreau", "Old Friend")
        }
        people[(food, "Dev Patel")] = roster.add_person(session, food, "dev  PATEL")
        people[(food, "Kim Lee")] = roster.add_person(session, food, "Kim Lee")
        plan = {
            housing: [
                (1, ["Dev Patel", "Rosa Klein"]),
                (3, ["Dev Patel", "Tom Ahmed"]),
                (10, ["Dev Patel", "Rosa Klein"]),
                (14, ["Dev Patel", "Ines Moreau"]),
                (40, ["Old Friend"]),
            ],
            food: [(2, ["Dev Patel", "Kim Lee"]), (12, ["Dev Patel", "Kim Lee"])],
        }
        for series_id, workshops in plan.items():
            for weeks_ago, names in workshops:
                workshop_id = _workshop(session, series_id, weeks_ago)
                for name in names:
                    status = (
                        AttendanceStatus.APOLOGIES
                        if name == "Tom Ahmed"
                        else AttendanceStatus.PRESENT
                    )
                    attendance.set_status(session, workshop_id, people[(series_id, name)], status)
        # Ines was asked for the latest housing workshop too, but did not come.
        latest = _workshop(session, housing, 0)
        recognition.set_asked(session, latest, people[(housing, "Ines Moreau")], True)


def test_one_person_across_two_series_is_counted_once_and_warned_about(db: Database) -> None:
    _many(db)
    with db.reading() as session:
        load = fair_load.fair_load(session, TODAY)
    dev = next(person for person in load.people if person.name.casefold() == "dev patel")
    assert dev.series == ("Food bank", "Housing")
    assert (dev.asked_recent, dev.took_part_recent) == (3, 3)  # 1, 2 and 3 weeks ago
    assert (dev.asked_longer, dev.took_part_longer) == (6, 6)
    assert dev.last_asked == TODAY - timedelta(weeks=1)
    assert "more than twice as often as most people (usually 2)" in dev.warning
    assert "6 months" in dev.warning
    assert [person.name for person in load.warnings] == [dev.name]
    tom = next(person for person in load.people if person.name == "Tom Ahmed")
    assert (tom.asked_recent, tom.took_part_recent) == (1, 0)  # asked, sent apologies
    ines = next(person for person in load.people if person.name == "Ines Moreau")
    assert (ines.asked_recent, ines.took_part_recent) == (1, 0)  # ticked "asked" only
    assert not tom.warning
    assert not ines.warning


def test_people_not_asked_lately_are_listed_longest_ago_first(db: Database) -> None:
    _many(db)
    with db.reading() as session:
        six_weeks = fair_load.fair_load(session, TODAY)
        one_week = fair_load.fair_load(session, TODAY, recent_weeks=1)
    assert [person.name for person in six_weeks.not_asked_lately] == ["Old Friend"]
    assert [person.name for person in one_week.not_asked_lately] == [
        "Old Friend",
        "Tom Ahmed",
        "Kim Lee",
    ]
    assert one_week.not_asked_lately[0].last_asked == TODAY - timedelta(weeks=40)


def test_the_warning_level_is_a_setting(db: Database) -> None:
    _many(db)
    with db.reading() as session:
        relaxed = fair_load.fair_load(session, TODAY, ratio=4.0)
        recent_only = fair_load.fair_load(session, TODAY, recent_weeks=2, longer_weeks=4)
    assert relaxed.warnings == ()
    assert recent_only.longer_weeks == 4
    with pytest.raises(InvalidInput), db.reading() as session:
        fair_load.fair_load(session, TODAY, ratio=0.5)
    with pytest.raises(InvalidInput), db.reading() as session:
        fair_load.fair_load(session, TODAY, recent_weeks=30, longer_weeks=4)


def test_no_warning_when_everyone_is_asked_about_as_often(db: Database) -> None:
    with db.transaction() as session:
        series_id = series.create_series(session, "Even")
        people = [roster.add_person(session, series_id, name) for name in ("Ann Bell", "Cal Dunn")]
        for weeks_ago in range(5):
            workshop_id = _workshop(session, series_id, weeks_ago)
            for person in people:
                attendance.set_status(session, workshop_id, person, AttendanceStatus.PRESENT)
    with db.reading() as session:
        load = fair_load.fair_load(session, TODAY)
    assert load.warnings == ()
    assert load.typical == 5


def test_period_words() -> None:
    assert fair_load.period_words(6) == "6 weeks"
    assert fair_load.period_words(1) == "1 week"
    assert fair_load.period_words(26) == "6 months"
    assert fair_load.period_words(52) == "12 months"
