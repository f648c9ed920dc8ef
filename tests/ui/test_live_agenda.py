"""The agenda step and the timer: planned against actual, the over-run, moving item to item."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from live_helpers import T0, LiveOpener, build
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coprodesk.core import workshop
from coprodesk.core.db import Database
from coprodesk.core.live import Step
from coprodesk.ui.live.agenda_model import ACTUAL, ITEM, NOTE, PLANNED
from coprodesk.ui.live.window import LiveWindow


@pytest.fixture
def opener(qtbot: QtBot, event_loop: object) -> Iterator[LiveOpener]:
    with LiveOpener(qtbot) as opened:
        yield opened


def cell(window: LiveWindow, row: int, column: int) -> str:
    return str(window.agenda_page.model.index(row, column).data())


def test_the_timer_shows_planned_against_actual_and_the_over_run(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    assert window.now_bar.text() == "Bus times · 18:30 · 10 min planned"
    assert window.now_bar.caption.text() == "Next on the agenda"

    window.live.go_to(Step.AGENDA)
    opener.wait_idle()
    assert window.now_bar.caption.text() == "Current item"
    assert window.now_bar.text() == "Bus times · 18:30 · 10 min left"
    assert not window.now_bar.over()

    opener.later(window, 4.5)
    assert window.now_bar.text() == "Bus times · 18:34 · 6 min left"
    assert (cell(window, 0, PLANNED), cell(window, 0, ACTUAL)) == (
        "10 min",
        "Running: 4 min so far",
    )
    assert not window.now_bar.over()

    opener.later(window, 8.5)  # 13 minutes of 10.
    assert window.now_bar.text() == "Bus times · 18:43 · 3 min over"
    assert window.now_bar.over()  # Calm amber, and the words say "over" too.
    assert cell(window, 0, ACTUAL) == "Running: 13 min so far (3 over)"
    assert window.now_bar.line.accessibleName() == "Current item: Bus times · 18:43 · 3 min over"

    qtbot.mouseClick(window.agenda_page.next_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    assert cell(window, 0, ACTUAL) == "13 min (3 over)"
    assert cell(window, 1, ACTUAL) == "Running: 0 min so far"
    assert window.now_bar.text() == "Tea · 18:43 · 5 min left"
    assert not window.now_bar.over()
    with db.reading() as session:
        items = workshop.agenda(session, built.workshop_id)
    assert items[0].started_at == T0
    assert items[0].ended_at == T0 + timedelta(minutes=13)
    assert items[1].started_at == T0 + timedelta(minutes=13)


def test_breaks_and_content_notes_are_marked(db: Database, opener: LiveOpener) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    model = window.agenda_page.model
    assert cell(window, 1, ITEM) == "Break: Tea"
    assert model.index(1, ITEM).data(Qt.ItemDataRole.FontRole).italic()  # A break.
    assert cell(window, 2, NOTE) == "Hard stories"
    assert model.index(0, NOTE).data(Qt.ItemDataRole.AccessibleTextRole) == "No content note"


def test_start_this_item_and_finish_the_last(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    window.live.go_to(Step.AGENDA)
    opener.wait_idle()
    page = window.agenda_page
    assert not page.start_button.isEnabled()  # The running item is chosen.
    page.table.setCurrentIndex(page.model.index(2, 0))
    assert page.start_button.isEnabled()
    opener.later(window, 2)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    assert window.now_bar.text() == "Stops · 18:32 · 20 min left"
    assert page.content_note.isVisible()
    assert page.content_note.text() == "Content note for this item: Hard stories"
    assert page.next_button.text() == "&Finish this item"

    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    assert cell(window, 2, ACTUAL) == "0 min"
    # Tea never started, so it is next on the agenda; the item list stays as planned.
    assert window.now_bar.text() == "Tea · 18:32 · 5 min planned"
    assert not page.content_note.isVisible()
    with db.reading() as session:
        assert workshop.agenda(session, built.workshop_id)[2].ended_at is not None


def test_an_agenda_without_items_says_how_to_add_them(db: Database, opener: LiveOpener) -> None:
    built = build(db, with_agenda=False)
    window = opener.open(built.workshop_id)
    window.live.go_to(Step.AGENDA)
    opener.wait_idle()
    page = window.agenda_page
    assert page.empty.isVisible()
    assert not page.table.isVisible()
    assert not page.next_button.isEnabled()
    assert window.now_bar.text() == "No agenda for this workshop · 18:30"


def test_leaving_the_agenda_stops_the_timer(db: Database, opener: LiveOpener) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    window.live.go_to(Step.AGENDA)
    opener.wait_idle()
    opener.later(window, 3)
    window.live.step_forward()
    opener.wait_idle()
    assert window.step_bar.current() is Step.ACTIONS
    assert window.now_bar.caption.text() == "Next on the agenda"
    assert window.now_bar.text() == "Tea · 18:33 · 5 min planned"
