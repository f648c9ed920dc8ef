"""Introductions: names only, marking people present, late arrivals, shuffling, the turn timer."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from live_helpers import PEOPLE, ROLES, LiveOpener, build
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from coprodesk.core import attendance
from coprodesk.core.db import Database
from coprodesk.core.live import Step
from coprodesk.core.models import AttendanceStatus
from coprodesk.core.rounds import PASS_NOTE, question_bank
from coprodesk.ui.dialogs import TitleDialog
from coprodesk.ui.live.window import LiveWindow

NAMES = [name for name, _role, _share in PEOPLE]


@pytest.fixture
def opener(qtbot: QtBot, event_loop: object) -> Iterator[LiveOpener]:
    with LiveOpener(qtbot) as opened:
        yield opened


def statuses(db: Database, workshop_id: uuid.UUID) -> dict[str, AttendanceStatus | None]:
    with db.reading() as session:
        return {p.name: p.status for p in attendance.attendance(session, workshop_id)}


def round_rows(window: LiveWindow) -> list[str]:
    model = window.introductions_page.model
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def open_introductions(db: Database, opener: LiveOpener) -> tuple[LiveWindow, uuid.UUID]:
    built = build(db)
    window = opener.open(built.workshop_id)
    window.live.go_to(Step.INTRODUCTIONS)
    opener.wait_idle()
    return window, built.workshop_id


def test_the_round_marks_people_present_and_moves_on(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window, workshop_id = open_introductions(db, opener)
    page = window.introductions_page
    assert page.order() == NAMES  # List order.
    assert page.current_person().name == "Bashir Haddad"  # type: ignore[union-attr]
    for _ in range(2):
        qtbot.mouseClick(page.present_button, Qt.MouseButton.LeftButton)
        opener.wait_idle()
    assert statuses(db, workshop_id) == {
        "Bashir Haddad": AttendanceStatus.PRESENT,
        "Chloé Martin": AttendanceStatus.PRESENT,
        "Dorota Wiśniewska": None,
        "Efe Adeyemi": None,
        "Fionn Byrne": None,
    }
    assert page.current_person().name == "Dorota Wiśniewska"  # type: ignore[union-attr]
    assert round_rows(window)[:3] == [
        "1. Bashir Haddad — here",
        "2. Chloé Martin — here",
        "3. Dorota Wiśniewska — not marked yet",
    ]
    assert window.side_panel.present.text() == "Present: 2"
    assert window.side_panel.not_marked.text() == "Not marked yet: 3"

    qtbot.mouseClick(page.skip_button, Qt.MouseButton.LeftButton)
    assert page.current_person().name == "Efe Adeyemi"  # type: ignore[union-attr]


def test_names_only_never_roles(db: Database, opener: LiveOpener) -> None:
    window, _ = open_introductions(db, opener)
    shown = " ".join(round_rows(window))
    for role in ROLES:
        assert role not in shown


def test_apologies_and_in_writing_for_people_not_in_the_room(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window, workshop_id = open_introductions(db, opener)
    page = window.introductions_page
    page.round.setCurrentIndex(page.model.index(NAMES.index("Chloé Martin"), 0))
    qtbot.mouseClick(page.apologies_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    page.round.setCurrentIndex(page.model.index(page.order().index("Efe Adeyemi"), 0))
    qtbot.mouseClick(page.writing_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    found = statuses(db, workshop_id)
    assert found["Chloé Martin"] is AttendanceStatus.APOLOGIES
    assert found["Efe Adeyemi"] is AttendanceStatus.IN_WRITING
    # People not in the room go to the end of the round, where they can still be changed.
    assert round_rows(window)[-2:] == [
        "Efe Adeyemi — contributing in writing",
        "Chloé Martin — sent apologies",
    ]
    assert window.side_panel.apologies.text() == "Apologies: 1"
    assert window.side_panel.in_writing.text() == "In writing: 1"

    page.round.setCurrentIndex(page.model.index(page.order().index("Chloé Martin"), 0))
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    assert statuses(db, workshop_id)["Chloé Martin"] is None


def test_someone_arrives_late_from_any_step(qtbot: QtBot, db: Database, opener: LiveOpener) -> None:
    window, workshop_id = open_introductions(db, opener)
    qtbot.mouseClick(window.side_panel.late_button, Qt.MouseButton.LeftButton)
    dialog = window.active_dialog
    assert isinstance(dialog, TitleDialog)
    assert dialog.windowTitle() == "Someone arrived late"
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)  # No name yet.
    qtbot.waitUntil(lambda: bool(dialog.problem_text()))
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.field, "Gwen Ito")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.active_dialog is None)
    opener.wait_idle()
    assert statuses(db, workshop_id)["Gwen Ito"] is AttendanceStatus.PRESENT
    assert round_rows(window)[-1] == "6. Gwen Ito — here"  # At the end of the round.

    window.live.go_to(Step.AGENDA)
    opener.wait_idle()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.active_dialog
    assert isinstance(dialog, TitleDialog)
    qtbot.keyClicks(dialog.field, "Hana Sato")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.active_dialog is None)
    opener.wait_idle()
    assert statuses(db, workshop_id)["Hana Sato"] is AttendanceStatus.PRESENT
    assert window.side_panel.present.text() == "Present: 2"


def test_shuffle_changes_the_order_and_keeps_it(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    window, _ = open_introductions(db, opener)
    page = window.introductions_page
    assert not page.shuffle_button.isEnabled()
    page.seeds = lambda: 7
    page.order_choice.setCurrentIndex(1)  # Shuffled.
    shuffled = page.order()
    assert sorted(shuffled) == sorted(NAMES)
    assert shuffled != NAMES
    assert page.shuffle_button.isEnabled()

    qtbot.mouseClick(page.present_button, Qt.MouseButton.LeftButton)
    opener.wait_idle()
    assert page.order() == shuffled  # Marking someone never reshuffles the room.

    page.seeds = lambda: 8
    qtbot.mouseClick(page.shuffle_button, Qt.MouseButton.LeftButton)
    assert page.order() != shuffled
    page.order_choice.setCurrentIndex(0)
    assert page.order() == NAMES


def test_the_question_and_the_turn_timer(db: Database, opener: LiveOpener) -> None:
    window, _ = open_introductions(db, opener)
    page = window.introductions_page
    assert page.question.pass_note.text() == PASS_NOTE
    assert page.question.pass_note.isVisible()  # Always, even with no question.
    assert not page.question.question.isVisible()
    page.question_choice.setCurrentIndex(1)
    assert page.question.question.text() == question_bank().check_in[0]
    assert page.question.question.isVisible()

    assert not page.countdown.isVisible()  # Off by default.
    page.turn_choice.setCurrentIndex(1)  # 1 minute.
    assert page.countdown.text() == "Time for Bashir Haddad: 1:00 left"
    opener.later(window, 0.75)
    assert page.countdown.text() == "Time for Bashir Haddad: 0:15 left"
    opener.later(window, 0.5)
    assert page.countdown.text() == "Time for Bashir Haddad: Time is up"
    assert page.countdown.property("over") is True
    page.next_person()
    assert page.countdown.text() == "Time for Chloé Martin: 1:00 left"
    assert page.countdown.property("over") is False
