"""The group agreement: starter set, writing it, the consent round, versions, history,
carrying it into the next workshop, and points raised in the minutes."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from coprodesk import paths
from coprodesk.core import agreements, attendance, minutes, roster, series
from coprodesk.core.agreements import StatementStatus
from coprodesk.core.db import Database
from coprodesk.core.errors import InvalidInput, UserFacingError
from coprodesk.core.live import latest_agreement
from coprodesk.core.models import AttendanceStatus, ConsentStatus, EntryKind

AGREED, CHANGE = ConsentStatus.AGREED, ConsentStatus.CHANGE_ASKED
NAMES = ("Bashir Haddad", "Chloé Martin", "Dorota Wiśniewska", "Efe Adeyemi")


@dataclass
class Room:
    series_id: uuid.UUID
    first: uuid.UUID
    second: uuid.UUID
    people: dict[str, uuid.UUID] = field(default_factory=dict)


@pytest.fixture
def room(db: Database) -> Room:
    with db.transaction() as session:
        series_id = series.create_series(session, "Bus routes")
        first = series.create_workshop(session, series_id, "Routes that work")
        second = series.create_workshop(session, series_id, "Trying the routes")
        built = Room(series_id, first, second)
        for name in NAMES:
            built.people[name.split()[0]] = roster.add_person(session, series_id, name)
        for name in ("Bashir", "Chloé", "Dorota"):
            attendance.set_status(session, first, built.people[name], AttendanceStatus.PRESENT)
    return built


def view(db: Database, workshop_id: uuid.UUID) -> agreements.AgreementView:
    with db.reading() as session:
        return agreements.agreement_view(session, workshop_id)


def start(db: Database, room: Room, *texts: str) -> list[uuid.UUID]:
    with db.transaction() as session:
        agreements.start_agreement(session, room.first, texts or ("One at a time.", "Pass."))
    return [s.id for s in view(db, room.first).statements]


def everyone_agrees(db: Database, room: Room, workshop_id: uuid.UUID, *names: str) -> None:
    with db.transaction() as session:
        for name in names:
            agreements.agree_to_all(session, workshop_id, room.people[name])


def test_starter_set_is_plain_and_covers_the_principles_and_ground_rules() -> None:
    starters = agreements.starter_statements()
    themes = {starter.theme for starter in starters}
    for theme in (
        "Honesty",
        "Respect",
        "Humility",
        "Inclusivity",
        "Transparency",
        "Reciprocity",
        "Courage with compassion",
        "Shared understanding",
        "One voice at a time",
        "The right to pass",
        "Plain words",
        "What is said here stays here",
        "Breaks when needed",
    ):
        assert theme in themes
    for starter in starters:
        assert starter.text.endswith(".")
        assert len(starter.text) < 120
        assert starter.text[0].isupper()


def test_a_damaged_starter_file_is_a_plain_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / agreements.STARTER_FILE).write_text(
        json.dumps({"statements": [{"theme": "Honesty", "text": ""}]}), encoding="utf-8"
    )
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    agreements.starter_statements.cache_clear()
    try:
        with pytest.raises(UserFacingError, match="missing or damaged"):
            agreements.starter_statements()
        (tmp_path / agreements.STARTER_FILE).unlink()
        with pytest.raises(UserFacingError, match="not affected"):
            agreements.starter_statements()
    finally:
        agreements.starter_statements.cache_clear()


def test_draft_from_the_starter_set_then_add_edit_reorder_remove(db: Database, room: Room) -> None:
    with db.transaction() as session:
        agreements.start_from_starter_set(session, room.first)
    drafted = view(db, room.first)
    assert [s.text for s in drafted.statements] == [
        each.text for each in agreements.starter_statements()
    ]
    assert drafted.number == 1
    assert drafted.made_in == "Routes that work"
    first, second, third = (s.id for s in drafted.statements[:3])
    with db.transaction() as session:
        agreements.remove_statement(session, room.first, second)
        agreements.move_statement(session, room.first, third, 1)
        agreements.edit_statement(session, room.first, first, "We are honest with each other.")
        added = agreements.add_statement(session, room.first, "  We start on time.  ", 2)
    changed = view(db, room.first)
    assert [s.text for s in changed.statements][:4] == [
        agreements.starter_statements()[2].text,
        "We start on time.",
        "We are honest with each other.",
        agreements.starter_statements()[3].text,
    ]
    assert changed.statements[1].id == added
    assert changed.number == 1  # Still being made: no new version.
    assert len(changed.statements) == len(agreements.starter_statements())


def test_bad_statements_are_refused_plainly(db: Database, room: Room) -> None:
    start(db, room)
    with db.transaction() as session, pytest.raises(InvalidInput, match="cannot be empty"):
        agreements.add_statement(session, room.first, "   ")
    with db.transaction() as session, pytest.raises(InvalidInput, match="already"):
        agreements.add_statement(session, room.first, "Pass.")
    with db.transaction() as session, pytest.raises(InvalidInput, match="already has"):
        agreements.start_agreement(session, room.first, ["Again."])
    assert [s.text for s in view(db, room.first).statements] == ["One at a time.", "Pass."]


def test_consent_by_initials_and_an_open_change_asked_means_not_yet_agreed(
    db: Database, room: Room
) -> None:
    one, two = start(db, room)
    with db.transaction() as session:
        agreements.record_answer(session, room.first, one, room.people["Bashir"], AGREED)
        agreements.record_answer(
            session, room.first, one, room.people["Chloé"], CHANGE, "Say what happens if not"
        )
        agreements.record_answer(session, room.first, two, room.people["Bashir"], AGREED)
    seen = view(db, room.first)
    first, second = seen.statements
    assert first.status is StatementStatus.NOT_YET
    assert first.agreed_by == ("BH",)
    assert [(a.initials, a.note) for a in first.change_asked] == [("CM", "Say what happens if not")]
    assert first.waiting_for == ("DW",)
    assert second.status is StatementStatus.AGREED
    assert second.waiting_for == ("CM", "DW")
    assert not seen.agreed
    assert [p.initials for p in seen.to_ask] == ["CM", "DW"]  # BH has agreed to both.
    assert seen.people[0].agreed == 2
    assert seen.people[0].done
    assert seen.people[1].changes_asked == 1
    assert not seen.people[1].done
    with db.reading() as session:
        not_agreed = agreements.statements_not_agreed(session, room.first)
    assert [s.number for s in not_agreed] == [1, 2]


def test_changing_the_words_asks_everyone_again(db: Database, room: Room) -> None:
    one, _two = start(db, room)
    with db.transaction() as session:
        agreements.record_answer(session, room.first, one, room.people["Bashir"], AGREED)
        agreements.record_answer(session, room.first, one, room.people["Chloé"], CHANGE, "Why?")
        agreements.edit_statement(session, room.first, one, "One at a time, and we listen.")
    first = view(db, room.first).statements[0]
    assert first.text == "One at a time, and we listen."
    assert first.agreed_by == ()
    assert first.change_asked == ()
    assert first.waiting_for == ("BH", "CM", "DW")


def test_the_round_completes_and_nothing_is_left_to_agree(db: Database, room: Room) -> None:
    one, _two = start(db, room)
    with db.transaction() as session:
        agreements.record_answer(session, room.first, one, room.people["Chloé"], CHANGE, "Hm")
    everyone_agrees(db, room, room.first, "Bashir", "Chloé", "Dorota")
    held = view(db, room.first)
    assert not held.agreed  # CM's change asked stays asked: agreeing to all skips it.
    with db.transaction() as session:
        agreements.record_answer(session, room.first, one, room.people["Chloé"], AGREED)
        assert agreements.statements_not_agreed(session, room.first) == []
    assert view(db, room.first).agreed


def test_only_people_present_are_asked(db: Database, room: Room) -> None:
    one, _ = start(db, room)
    with db.transaction() as session, pytest.raises(InvalidInput, match="present"):
        agreements.record_answer(session, room.first, one, room.people["Efe"], AGREED)
    assert "EA" not in [p.initials for p in view(db, room.first).people]


def test_a_change_after_agreeing_makes_a_new_version_and_keeps_the_old(
    db: Database, room: Room
) -> None:
    one, two = start(db, room)
    everyone_agrees(db, room, room.first, "Bashir", "Chloé", "Dorota")
    assert view(db, room.first).agreed
    with db.transaction() as session:
        new_two = agreements.edit_statement(session, room.first, two, "Anyone can pass.")
    changed = view(db, room.first)
    assert changed.number == 2
    assert changed.earlier_versions == 1
    assert new_two != two
    assert changed.statements[0].agreed_by == ("BH", "CM", "DW")  # Unchanged: carried over.
    assert changed.statements[1].waiting_for == ("BH", "CM", "DW")  # Changed: asked again.
    assert "Changed statement 2." in changed.note
    with db.reading() as session:
        kept = agreements.history(session, room.series_id)
        assert latest_agreement(session, room.series_id) == ("One at a time.", "Anyone can pass.")
    assert [(v.number, v.statements) for v in kept] == [
        (2, ("One at a time.", "Anyone can pass.")),
        (1, ("One at a time.", "Pass.")),
    ]
    assert kept[0].made_in == kept[1].made_in == "Routes that work"
    # The old version stays as it was: its statements cannot be changed any more.
    with db.transaction() as session, pytest.raises(InvalidInput, match="earlier version"):
        agreements.edit_statement(session, room.first, one, "Changed later.")
    # More changes while version 2 is being agreed stay in version 2.
    with db.transaction() as session:
        agreements.add_statement(session, room.first, "We start on time.")
    assert view(db, room.first).number == 2


def test_carrying_into_the_next_workshop_keep_change_add_and_new_people(
    db: Database, room: Room
) -> None:
    start(db, room)
    everyone_agrees(db, room, room.first, "Bashir", "Chloé", "Dorota")
    with db.transaction() as session:
        for name in ("Bashir", "Efe"):
            attendance.set_status(session, room.second, room.people[name], AttendanceStatus.PRESENT)
    opening = view(db, room.second)
    assert opening.revisiting
    assert opening.number == 1
    assert opening.made_in == "Routes that work"
    assert [p.initials for p in opening.to_ask] == ["EA"]  # Only the new person is asked.
    with db.reading() as session:
        assert [s.waiting_for for s in agreements.statements_not_agreed(session, room.second)] == [
            ("EA",),
            ("EA",),
        ]

    # Keep: a group decision in the minutes, once.
    with db.transaction() as session:
        agreements.keep_agreement(session, room.second)
        agreements.keep_agreement(session, room.second)
        entries = minutes.entries(session, room.second)
    assert [(e.kind, e.text, e.speakers) for e in entries] == [
        (
            EntryKind.DECISION,
            "We read our group agreement together and kept version 1 as it is.",
            (),
        )
    ]
    assert view(db, room.second).kept_here

    # Add: a new version tied to this workshop; everyone here is asked about the new one.
    with db.transaction() as session:
        agreements.add_statement(session, room.second, "We start on time.")
    added = view(db, room.second)
    assert added.number == 2
    assert not added.revisiting
    assert not added.kept_here
    assert added.statements[2].waiting_for == ("BH", "EA")
    assert added.statements[0].agreed_by == ("BH", "CM", "DW")
    everyone_agrees(db, room, room.second, "Bashir", "Efe")
    assert view(db, room.second).agreed
    with db.reading() as session:
        kept = agreements.history(session, room.series_id)
    assert [(v.number, v.made_in, len(v.statements)) for v in kept] == [
        (2, "Trying the routes", 3),
        (1, "Routes that work", 2),
    ]
    assert kept[0].note == "Added a statement."


def test_a_change_in_the_next_workshop_makes_a_new_version_even_if_not_agreed(
    db: Database, room: Room
) -> None:
    one, _ = start(db, room)
    with db.transaction() as session:
        attendance.set_status(session, room.second, room.people["Efe"], AttendanceStatus.PRESENT)
        agreements.move_statement(session, room.second, one, 2)
    moved = view(db, room.second)
    assert moved.number == 2
    assert [s.text for s in moved.statements] == ["Pass.", "One at a time."]
    with db.reading() as session:
        assert [v.statements for v in agreements.history(session, room.series_id)][1] == (
            "One at a time.",
            "Pass.",
        )


def test_removing_can_be_undone_with_its_answers(db: Database, room: Room) -> None:
    one, _two = start(db, room)
    with db.transaction() as session:
        agreements.record_answer(session, room.first, one, room.people["Bashir"], AGREED)
        removed = agreements.remove_statement(session, room.first, one)
    assert [s.text for s in view(db, room.first).statements] == ["Pass."]
    with db.transaction() as session:
        agreements.restore_statement(session, removed)
    back = view(db, room.first).statements
    assert [s.text for s in back] == ["One at a time.", "Pass."]
    assert back[0].agreed_by == ("BH",)


def test_undoing_a_removal_that_made_a_version_leaves_no_empty_version(
    db: Database, room: Room
) -> None:
    _one, two = start(db, room)
    everyone_agrees(db, room, room.first, "Bashir", "Chloé", "Dorota")
    with db.transaction() as session:
        removed = agreements.remove_statement(session, room.first, two)
    assert view(db, room.first).number == 2
    with db.transaction() as session:
        agreements.restore_statement(session, removed)
    back = view(db, room.first)
    assert back.number == 1
    assert back.agreed
    assert [s.text for s in back.statements] == ["One at a time.", "Pass."]


def test_a_point_raised_is_in_the_minutes_by_number_with_no_name(db: Database, room: Room) -> None:
    start(db, room, "We listen to Bashir and everyone.", "Pass.")
    with db.transaction() as session:
        agreements.raise_point(session, room.first, 1)
        entries = minutes.entries(session, room.first)
    (entry,) = entries
    assert entry.agreement_point == 1
    assert entry.speakers == ()
    assert entry.text == "Agreement point 1 raised: We listen to BH and everyone."
    for name in NAMES:
        assert name.split()[0] not in entry.text
    with db.transaction() as session, pytest.raises(InvalidInput, match="from 1 to 2"):
        agreements.raise_point(session, room.first, 3)


def test_a_point_cannot_be_raised_before_there_is_an_agreement(db: Database, room: Room) -> None:
    with db.transaction() as session, pytest.raises(InvalidInput, match="no agreement yet"):
        agreements.raise_point(session, room.first, 1)
    with db.reading() as session:
        assert agreements.statements_not_agreed(session, room.first) == []
        assert not agreements.agreement_view(session, room.first).exists
