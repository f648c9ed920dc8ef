"""The main window against a real database in a temporary data folder."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from ui_helpers import OpenWindow

from coprodesk.core import series as core
from coprodesk.core.db import Database
from coprodesk.ui.dialogs import TitleDialog
from coprodesk.ui.series_page import NO_SERIES_TEXT, SeriesPage


def fill(db: Database) -> tuple[uuid.UUID, uuid.UUID]:
    with db.transaction() as session:
        river = core.create_series(session, "Riverside play park")
        core.create_series(session, "Bus routes review")
        first = core.create_workshop(session, river, "Walkabout", venue="Oak Hall")
    return river, first


def titles(db: Database) -> list[str]:
    with db.reading() as session:
        return [summary.title for summary in core.list_series(session)]


def workshop_titles(db: Database, series_id: uuid.UUID) -> list[str]:
    with db.reading() as session:
        (found,) = [s for s in core.list_series(session) if s.id == series_id]
        return [workshop.title for workshop in found.workshops]


def title_dialog(page: SeriesPage) -> TitleDialog:
    dialog = page.active_dialog
    assert isinstance(dialog, TitleDialog)
    return dialog


def submit(qtbot: QtBot, page: SeriesPage, text: str) -> None:
    """Type ``text`` into the open title dialog and press its OK button; wait for the reload."""
    dialog = title_dialog(page)
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, text)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)


def confirm(qtbot: QtBot, page: SeriesPage, label: str) -> None:
    box = page.active_dialog
    assert isinstance(box, QMessageBox)
    (button,) = [b for b in box.findChildren(QPushButton) if b.text() == label]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_window_shows_the_series_and_workshops(db: Database, open_window: OpenWindow) -> None:
    river, _ = fill(db)
    open_window.open()
    page = open_window.page
    model = page.series_model
    assert [model.series_at(row).title for row in range(model.rowCount())] == [  # type: ignore[union-attr]
        "Bus routes review",
        "Riverside play park",
    ]
    page.select_series(river)
    workshops = page.workshop_model
    assert workshops.rowCount() == 1
    row = [workshops.index(0, column).data() for column in range(workshops.columnCount())]
    assert row == ["Walkabout", "No date yet", "Oak Hall", "Planned"]
    assert page.workshops_heading.text() == "Workshops in Riverside play park"


def test_empty_data_folder_teaches_the_next_step(open_window: OpenWindow) -> None:
    open_window.open()
    window = open_window.window
    page = open_window.page
    assert page.series_empty.isVisible()
    assert page.series_empty.text() == NO_SERIES_TEXT
    assert not page.series_view.isVisible()
    assert window.new_series_action.isEnabled()
    assert not window.new_workshop_action.isEnabled()


def test_new_series_is_saved_at_once(qtbot: QtBot, db: Database, open_window: OpenWindow) -> None:
    open_window.open()
    window = open_window.window
    page = open_window.page
    window.new_series_action.trigger()
    submit(qtbot, page, "Library opening hours")
    assert titles(db) == ["Library opening hours"]
    current = page.current_series()
    assert current is not None
    assert current.title == "Library opening hours"
    assert page.active_dialog is None


def test_rename_and_delete_series(qtbot: QtBot, db: Database, open_window: OpenWindow) -> None:
    river, _ = fill(db)
    open_window.open()
    window = open_window.window
    page = open_window.page
    page.select_series(river)
    window.rename_series_action.trigger()
    assert title_dialog(page).field.text() == "Riverside play park"
    submit(qtbot, page, "Riverside park")
    assert titles(db) == ["Bus routes review", "Riverside park"]

    page.select_series(river)
    window.delete_series_action.trigger()
    box = page.active_dialog
    assert isinstance(box, QMessageBox)
    assert "Riverside park" in box.text()
    assert "1 workshop" in box.text()
    confirm(qtbot, page, "Delete series")
    assert titles(db) == ["Bus routes review"]


def test_keeping_a_series_changes_nothing(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    fill(db)
    open_window.open()
    window = open_window.window
    page = open_window.page
    window.delete_series_action.trigger()
    box = page.active_dialog
    assert isinstance(box, QMessageBox)
    (keep,) = [b for b in box.findChildren(QPushButton) if b.text() == "Keep series"]
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    open_window.wait_idle()
    assert titles(db) == ["Bus routes review", "Riverside play park"]


def test_new_rename_and_delete_workshop(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    river, walkabout = fill(db)
    open_window.open()
    window = open_window.window
    page = open_window.page
    page.select_series(river)

    window.new_workshop_action.trigger()
    submit(qtbot, page, "Design day")
    assert workshop_titles(db, river) == ["Design day", "Walkabout"]
    selected = page.current_workshop()
    assert selected is not None
    assert selected.title == "Design day"

    page.select_workshop(walkabout)
    window.rename_workshop_action.trigger()
    submit(qtbot, page, "Site walkabout")
    assert workshop_titles(db, river) == ["Design day", "Site walkabout"]

    page.select_workshop(walkabout)
    window.delete_workshop_action.trigger()
    box = page.active_dialog
    assert isinstance(box, QMessageBox)
    assert "Site walkabout" in box.text()
    confirm(qtbot, page, "Delete workshop")
    assert workshop_titles(db, river) == ["Design day"]


def test_bad_titles_show_the_plain_message_and_change_nothing(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    river, _ = fill(db)
    open_window.open()
    window = open_window.window
    page = open_window.page
    page.select_series(river)

    window.rename_series_action.trigger()
    dialog = title_dialog(page)
    dialog.field.clear()
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.problem_text()))
    assert dialog.problem_text() == "Please give a series title: it cannot be empty."
    assert dialog.isVisible()

    dialog.field.setText("x" * 400)
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "400" in dialog.problem_text())
    assert dialog.problem_text().startswith("A series title can be at most 300 characters")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    open_window.wait_idle()

    window.new_series_action.trigger()
    new_dialog = title_dialog(page)
    qtbot.keyClicks(new_dialog.field, "   ")
    qtbot.mouseClick(new_dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(new_dialog.problem_text()))
    new_dialog.reject()

    window.new_workshop_action.trigger()
    workshop_dialog = title_dialog(page)
    qtbot.mouseClick(workshop_dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(workshop_dialog.problem_text()))
    assert workshop_dialog.problem_text() == "Please give a workshop title: it cannot be empty."
    workshop_dialog.reject()

    assert titles(db) == ["Bus routes review", "Riverside play park"]
    assert workshop_titles(db, river) == ["Walkabout"]


def test_keyboard_shortcuts_open_the_dialogs(
    qtbot: QtBot, db: Database, open_window: OpenWindow
) -> None:
    river, walkabout = fill(db)
    open_window.open()
    window = open_window.window
    page = open_window.page
    window.activateWindow()
    page.select_series(river)

    page.series_view.setFocus()
    qtbot.keyClick(page.series_view, Qt.Key.Key_F2)
    assert title_dialog(page).windowTitle() == "Rename series"
    title_dialog(page).reject()

    page.workshop_view.setFocus()
    qtbot.keyClick(page.workshop_view, Qt.Key.Key_F2)
    assert title_dialog(page).windowTitle() == "Rename workshop"
    title_dialog(page).reject()

    qtbot.keyClick(page.workshop_view, Qt.Key.Key_Delete)
    box = page.active_dialog
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "Delete workshop"
    box.reject()

    qtbot.keyClick(page.series_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert title_dialog(page).windowTitle() == "New series"
    title_dialog(page).reject()

    qtbot.keyClick(
        page.series_view,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert title_dialog(page).windowTitle() == "New workshop"
    title_dialog(page).reject()
    assert walkabout in {w.id for w in page.current_series().workshops}  # type: ignore[union-attr]
