"""Reading the minutes back to the room: one entry at a time, by keyboard."""

from __future__ import annotations

import asyncio

from minutes_helpers import PanelOpener, build, stored
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coprodesk.core.db import Database

NOTES = ("First", "Second", "Third", "Fourth")


def marks(db: Database, built: object) -> list[str]:
    return [entry.read_back for entry in stored(db, built.workshop_id)]  # type: ignore[attr-defined]


def test_read_back_marks_agreed_and_corrected(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        read_back = panel.read_back
        panel.read_back_action.trigger()
        assert panel.read_back_active()
        assert not panel.entry_bar.isVisible()
        assert QApplication.focusWidget() is read_back.card
        assert read_back.progress.text() == "0 of 4 read back · entry 1 of 4"
        assert read_back.text.text() == "First"
        assert read_back.card.accessibleName().startswith("Entry 1 of 4, not read back yet: ")

        qtbot.keyClick(read_back.card, Qt.Key.Key_A)  # agreed, and on to the next
        assert read_back.text.text() == "Second"  # moves on at once
        qtbot.waitUntil(lambda: marks(db, built) == ["agreed", "", "", ""])
        opener.wait_idle()
        qtbot.waitUntil(lambda: read_back.progress.text() == "1 of 4 read back · entry 2 of 4")

        qtbot.keyClick(read_back.card, Qt.Key.Key_Space)  # on, without a mark
        assert read_back.text.text() == "Third"
        qtbot.keyClick(read_back.card, Qt.Key.Key_P)
        assert read_back.text.text() == "Second"
        qtbot.keyClick(read_back.card, Qt.Key.Key_N)
        assert read_back.text.text() == "Third"

        qtbot.keyClick(read_back.card, Qt.Key.Key_C)  # corrected: the entry opens to change
        assert read_back.editor.isVisible()
        assert read_back.editor.hasFocus()
        assert read_back.editor.text() == "Third"
        read_back.editor.selectAll()
        qtbot.keyClicks(read_back.editor, "BH: Third, as the room put it")
        qtbot.keyClick(read_back.editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: marks(db, built) == ["agreed", "", "corrected", ""])
        opener.wait_idle()
        corrected = stored(db, built.workshop_id)[2]
        assert (corrected.text, corrected.speakers) == ("Third, as the room put it", ("BH",))
        qtbot.waitUntil(lambda: read_back.text.text() == "Fourth")
        assert not read_back.editor.isVisible()
        assert read_back.card.hasFocus()
        qtbot.waitUntil(lambda: read_back.progress.text() == "2 of 4 read back · entry 4 of 4")

        with qtbot.waitSignal(panel.read_back_finished):
            qtbot.keyClick(read_back.card, Qt.Key.Key_Escape)
        assert not panel.read_back_active()
        assert panel.entry_line.hasFocus()
        assert panel.model.data(panel.model.index(0), Qt.ItemDataRole.AccessibleTextRole).endswith(
            "(agreed at read-back)"
        )


def test_escape_in_the_correction_leaves_the_entry_as_it_was(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        read_back = panel.read_back
        panel.start_read_back()
        qtbot.keyClick(read_back.card, Qt.Key.Key_C)
        qtbot.keyClicks(read_back.editor, " and more")
        qtbot.keyClick(read_back.editor, Qt.Key.Key_Escape)
        assert not read_back.editor.isVisible()
        assert read_back.card.hasFocus()
        assert panel.read_back_active()
        opener.wait_idle()
        assert [e.text for e in stored(db, built.workshop_id)] == list(NOTES)
        assert marks(db, built) == [""] * 4


def test_read_back_starts_at_the_first_entry_not_read_back(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        panel.start_read_back()
        qtbot.keyClick(panel.read_back.card, Qt.Key.Key_A)
        qtbot.keyClick(panel.read_back.card, Qt.Key.Key_A)
        qtbot.waitUntil(lambda: panel.model.read_back_count() == 2)
        assert marks(db, built) == ["agreed", "agreed", "", ""]
        qtbot.mouseClick(panel.read_back.finish_button, Qt.MouseButton.LeftButton)
        panel.start_read_back()
        assert panel.read_back.text.text() == "Third"
        panel.finish_read_back()


def test_read_back_with_no_entries_says_so(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        panel.start_read_back()
        assert panel.read_back.text.text() == "No entries to read back yet."
        assert not panel.read_back.agree_button.isEnabled()
        qtbot.keyClick(panel.read_back.card, Qt.Key.Key_A)  # nothing to mark, nothing breaks
        panel.finish_read_back()
        assert panel.stack.currentWidget() is panel.empty
