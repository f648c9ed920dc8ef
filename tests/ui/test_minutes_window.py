"""The minutes window, attendance by initials, and 2,000 entries without a reload."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from minutes_helpers import PanelOpener, build, choose_row, stored, type_line
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from coprodesk.core import attendance, minutes
from coprodesk.core.db import Database
from coprodesk.core.models import AttendanceStatus
from coprodesk.ui.minutes import open_minutes_window
from coprodesk.ui.minutes.window import MinutesWindow

MANY = 2_000


def test_two_thousand_entries_load_and_a_new_one_is_inserted_not_reloaded(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    start = datetime(2026, 5, 4, 18, 0)
    with db.transaction() as session:
        for number in range(MANY):
            minutes.add_entry(
                session,
                built.workshop_id,
                f"Point {number} about the buses, at some length so that it wraps " * 2,
                agenda_item_id=built.items[number * len(built.items) // MANY],
                recorded_at=start + timedelta(seconds=number),
            )
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        model = panel.model
        assert model.rowCount() == MANY
        last = panel.view.visualRect(model.index(MANY - 1))
        assert panel.view.viewport().rect().intersects(last)  # the newest entry is in view

        inserted: list[tuple[int, int]] = []
        resets: list[bool] = []
        model.rowsInserted.connect(lambda _parent, first, end: inserted.append((first, end)))
        model.modelReset.connect(lambda: resets.append(True))
        type_line(qtbot, panel, "AR: one more")
        assert inserted == [(MANY, MANY)]
        assert resets == []
        assert model.rowCount() == MANY + 1
        assert len(stored(db, built.workshop_id)) == MANY + 1
        qtbot.waitUntil(
            lambda: (
                panel.view.viewport().rect().intersects(panel.view.visualRect(model.index(MANY)))
            )
        )


def test_attendance_by_initials_with_counts(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db)
    people = built.people
    with db.transaction() as session:
        for name in ("Aisha Rahman", "Bashir Haddad", "Will Mensah"):
            present = AttendanceStatus.PRESENT
            attendance.set_status(session, built.workshop_id, people[name], present)
        attendance.set_status(
            session, built.workshop_id, people["Sam Brown"], AttendanceStatus.APOLOGIES
        )
        attendance.set_status(
            session, built.workshop_id, people["Mary-Jane O'Neil"], AttendanceStatus.IN_WRITING
        )
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        assert panel.attendance.text() == (
            "Present 3: AR, BH, WM · Apologies 1: SB · In writing 1: MJO"
        )
        with db.transaction() as session:
            attendance.set_status(
                session, built.workshop_id, people["Sam Brown"], AttendanceStatus.PRESENT
            )
        panel.refresh_attendance()
        qtbot.waitUntil(
            lambda: panel.attendance.text() == "Present 4: AR, BH, SB, WM · In writing 1: MJO"
        )


def test_a_person_added_later_is_guarded_from_the_next_enter(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    from coprodesk.core import roster

    built = build(db)
    with PanelOpener(qtbot) as opener:
        panel = opener.open(built)
        with db.transaction() as session:
            roster.add_person(session, built.series_id, "Efe Adeyemi")
        # Nobody told the panel: the guard notices the new person by itself.
        entry = type_line(qtbot, panel, "Efe will drive")
        assert entry.text.startswith("EA ")
        assert "EA" in panel.initials.stringList()


def test_minutes_window_shows_the_workshop_and_its_minutes(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=("First", "Second"))
    with PanelOpener(qtbot) as opener:
        window = open_minutes_window(opener.host, opener.runner, opener.tasks, built.workshop_id)
        assert isinstance(window, MinutesWindow)
        qtbot.waitUntil(lambda: window.panel.is_loaded, timeout=10_000)
        assert window.windowTitle() == "Minutes: Routes that work — CoproDesk"
        assert window.title.text() == "Minutes of Routes that work"
        assert window.panel.series_id == built.series_id
        assert window.panel.model.rowCount() == 2
        assert window.panel.entry_line.hasFocus()
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&Minutes", "&Edit"]
        type_line(qtbot, window.panel, "Third")
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Saved.")
        with qtbot.waitSignal(window.closed):
            window.close()


def test_a_workshop_that_is_gone_says_so_in_place(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    import uuid

    build(db)
    with PanelOpener(qtbot) as opener:
        window = open_minutes_window(opener.host, opener.runner, opener.tasks, uuid.uuid4())
        qtbot.waitUntil(lambda: window.panel.loading.text().startswith("There is no workshop"))
        assert not window.panel.is_loaded
        window.close()


def test_model_rows_are_the_entries_in_order(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=("First", "Second"))
    with PanelOpener(qtbot) as opener:
        model = opener.open(built).model
        assert model.rowCount(model.index(0)) == 0  # a flat list
        assert model.data(QModelIndex()) is None
        assert model.data(model.index(0), Qt.ItemDataRole.EditRole) == "First"
        assert model.heading_at(0) is None  # minutes with no agenda need no heading


def test_two_windows_on_one_workshop_follow_each_other_and_keep_their_place(
    qtbot: QtBot, db: Database, event_loop: asyncio.AbstractEventLoop
) -> None:
    built = build(db, notes=tuple(f"Point {n}" for n in range(1, 41)))
    with PanelOpener(qtbot) as opener:
        typing, tidying = opener.open(built), opener.open(built)
        choose_row(tidying, 2)
        with qtbot.assertNotEmitted(typing.loaded, wait=100):  # it shows its own entry as is
            type_line(qtbot, typing, "AR: the 42 is late on Mondays")
            qtbot.waitUntil(lambda: tidying.model.rowCount() == 41, timeout=10_000)
        assert tidying.model.entry_at(40) == typing.model.entry_at(40)
        chosen = tidying.current_entry()
        assert chosen is not None
        assert chosen.text == "Point 3"  # the tidying window stays where it was
        assert tidying.view.verticalScrollBar().value() < tidying.view.verticalScrollBar().maximum()
