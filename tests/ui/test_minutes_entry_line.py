"""Typing the minutes: Enter saves at once, speakers, completion, kinds, written contributions."""

from __future__ import annotations

import asyncio

from minutes_helpers import Built, PanelOpener, build, stored, type_line
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coprodesk.core.db import Database
from coprodesk.core.enums import EntryKind
from coprodesk.ui.minutes import words


def test_enter_stores_the_entry_and_clears_the_line_only_after(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        assert panel.stack.currentWidget() is panel.empty
        qtbot.keyClicks(panel.entry_line, "The 42 bus is late every Monday")
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_Return)
        # The worker has not confirmed yet: the line still holds what was typed.
        assert panel.entry_line.text() == "The 42 bus is late every Monday"
        assert stored(db, built.workshop_id) == []
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
        (entry,) = stored(db, built.workshop_id)
        assert entry.text == "The 42 bus is late every Monday"
        assert entry.kind is EntryKind.NOTE
        assert entry.speakers == ()
        assert panel.entry_line.text() == ""
        assert panel.entry_line.hasFocus()
        assert panel.stack.currentWidget() is panel.view


def test_a_line_that_cannot_be_saved_stays_with_a_plain_message(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        too_long = "x" * 20_001
        panel.entry_line.setText(too_long)
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: panel.notice.is_problem(), timeout=10_000)
        assert panel.notice.text().startswith("Not saved. The note can be at most 20000")
        assert panel.notice.text().endswith("What you typed is still in the line.")
        assert panel.entry_line.text() == too_long
        assert panel.entry_line.hasFocus()
        assert stored(db, built.workshop_id) == []


def test_speakers_lead_the_line_or_follow_an_at_sign(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        type_line(qtbot, panel, "AR: the stop by the library has no shelter")
        type_line(qtbot, panel, "AR, BH: we both wait there")
        type_line(qtbot, panel, "ask @wm about the timetable")
        first, second, third = stored(db, built.workshop_id)
        assert (first.speakers, first.text) == (("AR",), "the stop by the library has no shelter")
        assert second.speakers == ("AR", "BH")
        assert (third.speakers, third.text) == (("WM",), "ask WM about the timetable")
        assert words.meta_words(second) == "AR, BH"


def test_initials_complete_as_you_type(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        line = panel.entry_line
        qtbot.keyClicks(line, "mj")
        # The rest of the initials is offered, selected, and listed below the line.
        assert line.text() == "mjO"
        assert line.selectedText() == "O"
        assert line.suggestions == ["MJO"]
        assert panel.entry_bar.keys.text() == "Initials: MJO · Tab completes"
        qtbot.keyClick(line, Qt.Key.Key_Tab)
        assert line.text() == "MJO: "
        assert line.hasFocus()
        qtbot.keyClicks(line, "ask @")
        assert line.suggestions == ["AR", "BH", "MJO", "SB", "WM"]
        qtbot.keyClicks(line, "b")
        assert line.text() == "MJO: ask @bH"
        qtbot.keyClick(line, Qt.Key.Key_Down)  # the next match: SB does not start with b
        assert line.text() == "MJO: ask @bH"
        qtbot.keyClick(line, Qt.Key.Key_Tab)
        assert line.text() == "MJO: ask @BH "
        qtbot.keyClicks(line, "first")
        qtbot.keyClick(line, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
        (entry,) = stored(db, built.workshop_id)
        assert entry.speakers == ("BH", "MJO")
        assert entry.text == "ask BH first"


def test_backspace_takes_back_typing_not_the_offer(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        line = opener.open(built).entry_line
        qtbot.keyClicks(line, "w")
        assert line.text() == "wM"
        qtbot.keyClick(line, Qt.Key.Key_Backspace)  # removes the offer
        qtbot.keyClick(line, Qt.Key.Key_Backspace)  # removes the "w"
        assert line.text() == ""
        qtbot.keyClicks(line, "We")  # an ordinary word: the offer is typed over
        assert line.text() == "We"


def test_ctrl_d_makes_a_decision_of_the_whole_group(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert panel.entry_bar.kind_label.text() == "Decision:"
        assert panel.entry_line.accessibleName() == "New entry: decision"
        entry = type_line(qtbot, panel, "Ask for a shelter at the library stop")
        assert entry.kind is EntryKind.DECISION
        assert entry.decided_by_group
        assert panel.model.data(panel.model.index(0)).startswith("Decision (whole group): ")
        # The next line is a note again.
        assert panel.entry_bar.kind_label.text() == "Note:"
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        by_two = type_line(qtbot, panel, "AR, BH: write to the council together")
        assert (by_two.kind, by_two.decided_by_group) == (EntryKind.DECISION, False)
        assert words.meta_words(by_two) == "Decision (AR, BH)"
        (group, pair) = stored(db, built.workshop_id)
        assert group.decided_by_group
        assert not pair.decided_by_group


def test_kind_keys_and_kind_words(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        control = Qt.KeyboardModifier.ControlModifier
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_Q, control)
        assert panel.entry_bar.kind_label.text() == "Question:"
        type_line(qtbot, panel, "Who runs the night bus?")
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_P, control)
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_N, control)  # changed my mind: a note
        type_line(qtbot, panel, "Fares went up")
        qtbot.keyClicks(panel.entry_line, "parked: ")
        assert panel.entry_bar.kind_label.text() == "Parked:"
        qtbot.keyClicks(panel.entry_line, "BH: school routes")
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=10_000)
        kinds = [(e.kind, e.speakers, e.text) for e in stored(db, built.workshop_id)]
        assert kinds == [
            (EntryKind.QUESTION, (), "Who runs the night bus?"),
            (EntryKind.NOTE, (), "Fares went up"),
            (EntryKind.PARKED, ("BH",), "school routes"),
        ]


def test_sent_in_writing_marks_one_entry(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        panel.entry_bar.in_writing.setChecked(True)
        assert panel.entry_line.accessibleName() == "New entry: note, sent in writing"
        written = type_line(qtbot, panel, "SB: the 7 bus never comes on Sundays")
        assert written.sent_in_writing
        assert words.meta_words(written) == "SB · sent in writing"
        assert not panel.entry_bar.in_writing.isChecked()
        spoken = type_line(qtbot, panel, "AR: agreed")
        assert not spoken.sent_in_writing
        assert [e.sent_in_writing for e in stored(db, built.workshop_id)] == [True, False]


def test_entries_follow_the_agenda_item_with_headings(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built: Built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        recorded: list[object] = []
        panel.entry_recorded.connect(recorded.append)
        panel.set_agenda_item(built.items[0])
        type_line(qtbot, panel, "First about bus times")
        type_line(qtbot, panel, "Second about bus times")
        panel.set_agenda_item(built.items[1])
        type_line(qtbot, panel, "About stops")
        entries = stored(db, built.workshop_id)
        assert [e.agenda_item_id for e in entries] == [built.items[0]] * 2 + [built.items[1]]
        headings = [panel.model.heading_at(row) for row in range(3)]
        assert headings == ["Bus times", None, "Stops"]
        assert len(recorded) == 3


def test_the_save_button_saves_and_leaves_the_keyboard_in_the_line(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        qtbot.keyClicks(panel.entry_line, "Saved by the button")
        qtbot.mouseClick(panel.entry_bar.in_writing, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(panel.entry_bar.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
        (entry,) = stored(db, built.workshop_id)
        assert (entry.text, entry.sent_in_writing) == ("Saved by the button", True)
        assert panel.entry_line.hasFocus()
