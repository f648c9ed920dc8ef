"""Setting up a series: opening the screen, its fields, the planned dates, and leaving it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from setup_helpers import (
    current_page,
    leave,
    make_series,
    open_series_setup,
    replace_text,
    series_row,
    tab_away,
)
from ui_helpers import OpenWindow

from coprodesk.core import workshop
from coprodesk.core.db import Database
from coprodesk.ui.setup.page import LEAVE_WARNING
from coprodesk.ui.setup.series_setup import SeriesSetupPage


def test_enter_on_a_series_opens_its_setup_and_back_returns(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, _ = make_series(db)
    open_window.open()
    window, page = open_window.window, open_window.page
    page.select_series(series_id)
    page.series_view.setFocus()
    qtbot.keyClick(page.series_view, Qt.Key.Key_Return)
    setup = current_page(open_window, SeriesSetupPage)
    assert window.pages.currentWidget() is setup
    assert setup.heading.text() == "Set up the series: Riverside play park"
    assert setup.title_edit.hasFocus()
    # The series commands are off while the set-up screen is in front.
    assert not window.delete_action.isEnabled()
    assert not window.new_series_action.isEnabled()
    assert window.back_action.isEnabled()

    leave(open_window)
    assert window.pages.currentWidget() is page
    assert page.series_view.hasFocus()
    assert window.delete_action.isEnabled()
    assert not window.back_action.isEnabled()


def test_double_click_and_the_menu_open_the_setup(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, _ = make_series(db)
    open_window.open()
    page = open_window.page
    page.select_series(series_id)
    view = page.series_view
    centre = view.visualRect(page.series_model.index(0)).center()
    # A click first: Qt's test double-click alone does not count as a second press.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    current_page(open_window, SeriesSetupPage)
    leave(open_window)

    open_window.window.people_action.trigger()
    setup = current_page(open_window, SeriesSetupPage)
    assert setup.tabs.currentIndex() == 1
    assert setup.roster.name_edit.hasFocus()
    # Ctrl+Tab moves between the tabs, as the guide says.
    qtbot.keyClick(setup.roster.name_edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert setup.tabs.currentIndex() == 0


def test_title_purpose_and_support_are_saved_as_you_go(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, _ = make_series(db)
    open_window.open()
    setup = open_series_setup(open_window, series_id)

    replace_text(qtbot, setup.title_edit, "Riverside park")
    open_window.wait_idle()
    assert series_row(db, series_id)[0] == "Riverside park"
    assert setup.heading.text() == "Set up the series: Riverside park"
    assert setup.status.text().startswith("Saved at ")
    # The main window's list follows.
    qtbot.waitUntil(
        lambda: open_window.page.series_model.series_at(0).title == "Riverside park"  # type: ignore[union-attr]
    )

    setup.purpose_box.setFocus()
    qtbot.keyClicks(setup.purpose_box, "Decide together what the park needs.")
    # Saved after a short pause in typing, without leaving the field.
    qtbot.waitUntil(
        lambda: series_row(db, series_id)[1] == "Decide together what the park needs.",
        timeout=5000,
    )

    setup.support_box.setFocus()
    qtbot.keyClicks(setup.support_box, "Talk to Priya at the front desk.")
    tab_away(qtbot, setup.support_box)
    open_window.wait_idle()
    assert series_row(db, series_id)[2] == "Talk to Priya at the front desk."


def test_bad_titles_show_the_message_and_change_nothing(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, _ = make_series(db)
    open_window.open()
    setup = open_series_setup(open_window, series_id)

    replace_text(qtbot, setup.title_edit, "")
    qtbot.waitUntil(lambda: bool(setup.title_field.problem_text()))
    assert setup.title_field.problem_text() == "Please give a series title: it cannot be empty."
    assert setup.title_edit.accessibleDescription() == setup.title_field.problem_text()
    assert setup.status.text() == "Not saved: see the message beside the field."
    assert series_row(db, series_id)[0] == "Riverside play park"

    long_title = "x" * 301
    replace_text(qtbot, setup.title_edit, long_title)
    qtbot.waitUntil(lambda: "301" in setup.title_field.problem_text())
    assert setup.title_field.problem_text().startswith(
        "A series title can be at most 300 characters; this one has 301."
    )
    assert setup.title_edit.text() == long_title  # Kept as typed, to shorten.
    assert series_row(db, series_id)[0] == "Riverside play park"

    replace_text(qtbot, setup.title_edit, "Riverside park")
    qtbot.waitUntil(lambda: not setup.title_field.problem_text())
    assert series_row(db, series_id)[0] == "Riverside park"


def test_leaving_with_a_refused_value_warns_once(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, _ = make_series(db)
    open_window.open()
    window = open_window.window
    setup = open_series_setup(open_window, series_id)
    replace_text(qtbot, setup.title_edit, "")
    qtbot.waitUntil(lambda: bool(setup.title_field.problem_text()))

    window.back_action.trigger()
    qtbot.waitUntil(lambda: setup.status.text() == LEAVE_WARNING)
    assert window.pages.currentWidget() is setup
    assert setup.title_edit.hasFocus()

    leave(open_window)
    assert window.pages.currentWidget() is open_window.page
    assert series_row(db, series_id)[0] == "Riverside play park"


def test_planned_dates_are_added_removed_and_put_back(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    series_id, _ = make_series(db)
    open_window.open()
    setup = open_series_setup(open_window, series_id)
    timeline = setup.timeline
    assert timeline.empty.isVisible()
    assert not timeline.view.isVisible()

    timeline.date_edit.setDate(QDate(2026, 6, 1))
    timeline.label_edit.setFocus()
    qtbot.keyClicks(timeline.label_edit, "Design day")
    qtbot.keyClick(timeline.label_edit, Qt.Key.Key_Return)
    open_window.wait_idle()
    timeline.date_edit.setDate(QDate(2026, 5, 11))
    qtbot.mouseClick(timeline.add_button, Qt.MouseButton.LeftButton)
    open_window.wait_idle()

    def planned() -> list[tuple[date, str]]:
        with db.reading() as session:
            return [(p.planned_on, p.label) for p in workshop.planned_sessions(session, series_id)]

    assert planned() == [(date(2026, 5, 11), ""), (date(2026, 6, 1), "Design day")]
    assert timeline.label_edit.text() == ""
    assert timeline.model.data(timeline.model.index(1)) == "Mon 1 June 2026 — Design day"

    timeline.view.setCurrentIndex(timeline.model.index(1))
    timeline.view.setFocus()
    qtbot.keyClick(timeline.view, Qt.Key.Key_Delete)
    open_window.wait_idle()
    assert planned() == [(date(2026, 5, 11), "")]
    assert setup.undo_bar.message.text() == "Removed the date Mon 1 June 2026 — Design day."

    qtbot.mouseClick(setup.undo_bar.button, Qt.MouseButton.LeftButton)
    open_window.wait_idle()
    assert planned() == [(date(2026, 5, 11), ""), (date(2026, 6, 1), "Design day")]
    assert not setup.undo_bar.isVisible()
