"""Tidying the minutes: edit in place, move, delete, each saved at once and undone with Ctrl+Z."""

from __future__ import annotations

import asyncio

from minutes_helpers import PanelOpener, build, choose_row, stored, texts
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coprodesk.core.db import Database
from coprodesk.core.enums import EntryKind
from coprodesk.ui.minutes.entry_line import EntryLine
from coprodesk.ui.minutes.panel import DELETED_TEXT

NOTES = ("First", "Second", "Third")
CONTROL = Qt.KeyboardModifier.ControlModifier
CONTROL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def test_delete_and_undo_puts_the_entry_back_in_its_place(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        choose_row(panel, 1)
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)  # no "are you sure?"
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == ["First", "Third"])
        opener.wait_idle()
        assert [e.text for e in panel.model.entries()] == ["First", "Third"]
        assert panel.notice.text() == DELETED_TEXT
        assert panel.view.currentIndex().row() == 1  # Delete again takes the next one
        assert panel.view.hasFocus()
        assert panel.undo_action.text() == "Undo: delete entry"

        qtbot.keyClick(panel.view, Qt.Key.Key_Z, CONTROL)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == list(NOTES))
        opener.wait_idle()
        assert [e.text for e in panel.model.entries()] == list(NOTES)
        assert [e.position for e in stored(db, built.workshop_id)] == [1, 2, 3]
        assert panel.view.currentIndex().row() == 1
        assert not panel.notice.isVisible()

        qtbot.keyClick(panel.view, Qt.Key.Key_Z, CONTROL_SHIFT)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == ["First", "Third"])
        opener.wait_idle()
        qtbot.keyClick(panel.view, Qt.Key.Key_Z, CONTROL)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == list(NOTES))
        opener.wait_idle()


def test_undo_from_the_empty_entry_line_and_the_notice(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        choose_row(panel, 0)
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == ["Second", "Third"])
        opener.wait_idle()
        qtbot.keyClick(panel.view, Qt.Key.Key_Escape)  # back to the entry line
        assert panel.entry_line.hasFocus()
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_Z, CONTROL)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == list(NOTES))
        opener.wait_idle()
        choose_row(panel, 2)
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: panel.notice.text() == DELETED_TEXT)
        qtbot.mouseClick(panel.notice.button("Undo (Ctrl+Z)"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == list(NOTES))
        opener.wait_idle()


def test_typing_undo_stays_in_the_line_while_it_has_text(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        choose_row(panel, 0)
        qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == ["Second", "Third"])
        opener.wait_idle()
        panel.focus_entry_line()
        qtbot.keyClicks(panel.entry_line, "xyz")
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_Z, CONTROL)
        assert panel.entry_line.text() != "xyz"  # undid typing, not the delete
        opener.wait_idle()
        assert texts(db, built.workshop_id) == ["Second", "Third"]


def test_move_up_and_down_and_undo(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        choose_row(panel, 0)
        qtbot.keyClick(panel.view, Qt.Key.Key_Down, ALT)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == ["Second", "First", "Third"])
        opener.wait_idle()
        assert panel.view.currentIndex().row() == 1
        qtbot.keyClick(panel.view, Qt.Key.Key_Down, ALT)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == ["Second", "Third", "First"])
        opener.wait_idle()
        assert [e.text for e in panel.model.entries()] == ["Second", "Third", "First"]
        qtbot.keyClick(panel.view, Qt.Key.Key_Down, ALT)  # already last: nothing happens
        opener.wait_idle()
        qtbot.keyClick(panel.view, Qt.Key.Key_Up, ALT)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == ["Second", "First", "Third"])
        opener.wait_idle()
        qtbot.keyClick(panel.view, Qt.Key.Key_Z, CONTROL)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == ["Second", "Third", "First"])
        opener.wait_idle()
        qtbot.keyClick(panel.view, Qt.Key.Key_Z, CONTROL)
        qtbot.keyClick(panel.view, Qt.Key.Key_Z, CONTROL)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == list(NOTES))
        opener.wait_idle()
        assert [e.text for e in panel.model.entries()] == list(NOTES)
        assert [e.position for e in stored(db, built.workshop_id)] == [1, 2, 3]


def test_edit_in_place_changes_text_speakers_and_kind_and_undoes(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        choose_row(panel, 1)
        qtbot.keyClick(panel.view, Qt.Key.Key_F2)
        editor = panel.view.indexWidget(panel.model.index(1))
        assert isinstance(editor, EntryLine)
        editor.selectAll()
        qtbot.keyClicks(editor, "AR: Second, said better")
        qtbot.keyClick(editor, Qt.Key.Key_D, CONTROL)  # in the editor, the kind word changes
        assert editor.text() == "decision: AR: Second, said better"
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id)[1] == "Second, said better")
        opener.wait_idle()
        edited = stored(db, built.workshop_id)[1]
        assert (edited.kind, edited.speakers, edited.decided_by_group) == (
            EntryKind.DECISION,
            ("AR",),
            False,
        )
        assert panel.model.data(panel.model.index(1)) == "Decision (AR): Second, said better"
        panel.undo()
        qtbot.waitUntil(lambda: texts(db, built.workshop_id)[1] == "Second")
        opener.wait_idle()
        back = stored(db, built.workshop_id)[1]
        assert (back.kind, back.speakers) == (EntryKind.NOTE, ())
        panel.redo()
        qtbot.waitUntil(lambda: texts(db, built.workshop_id)[1] == "Second, said better")
        opener.wait_idle()


def test_f2_from_the_entry_line_edits_the_last_entry(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        panel.edit_action.trigger()
        editor = panel.view.indexWidget(panel.model.index(2))
        assert isinstance(editor, EntryLine)
        assert editor.text() == "Third"
        qtbot.keyClick(editor, Qt.Key.Key_Escape)  # leaves it as it was
        opener.wait_idle()
        assert texts(db, built.workshop_id) == list(NOTES)


def test_an_edit_that_cannot_be_saved_is_kept_for_the_next_try(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        choose_row(panel, 0)
        qtbot.keyClick(panel.view, Qt.Key.Key_F2)
        editor = panel.view.indexWidget(panel.model.index(0))
        assert isinstance(editor, EntryLine)
        editor.setText("AR:")  # who spoke, but nothing said
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(panel.notice.is_problem)
        assert panel.notice.text() == (
            "Not saved. Please write the note: it cannot be empty. "
            "Press F2 on the entry to try again: what you typed is kept."
        )
        assert texts(db, built.workshop_id) == list(NOTES)
        choose_row(panel, 0)
        qtbot.keyClick(panel.view, Qt.Key.Key_F2)
        editor = panel.view.indexWidget(panel.model.index(0))
        assert isinstance(editor, EntryLine)
        assert editor.text() == "AR:"
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
