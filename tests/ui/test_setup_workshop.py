"""Setting up a workshop: its details, its date and time, and the agenda editor."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot
from setup_helpers import (
    agenda_rows,
    current_page,
    make_series,
    open_workshop_setup,
    replace_text,
)
from ui_helpers import OpenWindow

from coprodesk.core import series as core
from coprodesk.core.db import Database
from coprodesk.ui.setup.agenda_model import DIFFICULT_NOTE, timing_words
from coprodesk.ui.setup.workshop_setup import WorkshopSetupPage


def workshop_row(db: Database, workshop_id: object) -> tuple[str, datetime | None, str, str]:
    with db.reading() as session:
        found = core.get_workshop(session, workshop_id)  # type: ignore[arg-type]
        return found.title, found.starts_at, found.venue, found.purpose


def test_enter_on_a_workshop_opens_its_setup(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, workshop_id = make_series(db)
    open_window.open()
    page = open_window.page
    page.select_series(series_id)
    page.select_workshop(workshop_id)
    page.workshop_view.setFocus()
    qtbot.keyClick(page.workshop_view, Qt.Key.Key_Return)
    setup = current_page(open_window, WorkshopSetupPage)
    assert setup.heading.text() == "Set up the workshop: Walkabout"
    assert setup.agenda.timing.text() == "Starts 10:00 · ends 10:45 · 45 min"
    assert setup.agenda.timing.accessibleDescription() == (
        "Starts at 10:00, ends at 10:45, 45 minutes"
    )
    open_window.window.back_action.trigger()
    qtbot.waitUntil(lambda: page.workshop_view.hasFocus())


def test_details_are_saved_and_the_lists_follow(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, workshop_id = make_series(db)
    open_window.open()
    setup = open_workshop_setup(open_window, series_id, workshop_id)

    replace_text(qtbot, setup.title_edit, "Park walkabout")
    replace_text(qtbot, setup.venue_edit, "Oak Hall, small room")
    setup.purpose_box.setFocus()
    qtbot.keyClicks(setup.purpose_box, "See the park together.")
    qtbot.keyClick(setup.purpose_box, Qt.Key.Key_Tab)
    open_window.wait_idle()
    title, _, venue, purpose = workshop_row(db, workshop_id)
    assert title == "Park walkabout"
    assert venue == "Oak Hall, small room"
    assert purpose == "See the park together."
    workshops = open_window.page.workshop_model
    qtbot.waitUntil(lambda: workshops.index(0, 0).data() == "Park walkabout")
    assert workshops.index(0, 2).data() == "Oak Hall, small room"


def test_bad_workshop_titles_change_nothing(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, workshop_id = make_series(db)
    open_window.open()
    setup = open_workshop_setup(open_window, series_id, workshop_id)
    replace_text(qtbot, setup.title_edit, "")
    qtbot.waitUntil(lambda: bool(setup.title_field.problem_text()))
    assert setup.title_field.problem_text() == "Please give a workshop title: it cannot be empty."
    replace_text(qtbot, setup.title_edit, "y" * 301)
    qtbot.waitUntil(lambda: "301" in setup.title_field.problem_text())
    assert workshop_row(db, workshop_id)[0] == "Walkabout"


def test_date_and_time_and_no_date_yet(qtbot: QtBot, db: Database, open_window: OpenWindow) -> None:
    series_id, workshop_id = make_series(db)
    open_window.open()
    setup = open_workshop_setup(open_window, series_id, workshop_id)
    assert not setup.no_date.isChecked()

    setup.starts.setDateTime(QDateTime(datetime(2026, 5, 5, 13, 30)))
    qtbot.waitUntil(lambda: workshop_row(db, workshop_id)[1] == datetime(2026, 5, 5, 13, 30))
    qtbot.waitUntil(lambda: setup.agenda.timing.text() == "Starts 13:30 · ends 14:15 · 45 min")
    assert setup.agenda.model.index(2, 0).data() == "13:55"

    setup.no_date.setFocus()
    qtbot.keyClick(setup.no_date, Qt.Key.Key_Space)
    open_window.wait_idle()
    assert workshop_row(db, workshop_id)[1] is None
    assert not setup.starts.isEnabled()
    assert setup.agenda.timing.text() == "No start time yet · 45 min planned"
    workshops = open_window.page.workshop_model
    qtbot.waitUntil(lambda: workshops.index(0, 1).data() == "No date yet")

    qtbot.keyClick(setup.no_date, Qt.Key.Key_Space)
    open_window.wait_idle()
    assert workshop_row(db, workshop_id)[1] == datetime(2026, 5, 5, 13, 30)


def test_agenda_items_are_added_changed_and_the_end_follows(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, workshop_id = make_series(db)
    open_window.open()
    agenda = open_workshop_setup(open_window, series_id, workshop_id).agenda

    qtbot.mouseClick(agenda.add_button, Qt.MouseButton.LeftButton)
    open_window.wait_idle()
    assert agenda.title_edit.hasFocus()
    assert agenda.title_edit.selectedText() == "New item"
    assert agenda_rows(db, workshop_id)[-1] == ("New item", 15, False, "")
    assert agenda.timing.text() == "Starts 10:00 · ends 11:00 · 1 h"

    qtbot.keyClicks(agenda.title_edit, "Where the swings go")
    qtbot.keyClick(agenda.title_edit, Qt.Key.Key_Tab)  # On to the minutes.
    open_window.wait_idle()
    assert agenda.minutes.hasFocus()
    agenda.minutes.selectAll()
    qtbot.keyClicks(agenda.minutes, "45")
    open_window.wait_idle()
    assert agenda.timing.text() == "Starts 10:00 · ends 11:30 · 1 h 30 min"
    qtbot.mouseClick(agenda.suggest_button, Qt.MouseButton.LeftButton)
    open_window.wait_idle()
    assert agenda_rows(db, workshop_id)[-1] == (
        "Where the swings go",
        45,
        False,
        DIFFICULT_NOTE,
    )

    agenda.table.setCurrentIndex(agenda.model.index(0, 1))
    assert agenda.title_edit.text() == "Welcome"
    agenda.is_break.setFocus()
    qtbot.keyClick(agenda.is_break, Qt.Key.Key_Space)
    open_window.wait_idle()
    assert agenda_rows(db, workshop_id)[0] == ("Welcome", 15, True, "")


def test_zero_minutes_is_refused_and_changes_nothing(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, workshop_id = make_series(db)
    open_window.open()
    agenda = open_workshop_setup(open_window, series_id, workshop_id).agenda
    agenda.minutes.setFocus()
    agenda.minutes.selectAll()
    qtbot.keyClicks(agenda.minutes, "0")
    qtbot.waitUntil(lambda: bool(agenda.minutes_field.problem_text()))
    assert agenda.minutes_field.problem_text() == (
        "An agenda item can be planned for 1 to 480 minutes; 0 is outside that."
    )
    assert agenda.minutes.value() == 0  # Kept as typed.
    assert agenda_rows(db, workshop_id)[0][1] == 15
    assert agenda.timing.text() == "Starts 10:00 · ends 10:45 · 45 min"

    replace = agenda.title_edit
    replace.setFocus()
    replace.selectAll()
    qtbot.keyClick(replace, Qt.Key.Key_Delete)
    qtbot.keyClick(replace, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(agenda.title_field.problem_text()))
    assert agenda.title_field.problem_text() == (
        "Please give a title for the agenda item: it cannot be empty."
    )
    assert agenda_rows(db, workshop_id)[0][0] == "Welcome"


def test_items_move_with_ctrl_arrows_and_delete_can_be_undone(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, workshop_id = make_series(db)
    open_window.open()
    setup = open_workshop_setup(open_window, series_id, workshop_id)
    agenda = setup.agenda
    table = agenda.table
    table.setFocus()
    table.setCurrentIndex(agenda.model.index(0, 1))

    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    open_window.wait_idle()
    assert [row[0] for row in agenda_rows(db, workshop_id)] == ["Tea", "Welcome", "Ideas"]
    assert agenda.chosen().title == "Welcome"  # type: ignore[union-attr]
    assert table.hasFocus()
    assert agenda.model.index(1, 0).data() == "10:10"

    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    open_window.wait_idle()
    assert [row[0] for row in agenda_rows(db, workshop_id)] == ["Welcome", "Tea", "Ideas"]
    assert not agenda.up_button.isEnabled()

    table.setCurrentIndex(agenda.model.index(1, 1))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    open_window.wait_idle()
    assert [row[0] for row in agenda_rows(db, workshop_id)] == ["Welcome", "Ideas"]
    assert setup.undo_bar.message.text() == "Deleted the agenda item “Tea”."
    assert agenda.timing.text() == "Starts 10:00 · ends 10:35 · 35 min"

    qtbot.mouseClick(setup.undo_bar.button, Qt.MouseButton.LeftButton)
    open_window.wait_idle()
    assert agenda_rows(db, workshop_id) == [
        ("Welcome", 15, False, ""),
        ("Tea", 10, True, ""),
        ("Ideas", 20, False, ""),
    ]


def test_timing_words() -> None:
    assert timing_words(None, []) == ("No agenda items yet", "No agenda items yet")
    start = datetime(2026, 5, 4, 23, 0)
    assert timing_words(start, [])[0] == "Starts 23:00 · no agenda items yet"
