"""Every focusable widget on every screen has an accessible name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import OpenWindow

from coprodesk.core import series as core
from coprodesk.core.db import Database
from coprodesk.ui.dialogs import TitleDialog, confirm_delete


def unnamed_focusable(top: QWidget) -> list[str]:
    widgets = [top, *top.findChildren(QWidget)]
    return [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in widgets
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not widget.accessibleName()
    ]


def test_main_window_with_data(db: Database, open_window: OpenWindow) -> None:
    with db.transaction() as session:
        series_id = core.create_series(session, "Riverside play park")
        core.create_workshop(session, series_id, "Walkabout")
    open_window.open()
    assert unnamed_focusable(open_window.window) == []


def test_main_window_problem_page(open_window: OpenWindow) -> None:
    open_window.window.show_problem("The data folder is in use.")
    assert unnamed_focusable(open_window.window) == []


def test_dialogs(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window.window
    dialog = TitleDialog(
        window, window_title="New series", field_label="Series title", submit_label="Create series"
    )
    qtbot.addWidget(dialog)
    dialog.show_problem("Please give a series title: it cannot be empty.")
    assert unnamed_focusable(dialog) == []

    box = confirm_delete(window, "Delete it?", "Delete series", "Keep series", lambda: None)
    assert unnamed_focusable(box) == []
    box.reject()


def test_title_label_is_the_fields_buddy(open_window: OpenWindow) -> None:
    open_window.page.show_series([])
    open_window.window.new_series_action.trigger()
    dialog = open_window.page.active_dialog
    assert isinstance(dialog, TitleDialog)
    (buddy_label,) = [
        label
        for label in dialog.findChildren(QWidget)
        if label is not dialog.field and getattr(label, "buddy", lambda: None)() is dialog.field
    ]
    assert buddy_label.text() == "&Series title"  # type: ignore[attr-defined]
    dialog.reject()
