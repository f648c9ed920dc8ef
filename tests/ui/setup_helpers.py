"""Helpers for the set-up screen tests: open a screen, type like a person, read the database."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from ui_helpers import OpenWindow

from coprodesk.core import roster, workshop
from coprodesk.core import series as core
from coprodesk.core.db import Database
from coprodesk.ui.setup.page import SetupPage
from coprodesk.ui.setup.series_setup import SeriesSetupPage
from coprodesk.ui.setup.workshop_setup import WorkshopSetupPage

Page = TypeVar("Page", bound=SetupPage)


def make_series(db: Database, *, people: tuple[str, ...] = ()) -> tuple[uuid.UUID, uuid.UUID]:
    """A series with one workshop (10:00, three agenda items) and ``people``."""
    with db.transaction() as session:
        series_id = core.create_series(session, "Riverside play park")
        workshop_id = core.create_workshop(
            session,
            series_id,
            "Walkabout",
            starts_at=datetime(2026, 5, 4, 10, 0),
            venue="Oak Hall",
        )
        for title, minutes in (("Welcome", 15), ("Tea", 10), ("Ideas", 20)):
            workshop.add_agenda_item(session, workshop_id, title, minutes, is_break=title == "Tea")
        for name in people:
            roster.add_person(session, series_id, name)
    return series_id, workshop_id


def current_page(open_window: OpenWindow, kind: type[Page]) -> Page:
    host = open_window.window.setup
    assert host is not None
    open_window.qtbot.waitUntil(lambda: host.page is not None, timeout=10_000)
    page = host.page
    assert isinstance(page, kind)
    return page


def open_series_setup(
    open_window: OpenWindow, series_id: uuid.UUID, *, people: bool = False
) -> SeriesSetupPage:
    open_window.page.select_series(series_id)
    window = open_window.window
    (window.people_action if people else window.setup_series_action).trigger()
    page = current_page(open_window, SeriesSetupPage)
    open_window.wait_idle()
    return page


def open_workshop_setup(
    open_window: OpenWindow, series_id: uuid.UUID, workshop_id: uuid.UUID
) -> WorkshopSetupPage:
    open_window.page.select_series(series_id)
    open_window.page.select_workshop(workshop_id)
    open_window.window.setup_workshop_action.trigger()
    page = current_page(open_window, WorkshopSetupPage)
    open_window.wait_idle()
    return page


def leave(open_window: OpenWindow) -> None:
    """Back to series, and wait until the series page is in front again."""
    host = open_window.window.setup
    assert host is not None
    open_window.window.back_action.trigger()
    open_window.qtbot.waitUntil(lambda: host.page is None, timeout=10_000)
    open_window.wait_idle()


def replace_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Select all in ``edit``, type ``text`` and press Enter, as a person would."""
    edit.setFocus()
    edit.selectAll()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def tab_away(qtbot: QtBot, widget: QWidget) -> None:
    """Press Tab in ``widget``: focus moves on, so what it holds is saved."""
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def series_row(db: Database, series_id: uuid.UUID) -> tuple[str, str, str]:
    with db.reading() as session:
        found = core.get_series(session, series_id)
        return found.title, found.purpose, found.support_text


def people_rows(db: Database, series_id: uuid.UUID) -> list[tuple[str, str, str, bool]]:
    with db.reading() as session:
        return [
            (p.name, p.initials, p.private_role, p.reveal_role_consent)
            for p in roster.people(session, series_id)
        ]


def agenda_rows(db: Database, workshop_id: uuid.UUID) -> list[tuple[str, int, bool, str]]:
    with db.reading() as session:
        return [
            (i.title, i.planned_minutes, i.is_break, i.content_note)
            for i in workshop.agenda(session, workshop_id)
        ]
