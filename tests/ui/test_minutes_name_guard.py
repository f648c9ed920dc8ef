"""The name guard in the minutes: names become initials, with a calm notice and one-step undo."""

from __future__ import annotations

import asyncio

from minutes_helpers import PanelOpener, build, choose_row, texts, type_line
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coprodesk.core.db import Database
from coprodesk.core.nameguard import strip_markers
from coprodesk.ui.minutes.entry_line import EntryLine


def test_a_full_name_is_stored_as_initials_with_a_notice(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        type_line(qtbot, panel, "Aisha Rahman said the shelter leaks")
        assert texts(db, built.workshop_id) == ["AR said the shelter leaks"]
        assert panel.notice.isVisible()
        assert not panel.notice.is_problem()
        assert panel.notice.text() == (
            "Replaced 'Aisha Rahman' with AR — names stay out of the minutes."
        )
        # A full name is always replaced: there is nothing to keep, and the focus stayed.
        assert panel.notice.buttons == []
        assert panel.entry_line.hasFocus()


def test_keep_as_typed_keeps_an_ordinary_word(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        type_line(qtbot, panel, "Aisha said we will ask the council")
        assert texts(db, built.workshop_id) == ["AR said we WM ask the council"]
        assert panel.notice.text() == (
            "Replaced 'Aisha' with AR and 'will' with WM — names stay out of the minutes."
        )
        labels = [button.text() for button in panel.notice.buttons]
        assert labels == ["Keep 'Aisha' as typed", "Keep 'will' as typed (Ctrl+Z)"]
        assert panel.entry_line.hasFocus()
        # Ctrl+Z in the empty line keeps the last replaced word, as the notice says.
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: "will" in strip_markers(texts(db, built.workshop_id)[0]))
        opener.wait_idle()
        (text,) = texts(db, built.workshop_id)
        assert strip_markers(text) == "AR said we will ask the council"
        assert text != strip_markers(text)  # the keep mark travels with the word
        assert panel.model.data(panel.model.index(0)) == "Note: AR said we will ask the council"
        assert "Kept 'will' as typed" in panel.notice.text()
        assert [button.text() for button in panel.notice.buttons] == [
            "Keep 'Aisha' as typed (Ctrl+Z)"
        ]
        # Undo once more takes the keep back: the word is replaced again.
        opener.wait_idle()
        qtbot.mouseClick(panel.notice.close_button, Qt.MouseButton.LeftButton)
        assert panel.entry_line.hasFocus()
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == ["AR said we WM ask the council"])
        opener.wait_idle()


def test_keep_button_and_the_next_entry(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        type_line(qtbot, panel, "Will it rain")
        qtbot.mouseClick(
            panel.notice.button("Keep 'Will' as typed (Ctrl+Z)"), Qt.MouseButton.LeftButton
        )
        qtbot.waitUntil(lambda: strip_markers(texts(db, built.workshop_id)[0]) == "Will it rain")
        opener.wait_idle()
        assert panel.entry_line.hasFocus()  # the click left the keyboard in the line
        # A later entry with no names closes the notice: Ctrl+Z never reaches back past it.
        type_line(qtbot, panel, "It did")
        assert not panel.notice.isVisible()


def test_an_ambiguous_name_asks_who_was_meant(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, second_sam=True)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        type_line(qtbot, panel, "Sam asked for a bench")
        assert texts(db, built.workshop_id) == ["SB/SO asked for a bench"]
        assert "'Sam' could be SB or SO. Who was meant?" in panel.notice.text()
        labels = [button.text() for button in panel.notice.buttons]
        assert labels[:3] == ["SB", "SO", "Leave as SB/SO"]
        # The question stays while the minutes go on.
        type_line(qtbot, panel, "Seconded")
        assert "Who was meant?" in panel.notice.text()
        assert "Keep 'Sam' as typed" not in [b.accessibleName() for b in panel.notice.buttons]
        qtbot.mouseClick(panel.notice.button("SO"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id)[0] == "SO asked for a bench")
        opener.wait_idle()
        assert panel.notice.text() == "Changed SB/SO to SO."
        assert panel.model.data(panel.model.index(0)) == "Note: SO asked for a bench"
        # The choice can be undone like any edit.
        opener.wait_idle()
        panel.undo()
        qtbot.waitUntil(lambda: texts(db, built.workshop_id)[0] == "SB/SO asked for a bench")
        opener.wait_idle()


def test_an_edit_goes_through_the_guard(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        type_line(qtbot, panel, "BH: the stop is dark")
        choose_row(panel, 0)
        qtbot.keyClick(panel.view, Qt.Key.Key_F2)
        editor = panel.view.indexWidget(panel.model.index(0))
        assert isinstance(editor, EntryLine)
        assert editor.text() == "BH: the stop is dark"
        assert QApplication.focusWidget() is editor
        editor.setText("BH: the stop is dark, Bashir Haddad says")
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: texts(db, built.workshop_id) == ["the stop is dark, BH says"])
        opener.wait_idle()
        assert panel.notice.text() == (
            "Replaced 'Bashir Haddad' with BH — names stay out of the minutes."
        )


def test_a_kept_word_stays_kept_through_an_edit(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        type_line(qtbot, panel, "we will ask")
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: strip_markers(texts(db, built.workshop_id)[0]) == "we will ask")
        opener.wait_idle()
        choose_row(panel, 0)
        qtbot.keyClick(panel.view, Qt.Key.Key_F2)
        editor = panel.view.indexWidget(panel.model.index(0))
        assert isinstance(editor, EntryLine)
        editor.end(False)
        qtbot.keyClicks(editor, " @bh")  # completion counts the invisible mark right
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        assert strip_markers(editor.text()) == "we will ask @BH "
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "BH" in texts(db, built.workshop_id)[0])
        opener.wait_idle()
        (edited,) = panel.model.entries()
        assert strip_markers(edited.text) == "we will ask BH"
        assert edited.speakers == ("BH",)
