"""Timed speaking turns in the live window are stored at each tap and survive reopening."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from live_helpers import LiveOpener, build
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from coprodesk.core import attendance, speaking
from coprodesk.core.db import Database
from coprodesk.core.live import Step
from coprodesk.core.models import AttendanceStatus


@pytest.fixture
def opener(qtbot: QtBot, event_loop: object) -> Iterator[LiveOpener]:
    with LiveOpener(qtbot) as opened:
        yield opened


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.waitUntil(lambda: button.height() > 0)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_tap_is_stored_and_a_running_turn_carries_on_after_reopening(
    qtbot: QtBot, db: Database, opener: LiveOpener
) -> None:
    built = build(db)
    wid = built.workshop_id
    with db.transaction() as session:
        for person in built.people.values():
            attendance.set_status(session, wid, person, AttendanceStatus.PRESENT)
        initials = {
            view.participant_id: view.initials for view in attendance.attendance(session, wid)
        }
    first, second = sorted(initials, key=initials.__getitem__)[:2]
    window = opener.open(wid)
    window.projector_controls.full_screen.setChecked(False)
    window.live.go_to(Step.AGENDA)
    opener.wait_idle()
    panel = window.prompts.balance

    _click(qtbot, panel.buttons[initials[first]])
    opener.wait_idle()
    with db.reading() as session:  # On disk at once: nothing waits for the window to close.
        assert speaking.speaking_now(session, wid) == first
    opener.clock.advance(seconds=30)
    _click(qtbot, panel.buttons[initials[second]])  # The next speaker: the first one stops.
    opener.wait_idle()
    with db.reading() as session:
        turns = speaking.workshop_turns(session, wid)
    assert [(turn.participant_id, turn.ended_at is None) for turn in turns] == [
        (first, False),
        (second, True),
    ]
    assert panel.buttons[initials[second]].isChecked()
    assert panel.stop.isEnabled()

    opener.close_window(window)
    opener.clock.advance(seconds=45)
    again = opener.open(wid)
    again.projector_controls.full_screen.setChecked(False)
    opener.wait_idle()
    panel = again.prompts.balance
    qtbot.waitUntil(lambda: initials[second] in panel.labels)
    assert panel.labels[initials[first]].text() == "0 in the minutes · 1 turn, 0:30"
    # Still speaking: 45 seconds while the window was closed count too.
    assert panel.labels[initials[second]].text() == (
        "0 in the minutes · 1 turn, 0:45, speaking now"
    )
    assert panel.buttons[initials[second]].isChecked()

    _click(qtbot, panel.stop)
    opener.wait_idle()
    with db.reading() as session:
        assert speaking.speaking_now(session, wid) is None
    assert not panel.stop.isEnabled()
