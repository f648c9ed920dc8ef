"""The live window's steps: every move is saved at once and survives reopening."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from live_helpers import T0, LiveOpener, build
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from ui_helpers import message_boxes

from coprodesk.core import live, series
from coprodesk.core.db import Database
from coprodesk.core.live import STEPS, Step
from coprodesk.core.models import WorkshopStatus


@pytest.fixture
def opener(qtbot: QtBot, event_loop: object) -> Iterator[LiveOpener]:
    with LiveOpener(qtbot) as opened:
        yield opened


def stored_step(db: Database, workshop_id: uuid.UUID) -> Step:
    with db.reading() as session:
        return live.current_step(session, workshop_id)


def test_opening_starts_a_planned_workshop_at_the_welcome(db: Database, opener: LiveOpener) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    assert window.step_bar.current() is Step.WELCOME
    assert window.current_page() is window.page(Step.WELCOME)
    assert "Routes that work" in window.windowTitle()
    with db.reading() as session:
        stored = series.get_workshop(session, built.workshop_id)
        assert stored.status is WorkshopStatus.LIVE
        assert stored.started_at == T0


def test_moving_through_the_steps_writes_each_one(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    for step in STEPS[1:]:
        qtbot.mouseClick(window.step_buttons.forward_button, Qt.MouseButton.LeftButton)
        opener.wait_idle()
        assert stored_step(db, built.workshop_id) is step
        assert window.step_bar.current() is step
        assert window.current_page() is window.page(step)
    assert not window.step_buttons.forward_button.isEnabled()  # Close is the last step.

    qtbot.mouseClick(window.step_bar.buttons[Step.AGREEMENT], Qt.MouseButton.LeftButton)
    opener.wait_idle()
    assert stored_step(db, built.workshop_id) is Step.AGREEMENT
    assert window.step_bar.buttons[Step.AGREEMENT].isChecked()
    assert window.step_bar.buttons[Step.AGREEMENT].accessibleDescription() == "Current step"
    assert not window.step_bar.buttons[Step.CLOSE].isChecked()


def test_ctrl_page_down_and_up_move_between_steps(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.step_bar.buttons[Step.WELCOME].setFocus()
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    opener.wait_idle()
    # Two quick presses move two steps, even before the window has caught up.
    assert stored_step(db, built.workshop_id) is Step.AGREEMENT
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    opener.wait_idle()
    assert stored_step(db, built.workshop_id) is Step.INTRODUCTIONS
    assert window.step_bar.current() is Step.INTRODUCTIONS


def test_reopening_resumes_at_the_step_and_item(db: Database, opener: LiveOpener) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    window.live.go_to(Step.AGENDA)
    opener.wait_idle()
    opener.later(window, 4)
    window.live.next_item()
    opener.close_window(window)

    opener.later(window, 3)  # The clock runs on while the window is closed.
    again = opener.open(built.workshop_id)
    assert again.step_bar.current() is Step.AGENDA
    assert again.current_page() is again.page(Step.AGENDA)
    assert again.now_bar.text() == "Tea · 18:37 · 2 min left"
    with db.reading() as session:
        stored = series.get_workshop(session, built.workshop_id)
        assert stored.current_agenda_item_id == built.items[1]
        assert stored.started_at == T0  # Reopening does not start it again.


def test_close_and_reopen_the_workshop(qtbot: QtBot, db: Database, opener: LiveOpener) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    window.live.go_to(Step.CLOSE)
    opener.wait_idle()
    page = window.close_page
    opener.later(window, 90)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    with db.reading() as session:
        stored = series.get_workshop(session, built.workshop_id)
        assert stored.status is WorkshopStatus.CLOSED
        assert stored.closed_at == T0 + timedelta(minutes=90)
    assert page.reopen_button.isVisible()
    assert not page.close_button.isVisible()
    assert "closed at 20:00" in page.status.text()
    assert not window.step_bar.buttons[Step.AGENDA].isEnabled()
    assert not window.side_panel.late_button.isEnabled()

    opener.close_window(window)
    again = opener.open(built.workshop_id)
    assert again.step_bar.current() is Step.CLOSE
    reopen = again.close_page.reopen_button
    qtbot.mouseClick(reopen, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    with db.reading() as session:
        assert series.get_workshop(session, built.workshop_id).status is WorkshopStatus.LIVE
    assert again.step_bar.buttons[Step.AGENDA].isEnabled()
    assert again.close_page.close_button.isVisible()


def test_welcome_shows_purpose_when_and_where(db: Database, opener: LiveOpener) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    texts = [label.text() for label in window.welcome_page.findChildren(QLabel)]
    assert "Choose two routes to try." in texts
    assert "Monday 4 May 2026, 18:30 to 19:05" in texts
    assert "Oak Hall" in texts
    assert "Part of Bus routes review" in texts


def test_closing_the_window_during_a_save_keeps_the_change_quietly(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    built = build(db)
    window = opener.open(built.workshop_id)
    opener.windows.remove(window)
    window.live.go_to(Step.AGENDA)
    window.close()
    opener.wait_idle()
    qtbot.wait(10)  # The window is deleted after it closes.
    assert message_boxes() == []
    assert stored_step(db, built.workshop_id) is Step.AGENDA
