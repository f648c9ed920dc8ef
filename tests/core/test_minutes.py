"""Live minutes: typed lines, the name guard on every path, edits, undo and read-back."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprodesk.core import attendance, live, minutes, roster, series, workshop
from coprodesk.core.db import Database
from coprodesk.core.entry_line import ParsedLine, complete_initials, parse_line
from coprodesk.core.errors import InvalidInput, NotFound
from coprodesk.core.models import AttendanceStatus, EntryKind
from coprodesk.core.nameguard import NameGuard

KNOWN = ("AR", "MJO", "SO", "ŁŻ")


@pytest.mark.parametrize(
    ("line", "speakers", "kind", "text"),
    [
        ("AR: the door opens late", ("AR",), None, "the door opens late"),
        ("ar, so: agreed", ("AR", "SO"), None, "agreed"),
        ("AR and MJO: both", ("AR", "MJO"), None, "both"),
        ("AR/SO: slash", ("AR", "SO"), None, "slash"),
        ("łż: accents", ("ŁŻ",), None, "accents"),
        ("decision: open at 9:30", (), EntryKind.DECISION, "open at 9:30"),
        ("AR: question: who staffs it?", ("AR",), EntryKind.QUESTION, "who staffs it?"),
        ("Parked: AR: transport", ("AR",), EntryKind.PARKED, "transport"),
        ("@MJO suggested a poster", ("MJO",), None, "MJO suggested a poster"),
        ("Note: bring cake", (), EntryKind.NOTE, "bring cake"),
        ("PS: not initials", (), None, "PS: not initials"),
        ("AR, XY: one unknown", (), None, "AR, XY: one unknown"),
        ("time is 10:30", (), None, "time is 10:30"),
        ("email @someone", (), None, "email @someone"),
    ],
)
def test_typed_lines(
    line: str, speakers: tuple[str, ...], kind: EntryKind | None, text: str
) -> None:
    assert parse_line(line, KNOWN) == ParsedLine(text, speakers, kind)


@given(st.text(max_size=80))
def test_any_line_parses_without_losing_words(line: str) -> None:
    parsed = parse_line(line, KNOWN)
    assert set(parsed.speakers) <= set(KNOWN)
    if not parsed.speakers and parsed.kind is None:
        assert parsed.text == line.strip()


def test_completion() -> None:
    assert complete_initials("m", KNOWN) == ["MJO"]
    assert complete_initials("", KNOWN) == sorted(KNOWN)


@pytest.fixture
def room(db: Database) -> tuple[uuid.UUID, NameGuard]:
    with db.transaction() as session:
        series_id = series.create_series(session, "Minutes")
        workshop_id = series.create_workshop(session, series_id, "One")
        for name in ("Aisha Rahman", "Will Mensah", "Sam Okafor"):
            roster.add_person(session, series_id, name)
        guard = NameGuard.for_series(session, series_id)
    return workshop_id, guard


def test_a_typed_name_is_stored_as_initials(
    db: Database, room: tuple[uuid.UUID, NameGuard]
) -> None:
    workshop_id, guard = room
    recorded = minutes.record_line(db, workshop_id, "SO: Aisha's idea was good", guard)
    assert recorded.speakers == ("SO",)
    assert [r.original for r in recorded.guard.replacements] == ["Aisha"]
    with db.reading() as session:
        (entry,) = minutes.entries(session, workshop_id)
    assert entry.text == "AR's idea was good"
    assert entry.speakers == ("SO",)
    assert entry.kind is EntryKind.NOTE


def test_keep_as_typed_survives_the_guard_again(
    db: Database, room: tuple[uuid.UUID, NameGuard]
) -> None:
    workshop_id, guard = room
    recorded = minutes.record_line(db, workshop_id, "We will see", guard)
    (replacement,) = recorded.guard.replacements
    with db.transaction() as session:
        minutes.keep_as_typed(session, recorded.entry_id, replacement)
    with db.reading() as session:
        (entry,) = minutes.entries(session, workshop_id)
    assert guard.export_text(entry.text) == "We will see"
    with db.transaction() as session:
        result = minutes.edit_entry(session, entry.id, guard, text=entry.text + ", Will Mensah")
    assert result is not None
    assert guard.export_text(result.text) == "We will see, WM"


def test_decisions_say_who_made_them(db: Database, room: tuple[uuid.UUID, NameGuard]) -> None:
    workshop_id, guard = room
    minutes.record_line(db, workshop_id, "decision: open at 9:30", guard)
    minutes.record_line(db, workshop_id, "AR: open Thursdays", guard, kind=EntryKind.DECISION)
    with db.reading() as session:
        group, named = minutes.entries(session, workshop_id)
    assert group.decided_by_group
    assert not named.decided_by_group
    assert named.speakers == ("AR",)


def test_edit_delete_undo_and_reorder(db: Database, room: tuple[uuid.UUID, NameGuard]) -> None:
    workshop_id, guard = room
    ids = [
        minutes.record_line(db, workshop_id, f"SO: point {n}", guard).entry_id for n in range(1, 5)
    ]
    with db.transaction() as session:
        minutes.edit_entry(session, ids[0], guard, speakers=["AR", "WM"], kind=EntryKind.QUESTION)
        deleted = minutes.delete_entry(session, ids[1])
    with db.reading() as session:
        listed = minutes.entries(session, workshop_id)
    assert [e.text for e in listed] == ["point 1", "point 3", "point 4"]
    assert [e.position for e in listed] == [1, 2, 3]
    assert listed[0].speakers == ("AR", "WM")
    assert listed[0].kind is EntryKind.QUESTION
    with db.transaction() as session:
        minutes.restore_entry(session, deleted)
        minutes.move_entry(session, ids[3], 1)
    with db.reading() as session:
        listed = minutes.entries(session, workshop_id)
    assert [e.text for e in listed] == ["point 4", "point 1", "point 2", "point 3"]
    assert [e.position for e in listed] == [1, 2, 3, 4]
    assert listed[2].speakers == ("SO",)
    with pytest.raises(InvalidInput), db.transaction() as session:
        minutes.edit_entry(session, ids[0], guard, speakers=["ZZ"])


def test_read_back_and_written_contributions(
    db: Database, room: tuple[uuid.UUID, NameGuard]
) -> None:
    workshop_id, guard = room
    entry_id = minutes.record_line(
        db, workshop_id, "SO: the forms are hard to read", guard, sent_in_writing=True
    ).entry_id
    with db.transaction() as session:
        minutes.set_read_back(session, entry_id, "agreed")
    with db.reading() as session:
        (entry,) = minutes.entries(session, workshop_id)
    assert entry.sent_in_writing
    assert entry.read_back == "agreed"
    with pytest.raises(InvalidInput), db.transaction() as session:
        minutes.set_read_back(session, entry_id, "maybe")


def test_attendance_in_the_minutes_is_by_initials(
    db: Database, room: tuple[uuid.UUID, NameGuard]
) -> None:
    workshop_id, _ = room
    with db.transaction() as session:
        people = {
            row.initials: row.participant_id for row in attendance.attendance(session, workshop_id)
        }
        attendance.set_status(session, workshop_id, people["AR"], AttendanceStatus.PRESENT)
        attendance.set_status(session, workshop_id, people["SO"], AttendanceStatus.IN_WRITING)
        attendance.set_status(session, workshop_id, people["WM"], AttendanceStatus.APOLOGIES)
    with db.reading() as session:
        summary = minutes.attendance_by_initials(session, workshop_id)
    assert summary == minutes.AttendanceByInitials(("AR",), ("WM",), ("SO",))


def test_an_entry_goes_under_the_item_running_as_it_is_typed(
    db: Database, room: tuple[uuid.UUID, NameGuard]
) -> None:
    workshop_id, guard = room
    before = minutes.record_line(db, workshop_id, "Before the agenda", guard)
    with db.transaction() as session:
        item = workshop.add_agenda_item(session, workshop_id, "Bus times", 10)
        live.start_item(session, item)
    during = minutes.record_line(db, workshop_id, "SO: the 7 is late", guard)
    with db.transaction() as session:
        live.next_item(session, workshop_id)  # the last item ends; none is running
    after = minutes.record_line(db, workshop_id, "After the agenda", guard)
    with db.reading() as session:
        entries = {entry.id: entry for entry in minutes.entries(session, workshop_id)}
    assert entries[before.entry_id].agenda_item_id is None
    assert entries[during.entry_id].agenda_item_id == item
    assert entries[after.entry_id].agenda_item_id is None


def test_a_line_for_a_workshop_removed_meanwhile_is_refused_plainly(
    db: Database, room: tuple[uuid.UUID, NameGuard]
) -> None:
    workshop_id, guard = room
    with db.transaction() as session:
        series.delete_workshop(session, workshop_id)
    with pytest.raises(NotFound, match="just removed"):
        minutes.record_line(db, workshop_id, "SO: still typing", guard)
