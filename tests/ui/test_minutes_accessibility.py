"""The minutes by keyboard and screen reader, and at every text size."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from minutes_helpers import PanelOpener, build, choose_row, type_line
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from test_accessibility import unnamed_focusable

from coprodesk.core.db import Database
from coprodesk.ui.minutes import open_minutes_window
from coprodesk.ui.minutes.panel import MinutesPanel
from coprodesk.ui.palette import apply_look, set_text_scale

NOTES = ("First", "Second, which is a longer entry that wraps onto more than one line " * 3)


def focus_chain(panel: MinutesPanel) -> list[QWidget]:
    """The panel's widgets that Tab reaches, in order, starting from the entry line."""
    chain: list[QWidget] = []
    widget = panel.entry_line.nextInFocusChain()
    while widget is not panel.entry_line:
        if (
            panel.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


@pytest.fixture
def app_look(qapp: QApplication) -> Iterator[QApplication]:
    """CoproDesk's look at 100 %, as the app starts; back at 100 % afterwards."""
    apply_look(qapp, 1.0)
    yield qapp
    apply_look(qapp, 1.0)


def test_every_control_of_the_panel_has_a_name(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, second_sam=True, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        assert unnamed_focusable(panel) == []
        type_line(qtbot, panel, "Sam said we will ask")  # a notice with buttons
        assert len(panel.notice.buttons) >= 4
        assert unnamed_focusable(panel) == []
        choose_row(panel, 0)
        qtbot.keyClick(panel.view, Qt.Key.Key_F2)  # the editor in the list
        assert panel.view.indexWidget(panel.model.index(0)) is not None
        assert unnamed_focusable(panel) == []
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        panel.start_read_back()
        qtbot.keyClick(panel.read_back.card, Qt.Key.Key_C)  # the correction editor
        assert unnamed_focusable(panel) == []
        qtbot.keyClick(panel.read_back.editor, Qt.Key.Key_Escape)
        panel.finish_read_back()


def test_the_entry_line_explains_itself(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        line = panel.entry_line
        assert panel.entry_bar.kind_label.buddy() is line
        assert line.accessibleName() == "New entry: note"
        description = line.accessibleDescription()
        for part in ("Enter saves", "'AB: text'", "@AB", "Ctrl+D", "whole group's", "replaced"):
            assert part in description
        assert panel.view.accessibleName() == "Minutes"
        assert "F2" in panel.view.accessibleDescription()
        assert panel.entry_bar.in_writing.text() == "Sent in &writing"


def test_everything_is_reachable_by_keyboard(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        chain = focus_chain(panel)
        for widget in (
            panel.entry_bar.save_button,
            panel.entry_bar.in_writing,
            panel.read_back_button,
            panel.view,
        ):
            assert widget in chain
        # Reading order: the list comes before the line, the line before its buttons.
        assert chain.index(panel.read_back_button) < chain.index(panel.view)
        # Every command also has a key, listed in the shortcuts sheet's group.
        for action in (
            panel.undo_action,
            panel.redo_action,
            panel.edit_action,
            panel.delete_action,
            panel.move_up_action,
            panel.move_down_action,
            panel.read_back_action,
            *panel.kind_actions.values(),
        ):
            assert action.shortcut().toString(), action.text()
            assert action.property("shortcut_group") == "Taking the minutes"
        panel.start_read_back()
        buttons = [
            panel.read_back.agree_button,
            panel.read_back.correct_button,
            panel.read_back.next_button,
            panel.read_back.finish_button,
        ]
        card_chain: list[QWidget] = []
        widget = panel.read_back.card.nextInFocusChain()
        while widget is not panel.read_back.card:
            if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                card_chain.append(widget)
            widget = widget.nextInFocusChain()
        assert all(button in card_chain for button in buttons)
        panel.finish_read_back()


def test_the_minutes_window_names_everything(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        window = open_minutes_window(opener.host, opener.runner, opener.tasks, built.workshop_id)
        qtbot.waitUntil(lambda: window.panel.is_loaded, timeout=10_000)
        assert unnamed_focusable(window) == []
        window.panel.start_read_back()
        assert unnamed_focusable(window) == []
        window.close()


def test_text_size_scales_the_minutes_and_read_back(
    qtbot: QtBot,
    db: Database,
    event_loop: asyncio.AbstractEventLoop,
    app_look: QApplication,
) -> None:
    qapp = app_look
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        qtbot.waitUntil(lambda: panel.view.visualRect(panel.model.index(1)).height() > 0)
        row_height = panel.view.visualRect(panel.model.index(1)).height()
        panel.start_read_back()
        text_size = panel.read_back.text.font().pointSizeF()
        assert text_size == pytest.approx(qapp.font().pointSizeF() * 1.6)
        panel.finish_read_back()

        set_text_scale(qapp, 2.0)
        qtbot.waitUntil(
            lambda: panel.view.visualRect(panel.model.index(1)).height() > row_height * 1.5
        )
        assert panel.entry_line.font().pointSizeF() == pytest.approx(24.0)
        panel.start_read_back()
        assert panel.read_back.text.font().pointSizeF() == pytest.approx(text_size * 2)
        panel.finish_read_back()


def test_panel_keys_work_from_the_entry_line(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=NOTES)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        panel.window().activateWindow()
        qtbot.waitUntil(lambda: panel.entry_line.hasFocus())
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_F2)  # edits the newest entry
        editor = panel.view.indexWidget(panel.model.index(1))
        assert editor is not None
        assert QApplication.focusWidget() is editor
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
        qtbot.keyClick(panel.view, Qt.Key.Key_Escape)
        assert panel.entry_line.hasFocus()
        qtbot.keyClick(panel.entry_line, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
        assert panel.read_back_active()
        qtbot.keyClick(panel.read_back.card, Qt.Key.Key_Escape)
        assert not panel.read_back_active()
