"""The minutes' words and the typed line taken apart (no Qt needed)."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from coprodesk.core.enums import EntryKind
from coprodesk.core.minutes import AttendanceByInitials, EntryView
from coprodesk.core.nameguard import KEEP_MARKS, Replacement
from coprodesk.ui.minutes import words
from coprodesk.ui.minutes.guard_notice import GuardNotice


def entry(text: str, **changes: object) -> EntryView:
    values: dict[str, object] = {
        "id": uuid.uuid4(),
        "position": 1,
        "kind": EntryKind.NOTE,
        "text": text,
        "speakers": (),
        "agenda_item_id": None,
        "recorded_at": datetime(2026, 5, 4, 18, 30),
        "decided_by_group": False,
        "sent_in_writing": False,
        "read_back": "",
        "agreement_point": None,
    }
    values.update(changes)
    return EntryView(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("before_cursor", "fragment"),
    [
        ("", None),
        ("a", "a"),
        ("AR, m", "m"),
        ("AR and m", "m"),
        ("AR: the bus", None),
        ("we asked @", ""),
        ("we asked @w", "w"),
        ("we asked w", None),
        ("decision: a", "a"),  # after a kind word, speakers may follow
        ("decision: AR: a", None),
    ],
)
def test_initials_are_completed_only_where_they_belong(
    before_cursor: str, fragment: str | None
) -> None:
    assert words.initials_fragment(before_cursor) == fragment


def test_an_entry_is_composed_as_it_would_be_typed() -> None:
    assert words.compose_line(entry("hello")) == "hello"
    assert words.compose_line(entry("hello", speakers=("AR", "BH"))) == "AR, BH: hello"
    decision = entry("try it", kind=EntryKind.DECISION, decided_by_group=True)
    assert words.compose_line(decision) == "decision: try it"
    assert words.compose_line(entry("question: as text")) == "note: question: as text"


def test_kind_words_are_set_at_the_start_of_the_line() -> None:
    assert words.leading_kind("Decision: x") is EntryKind.DECISION
    assert words.leading_kind("x") is None
    assert words.with_kind("question: AR: x", EntryKind.PARKED) == "parked: AR: x"
    assert words.with_kind("parked: x", EntryKind.NOTE) == "x"


def test_heading_lines() -> None:
    assert words.meta_words(entry("x")) == "Note"
    assert words.meta_words(entry("x", kind=EntryKind.DECISION)) == "Decision (whole group)"
    question = entry("x", kind=EntryKind.QUESTION, speakers=("ZØ",), sent_in_writing=True)
    assert words.meta_words(question) == "Question (ZØ) · sent in writing"


def test_attendance_words() -> None:
    attendance = AttendanceByInitials(("AR", "BH"), (), ("MJO",))
    assert words.attendance_words(attendance) == "Present 2: AR, BH · In writing 1: MJO"
    assert words.attendance_words(AttendanceByInitials((), (), ())) == (
        "No attendance recorded yet."
    )


def test_qt_cursor_positions_count_keep_marks_as_two() -> None:
    kept = "will" + chr(KEEP_MARKS[0]) + " ask"
    assert words.utf16_length(kept) == len(kept) + 1
    assert words.index_from_utf16(kept, 6) == 5  # after the mark
    assert words.index_from_utf16(kept, 99) == len(kept)


def test_the_notice_keeps_later_replacements_in_place() -> None:
    people = (uuid.uuid4(),)
    sam = (uuid.uuid4(), uuid.uuid4())
    # "AR and SB/SO said we WM": AR at 0, SB/SO at 7, WM at 21.
    replacements = (
        Replacement(0, 2, "Aisha", "AR", people),
        Replacement(7, 12, "Sam", "SB/SO", sam),
        Replacement(21, 23, "will", "WM", people),
    )
    notice = GuardNotice(uuid.uuid4(), replacements, list(replacements))
    notice.kept(replacements[0])  # "Aisha" + mark: 6 characters instead of 2
    assert [(r.start, r.end) for r in notice.open] == [(11, 16), (25, 27)]
    notice.chosen(notice.open[0], "SO")  # 2 characters instead of 5
    assert [(r.start, r.end) for r in notice.open] == [(22, 24)]
    assert notice.done == [
        "Kept 'Aisha' as typed: it stays as it is in the minutes.",
        "Changed SB/SO to SO.",
    ]
    assert not notice.settle()  # no question left; the keep offer goes
    assert notice.keepable() == []
